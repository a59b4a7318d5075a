#include "archive/securing_record.h"

#include <limits>
#include <nlohmann/json.hpp>

#include "archive/evidence_record.h"
#include "archive/sha256.h"

namespace einvoice::archive {
namespace {

using model::Error;
using model::ErrorCode;

std::string raw_sha256(std::string_view bytes) {
  return from_hex(Sha256::hex(bytes));
}

}  // namespace

std::string SecuringRecord::json() const {
  const nlohmann::json json = {{"securing", number},
                               {"first_seq", first_sequence},
                               {"last_seq", last_sequence},
                               {"first_prev", first_previous},
                               {"tree_root", tree_root},
                               {"previous_record_sha256", previous_record_sha256},
                               {"root", root},
                               {"timestamp_token_sha256", timestamp_token_sha256},
                               {"gen_time", gen_time},
                               {"authority", authority},
                               {"hash_tree", "RFC 4998 (SHA-256, sorted concatenation)"}};
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

model::Result<SecuringRecord> parse_securing_record(std::string_view text,
                                                    std::string_view origin) {
  const model::SourceLocation where{std::string(origin), "", 0, 0};
  if (text.size() > kMaxSecuringRecordBytes)
    return Error{ErrorCode::kLimitExceeded, "securing record larger than 16 KiB", where};
  // Flat object of strings and numbers: no nesting for the parser to recurse into.
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (text[i] == '{' || text[i] == '[')
      return Error{ErrorCode::kMalformed, "securing record: nested value", where};
  }
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object())
    return Error{ErrorCode::kMalformed, "securing record: not a JSON object", where};
  SecuringRecord r;
  try {
    // Sequence numbers are whole and fit 63 bits: a float or a larger number
    // is refused before any conversion (converting one is undefined).
    for (const char* key : {"securing", "first_seq", "last_seq"}) {
      const auto& value = json.at(key);
      if (!value.is_number_integer() ||
          (value.is_number_unsigned() &&
           value.get<std::uint64_t>() >
               static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())))
        return Error{ErrorCode::kMalformed,
                     std::string("securing record: ") + key + " is not a sequence number", where};
    }
    r.number = json.at("securing").get<std::int64_t>();
    r.first_sequence = json.at("first_seq").get<std::int64_t>();
    r.last_sequence = json.at("last_seq").get<std::int64_t>();
    r.first_previous = json.at("first_prev").get<std::string>();
    r.tree_root = json.at("tree_root").get<std::string>();
    r.previous_record_sha256 = json.at("previous_record_sha256").get<std::string>();
    r.root = json.at("root").get<std::string>();
    r.timestamp_token_sha256 = json.at("timestamp_token_sha256").get<std::string>();
    r.gen_time = json.at("gen_time").get<std::string>();
    r.authority = json.at("authority").get<std::string>();
  } catch (const nlohmann::json::exception&) {
    return Error{ErrorCode::kMalformed, "securing record: missing or mistyped fields", where};
  }
  if (r.json() != text)
    return Error{ErrorCode::kMalformed, "securing record: not in canonical form", where};
  return r;
}

Hash deposited_hash(const JournalEntry& entry) {
  if (entry.draft.event != "deposit")
    return {};
  const auto detail = nlohmann::json::parse(entry.draft.detail, nullptr, false);
  if (!detail.is_object() || !detail.contains("sha256") || !detail["sha256"].is_string())
    return {};
  const std::string raw = from_hex(detail["sha256"].get<std::string>());
  return raw.size() == 32 ? raw : Hash();
}

Hash journal_leaf(const JournalEntry& entry) {
  const Hash line_hash = raw_sha256(entry.line());
  const Hash document = deposited_hash(entry);
  return document.empty() ? line_hash : hash_sorted({document, line_hash});
}

Hash securing_root(const Hash& tree_root, const std::string& previous_record_sha256_hex) {
  if (previous_record_sha256_hex.empty())
    return tree_root;
  return hash_sorted({tree_root, from_hex(previous_record_sha256_hex)});
}

std::string check_segment(const SecuringRecord& record, const std::vector<JournalEntry>& entries) {
  if (entries.empty())
    return "no journal entries";
  std::string previous = record.first_previous;
  std::vector<Hash> leaves;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& entry = entries[i];
    const auto expected = record.first_sequence + static_cast<std::int64_t>(i);
    if (entry.sequence != expected)
      return "line " + std::to_string(i + 1) + " is entry " + std::to_string(entry.sequence) +
             ", entry " + std::to_string(expected) + " belongs there (removed or reordered)";
    if (entry.previous != previous)
      return "entry " + std::to_string(entry.sequence) +
             " does not hold the hash of the entry before it (chain broken)";
    previous = entry.hash();
    leaves.push_back(journal_leaf(entry));
  }
  if (entries.back().sequence != record.last_sequence)
    return "the segment ends at entry " + std::to_string(entries.back().sequence) +
           ", the securing record at " + std::to_string(record.last_sequence);
  const MerkleTree tree(std::move(leaves));
  if (to_hex(tree.root()) != record.tree_root)
    return "the entries' hash tree root is not the record's";
  if (to_hex(securing_root(tree.root(), record.previous_record_sha256)) != record.root)
    return "the record's root does not follow from its tree root and previous record";
  return {};
}

std::string evidence_record_der(const SecuringRecord& record,
                                const std::vector<JournalEntry>& segment, const MerkleTree& tree,
                                std::size_t index, const std::string& token_der,
                                const std::vector<ArchiveTimeStamp>& renewals) {
  const JournalEntry& deposit = segment[index];
  ArchiveTimeStamp first;
  first.reduced_hash_tree.push_back({deposited_hash(deposit), raw_sha256(deposit.line())});
  for (const auto& sibling : tree.path(index))
    first.reduced_hash_tree.push_back({sibling});
  if (!record.previous_record_sha256.empty())
    first.reduced_hash_tree.push_back({from_hex(record.previous_record_sha256)});
  first.timestamp_token = token_der;
  EvidenceRecord evidence;
  evidence.chain.push_back(std::move(first));
  evidence.chain.insert(evidence.chain.end(), renewals.begin(), renewals.end());
  return evidence.der();
}

}  // namespace einvoice::archive
