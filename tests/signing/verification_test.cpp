// Tampered and otherwise bad seals: each gives the indication and
// sub-indication an auditor expects (ETSI EN 319 102-1 vocabulary).
#include "signing/verification.h"

#include <openssl/cms.h>

#include <algorithm>
#include <catch2/catch.hpp>

#include "signing/cades.h"
#include "tests/signing/test_pki.h"

using namespace einvoice;
using namespace einvoice::signing;
using namespace einvoice::signing::testing;
using std::chrono::days;

namespace {

const std::string kInvoice = "<Invoice><ID>F2026-0042</ID><Total>120.00</Total></Invoice>\n";

Bytes seal(CadesLevel level, const Signer& signer, std::string_view data = kInvoice) {
  CadesOptions options;
  options.level = level;
  options.signing_time = now();
  options.timestamp_authority = pki().tsa.get();
  auto p7s = seal_detached_cades(signer, as_bytes(data), options);
  if (!p7s)
    FAIL(p7s.error().describe());
  return std::move(*p7s);
}

SignatureReport verify(const Bytes& p7s, std::string_view data, std::chrono::sys_seconds at = now(),
                       const TrustStore& anchors = pki().anchors) {
  VerificationOptions options;
  options.validation_time = at;
  auto reports = verify_detached_cades(p7s, as_bytes(data), anchors, options, "seal.p7s");
  if (!reports)
    FAIL(reports.error().describe());
  REQUIRE(reports->size() == 1);
  const SignatureReport& r = reports->front();
  UNSCOPED_INFO(to_string(r.indication) << "/" << to_string(r.sub_indication) << ": "
                                        << (r.errors.empty() ? "" : r.errors.front()));
  return r;
}

// Position of `needle` in `haystack`; fails the test when absent.
std::size_t find(const Bytes& haystack, const Bytes& needle) {
  auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end());
  REQUIRE(it != haystack.end());
  return static_cast<std::size_t>(it - haystack.begin());
}

Bytes signature_value(const Bytes& p7s) {
  const unsigned char* p = p7s.data();
  CMS_ContentInfo* cms = d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(p7s.size()));
  REQUIRE(cms != nullptr);
  const ASN1_OCTET_STRING* s =
      CMS_SignerInfo_get0_signature(sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms), 0));
  Bytes value(ASN1_STRING_get0_data(s), ASN1_STRING_get0_data(s) + ASN1_STRING_length(s));
  CMS_ContentInfo_free(cms);
  return value;
}

// A Signer that presents one certificate and signs with another key.
class MismatchedSigner final : public Signer {
 public:
  MismatchedSigner(const SoftwareSigner& shown, const SoftwareSigner& key)
      : shown_(shown), key_(key) {}
  const Certificate& certificate() const override { return shown_.certificate(); }
  const std::vector<Certificate>& chain() const override { return shown_.chain(); }
  model::Result<Bytes> sign(DigestAlgorithm algorithm,
                            std::span<const std::uint8_t> data) const override {
    return key_.sign(algorithm, data);
  }

 private:
  const SoftwareSigner& shown_;
  const SoftwareSigner& key_;
};

}  // namespace

TEST_CASE("one flipped byte in the data: TOTAL_FAILED / HASH_FAILURE", "[signing]") {
  const auto level = GENERATE(CadesLevel::kBaselineB, CadesLevel::kBaselineT);
  const Bytes p7s = seal(level, *pki().seal);
  std::string tampered = kInvoice;
  tampered[20] ^= 0x01;
  const SignatureReport r = verify(p7s, tampered);
  CHECK(r.indication == Indication::kTotalFailed);
  CHECK(r.sub_indication == SubIndication::kHashFailure);
  CHECK(r.siren == kSiren);  // the report still says who sealed
}

TEST_CASE("one flipped byte in the signature value: TOTAL_FAILED / SIG_CRYPTO_FAILURE",
          "[signing]") {
  Bytes p7s = seal(CadesLevel::kBaselineB, *pki().seal);
  const Bytes signature = signature_value(p7s);
  p7s[find(p7s, signature) + signature.size() - 5] ^= 0x01;
  const SignatureReport r = verify(p7s, kInvoice);
  CHECK(r.indication == Indication::kTotalFailed);
  CHECK(r.sub_indication == SubIndication::kSigCryptoFailure);
}

TEST_CASE("a swapped signer certificate is detected", "[signing]") {
  SECTION("same issuer and serial, other key: NO_SIGNING_CERTIFICATE_FOUND") {
    // Replace the seal certificate inside the DER by a look-alike of the same
    // length (same issuer, serial, subject; other key), so the SignerIdentifier
    // still points at it and only signing-certificate-v2 can tell.
    Bytes p7s = seal(CadesLevel::kBaselineB, *pki().seal);
    const Certificate& genuine = pki().seal->certificate();
    const Bytes genuine_der = genuine.der();
    CertificateProfile look_alike =
        seal_profile("ACME e-invoicing seal", genuine.not_before(), genuine.not_after());
    look_alike.serial = std::stoull(genuine.serial());
    Bytes fake_der;
    for (int attempt = 0; attempt < 50 && fake_der.size() != genuine_der.size(); ++attempt) {
      fake_der = issue(look_alike, pki().root.get())->certificate().der();
    }
    REQUIRE(fake_der.size() == genuine_der.size());
    const std::size_t at = find(p7s, genuine_der);
    std::copy(fake_der.begin(), fake_der.end(), p7s.begin() + static_cast<std::ptrdiff_t>(at));
    const SignatureReport r = verify(p7s, kInvoice);
    CHECK(r.indication == Indication::kIndeterminate);
    CHECK(r.sub_indication == SubIndication::kNoSigningCertificateFound);
  }
  SECTION("certificate of another holder, signed with the seal key: SIG_CRYPTO_FAILURE") {
    auto other =
        issue(seal_profile("Other seal", now() - days(1), now() + days(30)), pki().root.get());
    MismatchedSigner signer(*other, *pki().seal);
    const SignatureReport r = verify(seal(CadesLevel::kBaselineB, signer), kInvoice);
    CHECK(r.indication == Indication::kTotalFailed);
    CHECK(r.sub_indication == SubIndication::kSigCryptoFailure);
  }
  SECTION("look-alike certificate from a rogue CA: NO_CERTIFICATE_CHAIN_FOUND") {
    auto rogue = issue(seal_profile("ACME e-invoicing seal", now() - days(1), now() + days(30)),
                       pki().other_root.get());
    const SignatureReport r = verify(seal(CadesLevel::kBaselineB, *rogue), kInvoice);
    CHECK(r.indication == Indication::kIndeterminate);
    CHECK(r.sub_indication == SubIndication::kNoCertificateChainFound);
    CHECK(r.organization_identifier == std::string("NTRFR-") + kSiren);
  }
}

TEST_CASE("a seal made with an expired certificate: INDETERMINATE / OUT_OF_BOUNDS_NO_POE",
          "[signing]") {
  const auto level = GENERATE(CadesLevel::kBaselineB, CadesLevel::kBaselineT);
  const SignatureReport r = verify(seal(level, *pki().expired_seal), kInvoice);
  CHECK(r.indication == Indication::kIndeterminate);
  CHECK(r.sub_indication == SubIndication::kOutOfBoundsNoPoe);
}

TEST_CASE("a timestamp over other data: INDETERMINATE and timestamp HASH_FAILURE at level B-B",
          "[signing]") {
  Bytes p7s = seal(CadesLevel::kBaselineB, *pki().seal);
  auto foreign = request_timestamp(*pki().tsa, as_bytes("some other bytes"));
  REQUIRE(foreign.ok());
  {
    const unsigned char* p = p7s.data();
    CMS_ContentInfo* cms = d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(p7s.size()));
    REQUIRE(cms != nullptr);
    CMS_SignerInfo* si = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms), 0);
    REQUIRE(CMS_unsigned_add1_attr_by_NID(si, NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE,
                                          foreign->der.data(),
                                          static_cast<int>(foreign->der.size())) == 1);
    unsigned char* out = nullptr;
    const int len = i2d_CMS_ContentInfo(cms, &out);
    REQUIRE(len > 0);
    p7s.assign(out, out + len);
    OPENSSL_free(out);
    CMS_ContentInfo_free(cms);
  }
  const SignatureReport r = verify(p7s, kInvoice);
  CHECK(r.indication == Indication::kIndeterminate);
  CHECK(r.sub_indication == SubIndication::kSigConstraintsFailure);
  CHECK(r.level == SignatureLevel::kBaselineB);
  CHECK_FALSE(r.best_signature_time.has_value());
  REQUIRE(r.timestamps.size() == 1);
  CHECK(r.timestamps[0].indication == Indication::kTotalFailed);
  CHECK(r.timestamps[0].sub_indication == SubIndication::kHashFailure);
}

TEST_CASE("B-T keeps a seal valid after its certificate expires but B-B does not", "[signing]") {
  auto short_lived =
      issue(seal_profile("ACME short seal", now() - days(1), now() + days(10)), pki().root.get());
  const auto later = now() + days(400);  // seal expired, TSA certificate still valid

  const SignatureReport with_time =
      verify(seal(CadesLevel::kBaselineT, *short_lived), kInvoice, later);
  CHECK(with_time.indication == Indication::kTotalPassed);
  CHECK(with_time.level == SignatureLevel::kBaselineT);

  const SignatureReport without =
      verify(seal(CadesLevel::kBaselineB, *short_lived), kInvoice, later);
  CHECK(without.indication == Indication::kIndeterminate);
  CHECK(without.sub_indication == SubIndication::kOutOfBoundsNoPoe);
}

TEST_CASE("other verification outcomes", "[signing]") {
  const Bytes p7s = seal(CadesLevel::kBaselineB, *pki().seal);
  SECTION("untrusted root: NO_CERTIFICATE_CHAIN_FOUND") {
    const SignatureReport r = verify(p7s, kInvoice, now(), pki().other_anchors);
    CHECK(r.indication == Indication::kIndeterminate);
    CHECK(r.sub_indication == SubIndication::kNoCertificateChainFound);
  }
  SECTION("no data for a detached seal: SIGNED_DATA_NOT_FOUND") {
    VerificationOptions options;
    options.validation_time = now();
    auto reports = verify_detached_cades(p7s, std::nullopt, pki().anchors, options, "seal.p7s");
    REQUIRE(reports.ok());
    CHECK(reports->front().indication == Indication::kIndeterminate);
    CHECK(reports->front().sub_indication == SubIndication::kSignedDataNotFound);
  }
  SECTION("certificate not allowed to seal: CHAIN_CONSTRAINTS_FAILURE") {
    CertificateProfile profile =
        seal_profile("ACME encryption key", now() - days(1), now() + days(9));
    profile.key_usage = "critical,keyAgreement";
    auto encryption = issue(profile, pki().root.get());
    const SignatureReport r = verify(seal(CadesLevel::kBaselineB, *encryption), kInvoice);
    CHECK(r.indication == Indication::kIndeterminate);
    CHECK(r.sub_indication == SubIndication::kChainConstraintsFailure);
  }
  SECTION("not a CMS at all: an error naming the file") {
    VerificationOptions options;
    options.validation_time = now();
    auto reports = verify_detached_cades(as_bytes("garbage"), as_bytes(kInvoice), pki().anchors,
                                         options, "broken.p7s");
    REQUIRE_FALSE(reports.ok());
    CHECK(reports.error().code == model::ErrorCode::kMalformed);
    CHECK(reports.error().message.find("broken.p7s") != std::string::npos);
  }
  SECTION("truncated seal: an error, no crash") {
    for (std::size_t keep : {std::size_t{0}, std::size_t{1}, p7s.size() / 2, p7s.size() - 1}) {
      Bytes cut(p7s.begin(), p7s.begin() + static_cast<std::ptrdiff_t>(keep));
      VerificationOptions options;
      options.validation_time = now();
      CHECK_FALSE(
          verify_detached_cades(cut, as_bytes(kInvoice), pki().anchors, options, "cut").ok());
    }
  }
}

TEST_CASE("mutated seals never crash and never pass when the signed part changed",
          "[signing][hostile]") {
  const Bytes p7s = seal(CadesLevel::kBaselineT, *pki().seal);
  const Bytes signature = signature_value(p7s);
  const std::size_t signature_at = find(p7s, signature);
  const Bytes message_digest = digest(DigestAlgorithm::kSha256, as_bytes(kInvoice));
  const std::size_t digest_at = find(p7s, message_digest);
  VerificationOptions options;
  options.validation_time = now();

  std::uint32_t state = 20260301;  // fixed seed: the same mutations on every run
  auto next = [&state] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  int reports = 0;
  for (int i = 0; i < 400; ++i) {
    Bytes mutated = p7s;
    const std::size_t at = next() % mutated.size();
    mutated[at] = static_cast<std::uint8_t>(mutated[at] ^ (1u + next() % 255u));
    auto result = verify_detached_cades(mutated, as_bytes(kInvoice), pki().anchors, options, "m");
    if (!result)
      continue;
    ++reports;
    const bool in_signed_part = (at >= signature_at && at < signature_at + signature.size()) ||
                                (at >= digest_at && at < digest_at + message_digest.size());
    if (in_signed_part) {
      INFO("byte " << at);
      CHECK_FALSE(result->front().passed());
    }
  }
  CHECK(reports > 0);

  auto too_big = verify_detached_cades(Bytes(kMaxSealBytes + 1, 0x30), as_bytes(kInvoice),
                                       pki().anchors, options, "big.p7s");
  REQUIRE_FALSE(too_big.ok());
  CHECK(too_big.error().code == model::ErrorCode::kLimitExceeded);
}

TEST_CASE("a timestamp under a policy the verifier does not accept", "[signing]") {
  const Bytes p7s = seal(CadesLevel::kBaselineT, *pki().seal);
  VerificationOptions options;
  options.validation_time = now();
  options.accepted_timestamp_policies = {LocalTimestampAuthority::kDefaultPolicy};
  auto accepted = verify_detached_cades(p7s, as_bytes(kInvoice), pki().anchors, options, "s");
  REQUIRE(accepted.ok());
  CHECK(accepted->front().passed());
  CHECK(accepted->front().level == SignatureLevel::kBaselineT);

  options.accepted_timestamp_policies = {"0.4.0.2023.1.1"};  // ETSI TS 119 421 best practice
  auto refused = verify_detached_cades(p7s, as_bytes(kInvoice), pki().anchors, options, "s");
  REQUIRE(refused.ok());
  const SignatureReport& r = refused->front();
  CHECK(r.indication == Indication::kIndeterminate);
  CHECK(r.sub_indication == SubIndication::kSigConstraintsFailure);
  CHECK(r.level == SignatureLevel::kBaselineB);
  REQUIRE(r.timestamps.size() == 1);
  CHECK(r.timestamps[0].message.find("0.4.0.2023.1.1") == std::string::npos);
  CHECK(r.timestamps[0].message.find(LocalTimestampAuthority::kDefaultPolicy) != std::string::npos);
}
