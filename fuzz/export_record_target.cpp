// Fuzz target: the JSON records of an export that verify-export reads
// (archive/securing_record.h, archive/renewal_record.h,
// archive/export_layout.h): a securing record, a renewal record and document
// metadata, canonical objects within size and nesting limits.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "archive/export_layout.h"
#include "archive/renewal_record.h"
#include "archive/securing_record.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)einvoice::archive::parse_securing_record(text, "fuzz.json");
  if (auto renewal = einvoice::archive::parse_renewal_record(text, "fuzz.json"))
    (void)einvoice::archive::check_renewal_tree(*renewal);
  auto metadata = einvoice::archive::parse_metadata_json(text, "fuzz.json");
  if (metadata)
    (void)metadata->metadata_sha256();
  return 0;
}
