// PAdES seals of a Factur-X from the shared corpus: accepted by poppler's
// pdfsig and by qpdf --check, the Factur-X still read and checked by
// einvoice with its XML byte-identical, the original bytes kept as a prefix,
// and einvoice's own verification of intact, tampered and extended files.
#include "signing/pades.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "engine/facturx_jobs.h"
#include "tests/signing/test_pki.h"

using namespace einvoice;
using namespace einvoice::signing;
using namespace einvoice::signing::testing;

namespace {

const char* kSample = "library__MustangGnuaccountingBeispielRE-20170509_505.pdf";

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string original_pdf() {
  const std::string pdf =
      read_file(std::filesystem::path(EINVOICE_CORPUS_DIR) / "facturx" / "pdf" / kSample);
  REQUIRE(!pdf.empty());
  return pdf;
}

std::string seal(const std::string& pdf, CadesLevel level) {
  PadesOptions options;
  options.level = level;
  options.signing_time = now();
  options.timestamp_authority = pki().tsa.get();
  auto sealed = seal_pades(*pki().seal, pdf, options, kSample);
  if (!sealed)
    FAIL(sealed.error().describe());
  return std::move(*sealed);
}

std::vector<PadesSignatureReport> verify(const std::string& pdf) {
  VerificationOptions options;
  options.validation_time = now();
  auto reports = verify_pades(pdf, pki().anchors, options, "sealed.pdf");
  if (!reports)
    FAIL(reports.error().describe());
  return std::move(*reports);
}

}  // namespace

TEST_CASE("pades: a sealed Factur-X keeps its bytes, its XML and its checks", "[signing][pades]") {
  const std::string pdf = original_pdf();
  const auto level = GENERATE(CadesLevel::kBaselineB, CadesLevel::kBaselineT);
  const std::string sealed = seal(pdf, level);
  REQUIRE(sealed.size() > pdf.size());
  CHECK(sealed.compare(0, pdf.size(), pdf) == 0);

  const auto original_check = engine::check_facturx(pdf, kSample, nullptr);
  const auto sealed_check = engine::check_facturx(sealed, "sealed.pdf", nullptr);
  REQUIRE(original_check);
  REQUIRE(sealed_check);
  CHECK(original_check->accepted());
  CHECK(sealed_check->accepted());
  CHECK(sealed_check->findings.size() == original_check->findings.size());

  const auto original_xml = engine::extract_facturx(pdf, kSample);
  const auto sealed_xml = engine::extract_facturx(sealed, "sealed.pdf");
  REQUIRE(original_xml);
  REQUIRE(sealed_xml);
  REQUIRE(original_xml->content.invoice_attachment() != nullptr);
  REQUIRE(sealed_xml->content.invoice_attachment() != nullptr);
  CHECK(sealed_xml->content.invoice_attachment()->data ==
        original_xml->content.invoice_attachment()->data);

  const auto reports = verify(sealed);
  REQUIRE(reports.size() == 1);
  INFO(describe(reports[0].cades));
  CHECK(reports[0].cades.indication == Indication::kTotalPassed);
  CHECK(reports[0].sub_filter == "ETSI.CAdES.detached");
  CHECK(reports[0].covers_revision);
  CHECK_FALSE(reports[0].modified_after_signing);
  CHECK(reports[0].level() ==
        (level == CadesLevel::kBaselineT ? "PAdES-BASELINE-T" : "PAdES-BASELINE-B"));
  CHECK(reports[0].cades.siren == std::string(kSiren));
}

TEST_CASE("pades: pdfsig and qpdf accept the sealed PDF", "[signing][pades][tools]") {
  const TempDir dir;
  const auto file = dir.write("sealed.pdf", seal(original_pdf(), CadesLevel::kBaselineT));
  const auto root = dir.write("root.pem", pki().root->certificate().pem());
  const auto nss = dir.path() / "nss";
  std::filesystem::create_directories(nss);
  // pdfsig checks the certificate against an NSS database: import the test root.
  const bool nss_ready =
      run("certutil -N --empty-password -d sql:" + quote(nss), dir.path() / "certutil.log") &&
      run("certutil -A -n testroot -t CT,C,C -i " + quote(root) + " -d sql:" + quote(nss),
          dir.path() / "certutil.log");
  const auto log = dir.path() / "pdfsig.log";
  const std::string nss_option = nss_ready ? " -nssdir sql:" + quote(nss) : std::string();
  run("pdfsig" + nss_option + " " + quote(file), log);
  const std::string output = read_text(log);
  INFO(output);
  CHECK(output.find("Signature Validation: Signature is Valid.") != std::string::npos);
  CHECK(output.find("Total document signed") != std::string::npos);
  CHECK(output.find("ETSI.CAdES.detached") != std::string::npos);

  const auto qpdf_log = dir.path() / "qpdf.log";
  const bool qpdf_ok = run("qpdf --check " + quote(file), qpdf_log);
  INFO(read_text(qpdf_log));
  CHECK(qpdf_ok);
}

TEST_CASE("pades: a flipped byte inside the signed range fails the hash", "[signing][pades]") {
  const std::string pdf = original_pdf();
  std::string sealed = seal(pdf, CadesLevel::kBaselineB);
  sealed[pdf.size() / 2] = static_cast<char>(sealed[pdf.size() / 2] ^ 0x01);
  const auto reports = verify(sealed);
  REQUIRE(reports.size() == 1);
  CHECK(reports[0].cades.indication == Indication::kTotalFailed);
  CHECK(reports[0].cades.sub_indication == SubIndication::kHashFailure);
}

TEST_CASE("pades: bytes appended after signing are reported", "[signing][pades]") {
  std::string sealed = seal(original_pdf(), CadesLevel::kBaselineB);
  sealed += "1 0 obj\n<</Injected true>>\nendobj\n%%EOF\n";
  const auto reports = verify(sealed);
  REQUIRE(reports.size() == 1);
  CHECK(reports[0].modified_after_signing);
  CHECK_FALSE(reports[0].cades.warnings.empty());
}

TEST_CASE("pades: a PDF without signature and a non-PDF", "[signing][pades]") {
  VerificationOptions options;
  options.validation_time = now();
  CHECK_FALSE(verify_pades(original_pdf(), pki().anchors, options, "plain.pdf"));
  PadesOptions seal_options;
  seal_options.signing_time = now();
  CHECK_FALSE(seal_pades(*pki().seal, "not a pdf", seal_options, "junk"));
}

TEST_CASE("pades: a document timestamp over a B-T seal", "[signing][pades]") {
  const std::string bt = seal(original_pdf(), CadesLevel::kBaselineT);
  auto lta = add_document_timestamp(bt, *pki().tsa, "sealed.pdf");
  REQUIRE(lta);
  CHECK(lta->compare(0, bt.size(), bt) == 0);
  const auto reports = verify(*lta);
  REQUIRE(reports.size() == 2);
  CHECK(reports[0].cades.indication == Indication::kTotalPassed);
  CHECK(reports[0].modified_after_signing);
  CHECK(reports[1].document_timestamp);
  CHECK(reports[1].sub_filter == "ETSI.RFC3161");
  CHECK(reports[1].cades.indication == Indication::kTotalPassed);
  CHECK_FALSE(reports[1].modified_after_signing);

  const TempDir dir;
  const auto file = dir.write("lta.pdf", *lta);
  const auto qpdf_log = dir.path() / "qpdf.log";
  const bool qpdf_ok = run("qpdf --check " + quote(file), qpdf_log);
  INFO(read_text(qpdf_log));
  CHECK(qpdf_ok);
  const auto log = dir.path() / "pdfsig.log";
  run("pdfsig " + quote(file), log);
  const std::string output = read_text(log);
  INFO(output);
  CHECK(output.find("Signature #2") != std::string::npos);
  CHECK(output.find("Signature Validation: Signature is Valid.") != std::string::npos);

  // The timestamped bytes changed: the token's imprint no longer matches.
  std::string tampered = *lta;
  tampered[bt.size() / 3] = static_cast<char>(tampered[bt.size() / 3] ^ 0x01);
  const auto bad = verify(tampered);
  REQUIRE(bad.size() == 2);
  CHECK(bad[1].cades.indication == Indication::kTotalFailed);
}
