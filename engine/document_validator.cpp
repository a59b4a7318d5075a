#include "engine/document_validator.h"

#include "engine/converter.h"
#include "engine/seen_invoice_store.h"
#include "formats/xsd/schema_validator.h"
#include "validation/cdar/cdar_rules.h"

namespace einvoice::engine {
namespace {

model::Diagnostic duplicate_finding(const std::string& document, const SeenInvoice& first) {
  model::Diagnostic d;
  d.rule_id = std::string(kRuleDuplicateInvoice);
  d.severity = model::Severity::kFatal;
  d.business_term = "BT-1";
  d.message =
      "This invoice number was already accepted for this seller and year (first in '" +
      first.document + "' on " + first.recorded_at +
      ", with other content): an invoice number must identify one invoice only; a receiving "
      "platform rejects it as a duplicate (DOUBLON)";
  d.location.file = document;
  return d;
}

}  // namespace

DocumentValidator::DocumentValidator(std::shared_ptr<const xsd::SchemaValidator> schemas,
                                     ValidationOptions options, SeenInvoiceStore* store)
    : schemas_(std::move(schemas)), options_(options), store_(store) {}

model::Result<ValidationOutcome> DocumentValidator::validate(std::string_view bytes,
                                                             std::string_view document_name) const {
  auto document = parse_input(bytes, document_name, options_.limits);
  if (!document)
    return document.error();
  if (detect::syntax_of(document->root()) == detect::Syntax::kCdar) {
    // A lifecycle status: the BR-FR-CDV rules (no CDAR XSD is shipped, so no
    // schema check; no duplicate control, which is for invoices).
    ValidationOutcome outcome;
    outcome.document = std::string(document_name);
    outcome.syntax = detect::Syntax::kCdar;
    outcome.findings = validation::check_cdar(
        *document, document_name, options_.rules.french_mode == validation::FrenchMode::kWarnings);
    return outcome;
  }
  auto read = read_invoice(std::move(*document), document_name);
  if (!read)
    return read.error();
  ValidationOutcome outcome;
  outcome.document = std::string(document_name);
  outcome.syntax = read->source_syntax;
  outcome.findings = std::move(read->parsed.diagnostics);

  if (options_.check_schema && schemas_) {
    auto report = schemas_->validate(bytes, schema_of(outcome.syntax), document_name);
    if (!report)
      return report.error();
    outcome.schema_checked = true;
    outcome.schema_valid = report->valid;
    outcome.findings.insert(outcome.findings.end(), report->issues.begin(), report->issues.end());
  }

  const model::Invoice& invoice = read->parsed.invoice;
  model::Diagnostics rules =
      validation::check_rules(invoice, outcome.syntax, read->document ? &*read->document : nullptr,
                              document_name, options_.rules);
  outcome.findings.insert(outcome.findings.end(), std::make_move_iterator(rules.begin()),
                          std::make_move_iterator(rules.end()));

  if (store_ != nullptr) {
    const std::string fingerprint = sha256_hex(bytes);
    // An accepted invoice is checked and recorded atomically (claim); one
    // refused for other reasons is only looked up, never recorded.
    auto duplicate = outcome.accepted() ? store_->claim(invoice, outcome.document, fingerprint)
                                        : store_->find_duplicate(invoice, fingerprint);
    if (!duplicate)
      return duplicate.error();
    if (*duplicate)
      outcome.findings.push_back(duplicate_finding(outcome.document, **duplicate));
  }
  return outcome;
}

}  // namespace einvoice::engine
