#pragma once

// Pages for extraction tests drawn as fixed-width text: each character is 5
// points wide and each row 14 points high (words 10 points tall), so that
// columns and blocks sit where a person would see them.

#include <sstream>
#include <string>

#include "ocr/extracted_invoice.h"
#include "ocr/ocr_text.h"

namespace einvoice::ocr::testing {

// The words of `art` with their boxes, grouped into lines, every word read
// with `confidence`.
inline PageText page_of(const std::string& art, int number = 1, float confidence = 95) {
  PageText page;
  page.page = number;
  page.width = 595;
  page.height = 842;
  std::vector<Word> words;
  std::istringstream rows(art);
  std::string row;
  int y = 0;
  while (std::getline(rows, row)) {
    // Column positions count characters, not UTF-8 bytes.
    auto column = [&](std::size_t byte) {
      std::size_t chars = 0;
      for (std::size_t k = 0; k < byte; ++k)
        chars += (static_cast<unsigned char>(row[k]) & 0xC0) != 0x80;
      return static_cast<double>(chars);
    };
    std::size_t i = 0;
    while (i < row.size()) {
      if (row[i] == ' ') {
        ++i;
        continue;
      }
      std::size_t end = row.find(' ', i);
      if (end == std::string::npos)
        end = row.size();
      const double x = 20 + 5 * column(i);
      words.push_back(Word{row.substr(i, end - i),
                           Box{x, 20.0 + 14 * y, 5 * (column(end) - column(i)), 10}, confidence});
      i = end;
    }
    ++y;
  }
  page.lines = group_into_lines(std::move(words));
  return page;
}

// The value extracted for `term`, "(none)" when there is none.
inline std::string value_of(const ExtractedInvoice& extracted, const std::string& term) {
  const Field* field = extracted.field(term);
  return field ? field->value : "(none)";
}

}  // namespace einvoice::ocr::testing
