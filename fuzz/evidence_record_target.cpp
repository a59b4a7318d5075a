// Fuzz target: an RFC 4998 evidence record in DER (archive/evidence_record.h),
// then the root each ArchiveTimeStamp leads to from a fixed hash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "archive/evidence_record.h"
#include "fuzz/der_mutator.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view der(reinterpret_cast<const char*>(data), size);
  auto record = einvoice::archive::parse_evidence_record(der, "fuzz.ers");
  if (record) {
    for (const auto& stamp : record->chain)
      (void)stamp.root_for(std::string(32, '\x5a'));
    (void)record->der();
  }
  return 0;
}
