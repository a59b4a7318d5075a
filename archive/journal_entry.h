#pragma once

// The archive's journal is the shared hash chain of journal/ (one
// implementation for the archive and the accounts): these are its names in
// the archive's namespace. The line format is unchanged (docs/archive.md),
// so exports of earlier releases still verify.

#include "journal/chain.h"
#include "journal/journal_entry.h"

namespace einvoice::archive {

using journal::JournalDraft;
using journal::JournalEntry;
using journal::json_nesting;
using journal::kGenesisHash;
using journal::kMaxJournalDepth;
using journal::kMaxJournalLineBytes;
using journal::parse_journal_line;

}  // namespace einvoice::archive
