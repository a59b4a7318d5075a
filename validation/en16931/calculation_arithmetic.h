#pragma once

// Internal to the BR-CO family (validation/en16931/calculation_*): the
// arithmetic of the calculation rules exactly as the official artefacts
// (validation-1.3.16) compute it, on values already taken from a document or
// from the model. Pure functions, no I/O, nothing that throws.
//
// The two syntaxes' artefacts do not compute alike:
//  - The UBL artefact casts every amount to xs:decimal: sums are exact and
//    "round(x * 10 * 10) div 100" rounds exactly to cents, halves towards
//    positive infinity (XPath round()).
//  - The CII artefact sums untyped nodes with fn:sum in BR-CO-10, BR-CO-11,
//    BR-CO-12 and BR-CO-14, which XPath defines in xs:double; BR-CO-11, 12 and
//    14 then also round and compare in xs:double, and BR-CO-10 converts the
//    double sum to xs:decimal (exactly: Saxon keeps every binary digit) before
//    rounding. A few rounding cases (e.g. lines summing to 1.005) therefore
//    have a different verdict in CII than in UBL. XPathDouble below
//    reproduces that arithmetic; its doubles never leave this header (the
//    results are booleans), so money stays in model::Decimal everywhere else.
//  - BR-CO-17's tolerance is strict (< 1) in UBL and inclusive (<= 1) in CII.
//  - BR-CO-13 and BR-CO-16 branch on which optional totals are present, and
//    do so differently per syntax.

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "model/decimal.h"

namespace einvoice::validation::calculation {

using model::Decimal;

// Which artefact's arithmetic to follow.
enum class Flavour { kCii, kUbl };

// One amount as a rule sees it: whether the element (or model term) is there
// and, if so, its value when it can be read. A present but unreadable amount
// makes the official XSLT stop with an error; rules that need it then do not
// evaluate (the reader reports the unreadable number).
struct Term {
  bool present = false;
  std::optional<Decimal> value;
  // Written as a negative zero ("-0.00"): its xs:double is -0.0 (a Decimal
  // has no sign for zero), which the CII artefact's double arithmetic keeps.
  bool negative_zero = false;

  static Term of(const std::optional<Decimal>& amount) { return Term{amount.has_value(), amount}; }
  bool unreadable() const { return present && !value; }
};

// The result of one rule: nullopt when it cannot be evaluated (an unreadable
// input, which its reader reports).
//
// kOverflowFails: a rule whose arithmetic overflows fails (false), so that an
// overflow never removes a finding. Decimal computes exactly on 75 digits,
// which no sum or product of amounts the readers accept reaches (see
// model/decimal.h); only values computed elsewhere could.
using Verdict = std::optional<bool>;

inline const Decimal& hundred() {
  static const Decimal value = Decimal::from_int(100);
  return value;
}

// XPath round() to cents: round(x * 100) div 100, halves towards +infinity.
inline Decimal round_cents(const Decimal& x) {
  return x.rounded(2, Decimal::Rounding::kHalfUp);
}

// XPath round() to an integer, halves towards +infinity.
inline Decimal round_integer(const Decimal& x) {
  return x.rounded(0, Decimal::Rounding::kHalfUp);
}

// Exact sum; nullopt on overflow (the caller's rule then fails).
inline std::optional<Decimal> exact_sum(std::span<const Decimal> values) {
  Decimal total;
  for (const Decimal& v : values) {
    auto next = total.add(v);
    if (!next)
      return std::nullopt;
    total = *next;
  }
  return total;
}

// a + b and a - b where a missing operand is zero; nullopt on overflow.
inline std::optional<Decimal> plus(const std::optional<Decimal>& a, const Decimal& b) {
  return a ? a->add(b) : std::optional<Decimal>(b);
}

// ---------------------------------------------------------------------------
// xs:double arithmetic of the CII artefact (see the header comment).
namespace xpath_double {

// Signed zeros: the official validator keeps the sign of an xs:double zero
// through its arithmetic and tells -0.0 from 0.0 in "=" (as Java's
// Double.equals): the CII artefact reports BR-O-09 ("CalculatedAmount = 0")
// on a CalculatedAmount of -0.00, and BR-CO-14 when the VAT category tax
// amounts sum to -0.0 against a BT-110 of 0.00.

// The xs:double an untyped node's text becomes (correctly rounded, as Java's
// Double.parseDouble), in the classic locale.
inline double from_decimal(const Decimal& value) {
  const std::string text = value.to_string();
  double out = 0.0;
  std::from_chars(text.data(), text.data() + text.size(), out);
  return out;
}

// The same for a value whose text was a negative zero when `negative_zero`.
inline double from_decimal(const Decimal& value, bool negative_zero) {
  return negative_zero ? -0.0 : from_decimal(value);
}

// The xs:double of a readable term (see Term::negative_zero).
inline double from_term(const Term& term) {
  return from_decimal(*term.value, term.negative_zero);
}

// "=" on two xs:doubles as the official validator decides it (no NaN here):
// equal values with the same sign (0.0 and -0.0 differ).
inline bool equal(double a, double b) {
  return a == b && std::signbit(a) == std::signbit(b);
}

// fn:sum over untyped nodes: each cast to xs:double, the first taken as it
// is and the others added in order (so sum(-0.0) is -0.0); the sum of
// nothing is the integer 0. `negative_zeros`, when given, flags the values
// written as a negative zero (one flag per value).
inline double sum(std::span<const Decimal> values, std::span<const char> negative_zeros = {}) {
  double total = 0.0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double value = from_decimal(values[i], i < negative_zeros.size() && negative_zeros[i]);
    total = i == 0 ? value : total + value;
  }
  return total;
}

// fn:round on an xs:double: the nearest integer, halves towards +infinity;
// a zero keeps its sign and a value in [-0.5, 0) rounds to -0.0 (XPath F&O).
// (x - floor(x) is exact for every double.)
inline double round(double x) {
  if (!std::isfinite(x) || x == 0.0)
    return x;
  if (x < 0.0 && x >= -0.5)
    return -0.0;
  const double floor = std::floor(x);
  return x - floor >= 0.5 ? floor + 1.0 : floor;
}

// round(sum * 10 * 10) div 100, every step in xs:double.
inline double round_cents(double sum) {
  return round(sum * 10.0 * 10.0) / 100.0;
}

// round(xs:decimal(value) * 100) as an integer Decimal: the double's exact
// binary value times 100, rounded half towards +infinity. nullopt for
// infinities and magnitudes past Decimal's arithmetic (beyond 10^75, far
// beyond any amount a reader accepts).
inline std::optional<Decimal> exact_cents(double value) {
  if (!std::isfinite(value))
    return std::nullopt;
  if (value == 0.0)
    return Decimal::from_int(0);
  int exponent = 0;
  const double fraction = std::frexp(value, &exponent);  // value = fraction * 2^exponent
  // value = mantissa * 2^shift exactly, |mantissa| < 2^53.
  const auto mantissa = static_cast<std::int64_t>(std::ldexp(fraction, 53));
  const int shift = exponent - 53;
  const model::Int128 scaled = static_cast<model::Int128>(mantissa) * 100;  // |scaled| < 2^60
  if (shift >= 0) {
    std::optional<Decimal> cents = Decimal::from_unscaled(scaled, 0);
    for (int left = shift; cents && left > 0; left -= 64) {
      const int step = left < 64 ? left : 64;
      cents = cents->multiply(Decimal::from_unscaled(static_cast<model::Int128>(1) << step, 0));
    }
    return cents;
  }
  const int down = -shift;
  if (down > 120)  // |value * 100| < 2^-60: rounds to zero
    return Decimal::from_int(0);
  const model::Int128 unit = static_cast<model::Int128>(1) << down;
  model::Int128 quotient = scaled / unit;
  model::Int128 remainder = scaled % unit;
  if (remainder < 0) {  // floor division
    remainder += unit;
    quotient -= 1;
  }
  if (remainder * 2 >= unit)
    quotient += 1;
  return Decimal::from_unscaled(quotient, 0);
}

}  // namespace xpath_double

// ---------------------------------------------------------------------------
// The rules. Each returns true when the rule holds, false when it fails and
// nullopt when an input is unreadable (or a sum overflows).

// BR-CO-10: BT-106 against the line net amounts (BT-131) present.
inline Verdict line_total_holds(Flavour flavour, const Term& line_total,
                                std::span<const Decimal> line_amounts) {
  if (line_total.unreadable())
    return std::nullopt;
  if (flavour == Flavour::kCii) {
    auto cents = xpath_double::exact_cents(xpath_double::sum(line_amounts));
    if (!line_total.value)
      return false;
    if (!cents)  // a sum beyond 10^73 (or infinite) equals no amount a reader accepts
      return false;
    auto total_cents = line_total.value->multiply(hundred());
    return total_cents && total_cents->numerically_equal(*cents);
  }
  auto sum = exact_sum(line_amounts);
  if (!sum)
    return false;  // overflow: see kOverflowFails
  return line_total.value && line_total.value->numerically_equal(round_cents(*sum));
}

// BR-CO-11 / BR-CO-12: BT-107 (BT-108) against the document level allowance
// (charge) amounts. `count` is the number of allowances (charges), with or
// without an amount; `amounts` the amounts present.
// `negative_zeros` flags the amounts written as a negative zero (CII).
inline Verdict allowance_total_holds(Flavour flavour, const Term& total, std::size_t count,
                                     std::span<const Decimal> amounts,
                                     std::span<const char> negative_zeros = {}) {
  if (total.unreadable())
    return std::nullopt;
  if (!total.present)
    return count == 0;
  if (flavour == Flavour::kCii) {
    return xpath_double::equal(
        xpath_double::from_term(total),
        xpath_double::round_cents(xpath_double::sum(amounts, negative_zeros)));
  }
  auto sum = exact_sum(amounts);
  if (!sum)
    return false;  // overflow: see kOverflowFails
  return total.value->numerically_equal(round_cents(*sum));
}

// BR-CO-13: BT-109 = BT-106 - BT-107 + BT-108.
inline Verdict total_without_vat_holds(Flavour flavour, const Term& without_vat,
                                       const Term& line_total, const Term& allowances,
                                       const Term& charges) {
  if (without_vat.unreadable() || line_total.unreadable() || allowances.unreadable() ||
      charges.unreadable())
    return std::nullopt;
  if (!without_vat.value || !line_total.value)
    return false;
  // UBL compares unrounded when there are neither allowances nor charges.
  if (flavour == Flavour::kUbl && !allowances.present && !charges.present)
    return without_vat.value->numerically_equal(*line_total.value);
  std::optional<Decimal> expected = *line_total.value;
  if (allowances.value)
    expected = expected->subtract(*allowances.value);
  if (expected && charges.value)
    expected = expected->add(*charges.value);
  if (!expected)
    return false;  // overflow: see kOverflowFails
  return without_vat.value->numerically_equal(round_cents(*expected));
}

// BR-CO-14: BT-110 against the VAT category tax amounts (BT-117) present.
// UBL: `has_breakdown` false means the TaxTotal has no TaxSubtotal (holds).
// `negative_zeros` flags the amounts written as a negative zero (CII).
inline Verdict vat_total_holds(Flavour flavour, const Term& vat_total, bool has_breakdown,
                               std::span<const Decimal> category_amounts,
                               std::span<const char> negative_zeros = {}) {
  if (vat_total.unreadable())
    return std::nullopt;
  if (flavour == Flavour::kCii) {
    if (!vat_total.value)
      return std::nullopt;  // the CII context is the BT-110 element itself
    return xpath_double::equal(
        xpath_double::from_term(vat_total),
        xpath_double::round_cents(xpath_double::sum(category_amounts, negative_zeros)));
  }
  if (!has_breakdown)
    return true;
  auto sum = exact_sum(category_amounts);
  if (!sum)
    return false;  // overflow: see kOverflowFails
  return vat_total.value && vat_total.value->numerically_equal(round_cents(*sum));
}

// BR-CO-15: BT-112 = BT-109 + BT-110, for one invoice currency.
// `vat_totals_in_currency` counts the BT-110 amounts in that currency and
// `vat_total` is the first of them.
inline Verdict total_with_vat_holds(Flavour flavour, const Term& with_vat, const Term& without_vat,
                                    std::size_t vat_totals_in_currency, const Term& vat_total) {
  if (with_vat.unreadable() || without_vat.unreadable() || vat_total.unreadable())
    return std::nullopt;
  bool sum_matches = false;
  if (vat_totals_in_currency == 1 && with_vat.value && without_vat.value && vat_total.value) {
    auto sum = without_vat.value->add(*vat_total.value);
    if (!sum)
      return false;  // overflow: see kOverflowFails
    sum_matches = with_vat.value->numerically_equal(round_cents(*sum));
  }
  if (flavour == Flavour::kCii && !sum_matches && with_vat.value && without_vat.value)
    return with_vat.value->numerically_equal(*without_vat.value);
  return sum_matches;
}

// BR-CO-16: BT-115 = BT-112 - BT-113 + BT-114.
inline Verdict amount_due_holds(Flavour flavour, const Term& due, const Term& with_vat,
                                const Term& paid, const Term& rounding) {
  if (due.unreadable() || with_vat.unreadable() || paid.unreadable() || rounding.unreadable())
    return std::nullopt;
  if (!due.value || !with_vat.value)
    return false;
  if (flavour == Flavour::kCii) {
    std::optional<Decimal> expected = *with_vat.value;
    if (paid.value)
      expected = expected->subtract(*paid.value);
    if (expected && rounding.value)
      expected = expected->add(*rounding.value);
    if (!expected)
      return false;  // overflow: see kOverflowFails
    return due.value->numerically_equal(*expected);
  }
  // UBL: round((BT-115 - BT-114) * 100) div 100 against round((BT-112 - BT-113) * 100) div 100,
  // each side rounded only when its subtraction is there.
  std::optional<Decimal> left = *due.value;
  if (rounding.value) {
    left = due.value->subtract(*rounding.value);
    if (left)
      left = round_cents(*left);
  }
  std::optional<Decimal> right = *with_vat.value;
  if (paid.value) {
    right = with_vat.value->subtract(*paid.value);
    if (right)
      right = round_cents(*right);
  }
  if (!left || !right)
    return false;  // overflow: see kOverflowFails
  return left->numerically_equal(*right);
}

// BR-CO-17: BT-117 = BT-116 x BT-119 / 100 within one unit. `rate` is absent
// when the breakdown has no VAT rate (or its tax scheme is not VAT).
inline Verdict category_tax_holds(Flavour flavour, const Term& tax, const Term& taxable,
                                  const Term& rate) {
  if (tax.unreadable() || taxable.unreadable() || rate.unreadable())
    return std::nullopt;
  if (!rate.value || round_integer(*rate.value).is_zero()) {
    // Without a rate, or with one that rounds to 0, the tax amount shall round to 0.
    return tax.value && round_integer(*tax.value).is_zero();
  }
  if (!tax.value || !taxable.value)
    return false;
  // round(abs(BT-116) * (BT-119 div 100) * 10 * 10) is round(abs(BT-116) * BT-119).
  auto product = taxable.value->abs().multiply(*rate.value);
  auto tax_cents = tax.value->abs().multiply(hundred());
  if (!product || !tax_cents)
    return false;  // overflow: see kOverflowFails
  auto difference = tax_cents->subtract(round_integer(*product));
  if (!difference)
    return false;  // overflow: see kOverflowFails
  const auto distance = difference->abs().compare(hundred());
  return flavour == Flavour::kCii ? distance <= 0 : distance < 0;
}

// ---------------------------------------------------------------------------
// BR-CO-09: the country prefix of a VAT identifier, with each artefact's list
// and test (the lists differ: UBL has SS, CII has AN).

inline constexpr std::string_view kUblCountryPrefixes =
    " 1A AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ "
    "BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO "
    "DZ EC EE EG EH EL ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT "
    "GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR "
    "KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT "
    "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT "
    "PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD "
    "TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XI YE "
    "YT ZA ZM ZW ";

inline constexpr std::string_view kCiiCountryPrefixes =
    " 1A AD AE AF AG AI AL AM AN AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BL BJ BM BN BO "
    "BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM "
    "DO DZ EC EE EG EH EL ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS "
    "GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP "
    "KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS "
    "MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS "
    "PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR ST SV SX SY SZ TC TD "
    "TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XI YE "
    "YT ZA ZM ZW ";

// substring(text, 1, 2): the first two characters (code points) of UTF-8 text.
inline std::string_view first_two_characters(std::string_view text) {
  std::size_t end = 0;
  for (int characters = 0; characters < 2 && end < text.size(); ++characters) {
    ++end;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
      ++end;
  }
  return text.substr(0, end);
}

// UBL: contains(list, substring(CompanyID, 1, 2)); an absent CompanyID is ''.
// CII: contains(list, concat(' ', substring(., 1, 2), ' ')).
inline bool country_prefix_holds(Flavour flavour, std::string_view vat_identifier) {
  const std::string_view prefix = first_two_characters(vat_identifier);
  if (flavour == Flavour::kUbl)
    return kUblCountryPrefixes.find(prefix) != std::string_view::npos;
  std::string token;
  token.reserve(prefix.size() + 2);
  token.append(" ").append(prefix).append(" ");
  return kCiiCountryPrefixes.find(token) != std::string_view::npos;
}

}  // namespace einvoice::validation::calculation
