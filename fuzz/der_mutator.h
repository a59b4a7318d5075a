#pragma once

// A structure-aware mutator for fuzz targets that read DER: byte mutations
// break the lengths of every enclosing TLV, so the parser stops at its first
// length check and its deeper paths are never reached. This mutator reads
// the input as a tree of TLVs, changes the tree (a tag, a primitive's
// content, a node dropped, duplicated, swapped or moved) and writes it back
// with every length recomputed, so each mutant is well-framed DER that
// differs from a valid input in one meaningful place. Inputs that do not
// read as TLVs get libFuzzer's byte mutations.
//
// Use: in a target built with -fsanitize=fuzzer only (the seed replayers
// link no libFuzzer), define EINVOICE_DER_MUTATOR before including it.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace einvoice::fuzzing {

// One TLV: its identifier octet (single-byte tags only), and either its
// content bytes (primitive) or its children (constructed).
struct DerNode {
  std::uint8_t tag = 0;
  std::string content;
  std::vector<DerNode> children;
  bool constructed() const { return (tag & 0x20) != 0; }
};

// Reads `der` as a sequence of definite-length TLVs, at most `depth` deep and
// `budget` nodes in all. False when it does not read as such.
inline bool read_der_tree(std::string_view der, std::vector<DerNode>& out, int depth,
                          std::size_t& budget) {
  std::size_t at = 0;
  while (at < der.size()) {
    if (depth <= 0 || budget == 0 || der.size() - at < 2)
      return false;
    --budget;
    DerNode node;
    node.tag = static_cast<std::uint8_t>(der[at++]);
    if ((node.tag & 0x1f) == 0x1f)
      return false;  // multi-byte tags: not in the formats read here
    std::size_t length = static_cast<std::uint8_t>(der[at++]);
    if (length & 0x80) {
      const std::size_t count = length & 0x7f;
      if (count == 0 || count > 4 || der.size() - at < count)
        return false;
      length = 0;
      for (std::size_t i = 0; i < count; ++i)
        length = (length << 8) | static_cast<std::uint8_t>(der[at++]);
    }
    if (length > der.size() - at)
      return false;
    const std::string_view content = der.substr(at, length);
    at += length;
    if (node.constructed()) {
      if (!read_der_tree(content, node.children, depth - 1, budget))
        return false;
    } else {
      node.content.assign(content);
    }
    out.push_back(std::move(node));
  }
  return true;
}

inline void write_der_length(std::string& out, std::size_t length) {
  if (length < 0x80) {
    out += static_cast<char>(length);
    return;
  }
  std::string bytes;
  for (std::size_t rest = length; rest != 0; rest >>= 8)
    bytes.insert(bytes.begin(), static_cast<char>(rest & 0xff));
  out += static_cast<char>(0x80 | bytes.size());
  out += bytes;
}

inline std::string write_der_tree(const std::vector<DerNode>& nodes) {
  std::string out;
  for (const auto& node : nodes) {
    const std::string content = node.constructed() ? write_der_tree(node.children) : node.content;
    out += static_cast<char>(node.tag);
    write_der_length(out, content.size());
    out += content;
  }
  return out;
}

// Every sibling list of the tree, with each node's place in it.
struct DerPlace {
  std::vector<DerNode>* siblings;
  std::size_t index;
};

inline void der_places(std::vector<DerNode>& nodes, std::vector<DerPlace>& out) {
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    out.push_back({&nodes, i});
    der_places(nodes[i].children, out);
  }
}

// Mutates `tree` once; `mutate_bytes` mutates a primitive's content in place
// (libFuzzer's LLVMFuzzerMutate in a fuzz build).
template <typename BytesMutator>
void mutate_der_tree(std::vector<DerNode>& tree, std::mt19937& random,
                     const BytesMutator& mutate_bytes) {
  std::vector<DerPlace> places;
  der_places(tree, places);
  if (places.empty())
    return;
  auto pick = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(random);
  };
  const DerPlace place = places[pick(places.size())];
  DerNode& node = (*place.siblings)[place.index];
  switch (pick(7)) {
    case 0: {  // another tag; a constructed node made primitive keeps its
               // encoding as content, a primitive made constructed is read
      static const std::uint8_t kTags[] = {0x02, 0x04, 0x05, 0x06, 0x0c, 0x13, 0x17, 0x18,
                                           0x30, 0x31, 0x80, 0xa0, 0xa1, 0xa2, 0xa3, 0x82};
      const std::uint8_t tag = kTags[pick(sizeof kTags)];
      const bool was_constructed = node.constructed();
      node.tag = tag;
      if (was_constructed && !node.constructed()) {
        node.content = write_der_tree(node.children);
        node.children.clear();
      } else if (!was_constructed && node.constructed()) {
        std::size_t budget = 256;
        if (!read_der_tree(node.content, node.children, 4, budget))
          node.children.clear();
        node.content.clear();
      }
      break;
    }
    case 1:  // a primitive's bytes changed
      if (!node.constructed())
        mutate_bytes(node.content);
      else
        node.children.clear();
      break;
    case 2:  // dropped
      place.siblings->erase(place.siblings->begin() + static_cast<long>(place.index));
      break;
    case 3:  // duplicated
      if (place.siblings->size() < 128) {
        DerNode copy = node;
        place.siblings->insert(place.siblings->begin() + static_cast<long>(place.index),
                               std::move(copy));
      }
      break;
    case 4:  // swapped with a sibling
      if (place.siblings->size() > 1)
        std::swap(node, (*place.siblings)[pick(place.siblings->size())]);
      break;
    case 5: {  // a copy of another node of the tree takes its place
      const DerPlace other = places[pick(places.size())];
      DerNode copy = (*other.siblings)[other.index];
      (*place.siblings)[place.index] = std::move(copy);
      break;
    }
    default:  // a primitive's content grown or cut to a boundary length
      if (!node.constructed()) {
        static const std::size_t kLengths[] = {0, 1, 31, 32, 33, 127, 128, 255, 256};
        node.content.resize(kLengths[pick(sizeof kLengths / sizeof kLengths[0])], '\x5a');
      }
      break;
  }
}

}  // namespace einvoice::fuzzing

#ifdef EINVOICE_DER_MUTATOR
extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

// libFuzzer's hook: a structural mutation of inputs that read as DER, byte
// mutations of the others (and of one mutant in eight, to keep reaching the
// framing checks).
extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size,
                                               std::size_t max_size, unsigned int seed) {
  using namespace einvoice::fuzzing;
  std::mt19937 random(seed);
  std::vector<DerNode> tree;
  std::size_t budget = 4096;
  if (random() % 8 == 0 ||
      !read_der_tree(std::string_view(reinterpret_cast<const char*>(data), size), tree, 16, budget))
    return LLVMFuzzerMutate(data, size, max_size);
  auto mutate_bytes = [](std::string& bytes) {
    const std::size_t room = bytes.size() + 64;
    bytes.resize(room);
    const std::size_t used =
        LLVMFuzzerMutate(reinterpret_cast<std::uint8_t*>(bytes.data()), room - 64, room);
    bytes.resize(used);
  };
  for (unsigned n = 1 + random() % 3; n > 0; --n)
    mutate_der_tree(tree, random, mutate_bytes);
  const std::string out = write_der_tree(tree);
  if (out.empty() || out.size() > max_size)
    return LLVMFuzzerMutate(data, size, max_size);
  std::memcpy(data, out.data(), out.size());
  return out.size();
}
#endif
