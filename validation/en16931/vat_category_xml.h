#pragma once

// Internal to the VAT category family: how the official artefacts compare the
// values these rules read (untyped nodes against numbers become xs:double,
// xs:decimal casts stay exact). Doubles never leave this header: every
// function returns a boolean or nullopt (an unreadable number, which would
// stop the official XSLT).

#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "formats/xml/xml_document.h"
#include "model/decimal.h"
#include "validation/en16931/calculation_arithmetic.h"
#include "validation/en16931/calculation_xml.h"

namespace einvoice::validation::vat_category {

using model::Decimal;
using xml::XmlElement;

// normalize-space(text) = code, for a code without spaces.
inline bool code_is(std::string_view text, std::string_view code) {
  return xml::trim_xml_space(text) == code;
}

inline bool element_code_is(XmlElement e, std::string_view code) {
  if (!e)
    return false;
  const std::string text = e.text();
  return code_is(text, code);
}

// The xs:double an untyped node becomes when compared with a number; nullopt
// when the text is not a number (the official run would stop).
// A text written "-0.00" becomes -0.0 (see calculation::xpath_double).
inline std::optional<double> untyped_double(XmlElement e) {
  if (!e)
    return std::nullopt;
  const std::string text = e.text();
  auto value = Decimal::parse(text);
  if (!value)
    return std::nullopt;
  return calculation::xpath_double::from_decimal(*value,
                                                 calculation::is_negative_zero(value, text));
}

// "=" on two xs:doubles as the official validator decides it (-0.0 != 0.0).
inline bool double_equal(double a, double b) {
  return calculation::xpath_double::equal(a, b);
}

// The sign of an untyped number compared with 0 (in xs:double), as the
// official validator orders doubles: a written negative zero ("-0.00") sorts
// below 0 and is not equal to it (the CII artefact reports BR-O-09 on a
// ram:CalculatedAmount of -0.00). `value` is the parsed `text`.
inline int untyped_sign(const Decimal& value, std::string_view text) {
  const auto order = value.compare(Decimal());
  if (order != 0)
    return order < 0 ? -1 : 1;
  const std::string_view trimmed = xml::trim_xml_space(text);
  return !trimmed.empty() && trimmed.front() == '-' ? -1 : 0;
}

inline double to_double(const Decimal& d) {
  return calculation::xpath_double::from_decimal(d);
}

// Exact comparison of a double with a Decimal: negative, zero or positive as
// x <, =, > d. Falls back to comparing in double for magnitudes no invoice has.
inline int compare_exact(double x, const Decimal& d) {
  const double dd = to_double(d);
  if (!std::isfinite(x))
    return x < 0 ? -1 : 1;
  if (x != dd)
    return x < dd ? -1 : 1;
  // x and d round to the same double: decide exactly.
  if (x == 0.0)
    return d.is_zero() ? 0 : (d.is_negative() ? 1 : -1);
  int exponent = 0;
  const double fraction = std::frexp(x, &exponent);
  const auto mantissa = static_cast<long long>(std::ldexp(fraction, 53));
  const int shift = exponent - 53;  // x = mantissa * 2^shift
  model::Int128 power = 1;
  for (int i = 0; i < d.scale(); ++i)
    power *= 10;
  // Compare mantissa * 2^shift * 10^scale with unscaled.
  model::Int128 left = static_cast<model::Int128>(mantissa) * power;  // < 2^113
  const auto narrow = d.narrow_unscaled();
  if (!narrow)
    return 0;
  model::Int128 right = *narrow;
  if (shift >= 0) {
    if (shift > 10)
      return 0;
    left *= static_cast<model::Int128>(1) << shift;
  } else {
    const int down = -shift;
    // right * 2^down must fit: |right| < 2^(126 - down).
    if (down > 120)
      return 0;
    const model::Int128 limit = static_cast<model::Int128>(1) << (126 - down);
    if (right >= limit || right <= -limit)
      return 0;
    right *= static_cast<model::Int128>(1) << down;
  }
  return left < right ? -1 : (left > right ? 1 : 0);
}

// round(x * 10 * 10) div 100 on an xs:decimal: to cents, halves up.
inline Decimal round_cents(const Decimal& x) {
  return calculation::round_cents(x);
}

// Exact sum of Decimals kept in `total`; false on overflow, which no sum of
// amounts a reader accepts reaches (model/decimal.h: 75 exact digits).
inline bool accumulate(std::optional<Decimal>& total, const Decimal& value) {
  if (!total)
    return false;
  total = total->add(value);
  return total.has_value();
}

}  // namespace einvoice::validation::vat_category
