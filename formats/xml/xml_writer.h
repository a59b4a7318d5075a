#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace einvoice::xml {

// Writes an XML document as text, indented by two spaces, deterministic.
// Names are qualified names ("ram:ID") written as given; the caller declares
// the namespaces with attribute("xmlns:ram", uri) on the root element.
//
// Text and attribute values are escaped; characters not allowed in XML 1.0
// (control characters other than tab, LF, CR) are dropped. Not thread-safe;
// use one writer per document.
class XmlWriter {
 public:
  XmlWriter();

  // Opens an element. Attributes may follow until content or end().
  XmlWriter& start(std::string_view qname);
  XmlWriter& attribute(std::string_view name, std::string_view value);
  // Adds an attribute only when `value` is present.
  XmlWriter& attribute(std::string_view name, const std::optional<std::string>& value);
  XmlWriter& attribute(std::string_view name, const char* value) {
    return attribute(name, std::string_view(value));
  }
  XmlWriter& attribute(std::string_view name, const std::string& value) {
    return attribute(name, std::string_view(value));
  }
  XmlWriter& text(std::string_view value);
  // Closes the innermost open element. REQUIRES: an element is open.
  XmlWriter& end();

  // start(qname) + optional attributes + text(value) + end().
  XmlWriter& leaf(std::string_view qname, std::string_view value);

  // REQUIRES: every element closed. Returns the document, ending with '\n'.
  std::string finish();

 private:
  void close_start_tag();
  void indent();

  std::string out_;
  // The names of the open elements, innermost last, kept end to end in one
  // buffer (no allocation per element): open_names_ holds them,
  // open_starts_ where each begins.
  std::string open_names_;
  std::vector<std::size_t> open_starts_;
  bool start_tag_open_ = false;
  bool has_children_ = false;  // innermost element holds child elements
  bool has_text_ = false;      // innermost element holds text
};

// `value` escaped for element text (& < > and CR) or attribute values (also ").
void append_escaped(std::string& out, std::string_view value, bool attribute);

}  // namespace einvoice::xml
