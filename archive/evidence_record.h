#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "archive/merkle_tree.h"
#include "model/result.h"

namespace einvoice::archive {

// An RFC 4998 EvidenceRecord with one ArchiveTimeStampChain of one
// ArchiveTimeStamp (SHA-256): the reduced hash tree of one data object up to
// a root, and the RFC 3161 timestamp whose imprint is that root. Encoded in
// DER (the ERS module's implicit tags: reducedHashtree is [2]).
struct EvidenceRecord {
  // PartialHashtrees from the data object up: the first holds the object's
  // hash (with the other members of its group), each next one the siblings
  // on the way to the root.
  std::vector<std::vector<Hash>> reduced_hash_tree;
  std::string timestamp_token;  // DER ContentInfo (RFC 3161 TimeStampToken)

  std::string der() const;

  // The root the reduced hash tree leads to from `object_hash` (RFC 4998
  // 5.3): empty when the first partial tree does not hold `object_hash`.
  Hash root_for(const Hash& object_hash) const;
};

// Limits of an evidence record read from outside.
inline constexpr std::size_t kMaxEvidenceRecordBytes = 1 << 20;
inline constexpr std::size_t kMaxPartialTrees = 64;
inline constexpr std::size_t kMaxHashesPerPartialTree = 64;

// Reads a DER EvidenceRecord as der() writes it: version 1, SHA-256 as its
// digest algorithm, exactly one chain of one ArchiveTimeStamp with a reduced
// hash tree of 32-byte hashes. Hostile input: every length bounds-checked,
// at most the limits above, nothing after the record. Errors: kMalformed or
// kLimitExceeded naming `origin`.
model::Result<EvidenceRecord> parse_evidence_record(std::string_view der, std::string_view origin);

}  // namespace einvoice::archive
