#include "archive/merkle_tree.h"

#include <algorithm>

#include "archive/sha256.h"

namespace einvoice::archive {

Hash hash_sorted(std::vector<Hash> hashes) {
  std::sort(hashes.begin(), hashes.end());
  Sha256 hasher;
  for (const auto& hash : hashes)
    hasher.update(hash);
  const auto digest = hasher.finish();
  return Hash(reinterpret_cast<const char*>(digest.data()), digest.size());
}

MerkleTree::MerkleTree(std::vector<Hash> leaves) {
  levels_.push_back(std::move(leaves));
  while (levels_.back().size() > 1) {
    const auto& below = levels_.back();
    std::vector<Hash> above;
    for (std::size_t i = 0; i < below.size(); i += 2)
      above.push_back(i + 1 < below.size() ? hash_sorted({below[i], below[i + 1]}) : below[i]);
    levels_.push_back(std::move(above));
  }
}

std::vector<Hash> MerkleTree::path(std::size_t index) const {
  std::vector<Hash> out;
  for (std::size_t level = 0; level + 1 < levels_.size(); ++level) {
    const std::size_t sibling = index ^ 1u;
    if (sibling < levels_[level].size())
      out.push_back(levels_[level][sibling]);
    index /= 2;
  }
  return out;
}

}  // namespace einvoice::archive
