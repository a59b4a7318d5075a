#pragma once

// Splits decoded PDF page content (ISO 32000-1, 7.8.2) into operations: the
// operands read before each operator, then the operator, tokenised as
// renderers tokenise (poppler's lexer: "40s" is the number 40 and the operator
// s), since what counts is what the renderer will do. It keeps of each
// operand only what a cost model of rendering needs (numbers, names, the byte
// length of strings, the numbers and string bytes inside arrays), never
// allocates per byte of input, and always advances, so any input, however
// malformed, is split in time linear in its length.

#include <cstddef>
#include <string_view>
#include <vector>

namespace einvoice::pdf {

struct ContentOperand {
  enum class Kind { kNumber, kName, kString, kArray, kOther };
  Kind kind = Kind::kOther;
  double number = 0;            // kNumber
  std::string_view name;        // kName, without the slash and undecoded (#xx kept)
  std::size_t bytes = 0;        // kString: its bytes; kArray: the bytes of its strings
  std::vector<double> numbers;  // kArray: its numbers, at most kMaxArrayNumbers, in order
  std::size_t count = 0;        // kArray: its numbers, counted past that cap too
};

struct ContentOperation {
  std::string_view op;  // "m", "Tj", "Do", ...; "BI" for a whole inline image
  // The operands read since the previous operator, at most kMaxOperands (the
  // last ones; a renderer refuses more). For "BI": the image dictionary's keys
  // and values in order.
  std::vector<ContentOperand> operands;
  std::size_t offset = 0;  // of the operator in the content
};

class ContentLexer {
 public:
  static constexpr std::size_t kMaxOperands = 64;
  static constexpr std::size_t kMaxArrayNumbers = 256;
  static constexpr int kMaxNesting = 64;  // arrays and dictionaries inside each other

  explicit ContentLexer(std::string_view content) : content_(content) {}

  // The next operation into `operation`; false at the end of the content
  // (operands left without an operator are dropped, as a renderer does).
  bool next(ContentOperation& operation);

 private:
  enum class Token { kEnd, kOperand, kOperator, kArrayEnd, kDictEnd };
  Token read(ContentOperand& operand, std::string_view& word, int depth);
  void skip_space();
  void skip_nested();
  void read_number(double& value);
  void skip_inline_image_data();

  std::string_view content_;
  std::size_t at_ = 0;
};

}  // namespace einvoice::pdf
