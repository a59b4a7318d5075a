// Fuzz target: CAdES verification (CMS decoding, signed and unsigned
// attributes, embedded signature-time-stamps, chain building) over hostile
// seals, against a fixed data buffer and a throw-away trust anchor.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "signing/certificate_issuer.h"
#include "signing/verification.h"

namespace {

const einvoice::signing::TrustStore& anchors() {
  static const einvoice::signing::TrustStore store = [] {
    using namespace std::chrono;
    einvoice::signing::CertificateProfile profile;
    profile.subject = {{"CN", "fuzz root"}};
    profile.not_before = sys_seconds(seconds(1700000000));
    profile.not_after = sys_seconds(seconds(2000000000));
    profile.certificate_authority = true;
    auto root = einvoice::signing::issue_certificate(profile, nullptr);
    auto trust = einvoice::signing::TrustStore::from_certificates({(*root)->certificate()});
    return *trust;
  }();
  return store;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static constexpr std::string_view kData = "<Invoice>fuzz</Invoice>\n";
  einvoice::signing::VerificationOptions options;
  options.validation_time = std::chrono::sys_seconds(std::chrono::seconds(1800000000));
  const std::span<const std::uint8_t> seal(data, size);
  (void)einvoice::signing::verify_detached_cades(seal, einvoice::signing::as_bytes(kData),
                                                 anchors(), options, "fuzz.p7s");
  (void)einvoice::signing::verify_detached_cades(seal, std::nullopt, anchors(), options,
                                                 "fuzz.p7s");
  return 0;
}
