#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "journal/journal_entry.h"

namespace einvoice::journal {

// The entry that records `draft` after `last` (nullptr: the first entry):
// sequence one more than last's, and the hash of last's line as previous
// (kGenesisHash for the first).
JournalEntry next_entry(const JournalEntry* last, JournalDraft draft);

// Where a chain read back in order is broken.
enum class BreakKind {
  kSequence,  // the entry's sequence is not its place (removed, inserted or reordered)
  kPrevious,  // the entry does not hold the hash of the line before it
};

struct ChainBreak {
  std::size_t index = 0;      // 0-based position in the entries given
  std::int64_t sequence = 0;  // the entry's own sequence number
  std::int64_t expected = 0;  // the sequence its place calls for (index + 1)
  BreakKind kind = BreakKind::kSequence;
};

// Every break of `entries` (the whole journal, in the order stored), in
// order: an entry can break both ways. Empty when the chain holds. An edited
// entry shows as a kPrevious break of the entry after it; an edit of the
// last entry is found only by comparing its hash with one kept elsewhere.
std::vector<ChainBreak> verify_chain(const std::vector<JournalEntry>& entries);

}  // namespace einvoice::journal
