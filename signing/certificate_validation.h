#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "signing/certificate.h"
#include "signing/indication.h"
#include "signing/trust_store.h"

namespace einvoice::signing {

// One reason a signing certificate cannot be relied on.
struct CertificateFinding {
  Indication indication = Indication::kIndeterminate;
  SubIndication sub_indication = SubIndication::kNone;
  std::string message;  // names the certificate and the time used
};

// X.509 validation of a seal's signing certificate, shared by CAdES, PAdES
// and XAdES verification:
//   a chain from `signer` to one of `anchors`, through `untrusted` (the
//   certificates the seal carries): NO_CERTIFICATE_CHAIN_FOUND, or
//   CERTIFICATE_CHAIN_GENERAL_FAILURE when a certificate signature is bad;
//   every chain certificate valid at `at`: OUT_OF_BOUNDS_NO_POE when expired
//   (or not yet valid without proof), NOT_YET_VALID (TOTAL_FAILED) when `at`
//   is a proof of existence (`at_is_proof`, a timestamp) before notBefore;
//   key usage, when present, with digitalSignature or nonRepudiation:
//   CHAIN_CONSTRAINTS_FAILURE.
// Revocation (CRL/OCSP) is not checked yet. Returns no finding when the
// certificate passes. Thread-safe.
std::vector<CertificateFinding> validate_signing_certificate(
    const Certificate& signer, const std::vector<Certificate>& untrusted, const TrustStore& anchors,
    std::chrono::sys_seconds at, bool at_is_proof);

}  // namespace einvoice::signing
