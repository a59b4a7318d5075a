#include "model/decimal.h"

#include <algorithm>

namespace einvoice::model {
namespace {

using i128 = Int128;

constexpr i128 pow10(int n) {
  i128 result = 1;
  for (int i = 0; i < n; ++i)
    result *= 10;
  return result;
}

// 10^kMaxDigits: every accepted magnitude stays strictly below it, leaving
// head room in i128 (max ~1.7e38) for one more scaling step.
constexpr i128 kLimit = pow10(Decimal::kMaxDigits);

bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Brings both to the larger scale; false when that would pass the limit.
bool align(i128& a, int& scale_a, i128& b, int& scale_b) {
  while (scale_a < scale_b) {
    if (a >= kLimit || a <= -kLimit)
      return false;
    a *= 10;
    ++scale_a;
  }
  while (scale_b < scale_a) {
    if (b >= kLimit || b <= -kLimit)
      return false;
    b *= 10;
    ++scale_b;
  }
  return true;
}

bool in_range(i128 v) {
  return v < kLimit && v > -kLimit;
}

// Divides with rounding of the remainder.
i128 divide_rounded(i128 numerator, i128 denominator, Decimal::Rounding mode) {
  i128 quotient = numerator / denominator;
  i128 remainder = numerator % denominator;
  if (remainder == 0)
    return quotient;
  i128 twice = remainder < 0 ? -remainder * 2 : remainder * 2;
  i128 abs_den = denominator < 0 ? -denominator : denominator;
  bool negative = (numerator < 0) != (denominator < 0);
  if (twice > abs_den)
    return negative ? quotient - 1 : quotient + 1;
  if (twice < abs_den)
    return quotient;
  // Exactly half.
  if (mode == Decimal::Rounding::kHalfAwayFromZero)
    return negative ? quotient - 1 : quotient + 1;
  return negative ? quotient : quotient + 1;  // towards +infinity
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) {
  while (!text.empty() && is_xml_space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && is_xml_space(text.back()))
    text.remove_suffix(1);
  if (text.empty())
    return std::nullopt;
  bool negative = false;
  if (text.front() == '+' || text.front() == '-') {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  i128 unscaled = 0;
  int scale = 0;
  int significant = 0;
  bool seen_point = false;
  bool seen_digit = false;
  for (char c : text) {
    if (c == '.') {
      if (seen_point)
        return std::nullopt;
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9')
      return std::nullopt;
    seen_digit = true;
    if (seen_point) {
      if (++scale > kMaxScale)
        return std::nullopt;
    }
    if (unscaled != 0 || c != '0')
      ++significant;
    if (significant > kMaxDigits)
      return std::nullopt;
    unscaled = unscaled * 10 + (c - '0');
  }
  if (!seen_digit)
    return std::nullopt;
  return Decimal(negative ? -unscaled : unscaled, scale);
}

std::string Decimal::to_string() const {
  i128 magnitude = unscaled_ < 0 ? -unscaled_ : unscaled_;
  std::string digits;
  do {
    digits.push_back(static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  } while (magnitude != 0);
  while (static_cast<int>(digits.size()) <= scale_)
    digits.push_back('0');
  std::reverse(digits.begin(), digits.end());
  std::string out;
  if (unscaled_ < 0)
    out.push_back('-');
  std::size_t integer_digits = digits.size() - static_cast<std::size_t>(scale_);
  out.append(digits, 0, integer_digits);
  if (scale_ > 0) {
    out.push_back('.');
    out.append(digits, integer_digits, std::string::npos);
  }
  return out;
}

std::strong_ordering Decimal::compare(const Decimal& other) const {
  i128 a = unscaled_, b = other.unscaled_;
  int sa = scale_, sb = other.scale_;
  if (!align(a, sa, b, sb)) {
    // Only possible when one magnitude is near the limit: signs decide, else
    // the one that could not be scaled up is the larger magnitude.
    if ((a < 0) != (b < 0))
      return a < 0 ? std::strong_ordering::less : std::strong_ordering::greater;
    bool a_big = sa < sb;
    bool positive = a >= 0;
    return (a_big == positive) ? std::strong_ordering::greater : std::strong_ordering::less;
  }
  return a <=> b;
}

std::optional<Decimal> Decimal::add(const Decimal& other) const {
  i128 a = unscaled_, b = other.unscaled_;
  int sa = scale_, sb = other.scale_;
  if (!align(a, sa, b, sb))
    return std::nullopt;
  i128 sum = a + b;
  if (!in_range(sum))
    return std::nullopt;
  return Decimal(sum, sa);
}

std::optional<Decimal> Decimal::subtract(const Decimal& other) const {
  return add(other.negate());
}

std::optional<Decimal> Decimal::multiply(const Decimal& other) const {
  int scale = scale_ + other.scale_;
  if (scale > kMaxScale) {
    // Reduce to kMaxScale digits first; more precision is never needed for invoices.
    Decimal a = rounded(std::min(scale_, kMaxScale / 2));
    Decimal b = other.rounded(std::min(other.scale_, kMaxScale / 2));
    return a.multiply(b);
  }
  i128 a = unscaled_ < 0 ? -unscaled_ : unscaled_;
  i128 b = other.unscaled_ < 0 ? -other.unscaled_ : other.unscaled_;
  if (a != 0 && b > (kLimit - 1) / a)
    return std::nullopt;
  i128 product = unscaled_ * other.unscaled_;
  return Decimal(product, scale);
}

std::optional<Decimal> Decimal::divide(const Decimal& other, int scale) const {
  if (other.unscaled_ == 0 || scale < 0 || scale > kMaxScale)
    return std::nullopt;
  // result = (this.u / 10^this.s) / (other.u / 10^other.s), to `scale` digits:
  // numerator = this.u * 10^(scale + other.s - this.s).
  int shift = scale + other.scale_ - scale_;
  i128 numerator = unscaled_;
  i128 denominator = other.unscaled_;
  for (; shift > 0; --shift) {
    if (!in_range(numerator))
      return std::nullopt;
    numerator *= 10;
  }
  for (; shift < 0; ++shift)
    denominator *= 10;
  if (!in_range(denominator))
    return std::nullopt;
  i128 q = divide_rounded(numerator, denominator, Rounding::kHalfAwayFromZero);
  if (!in_range(q))
    return std::nullopt;
  return Decimal(q, scale);
}

Decimal Decimal::rounded(int scale, Rounding mode) const {
  if (scale >= scale_) {
    i128 v = unscaled_;
    for (int s = scale_; s < scale; ++s) {
      if (!in_range(v))
        return *this;  // cannot pad further without overflow
      v *= 10;
    }
    return Decimal(v, scale);
  }
  return Decimal(divide_rounded(unscaled_, pow10(scale_ - scale), mode), scale);
}

}  // namespace einvoice::model
