#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace einvoice::model {

// A calendar date (proleptic Gregorian), always a valid day.
struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  // "YYYY-MM-DD" (UBL, xs:date without time zone) or "YYYYMMDD" (CII format
  // 102). Surrounding XML whitespace is ignored. nullopt for anything else,
  // including impossible days such as 2023-02-30.
  static std::optional<Date> parse_iso(std::string_view text);
  static std::optional<Date> parse_compact(std::string_view text);
  // An xs:date as XML Schema 1.0 defines it: "YYYY-MM-DD" optionally followed
  // by a time zone, "Z" or "+hh:mm"/"-hh:mm" (hh:mm at most 14:00). The
  // calendar date is kept as written and the zone is dropped: EN 16931 dates
  // are calendar days, and CII (format 102) has no place for a zone. Years
  // outside 0001..9999 and impossible days give nullopt.
  static std::optional<Date> parse_xs_date(std::string_view text);
  static bool is_valid(int year, int month, int day);

  std::string to_iso() const;      // "2024-03-01"
  std::string to_compact() const;  // "20240301"

  auto operator<=>(const Date&) const = default;
};

}  // namespace einvoice::model
