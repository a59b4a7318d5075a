#include "ocr/ocr_text.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string_view>

namespace einvoice::ocr {

std::string TextLine::text() const {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty())
      out += ' ';
    out += w.text;
  }
  return out;
}

Box unite(const Box& a, const Box& b) {
  if (a.width <= 0 && a.height <= 0)
    return b;
  double x = std::min(a.x, b.x);
  double y = std::min(a.y, b.y);
  return {x, y, std::max(a.right(), b.right()) - x, std::max(a.bottom(), b.bottom()) - y};
}

std::vector<Word> split_at_spaces(const Word& word) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  // Characters, not bytes, share the box: UTF-8 continuation bytes do not count.
  auto characters = [](std::string_view text) {
    return static_cast<double>(std::count_if(text.begin(), text.end(), [](char c) {
      return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
  };
  const std::string& text = word.text;
  const double total = characters(text);
  std::vector<Word> out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_space(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && !is_space(text[end]))
      ++end;
    const double start = characters(std::string_view(text).substr(0, i));
    const double length = characters(std::string_view(text).substr(i, end - i));
    Word piece = word;
    piece.text = text.substr(i, end - i);
    piece.box.x = word.box.x + word.box.width * start / total;
    piece.box.width = word.box.width * length / total;
    out.push_back(std::move(piece));
    i = end;
  }
  if (out.size() == 1)
    out.front().box = word.box;
  return out;
}

namespace {

// Whether a UTF-8 byte belongs to a letter: ASCII letters, and any byte of a
// character outside ASCII (accented letters; OCR output has no other
// non-ASCII symbols worth telling apart here).
bool letter_byte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x80 || std::isalpha(byte) != 0;
}

}  // namespace

void doubt_overlapping_words(TextLine& line) {
  for (std::size_t i = 1; i < line.words.size(); ++i) {
    Word& previous = line.words[i - 1];
    Word& word = line.words[i];
    const double height = std::max(previous.box.height, word.box.height);
    if (!previous.text.empty() && !word.text.empty() &&
        word.box.x < previous.box.right() - 0.25 * height && word.box.x > previous.box.x &&
        letter_byte(previous.text.back()) && letter_byte(word.text.front())) {
      previous.confidence = std::min(previous.confidence, kOverlapConfidence);
      word.confidence = std::min(word.confidence, kOverlapConfidence);
    }
  }
}

std::vector<TextLine> group_into_lines(std::vector<Word> words) {
  std::sort(words.begin(), words.end(),
            [](const Word& a, const Word& b) { return a.box.center_y() < b.box.center_y(); });
  std::vector<TextLine> lines;
  for (auto& word : words) {
    const double tolerance = std::max(1.0, word.box.height / 2);
    TextLine* target = nullptr;
    // Only the last few lines can still be within reach (sorted by centre).
    for (std::size_t i = lines.size(); i-- > 0 && lines.size() - i <= 3;) {
      if (std::fabs(lines[i].box.center_y() - word.box.center_y()) <= tolerance) {
        target = &lines[i];
        break;
      }
    }
    if (!target) {
      lines.emplace_back();
      target = &lines.back();
    }
    target->box = unite(target->box, word.box);
    target->words.push_back(std::move(word));
  }
  for (auto& line : lines) {
    std::sort(line.words.begin(), line.words.end(),
              [](const Word& a, const Word& b) { return a.box.x < b.box.x; });
  }
  std::sort(lines.begin(), lines.end(),
            [](const TextLine& a, const TextLine& b) { return a.box.y < b.box.y; });
  return lines;
}

}  // namespace einvoice::ocr
