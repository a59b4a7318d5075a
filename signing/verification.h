#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/result.h"
#include "signing/certificate.h"
#include "signing/indication.h"
#include "signing/revocation.h"
#include "signing/trust_store.h"

namespace einvoice::signing {

// Levels reached, weakest first. LT and LTA are only reached by PAdES (DSS,
// document timestamp); CAdES and XAdES stop at T.
enum class SignatureLevel { kNone, kBaselineB, kBaselineT, kBaselineLT, kBaselineLTA };

const char* to_string(Indication indication);         // "TOTAL_PASSED", ...
const char* to_string(SubIndication sub_indication);  // "HASH_FAILURE", ... ("" for kNone)
const char* to_string(SignatureLevel level);          // "CAdES-BASELINE-B", ... ("NONE")

// One signature-time-stamp of a signature.
struct TimestampReport {
  Indication indication = Indication::kIndeterminate;
  SubIndication sub_indication = SubIndication::kNone;
  std::string message;  // why it failed; empty when it passed
  std::optional<std::chrono::sys_seconds> gen_time;
  std::string serial;
  std::string tsa_subject;
};

// The verdict on one SignerInfo.
struct SignatureReport {
  Indication indication = Indication::kIndeterminate;
  SubIndication sub_indication = SubIndication::kNone;
  std::vector<std::string> errors;    // why the indication is not TOTAL_PASSED
  std::vector<std::string> warnings;  // findings that do not change the indication
  SignatureLevel level = SignatureLevel::kNone;
  // The signing-time attribute (what the signer claims).
  std::optional<std::chrono::sys_seconds> claimed_signing_time;
  // The earliest valid signature-time-stamp: proof the signature existed then.
  std::optional<std::chrono::sys_seconds> best_signature_time;
  std::optional<Certificate> signer_certificate;
  std::string signer_subject;
  std::optional<std::string> organization_identifier;  // e.g. "NTRFR-123456789"
  std::optional<std::string> siren;                    // e.g. "123456789"
  std::vector<TimestampReport> timestamps;
  // The signer certificate's status according to VerificationOptions::material
  // (kUnknown when none was given or none of it covers the certificate).
  RevocationStatus revocation = RevocationStatus::kUnknown;
  // What the signature was verified to cover (an ETSI validation report's
  // signature scope), one line per signed object, e.g. for XAdES
  //   URI="": the whole document without this ds:Signature (enveloped-signature)
  // Empty when the signature failed before its coverage was established, or
  // for formats that do not report it.
  std::vector<std::string> scope;
  // True when the signature is proven to cover the whole document.
  bool whole_document = false;

  // best_signature_time if any, else the claimed time.
  std::optional<std::chrono::sys_seconds> signing_time() const {
    return best_signature_time ? best_signature_time : claimed_signing_time;
  }
  bool passed() const { return indication == Indication::kTotalPassed; }
};

struct VerificationOptions {
  // "Now" for the verification: certificates are checked at the best
  // signature time when a valid timestamp gives one, else at this time;
  // TSA certificates are checked at this time.
  std::chrono::sys_seconds validation_time;
  // Anchors for TSA certificates; null = the seal anchors.
  const TrustStore* timestamp_anchors = nullptr;
  // TSA policy OIDs accepted (e.g. a qualified TSA's); empty = any policy.
  std::vector<std::string> accepted_timestamp_policies;
  // Validation material from outside the signature (a PAdES DSS); null =
  // none. Its certificates help build chains; its CRLs and OCSP responses
  // decide the signer certificate's revocation status (judge_revocation).
  // Borrowed for the call.
  const ValidationMaterial* material = nullptr;
  // The signing time claimed outside the CMS (PAdES /M): it stands for the
  // signing-time attribute, which PAdES baseline signatures do not carry.
  std::optional<std::chrono::sys_seconds> claimed_signing_time;
};

// A short plain-text simple report (one "key: value" per line), e.g.
//   indication: TOTAL_PASSED
//   level: CAdES-BASELINE-T
//   signing time: 2026-03-01 09:00:00Z (signature-time-stamp)
//   signer: CN=...,organizationIdentifier=NTRFR-123456789,...
//   organization identifier: NTRFR-123456789 (SIREN 123456789)
// followed by the errors, warnings and timestamps. Deterministic.
std::string describe(const SignatureReport& report);

// `t` as an ISO 8601 UTC time to the second: "2026-03-01T09:00:00Z" (xsd:dateTime form).
std::string iso8601_utc(std::chrono::sys_seconds t);

// Seals larger than this are refused (kLimitExceeded) before decoding.
inline constexpr std::size_t kMaxSealBytes = 32u << 20;

// Verifies every SignerInfo of the CAdES `p7s` over `data` (nullopt: use the
// embedded content if any, else SIGNED_DATA_NOT_FOUND):
//   signer certificate found and named by signing-certificate-v2 (ESS);
//   message-digest over the data; signature value over the signed attributes;
//   signature-time-stamps: imprint over the signature value, TSA EKU and
//   chain, token signature, policy among the accepted ones (an invalid one gives INDETERMINATE /
//   SIG_CONSTRAINTS_FAILURE, the data being otherwise intact);
//   chain to `anchors`; validity of each chain certificate at the best
//   signature time (else the validation time); key usage digitalSignature or
//   nonRepudiation; with options.material, the signer certificate's
//   revocation status (REVOKED / REVOKED_NO_POE, see judge_revocation).
// Problems in the seal are reported in the SignatureReports. Errors only when
// `p7s` is not a CMS SignedData at all (kMalformed, naming `origin`) or is
// larger than kMaxSealBytes (kLimitExceeded).
// Thread-safe.
model::Result<std::vector<SignatureReport>> verify_detached_cades(
    std::span<const std::uint8_t> p7s, std::optional<std::span<const std::uint8_t>> data,
    const TrustStore& anchors, const VerificationOptions& options, std::string_view origin);

}  // namespace einvoice::signing
