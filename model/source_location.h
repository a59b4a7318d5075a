#pragma once

#include <string>

namespace einvoice::model {

// A place in an input document. Every field is optional: an empty file name,
// line 0 or an empty XPath mean "not known".
struct SourceLocation {
  std::string file;
  std::string xpath;
  int line = 0;
  int column = 0;

  // "file:line:col" (omitting unknown parts), then " at xpath" when known.
  std::string describe() const;

  bool operator==(const SourceLocation&) const = default;
};

}  // namespace einvoice::model
