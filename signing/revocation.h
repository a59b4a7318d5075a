#pragma once

// Revocation data (CRLs, OCSP responses) and the revocation status of a seal's
// signing certificate at the time a seal was made. OpenSSL stays private.

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/result.h"
#include "signing/certificate.h"
#include "signing/digest.h"
#include "signing/indication.h"
#include "signing/trust_store.h"

namespace einvoice::signing {

// Revocation data in DER, as stored in a PAdES DSS.
struct RevocationData {
  std::vector<Bytes> crls;            // X.509 CertificateList
  std::vector<Bytes> ocsp_responses;  // RFC 6960 OCSPResponse
  bool empty() const { return crls.empty() && ocsp_responses.empty(); }
};

// Validation material found outside a signature (the PAdES DSS): extra
// certificates for chain building and revocation data.
struct ValidationMaterial {
  std::vector<Certificate> certificates;
  RevocationData revocation;
};

// A CRL file's bytes, DER or PEM ("-----BEGIN X509 CRL-----"), as DER.
// Errors: kMalformed naming `origin` when it is neither.
model::Result<Bytes> read_crl(std::span<const std::uint8_t> bytes, std::string_view origin);

// Checks that `bytes` are a DER OCSPResponse with status "successful" and a
// basic response, and returns them. Errors: kMalformed naming `origin`.
model::Result<Bytes> read_ocsp_response(std::span<const std::uint8_t> bytes,
                                        std::string_view origin);

enum class RevocationStatus {
  kUnknown,  // no CRL or OCSP response applies to the certificate (or none verifies)
  kGood,     // a verified CRL or OCSP response covers it and does not revoke it
  kRevoked,  // a verified CRL or OCSP response revokes it (revocation_time)
};

struct RevocationCheck {
  RevocationStatus status = RevocationStatus::kUnknown;
  std::optional<std::chrono::sys_seconds> revocation_time;
  std::string source;                 // what decided: "CRL #1 of ... (thisUpdate ...)", ...
  std::vector<std::string> problems;  // data skipped: bad signature, unreadable...
};

// The status of `certificate`, issued by `issuer`, according to `data`:
//   a CRL counts when `issuer` issued it (name) and its signature verifies
//   with the issuer's key;
//   an OCSP response counts when it answers for the certificate (its CertID,
//   any hash algorithm) and OpenSSL's OCSP_basic_verify accepts it: signed by
//   `issuer` or by a responder it delegated (id-kp-OCSPSigning), the
//   responder chaining to `anchors` (through `issuer`).
// A revocation found in any of them wins over "good" answers (the earliest
// revocation date is kept). Thread-safe.
RevocationCheck check_revocation(const Certificate& certificate, const Certificate& issuer,
                                 const RevocationData& data, const TrustStore& anchors);

// The issuer of `certificate` among `candidates` (name and key identifier
// match, OpenSSL's X509_check_issued), if any.
std::optional<Certificate> find_issuer(const Certificate& certificate,
                                       const std::vector<Certificate>& candidates);

// ETSI EN 319 102-1 reading of a revoked signing certificate, given the
// proof of existence of the signature (its best signature time, from a valid
// signature-time-stamp):
//   not revoked, or revoked after the proof of existence: no failure (the
//   seal existed before the revocation; `note` then says so);
//   revoked at or before the proof of existence: TOTAL_FAILED / REVOKED;
//   revoked and no proof of existence: INDETERMINATE / REVOKED_NO_POE.
struct RevocationVerdict {
  Indication indication = Indication::kTotalPassed;
  SubIndication sub_indication = SubIndication::kNone;  // kNone: no failure
  std::string note;  // the failure, or the warning for a revocation after the proof
};
RevocationVerdict judge_revocation(const RevocationCheck& check, const Certificate& signer,
                                   std::optional<std::chrono::sys_seconds> proof_of_existence);

}  // namespace einvoice::signing
