// Fuzz target: an archive master key file (archive/master_key.h): 64 hex
// digits and trailing whitespace, nothing else.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "archive/master_key.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto key = einvoice::archive::MasterKey::parse(text, "fuzz.key");
  if (key)
    (void)key->unwrap(std::string_view(text).substr(0, 120), "00");
  return 0;
}
