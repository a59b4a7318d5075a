#include "render/number_format.h"

#include "render/invoice_renderer.h"

namespace einvoice::render {
namespace {

constexpr std::string_view kNarrowNoBreakSpace = "\u202F";
constexpr std::string_view kNoBreakSpace = "\u00A0";

struct CurrencySign {
  std::string_view code;
  std::string_view sign;
};

// Currencies whose sign both languages write instead of the code.
constexpr CurrencySign kCurrencySigns[] = {{"EUR", "\u20AC"}, {"GBP", "\u00A3"}};

std::string_view sign_of(std::string_view currency) {
  for (const CurrencySign& entry : kCurrencySigns) {
    if (entry.code == currency)
      return entry.sign;
  }
  return {};
}

}  // namespace

std::string format_number(const model::Decimal& value, Language language) {
  const bool french = language == Language::kFrench;
  const std::string_view group = french ? kNarrowNoBreakSpace : std::string_view(",");
  const char decimal_mark = french ? ',' : '.';

  const std::string text = value.to_string();  // -?[0-9]+(\.[0-9]+)?
  std::string_view digits = text;
  std::string out;
  if (!digits.empty() && digits.front() == '-') {
    out.push_back('-');
    digits.remove_prefix(1);
  }
  const std::size_t point = digits.find('.');
  const std::string_view integer = digits.substr(0, point);
  for (std::size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0)
      out += group;
    out.push_back(integer[i]);
  }
  if (point != std::string_view::npos) {
    out.push_back(decimal_mark);
    out += digits.substr(point + 1);
  }
  return out;
}

std::string format_amount(const model::Decimal& value, std::string_view currency,
                          Language language) {
  const std::string number = format_number(value, language);
  if (currency.empty())
    return number;
  const std::string_view sign = sign_of(currency);
  if (language == Language::kFrench) {
    std::string out = number;
    out += kNoBreakSpace;
    out += sign.empty() ? currency : sign;
    return out;
  }
  if (sign.empty()) {
    std::string out(currency);
    out += kNoBreakSpace;
    out += number;
    return out;
  }
  // "-€3.00": the minus before the sign.
  const bool negative = !number.empty() && number.front() == '-';
  std::string out = negative ? "-" : "";
  out += sign;
  out.append(number, negative ? 1 : 0);
  return out;
}

}  // namespace einvoice::render
