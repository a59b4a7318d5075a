#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "model/result.h"
#include "signing/certificate.h"
#include "signing/digest.h"
#include "signing/trust_store.h"

namespace einvoice::signing {

// An RFC 3161 TimeStampToken (CMS SignedData over TSTInfo) and what it says.
struct TimestampToken {
  Bytes der;                          // the ContentInfo, as embedded in seals
  std::chrono::sys_seconds gen_time;  // TSTInfo.genTime (fractions dropped)
  std::string policy_oid;
  std::string serial;                                // decimal
  std::optional<DigestAlgorithm> imprint_algorithm;  // nullopt: an algorithm we do not accept
  Bytes imprint;
  Bytes nonce;                                 // big-endian; empty when absent
  std::optional<Certificate> tsa_certificate;  // the token's signer, when carried in the token

  // Errors: not a SignedData over a TSTInfo (kMalformed, naming `origin`).
  static model::Result<TimestampToken> parse(std::span<const std::uint8_t> der,
                                             std::string_view origin);
};

// Why a token failed; the names follow ETSI EN 319 102-1 sub-indications.
enum class TokenFailure {
  kNone,
  kHashFailure,           // the imprint is not the digest of the expected data
  kSigCryptoFailure,      // the token's signature does not verify
  kNoSigningCertificate,  // no TSA certificate in the token
  kChainConstraints,      // TSA certificate lacks the critical, sole timeStamping EKU
  kNoCertificateChain,    // TSA certificate does not chain to a trust anchor
  kOutOfBounds,           // TSA certificate not valid at the validation time
  kPolicy,                // TSA policy not accepted (set by callers that restrict policies)
};

struct TokenCheck {
  TokenFailure failure = TokenFailure::kNone;
  std::string message;  // empty when ok
  bool ok() const { return failure == TokenFailure::kNone; }
};

// Checks that `token` is a valid timestamp over `data` (its imprint algorithm
// applied to `data`): imprint, TSA certificate EKU (critical, timeStamping
// only), TSA chain to `anchors` valid at `validation_time`, token signature
// and ESS signing-certificate. Thread-safe.
TokenCheck verify_timestamp_token(const TimestampToken& token, std::span<const std::uint8_t> data,
                                  const TrustStore& anchors,
                                  std::chrono::sys_seconds validation_time);

// The EKU rule alone (RFC 3161 2.3); an empty string when `tsa` satisfies it.
std::string check_tsa_certificate_usage(const Certificate& tsa);

}  // namespace einvoice::signing
