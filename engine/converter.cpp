#include "engine/converter.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

#include "formats/cii/cii_reader.h"
#include "formats/cii/cii_writer.h"
#include "formats/ubl/ubl_reader.h"
#include "formats/ubl/ubl_writer.h"
#include "formats/xsd/schema_validator.h"
#include "validation/rules.h"

namespace einvoice::engine {
namespace {

using model::Error;
using model::ErrorCode;

// Own rule ids of the conversion stage.
constexpr const char* kRuleOutputSchema = "EINV-CONV-01";
constexpr const char* kRuleOutputRules = "EINV-CONV-02";
constexpr const char* kRuleAdaptedTerm = "EINV-CONV-03";

Error unsupported(std::string_view name, std::string message) {
  return Error{ErrorCode::kUnsupported, std::move(message), {std::string(name), "", 0, 0}};
}

// The rules a document breaks, by rule id and severity, for comparison.
std::set<std::pair<std::string, model::Severity>> rule_keys(const model::Diagnostics& findings) {
  std::set<std::pair<std::string, model::Severity>> keys;
  for (const auto& d : findings)
    keys.emplace(d.rule_id, d.severity);
  return keys;
}

}  // namespace

// The CII binding forbids a VAT accounting currency (BT-6) equal to the
// invoice currency (BT-5, BR-53 of the CII rules) where UBL allows it. Such a
// BT-6 says nothing BT-5 does not, so a CII output leaves it out, and BT-111
// with it when it repeats BT-110 (an amount in the invoice currency): the
// input's meaning is kept and the output passes the rules the input passed.
model::Invoice adapt_for_cii(const model::Invoice& invoice, std::string_view document_name,
                             model::Diagnostics& diagnostics) {
  model::Invoice out = invoice;
  if (!out.vat_accounting_currency_code || out.vat_accounting_currency_code != out.currency_code)
    return out;
  model::Diagnostic d;
  d.rule_id = kRuleAdaptedTerm;
  d.severity = model::Severity::kWarning;
  d.business_term = "BT-6";
  d.location.file = std::string(document_name);
  d.message = "the VAT accounting currency '" + *out.vat_accounting_currency_code +
              "' is the invoice currency: left out of the CII output, whose binding requires "
              "the two to differ (BR-53)";
  out.vat_accounting_currency_code.reset();
  const model::DocumentTotals& totals = out.totals;
  if (totals.vat_total_accounting_currency &&
      (!totals.vat_total || *totals.vat_total_accounting_currency == *totals.vat_total)) {
    if (!totals.vat_total)
      out.totals.vat_total = totals.vat_total_accounting_currency;
    out.totals.vat_total_accounting_currency.reset();
    d.message +=
        "; its VAT total in accounting currency (BT-111) repeats BT-110 and is left out too";
  }
  diagnostics.push_back(std::move(d));
  return out;
}

// UBL carries BT-83 and the rest of BG-16 only inside a cac:PaymentMeans,
// whose cbc:PaymentMeansCode (BT-81) is mandatory; CII carries BT-83 outside
// any payment means, so a CII may have BG-16 without BT-81 and pass its rules.
// The UBL output then states the UNTDID 4461 code 1 "instrument not defined".
constexpr const char* kUndefinedPaymentMeans = "1";

model::Invoice adapt_for_ubl(const model::Invoice& invoice, std::string_view document_name,
                             model::Diagnostics& diagnostics) {
  model::Invoice out = invoice;
  auto& payment = out.payment_instructions;
  if (!payment || payment->means_type_code)
    return out;
  // What goes in a cac:PaymentMeans (BT-90 alone travels as a party identifier).
  const auto& debit = payment->direct_debit;
  const bool placed_in_means =
      payment->means_text || payment->remittance_information ||
      !payment->credit_transfers.empty() || payment->card ||
      (debit && (debit->mandate_reference || debit->debited_account_identifier));
  if (!placed_in_means)
    return out;
  payment->means_type_code = kUndefinedPaymentMeans;
  model::Diagnostic d;
  d.rule_id = kRuleAdaptedTerm;
  d.severity = model::Severity::kWarning;
  d.business_term = "BT-81";
  d.location.file = std::string(document_name);
  d.message =
      "payment instructions without a payment means type code: the UBL output states "
      "code 1 (instrument not defined), as UBL carries them only with a code";
  diagnostics.push_back(std::move(d));
  return out;
}

xsd::SchemaId schema_of(detect::Syntax syntax) {
  return syntax == detect::Syntax::kCii ? xsd::SchemaId::kCiiD16B : xsd::SchemaId::kUbl21;
}

const char* to_string(TargetSyntax syntax) {
  return syntax == TargetSyntax::kCii ? "cii" : "ubl";
}

std::optional<TargetSyntax> parse_target_syntax(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "cii")
    return TargetSyntax::kCii;
  if (lower == "ubl")
    return TargetSyntax::kUbl;
  return std::nullopt;
}

model::Result<xml::XmlDocument> parse_input(std::string_view bytes, std::string_view document_name,
                                            const xml::XmlLimits& limits) {
  detect::ContainerKind container = detect::sniff_container(bytes);
  if (container != detect::ContainerKind::kXml) {
    if (bytes.empty()) {
      return Error{ErrorCode::kMalformed, "file is empty", {std::string(document_name), "", 0, 0}};
    }
    return unsupported(document_name,
                       std::string("this is a ") + detect::to_string(container) +
                           " file; only CII and UBL 2.1 XML invoices can be read here");
  }
  return xml::XmlDocument::parse(bytes, document_name, limits);
}

model::Result<ReadOutcome> read_invoice(std::string_view bytes, std::string_view document_name,
                                        const xml::XmlLimits& limits, bool report_unread) {
  auto document = parse_input(bytes, document_name, limits);
  if (!document)
    return document.error();
  return read_invoice(std::move(*document), document_name, report_unread);
}

model::Result<ReadOutcome> read_invoice(xml::XmlDocument document, std::string_view document_name,
                                        bool report_unread) {
  xml::XmlElement root = document.root();
  ReadOutcome outcome;
  outcome.source_syntax = detect::syntax_of(root);
  switch (outcome.source_syntax) {
    case detect::Syntax::kCii:
      outcome.parsed = cii::read_cii(document, report_unread);
      break;
    case detect::Syntax::kUblInvoice:
    case detect::Syntax::kUblCreditNote:
      outcome.parsed = ubl::read_ubl(document, report_unread);
      break;
    case detect::Syntax::kCdar:
      return Error{ErrorCode::kUnsupported,
                   "this is a CDAR lifecycle status message, not an invoice (einvoice validate "
                   "checks it against the French BR-FR-CDV rules)",
                   {std::string(document_name), root.xpath(), root.line(), 0}};
    case detect::Syntax::kUnknown: {
      std::string ns(root.namespace_uri());
      return Error{ErrorCode::kUnsupported,
                   "root element '" + std::string(root.local_name()) + "'" +
                       (ns.empty() ? " without namespace" : " in namespace '" + ns + "'") +
                       " is neither a CII CrossIndustryInvoice nor a UBL 2.1 Invoice/CreditNote",
                   {std::string(document_name), root.xpath(), root.line(), 0}};
    }
  }
  outcome.document = std::move(document);
  return outcome;
}

Converter::Converter(std::shared_ptr<const xsd::SchemaValidator> validator,
                     ConversionOptions options)
    : validator_(std::move(validator)), options_(std::move(options)) {}

model::Result<ConversionOutcome> Converter::convert(std::string_view bytes,
                                                    std::string_view document_name) const {
  // Without the input's XSD check, misplaced or misspelt elements are not
  // caught by the schema: every element the readers leave is reported.
  auto read = read_invoice(bytes, document_name, options_.limits,
                           /*report_unread=*/!options_.validate_input_schema);
  if (!read)
    return read.error();
  ConversionOutcome outcome;
  outcome.source_syntax = read->source_syntax;
  outcome.diagnostics = std::move(read->parsed.diagnostics);

  if (options_.validate_input_schema && validator_) {
    auto report = validator_->validate(bytes, schema_of(outcome.source_syntax), document_name);
    if (!report)
      return report.error();
    outcome.diagnostics.insert(outcome.diagnostics.end(), report->issues.begin(),
                               report->issues.end());
  }
  if (model::has_fatal(outcome.diagnostics))
    return outcome;

  const model::Invoice& invoice = read->parsed.invoice;
  detect::Syntax target_syntax;
  if (options_.target == TargetSyntax::kCii) {
    outcome.output = cii::write_cii(adapt_for_cii(invoice, document_name, outcome.diagnostics));
    target_syntax = detect::Syntax::kCii;
  } else {
    outcome.output = ubl::write_ubl(adapt_for_ubl(invoice, document_name, outcome.diagnostics));
    target_syntax = detect::Syntax::kUblInvoice;
  }

  if (options_.validate_output_schema && validator_) {
    std::string output_name =
        std::string(document_name) + " (converted to " + to_string(options_.target) + ")";
    auto report = validator_->validate(outcome.output, schema_of(target_syntax), output_name);
    if (!report)
      return report.error();
    if (!report->valid) {
      // The input was valid, so an invalid output is einvoice's fault: say so.
      for (auto issue : report->issues) {
        issue.rule_id = kRuleOutputSchema;
        issue.message = "the converted document breaks the " +
                        std::string(to_string(options_.target)) +
                        " schema (please report this einvoice defect): " + issue.message;
        outcome.diagnostics.push_back(std::move(issue));
      }
      outcome.output.clear();
      return outcome;
    }
  }
  if (options_.validate_output_rules && !check_output_rules(*read, document_name, outcome))
    return outcome;
  outcome.converted = true;
  return outcome;
}

// The rules run on the output as written (read back, so that the syntax rules
// see its XML); the input's own findings are computed only when the output has
// some, which keeps the common case (a clean output) at one rules run.
bool Converter::check_output_rules(const ReadOutcome& input, std::string_view document_name,
                                   ConversionOutcome& outcome) const {
  std::string output_name =
      std::string(document_name) + " (converted to " + to_string(options_.target) + ")";
  auto written = read_invoice(outcome.output, output_name, options_.limits);
  if (!written) {
    model::Diagnostic d;
    d.rule_id = kRuleOutputRules;
    d.message =
        "the converted document cannot be read back (please report this einvoice "
        "defect): " +
        written.error().message;
    d.location.file = output_name;
    outcome.diagnostics.push_back(std::move(d));
    outcome.output.clear();
    return false;
  }
  model::Diagnostics after =
      validation::check_rules(written->parsed.invoice, written->source_syntax,
                              written->document ? &*written->document : nullptr, output_name);
  if (after.empty())
    return true;
  const auto before = rule_keys(validation::check_rules(input.parsed.invoice, input.source_syntax,
                                                        input.document ? &*input.document : nullptr,
                                                        document_name));
  bool refused = false;
  for (auto& finding : after) {
    if (before.count({finding.rule_id, finding.severity}))
      continue;
    const bool fatal = finding.severity == model::Severity::kFatal;
    refused = refused || fatal;
    finding.message = "the converted document breaks " + finding.rule_id +
                      ", which the input passes" +
                      (fatal ? " (please report this einvoice defect): " : ": ") + finding.message;
    finding.rule_id = kRuleOutputRules;
    outcome.diagnostics.push_back(std::move(finding));
  }
  if (refused)
    outcome.output.clear();
  return !refused;
}

}  // namespace einvoice::engine
