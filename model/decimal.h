#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace einvoice::model {

// 128-bit integer (GCC/Clang extension), the widest value from_unscaled takes.
__extension__ using Int128 = __int128;

namespace detail {
// A Decimal's unscaled value: a 256-bit two's complement integer (low and high
// 128 bits). Only Decimal computes with it (model/decimal.cpp).
struct Int256 {
  __extension__ unsigned __int128 low = 0;
  __extension__ unsigned __int128 high = 0;
  bool operator==(const Int256&) const = default;
};
}  // namespace detail

// An exact decimal number: amounts, quantities, prices, rates. Never a double.
//
// The value is unscaled * 10^-scale. The scale is the number of fraction
// digits the sender wrote, kept so that "100.50" is written back as "100.50"
// and "100.5" as "100.5". Equality (==) is exact: same value *and* same scale;
// use compare() or numerically_equal() to compare numbers.
//
// Limits: parse() accepts at most kMaxDigits significant digits and kMaxScale
// fraction digits. Arithmetic is exact on values of up to kMaxResultDigits
// digits (unscaled), so that no sum or product the rules compute on parsed
// values can overflow: two parsed values aligned to a common scale have at
// most kMaxDigits + kMaxScale = 54 digits, a sum of up to 10^20 of them (more
// than any document within the readers' size limits holds) at most 74, the
// product of two parsed values at most 72. Past kMaxResultDigits, arithmetic
// reports overflow as nullopt; callers report that, never drop it.
class Decimal {
 public:
  static constexpr int kMaxDigits = 36;
  static constexpr int kMaxScale = 18;
  static constexpr int kMaxResultDigits = 75;

  Decimal() = default;

  // Parses the xs:decimal lexical form: optional sign, digits, optional '.'
  // and digits. Leading/trailing XML whitespace is ignored. Returns nullopt for
  // anything else ("12,50", "1e3", "", "NaN") or past the limits.
  static std::optional<Decimal> parse(std::string_view text);
  static Decimal from_int(std::int64_t value) { return from_unscaled(value, 0); }
  // REQUIRES: 0 <= scale <= kMaxScale.
  static Decimal from_unscaled(Int128 unscaled, int scale);

  // Canonical xs:decimal text with exactly scale() fraction digits.
  std::string to_string() const;

  int scale() const { return scale_; }
  // The unscaled value when it fits in 128 bits (always for parsed values).
  std::optional<Int128> narrow_unscaled() const;
  bool is_zero() const { return unscaled_ == detail::Int256{}; }
  bool is_negative() const;

  // Numeric comparison, independent of scale: 1.50 and 1.5 compare equal.
  std::strong_ordering compare(const Decimal& other) const;
  bool numerically_equal(const Decimal& other) const { return compare(other) == 0; }

  // Exact arithmetic; nullopt on overflow. The result scale of + and - is the
  // larger scale, of * the sum of scales (nullopt past kMaxScale digits).
  std::optional<Decimal> add(const Decimal& other) const;
  std::optional<Decimal> subtract(const Decimal& other) const;
  std::optional<Decimal> multiply(const Decimal& other) const;
  // this / other rounded half away from zero to `scale` fraction digits;
  // nullopt when other is zero or on overflow (operands and quotient are
  // limited to kMaxDigits digits here).
  std::optional<Decimal> divide(const Decimal& other, int scale) const;
  Decimal negate() const;
  Decimal abs() const { return is_negative() ? negate() : *this; }

  enum class Rounding { kHalfAwayFromZero, kHalfUp /* towards +infinity, as XPath round() */ };
  // Rounds (or pads) to exactly `scale` fraction digits; a value too large to
  // pad keeps its scale (and value). REQUIRES: 0 <= scale <= kMaxScale.
  Decimal rounded(int scale, Rounding mode = Rounding::kHalfAwayFromZero) const;

  bool operator==(const Decimal&) const = default;

 private:
  Decimal(detail::Int256 unscaled, int scale) : unscaled_(unscaled), scale_(scale) {}

  detail::Int256 unscaled_;
  int scale_ = 0;
};

}  // namespace einvoice::model
