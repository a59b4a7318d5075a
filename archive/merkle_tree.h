#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace einvoice::archive {

// A hash value: 32 raw bytes (SHA-256).
using Hash = std::string;

// The parent of `hashes` as RFC 4998 (4.2, 5.3) computes it: the hash values
// sorted in binary ascending order, concatenated, hashed with SHA-256.
Hash hash_sorted(std::vector<Hash> hashes);

// A binary hash tree over leaf hashes (RFC 4998 4.2): each pair of adjacent
// nodes has the parent hash_sorted({left, right}); a last node without a
// partner moves up unchanged. Immutable once built.
class MerkleTree {
 public:
  // REQUIRES: at least one leaf.
  explicit MerkleTree(std::vector<Hash> leaves);

  const Hash& root() const { return levels_.back().front(); }
  std::size_t leaf_count() const { return levels_.front().size(); }

  // The sibling of leaf `index` on each level where it has one, from the
  // leaves up: with hash_sorted over (node, sibling) they lead to root().
  std::vector<Hash> path(std::size_t index) const;

 private:
  std::vector<std::vector<Hash>> levels_;
};

}  // namespace einvoice::archive
