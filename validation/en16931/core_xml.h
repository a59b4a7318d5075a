#pragma once

// Internal to the core family: reading a document the way the official XPath
// tests of BR-01 ... BR-65 do (child paths, normalize-space, string-length,
// casts to xs:double and xs:date), without XPath.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/xml/xml_document.h"

namespace einvoice::validation::core {

using xml::XmlElement;

// One step of a child path: {namespace, local name}.
struct Step {
  std::string_view ns;
  std::string_view local;
};

namespace detail {

inline void select_into(XmlElement from, const Step* steps, std::size_t count,
                        std::vector<XmlElement>& out) {
  if (count == 0) {
    out.push_back(from);
    return;
  }
  from.for_each_child(steps->ns, steps->local,
                      [&](XmlElement c) { select_into(c, steps + 1, count - 1, out); });
}

inline XmlElement first_of(XmlElement from, const Step* steps, std::size_t count) {
  if (count == 0)
    return from;
  for (XmlElement c = from.first_element_child(); c; c = c.next_element_sibling()) {
    if (!c.is(steps->ns, steps->local))
      continue;
    if (XmlElement found = first_of(c, steps + 1, count - 1))
      return found;
  }
  return XmlElement();
}

}  // namespace detail

// Every element reached from `from` by the child steps, in document order.
inline std::vector<XmlElement> select(XmlElement from, std::initializer_list<Step> steps) {
  std::vector<XmlElement> out;
  if (from)
    detail::select_into(from, steps.begin(), steps.size(), out);
  return out;
}

// The first of them in document order, or null.
inline XmlElement first(XmlElement from, std::initializer_list<Step> steps) {
  if (!from)
    return XmlElement();
  return detail::first_of(from, steps.begin(), steps.size());
}

inline bool exists(XmlElement from, std::initializer_list<Step> steps) {
  return static_cast<bool>(first(from, steps));
}

inline bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// normalize-space(text) != ''.
inline bool has_content(std::string_view text) {
  for (char c : text) {
    if (!is_xml_space(c))
      return true;
  }
  return false;
}

// normalize-space(element) != '' (false for a null element).
inline bool has_content(XmlElement element) {
  return element && has_content(element.text());
}

// normalize-space(@name) != '' (false for a null element or absent attribute).
inline bool attribute_has_content(XmlElement element, std::string_view name) {
  if (!element)
    return false;
  auto value = element.attribute(name);
  return value && has_content(*value);
}

inline bool has_attribute(XmlElement element, std::string_view name) {
  return element.has_attribute(name);
}

// normalize-space(text), XML whitespace only.
inline std::string normalize_space(std::string_view text) {
  std::string out;
  bool pending = false;
  for (char c : text) {
    if (is_xml_space(c)) {
      pending = !out.empty();
      continue;
    }
    if (pending)
      out.push_back(' ');
    pending = false;
    out.push_back(c);
  }
  return out;
}

// string-length(normalize-space(text)): characters, not bytes (UTF-8).
inline std::size_t normalized_length(std::string_view text) {
  std::size_t count = 0;
  for (char c : normalize_space(text)) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
      ++count;
  }
  return count;
}

inline char ascii_upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

// upper-case(text) = expected (expected in upper case), no trimming.
inline bool upper_equals(std::string_view text, std::string_view expected) {
  if (text.size() != expected.size())
    return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (ascii_upper(text[i]) != expected[i])
      return false;
  }
  return true;
}

// normalize-space(upper-case(text)) = expected (a single word in upper case).
inline bool normalized_upper_equals(std::string_view text, std::string_view expected) {
  return upper_equals(xml::trim_xml_space(text), expected);
}

// The value of `text` cast to xs:double compared with 0: true when >= 0,
// false when below 0 or NaN, nullopt when the text is no xs:double (the
// official run stops there).
inline std::optional<bool> double_not_negative(std::string_view raw) {
  const std::string_view text = xml::trim_xml_space(raw);
  if (text == "INF" || text == "+INF")
    return true;
  if (text == "-INF" || text == "NaN")
    return false;
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    negative = text[i] == '-';
    ++i;
  }
  bool digits = false, nonzero = false;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    digits = true;
    nonzero = nonzero || text[i] != '0';
    ++i;
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      digits = true;
      nonzero = nonzero || text[i] != '0';
      ++i;
    }
  }
  if (!digits)
    return std::nullopt;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-'))
      ++i;
    bool exponent = false;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      exponent = true;
      ++i;
    }
    if (!exponent)
      return std::nullopt;
  }
  if (i != text.size())
    return std::nullopt;
  return !negative || !nonzero;
}

// (elements) >= 0 in XPath 2.0: some element's value cast to xs:double is not
// negative. nullopt when a value cannot be cast.
inline std::optional<bool> some_not_negative(const std::vector<XmlElement>& elements) {
  bool any = false;
  for (XmlElement e : elements) {
    auto value = double_not_negative(e.text());
    if (!value)
      return std::nullopt;
    any = any || *value;
  }
  return any;
}

// An xs:date as minutes on a common time line (an absent time zone taken as
// UTC), or nullopt when the text is no xs:date.
inline std::optional<long long> xs_date_minutes(std::string_view raw) {
  const std::string_view text = xml::trim_xml_space(raw);
  auto digits = [&](std::size_t from, std::size_t count, int& value) {
    if (from + count > text.size())
      return false;
    value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9')
        return false;
      value = value * 10 + (text[i] - '0');
    }
    return true;
  };
  std::size_t i = 0;
  bool negative_year = false;
  if (i < text.size() && text[i] == '-') {
    negative_year = true;
    ++i;
  }
  std::size_t year_end = i;
  while (year_end < text.size() && text[year_end] >= '0' && text[year_end] <= '9')
    ++year_end;
  if (year_end - i < 4 || year_end - i > 9 || (year_end - i > 4 && text[i] == '0'))
    return std::nullopt;
  int year = 0, month = 0, day = 0;
  if (!digits(i, year_end - i, year))
    return std::nullopt;
  if (negative_year)
    year = -year;
  i = year_end;
  if (i >= text.size() || text[i] != '-' || !digits(i + 1, 2, month))
    return std::nullopt;
  i += 3;
  if (i >= text.size() || text[i] != '-' || !digits(i + 1, 2, day))
    return std::nullopt;
  i += 3;
  if (month < 1 || month > 12 || day < 1)
    return std::nullopt;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (day > kDays[month - 1] + (month == 2 && leap ? 1 : 0))
    return std::nullopt;
  int offset = 0;
  if (i < text.size()) {
    if (text[i] == 'Z' && i + 1 == text.size()) {
      offset = 0;
    } else if ((text[i] == '+' || text[i] == '-') && i + 6 == text.size() && text[i + 3] == ':') {
      int hours = 0, minutes = 0;
      if (!digits(i + 1, 2, hours) || !digits(i + 4, 2, minutes) || minutes > 59 ||
          hours * 60 + minutes > 14 * 60)
        return std::nullopt;
      offset = (text[i] == '-' ? -1 : 1) * (hours * 60 + minutes);
    } else {
      return std::nullopt;
    }
  }
  // Days since 1970-01-01 (civil calendar, proleptic Gregorian).
  const long long y = static_cast<long long>(year) - (month <= 2 ? 1 : 0);
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const long long yoe = y - era * 400;
  const long long mp = (month + 9) % 12;
  const long long doy = (153 * mp + 2) / 5 + day - 1;
  const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const long long days = era * 146097 + doe - 719468;
  return days * 1440 - offset;
}

// Some string of `left` equals some string of `right` (a general comparison
// of two node sets).
inline bool any_equal(const std::vector<std::string>& left, const std::vector<std::string>& right) {
  for (const auto& a : left) {
    for (const auto& b : right) {
      if (a == b)
        return true;
    }
  }
  return false;
}

inline std::vector<std::string> texts_of(const std::vector<XmlElement>& elements) {
  std::vector<std::string> out;
  out.reserve(elements.size());
  for (XmlElement e : elements)
    out.push_back(e.text());
  return out;
}

// Calls f(element, ancestors) for every element below `root` in document
// order; `ancestors` runs from the root to the element's parent.
template <class F>
void walk(XmlElement root, std::vector<XmlElement>& ancestors, F&& f) {
  ancestors.push_back(root);
  for (XmlElement c = root.first_element_child(); c; c = c.next_element_sibling()) {
    f(c, static_cast<const std::vector<XmlElement>&>(ancestors));
    walk(c, ancestors, f);
  }
  ancestors.pop_back();
}

// The n-th ancestor (1 = parent) from the walk's stack, or null.
inline XmlElement ancestor(const std::vector<XmlElement>& ancestors, std::size_t n) {
  if (n == 0 || n > ancestors.size())
    return XmlElement();
  return ancestors[ancestors.size() - n];
}

}  // namespace einvoice::validation::core
