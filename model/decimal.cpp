#include "model/decimal.h"

#include <algorithm>
#include <array>
#include <iterator>

namespace einvoice::model {
namespace {

using i128 = Int128;
__extension__ using u128 = unsigned __int128;
using Wide = detail::Int256;

// ---------------------------------------------------------------------------
// 256-bit two's complement arithmetic, only as much as Decimal needs. Every
// value Decimal keeps has a magnitude below kLimit (10^75 < 2^250), so one
// addition of two such values or one multiplication by 10 cannot wrap.

Wide from_i128(i128 v) {
  return Wide{static_cast<u128>(v), v < 0 ? ~static_cast<u128>(0) : 0};
}

bool is_negative_wide(const Wide& w) {
  return (w.high >> 127) != 0;
}

Wide add_wide(const Wide& a, const Wide& b) {
  Wide r;
  r.low = a.low + b.low;
  r.high = a.high + b.high + (r.low < a.low ? 1 : 0);
  return r;
}

Wide negate_wide(const Wide& a) {
  Wide r;
  r.low = ~a.low + 1;
  r.high = ~a.high + (r.low == 0 ? 1 : 0);
  return r;
}

Wide abs_wide(const Wide& a) {
  return is_negative_wide(a) ? negate_wide(a) : a;
}

// Signed comparison: negative, zero or positive.
int compare_wide(const Wide& a, const Wide& b) {
  const auto ah = static_cast<i128>(a.high), bh = static_cast<i128>(b.high);
  if (ah != bh)
    return ah < bh ? -1 : 1;
  if (a.low != b.low)
    return a.low < b.low ? -1 : 1;
  return 0;
}

using Limbs = std::array<std::uint64_t, 4>;  // least significant first

Limbs limbs_of(const Wide& w) {
  return {static_cast<std::uint64_t>(w.low), static_cast<std::uint64_t>(w.low >> 64),
          static_cast<std::uint64_t>(w.high), static_cast<std::uint64_t>(w.high >> 64)};
}

Wide wide_of(const Limbs& l) {
  return Wide{(static_cast<u128>(l[1]) << 64) | l[0], (static_cast<u128>(l[3]) << 64) | l[2]};
}

// Product of two non-negative values; nullopt when it needs 256 bits or more
// (the sign bit included).
std::optional<Wide> multiply_magnitudes(const Wide& a, const Wide& b) {
  const Limbs x = limbs_of(a), y = limbs_of(b);
  std::array<std::uint64_t, 8> r{};
  for (std::size_t i = 0; i < 4; ++i) {
    u128 carry = 0;
    for (std::size_t j = 0; j < 4; ++j) {
      const u128 t = static_cast<u128>(x[i]) * y[j] + r[i + j] + carry;
      r[i + j] = static_cast<std::uint64_t>(t);
      carry = t >> 64;
    }
    r[i + 4] = static_cast<std::uint64_t>(carry);
  }
  if (r[4] != 0 || r[5] != 0 || r[6] != 0 || r[7] != 0 || (r[3] >> 63) != 0)
    return std::nullopt;
  return wide_of({r[0], r[1], r[2], r[3]});
}

// Divides the non-negative `value` by `divisor` in place; returns the remainder.
std::uint64_t divide_small(Wide& value, std::uint64_t divisor) {
  Limbs l = limbs_of(value);
  u128 remainder = 0;
  for (std::size_t i = 4; i-- > 0;) {
    const u128 current = (remainder << 64) | l[i];
    l[i] = static_cast<std::uint64_t>(current / divisor);
    remainder = current % divisor;
  }
  value = wide_of(l);
  return static_cast<std::uint64_t>(remainder);
}

Wide times_ten(const Wide& a) {
  // 10a = 8a + 2a; REQUIRES |a| < kLimit, so nothing wraps.
  Wide eight{a.low << 3, (a.high << 3) | (a.low >> 125)};
  Wide two{a.low << 1, (a.high << 1) | (a.low >> 127)};
  return add_wide(eight, two);
}

Wide pow10_wide(int n) {
  Wide result = from_i128(1);
  for (int i = 0; i < n; ++i)
    result = times_ten(result);
  return result;
}

// 10^kMaxResultDigits: every magnitude a Decimal holds stays strictly below it.
const Wide& limit() {
  static const Wide value = pow10_wide(Decimal::kMaxResultDigits);
  return value;
}

bool in_range(const Wide& v) {
  return compare_wide(abs_wide(v), limit()) < 0;
}

// Whether v can be multiplied by 10 and stay below the limit.
bool scalable(const Wide& v) {
  static const Wide bound = pow10_wide(Decimal::kMaxResultDigits - 1);
  return compare_wide(abs_wide(v), bound) < 0;
}

bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Brings both to the larger scale; false when that would pass the limit.
bool align(Wide& a, int& scale_a, Wide& b, int& scale_b) {
  while (scale_a < scale_b) {
    if (!scalable(a))
      return false;
    a = times_ten(a);
    ++scale_a;
  }
  while (scale_b < scale_a) {
    if (!scalable(b))
      return false;
    b = times_ten(b);
    ++scale_b;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Division of narrow values (divide() only).

// 10^kMaxDigits: the limit of divide()'s operands and quotient.
constexpr i128 narrow_limit() {
  i128 result = 1;
  for (int i = 0; i < Decimal::kMaxDigits; ++i)
    result *= 10;
  return result;
}
constexpr i128 kNarrowLimit = narrow_limit();

bool in_narrow_range(i128 v) {
  return v < kNarrowLimit && v > -kNarrowLimit;
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

Decimal Decimal::from_unscaled(Int128 unscaled, int scale) {
  return Decimal(from_i128(unscaled), scale);
}

std::optional<Int128> Decimal::narrow_unscaled() const {
  const auto high = static_cast<i128>(unscaled_.high);
  const auto low = static_cast<i128>(unscaled_.low);
  if ((high == 0 && low >= 0) || (high == -1 && low < 0))
    return low;
  return std::nullopt;
}

bool Decimal::is_negative() const {
  return is_negative_wide(unscaled_);
}

Decimal Decimal::negate() const {
  return Decimal(negate_wide(unscaled_), scale_);
}

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
  return from_unscaled(negative ? -unscaled : unscaled, scale);
}

std::string Decimal::to_string() const {
  Wide magnitude = abs_wide(unscaled_);
  // Digits least significant first; the usual magnitudes (below 2^64) are
  // divided as machine words, the wide path only beyond.
  char buffer[80];  // a 256-bit magnitude has at most 78 digits
  std::size_t count = 0;
  if (magnitude.high == 0 && magnitude.low <= UINT64_MAX) {
    auto word = static_cast<std::uint64_t>(magnitude.low);
    do {
      buffer[count++] = static_cast<char>('0' + word % 10);
      word /= 10;
    } while (word != 0);
  } else {
    do {
      buffer[count++] = static_cast<char>('0' + divide_small(magnitude, 10));
    } while (magnitude != Wide{} && count < sizeof buffer);
  }
  std::string digits(std::make_reverse_iterator(buffer + count),
                     std::make_reverse_iterator(buffer));
  if (static_cast<int>(digits.size()) <= scale_)
    digits.insert(0, static_cast<std::size_t>(scale_) + 1 - digits.size(), '0');
  std::string out;
  if (is_negative())
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
  Wide a = unscaled_, b = other.unscaled_;
  int sa = scale_, sb = other.scale_;
  if (!align(a, sa, b, sb)) {
    // Only possible when one magnitude is near the limit: signs decide, else
    // the one that could not be scaled up is the larger magnitude.
    const bool a_negative = is_negative_wide(a), b_negative = is_negative_wide(b);
    if (a_negative != b_negative)
      return a_negative ? std::strong_ordering::less : std::strong_ordering::greater;
    bool a_big = sa < sb;
    return (a_big != a_negative) ? std::strong_ordering::greater : std::strong_ordering::less;
  }
  const int order = compare_wide(a, b);
  return order < 0 ? std::strong_ordering::less
                   : (order > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
}

std::optional<Decimal> Decimal::add(const Decimal& other) const {
  Wide a = unscaled_, b = other.unscaled_;
  int sa = scale_, sb = other.scale_;
  if (!align(a, sa, b, sb))
    return std::nullopt;
  Wide sum = add_wide(a, b);
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
  auto product = multiply_magnitudes(abs_wide(unscaled_), abs_wide(other.unscaled_));
  if (!product || !in_range(*product))
    return std::nullopt;
  const bool negative = is_negative() != other.is_negative();
  return Decimal(negative ? negate_wide(*product) : *product, scale);
}

std::optional<Decimal> Decimal::divide(const Decimal& other, int scale) const {
  auto dividend = narrow_unscaled();
  auto divisor = other.narrow_unscaled();
  if (!dividend || !divisor || *divisor == 0 || scale < 0 || scale > kMaxScale ||
      !in_narrow_range(*dividend) || !in_narrow_range(*divisor))
    return std::nullopt;
  // result = (this.u / 10^this.s) / (other.u / 10^other.s), to `scale` digits:
  // numerator = this.u * 10^(scale + other.s - this.s).
  int shift = scale + other.scale_ - scale_;
  i128 numerator = *dividend;
  i128 denominator = *divisor;
  for (; shift > 0; --shift) {
    if (!in_narrow_range(numerator))
      return std::nullopt;
    numerator *= 10;
  }
  for (; shift < 0; ++shift) {
    if (!in_narrow_range(denominator))
      return std::nullopt;
    denominator *= 10;
  }
  if (!in_narrow_range(numerator) || !in_narrow_range(denominator))
    return std::nullopt;
  i128 q = divide_rounded(numerator, denominator, Rounding::kHalfAwayFromZero);
  if (!in_narrow_range(q))
    return std::nullopt;
  return from_unscaled(q, scale);
}

Decimal Decimal::rounded(int scale, Rounding mode) const {
  if (scale >= scale_) {
    Wide v = unscaled_;
    for (int s = scale_; s < scale; ++s) {
      if (!scalable(v))
        return *this;  // cannot pad further without overflow
      v = times_ten(v);
    }
    return Decimal(v, scale);
  }
  // Drop scale_ - scale digits of the magnitude, noting the first digit
  // dropped (the most significant) and whether any digit below it is not 0.
  const bool negative = is_negative();
  Wide magnitude = abs_wide(unscaled_);
  std::uint64_t first_dropped = 0;
  bool below = false;
  for (int s = scale; s < scale_; ++s) {
    below = below || first_dropped != 0;
    first_dropped = divide_small(magnitude, 10);
  }
  bool up = false;
  if (first_dropped > 5 || (first_dropped == 5 && below))
    up = true;
  else if (first_dropped == 5)  // exactly half
    up = mode == Rounding::kHalfAwayFromZero || !negative;
  if (up)
    magnitude = add_wide(magnitude, from_i128(1));
  return Decimal(negative ? negate_wide(magnitude) : magnitude, scale);
}

}  // namespace einvoice::model
