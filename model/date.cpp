#include "model/date.h"

#include <cstdio>

namespace einvoice::model {
namespace {

std::string_view trim(std::string_view text) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && space(text.back()))
    text.remove_suffix(1);
  return text;
}

// Reads exactly `count` ASCII digits at `pos`; -1 if any is not a digit.
int digits(std::string_view text, std::size_t pos, std::size_t count) {
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    char c = text[i];
    if (c < '0' || c > '9')
      return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<Date> make(int year, int month, int day) {
  if (year < 0 || !Date::is_valid(year, month, day))
    return std::nullopt;
  return Date{year, month, day};
}

}  // namespace

bool Date::is_valid(int year, int month, int day) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
    return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int max_day = kDays[month - 1] + ((month == 2 && leap) ? 1 : 0);
  return day <= max_day;
}

std::optional<Date> Date::parse_iso(std::string_view text) {
  text = trim(text);
  if (text.size() != 10 || text[4] != '-' || text[7] != '-')
    return std::nullopt;
  return make(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2));
}

std::optional<Date> Date::parse_xs_date(std::string_view text) {
  text = trim(text);
  if (text.size() > 10) {
    std::string_view zone = text.substr(10);
    if (zone != "Z") {
      if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':')
        return std::nullopt;
      int hours = digits(zone, 1, 2);
      int minutes = digits(zone, 4, 2);
      if (hours < 0 || minutes < 0 || minutes > 59 || hours > 14 || (hours == 14 && minutes != 0))
        return std::nullopt;
    }
    text = text.substr(0, 10);
  }
  return parse_iso(text);
}

std::optional<Date> Date::parse_compact(std::string_view text) {
  text = trim(text);
  if (text.size() != 8)
    return std::nullopt;
  return make(digits(text, 0, 4), digits(text, 4, 2), digits(text, 6, 2));
}

std::string Date::to_iso() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

std::string Date::to_compact() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", year, month, day);
  return buffer;
}

}  // namespace einvoice::model
