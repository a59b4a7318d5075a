// Fuzz target: a line of the archive's journal as verify-export reads it
// from an export (archive/journal_entry.h): size and nesting limits,
// field types, canonical form; then the hash and the leaf of a parsed entry.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "archive/journal_entry.h"
#include "archive/securing_record.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto entry = einvoice::archive::parse_journal_line(text, "fuzz.jsonl");
  if (entry) {
    (void)entry->hash();
    (void)einvoice::archive::journal_leaf(*entry);
  }
  return 0;
}
