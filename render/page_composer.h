#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "render/embedded_font.h"

namespace einvoice::render {

// UTF-8 to code points. Invalid sequences become U+FFFD, tabs become spaces,
// other control characters except '\n' are dropped.
std::u32string to_u32(std::string_view utf8);

enum class FontStyle { kRegular, kBold };
enum class Align { kLeft, kRight };

// A piece of text placed on a line, x relative to the line's origin.
struct Run {
  double x = 0;
  std::u32string text;
  FontStyle style = FontStyle::kRegular;
  double size = 9;
  double gray = 0;  // 0 = black
};

// One line of a block: its height (leading) and what it shows.
struct VisualLine {
  double height = 0;
  std::vector<Run> runs;
};
using Block = std::vector<VisualLine>;

struct Column {
  double width = 0;
  Align align = Align::kLeft;
  std::u32string header;
};

// A table cell: a main text and an optional smaller detail text under it.
struct Cell {
  std::u32string text;
  std::u32string detail;
  FontStyle style = FontStyle::kRegular;
};

// Lays text out on A4 pages from top to bottom and writes the pages' content
// streams. Breaks pages between lines of text and between table rows, and
// repeats a table's header on each page it spans.
//
// Not thread-safe: one composer per document; the fonts must outlive it.
class PageComposer {
 public:
  static constexpr double kPageWidth = 595.276;
  static constexpr double kPageHeight = 841.89;
  static constexpr double kMargin = 40;
  static constexpr double kTop = kPageHeight - 40;
  static constexpr double kBottom = 52;
  static constexpr double kContentWidth = kPageWidth - 2 * kMargin;

  PageComposer(EmbeddedFont& regular, EmbeddedFont& bold);

  // Text shown at the top of every page but the first.
  void set_running_header(std::u32string text) { running_header_ = std::move(text); }

  // Splits `text` into lines no wider than `width` (at '\n', between words,
  // inside words longer than a line).
  std::vector<std::u32string> wrap(std::u32string_view text, FontStyle style, double size,
                                   double width) const;
  double text_width(std::u32string_view text, FontStyle style, double size) const;

  // Appends wrapped text to `block`, starting at `x` within the block.
  void add_paragraph(Block& block, std::u32string_view text, FontStyle style, double size, double x,
                     double width, Align align = Align::kLeft, double gray = 0) const;
  // Appends "label  value": the label in a column `label_width` wide, the
  // value wrapped in the rest of `width`.
  void add_pair(Block& block, std::u32string_view label, std::u32string_view value,
                double label_width, double width, FontStyle value_style = FontStyle::kRegular,
                double size = 8.5, Align value_align = Align::kLeft) const;

  void skip(double height);
  // A bold section title with a rule under it, drawn with what comes next
  // (the first line of a block, or a table's header and first row) so that it
  // never ends a page alone.
  void section_title(std::u32string_view text);
  void big_title(std::u32string_view text);
  // Draws blocks side by side, line by line, each at its x (from the margin).
  void emit(const std::vector<std::pair<double, const Block*>>& columns);
  void emit(const Block& block, double x = 0) { emit({{x, &block}}); }
  void table(const std::vector<Column>& columns, const std::vector<std::vector<Cell>>& rows);

  // Draws `footer(page, count)` at the bottom of every page (1-based) and
  // returns the content stream of each page.
  std::vector<std::string> finish(const std::function<std::u32string(int, int)>& footer);

 private:
  EmbeddedFont& font(FontStyle style) const { return style == FontStyle::kBold ? bold_ : regular_; }
  void ensure(double height);
  void new_page();
  void draw_text(double x, double baseline, std::u32string_view text, FontStyle style, double size,
                 double gray);
  void draw_rule(double x1, double x2, double y, double width, double gray);
  void fill_rect(double x, double y, double width, double height, double gray);
  double draw_table_header(const std::vector<Column>& columns, bool measure_only = false);
  void flush_title(double following_height);
  double remaining() const { return y_ - kBottom; }

  EmbeddedFont& regular_;
  EmbeddedFont& bold_;
  std::vector<std::string> pages_;
  std::u32string running_header_;
  std::u32string pending_title_;
  double y_ = kTop;
  std::function<void()> on_new_page_;
};

}  // namespace einvoice::render
