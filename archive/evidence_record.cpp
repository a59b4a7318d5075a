#include "archive/evidence_record.h"

#include <algorithm>

namespace einvoice::archive {
namespace {

using model::Error;
using model::ErrorCode;

constexpr unsigned char kSequence = 0x30, kInteger = 0x02, kOctetString = 0x04, kOid = 0x06;
constexpr unsigned char kReducedHashTree = 0xA2;  // [2] IMPLICIT, constructed
// 2.16.840.1.101.3.4.2.1 (id-sha256), as its DER content.
constexpr std::string_view kSha256Oid("\x60\x86\x48\x01\x65\x03\x04\x02\x01", 9);

std::string tlv(unsigned char tag, std::string_view content) {
  std::string out(1, static_cast<char>(tag));
  const std::size_t size = content.size();
  if (size < 0x80) {
    out += static_cast<char>(size);
  } else {
    std::string length;
    for (std::size_t rest = size; rest > 0; rest >>= 8)
      length.insert(length.begin(), static_cast<char>(rest & 0xff));
    out += static_cast<char>(0x80 | length.size());
    out += length;
  }
  out += content;
  return out;
}

// A bounds-checked reader of DER TLVs (single-byte tags, definite lengths).
class Reader {
 public:
  Reader(std::string_view der, std::string_view origin) : rest_(der), origin_(origin) {}
  bool empty() const { return rest_.empty(); }
  // The content of the next TLV, which must carry `tag`.
  model::Result<std::string_view> take(unsigned char tag, const char* what) {
    if (rest_.size() < 2 || static_cast<unsigned char>(rest_[0]) != tag)
      return bad(std::string("expected ") + what);
    std::size_t length = static_cast<unsigned char>(rest_[1]);
    std::size_t header = 2;
    if (length & 0x80) {
      const std::size_t count = length & 0x7f;
      if (count == 0 || count > 4 || rest_.size() < 2 + count)
        return bad(std::string("bad length of ") + what);
      length = 0;
      for (std::size_t i = 0; i < count; ++i)
        length = (length << 8) | static_cast<unsigned char>(rest_[2 + i]);
      if (length < 0x80 || static_cast<unsigned char>(rest_[2]) == 0)
        return bad(std::string("length of ") + what + " not in DER form");
      header += count;
    }
    if (length > rest_.size() - header)
      return bad(std::string(what) + " runs past the end");
    auto content = rest_.substr(header, length);
    whole_ = rest_.substr(0, header + length);
    rest_.remove_prefix(header + length);
    return content;
  }
  // The whole TLV (header included) of the last take().
  std::string_view last_whole() const { return whole_; }
  Error bad(const std::string& what) const {
    return Error{ErrorCode::kMalformed, "evidence record: " + what, {origin_, "", 0, 0}};
  }

 private:
  std::string_view rest_;
  std::string origin_;
  std::string_view whole_;
};

model::Result<std::vector<std::vector<Hash>>> read_tree(std::string_view content,
                                                        std::string_view origin) {
  Reader trees(content, origin);
  std::vector<std::vector<Hash>> out;
  while (!trees.empty()) {
    if (out.size() == kMaxPartialTrees)
      return Error{ErrorCode::kLimitExceeded,
                   "evidence record: too many partial hash trees",
                   {std::string(origin), "", 0, 0}};
    auto partial = trees.take(kSequence, "PartialHashtree");
    if (!partial)
      return partial.error();
    Reader hashes(*partial, origin);
    std::vector<Hash> level;
    while (!hashes.empty()) {
      if (level.size() == kMaxHashesPerPartialTree)
        return Error{ErrorCode::kLimitExceeded,
                     "evidence record: partial hash tree too large",
                     {std::string(origin), "", 0, 0}};
      auto hash = hashes.take(kOctetString, "hash value");
      if (!hash)
        return hash.error();
      if (hash->size() != 32)
        return hashes.bad("hash value of " + std::to_string(hash->size()) + " bytes, not 32");
      level.emplace_back(*hash);
    }
    if (level.empty())
      return trees.bad("empty partial hash tree");
    out.push_back(std::move(level));
  }
  if (out.empty())
    return trees.bad("empty reduced hash tree");
  return out;
}

// The next ArchiveTimeStamp of `stamps`: a reduced hash tree [2] and a
// timestamp ContentInfo, nothing else.
model::Result<ArchiveTimeStamp> read_time_stamp(Reader& stamps, std::string_view origin) {
  auto stamp = stamps.take(kSequence, "ArchiveTimeStamp");
  if (!stamp)
    return stamp.error();
  Reader stamp_fields(*stamp, origin);
  auto tree = stamp_fields.take(kReducedHashTree, "reducedHashtree [2]");
  if (!tree)
    return tree.error();
  auto token = stamp_fields.take(kSequence, "timeStamp ContentInfo");
  if (!token)
    return token.error();
  ArchiveTimeStamp out;
  out.timestamp_token = std::string(stamp_fields.last_whole());
  if (!stamp_fields.empty())
    return stamp_fields.bad("bytes after the timestamp");
  auto trees = read_tree(*tree, origin);
  if (!trees)
    return trees.error();
  out.reduced_hash_tree = std::move(*trees);
  return out;
}

}  // namespace

std::string EvidenceRecord::der() const {
  std::string stamps;
  for (const auto& stamp : chain) {
    std::string trees;
    for (const auto& partial : stamp.reduced_hash_tree) {
      std::string hashes;
      for (const auto& hash : partial)
        hashes += tlv(kOctetString, hash);
      trees += tlv(kSequence, hashes);
    }
    stamps += tlv(kSequence, tlv(kReducedHashTree, trees) + stamp.timestamp_token);
  }
  const std::string sequence = tlv(kSequence, tlv(kSequence, stamps));
  const std::string algorithms = tlv(kSequence, tlv(kSequence, tlv(kOid, kSha256Oid)));
  return tlv(kSequence, tlv(kInteger, std::string(1, '\x01')) + algorithms + sequence);
}

Hash ArchiveTimeStamp::root_for(const Hash& hash) const {
  if (reduced_hash_tree.empty())
    return {};
  const auto& first = reduced_hash_tree.front();
  if (std::find(first.begin(), first.end(), hash) == first.end())
    return {};
  Hash node = first.size() == 1 ? first.front() : hash_sorted(first);
  for (std::size_t i = 1; i < reduced_hash_tree.size(); ++i) {
    std::vector<Hash> members = reduced_hash_tree[i];
    members.push_back(node);
    node = hash_sorted(std::move(members));
  }
  return node;
}

model::Result<EvidenceRecord> parse_evidence_record(std::string_view der, std::string_view origin) {
  if (der.size() > kMaxEvidenceRecordBytes)
    return Error{ErrorCode::kLimitExceeded,
                 "evidence record larger than 1 MiB",
                 {std::string(origin), "", 0, 0}};
  Reader top(der, origin);
  auto record = top.take(kSequence, "EvidenceRecord");
  if (!record)
    return record.error();
  if (!top.empty())
    return top.bad("bytes after the record");
  Reader fields(*record, origin);
  auto version = fields.take(kInteger, "version");
  if (!version)
    return version.error();
  if (*version != std::string_view("\x01", 1))
    return fields.bad("version is not 1");
  auto algorithms = fields.take(kSequence, "digestAlgorithms");
  if (!algorithms)
    return algorithms.error();
  Reader algorithm_list(*algorithms, origin);
  auto algorithm = algorithm_list.take(kSequence, "AlgorithmIdentifier");
  if (!algorithm)
    return algorithm.error();
  Reader algorithm_fields(*algorithm, origin);
  auto oid = algorithm_fields.take(kOid, "algorithm OID");
  if (!oid)
    return oid.error();
  if (*oid != kSha256Oid || !algorithm_list.empty())
    return fields.bad("digest algorithm is not SHA-256 alone");
  auto sequence = fields.take(kSequence, "ArchiveTimeStampSequence");
  if (!sequence)
    return sequence.error();
  if (!fields.empty())
    return fields.bad("cryptoInfos and encryptionInfo are not supported");
  Reader chains(*sequence, origin);
  auto chain = chains.take(kSequence, "ArchiveTimeStampChain");
  if (!chain)
    return chain.error();
  if (!chains.empty())
    return chains.bad("more than one chain (hash-tree renewal) is not supported");
  Reader stamps(*chain, origin);
  EvidenceRecord out;
  while (!stamps.empty()) {
    if (out.chain.size() == kMaxArchiveTimeStamps)
      return Error{ErrorCode::kLimitExceeded,
                   "evidence record: more than " + std::to_string(kMaxArchiveTimeStamps) +
                       " ArchiveTimeStamps in the chain",
                   {std::string(origin), "", 0, 0}};
    auto stamp = read_time_stamp(stamps, origin);
    if (!stamp)
      return stamp.error();
    out.chain.push_back(std::move(*stamp));
  }
  if (out.chain.empty())
    return stamps.bad("empty ArchiveTimeStampChain");
  return out;
}

}  // namespace einvoice::archive
