#include "journal/chain.h"

#include <string>

namespace einvoice::journal {

JournalEntry next_entry(const JournalEntry* last, JournalDraft draft) {
  JournalEntry entry;
  entry.draft = std::move(draft);
  entry.sequence = last ? last->sequence + 1 : 1;
  entry.previous = last ? last->hash() : std::string(kGenesisHash);
  return entry;
}

std::vector<ChainBreak> verify_chain(const std::vector<JournalEntry>& entries) {
  std::vector<ChainBreak> breaks;
  std::string previous(kGenesisHash);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& entry = entries[i];
    const auto expected = static_cast<std::int64_t>(i + 1);
    if (entry.sequence != expected)
      breaks.push_back({i, entry.sequence, expected, BreakKind::kSequence});
    if (entry.previous != previous)
      breaks.push_back({i, entry.sequence, expected, BreakKind::kPrevious});
    previous = entry.hash();
  }
  return breaks;
}

}  // namespace einvoice::journal
