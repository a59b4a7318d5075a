#pragma once

// What the seal-verification fuzz targets share: one throw-away root
// certificate as the trust anchor (generated once per process, in memory)
// and a fixed validation time, so that runs are reproducible.
#include <chrono>

#include "signing/certificate_issuer.h"
#include "signing/trust_store.h"
#include "signing/verification.h"

namespace einvoice::fuzz {

// A self-signed CA "fuzz root" valid 2023-11 to 2033-05, key in memory only.
inline const signing::SoftwareSigner& fuzz_root() {
  static const auto root = [] {
    using namespace std::chrono;
    signing::CertificateProfile profile;
    profile.subject = {{"CN", "fuzz root"}};
    profile.not_before = sys_seconds(seconds(1700000000));
    profile.not_after = sys_seconds(seconds(2000000000));
    profile.certificate_authority = true;
    auto issued = signing::issue_certificate(profile, nullptr);
    return std::move(*issued);
  }();
  return *root;
}

inline const signing::TrustStore& fuzz_anchors() {
  static const signing::TrustStore store =
      *signing::TrustStore::from_certificates({fuzz_root().certificate()});
  return store;
}

// Verification at 2027-01-15, inside the anchor's validity.
inline signing::VerificationOptions fuzz_verification_options() {
  signing::VerificationOptions options;
  options.validation_time = std::chrono::sys_seconds(std::chrono::seconds(1800000000));
  return options;
}

}  // namespace einvoice::fuzz
