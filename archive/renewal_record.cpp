#include "archive/renewal_record.h"

#include <nlohmann/json.hpp>

#include "archive/journal_entry.h"
#include "archive/sha256.h"

namespace einvoice::archive {
namespace {

using model::Error;
using model::ErrorCode;

constexpr const char* kHashTree = "RFC 4998 (SHA-256, sorted concatenation)";
// The record is an object holding an array of flat objects.
constexpr int kMaxDepth = 3;

Hash leaf_hash(const RenewalLeaf& leaf) {
  return from_hex(leaf.token_sha256);
}

MerkleTree tree_of(const RenewalRecord& record) {
  std::vector<Hash> leaves;
  leaves.reserve(record.leaves.size());
  for (const auto& leaf : record.leaves)
    leaves.push_back(leaf_hash(leaf));
  return MerkleTree(std::move(leaves));
}

}  // namespace

std::string RenewalRecord::json() const {
  nlohmann::json listed = nlohmann::json::array();
  for (const auto& leaf : leaves)
    listed.push_back({{"securing", leaf.securing}, {"token_sha256", leaf.token_sha256}});
  const nlohmann::json json = {{"renewal", number},
                               {"leaves", listed},
                               {"tree_root", tree_root},
                               {"previous_renewal_sha256", previous_renewal_sha256},
                               {"timestamp_token_sha256", timestamp_token_sha256},
                               {"gen_time", gen_time},
                               {"authority", authority},
                               {"hash_tree", kHashTree}};
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

model::Result<RenewalRecord> parse_renewal_record(std::string_view text, std::string_view origin) {
  const model::SourceLocation where{std::string(origin), "", 0, 0};
  if (text.size() > kMaxRenewalRecordBytes)
    return Error{ErrorCode::kLimitExceeded, "renewal record larger than 8 MiB", where};
  if (json_nesting(text) > kMaxDepth)
    return Error{ErrorCode::kMalformed, "renewal record: nested too deep", where};
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object())
    return Error{ErrorCode::kMalformed, "renewal record: not a JSON object", where};
  RenewalRecord r;
  try {
    // Numbers are whole and small: a float, a negative or a huge number is
    // refused before any conversion (converting one is undefined).
    const auto& number = json.at("renewal");
    if (!number.is_number_unsigned() || number.get<std::uint64_t>() < 1 ||
        number.get<std::uint64_t>() > 1'000'000'000)
      return Error{ErrorCode::kMalformed, "renewal record: renewal is not a run number", where};
    r.number = static_cast<std::int64_t>(number.get<std::uint64_t>());
    const auto& leaves = json.at("leaves");
    if (!leaves.is_array() || leaves.empty())
      return Error{ErrorCode::kMalformed, "renewal record: no leaves", where};
    if (leaves.size() > kMaxRenewalLeaves)
      return Error{ErrorCode::kLimitExceeded, "renewal record: more than 65536 leaves", where};
    for (std::size_t i = 0; i < leaves.size(); ++i) {
      const auto& securing = leaves[i].at("securing");
      if (!securing.is_number_unsigned() || securing.get<std::uint64_t>() != i + 1)
        return Error{ErrorCode::kMalformed,
                     "renewal record: leaf " + std::to_string(i + 1) + " is not that of securing " +
                         std::to_string(i + 1) + " (leaves cover securing 1..n in order)",
                     where};
      r.leaves.push_back(
          {static_cast<std::int64_t>(i + 1), leaves[i].at("token_sha256").get<std::string>()});
    }
    r.tree_root = json.at("tree_root").get<std::string>();
    r.previous_renewal_sha256 = json.at("previous_renewal_sha256").get<std::string>();
    r.timestamp_token_sha256 = json.at("timestamp_token_sha256").get<std::string>();
    r.gen_time = json.at("gen_time").get<std::string>();
    r.authority = json.at("authority").get<std::string>();
  } catch (const nlohmann::json::exception&) {
    return Error{ErrorCode::kMalformed, "renewal record: missing or mistyped fields", where};
  }
  if (r.json() != text)
    return Error{ErrorCode::kMalformed, "renewal record: not in canonical form", where};
  return r;
}

std::string check_renewal_tree(const RenewalRecord& record) {
  if (record.leaves.empty())
    return "no leaves";
  for (const auto& leaf : record.leaves) {
    if (leaf_hash(leaf).size() != 32 || to_hex(leaf_hash(leaf)) != leaf.token_sha256)
      return "the leaf of securing " + std::to_string(leaf.securing) +
             " is not a SHA-256 in lower-case hex";
  }
  if (to_hex(tree_of(record).root()) != record.tree_root)
    return "the leaves' hash tree root is not the record's tree_root";
  return {};
}

std::string expected_leaf(const RenewalRecord* previous, std::int64_t securing,
                          const std::string& securing_token_sha256) {
  if (previous && previous->covers(securing))
    return previous->timestamp_token_sha256;
  return securing_token_sha256;
}

std::vector<ArchiveTimeStamp> renewal_time_stamps(const std::vector<StoredRenewal>& renewals,
                                                  std::int64_t securing) {
  std::vector<ArchiveTimeStamp> out;
  for (const auto& renewal : renewals) {
    const RenewalRecord& r = renewal.record;
    if (!r.covers(securing))
      continue;
    const auto index = static_cast<std::size_t>(securing - 1);
    ArchiveTimeStamp stamp;
    stamp.reduced_hash_tree.push_back({leaf_hash(r.leaves[index])});
    for (const auto& sibling : tree_of(r).path(index))
      stamp.reduced_hash_tree.push_back({sibling});
    stamp.timestamp_token = renewal.token_der;
    out.push_back(std::move(stamp));
  }
  return out;
}

}  // namespace einvoice::archive
