#include "ocr/text_patterns.h"

#include <array>
#include <cctype>
#include <cstring>

namespace einvoice::ocr {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return text;
}

bool consume_suffix(std::string_view& text, std::string_view suffix) {
  if (text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix) {
    text.remove_suffix(suffix.size());
    text = trim(text);
    return true;
  }
  return false;
}

bool consume_prefix(std::string_view& text, std::string_view prefix) {
  if (text.substr(0, prefix.size()) == prefix) {
    text.remove_prefix(prefix.size());
    text = trim(text);
    return true;
  }
  return false;
}

// Lower-case ASCII and the French/German month names' accented letters as
// UTF-8 bytes kept as is.
std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int month_of(std::string_view word) {
  struct Month {
    const char* name;
    int number;
  };
  static constexpr Month kMonths[] = {
      {"janvier", 1},   {"février", 2},   {"fevrier", 2},   {"mars", 3},      {"avril", 4},
      {"mai", 5},       {"juin", 6},      {"juillet", 7},   {"août", 8},      {"aout", 8},
      {"septembre", 9}, {"octobre", 10},  {"novembre", 11}, {"décembre", 12}, {"decembre", 12},
      {"january", 1},   {"february", 2},  {"march", 3},     {"april", 4},     {"may", 5},
      {"june", 6},      {"july", 7},      {"august", 8},    {"september", 9}, {"october", 10},
      {"november", 11}, {"december", 12}, {"januar", 1},    {"februar", 2},   {"märz", 3},
      {"maerz", 3},     {"juni", 6},      {"juli", 7},      {"oktober", 10},  {"dezember", 12},
      {"jan", 1},       {"feb", 2},       {"mar", 3},       {"apr", 4},       {"jun", 6},
      {"jul", 7},       {"aug", 8},       {"sep", 9},       {"sept", 9},      {"oct", 10},
      {"nov", 11},      {"dec", 12},      {"janv", 1},      {"févr", 2},      {"avr", 4},
      {"juil", 7},      {"déc", 12},      {"okt", 10},      {"dez", 12},      {"januari", 1},
      {"februari", 2},  {"maart", 3},     {"mrt", 3},       {"mei", 5},       {"augustus", 8},
  };
  std::string w = lower(word);
  while (!w.empty() && (w.back() == '.' || w.back() == ','))
    w.pop_back();
  for (const auto& m : kMonths) {
    if (w == m.name)
      return m.number;
  }
  return 0;
}

std::optional<int> number(std::string_view text, std::size_t min_digits, std::size_t max_digits) {
  if (text.size() < min_digits || text.size() > max_digits)
    return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (!is_digit(c))
      return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<model::Date> make_date(int year, int month, int day) {
  if (year < 100)
    year += 2000;
  if (year < 1990 || year > 2099 || !model::Date::is_valid(year, month, day))
    return std::nullopt;
  return model::Date{year, month, day};
}

int mod97(std::string_view digits_and_letters) {
  int remainder = 0;
  for (char c : digits_and_letters) {
    if (is_digit(c)) {
      remainder = (remainder * 10 + (c - '0')) % 97;
    } else if (c >= 'A' && c <= 'Z') {
      int v = c - 'A' + 10;
      remainder = (remainder * 100 + v) % 97;
    } else {
      return -1;
    }
  }
  return remainder;
}

}  // namespace

std::optional<model::Decimal> parse_amount(std::string_view text, bool allow_integer) {
  text = trim(text);
  bool negative = false;
  // Currency marks around the number.
  for (std::string_view mark :
       {"€", "EUR", "USD", "$", "GBP", "£", "CHF", "₹", "INR", "Rs.", "Rs"}) {
    if (consume_suffix(text, mark) || consume_prefix(text, mark))
      break;
  }
  if (consume_prefix(text, "-") || consume_suffix(text, "-"))
    negative = true;
  if (text.empty() || text.size() > 24)
    return std::nullopt;
  // Keep digits and separators; find the decimal separator: the last '.' or
  // ',' followed by exactly 1-4 digits (and not a thousands group of 3 when
  // the other separator also appears).
  std::string cleaned;
  for (char c : text) {
    if (is_digit(c) || c == '.' || c == ',' || c == ' ' || c == '\'')
      cleaned += c;
    else if (static_cast<unsigned char>(c) == 0xC2 || static_cast<unsigned char>(c) == 0xA0)
      cleaned += ' ';  // no-break space (UTF-8 C2 A0)
    else
      return std::nullopt;
  }
  if (cleaned.empty() || !is_digit(cleaned.front()) || !is_digit(cleaned.back()))
    return std::nullopt;
  const std::size_t last_sep = cleaned.find_last_of(".,");
  std::string integer_part;
  std::string fraction;
  if (last_sep != std::string::npos) {
    const std::string after = cleaned.substr(last_sep + 1);
    const char sep = cleaned[last_sep];
    const bool other_sep_present = cleaned.find(sep == '.' ? ',' : '.') != std::string::npos;
    const bool looks_like_group =
        after.size() == 3 && !other_sep_present && cleaned.find(sep) != last_sep;  // "1.234.567"
    if (after.size() >= 1 && after.size() <= 4 && !looks_like_group &&
        after.find_first_not_of("0123456789") == std::string::npos) {
      fraction = after;
      integer_part = cleaned.substr(0, last_sep);
    } else {
      integer_part = cleaned;
    }
  } else {
    integer_part = cleaned;
  }
  // Group separators must sit between groups of three digits.
  std::string digits;
  std::size_t group = 0;
  bool grouped = false;
  for (char c : integer_part) {
    if (is_digit(c)) {
      digits += c;
      ++group;
    } else {
      if (group == 0 || (grouped && group != 3))
        return std::nullopt;
      grouped = true;
      group = 0;
    }
  }
  if (digits.empty() || (grouped && group != 3))
    return std::nullopt;
  if (fraction.empty() && !allow_integer)
    return std::nullopt;
  std::string canonical = (negative ? "-" : "") + digits;
  if (!fraction.empty())
    canonical += "." + fraction;
  return model::Decimal::parse(canonical);
}

std::optional<model::Date> parse_date(std::string_view text) {
  text = trim(text);
  while (!text.empty() && (text.back() == ',' || text.back() == ';' || text.back() == ')'))
    text.remove_suffix(1);
  // Numeric forms.
  for (char sep : {'/', '.', '-'}) {
    std::size_t a = text.find(sep);
    if (a == std::string_view::npos)
      continue;
    std::size_t b = text.find(sep, a + 1);
    if (b == std::string_view::npos || text.find(sep, b + 1) != std::string_view::npos)
      continue;
    auto first = number(text.substr(0, a), 1, 4);
    auto second = number(text.substr(a + 1, b - a - 1), 1, 2);
    auto third = number(text.substr(b + 1), 2, 4);
    if (!first || !second || !third)
      continue;
    if (a == 4)  // 2018-03-05
      return make_date(*first, *second, *third);
    if (a <= 2) {
      if (auto date = make_date(*third, *second, *first))
        return date;
      // "03/20/2023": month first, accepted only where the day-first reading
      // is impossible (the second number is no month).
      if (*second > 12)
        return make_date(*third, *first, *second);
      return std::nullopt;
    }
  }
  // Written forms: "5 mars 2018", "5. März 2018", "March 5, 2018".
  std::array<std::string_view, 4> parts{};
  std::size_t count = 0;
  std::size_t pos = 0;
  while (pos < text.size() && count < parts.size()) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == ','))
      ++pos;
    std::size_t end = pos;
    while (end < text.size() && text[end] != ' ' && text[end] != ',')
      ++end;
    if (end > pos)
      parts[count++] = text.substr(pos, end - pos);
    pos = end;
  }
  if (count != 3)
    return std::nullopt;
  auto strip_dot = [](std::string_view p) {
    return !p.empty() && p.back() == '.' ? p.substr(0, p.size() - 1) : p;
  };
  if (int m = month_of(parts[1])) {
    auto day = number(strip_dot(parts[0]), 1, 2);
    auto year = number(parts[2], 4, 4);
    if (day && year)
      return make_date(*year, m, *day);
  }
  if (int m = month_of(parts[0])) {
    auto day = number(strip_dot(parts[1]), 1, 2);
    auto year = number(parts[2], 4, 4);
    if (day && year)
      return make_date(*year, m, *day);
  }
  return std::nullopt;
}

std::optional<std::string> parse_currency(std::string_view token) {
  token = trim(token);
  if (token == "€" || token == "EUR" || token == "Euro" || token == "EURO" || token == "euros")
    return "EUR";
  if (token == "$" || token == "USD" || token == "US$")
    return "USD";
  if (token == "£" || token == "GBP")
    return "GBP";
  if (token == "₹" || token == "Rs" || token == "Rs." || token == "INR")
    return "INR";
  static constexpr const char* kCodes[] = {"CHF", "CAD", "JPY", "SEK", "NOK", "DKK", "PLN",
                                           "CZK", "HUF", "INR", "AUD", "CNY", "RON", "BGN"};
  for (const char* code : kCodes) {
    if (token == code)
      return std::string(code);
  }
  return std::nullopt;
}

std::string digits_of(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (is_digit(c))
      out += c;
  }
  return out;
}

bool luhn_valid(std::string_view digits) {
  if (digits.empty())
    return false;
  int sum = 0;
  bool twice = false;
  for (std::size_t i = digits.size(); i-- > 0;) {
    if (!is_digit(digits[i]))
      return false;
    int d = digits[i] - '0';
    if (twice) {
      d *= 2;
      if (d > 9)
        d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

bool is_siren(std::string_view digits) {
  return digits.size() == 9 && luhn_valid(digits);
}

bool is_siret(std::string_view digits) {
  if (digits.size() != 14)
    return false;
  if (digits.substr(0, 9) == "356000000") {
    int sum = 0;
    for (char c : digits)
      sum += c - '0';
    return sum % 5 == 0 || luhn_valid(digits);
  }
  return luhn_valid(digits);
}

bool is_french_vat_number(std::string_view text) {
  if (text.size() != 13 || text.substr(0, 2) != "FR")
    return false;
  std::string_view key = text.substr(2, 2);
  std::string_view siren = text.substr(4);
  if (!is_digit(key[0]) || !is_digit(key[1]) || digits_of(siren).size() != 9)
    return false;
  long long value = 0;
  for (char c : siren)
    value = value * 10 + (c - '0');
  const int expected = static_cast<int>((12 + 3 * (value % 97)) % 97);
  return (key[0] - '0') * 10 + (key[1] - '0') == expected;
}

bool is_iban(std::string_view text) {
  if (text.size() < 15 || text.size() > 34)
    return false;
  if (!std::isupper(static_cast<unsigned char>(text[0])) ||
      !std::isupper(static_cast<unsigned char>(text[1])) || !is_digit(text[2]) ||
      !is_digit(text[3]))
    return false;
  std::string rearranged(text.substr(4));
  rearranged += text.substr(0, 4);
  return mod97(rearranged) == 1;
}

bool is_bic(std::string_view text) {
  if (text.size() != 8 && text.size() != 11)
    return false;
  for (std::size_t i = 0; i < 6; ++i) {
    if (!std::isupper(static_cast<unsigned char>(text[i])))
      return false;
  }
  for (std::size_t i = 6; i < text.size(); ++i) {
    if (!std::isupper(static_cast<unsigned char>(text[i])) && !is_digit(text[i]))
      return false;
  }
  return true;
}

std::string compact_upper(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '\t')
      continue;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace einvoice::ocr
