#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model/result.h"

namespace einvoice::journal {

// The hash of "no previous entry": the first entry's `previous`.
inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// What a caller asks the journal to record; the journal gives it its
// sequence number and the hash of the entry before it.
// The journal's owner names its categories and events (docs/archive.md,
// docs/accounts.md).
struct JournalDraft {
  std::string time;      // "YYYY-MM-DDTHH:MM:SSZ"
  std::string category;  // archive: "lifecycle", "access", "system"; accounts: "roles", "enrolment"
  std::string event;     // "deposit", "destroy"...; "create", "standby"...; "start", "signed"...
  std::string subject;   // what the entry concerns (an archive id...); may be empty
  std::string actor;     // who (user name, account, or "einvoice")
  std::string detail;    // a JSON object (compact), what else is worth keeping
};

// One entry of a hash-chained journal (docs/archive.md): its line is
// canonical JSON (keys sorted, no spaces), and each line holds the SHA-256 of
// the line before it, so that a removed, inserted, reordered or edited entry
// breaks the chain.
struct JournalEntry {
  std::int64_t sequence = 0;  // 1, 2, 3... without gaps
  std::string previous;       // hex SHA-256 of the previous line (kGenesisHash for 1)
  JournalDraft draft;

  std::string line() const;
  std::string hash() const;  // hex SHA-256 of line()
};

// Limits of a journal line read from outside (an export, a database file).
inline constexpr std::size_t kMaxJournalLineBytes = 64 * 1024;
inline constexpr int kMaxJournalDepth = 8;

// The deepest nesting of objects and arrays in `text` (JSON strings
// skipped), counted before any parser recurses into it.
int json_nesting(std::string_view text);

// Reads one line as written by JournalEntry::line(). Hostile input: at most
// kMaxJournalLineBytes, nesting at most kMaxJournalDepth, every field of the
// right type. The line must be exactly canonical (re-serialising it gives
// the same bytes), so that the hash a verifier computes is the hash written.
// Errors: kLimitExceeded, kMalformed naming `origin`.
model::Result<JournalEntry> parse_journal_line(std::string_view line, std::string_view origin);

}  // namespace einvoice::journal
