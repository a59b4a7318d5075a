#include "engine/converter.h"

#include <algorithm>
#include <cctype>

#include "formats/cii/cii_reader.h"
#include "formats/cii/cii_writer.h"
#include "formats/ubl/ubl_reader.h"
#include "formats/ubl/ubl_writer.h"
#include "formats/xsd/schema_validator.h"

namespace einvoice::engine {
namespace {

using model::Error;
using model::ErrorCode;

// Own rule ids of the conversion stage.
constexpr const char* kRuleOutputSchema = "EINV-CONV-01";

Error unsupported(std::string_view name, std::string message) {
  return Error{ErrorCode::kUnsupported, std::move(message), {std::string(name), "", 0, 0}};
}

}  // namespace

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

model::Result<ReadOutcome> read_invoice(std::string_view bytes, std::string_view document_name,
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
  auto document = xml::XmlDocument::parse(bytes, document_name, limits);
  if (!document)
    return document.error();
  xml::XmlElement root = document->root();
  ReadOutcome outcome;
  outcome.source_syntax = detect::syntax_of(root);
  switch (outcome.source_syntax) {
    case detect::Syntax::kCii:
      outcome.parsed = cii::read_cii(*document);
      break;
    case detect::Syntax::kUblInvoice:
    case detect::Syntax::kUblCreditNote:
      outcome.parsed = ubl::read_ubl(*document);
      break;
    case detect::Syntax::kUnknown: {
      std::string ns(root.namespace_uri());
      return Error{ErrorCode::kUnsupported,
                   "root element '" + std::string(root.local_name()) + "'" +
                       (ns.empty() ? " without namespace" : " in namespace '" + ns + "'") +
                       " is neither a CII CrossIndustryInvoice nor a UBL 2.1 Invoice/CreditNote",
                   {std::string(document_name), root.xpath(), root.line(), 0}};
    }
  }
  outcome.document = std::move(*document);
  return outcome;
}

Converter::Converter(std::shared_ptr<const xsd::SchemaValidator> validator,
                     ConversionOptions options)
    : validator_(std::move(validator)), options_(std::move(options)) {}

model::Result<ConversionOutcome> Converter::convert(std::string_view bytes,
                                                    std::string_view document_name) const {
  auto read = read_invoice(bytes, document_name, options_.limits);
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
    outcome.output = cii::write_cii(invoice);
    target_syntax = detect::Syntax::kCii;
  } else {
    outcome.output = ubl::write_ubl(invoice);
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
  outcome.converted = true;
  return outcome;
}

}  // namespace einvoice::engine
