#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "archive/evidence_record.h"
#include "archive/journal_entry.h"
#include "archive/merkle_tree.h"
#include "model/result.h"

namespace einvoice::archive {

// One run of `archive secure` (VITAM's journal securing, docs/archive.md):
// the journal entries first..last closed into a hash tree whose root, tied
// to the previous run's record, was timestamped (RFC 3161, imprint = root).
// Stored as an archive object; its SHA-256 and its token's are journaled.
struct SecuringRecord {
  std::int64_t number = 0;  // 1, 2, 3...
  std::int64_t first_sequence = 0;
  std::int64_t last_sequence = 0;
  std::string first_previous;          // hex: the `prev` of entry first (chain anchor)
  std::string tree_root;               // hex: root of the entries' tree
  std::string previous_record_sha256;  // hex SHA-256 of record number-1; empty for 1
  std::string root;                    // hex: the timestamped value
  std::string timestamp_token_sha256;  // hex SHA-256 of the token's DER
  std::string gen_time;                // the token's time, "YYYY-MM-DDTHH:MM:SSZ"
  std::string authority;               // who timestamped (URL or "local test TSA")

  // Canonical JSON (keys sorted, compact): the record's bytes.
  std::string json() const;
};

// Limits of a record read from outside.
inline constexpr std::size_t kMaxSecuringRecordBytes = 16 * 1024;

// Reads a record as json() writes it, and nothing else (canonical form
// checked). Hostile input. Errors: kMalformed, kLimitExceeded naming `origin`.
model::Result<SecuringRecord> parse_securing_record(std::string_view text, std::string_view origin);

// The leaf of a journal entry in a securing tree: SHA-256 of its line, or,
// for a deposit, hash_sorted({document SHA-256, SHA-256 of the line}), so that
// the document's own hash is in the first partial tree of its evidence record.
Hash journal_leaf(const JournalEntry& entry);
// The document SHA-256 (raw) a deposit entry records; empty for other entries.
Hash deposited_hash(const JournalEntry& entry);

// The timestamped value: the tree root alone for the first record, else
// hash_sorted({tree root, SHA-256 of the previous record}). Raw bytes.
Hash securing_root(const Hash& tree_root, const std::string& previous_record_sha256_hex);

// What is wrong with `entries` as the segment of `record` (sequence numbers
// first..last without gap, each `prev` the hash of the line before, the
// first one's `prev` record.first_previous, the tree root and the root); an
// empty string when nothing is.
std::string check_segment(const SecuringRecord& record, const std::vector<JournalEntry>& entries);

// The RFC 4998 evidence record (DER) of the deposit at `index` of `segment`
// (a checked segment whose leaves make `tree`): a first ArchiveTimeStamp of
// {document hash, deposit line hash}, the siblings up the tree, then the
// previous record's hash when there is one, timestamped by `token_der`;
// then `renewals`, the ArchiveTimeStamps of the renewals of this run
// (renewal_time_stamps), in order.
std::string evidence_record_der(const SecuringRecord& record,
                                const std::vector<JournalEntry>& segment, const MerkleTree& tree,
                                std::size_t index, const std::string& token_der,
                                const std::vector<ArchiveTimeStamp>& renewals);

}  // namespace einvoice::archive
