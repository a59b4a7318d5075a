#pragma once

#include <optional>
#include <string>

#include "formats/detect/document_kind.h"
#include "formats/xml/xml_document.h"
#include "model/diagnostic.h"
#include "model/invoice.h"
#include "validation/locator.h"
#include "validation/place.h"
#include "validation/rule.h"

namespace einvoice::validation {

// What a rule family sees of one document, and where it reports. One per
// document and run; not thread-safe (each thread validates its own documents).
//
// The invoice is the syntax-neutral model read from the document (values as
// written, nothing invented); `document()` is the XML it came from, or null
// when the invoice was built from data: families that check the syntax itself
// (CII-SR, UBL-CR, ...) skip their work then.
class RuleContext {
 public:
  RuleContext(const model::Invoice& invoice, detect::Syntax syntax,
              const xml::XmlDocument* document, std::string file, model::Diagnostics& out);

  const model::Invoice& invoice() const { return invoice_; }
  detect::Syntax syntax() const { return syntax_; }
  bool is_cii() const { return syntax_ == detect::Syntax::kCii; }
  bool is_ubl() const { return detect::is_ubl(syntax_); }
  const xml::XmlDocument* document() const { return document_; }
  const Locator& locator() const { return locator_; }

  // Records that `rule` does not hold at `place`. `detail`, when given, says
  // what was found (e.g. "BT-106 is 100.00, the lines sum to 110.00") and is
  // appended to the official message in parentheses.
  void report(const Rule& rule, const Place& place = {}, const std::string& detail = {});
  // The same at an element of the document (syntax rules).
  void report_at(const Rule& rule, xml::XmlElement element, const std::string& detail = {});

  // Every finding reported from now on gets `severity` instead of its rule's
  // flag (the French rules in transition mode); nullopt restores the flags.
  void override_severity(std::optional<model::Severity> severity) { override_ = severity; }

 private:
  void add(const Rule& rule, model::SourceLocation location, const std::string& detail);

  const model::Invoice& invoice_;
  detect::Syntax syntax_;
  const xml::XmlDocument* document_;
  Locator locator_;
  model::Diagnostics& out_;
  std::optional<model::Severity> override_;
};

}  // namespace einvoice::validation
