#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "cii_test_support.h"
#include "formats/cii/cii_reader.h"
#include "formats/cii/cii_writer.h"
#include "model/term_list.h"

using namespace einvoice;
using cii::testing::facturx_cii_samples;
using cii::testing::official_examples;
using cii::testing::read_file;

namespace {

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines)
    out += line + "\n";
  return out;
}

std::string describe(const model::Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    out += d.rule_id + " " + d.business_term + ": " + d.message + " at " + d.location.xpath + "\n";
  }
  return out;
}

// read -> write -> read gives the same invoice; writing again gives the same bytes.
void check_round_trip(const std::string& path) {
  INFO(path);
  auto first = cii::read_cii(read_file(path), path);
  REQUIRE(first.ok());
  INFO("diagnostics of the source:\n" << describe(first->diagnostics));
  CHECK_FALSE(model::has_fatal(first->diagnostics));
  CHECK_FALSE(model::flatten_terms(first->invoice).empty());

  const std::string written = cii::write_cii(first->invoice);
  auto second = cii::read_cii(written, "written.xml");
  REQUIRE(second.ok());
  CHECK(describe(second->diagnostics).empty());
  const auto differences = model::diff_terms(first->invoice, second->invoice);
  INFO("term differences:\n" << joined(differences));
  CHECK(differences.empty());
  CHECK(first->invoice == second->invoice);
  CHECK(cii::write_cii(second->invoice) == written);
}

}  // namespace

TEST_CASE("Every official CII example survives read, write, read unchanged", "[cii][roundtrip]") {
  const auto examples = official_examples();
  REQUIRE(examples.size() == 15);
  for (const auto& path : examples)
    check_round_trip(path);
}

TEST_CASE("Factur-X CII samples from MINIMUM to EXTENDED survive a round trip",
          "[cii][roundtrip]") {
  for (const auto& path : facturx_cii_samples())
    check_round_trip(path);
}

TEST_CASE("Every CII mutant reads or fails cleanly, and its written form is a fixed point",
          "[cii][roundtrip]") {
  // Mutants named error__* are unreadable: not XML, not CII, or with values
  // such as "12,50" that cannot be read. All others are well-formed CII.
  const auto mutants = cii::testing::xml_files("en16931-mutants/cii");
  REQUIRE(mutants.size() > 1000);
  for (const auto& path : mutants) {
    INFO(path);
    auto first = cii::read_cii(read_file(path), path);
    if (path.find("/error__") != std::string::npos) {
      CHECK((!first.ok() || model::has_fatal(first->diagnostics)));
    } else {
      CHECK(first.ok());
    }
    if (!first.ok())
      continue;
    const std::string written = cii::write_cii(first->invoice);
    auto second = cii::read_cii(written, "written.xml");
    REQUIRE(second.ok());
    CHECK(describe(second->diagnostics).empty());
    CHECK(cii::write_cii(second->invoice) == written);
  }
}

TEST_CASE("An invoice with every business term is written and read back whole",
          "[cii][roundtrip]") {
  const model::Invoice invoice = cii::testing::full_invoice();
  // The fixture really has every term: BT-1 ... BT-165 except BT-4 (not assigned).
  const std::set<std::string> ids = model::present_term_ids(invoice);
  for (int n = 1; n <= 165; ++n) {
    if (n == 4)
      continue;
    const std::string id = "BT-" + std::to_string(n);
    INFO(id);
    CHECK(ids.count(id) == 1);
  }

  const std::string written = cii::write_cii(invoice);
  auto back = cii::read_cii(written, "full.xml");
  REQUIRE(back.ok());
  CHECK(describe(back->diagnostics).empty());
  const auto differences = model::diff_terms(invoice, back->invoice);
  INFO("term differences:\n" << joined(differences));
  CHECK(differences.empty());
  CHECK(back->invoice == invoice);
  CHECK(cii::write_cii(back->invoice) == written);
}

TEST_CASE("Writing is deterministic and independent of earlier writes", "[cii][writer]") {
  const model::Invoice invoice = cii::testing::full_invoice();
  const std::string a = cii::write_cii(invoice);
  const std::string b = cii::write_cii(model::Invoice{});
  CHECK(a == cii::write_cii(invoice));
  CHECK(b == cii::write_cii(model::Invoice{}));
  CHECK(a != b);
}

TEST_CASE("The writer places the IBAN and D16B-only-once terms as bound", "[cii][writer]") {
  model::Invoice invoice = cii::testing::full_invoice();
  invoice.preceding_invoices.push_back({"SECOND", std::nullopt});
  const std::string xml = cii::write_cii(invoice);
  // An IBAN-shaped account goes to ram:IBANID, anything else to ram:ProprietaryID.
  CHECK(xml.find("<ram:IBANID>DE02 1203 0000 0000 2020 51</ram:IBANID>") != std::string::npos);
  CHECK(xml.find("<ram:ProprietaryID>ACCOUNT-77</ram:ProprietaryID>") != std::string::npos);
  // BT-110 in BT-5, BT-111 in BT-6.
  CHECK(xml.find("<ram:TaxTotalAmount currencyID=\"EUR\">19.48</ram:TaxTotalAmount>") !=
        std::string::npos);
  CHECK(xml.find("<ram:TaxTotalAmount currencyID=\"SEK\">221.30</ram:TaxTotalAmount>") !=
        std::string::npos);
  // D16B holds one ram:InvoiceReferencedDocument: the second BG-3 is not written.
  CHECK(xml.find("INV-2023-999") != std::string::npos);
  CHECK(xml.find("SECOND") == std::string::npos);
  // Decimals keep their scale.
  CHECK(xml.find("<ram:BilledQuantity unitCode=\"C62\">2.000</ram:BilledQuantity>") !=
        std::string::npos);
}
