#pragma once

// Small PDFs written by the OCR tests: objects given as text, numbered from 1
// in order, with a correct cross-reference table.

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

namespace einvoice::ocr::test {

// A PDF whose objects are `bodies` (object 1 first, the catalog).
inline std::string pdf_of(const std::vector<std::string>& bodies) {
  std::ostringstream pdf;
  std::vector<std::size_t> offsets;
  pdf << "%PDF-1.4\n";
  for (const std::string& body : bodies) {
    offsets.push_back(static_cast<std::size_t>(pdf.tellp()));
    pdf << offsets.size() << " 0 obj\n" << body << "\nendobj\n";
  }
  const auto xref = pdf.tellp();
  pdf << "xref\n0 " << offsets.size() + 1 << "\n0000000000 65535 f \n";
  for (auto offset : offsets) {
    char line[24];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    pdf << line;
  }
  pdf << "trailer\n<< /Size " << offsets.size() + 1 << " /Root 1 0 R >>\nstartxref\n"
      << xref << "\n%%EOF\n";
  return pdf.str();
}

// A stream object: `dictionary_entries` and /Length around `data`.
inline std::string stream_object(const std::string& dictionary_entries, const std::string& data) {
  return "<< " + dictionary_entries + " /Length " + std::to_string(data.size()) + " >>\nstream\n" +
         data + "\nendstream";
}

}  // namespace einvoice::ocr::test
