// End-to-end tests of the arithmetic behind the EN 16931 calculation rules:
// overflow (issue 12, defect 3) and signed zeros (issue 13) on real documents
// derived from the official examples and mutants.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "process_support.h"

namespace fs = std::filesystem;
using einvoice::test::Folder;
using einvoice::test::Outcome;
using einvoice::test::read_all;
using einvoice::test::replace_first;
using einvoice::test::run_einvoice;

namespace {

fs::path corpus(const std::string& relative) {
  return fs::path(EINVOICE_CORPUS_DIR) / relative;
}

// `text` with the first `from` replaced by `to`; the test fails if it is absent.
std::string mutate(const std::string& text, const std::string& from, const std::string& to) {
  REQUIRE(text.find(from) != std::string::npos);
  return replace_first(text, from, to);
}

void write(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

const std::string kTenToThe35 = "1" + std::string(35, '0');

}  // namespace

// The line net amount 19.9 of the first line becomes 10^35, the totals stay:
// the lines no longer sum to BT-106 (BR-CO-10) nor the standard rated lines
// to the breakdown's taxable amount (BR-S-08). Before the fix the sums
// overflowed and both rules were dropped: exit 0.
TEST_CASE("A line net amount of 10^35 breaks BR-CO-10 and BR-S-08 in CII, UBL and Factur-X",
          "[cli][arithmetic]") {
  Folder folder("arithmetic-overflow");
  const fs::path cii = folder.path() / "cii-1e35.xml";
  write(cii, mutate(read_all(corpus("en16931/cii/examples/CII_example1.xml")),
                    "<ram:LineTotalAmount>19.9</ram:LineTotalAmount>",
                    "<ram:LineTotalAmount>" + kTenToThe35 + "</ram:LineTotalAmount>"));
  Outcome cii_run = run_einvoice(folder.path(), "cii", "validate " + cii.string());
  INFO(cii_run.out << cii_run.err);
  CHECK(cii_run.exit_code == 1);
  CHECK(cii_run.out.find("BR-CO-10") != std::string::npos);
  CHECK(cii_run.out.find("BR-S-08") != std::string::npos);

  // The same invoice in UBL (the official ubl-tc434-example1 is CII_example1).
  const fs::path ubl = folder.path() / "ubl-1e35.xml";
  write(ubl, mutate(read_all(corpus("en16931/ubl/examples/ubl-tc434-example1.xml")),
                    "<cbc:LineExtensionAmount currencyID=\"EUR\">19.90</cbc:LineExtensionAmount>",
                    "<cbc:LineExtensionAmount currencyID=\"EUR\">" + kTenToThe35 +
                        "</cbc:LineExtensionAmount>"));
  Outcome ubl_run = run_einvoice(folder.path(), "ubl", "validate " + ubl.string());
  INFO(ubl_run.out << ubl_run.err);
  CHECK(ubl_run.exit_code == 1);
  CHECK(ubl_run.out.find("BR-CO-10") != std::string::npos);
  CHECK(ubl_run.out.find("BR-S-08") != std::string::npos);

  // A Factur-X carrying the CII.
  const fs::path pdf = folder.path() / "fx-1e35.pdf";
  Outcome built = run_einvoice(
      folder.path(), "build",
      "facturx build --xml " + cii.string() + " --pdf " +
          corpus("facturx/pdf/library__MustangGnuaccountingBeispielRE-20170509_505PDF14.pdf")
              .string() +
          " -o " + pdf.string());
  INFO(built.out << built.err);
  REQUIRE(built.exit_code == 0);
  Outcome checked = run_einvoice(folder.path(), "check", "facturx check " + pdf.string());
  INFO(checked.out << checked.err);
  CHECK(checked.exit_code == 1);
  CHECK(checked.out.find("BR-CO-10") != std::string::npos);
  CHECK(checked.out.find("BR-S-08") != std::string::npos);
}

// Issue 13: BT-117 written -0.00 in the only VAT breakdown, category G. The
// CII artefact sums the untyped CalculatedAmount nodes as xs:double:
// sum(-0.0) is -0.0, round(-0.0 * 10 * 10) div 100 stays -0.0, and the
// official validator tells -0.0 from the 0.00 of BT-110, so BR-CO-14 fails
// beside BR-G-09 ("CalculatedAmount = 0", -0.0 against 0). The UBL artefact
// casts every amount to xs:decimal, where -0.00 is 0: neither rule fails.
TEST_CASE("A VAT category tax amount of -0.00 follows each artefact's arithmetic",
          "[cli][arithmetic]") {
  Folder folder("arithmetic-zero");
  // Officially {BR-G-02} before the change (manifest of the mutant corpus).
  const fs::path cii = folder.path() / "cii-negative-zero.xml";
  write(cii,
        mutate(read_all(corpus("en16931-mutants/cii/BR-G-02__G-line-party-vat__CII_example1.xml")),
               "<ram:CalculatedAmount>0.00</ram:CalculatedAmount>",
               "<ram:CalculatedAmount>-0.00</ram:CalculatedAmount>"));
  Outcome cii_run = run_einvoice(folder.path(), "cii", "validate " + cii.string());
  INFO(cii_run.out << cii_run.err);
  CHECK(cii_run.exit_code == 1);
  CHECK(cii_run.out.find("BR-G-02") != std::string::npos);
  CHECK(cii_run.out.find("BR-G-09") != std::string::npos);
  CHECK(cii_run.out.find("BR-CO-14") != std::string::npos);

  // Officially valid before the change.
  const std::string ubl_text =
      read_all(corpus("en16931-mutants/ubl/valid__convert-to-G__guide-example1.xml"));
  const std::string subtotal_tax =
      "<cbc:TaxableAmount currencyID=\"EUR\">229.60</cbc:TaxableAmount>\n"
      "            <cbc:TaxAmount currencyID=\"EUR\">0.00</cbc:TaxAmount>";
  const fs::path ubl = folder.path() / "ubl-negative-zero.xml";
  write(ubl, mutate(ubl_text, subtotal_tax,
                    "<cbc:TaxableAmount currencyID=\"EUR\">229.60</cbc:TaxableAmount>\n"
                    "            <cbc:TaxAmount currencyID=\"EUR\">-0.00</cbc:TaxAmount>"));
  Outcome ubl_run = run_einvoice(folder.path(), "ubl", "validate " + ubl.string());
  INFO(ubl_run.out << ubl_run.err);
  CHECK(ubl_run.exit_code == 0);
  CHECK(ubl_run.out.find("BR-CO-14") == std::string::npos);
  CHECK(ubl_run.out.find("BR-G-09") == std::string::npos);
}
