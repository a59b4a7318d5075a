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

std::string seal(CadesLevel level) {
  XadesOptions options;
  options.level = level;
  options.signing_time = now();
  options.timestamp_authority = pki().tsa.get();
  auto sealed = seal_ubl_xades(*pki().seal, ubl_invoice(), options, "invoice.xml");
  if (!sealed)
    FAIL(sealed.error().describe());
  return std::move(*sealed);
}

SignatureReport verify(const std::string& xml) {
  VerificationOptions options;
  options.validation_time = now();
  auto report = verify_xades(xml, pki().anchors, options, "sealed.xml");
  if (!report)
    FAIL(report.error().describe());
  return std::move(*report);
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
  auto report = verify_xades(seal(CadesLevel::kBaselineB), pki().other_anchors, options, "x");
  REQUIRE(report);
  CHECK(report->indication != Indication::kTotalPassed);
}
