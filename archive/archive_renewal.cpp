// Archive::renew and renewals: timestamp renewal (RFC 4998 5.2). Each run
// timestamps, in one hash tree, the latest token of every securing run, so
// that the chain of timestamps outlives each TSA certificate.
#include <nlohmann/json.hpp>

#include "archive/archive.h"
#include "archive/root_timestamp.h"
#include "archive/sha256.h"
#include "archive/timestamped_run.h"
#include "signing/timestamp_authority.h"

namespace einvoice::archive {
namespace {

using model::Error;
using model::ErrorCode;

// Why `token` cannot renew anything: its TSA certificate is missing or not
// valid at the token's own time (a test TSA kept in a folder past its five
// years, say). Empty when it can.
std::string unusable(const signing::TimestampToken& token) {
  if (!token.tsa_certificate)
    return "the renewal token carries no TSA certificate";
  const auto& certificate = *token.tsa_certificate;
  if (token.gen_time < certificate.not_before() || token.gen_time > certificate.not_after())
    return "the TSA certificate " + certificate.subject() + " (valid " +
           env::utc_timestamp(certificate.not_before()) + " to " +
           env::utc_timestamp(certificate.not_after()) + ") is not valid at the token's time " +
           env::utc_timestamp(token.gen_time) + ": renew with a TSA whose certificate is valid";
  return {};
}

}  // namespace

model::Result<std::vector<StoredRenewal>> Archive::renewals() const {
  auto entries = catalog_->journal(1, -1);
  if (!entries)
    return entries.error();
  return renewals_in(*entries);
}

model::Result<std::vector<StoredRenewal>> Archive::renewals_in(
    const std::vector<JournalEntry>& journal) const {
  std::vector<StoredRenewal> out;
  for (const auto& entry : journal) {
    if (entry.draft.event != "renew")
      continue;
    StoredRenewal renewal;
    if (auto read =
            read_recorded(entry, kMaxRenewalRecordBytes, renewal.record_json, renewal.token_der);
        !read)
      return read.error();
    auto seal = read_attached(*store_, nlohmann::json::parse(entry.draft.detail, nullptr, false),
                              "seal_sha256");
    if (!seal)
      return seal.error();
    if (!*seal || seal->value().size() > 1)
      return refused_securing(entry.sequence);
    if (!seal->value().empty())
      renewal.seal = std::move(seal->value().front());
    auto record = parse_renewal_record(renewal.record_json, "renewal record");
    if (!record)
      return record.error();
    renewal.record = std::move(*record);
    out.push_back(std::move(renewal));
  }
  return out;
}

model::Result<std::optional<StoredRenewal>> Archive::renew(signing::TimestampAuthority& authority,
                                                           std::string_view actor) const {
  auto journal = catalog_->journal(1, -1);
  if (!journal)
    return journal.error();
  auto runs = securings_in(*journal);
  if (!runs)
    return runs.error();
  auto previous = renewals_in(*journal);
  if (!previous)
    return previous.error();
  if (runs->empty())
    return std::optional<StoredRenewal>();
  if (runs->size() > kMaxRenewalLeaves)
    return Error{ErrorCode::kLimitExceeded,
                 "more than 65536 securing runs to renew",
                 {dir_.string(), "", 0, 0}};
  const RenewalRecord* last = previous->empty() ? nullptr : &previous->back().record;
  RenewalRecord record;
  record.number = static_cast<std::int64_t>(previous->size()) + 1;
  std::vector<Hash> leaves;
  for (const auto& run : *runs) {
    const std::int64_t number = static_cast<std::int64_t>(record.leaves.size()) + 1;
    record.leaves.push_back({number, expected_leaf(last, number, Sha256::hex(run.token_der))});
    leaves.push_back(from_hex(record.leaves.back().token_sha256));
  }
  const MerkleTree tree(std::move(leaves));
  record.tree_root = to_hex(tree.root());
  if (!previous->empty())
    record.previous_renewal_sha256 = Sha256::hex(previous->back().record_json);
  auto token = timestamp_root(authority, tree.root());
  if (!token)
    return token.error();
  if (auto problem = unusable(*token); !problem.empty())
    return Error{ErrorCode::kInvalid, problem, {authority.name(), "", 0, 0}};
  StoredRenewal stored;
  stored.record = std::move(record);
  keep_token(stored, *token, authority.name());
  auto record_sha256 = put_run(*store_, stored);
  if (!record_sha256)
    return record_sha256.error();
  const RenewalRecord& r = stored.record;
  auto seal_sha256 =
      seal_run(*store_, sealer_, stored, "renewal record " + std::to_string(r.number));
  if (!seal_sha256)
    return seal_sha256.error();
  nlohmann::json detail = {{"renewal", r.number},
                           {"securings", r.leaves.size()},
                           {"tree_root", r.tree_root},
                           {"record_sha256", *record_sha256},
                           {"token_sha256", r.timestamp_token_sha256}};
  if (!seal_sha256->empty())
    detail["seal_sha256"] = *seal_sha256;
  // Another renewal journaled after the journal this one read would be
  // chained to the same previous record: the records would fork.
  const std::int64_t read_up_to = journal->empty() ? 0 : journal->back().sequence;
  auto entry = catalog_->append_unless(
      draft("system", "renew", "", actor,
            detail.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)),
      read_up_to + 1, "renew");
  if (!entry)
    return entry.error();
  if (!*entry)
    return Error{ErrorCode::kInvalid,
                 "another renewal was journaled meanwhile; run renew again",
                 {dir_.string(), "", 0, 0}};
  return std::optional<StoredRenewal>(std::move(stored));
}

}  // namespace einvoice::archive
