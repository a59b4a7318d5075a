#pragma once

// Internal to the BR-CO family: small helpers to read a document the way the
// official XPath expressions do (first child, existence, casts).

#include <string>
#include <string_view>
#include <vector>

#include "formats/xml/xml_document.h"
#include "validation/en16931/calculation_arithmetic.h"

namespace einvoice::validation::calculation {

using xml::XmlElement;

// Calls f(element, parent, grandparent) for every element below `parent`
// (not `parent` itself), in document order; missing ancestors are null.
template <class F>
void for_each_descendant(XmlElement parent, XmlElement grandparent, F&& f) {
  for (XmlElement c = parent.first_element_child(); c; c = c.next_element_sibling()) {
    f(c, parent, grandparent);
    for_each_descendant(c, parent, f);
  }
}

// Whether `text`, read as `value`, is a negative zero ("-0", "-0.00").
inline bool is_negative_zero(const std::optional<Decimal>& value, std::string_view text) {
  const std::string_view trimmed = xml::trim_xml_space(text);
  return value && value->is_zero() && !trimmed.empty() && trimmed.front() == '-';
}

inline Term decimal_of(XmlElement element) {
  if (!element)
    return {};
  const std::string text = element.text();
  auto value = Decimal::parse(text);
  return Term{true, value, is_negative_zero(value, text)};
}

// xs:decimal(child): the first child named {ns}local.
inline Term decimal_child(XmlElement parent, std::string_view ns, std::string_view local) {
  return decimal_of(parent.child(ns, local));
}

inline bool has_child(XmlElement parent, std::string_view ns, std::string_view local) {
  return static_cast<bool>(parent.child(ns, local));
}

// The text of an xs:boolean cast: true, false, or nullopt when the text is
// not a boolean (the official XSLT would stop with an error there).
inline std::optional<bool> boolean_value(XmlElement element) {
  if (!element)
    return std::nullopt;
  const std::string text = element.text();
  const std::string_view value = xml::trim_xml_space(text);
  if (value == "true" || value == "1")
    return true;
  if (value == "false" || value == "0")
    return false;
  return std::nullopt;
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

// normalize-space(upper-case(text)) = expected (a single upper-case word).
inline bool normalized_upper_equals(std::string_view text, std::string_view expected) {
  return upper_equals(xml::trim_xml_space(text), expected);
}

// Decimal values of every element in `elements` that can be read (fn:sum
// skips nothing, but an unreadable value stops the official run: `readable`
// becomes false then).
// `negative_zeros`, when given, receives one flag per value: written as a
// negative zero.
inline std::vector<Decimal> values_of(const std::vector<XmlElement>& elements, bool& readable,
                                      std::vector<char>* negative_zeros = nullptr) {
  std::vector<Decimal> out;
  out.reserve(elements.size());
  for (XmlElement e : elements) {
    const std::string text = e.text();
    auto value = Decimal::parse(text);
    if (value) {
      out.push_back(*value);
      if (negative_zeros != nullptr)
        negative_zeros->push_back(is_negative_zero(value, text) ? 1 : 0);
    } else {
      readable = false;
    }
  }
  return out;
}

}  // namespace einvoice::validation::calculation
