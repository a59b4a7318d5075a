// Archive::secure, securings and evidence_record: the journal closed into
// timestamped hash trees (VITAM's securing, RFC 4998 evidence records).
#include <nlohmann/json.hpp>
#include <tuple>

#include "archive/archive.h"
#include "archive/evidence_record.h"
#include "archive/root_timestamp.h"
#include "archive/sha256.h"
#include "archive/timestamped_run.h"
#include "signing/timestamp_authority.h"

namespace einvoice::archive {
namespace {

using model::Error;
using model::ErrorCode;

constexpr std::size_t kMaxTokenBytes = 1 << 20;

Error refused(std::string message, std::string_view id) {
  return Error{ErrorCode::kInvalid, std::move(message), {std::string(id), "", 0, 0}};
}

std::string dump(const nlohmann::json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

model::Result<std::vector<StoredSecuring>> Archive::securings() const {
  auto entries = catalog_->journal(1, -1);
  if (!entries)
    return entries.error();
  return securings_in(*entries);
}

model::Status Archive::read_recorded(const JournalEntry& entry, std::size_t record_limit,
                                     std::string& record, std::string& token) const {
  const auto detail = nlohmann::json::parse(entry.draft.detail, nullptr, false);
  if (!detail.is_object() || !detail.contains("record_sha256") ||
      !detail.contains("token_sha256") || !detail["record_sha256"].is_string() ||
      !detail["token_sha256"].is_string())
    return Error{ErrorCode::kMalformed,
                 "journal entry " + std::to_string(entry.sequence) + ": " + entry.draft.event +
                     " without hashes",
                 {dir_.string(), "", 0, 0}};
  for (auto [key, bytes, limit] : {std::tuple{"record_sha256", &record, record_limit},
                                   std::tuple{"token_sha256", &token, kMaxTokenBytes}}) {
    const std::string sha = detail[key].get<std::string>();
    auto stored = store_->get(sha, limit);
    if (!stored)
      return stored.error();
    if (Sha256::hex(*stored) != sha)
      return refused_securing(entry.sequence);
    *bytes = std::move(*stored);
  }
  return model::Status::Ok();
}

model::Result<std::vector<StoredSecuring>> Archive::securings_in(
    const std::vector<JournalEntry>& journal) const {
  std::vector<StoredSecuring> out;
  for (const auto& entry : journal) {
    if (entry.draft.event != "secure")
      continue;
    StoredSecuring securing;
    if (auto read = read_recorded(entry, kMaxTokenBytes, securing.record_json, securing.token_der);
        !read)
      return read.error();
    const auto detail = nlohmann::json::parse(entry.draft.detail, nullptr, false);
    auto seal = read_attached(*store_, detail, "seal_sha256");
    auto crls = read_attached(*store_, detail, "tsa_crl_sha256");
    if (!seal)
      return seal.error();
    if (!crls)
      return crls.error();
    if (!*seal || !*crls || seal->value().size() > 1)
      return refused_securing(entry.sequence);
    if (!seal->value().empty())
      securing.seal = std::move(seal->value().front());
    securing.tsa_crls = std::move(**crls);
    auto record = parse_securing_record(securing.record_json, "securing record");
    if (!record)
      return record.error();
    securing.record = std::move(*record);
    out.push_back(std::move(securing));
  }
  return out;
}

Error Archive::refused_securing(std::int64_t sequence) const {
  return Error{ErrorCode::kInvalid,
               "the securing record or token of journal entry " + std::to_string(sequence) +
                   " no longer matches its recorded hash",
               {dir_.string(), "", 0, 0}};
}

model::Result<std::optional<StoredSecuring>> Archive::secure(
    signing::TimestampAuthority& authority, std::string_view actor,
    const TsaRevocation& revocation) const {
  auto previous = securings();
  if (!previous)
    return previous.error();
  const std::int64_t first = previous->empty() ? 1 : previous->back().record.last_sequence + 1;
  auto entries = catalog_->journal(first, -1);
  if (!entries)
    return entries.error();
  if (entries->empty())
    return std::optional<StoredSecuring>();
  std::vector<Hash> leaves;
  for (const auto& entry : *entries)
    leaves.push_back(journal_leaf(entry));
  const MerkleTree tree(std::move(leaves));
  SecuringRecord record;
  record.number = static_cast<std::int64_t>(previous->size()) + 1;
  record.first_sequence = first;
  record.last_sequence = entries->back().sequence;
  record.first_previous = entries->front().previous;
  record.tree_root = to_hex(tree.root());
  if (!previous->empty())
    record.previous_record_sha256 = Sha256::hex(previous->back().record_json);
  const Hash root = securing_root(tree.root(), record.previous_record_sha256);
  record.root = to_hex(root);
  auto token = timestamp_root(authority, root);
  if (!token)
    return token.error();
  StoredSecuring stored;
  stored.record = std::move(record);
  keep_token(stored, *token, authority.name());
  auto record_sha256 = put_run(*store_, stored);
  if (!record_sha256)
    return record_sha256.error();
  const SecuringRecord& r = stored.record;
  nlohmann::json detail = {{"securing", r.number},
                           {"first_seq", r.first_sequence},
                           {"last_seq", r.last_sequence},
                           {"root", r.root},
                           {"record_sha256", *record_sha256},
                           {"token_sha256", r.timestamp_token_sha256}};
  auto seal_sha256 =
      seal_run(*store_, sealer_, stored, "securing record " + std::to_string(r.number));
  if (!seal_sha256)
    return seal_sha256.error();
  if (!seal_sha256->empty())
    detail["seal_sha256"] = *seal_sha256;
  if (revocation) {
    auto gathered = revocation(*token);
    if (!gathered)
      return gathered.error();
    stored.tsa_crls = std::move(*gathered);
  }
  if (!stored.tsa_crls.empty()) {
    nlohmann::json hashes = nlohmann::json::array();
    for (const auto& crl : stored.tsa_crls) {
      const std::string crl_sha256 = Sha256::hex(crl);
      if (auto put = store_->put(crl_sha256, crl); !put)
        return put.error();
      hashes.push_back(crl_sha256);
    }
    detail["tsa_crl_sha256"] = hashes;
  }
  // Another securing run that finished meanwhile (its entry after the last
  // one this run read) covered these entries first: this one's record would
  // fork the chain of records.
  auto entry = catalog_->append_unless(draft("system", "secure", "", actor, dump(detail)),
                                       r.last_sequence + 1, "secure");
  if (!entry)
    return entry.error();
  if (!*entry)
    return Error{ErrorCode::kInvalid,
                 "another securing run closed these journal entries first; run secure again",
                 {dir_.string(), "", 0, 0}};
  return std::optional<StoredSecuring>(std::move(stored));
}

model::Result<std::vector<JournalEntry>> Archive::segment(const SecuringRecord& r) const {
  auto entries = catalog_->journal(r.first_sequence, r.last_sequence - r.first_sequence + 1);
  if (!entries)
    return entries.error();
  if (auto problem = check_segment(r, *entries); !problem.empty())
    return refused("journal segment of securing " + std::to_string(r.number) + ": " + problem,
                   dir_.string());
  return entries;
}

model::Result<std::string> Archive::evidence_record(std::string_view id) const {
  auto object = live(id);
  if (!object)
    return object.error();
  auto all = securings();
  if (!all)
    return all.error();
  for (const auto& securing : *all) {
    const auto& r = securing.record;
    if (object->deposit_sequence < r.first_sequence || object->deposit_sequence > r.last_sequence)
      continue;
    auto entries = segment(r);
    if (!entries)
      return entries.error();
    std::vector<Hash> leaves;
    for (const auto& entry : *entries)
      leaves.push_back(journal_leaf(entry));
    auto renewed = renewals();
    if (!renewed)
      return renewed.error();
    const auto index = static_cast<std::size_t>(object->deposit_sequence - r.first_sequence);
    return evidence_record_der(r, *entries, MerkleTree(std::move(leaves)), index,
                               securing.token_der, renewal_time_stamps(*renewed, r.number));
  }
  return refused(std::string(id) + " is not secured yet: run 'einvoice archive secure'", id);
}

}  // namespace einvoice::archive
