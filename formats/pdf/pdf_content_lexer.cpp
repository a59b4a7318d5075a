#include "formats/pdf/pdf_content_lexer.h"

#include "formats/pdf/pdf_bytes.h"

namespace einvoice::pdf {
namespace {

constexpr auto is_space = pdf_is_space;
constexpr auto is_delimiter = pdf_is_delimiter;
constexpr auto is_regular = pdf_is_regular;

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

}  // namespace

void ContentLexer::skip_space() {
  while (at_ < content_.size()) {
    const char c = content_[at_];
    if (is_space(c)) {
      ++at_;
    } else if (c == '%') {
      while (at_ < content_.size() && content_[at_] != '\n' && content_[at_] != '\r')
        ++at_;
    } else {
      return;
    }
  }
}

ContentLexer::Token ContentLexer::read(ContentOperand& operand, std::string_view& word, int depth) {
  skip_space();
  if (at_ >= content_.size())
    return Token::kEnd;
  operand = ContentOperand{};
  const char c = content_[at_];
  const bool opens =
      c == '[' || (c == '<' && at_ + 1 < content_.size() && content_[at_ + 1] == '<');
  if (opens && depth >= kMaxNesting) {
    skip_nested();  // read through by counting, not by recursion
    return Token::kOperand;
  }
  if (c == '/') {
    const std::size_t start = ++at_;
    while (at_ < content_.size() && is_regular(content_[at_]))
      ++at_;
    operand.kind = ContentOperand::Kind::kName;
    operand.name = content_.substr(start, at_ - start);
    return Token::kOperand;
  }
  if (c == '(') {
    // A literal string: balanced parentheses, backslash escapes.
    int open = 1;
    std::size_t bytes = 0;
    for (++at_; at_ < content_.size() && open > 0; ++at_) {
      const char s = content_[at_];
      if (s == '\\') {
        ++at_;
      } else if (s == '(') {
        ++open;
      } else if (s == ')' && --open == 0) {
        continue;
      }
      ++bytes;
    }
    operand.kind = ContentOperand::Kind::kString;
    operand.bytes = bytes;
    return Token::kOperand;
  }
  if (c == '<' && at_ + 1 < content_.size() && content_[at_ + 1] == '<') {
    // A dictionary (marked content properties): read through, kept as kOther.
    at_ += 2;
    ContentOperand inner;
    std::string_view ignored;
    for (;;) {
      const Token token = read(inner, ignored, depth + 1);
      if (token == Token::kEnd || token == Token::kDictEnd)
        break;
    }
    operand.kind = ContentOperand::Kind::kOther;
    return Token::kOperand;
  }
  if (c == '<') {
    std::size_t digits = 0;
    for (++at_; at_ < content_.size() && content_[at_] != '>'; ++at_)
      digits += is_hex(content_[at_]) ? 1 : 0;
    if (at_ < content_.size())
      ++at_;
    operand.kind = ContentOperand::Kind::kString;
    operand.bytes = (digits + 1) / 2;
    return Token::kOperand;
  }
  if (c == '>') {
    if (at_ + 1 < content_.size() && content_[at_ + 1] == '>') {
      at_ += 2;
      return Token::kDictEnd;
    }
    ++at_;
    return Token::kOperand;  // a stray '>': an operand of no use
  }
  if (c == '[') {
    ++at_;
    operand.kind = ContentOperand::Kind::kArray;
    ContentOperand inner;
    std::string_view ignored;
    for (;;) {
      const Token token = read(inner, ignored, depth + 1);
      if (token == Token::kEnd || token == Token::kArrayEnd)
        break;
      if (token != Token::kOperand)
        continue;
      if (inner.kind == ContentOperand::Kind::kNumber) {
        if (operand.numbers.size() < kMaxArrayNumbers)
          operand.numbers.push_back(inner.number);
        ++operand.count;
      } else if (inner.kind == ContentOperand::Kind::kString ||
                 inner.kind == ContentOperand::Kind::kArray) {
        operand.bytes += inner.bytes;
      }
    }
    return Token::kOperand;
  }
  if (c == ']') {
    ++at_;
    return Token::kArrayEnd;
  }
  if (!is_regular(c)) {
    ++at_;  // ')', '{', '}': of no use, skipped
    return Token::kOperand;
  }
  if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
    read_number(operand.number);
    operand.kind = ContentOperand::Kind::kNumber;
    return Token::kOperand;
  }
  const std::size_t start = at_;
  while (at_ < content_.size() && is_regular(content_[at_]))
    ++at_;
  word = content_.substr(start, at_ - start);
  if (word == "true" || word == "false" || word == "null")
    return Token::kOperand;
  return Token::kOperator;
}

void ContentLexer::read_number(double& value) {
  // As renderers read numbers (and unlike the grammar): a number ends at the
  // first byte that cannot continue it, delimiter or not, so "40s" is 40 then
  // "s"; a sign or a point alone is 0; minus signs inside the fraction are
  // ignored; "1.2.3" is 1.2 then .3.
  const char first = content_[at_++];
  const bool negative = first == '-';
  double result = first >= '0' && first <= '9' ? first - '0' : 0;
  bool fraction = first == '.';
  while (!fraction && at_ < content_.size()) {
    const char c = content_[at_];
    if (c >= '0' && c <= '9') {
      result = result * 10 + (c - '0');
    } else if (c == '.') {
      fraction = true;
    } else {
      break;
    }
    ++at_;
  }
  double scale = 0.1;
  while (fraction && at_ < content_.size()) {
    const char c = content_[at_];
    if (c >= '0' && c <= '9') {
      result += (c - '0') * scale;
      scale /= 10;
    } else if (c != '-') {
      break;
    }
    ++at_;
  }
  value = negative ? -result : result;
}

void ContentLexer::skip_nested() {
  int open = 0;
  while (at_ < content_.size()) {
    const char c = content_[at_];
    const bool pair = at_ + 1 < content_.size() && content_[at_ + 1] == c;
    if (c == '[' || (c == '<' && pair)) {
      ++open;
    } else if (c == ']' || (c == '>' && pair)) {
      --open;
    }
    at_ += (c == '<' || c == '>') && pair ? 2 : 1;
    if (open <= 0)
      return;
  }
}

void ContentLexer::skip_inline_image_data() {
  // One white-space byte follows ID; the data ends at an EI between white
  // space (or the end) on both sides.
  if (at_ < content_.size())
    ++at_;
  while (at_ + 1 < content_.size()) {
    if (content_[at_] == 'E' && content_[at_ + 1] == 'I' &&
        (at_ == 0 || is_space(content_[at_ - 1])) &&
        (at_ + 2 == content_.size() || is_space(content_[at_ + 2]) ||
         is_delimiter(content_[at_ + 2]))) {
      at_ += 2;
      return;
    }
    ++at_;
  }
  at_ = content_.size();
}

bool ContentLexer::next(ContentOperation& operation) {
  operation.operands.clear();
  ContentOperand operand;
  std::string_view word;
  for (;;) {
    const Token token = read(operand, word, 0);
    if (token == Token::kEnd)
      return false;
    if (token == Token::kOperand) {
      if (operation.operands.size() == kMaxOperands)
        operation.operands.erase(operation.operands.begin());
      operation.operands.push_back(std::move(operand));
      continue;
    }
    if (token != Token::kOperator)
      continue;  // a stray ']' or '>>'
    operation.offset = at_ - word.size();
    if (word != "BI") {
      operation.op = word;
      return true;
    }
    // An inline image: its dictionary up to ID, then its data.
    operation.op = word;
    operation.operands.clear();
    for (;;) {
      const Token inner = read(operand, word, 0);
      if (inner == Token::kEnd)
        return true;
      if (inner == Token::kOperator && word == "ID")
        break;
      if (inner == Token::kOperand && operation.operands.size() < kMaxOperands)
        operation.operands.push_back(std::move(operand));
    }
    skip_inline_image_data();
    return true;
  }
}

}  // namespace einvoice::pdf
