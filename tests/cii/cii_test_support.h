#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "model/decimal.h"
#include "model/invoice.h"

namespace einvoice::cii::testing {

inline std::string corpus_path(const std::string& relative) {
  return std::string(EINVOICE_CORPUS_DIR) + "/" + relative;
}

// The file's bytes, or "" when it cannot be read.
inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The *.xml files of a corpus folder, sorted by name.
inline std::vector<std::string> xml_files(const std::string& relative_folder) {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(corpus_path(relative_folder))) {
    if (entry.path().extension() == ".xml")
      out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The 15 official EN 16931 CII examples.
inline std::vector<std::string> official_examples() {
  return xml_files("en16931/cii/examples");
}

// CII samples of the Factur-X profiles MINIMUM to EXTENDED.
inline std::vector<std::string> facturx_cii_samples() {
  std::vector<std::string> out;
  for (const char* profile : {"minimum", "basicwl", "basic", "en16931", "extended"}) {
    out.push_back(corpus_path(std::string("facturx/xml/factur-x-") + profile + ".xml"));
  }
  return out;
}

inline model::Decimal dec(const char* text) {
  return *model::Decimal::parse(text);
}

// An invoice with every EN 16931 term present (BT-1 ... BT-165 and their
// scheme sub-terms), values chosen so that CII can carry all of them.
model::Invoice full_invoice();

}  // namespace einvoice::cii::testing
