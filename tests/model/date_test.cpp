#include "model/date.h"

#include <catch2/catch.hpp>

using einvoice::model::Date;

TEST_CASE("Dates parse in both syntaxes' forms", "[date]") {
  auto iso = Date::parse_iso("2024-02-29");
  REQUIRE(iso);
  CHECK(iso->to_compact() == "20240229");
  auto compact = Date::parse_compact("20240229");
  REQUIRE(compact);
  CHECK(*compact == *iso);
  CHECK(compact->to_iso() == "2024-02-29");
  CHECK(Date::parse_iso(" 2024-01-01 ").has_value());
}

TEST_CASE("Impossible or malformed dates are refused", "[date]") {
  for (const char* bad : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "24-01-01",
                          "2024/01/01", "2024-1-1", "", "2024-01-01Z", "2024-01-01T10:00:00"}) {
    INFO(bad);
    CHECK_FALSE(Date::parse_iso(bad).has_value());
  }
  for (const char* bad : {"20230229", "2024011", "202401011", "2024-01-01", "abcdefgh"}) {
    INFO(bad);
    CHECK_FALSE(Date::parse_compact(bad).has_value());
  }
  CHECK(Date::parse_compact("21000228").has_value());
  CHECK_FALSE(Date::parse_compact("21000229").has_value());  // 2100 is not a leap year
  CHECK(Date::parse_compact("20000229").has_value());        // 2000 is
}

TEST_CASE("Dates order chronologically", "[date]") {
  CHECK(*Date::parse_iso("2024-01-31") < *Date::parse_iso("2024-02-01"));
  CHECK(*Date::parse_iso("2023-12-31") < *Date::parse_iso("2024-01-01"));
}

// Issue 13: a UBL date with a time zone is a valid xs:date; the calendar date
// is kept as written and the zone dropped.
TEST_CASE("xs:date with a time zone keeps its calendar date", "[date]") {
  for (const char* text :
       {"2016-04-04+01:00", "2016-04-04Z", "2016-04-04-05:30", "2016-04-04+14:00",
        "2016-04-04-14:00", " 2016-04-04+00:00\n", "2016-04-04"}) {
    INFO(text);
    auto date = Date::parse_xs_date(text);
    REQUIRE(date);
    CHECK(*date == Date{2016, 4, 4});
  }
  for (const char* bad : {"2016-04-04+15:00", "2016-04-04+14:30", "2016-04-04+01:60",
                          "2016-04-04+0100", "2016-04-04 +01:00", "2016-04-04z", "2016-04-04+1:00",
                          "2016-04-04T00:00:00", "2016-04-31+01:00", "2016-04-04++1:00"}) {
    INFO(bad);
    CHECK_FALSE(Date::parse_xs_date(bad).has_value());
  }
}
