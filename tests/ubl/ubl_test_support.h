#pragma once

// Helpers shared by the UBL tests: corpus paths and file loading. The corpus
// is read in place (never copied into the repository).

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace einvoice::ubl::test {

inline std::filesystem::path ubl_examples_dir() {
  return std::filesystem::path(EINVOICE_CORPUS_DIR) / "en16931" / "ubl" / "examples";
}

inline std::filesystem::path ubl_example(const std::string& name) {
  return ubl_examples_dir() / name;
}

inline std::string load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The official UBL examples, sorted by name.
inline std::vector<std::filesystem::path> ubl_examples() {
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::directory_iterator(ubl_examples_dir())) {
    if (entry.is_regular_file() && entry.path().extension() == ".xml")
      out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// `text` with its first occurrence of `from` replaced by `to`; REQUIRES: found.
inline std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  if (at != std::string::npos)
    text.replace(at, from.size(), to);
  return text;
}

// 1-based line number of the first occurrence of `needle` in `text`, 0 if absent.
inline int line_of(const std::string& text, const std::string& needle) {
  auto at = text.find(needle);
  if (at == std::string::npos)
    return 0;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

}  // namespace einvoice::ubl::test
