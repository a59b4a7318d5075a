#include "ocr/layout.h"

#include <algorithm>
#include <cctype>

namespace einvoice::ocr {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_letter(char c) {
  return c >= 'a' && c <= 'z';
}

// German builds words by composition ("Mietrechnung", "Rechnungskorrektur"):
// labels starting with these heads also match at the end of a compound.
bool closes_compound(std::string_view label) {
  for (std::string_view head : {"rechnung", "korrektur", "gutschrift"}) {
    if (label.substr(0, head.size()) == head)
      return true;
  }
  return false;
}

// The label may end inside a word ("N°471102", "Datum:05.06.2018"): the
// value is the word's text from its first digit on.
std::string tail_from_first_digit(const std::string& word) {
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (is_digit(word[i]))
      return word.substr(i);
  }
  return {};
}

// The folded word that starts after `end` ("" at the end of the line).
std::string_view next_word(std::string_view folded, std::size_t end) {
  while (end < folded.size() && folded[end] == ' ')
    ++end;
  const std::size_t stop = folded.find(' ', end);
  return folded.substr(end, stop == std::string_view::npos ? std::string_view::npos : stop - end);
}

// The folded word after the label ending at `end`, when it stands in the
// label's column; "" when a gap wider than three text heights sets it in
// the next column (a grid's headers: "Réf. facture   Date").
std::string_view next_word_in_column(const LayoutLine& line, std::size_t end) {
  const auto& words = line.line->words;
  for (std::size_t i = 0; i + 1 < words.size() && i + 1 < line.word_begin.size(); ++i) {
    if (line.word_end[i] < end || line.word_begin[i] >= end)
      continue;
    if (line.word_begin[i + 1] < end)
      continue;  // the label ends inside a later word
    const double height = std::max(1.0, std::max(words[i].box.height, words[i + 1].box.height));
    if (words[i + 1].box.x - words[i].box.right() > 3 * height)
      return {};
    break;
  }
  return next_word(line.folded, end);
}

}  // namespace

bool in_header(const LayoutLine& line) {
  return line.page == 1 && (line.page_height <= 0 || line.line->box.y < line.page_height * 0.5);
}

// Identifiers such as "invoice_number_1" fold to label-like text ("invoice
// number 1") but are values: a label never matches inside a word holding an
// underscore.
bool Layout::inside_identifier(const LayoutLine& line, std::size_t begin, std::size_t end) {
  const auto& words = line.line->words;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (line.word_end[i] > begin && line.word_begin[i] < end &&
        words[i].text.find('_') != std::string::npos)
      return true;
  }
  return false;
}

// A number sign announces a value: "# invoice number 1" (an identifier
// whose underscores OCR lost) is not the label "invoice number".
bool Layout::after_number_sign(const LayoutLine& line, std::size_t begin) {
  const auto& words = line.line->words;
  for (std::size_t i = 1; i < words.size(); ++i) {
    if (line.word_begin[i] == begin && line.word_end[i] > begin)
      return words[i - 1].text == "#";
  }
  return false;
}

Layout::Layout(const std::vector<PageText>& pages) {
  for (const auto& page : pages) {
    for (const auto& text_line : page.lines) {
      LayoutLine line;
      line.page = page.page;
      line.index = static_cast<int>(lines_.size());
      line.page_width = page.width;
      line.page_height = page.height;
      line.line = &text_line;
      for (const auto& word : text_line.words) {
        std::string folded = fold_for_labels(word.text);
        if (!folded.empty() && !line.folded.empty())
          line.folded += ' ';
        line.word_begin.push_back(line.folded.size());
        line.folded += folded;
        line.word_end.push_back(line.folded.size());
      }
      lines_.push_back(std::move(line));
    }
  }
}

std::vector<std::vector<Token>> Layout::segments_of(const LayoutLine& line) {
  std::vector<std::vector<Token>> out;
  const auto& words = line.line->words;
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (out.empty() || words[k].box.x - words[k - 1].box.right() >= 3 * words[k].box.height)
      out.emplace_back();
    out.back().push_back(Token{words[k].text, words[k].box, words[k].confidence});
  }
  return out;
}

std::vector<Token> Layout::tokens_of(const LayoutLine& line, std::size_t first) {
  std::vector<Token> out;
  for (std::size_t i = first; i < line.line->words.size(); ++i) {
    const Word& word = line.line->words[i];
    out.push_back(Token{word.text, word.box, word.confidence});
  }
  return out;
}

// "N" a hair before "2026-7596": the value's first letter split off by the
// scan ("N2026-7596"), not a number sign ending a label.
bool Layout::ends_on_split_capital(const LayoutLine& line, std::size_t end) {
  const auto& words = line.line->words;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (line.word_end[i] != end)
      continue;
    const Word& letter = words[i];
    const Word& next = words[i + 1];
    if (letter.text != "N" || next.text.empty() || !is_digit(next.text.front()))
      return false;
    const double gap = next.box.x - letter.box.right();
    return gap >= 0 && gap < 0.35 * std::max(letter.box.height, next.box.height);
  }
  return false;
}

LabelHit Layout::make_hit(const LayoutLine& line, std::string_view label, std::size_t begin,
                          std::size_t end) const {
  LabelHit hit;
  hit.line = &line;
  hit.label = label;
  const auto& words = line.line->words;
  std::size_t first = 0;
  while (first + 1 < words.size() && line.word_end[first] <= begin)
    ++first;
  std::size_t last = first;
  while (last + 1 < words.size() && line.word_end[last] < end)
    ++last;
  hit.first_word = first;
  for (std::size_t i = first; i <= last && i < words.size(); ++i)
    hit.box = unite(hit.box, words[i].box);
  if (last < words.size() && end < line.word_end[last]) {
    std::string tail = tail_from_first_digit(words[last].text);
    if (!tail.empty())
      hit.after.push_back(Token{tail, words[last].box, words[last].confidence});
  }
  for (auto& token : tokens_of(line, last + 1))
    hit.after.push_back(std::move(token));

  // The first of the next two lines with words under the label's column
  // (widened to the right, where values of tables sit), within three line
  // heights. Lines with no letter or digit (a table's rules read as specks)
  // are passed over without counting.
  const double line_height = std::max(1.0, line.line->box.height);
  const double left = hit.box.x - line_height;
  const double right = hit.box.right() + 4 * line_height;
  auto has_alnum = [](const std::string& text) {
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
  };
  int counted = 0;
  double above_bottom = line.line->box.bottom();  // a speck line moves it down
  for (std::size_t next = static_cast<std::size_t>(line.index) + 1;
       next < lines_.size() && counted < 2; ++next) {
    const LayoutLine& below = lines_[next];
    const double gap = below.line->box.y - above_bottom;
    if (below.page != line.page || gap < -line_height / 2 || gap > 3 * line_height)
      break;
    if (!has_alnum(below.line->text())) {
      above_bottom = std::max(above_bottom, below.line->box.bottom());
      continue;
    }
    ++counted;
    const auto& under = below.line->words;
    std::size_t leftmost = under.size();
    // A lone "-" or "/" between two words is kept: OCR may cut a reference
    // at it (read_reference joins the parts).
    auto kept = [&](std::size_t k) {
      const std::string& text = under[k].text;
      if (has_alnum(text))
        return true;
      return (text == "-" || text == "/") && k > 0 && k + 1 < under.size() &&
             has_alnum(under[k - 1].text) && has_alnum(under[k + 1].text);
    };
    for (std::size_t k = 0; k < under.size(); ++k) {
      const Word& word = under[k];
      if (word.box.right() >= left && word.box.x <= right && kept(k)) {
        leftmost = std::min(leftmost, k);
        hit.below.push_back(Token{word.text, word.box, word.confidence});
      }
    }
    // A value that starts left of its label's column ("2. Oktober 2025"
    // under a centred "Datum"): the words just before, a space apart, are
    // part of it.
    for (std::size_t k = leftmost; k > 0 && k < under.size(); --k) {
      const Word& previous = under[k - 1];
      if (under[k].box.x - previous.box.right() > 0.8 * line_height || !has_alnum(previous.text))
        break;
      hit.below.insert(hit.below.begin(), Token{previous.text, previous.box, previous.confidence});
    }
    if (!hit.below.empty())
      break;
  }
  return hit;
}

std::optional<LabelHit> Layout::find_in(const LayoutLine& line, LabelKind kind) const {
  const std::string& text = line.folded;
  for (std::string_view label : labels_of(kind)) {
    std::size_t at = text.find(label);
    while (at != std::string::npos) {
      const std::size_t end = at + label.size();
      const bool starts =
          at == 0 || text[at - 1] == ' ' || (closes_compound(label) && is_letter(text[at - 1]));
      // A label may run straight into its value's digits ("nr471102").
      const bool ends = end == text.size() || text[end] == ' ' || is_digit(text[end]);
      if (starts && ends && !inside_identifier(line, at, end) && !after_number_sign(line, at) &&
          !heads_other_mention(kind, label, next_word_in_column(line, end)) &&
          !ends_on_split_capital(line, end))
        return make_hit(line, label, at, end);
      at = text.find(label, at + 1);
    }
  }
  return std::nullopt;
}

std::vector<LabelHit> Layout::find(LabelKind kind) const {
  std::vector<LabelHit> hits;
  for (const auto& line : lines_) {
    if (auto hit = find_in(line, kind))
      hits.push_back(std::move(*hit));
  }
  return hits;
}

bool Layout::line_has(const LayoutLine& line, LabelKind kind) const {
  return find_in(line, kind).has_value();
}

std::optional<LabelHit> Layout::starts_with(const LayoutLine& line, LabelKind kind) const {
  for (std::string_view label : labels_of(kind)) {
    const std::string& text = line.folded;
    if (text.compare(0, label.size(), label) == 0 &&
        (text.size() == label.size() || text[label.size()] == ' ')) {
      return make_hit(line, label, 0, label.size());
    }
  }
  return std::nullopt;
}

}  // namespace einvoice::ocr
