#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "formats/xml/xml_document.h"
#include "model/date.h"
#include "model/decimal.h"
#include "model/diagnostic.h"
#include "model/identifier.h"

namespace einvoice::xml {

// Own rule ids for problems met while reading a document into the model.
inline constexpr std::string_view kRuleUnreadableDecimal = "EINV-READ-01";
inline constexpr std::string_view kRuleUnreadableDate = "EINV-READ-02";
inline constexpr std::string_view kRuleDroppedContent = "EINV-READ-03";

// Reads element values into model types and records, as Diagnostics, every
// value it cannot read (the term is then left absent). One per document; not
// thread-safe. `document_name` goes into every diagnostic's location.
class TermReader {
 public:
  explicit TermReader(std::string document_name) : document_name_(std::move(document_name)) {}

  // nullopt when the element is null; its text otherwise (possibly empty).
  std::optional<std::string> text(XmlElement element) const;
  // Decimal of the element's text; a fatal EINV-READ-01 finding naming `term`
  // when present but not an xs:decimal (e.g. "12,50").
  std::optional<model::Decimal> decimal(XmlElement element, std::string_view term);
  // xs:date "YYYY-MM-DD" with an optional time zone (UBL), which is dropped
  // (Date::parse_xs_date). Fatal EINV-READ-02 when unreadable.
  std::optional<model::Date> date_iso(XmlElement element, std::string_view term);
  // CII udt:DateTimeString with format 102 "YYYYMMDD". `element` is the
  // DateTimeString itself. Fatal EINV-READ-02 when unreadable or another format.
  std::optional<model::Date> date_cii(XmlElement element, std::string_view term);
  // Identifier from the element text and its scheme attribute (if any).
  std::optional<model::Identifier> identifier(XmlElement element,
                                              std::string_view scheme_attribute = "schemeID");

  // Set-once readers for a BT whose EN 16931 cardinality is 0..1: a null
  // element changes nothing, the first occurrence fills `field`, any further
  // one is reported with drop_repeated() and ignored.
  void set_text(std::optional<std::string>& field, XmlElement element, std::string_view term);
  void set_decimal(std::optional<model::Decimal>& field, XmlElement element, std::string_view term);
  void set_identifier(std::optional<model::Identifier>& field, XmlElement element,
                      std::string_view term);
  // Reports `element` as a further occurrence of `term`, which EN 16931
  // allows once (EINV-READ-03 warning, naming the element and its value).
  void drop_repeated(XmlElement element, std::string_view term);

  // Records a warning that content the EN 16931 model cannot hold was dropped.
  void dropped(XmlElement element, std::string_view term, std::string message);
  // An EINV-READ-03 warning, with its XPath, for each element under
  // `container` (which must be read) that no reader read (XmlElement's read
  // marks); the unread element's own content is not listed again. Run once,
  // after the whole document was read. Recursion is bounded by the parser's
  // depth limit. `implied(parent, element)` (may be null) names unread
  // elements whose content the binding fixes (a "VAT" type code, an empty
  // mandatory block): those are not reported.
  void report_unread(XmlElement container,
                     bool (*implied)(XmlElement parent, XmlElement element) = nullptr);
  // Records a finding located at `element` and marks the element read (it
  // has been dealt with).
  void report(std::string_view rule, model::Severity severity, XmlElement element,
              std::string_view term, std::string message);

  model::Diagnostics take_diagnostics() { return std::move(diagnostics_); }
  const model::Diagnostics& diagnostics() const { return diagnostics_; }

 private:
  std::string document_name_;
  model::Diagnostics diagnostics_;
};

}  // namespace einvoice::xml
