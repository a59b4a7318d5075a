#include "model/decimal.h"

#include <catch2/catch.hpp>
#include <compare>

using einvoice::model::Decimal;

namespace {
Decimal d(const char* text) {
  auto value = Decimal::parse(text);
  REQUIRE(value.has_value());
  return *value;
}
}  // namespace

TEST_CASE("Decimal keeps the number of decimals the sender wrote", "[decimal]") {
  CHECK(d("100.50").to_string() == "100.50");
  CHECK(d("100.5").to_string() == "100.5");
  CHECK(d("100").to_string() == "100");
  CHECK(d("0.000001").to_string() == "0.000001");
  CHECK(d("-12.30").to_string() == "-12.30");
  CHECK(d("+7.0").to_string() == "7.0");
  CHECK(d(".5").to_string() == "0.5");
  CHECK(d("5.").to_string() == "5");
  CHECK(d("  42.10\n").to_string() == "42.10");
  CHECK(d("007.25").to_string() == "7.25");
}

TEST_CASE("Decimal refuses what is not an xs:decimal", "[decimal]") {
  for (const char* bad :
       {"", " ", "12,50", "1e3", "NaN", "1.2.3", "--1", "+", ".", "1 000", "0x10", "12.5€", "١٢"}) {
    INFO(bad);
    CHECK_FALSE(Decimal::parse(bad).has_value());
  }
}

TEST_CASE("Decimal refuses more digits than it can hold exactly", "[decimal]") {
  CHECK(Decimal::parse(std::string(36, '9')).has_value());
  CHECK_FALSE(Decimal::parse(std::string(37, '9')).has_value());
  CHECK_FALSE(Decimal::parse("0." + std::string(19, '1')).has_value());
  CHECK(Decimal::parse("0." + std::string(18, '1')).has_value());
  // Leading zeros are not significant.
  CHECK(Decimal::parse(std::string(50, '0') + "1").has_value());
}

TEST_CASE("Decimal equality is exact, comparison is numeric", "[decimal]") {
  CHECK(d("1.50") != d("1.5"));
  CHECK(d("1.50").numerically_equal(d("1.5")));
  CHECK(std::is_lt(d("-0.01").compare(d("0"))));
  CHECK(std::is_gt(d("10").compare(d("9.999"))));
  CHECK(std::is_eq(d("-3.5").compare(d("-3.50"))));
}

TEST_CASE("Decimal arithmetic is exact", "[decimal]") {
  CHECK(d("0.1").add(d("0.2"))->to_string() == "0.3");
  CHECK(d("100.00").add(d("0.005"))->to_string() == "100.005");
  CHECK(d("100.00").subtract(d("100.01"))->to_string() == "-0.01");
  CHECK(d("19.99").multiply(d("3"))->to_string() == "59.97");
  CHECK(d("1.5").multiply(d("0.2"))->to_string() == "0.30");
  CHECK(d("10").divide(d("3"), 2)->to_string() == "3.33");
  CHECK(d("2").divide(d("3"), 2)->to_string() == "0.67");
  CHECK_FALSE(d("1").divide(d("0"), 2).has_value());
}

// Issue 12, defect 3: 10^35 plus 19.9 overflowed the 36 digits Decimal
// computed with, and the rules that needed the sum were dropped.
TEST_CASE("Decimal arithmetic is exact for every sum and product of parsed values", "[decimal]") {
  const std::string nines(36, '9');
  const Decimal max = d(nines.c_str());
  const Decimal tiny = d("0.000000000000000001");  // 18 fraction digits
  const Decimal ten_to_35 = d(("1" + std::string(35, '0')).c_str());

  CHECK(ten_to_35.add(d("19.9"))->to_string() == "1" + std::string(33, '0') + "19.9");
  CHECK(max.add(d("1"))->to_string() == "1" + std::string(36, '0'));
  // The widest alignment: 36 integer digits against 18 fraction digits.
  CHECK(max.add(tiny)->to_string() == nines + "." + std::string(17, '0') + "1");
  CHECK(max.negate().subtract(tiny)->to_string() == "-" + nines + "." + std::string(17, '0') + "1");
  // A million of the largest values, at the finest scale.
  std::optional<Decimal> total = Decimal();
  const Decimal widest = *max.add(tiny);
  for (int i = 0; i < 1000000 && total; ++i)
    total = total->add(widest);
  REQUIRE(total);
  CHECK(total->to_string() == "999999999999999999999999999999999999000000.000000000001000000");
  // Products of the largest values, every sign.
  const std::string square = std::string(35, '9') + "8" + std::string(35, '0') + "1";
  CHECK(max.multiply(max)->to_string() == square);
  CHECK(max.negate().multiply(max)->to_string() == "-" + square);
  CHECK(max.negate().multiply(max.negate())->to_string() == square);
  CHECK(max.multiply(Decimal::from_int(100))->to_string() == nines + "00");
  // Comparisons at the limits.
  CHECK(std::is_lt(max.negate().compare(max)));
  CHECK(std::is_gt(max.add(tiny)->compare(max)));
  CHECK(std::is_lt(max.negate().subtract(tiny)->compare(max.negate())));
  CHECK(max.add(tiny)->subtract(tiny)->numerically_equal(max));
  // Rounding of wide values, both signs and both modes.
  CHECK(max.add(d("0.5"))->rounded(0).to_string() == "1" + std::string(36, '0'));
  CHECK(max.negate().subtract(d("0.5"))->rounded(0).to_string() == "-1" + std::string(36, '0'));
  CHECK(max.negate().subtract(d("0.5"))->rounded(0, Decimal::Rounding::kHalfUp).to_string() ==
        "-" + nines);
  CHECK(max.add(tiny)->rounded(2).to_string() == nines + ".00");
  CHECK(d("-0.004").rounded(2).to_string() == "0.00");
  CHECK_FALSE(d("-0.004").rounded(2).is_negative());
}

TEST_CASE("Decimal reports overflow past its 75 digits instead of wrapping", "[decimal]") {
  const Decimal max = d(std::string(36, '9').c_str());
  const Decimal square = *max.multiply(max);                           // 72 digits
  CHECK(square.multiply(Decimal::from_int(100)).has_value());          // 74 digits
  CHECK_FALSE(square.multiply(Decimal::from_int(10000)).has_value());  // 76 digits
  CHECK_FALSE(square.multiply(max).has_value());
  CHECK_FALSE(square.multiply(square).has_value());
  CHECK_FALSE(square.negate().multiply(square).has_value());
  const Decimal near_limit = *square.multiply(Decimal::from_int(1000));  // 75 digits
  CHECK_FALSE(near_limit.add(near_limit).has_value());
  CHECK_FALSE(near_limit.negate().subtract(near_limit).has_value());
  CHECK(near_limit.subtract(near_limit)->is_zero());
  CHECK_FALSE(near_limit.add(d("0.1")).has_value());  // cannot align to one fraction digit
  CHECK(std::is_gt(near_limit.compare(d("0.1"))));
  CHECK(std::is_lt(near_limit.negate().compare(d("-0.1"))));
  CHECK(near_limit.rounded(2).numerically_equal(near_limit));  // too wide to pad: kept
  // divide() works on values of up to 36 digits.
  CHECK(max.divide(Decimal::from_int(9), 0)->to_string() == std::string(36, '1'));
  CHECK_FALSE(square.divide(Decimal::from_int(3), 0).has_value());
  CHECK_FALSE(max.divide(d("0.000000000000000001"), 18).has_value());
  CHECK_FALSE(d("1").divide(max, 18)->is_negative());
}

TEST_CASE("Decimal rounding modes", "[decimal]") {
  CHECK(d("2.345").rounded(2).to_string() == "2.35");
  CHECK(d("-2.345").rounded(2).to_string() == "-2.35");
  CHECK(d("-2.345").rounded(2, Decimal::Rounding::kHalfUp).to_string() == "-2.34");
  CHECK(d("2.344").rounded(2).to_string() == "2.34");
  CHECK(d("2.5").rounded(0).to_string() == "3");
  CHECK(d("7").rounded(2).to_string() == "7.00");
}
