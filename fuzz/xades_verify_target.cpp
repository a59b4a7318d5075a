// Fuzz target: XAdES verification of hostile XML: every ds:Signature, its
// references and transforms, canonicalisation, the signed properties and the
// signature-time-stamp.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_anchors.h"
#include "signing/xades.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view xml(reinterpret_cast<const char*>(data), size);
  (void)einvoice::signing::verify_xades(xml, einvoice::fuzz::fuzz_anchors(),
                                        einvoice::fuzz::fuzz_verification_options(), "fuzz.xml");
  return 0;
}
