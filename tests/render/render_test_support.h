#pragma once

#include <string>
#include <string_view>

#include "model/invoice.h"
#include "render/invoice_renderer.h"

namespace einvoice::render::test {

// A PDF written to a unique temporary file, removed on destruction.
class TempPdf {
 public:
  explicit TempPdf(const std::string& bytes);
  ~TempPdf();
  TempPdf(const TempPdf&) = delete;
  TempPdf& operator=(const TempPdf&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

struct CommandOutput {
  int status = -1;
  std::string output;  // stdout and stderr
};
CommandOutput run(const std::string& command);

std::string pdftotext_layout(const std::string& path, int first_page = 0, int last_page = 0);
int page_count(const std::string& path);  // from pdfinfo; -1 when unreadable
// Empty when every font of the file is embedded with a Unicode map; otherwise
// the pdffonts lines that are not (or pdffonts' failure).
std::string fonts_problems(const std::string& path);

// Whitespace runs (spaces, tabs, newlines, no-break spaces) become one space.
std::string collapse(std::string_view text);
// True when every word of `needle` occurs in `haystack` in order (both
// collapsed). Copes with text wrapped in a column: continuation lines may
// come after other columns' text. A word cut at the column edge is looked
// for by its first characters.
bool contains_words_in_order(std::string_view haystack, std::string_view needle);

std::string read_file(const std::string& path);
model::Invoice read_invoice_file(const std::string& path);

RenderOptions options(Language language = Language::kFrench);

}  // namespace einvoice::render::test
