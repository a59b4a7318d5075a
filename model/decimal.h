#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace einvoice::model {

// 128-bit integer holding a Decimal's unscaled value (GCC/Clang extension).
__extension__ using Int128 = __int128;

// An exact decimal number: amounts, quantities, prices, rates. Never a double.
//
// The value is unscaled * 10^-scale. The scale is the number of fraction
// digits the sender wrote, kept so that "100.50" is written back as "100.50"
// and "100.5" as "100.5". Equality (==) is exact: same value *and* same scale;
// use compare() or numerically_equal() to compare numbers.
//
// Limits: at most kMaxDigits significant digits in total and kMaxScale fraction
// digits; parse() refuses more, arithmetic reports overflow as nullopt.
class Decimal {
 public:
  static constexpr int kMaxDigits = 36;
  static constexpr int kMaxScale = 18;

  Decimal() = default;

  // Parses the xs:decimal lexical form: optional sign, digits, optional '.'
  // and digits. Leading/trailing XML whitespace is ignored. Returns nullopt for
  // anything else ("12,50", "1e3", "", "NaN") or past the limits.
  static std::optional<Decimal> parse(std::string_view text);
  static Decimal from_int(std::int64_t value) { return Decimal(value, 0); }
  // REQUIRES: 0 <= scale <= kMaxScale.
  static Decimal from_unscaled(Int128 unscaled, int scale) { return Decimal(unscaled, scale); }

  // Canonical xs:decimal text with exactly scale() fraction digits.
  std::string to_string() const;

  int scale() const { return scale_; }
  Int128 unscaled() const { return unscaled_; }
  bool is_zero() const { return unscaled_ == 0; }
  bool is_negative() const { return unscaled_ < 0; }

  // Numeric comparison, independent of scale: 1.50 and 1.5 compare equal.
  std::strong_ordering compare(const Decimal& other) const;
  bool numerically_equal(const Decimal& other) const { return compare(other) == 0; }

  // Exact arithmetic; nullopt on overflow. The result scale of + and - is the
  // larger scale, of * the sum of scales (nullopt past kMaxScale digits).
  std::optional<Decimal> add(const Decimal& other) const;
  std::optional<Decimal> subtract(const Decimal& other) const;
  std::optional<Decimal> multiply(const Decimal& other) const;
  // this / other rounded half away from zero to `scale` fraction digits;
  // nullopt when other is zero or on overflow.
  std::optional<Decimal> divide(const Decimal& other, int scale) const;
  Decimal negate() const { return Decimal(-unscaled_, scale_); }
  Decimal abs() const { return unscaled_ < 0 ? negate() : *this; }

  enum class Rounding { kHalfAwayFromZero, kHalfUp /* towards +infinity, as XPath round() */ };
  // Rounds (or pads) to exactly `scale` fraction digits. REQUIRES: 0 <= scale <= kMaxScale.
  Decimal rounded(int scale, Rounding mode = Rounding::kHalfAwayFromZero) const;

  bool operator==(const Decimal&) const = default;

 private:
  Decimal(Int128 unscaled, int scale) : unscaled_(unscaled), scale_(scale) {}

  Int128 unscaled_ = 0;
  int scale_ = 0;
};

}  // namespace einvoice::model
