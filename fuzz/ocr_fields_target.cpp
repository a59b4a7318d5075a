// Fuzz target: field extraction from recognised text (ocr::extract_fields),
// the step every scan and every PDF text layer goes through. The input is a
// page of words and boxes, as OCR or a text layer gives them, in a line
// format the fuzzer mutates well:
//
//   page W H             starts a page W x H points (at most 100 pages)
//   line                 starts an explicit line, as OCR groups them; words
//                        before the first `line` of a page are loose and are
//                        grouped like a text layer's
//   X Y W H C TEXT...    one word: box in points, confidence 0..100, text
//
// Anything else is skipped. Numbers are read leniently (strtod), so NaN,
// infinities, negative sizes and huge values reach the extractor as a
// hostile PDF text layer could produce them.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "ocr/field_extractor.h"

namespace {

using einvoice::ocr::PageText;
using einvoice::ocr::TextLine;
using einvoice::ocr::Word;

constexpr int kMaxPages = 100;  // the scan reader's own page limit

double number(std::string_view& rest) {
  while (!rest.empty() && rest.front() == ' ')
    rest.remove_prefix(1);
  std::string field(rest.substr(0, rest.find(' ')));
  rest.remove_prefix(field.size());
  return std::strtod(field.c_str(), nullptr);
}

struct PageBuilder {
  PageText page;
  std::vector<Word> loose;
  bool explicit_lines = false;

  PageText finish() {
    auto grouped = einvoice::ocr::group_into_lines(std::move(loose));
    page.lines.insert(page.lines.begin(), grouped.begin(), grouped.end());
    for (auto& line : page.lines) {
      line.box = {};
      for (const auto& word : line.words)
        line.box = einvoice::ocr::unite(line.box, word.box);
    }
    return std::move(page);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<PageText> pages;
  PageBuilder current;
  bool open = false;
  while (!input.empty()) {
    auto end = input.find('\n');
    std::string_view line = input.substr(0, end);
    input.remove_prefix(end == std::string_view::npos ? input.size() : end + 1);
    if (line.substr(0, 5) == "page ") {
      if (open)
        pages.push_back(current.finish());
      if (static_cast<int>(pages.size()) >= kMaxPages)
        break;
      current = PageBuilder{};
      open = true;
      std::string_view rest = line.substr(5);
      current.page.page = static_cast<int>(pages.size()) + 1;
      current.page.width = number(rest);
      current.page.height = number(rest);
      current.page.from_text_layer = rest.find("text") != std::string_view::npos;
      continue;
    }
    if (!open) {
      current = PageBuilder{};
      current.page.width = 595;
      current.page.height = 842;
      open = true;
    }
    if (line == "line") {
      current.explicit_lines = true;
      current.page.lines.emplace_back();
      continue;
    }
    std::string_view rest = line;
    Word word;
    word.box.x = number(rest);
    word.box.y = number(rest);
    word.box.width = number(rest);
    word.box.height = number(rest);
    word.confidence = static_cast<float>(number(rest));
    if (!rest.empty() && rest.front() == ' ')
      rest.remove_prefix(1);
    word.text = std::string(rest);
    if (word.text.empty())
      continue;
    if (current.explicit_lines)
      current.page.lines.back().words.push_back(std::move(word));
    else
      current.loose.push_back(std::move(word));
  }
  if (open && static_cast<int>(pages.size()) < kMaxPages)
    pages.push_back(current.finish());
  (void)einvoice::ocr::extract_fields(pages);
  return 0;
}
