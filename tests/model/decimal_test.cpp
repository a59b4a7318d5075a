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
  auto huge = d(std::string(36, '9').c_str());
  CHECK_FALSE(huge.add(d("1")).has_value());
  CHECK_FALSE(huge.multiply(d("10")).has_value());
}

TEST_CASE("Decimal rounding modes", "[decimal]") {
  CHECK(d("2.345").rounded(2).to_string() == "2.35");
  CHECK(d("-2.345").rounded(2).to_string() == "-2.35");
  CHECK(d("-2.345").rounded(2, Decimal::Rounding::kHalfUp).to_string() == "-2.34");
  CHECK(d("2.344").rounded(2).to_string() == "2.34");
  CHECK(d("2.5").rounded(0).to_string() == "3");
  CHECK(d("7").rounded(2).to_string() == "7.00");
}
