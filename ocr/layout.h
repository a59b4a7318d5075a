#pragma once

// The lines of every page of a document, with the folded text the labels are
// matched against and, for a label found, the words that follow it on its
// line or stand below it in its column: the positional vocabulary the field
// extractor is written in.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ocr/label_lexicon.h"
#include "ocr/ocr_text.h"

namespace einvoice::ocr {

struct LayoutLine {
  int page = 1;
  int index = 0;  // position in the document's reading order
  double page_width = 0;
  double page_height = 0;
  const TextLine* line = nullptr;
  std::string folded;                   // fold_for_labels of the words, joined by spaces
  std::vector<std::size_t> word_begin;  // offset of each word's folded text in `folded`
  std::vector<std::size_t> word_end;
};

// A value candidate: one word's text (or its tail after a label glued to it)
// with its place.
struct Token {
  std::string text;
  Box box;
  float confidence = 100;
};

// A label found on a line: the words after it on the same line, and the words
// of the next line that stand under it (labels above values, in tables).
struct LabelHit {
  const LayoutLine* line = nullptr;
  std::string_view label;
  std::size_t first_word = 0;  // the label's first word
  Box box;                     // the label's words
  std::vector<Token> after;    // same line, left to right
  std::vector<Token> below;    // next line, under the label's column
};

// Whether a line is in the top half of the first page, where invoices print
// their number, dates and parties.
bool in_header(const LayoutLine& line);

class Layout {
 public:
  explicit Layout(const std::vector<PageText>& pages);

  const std::vector<LayoutLine>& lines() const { return lines_; }

  // Every occurrence of a label of `kind` at word boundaries, in reading
  // order; for each line only the most specific label of the list is kept.
  std::vector<LabelHit> find(LabelKind kind) const;
  // Whether `line` holds a label of `kind` (as `find` would report it).
  bool line_has(const LayoutLine& line, LabelKind kind) const;
  // Whether `line` starts with a label of `kind` (a heading).
  std::optional<LabelHit> starts_with(const LayoutLine& line, LabelKind kind) const;

  // The words of `line` from `first` on, as tokens.
  static std::vector<Token> tokens_of(const LayoutLine& line, std::size_t first = 0);
  // The column segments of `line`: runs of words closer than three text
  // heights (a letterhead beside a buyer's block, a label beside a table).
  static std::vector<std::vector<Token>> segments_of(const LayoutLine& line);

 private:
  std::optional<LabelHit> find_in(const LayoutLine& line, LabelKind kind) const;
  static bool ends_on_split_capital(const LayoutLine& line, std::size_t end);
  static bool after_number_sign(const LayoutLine& line, std::size_t begin);
  static bool inside_identifier(const LayoutLine& line, std::size_t begin, std::size_t end);
  LabelHit make_hit(const LayoutLine& line, std::string_view label, std::size_t begin,
                    std::size_t end) const;

  std::vector<LayoutLine> lines_;
};

}  // namespace einvoice::ocr
