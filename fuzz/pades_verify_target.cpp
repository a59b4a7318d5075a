// Fuzz target: PAdES verification of hostile PDFs: signature dictionaries
// found by /ByteRange, byte ranges, /Contents, the DSS (certificates, CRLs,
// OCSP responses) and document timestamps, through PoDoFo and OpenSSL.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_anchors.h"
#include "signing/pades.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view pdf(reinterpret_cast<const char*>(data), size);
  (void)einvoice::signing::read_dss(pdf, "fuzz.pdf");
  (void)einvoice::signing::verify_pades(pdf, einvoice::fuzz::fuzz_anchors(),
                                        einvoice::fuzz::fuzz_verification_options(), "fuzz.pdf");
  return 0;
}
