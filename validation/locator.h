#pragma once

#include <string>

#include "formats/detect/document_kind.h"
#include "formats/xml/xml_document.h"
#include "model/source_location.h"
#include "validation/place.h"

namespace einvoice::validation {

// Finds the element of a CII or UBL document that carries a Place (the i-th
// line, the seller, the j-th allowance of line i, ...) and gives its XPath
// and line, so that a finding points where a person would look. When the
// document lacks the element, the nearest existing ancestor is given; with no
// document (an invoice built from data), only the file name is set.
class Locator {
 public:
  Locator(const xml::XmlDocument* document, detect::Syntax syntax, std::string file);

  model::SourceLocation locate(const Place& place) const;
  model::SourceLocation locate(xml::XmlElement element) const;
  // The element itself, or null when the document has no such element.
  xml::XmlElement find(const Place& place) const;

 private:
  xml::XmlElement find_cii(const Place& place, xml::XmlElement& nearest) const;
  xml::XmlElement find_ubl(const Place& place, xml::XmlElement& nearest) const;

  const xml::XmlDocument* document_;
  detect::Syntax syntax_;
  std::string file_;
};

}  // namespace einvoice::validation
