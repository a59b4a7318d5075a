// Archive::secure, securings and evidence_record: the journal closed into
// timestamped hash trees (VITAM's securing, RFC 4998 evidence records).
#include <nlohmann/json.hpp>

#include "archive/archive.h"
#include "archive/evidence_record.h"
#include "archive/sha256.h"
#include "signing/digest.h"
#include "signing/timestamp_authority.h"
#include "signing/timestamp_request.h"
#include "signing/timestamp_response.h"
#include "signing/timestamp_token.h"

namespace einvoice::archive {
namespace {

using model::Error;
using model::ErrorCode;

constexpr std::size_t kMaxTokenBytes = 1 << 20;

Error refused(std::string message, std::string_view id) {
  return Error{ErrorCode::kInvalid, std::move(message), {std::string(id), "", 0, 0}};
}

// The CRLs a `secure` entry's detail names, read back from `store`; nullopt
// when the detail's list is not one of hashes or a CRL no longer matches.
model::Result<std::optional<std::vector<std::string>>> read_tsa_crls(const ObjectStore& store,
                                                                     const nlohmann::json& detail) {
  std::vector<std::string> crls;
  if (!detail.contains("tsa_crl_sha256"))
    return std::optional(crls);
  const auto& hashes = detail["tsa_crl_sha256"];
  if (!hashes.is_array())
    return std::optional<std::vector<std::string>>();
  for (const auto& hash : hashes) {
    const std::string sha = hash.is_string() ? hash.get<std::string>() : std::string();
    auto stored = store.get(sha, kMaxTokenBytes);
    if (!stored)
      return stored.error();
    if (Sha256::hex(*stored) != sha)
      return std::optional<std::vector<std::string>>();
    crls.push_back(std::move(*stored));
  }
  return std::optional(crls);
}

std::string dump(const nlohmann::json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

model::Result<std::vector<StoredSecuring>> Archive::securings() const {
  auto entries = catalog_->journal(1, -1);
  if (!entries)
    return entries.error();
  std::vector<StoredSecuring> out;
  for (const auto& entry : *entries) {
    if (entry.draft.event != "secure")
      continue;
    const auto detail = nlohmann::json::parse(entry.draft.detail, nullptr, false);
    if (!detail.is_object() || !detail.contains("record_sha256") ||
        !detail.contains("token_sha256"))
      return Error{ErrorCode::kMalformed,
                   "journal entry " + std::to_string(entry.sequence) + ": securing without hashes",
                   {dir_.string(), "", 0, 0}};
    StoredSecuring securing;
    for (auto [key, bytes] : {std::pair{"record_sha256", &securing.record_json},
                              std::pair{"token_sha256", &securing.token_der},
                              std::pair{"seal_sha256", &securing.seal}}) {
      if (!detail.contains(key))
        continue;  // a run made without a platform seal
      const auto& value = detail[key];
      const std::string sha = value.is_string() ? value.get<std::string>() : std::string();
      auto stored = store_->get(sha, kMaxTokenBytes);
      if (!stored)
        return stored.error();
      if (Sha256::hex(*stored) != sha)
        return refused_securing(entry.sequence);
      *bytes = std::move(*stored);
    }
    auto crls = read_tsa_crls(*store_, detail);
    if (!crls)
      return crls.error();
    if (!*crls)
      return refused_securing(entry.sequence);
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
  auto request = signing::make_timestamp_request(signing::DigestAlgorithm::kSha256,
                                                 signing::Bytes(root.begin(), root.end()),
                                                 signing::random_nonce());
  if (!request)
    return request.error();
  auto response = authority.exchange(request->der);
  if (!response)
    return response.error();
  auto token = signing::parse_timestamp_response(*response, *request, authority.name());
  if (!token)
    return token.error();
  StoredSecuring stored;
  stored.token_der.assign(token->der.begin(), token->der.end());
  record.timestamp_token_sha256 = Sha256::hex(stored.token_der);
  record.gen_time = env::utc_timestamp(token->gen_time);
  record.authority = authority.name();
  stored.record = record;
  stored.record_json = record.json();
  const std::string record_sha256 = Sha256::hex(stored.record_json);
  if (auto put = store_->put(record.timestamp_token_sha256, stored.token_der); !put)
    return put.error();
  if (auto put = store_->put(record_sha256, stored.record_json); !put)
    return put.error();
  nlohmann::json detail = {
      {"securing", record.number},        {"first_seq", record.first_sequence},
      {"last_seq", record.last_sequence}, {"root", record.root},
      {"record_sha256", record_sha256},   {"token_sha256", record.timestamp_token_sha256}};
  auto sealed = seal(stored.record_json, "securing record " + std::to_string(record.number));
  if (!sealed)
    return sealed.error();
  stored.seal = std::move(*sealed);
  if (!stored.seal.empty()) {
    const std::string seal_sha256 = Sha256::hex(stored.seal);
    if (auto put = store_->put(seal_sha256, stored.seal); !put)
      return put.error();
    detail["seal_sha256"] = seal_sha256;
  }
  std::vector<std::string> tsa_crls;
  if (revocation) {
    auto gathered = revocation(*token);
    if (!gathered)
      return gathered.error();
    tsa_crls = std::move(*gathered);
  }
  if (!tsa_crls.empty()) {
    nlohmann::json hashes = nlohmann::json::array();
    for (const auto& crl : tsa_crls) {
      const std::string crl_sha256 = Sha256::hex(crl);
      if (auto put = store_->put(crl_sha256, crl); !put)
        return put.error();
      hashes.push_back(crl_sha256);
    }
    detail["tsa_crl_sha256"] = hashes;
    stored.tsa_crls = tsa_crls;
  }
  // Another securing run that finished meanwhile (its entry after the last
  // one this run read) covered these entries first: this one's record would
  // fork the chain of records.
  auto entry = catalog_->append_unless(draft("system", "secure", "", actor, dump(detail)),
                                       record.last_sequence + 1, "secure");
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
    const auto index = static_cast<std::size_t>(object->deposit_sequence - r.first_sequence);
    return evidence_record_der(r, *entries, MerkleTree(std::move(leaves)), index,
                               securing.token_der);
  }
  return refused(std::string(id) + " is not secured yet: run 'einvoice archive secure'", id);
}

}  // namespace einvoice::archive
