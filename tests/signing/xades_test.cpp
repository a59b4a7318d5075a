// XAdES enveloped in a UBL invoice of the shared corpus: core validity
// checked by xmlsec1, einvoice's own verification of B-B and B-T, and
// tampered documents.
#include "signing/xades.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "tests/signing/test_pki.h"

using namespace einvoice;
using namespace einvoice::signing;
using namespace einvoice::signing::testing;

namespace {

std::string ubl_invoice() {
  std::ifstream in(std::filesystem::path(EINVOICE_CORPUS_DIR) / "en16931" / "ubl" / "examples" /
                       "ubl-tc434-example1.xml",
                   std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  REQUIRE(!text.str().empty());
  return text.str();
}

std::string seal(CadesLevel level, const std::string& ubl = ubl_invoice()) {
  XadesOptions options;
  options.level = level;
  options.signing_time = now();
  options.timestamp_authority = pki().tsa.get();
  auto sealed = seal_ubl_xades(*pki().seal, ubl, options, "invoice.xml");
  if (!sealed)
    FAIL(sealed.error().describe());
  return std::move(*sealed);
}

std::vector<SignatureReport> verify_all(const std::string& xml) {
  VerificationOptions options;
  options.validation_time = now();
  auto reports = verify_xades(xml, pki().anchors, options, "sealed.xml");
  if (!reports)
    FAIL(reports.error().describe());
  for (const SignatureReport& r : *reports)
    UNSCOPED_INFO(describe(r));
  return std::move(*reports);
}

SignatureReport verify(const std::string& xml) {
  auto reports = verify_all(xml);
  REQUIRE(reports.size() == 1);
  return std::move(reports.front());
}

}  // namespace

TEST_CASE("xades: B-B and B-T in UBL verify", "[signing][xades]") {
  const auto level = GENERATE(CadesLevel::kBaselineB, CadesLevel::kBaselineT);
  const std::string sealed = seal(level);
  CHECK(sealed.find("<sac:SignatureInformation>") != std::string::npos);
  const SignatureReport report = verify(sealed);
  INFO(describe(report));
  CHECK(report.indication == Indication::kTotalPassed);
  CHECK(report.level == (level == CadesLevel::kBaselineT ? SignatureLevel::kBaselineT
                                                         : SignatureLevel::kBaselineB));
  CHECK(report.siren == std::string(kSiren));
}

TEST_CASE("xades: xmlsec1 accepts the signature", "[signing][xades][tools]") {
  const TempDir dir;
  const auto file = dir.write("sealed.xml", seal(CadesLevel::kBaselineT));
  const auto root = dir.write("root.pem", pki().root->certificate().pem());
  const auto log = dir.path() / "xmlsec.log";
  const bool ok = run("xmlsec1 --verify --trusted-pem " + quote(root) +
                          " --id-attr:Id http://uri.etsi.org/01903/v1.3.2#:SignedProperties "
                          "--id-attr:Id http://www.w3.org/2000/09/xmldsig#:SignatureValue " +
                          quote(file),
                      log);
  INFO(read_text(log));
  CHECK(ok);
}

TEST_CASE("xades: a changed amount fails the reference digest", "[signing][xades]") {
  std::string sealed = seal(CadesLevel::kBaselineB);
  const auto at = sealed.find("PayableAmount");
  REQUIRE(at != std::string::npos);
  const auto digit = sealed.find_first_of("0123456789", sealed.find('>', at));
  sealed[digit] = sealed[digit] == '9' ? '8' : static_cast<char>(sealed[digit] + 1);
  const SignatureReport report = verify(sealed);
  CHECK(report.indication == Indication::kTotalFailed);
  CHECK(report.sub_indication == SubIndication::kHashFailure);
}

TEST_CASE("xades: an untrusted root is not TOTAL_PASSED", "[signing][xades]") {
  VerificationOptions options;
  options.validation_time = now();
  auto reports = verify_xades(seal(CadesLevel::kBaselineB), pki().other_anchors, options, "x");
  REQUIRE(reports);
  REQUIRE(reports->size() == 1);
  CHECK(reports->front().indication != Indication::kTotalPassed);
}

TEST_CASE("xades: every ds:Signature gets its own verdict", "[signing][xades]") {
  const std::string once = seal(CadesLevel::kBaselineB);
  const std::string twice = seal(CadesLevel::kBaselineT, once);
  CHECK(twice.find("Id=\"xades-seal-2\"") != std::string::npos);
  const auto reports = verify_all(twice);
  REQUIRE(reports.size() == 2);
  // The first seal's reference "" covered the document before the second
  // seal was added: it now fails; the second, over everything, passes.
  CHECK(reports[0].indication == Indication::kTotalFailed);
  CHECK(reports[0].sub_indication == SubIndication::kHashFailure);
  CHECK(reports[1].indication == Indication::kTotalPassed);
  CHECK(reports[1].level == SignatureLevel::kBaselineT);

  // A damaged second signature value fails on its own.
  std::string tampered = twice;
  const std::size_t value = tampered.find("Id=\"xades-seal-2-value\">");
  REQUIRE(value != std::string::npos);
  const std::size_t digit = value + std::string("Id=\"xades-seal-2-value\">").size() + 4;
  tampered[digit] = tampered[digit] == 'A' ? 'B' : 'A';
  const auto bad = verify_all(tampered);
  REQUIRE(bad.size() == 2);
  CHECK(bad[1].indication == Indication::kTotalFailed);
  CHECK(bad[1].sub_indication == SubIndication::kSigCryptoFailure);
}
