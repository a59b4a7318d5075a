#include "ocr/value_readers.h"

#include <algorithm>
#include <cctype>

#include "ocr/label_lexicon.h"
#include "ocr/text_patterns.h"

namespace einvoice::ocr {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool all_digits(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_digit);
}

// Strips punctuation that ends a printed value (": 12,50;" -> "12,50").
std::string trimmed(std::string text) {
  // OCR reads table rules as "|", "[" or "]" glued to the words they touch.
  while (!text.empty() &&
         (text.back() == ':' || text.back() == ';' || text.back() == ',' || text.back() == ')' ||
          text.back() == '*' || text.back() == ']' || text.back() == '|'))
    text.pop_back();
  while (!text.empty() && (text.front() == '[' || text.front() == '|'))
    text.erase(0, 1);
  // A number sign glued to a reference ("#BLR_123") is part of it as
  // printed; alone or before a colon it is a label.
  while (!text.empty() && (text.front() == ':' || text.front() == '(' ||
                           (text.front() == '#' && (text.size() == 1 || text[1] == ':'))))
    text.erase(0, 1);
  return text;
}

double source_factor(FieldSource source) {
  switch (source) {
    case FieldSource::kSet:
      return 1.0;
    case FieldSource::kLabelled:
      return 0.9;
    case FieldSource::kPattern:
      return 0.8;
    case FieldSource::kDerived:
      return 0.85;
    case FieldSource::kFallback:
      return 0.5;
  }
  return 0.5;
}

}  // namespace

bool splits_decimals(std::string_view number, std::string_view next) {
  const auto digits = [](std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), is_digit);
  };
  const std::size_t last_word =
      number.rfind(' ') == std::string_view::npos ? 0 : number.rfind(' ') + 1;
  const std::string_view last = number.substr(last_word);
  if (last.empty())
    return false;
  const bool separated = number.find_first_of(".,") != std::string_view::npos;
  // "26977" ".54"
  if (!separated && digits(last) && (next.size() == 2 || next.size() == 3) &&
      (next[0] == '.' || next[0] == ',') && digits(next.substr(1)))
    return true;
  // "019," "90": the separator ends the number, the decimals follow alone.
  return (last.back() == ',' || last.back() == '.') && digits(last.substr(0, last.size() - 1)) &&
         number.find_first_of(".,") == number.size() - 1 &&
         (next.size() == 1 || next.size() == 2) && digits(next);
}

std::string join(const std::vector<Token>& tokens, std::size_t from) {
  std::string out;
  for (std::size_t i = from; i < tokens.size(); ++i) {
    if (!out.empty())
      out += ' ';
    out += tokens[i].text;
  }
  return out;
}

Field field_of_tokens(const std::vector<Token>& tokens, int page, FieldSource source) {
  Box box;
  float confidence = 100;
  for (const auto& t : tokens) {
    box = unite(box, t.box);
    confidence = std::min(confidence, t.confidence);
  }
  return make_field(join(tokens), box, confidence, page, source);
}

std::optional<Read<model::Date>> read_date(const std::vector<Token>& tokens, std::size_t from) {
  for (std::size_t i = from; i < tokens.size(); ++i) {
    std::string text;
    Box box;
    float confidence = 100;
    // Longest window first: "5 mars 2018" before "5".
    for (std::size_t n = std::min<std::size_t>(4, tokens.size() - i); n >= 1; --n) {
      text.clear();
      box = {};
      confidence = 100;
      for (std::size_t k = i; k < i + n; ++k) {
        // "August 3 , 2014": a lone comma belongs to the word before it.
        if (!text.empty() && tokens[k].text != ",")
          text += ' ';
        text += tokens[k].text == "," ? std::string(",") : trimmed(tokens[k].text);
        box = unite(box, tokens[k].box);
        confidence = std::min(confidence, tokens[k].confidence);
      }
      if (auto date = parse_date(text))
        return Read<model::Date>{*date, box, confidence, i + n};
    }
  }
  return std::nullopt;
}

std::optional<Read<model::Decimal>> read_amount(const std::vector<Token>& tokens,
                                                std::size_t from) {
  for (std::size_t i = from; i < tokens.size(); ++i) {
    const std::string head = trimmed(tokens[i].text);
    // A number, possibly behind a sign or a currency ("-12,50", "$4.11",
    // "€12", "EUR12.50", "Rs.1939").
    const std::size_t first_digit = head.find_first_of("0123456789");
    if (first_digit == std::string::npos)
      continue;
    const std::string lead = head.substr(0, first_digit);
    const bool currency_lead = !lead.empty() && parse_currency(lead).has_value();
    if (!(lead.empty() || lead == "-" || currency_lead))
      continue;
    // Thousands groups printed as separate words: "1 234,56", "12 345 678.90".
    std::string text = head;
    Box box = tokens[i].box;
    float confidence = tokens[i].confidence;
    std::size_t end = i + 1;
    while (end < tokens.size()) {
      const std::string next = trimmed(tokens[end].text);
      const bool group = next.size() >= 3 && all_digits(next.substr(0, 3)) &&
                         (next.size() == 3 || next[3] == ',' || next[3] == '.');
      // The digits after any sign or currency ("-12", "£12" before "375,00").
      const std::string number = text.substr(first_digit);
      const bool previous_is_group_head =
          all_digits(number) && number.size() <= (lead.empty() ? 4u : 3u);
      if (!group || !previous_is_group_head)
        break;
      text += ' ' + next;
      box = unite(box, tokens[end].box);
      confidence = std::min(confidence, tokens[end].confidence);
      ++end;
      if (next.size() > 3)
        break;
    }
    // Decimals OCR split off at their separator ("26977" ".54", "019," "90"),
    // a space at most away: one amount.
    if (end < tokens.size() &&
        splits_decimals(text.substr(first_digit), trimmed(tokens[end].text)) &&
        tokens[end].box.x - box.right() <= std::max(1.0, tokens[end].box.height)) {
      text += trimmed(tokens[end].text);
      box = unite(box, tokens[end].box);
      confidence = std::min(confidence, tokens[end].confidence);
      ++end;
    }
    if (end < tokens.size() && trimmed(tokens[end].text) == "%")
      continue;  // a rate
    if (!text.empty() && text.back() == '%')
      continue;
    // An amount without decimals counts when a currency marks it ("Rs 1939",
    // "$4", "1939 EUR").
    const bool marked = (i > from && parse_currency(trimmed(tokens[i - 1].text))) ||
                        (end < tokens.size() && parse_currency(trimmed(tokens[end].text))) ||
                        currency_lead;
    if (auto amount = parse_amount(text, marked))
      return Read<model::Decimal>{*amount, box, confidence, end};
    if (end > i + 1) {  // the joined form failed: the first word alone
      if (auto amount = parse_amount(head))
        return Read<model::Decimal>{*amount, tokens[i].box, tokens[i].confidence, i + 1};
    }
  }
  return std::nullopt;
}

namespace {

// OCR may split a reference at the change from letters to digits ("IBZY2087"
// read "IBZY" "2087", "N2026-7596" read "N" "2026-7596"): capitals alone
// followed, less than a third of a line height away (a word space is
// wider), by a word starting with a digit are one reference. A number sign
// ("N°", "No") is no run of capitals.
bool splits_a_reference(const Token& letters, const std::string& letters_text, const Token& next) {
  const std::string rest = trimmed(next.text);
  if (letters_text.empty() || letters_text.size() > 6 || rest.size() < 3 || !is_digit(rest[0]) ||
      std::count_if(rest.begin(), rest.end(), is_digit) < 3)
    return false;
  if (!std::all_of(letters_text.begin(), letters_text.end(),
                   [](char c) { return c >= 'A' && c <= 'Z'; }))
    return false;
  const double gap = next.box.x - letters.box.right();
  return gap >= 0 && gap < 0.35 * std::max(letters.box.height, next.box.height);
}

// OCR may cut a reference at its hyphen or slash when a wide font sets them
// apart ("2026-2026-0824" read "2026" "-" "2026-0824"): a word, a lone "-"
// or "/" and a word starting with a letter or digit, each gap narrower than
// one character of the words around it (their width by their letters), are
// one reference. A spaced " - " in a narrow font may pass too, hence the
// lower confidence of a joined reading.
bool cut_at_separator(const std::vector<Token>& tokens, std::size_t i) {
  if (i + 2 >= tokens.size())
    return false;
  const std::string separator = trimmed(tokens[i + 1].text);
  const std::string first = trimmed(tokens[i].text);
  const std::string rest = trimmed(tokens[i + 2].text);
  if ((separator != "-" && separator != "/") || first.empty() || rest.empty() ||
      !std::isalnum(static_cast<unsigned char>(first.back())) ||
      !std::isalnum(static_cast<unsigned char>(rest.front())))
    return false;
  const double pitch = (tokens[i].box.width + tokens[i + 2].box.width) /
                       static_cast<double>(first.size() + rest.size());
  const double gap1 = tokens[i + 1].box.x - tokens[i].box.right();
  const double gap2 = tokens[i + 2].box.x - tokens[i + 1].box.right();
  return gap1 >= 0 && gap2 >= 0 && gap1 < pitch && gap2 < pitch;
}

}  // namespace

std::optional<Read<std::string>> read_reference(const std::vector<Token>& tokens) {
  for (std::size_t i = 0; i < tokens.size() && i < 6; ++i) {
    const std::string text = trimmed(tokens[i].text);
    const std::string folded = fold_for_labels(text);
    if (cut_at_separator(tokens, i) && std::any_of(text.begin(), text.end(), is_digit)) {
      const std::string joined = text + trimmed(tokens[i + 1].text) + trimmed(tokens[i + 2].text);
      if (!parse_date(joined)) {
        const Box box = unite(unite(tokens[i].box, tokens[i + 1].box), tokens[i + 2].box);
        const float confidence = 0.85f * std::min({tokens[i].confidence, tokens[i + 1].confidence,
                                                   tokens[i + 2].confidence});
        return Read<std::string>{joined, box, confidence, i + 3};
      }
    }
    if (i + 1 < tokens.size() && splits_a_reference(tokens[i], text, tokens[i + 1])) {
      const Box box = unite(tokens[i].box, tokens[i + 1].box);
      return Read<std::string>{text + trimmed(tokens[i + 1].text), box,
                               std::min(tokens[i].confidence, tokens[i + 1].confidence), i + 2};
    }
    if (folded.empty() || folded == "n" || folded == "no" || folded == "nr" || folded == "numero" ||
        folded == "number" || folded == "nummer" || folded == "de" || folded == "d")
      continue;
    const bool has_digit = std::any_of(text.begin(), text.end(), is_digit);
    if (!has_digit || text.size() > 40)
      return std::nullopt;
    if (parse_date(text) || (parse_amount(text) && text.find_first_of(".,") != std::string::npos))
      return std::nullopt;
    return Read<std::string>{text, tokens[i].box, tokens[i].confidence, i + 1};
  }
  return std::nullopt;
}

std::optional<Read<std::string>> read_digits(const std::vector<Token>& tokens, std::size_t count) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::string digits;
    Box box;
    float confidence = 100;
    for (std::size_t k = i; k < tokens.size() && k < i + 5; ++k) {
      const std::string piece = digits_of(tokens[k].text);
      if (piece.empty())
        break;
      digits += piece;
      box = unite(box, tokens[k].box);
      confidence = std::min(confidence, tokens[k].confidence);
      if (digits.size() == count)
        return Read<std::string>{digits, box, confidence, k + 1};
      if (digits.size() > count)
        break;
    }
  }
  return std::nullopt;
}

Field make_field(std::string value, const Box& box, float word_confidence, int page,
                 FieldSource source) {
  Field field;
  field.value = std::move(value);
  field.box = box;
  field.page = page;
  field.source = source;
  field.confidence = std::clamp(word_confidence / 100.0, 0.0, 1.0) * source_factor(source);
  return field;
}

}  // namespace einvoice::ocr
