// Fuzz target: CAdES verification (CMS decoding, signed and unsigned
// attributes, embedded signature-time-stamps, chain building) over hostile
// seals, against a fixed data buffer and a throw-away trust anchor.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "fuzz/der_mutator.h"
#include "fuzz/fuzz_anchors.h"
#include "signing/verification.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static constexpr std::string_view kData = "<Invoice>fuzz</Invoice>\n";
  const auto options = einvoice::fuzz::fuzz_verification_options();
  const auto& anchors = einvoice::fuzz::fuzz_anchors();
  const std::span<const std::uint8_t> seal(data, size);
  (void)einvoice::signing::verify_detached_cades(seal, einvoice::signing::as_bytes(kData), anchors,
                                                 options, "fuzz.p7s");
  (void)einvoice::signing::verify_detached_cades(seal, std::nullopt, anchors, options, "fuzz.p7s");
  return 0;
}
