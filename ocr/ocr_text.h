#pragma once

// What reading a page gives: words with their position and confidence, from
// the OCR engine or from a PDF's text layer. Positions are in PDF points
// (1/72 inch) from the page's top-left corner, whatever the source's
// resolution, so that layout rules work the same on scans and PDFs.

#include <string>
#include <vector>

namespace einvoice::ocr {

struct Box {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;

  double right() const { return x + width; }
  double bottom() const { return y + height; }
  double center_y() const { return y + height / 2; }
};

struct Word {
  std::string text;  // UTF-8
  Box box;
  float confidence = 100;  // 0..100; 100 for a PDF text layer
};

// The smallest box holding both; an empty box (no width, no height) is
// neutral.
Box unite(const Box& a, const Box& b);

// The words of one page, grouped in reading order into lines.
struct TextLine {
  std::vector<Word> words;
  Box box;  // union of the words' boxes
  // The words joined with single spaces.
  std::string text() const;
};

struct PageText {
  int page = 1;       // 1-based
  double width = 0;   // points
  double height = 0;  // points
  bool from_text_layer = false;
  int rotation = 0;    // degrees the image was turned to read it (0, 90, 180, 270)
  double skew = 0;     // degrees of skew corrected
  double seconds = 0;  // time spent reading the page
  std::vector<TextLine> lines;
};

// The words of a word as an OCR engine gave it: spaces it read inside or
// around a word (" 23603,77", "1 234,56") separate words, each given its
// share of the box by its count of characters. Nothing when the text is
// blank.
std::vector<Word> split_at_spaces(const Word& word);

// Words of an OCR line whose boxes overlap by more than a quarter of their
// height, meeting at letters, were split or boxed wrongly by the engine:
// "ConsultingSer" over "vice" is one word, while "Kunden" boxed over "AG"
// is not; the overlap alone cannot tell which. Both words' confidence is
// lowered to `kOverlapConfidence` at most, so that what they make is left
// to confirm. Not for text layers, where overprinted words (a bold effect)
// overlap.
inline constexpr float kOverlapConfidence = 50;
void doubt_overlapping_words(TextLine& line);

// Groups words into lines: words whose vertical centres fall within half a
// word height of each other, ordered left to right; lines ordered top to
// bottom. Used for text layers, which come as loose words.
std::vector<TextLine> group_into_lines(std::vector<Word> words);

}  // namespace einvoice::ocr
