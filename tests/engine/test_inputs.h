#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace einvoice::testing {

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline std::filesystem::path corpus(const std::string& relative) {
  return std::filesystem::path(EINVOICE_CORPUS_DIR) / relative;
}

}  // namespace einvoice::testing
