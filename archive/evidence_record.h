#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "archive/merkle_tree.h"
#include "model/result.h"

namespace einvoice::archive {

// One RFC 4998 ArchiveTimeStamp (SHA-256): the reduced hash tree of one
// value up to a root, and the RFC 3161 timestamp whose imprint is that root.
struct ArchiveTimeStamp {
  // PartialHashtrees from the value up: the first holds the value's hash
  // (with the other members of its group), each next one the siblings on the
  // way to the root.
  std::vector<std::vector<Hash>> reduced_hash_tree;
  std::string timestamp_token;  // DER ContentInfo (RFC 3161 TimeStampToken)

  // The root the reduced hash tree leads to from `hash` (RFC 4998 5.3):
  // empty when the first partial tree does not hold `hash`.
  Hash root_for(const Hash& hash) const;
};

// An RFC 4998 EvidenceRecord with one ArchiveTimeStampChain (SHA-256),
// encoded in DER (the ERS module's implicit tags: reducedHashtree is [2]).
// The first ArchiveTimeStamp covers the data object; each next one covers
// the SHA-256 of the previous one's timeStamp DER (timestamp renewal, RFC
// 4998 5.2), so that the chain stays provable after a TSA certificate
// expires.
struct EvidenceRecord {
  std::vector<ArchiveTimeStamp> chain;  // at least one

  std::string der() const;
};

// Limits of an evidence record read from outside.
inline constexpr std::size_t kMaxEvidenceRecordBytes = 1 << 20;
inline constexpr std::size_t kMaxArchiveTimeStamps = 32;
inline constexpr std::size_t kMaxPartialTrees = 64;
inline constexpr std::size_t kMaxHashesPerPartialTree = 64;

// Reads a DER EvidenceRecord as der() writes it: version 1, SHA-256 as its
// digest algorithm, exactly one chain of 1 to kMaxArchiveTimeStamps
// ArchiveTimeStamps, each a reduced hash tree of 32-byte hashes and a
// timestamp. Hostile input: every length bounds-checked, at most the limits
// above, nothing after the record or inside a field. Errors: kMalformed or
// kLimitExceeded naming `origin`.
model::Result<EvidenceRecord> parse_evidence_record(std::string_view der, std::string_view origin);

}  // namespace einvoice::archive
