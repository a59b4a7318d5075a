#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "formats/detect/document_kind.h"
#include "formats/xml/xml_document.h"
#include "model/diagnostic.h"
#include "model/result.h"
#include "validation/rules.h"

namespace einvoice::xsd {
class SchemaValidator;
}

namespace einvoice::engine {

class SeenInvoiceStore;

// Own rule id of the duplicate control finding.
inline constexpr std::string_view kRuleDuplicateInvoice = "EINV-DUP-01";

struct ValidationOptions {
  validation::RuleOptions rules;
  bool check_schema = true;  // XSD before the rules
  xml::XmlLimits limits;
};

// The verdict on one document: every finding, in the order of the checks
// (reading, XSD, EN 16931 and syntax rules, French rules, duplicate control).
struct ValidationOutcome {
  std::string document;
  detect::Syntax syntax = detect::Syntax::kUnknown;
  bool schema_checked = false;
  bool schema_valid = false;
  model::Diagnostics findings;

  // No fatal finding: the invoice may be accepted.
  bool accepted() const { return !model::has_fatal(findings); }
};

// Validates CII and UBL invoices: XSD first, then the rules of the profile,
// then (with a store) duplicate control. A CDAR lifecycle status message gets
// the French BR-FR-CDV rules whatever the profile (as warnings in the French
// transition mode), and neither XSD nor duplicate control. The rules run even when the XSD
// fails, as the official validators do, so that a supplier sees every
// problem at once. An accepted invoice is recorded in the store.
//
// Thread-safe: validate() is const and may run on many threads at once; the
// schema validator and the store are shared and must outlive this object.
class DocumentValidator {
 public:
  // `schemas` may be null only when options.check_schema is false; `store`
  // may be null (no duplicate control).
  DocumentValidator(std::shared_ptr<const xsd::SchemaValidator> schemas, ValidationOptions options,
                    SeenInvoiceStore* store = nullptr);

  // An Error means the document could not be read at all (not XML, not an
  // invoice, over a limit) or the store failed; anything else is an outcome.
  model::Result<ValidationOutcome> validate(std::string_view bytes,
                                            std::string_view document_name) const;

  const ValidationOptions& options() const { return options_; }

 private:
  std::shared_ptr<const xsd::SchemaValidator> schemas_;
  ValidationOptions options_;
  SeenInvoiceStore* store_;
};

}  // namespace einvoice::engine
