#include "render/page_composer.h"

#include <algorithm>
#include <charconv>
#include <utility>

namespace einvoice::render {
namespace {

constexpr double kCellPadX = 3;
constexpr double kCellPadY = 2.5;
constexpr double kCellSize = 8;
constexpr double kDetailSize = 7;
constexpr double kLeading = 1.25;
constexpr double kDetailGray = 0.35;
constexpr double kRuleGray = 0.75;

// Geometry in the classic "C" format whatever the locale: "12.5", "-3".
void append_number(std::string& out, double value) {
  char buffer[32];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 2);
  std::string_view text(buffer, static_cast<std::size_t>(result.ptr - buffer));
  if (text.find('.') != std::string_view::npos) {
    while (text.back() == '0')
      text.remove_suffix(1);
    if (text.back() == '.')
      text.remove_suffix(1);
  }
  if (text == "-0")
    text = "0";
  out += text;
}

bool is_space(char32_t c) {
  return c == U' ' || c == U'\u00A0';
}

}  // namespace

std::u32string to_u32(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  std::size_t i = 0;
  while (i < utf8.size()) {
    const unsigned char lead = static_cast<unsigned char>(utf8[i]);
    char32_t c = 0xFFFD;
    std::size_t length = 1;
    if (lead < 0x80) {
      c = lead;
    } else if (lead >= 0xC2 && lead <= 0xF4) {
      length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      char32_t value = lead & (lead < 0xE0 ? 0x1F : lead < 0xF0 ? 0x0F : 0x07);
      bool valid = i + length <= utf8.size();
      for (std::size_t k = 1; valid && k < length; ++k) {
        const unsigned char next = static_cast<unsigned char>(utf8[i + k]);
        valid = (next & 0xC0) == 0x80;
        value = (value << 6) | (next & 0x3F);
      }
      const char32_t minimum = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
      if (valid && value >= minimum && value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF))
        c = value;
      else
        length = 1;
    }
    i += length;
    if (c == U'\t' || c == U'\r')
      c = U' ';
    if ((c < 0x20 && c != U'\n') || c == 0x7F)
      continue;
    out.push_back(c);
  }
  return out;
}

PageComposer::PageComposer(EmbeddedFont& regular, EmbeddedFont& bold)
    : regular_(regular), bold_(bold) {
  new_page();
}

double PageComposer::text_width(std::u32string_view text, FontStyle style, double size) const {
  return font(style).width(text, size);
}

std::vector<std::u32string> PageComposer::wrap(std::u32string_view text, FontStyle style,
                                               double size, double width) const {
  const EmbeddedFont& f = font(style);
  std::vector<std::u32string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(U'\n', start);
    if (end == std::u32string_view::npos)
      end = text.size();
    const std::u32string_view paragraph = text.substr(start, end - start);
    std::u32string line;
    double line_width = 0;
    std::size_t i = 0;
    bool emitted = false;
    while (i < paragraph.size()) {
      // Next word and the spaces before it.
      std::size_t word_start = i;
      while (word_start < paragraph.size() && is_space(paragraph[word_start]))
        ++word_start;
      std::size_t word_end = word_start;
      while (word_end < paragraph.size() && !is_space(paragraph[word_end]))
        ++word_end;
      if (word_start == word_end)
        break;
      const std::u32string_view spaces = paragraph.substr(i, word_start - i);
      const std::u32string_view word = paragraph.substr(word_start, word_end - word_start);
      const double word_width = f.width(word, size);
      const double spaces_width = line.empty() ? 0 : f.width(spaces, size);
      if (line_width + spaces_width + word_width <= width) {
        if (!line.empty())
          line += spaces;
        line += word;
        line_width += spaces_width + word_width;
      } else if (word_width <= width) {
        lines.push_back(std::move(line));
        emitted = true;
        line = std::u32string(word);
        line_width = word_width;
      } else {
        // A word longer than a line: cut it where it reaches the edge.
        if (!line.empty()) {
          lines.push_back(std::move(line));
          emitted = true;
          line.clear();
          line_width = 0;
        }
        for (char32_t c : word) {
          const double w = f.width(c, size);
          if (line_width + w > width && !line.empty()) {
            lines.push_back(std::move(line));
            emitted = true;
            line.clear();
            line_width = 0;
          }
          line.push_back(c);
          line_width += w;
        }
      }
      i = word_end;
    }
    if (!line.empty() || !emitted)
      lines.push_back(std::move(line));
    if (end == text.size())
      break;
    start = end + 1;
  }
  return lines;
}

void PageComposer::add_paragraph(Block& block, std::u32string_view text, FontStyle style,
                                 double size, double x, double width, Align align,
                                 double gray) const {
  for (std::u32string& line : wrap(text, style, size, width)) {
    double at = x;
    if (align == Align::kRight)
      at = x + width - text_width(line, style, size);
    VisualLine visual;
    visual.height = size * kLeading;
    visual.runs.push_back(Run{at, std::move(line), style, size, gray});
    block.push_back(std::move(visual));
  }
}

void PageComposer::add_pair(Block& block, std::u32string_view label, std::u32string_view value,
                            double label_width, double width, FontStyle value_style, double size,
                            Align value_align) const {
  Block labels;
  Block values;
  add_paragraph(labels, label, FontStyle::kBold, size, 0, label_width - 6, Align::kLeft, 0.3);
  add_paragraph(values, value, value_style, size, label_width, width - label_width, value_align);
  const std::size_t count = std::max(labels.size(), values.size());
  for (std::size_t i = 0; i < count; ++i) {
    VisualLine line;
    line.height = size * kLeading;
    if (i < labels.size())
      line.runs = std::move(labels[i].runs);
    if (i < values.size()) {
      for (Run& run : values[i].runs)
        line.runs.push_back(std::move(run));
    }
    block.push_back(std::move(line));
  }
}

void PageComposer::skip(double height) {
  y_ -= height;
  if (y_ < kBottom)
    y_ = kBottom;
}

void PageComposer::big_title(std::u32string_view text) {
  Block block;
  add_paragraph(block, text, FontStyle::kBold, 18, 0, kContentWidth);
  emit(block);
  skip(4);
}

void PageComposer::section_title(std::u32string_view text) {
  pending_title_ = text;
}

void PageComposer::flush_title(double following_height) {
  if (pending_title_.empty())
    return;
  const std::u32string title = std::move(pending_title_);
  pending_title_.clear();
  Block block;
  add_paragraph(block, title, FontStyle::kBold, 10, 0, kContentWidth);
  double height = 10;
  for (const VisualLine& line : block)
    height += line.height;
  ensure(height + std::min(following_height, 200.0));
  if (y_ < kTop - 30)
    skip(6);
  emit(block);
  draw_rule(kMargin, kMargin + kContentWidth, y_ + 1, 0.8, 0.2);
  skip(4);
}

void PageComposer::emit(const std::vector<std::pair<double, const Block*>>& columns) {
  std::size_t count = 0;
  double first_height = 0;
  for (const auto& column : columns) {
    count = std::max(count, column.second->size());
    if (!column.second->empty())
      first_height = std::max(first_height, column.second->front().height);
  }
  flush_title(first_height);
  for (std::size_t i = 0; i < count; ++i) {
    double height = 0;
    for (const auto& column : columns) {
      if (i < column.second->size())
        height = std::max(height, (*column.second)[i].height);
    }
    ensure(height);
    for (const auto& [x, block] : columns) {
      if (i >= block->size())
        continue;
      for (const Run& run : (*block)[i].runs)
        draw_text(kMargin + x + run.x, y_ - run.size * 0.95, run.text, run.style, run.size,
                  run.gray);
    }
    y_ -= height;
  }
}

double PageComposer::draw_table_header(const std::vector<Column>& columns, bool measure_only) {
  std::vector<Block> blocks(columns.size());
  double height = 0;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    add_paragraph(blocks[c], columns[c].header, FontStyle::kBold, kCellSize, kCellPadX,
                  columns[c].width - 2 * kCellPadX, columns[c].align);
    double h = 0;
    for (const VisualLine& line : blocks[c])
      h += line.height;
    height = std::max(height, h);
  }
  height += 2 * kCellPadY;
  if (measure_only)
    return height;
  fill_rect(kMargin, y_ - height, kContentWidth, height, 0.9);
  double x = kMargin;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    double top = y_ - kCellPadY;
    for (const VisualLine& line : blocks[c]) {
      for (const Run& run : line.runs)
        draw_text(x + run.x, top - run.size * 0.95, run.text, run.style, run.size, run.gray);
      top -= line.height;
    }
    x += columns[c].width;
  }
  y_ -= height;
  return height;
}

void PageComposer::table(const std::vector<Column>& columns,
                         const std::vector<std::vector<Cell>>& rows) {
  struct Row {
    std::vector<Block> blocks;
    double height = 0;
  };
  std::vector<Row> laid_out;
  laid_out.reserve(rows.size());
  for (const std::vector<Cell>& row : rows) {
    Row out;
    out.blocks.resize(columns.size());
    for (std::size_t c = 0; c < columns.size() && c < row.size(); ++c) {
      const double inner = columns[c].width - 2 * kCellPadX;
      add_paragraph(out.blocks[c], row[c].text, row[c].style, kCellSize, kCellPadX, inner,
                    columns[c].align);
      if (!row[c].detail.empty())
        add_paragraph(out.blocks[c], row[c].detail, FontStyle::kRegular, kDetailSize, kCellPadX,
                      inner, columns[c].align, kDetailGray);
      double h = 0;
      for (const VisualLine& line : out.blocks[c])
        h += line.height;
      out.height = std::max(out.height, h);
    }
    out.height += 2 * kCellPadY;
    laid_out.push_back(std::move(out));
  }

  const double header_height = draw_table_header(columns, true);
  const double first_row = laid_out.empty() ? 0 : laid_out.front().height;
  flush_title(header_height + first_row);
  ensure(header_height + std::min(first_row, 200.0));
  draw_table_header(columns);
  on_new_page_ = [this, &columns] { draw_table_header(columns); };
  for (const Row& row : laid_out) {
    if (row.height > remaining() && row.height < kTop - kBottom - 60)
      new_page();
    std::vector<std::pair<double, const Block*>> placed;
    double x = 0;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      placed.emplace_back(x, &row.blocks[c]);
      x += columns[c].width;
    }
    skip(kCellPadY);
    emit(placed);
    skip(kCellPadY);
    draw_rule(kMargin, kMargin + kContentWidth, y_, 0.4, kRuleGray);
  }
  on_new_page_ = nullptr;
  skip(4);
}

void PageComposer::ensure(double height) {
  if (height <= remaining())
    return;
  new_page();
}

void PageComposer::new_page() {
  pages_.emplace_back();
  y_ = kTop;
  if (pages_.size() > 1 && !running_header_.empty()) {
    draw_text(kMargin, y_ - 8, running_header_, FontStyle::kRegular, 8, 0.4);
    y_ -= 18;
  }
  if (on_new_page_)
    on_new_page_();
}

void PageComposer::draw_text(double x, double baseline, std::u32string_view text, FontStyle style,
                             double size, double gray) {
  if (text.empty())
    return;
  std::string& out = pages_.back();
  if (gray != 0) {
    append_number(out, gray);
    out += " g\n";
  }
  out += style == FontStyle::kBold ? "BT\n/F2 " : "BT\n/F1 ";
  append_number(out, size);
  out += " Tf\n";
  append_number(out, x);
  out.push_back(' ');
  append_number(out, baseline);
  out += " Td\n";
  font(style).encode(text, out);
  out += " Tj\nET\n";
  if (gray != 0)
    out += "0 g\n";
}

void PageComposer::draw_rule(double x1, double x2, double y, double width, double gray) {
  std::string& out = pages_.back();
  append_number(out, width);
  out += " w ";
  append_number(out, gray);
  out += " G ";
  append_number(out, x1);
  out.push_back(' ');
  append_number(out, y);
  out += " m ";
  append_number(out, x2);
  out.push_back(' ');
  append_number(out, y);
  out += " l S 0 G\n";
}

void PageComposer::fill_rect(double x, double y, double width, double height, double gray) {
  std::string& out = pages_.back();
  append_number(out, gray);
  out += " g ";
  append_number(out, x);
  out.push_back(' ');
  append_number(out, y);
  out.push_back(' ');
  append_number(out, width);
  out.push_back(' ');
  append_number(out, height);
  out += " re f 0 g\n";
}

std::vector<std::string> PageComposer::finish(
    const std::function<std::u32string(int, int)>& footer) {
  const int count = static_cast<int>(pages_.size());
  std::vector<std::string> done = std::move(pages_);
  for (int i = 0; i < count; ++i) {
    pages_.clear();
    pages_.push_back(std::move(done[static_cast<std::size_t>(i)]));
    const std::u32string text = footer(i + 1, count);
    const double width = text_width(text, FontStyle::kRegular, 8);
    draw_rule(kMargin, kMargin + kContentWidth, 40, 0.4, kRuleGray);
    draw_text(kMargin + kContentWidth - width, 28, text, FontStyle::kRegular, 8, 0.3);
    done[static_cast<std::size_t>(i)] = std::move(pages_.back());
  }
  pages_.clear();
  return done;
}

}  // namespace einvoice::render
