// CAdES B-B and B-T seals: structure, acceptance by `openssl cms -verify`, the
// embedded signature-time-stamp accepted by `openssl ts -verify`, and
// einvoice's own verification.
#include "signing/cades.h"

#include <openssl/cms.h>

#include <catch2/catch.hpp>

#include "signing/verification.h"
#include "tests/signing/test_pki.h"

using namespace einvoice;
using namespace einvoice::signing;
using namespace einvoice::signing::testing;

namespace {

const std::string kInvoice =
    "<?xml version=\"1.0\"?>\n<rsm:CrossIndustryInvoice>F2026-0001</rsm:CrossIndustryInvoice>\n";

Bytes seal(CadesLevel level, const Signer& signer = *pki().seal) {
  CadesOptions options;
  options.level = level;
  options.signing_time = now();
  options.timestamp_authority = pki().tsa.get();
  auto p7s = seal_detached_cades(signer, as_bytes(kInvoice), options);
  if (!p7s)
    FAIL(p7s.error().describe());
  return std::move(*p7s);
}

struct ParsedSeal {
  CMS_ContentInfo* cms = nullptr;
  CMS_SignerInfo* si = nullptr;
  explicit ParsedSeal(const Bytes& p7s) {
    const unsigned char* p = p7s.data();
    cms = d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(p7s.size()));
    REQUIRE(cms != nullptr);
    REQUIRE(sk_CMS_SignerInfo_num(CMS_get0_SignerInfos(cms)) == 1);
    si = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms), 0);
  }
  ~ParsedSeal() { CMS_ContentInfo_free(cms); }
  bool has_signed(int nid) const { return CMS_signed_get_attr_by_NID(si, nid, -1) >= 0; }
  bool has_unsigned(int nid) const { return CMS_unsigned_get_attr_by_NID(si, nid, -1) >= 0; }
  Bytes signature() const {
    const ASN1_OCTET_STRING* s = CMS_SignerInfo_get0_signature(si);
    return Bytes(ASN1_STRING_get0_data(s), ASN1_STRING_get0_data(s) + ASN1_STRING_length(s));
  }
};

bool openssl_cms_accepts(const TempDir& dir, const Bytes& p7s, const std::string& data) {
  const auto seal_file = dir.write("seal.p7s", p7s);
  const auto data_file = dir.write("data.bin", data);
  const auto root = dir.write("root.pem", pki().root->certificate().pem());
  const auto log = dir.path() / "cms.log";
  const bool ok =
      run("openssl cms -verify -binary -inform DER -in " + quote(seal_file) + " -content " +
              quote(data_file) + " -CAfile " + quote(root) + " -purpose any -out /dev/null",
          log);
  UNSCOPED_INFO("openssl cms: " << read_text(log));
  return ok;
}

}  // namespace

TEST_CASE("a B-B seal has the CAdES signed attributes and no eContent", "[signing]") {
  const Bytes p7s = seal(CadesLevel::kBaselineB);
  ParsedSeal parsed(p7s);
  CHECK(CMS_is_detached(parsed.cms) == 1);
  CHECK(parsed.has_signed(NID_pkcs9_contentType));
  CHECK(parsed.has_signed(NID_pkcs9_messageDigest));
  CHECK(parsed.has_signed(NID_pkcs9_signingTime));
  CHECK(parsed.has_signed(NID_id_smime_aa_signingCertificateV2));
  CHECK_FALSE(parsed.has_signed(NID_SMIMECapabilities));
  CHECK_FALSE(parsed.has_unsigned(NID_id_smime_aa_timeStampToken));
  auto tokens = signature_timestamp_tokens(p7s, "seal.p7s");
  REQUIRE(tokens.ok());
  CHECK(tokens->empty());
}

TEST_CASE("openssl cms -verify accepts B-B and B-T seals with EC and RSA keys", "[signing]") {
  TempDir dir;
  CertificateProfile rsa_profile =
      seal_profile("ACME RSA seal", now() - std::chrono::hours(1), now() + std::chrono::days(30));
  rsa_profile.key_type = KeyType::kRsa2048;
  auto rsa_seal = issue(rsa_profile, pki().root.get());
  for (const Signer* signer :
       {static_cast<const Signer*>(pki().seal.get()), static_cast<const Signer*>(rsa_seal.get())}) {
    for (CadesLevel level : {CadesLevel::kBaselineB, CadesLevel::kBaselineT}) {
      INFO(to_string(level) << " by " << signer->certificate().subject());
      const Bytes p7s = seal(level, *signer);
      CHECK(openssl_cms_accepts(dir, p7s, kInvoice));
      CHECK_FALSE(openssl_cms_accepts(dir, p7s, kInvoice + " "));
    }
  }
}

TEST_CASE("the B-T signature-time-stamp covers the signature value (openssl ts)", "[signing]") {
  const Bytes p7s = seal(CadesLevel::kBaselineT);
  ParsedSeal parsed(p7s);
  REQUIRE(parsed.has_unsigned(NID_id_smime_aa_timeStampToken));
  auto tokens = signature_timestamp_tokens(p7s, "seal.p7s");
  REQUIRE(tokens.ok());
  REQUIRE(tokens->size() == 1);

  TempDir dir;
  const auto token = dir.write("token.der", tokens->front());
  const auto signature = dir.write("signature.bin", parsed.signature());
  const auto invoice = dir.write("invoice.xml", kInvoice);
  const auto root = dir.write("root.pem", pki().root->certificate().pem());
  const auto tsa = dir.write("tsa.pem", pki().tsa->signer().certificate().pem());
  const auto log = dir.path() / "ts.log";
  const std::string trust = " -token_in -CAfile " + quote(root) + " -untrusted " + quote(tsa);
  CHECK(run("openssl ts -verify -data " + quote(signature) + " -in " + quote(token) + trust, log));
  INFO(read_text(log));
  // The token is over the signature value, not over the invoice.
  CHECK_FALSE(
      run("openssl ts -verify -data " + quote(invoice) + " -in " + quote(token) + trust, log));
}

TEST_CASE("einvoice verifies its own B-B and B-T seals", "[signing]") {
  const auto level = GENERATE(CadesLevel::kBaselineB, CadesLevel::kBaselineT);
  const auto before = now();
  const Bytes p7s = seal(level);
  VerificationOptions options;
  options.validation_time = now();
  auto reports = verify_detached_cades(p7s, as_bytes(kInvoice), pki().anchors, options, "seal.p7s");
  REQUIRE(reports.ok());
  REQUIRE(reports->size() == 1);
  const SignatureReport& r = reports->front();
  INFO(to_string(r.sub_indication) << " " << (r.errors.empty() ? "" : r.errors.front()));
  CHECK(r.indication == Indication::kTotalPassed);
  CHECK(r.sub_indication == SubIndication::kNone);
  CHECK(r.errors.empty());
  CHECK(r.organization_identifier == std::string("NTRFR-") + kSiren);
  CHECK(r.siren == kSiren);
  REQUIRE(r.signer_certificate.has_value());
  CHECK(*r.signer_certificate == pki().seal->certificate());
  REQUIRE(r.claimed_signing_time.has_value());
  CHECK(*r.claimed_signing_time >= before);
  const std::string text = describe(r);
  CHECK(text.starts_with("indication: TOTAL_PASSED\nlevel: "));
  CHECK(text.find(std::string("organization identifier: NTRFR-") + kSiren + " (SIREN " + kSiren +
                  ")") != std::string::npos);
  if (level == CadesLevel::kBaselineT) {
    CHECK(text.find("(signature-time-stamp)") != std::string::npos);
    CHECK(r.level == SignatureLevel::kBaselineT);
    REQUIRE(r.timestamps.size() == 1);
    CHECK(r.timestamps[0].indication == Indication::kTotalPassed);
    REQUIRE(r.best_signature_time.has_value());
    CHECK(r.signing_time() == r.best_signature_time);
    CHECK(std::chrono::abs(*r.best_signature_time - *r.claimed_signing_time) <
          std::chrono::minutes(2));
  } else {
    CHECK(r.level == SignatureLevel::kBaselineB);
    CHECK(r.timestamps.empty());
    CHECK_FALSE(r.best_signature_time.has_value());
    CHECK(r.signing_time() == r.claimed_signing_time);
  }
}

TEST_CASE("a B-B seal upgraded to B-T passes at B-T", "[signing]") {
  const Bytes basic = seal(CadesLevel::kBaselineB);
  auto upgraded = add_signature_timestamps(basic, *pki().tsa, "seal.p7s");
  REQUIRE(upgraded.ok());
  VerificationOptions options;
  options.validation_time = now();
  auto reports = verify_detached_cades(*upgraded, as_bytes(kInvoice), pki().anchors, options, "x");
  REQUIRE(reports.ok());
  CHECK(reports->front().indication == Indication::kTotalPassed);
  CHECK(reports->front().level == SignatureLevel::kBaselineT);
  TempDir dir;
  CHECK(openssl_cms_accepts(dir, *upgraded, kInvoice));
}

TEST_CASE("SHA-384 and SHA-512 seals verify with einvoice and openssl", "[signing]") {
  TempDir dir;
  for (DigestAlgorithm algorithm : {DigestAlgorithm::kSha384, DigestAlgorithm::kSha512}) {
    INFO(to_string(algorithm));
    CadesOptions options;
    options.level = CadesLevel::kBaselineT;
    options.digest = algorithm;
    options.signing_time = now();
    options.timestamp_authority = pki().tsa.get();
    auto p7s = seal_detached_cades(*pki().seal, as_bytes(kInvoice), options);
    REQUIRE(p7s.ok());
    CHECK(openssl_cms_accepts(dir, *p7s, kInvoice));
    VerificationOptions verification;
    verification.validation_time = now();
    auto reports =
        verify_detached_cades(*p7s, as_bytes(kInvoice), pki().anchors, verification, "seal.p7s");
    REQUIRE(reports.ok());
    CHECK(reports->front().passed());
    CHECK(reports->front().level == SignatureLevel::kBaselineT);
  }
}

TEST_CASE("B-T needs a timestamp authority", "[signing]") {
  CadesOptions options;
  options.level = CadesLevel::kBaselineT;
  options.signing_time = now();
  auto p7s = seal_detached_cades(*pki().seal, as_bytes(kInvoice), options);
  REQUIRE_FALSE(p7s.ok());
  CHECK(p7s.error().code == model::ErrorCode::kInvalidArgument);
}
