#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "formats/detect/document_kind.h"
#include "formats/xml/xml_document.h"
#include "formats/xsd/schema_id.h"
#include "model/diagnostic.h"
#include "model/invoice.h"
#include "model/result.h"

namespace einvoice::xsd {
class SchemaValidator;
}

namespace einvoice::engine {

enum class TargetSyntax { kCii, kUbl };

const char* to_string(TargetSyntax syntax);
// "cii" or "ubl" (case-insensitive); nullopt otherwise.
std::optional<TargetSyntax> parse_target_syntax(std::string_view text);

struct ConversionOptions {
  TargetSyntax target = TargetSyntax::kUbl;
  bool validate_input_schema = true;   // refuse inputs that break their XSD
  bool validate_output_schema = true;  // check what we wrote against its XSD
  // Run the EN 16931 rules (with the target syntax's rules) on what we wrote
  // and refuse a conversion that introduces a fatal finding the input did not
  // have; a new warning is reported and the conversion kept.
  bool validate_output_rules = true;
  xml::XmlLimits limits;
};

// What became of one document. `converted` is true when `output` holds a
// complete document in the target syntax that passed every enabled check;
// otherwise `diagnostics` says why (each with file, line and XPath).
struct ConversionOutcome {
  detect::Syntax source_syntax = detect::Syntax::kUnknown;
  bool converted = false;
  std::string output;
  model::Diagnostics diagnostics;
};

// A syntax-neutral read of a CII or UBL document.
struct ReadOutcome {
  detect::Syntax source_syntax = detect::Syntax::kUnknown;
  model::ParsedInvoice parsed;
  std::optional<xml::XmlDocument> document;  // the XML it was read from (syntax rules, locations)
};

// Reads any supported structured invoice (CII, UBL Invoice, UBL CreditNote)
// into the model. Errors: kMalformed/kLimitExceeded (not XML, DTD, too deep),
// kUnsupported (PDF, images, other XML vocabularies), each naming the file.
// `report_unread`: every element no term was read from is an EINV-READ-03
// warning with its XPath (a conversion whose input skipped its XSD check).
// The official schema a document of this syntax is checked against.
xsd::SchemaId schema_of(detect::Syntax syntax);

model::Result<ReadOutcome> read_invoice(std::string_view bytes, std::string_view document_name,
                                        const xml::XmlLimits& limits = {},
                                        bool report_unread = false);
// The same on a document already parsed (by parse_input).
model::Result<ReadOutcome> read_invoice(xml::XmlDocument document, std::string_view document_name,
                                        bool report_unread = false);
// The XML of an input file, parsed with `limits`: the errors of read_invoice
// for what is not XML (empty, PDF, images) or not well-formed.
model::Result<xml::XmlDocument> parse_input(std::string_view bytes, std::string_view document_name,
                                            const xml::XmlLimits& limits = {});

// The invoice as the CII binding can carry it: a VAT accounting currency
// (BT-6) equal to the invoice currency left out (the CII rules forbid it), with
// BT-111 when it repeats BT-110. Each change is an EINV-CONV-03 warning added
// to `diagnostics`, naming `document_name`.
model::Invoice adapt_for_cii(const model::Invoice& invoice, std::string_view document_name,
                             model::Diagnostics& diagnostics);
// The invoice as the UBL binding can carry it: payment instructions without a
// means code get code 1 (instrument not defined). EINV-CONV-03 as above.
model::Invoice adapt_for_ubl(const model::Invoice& invoice, std::string_view document_name,
                             model::Diagnostics& diagnostics);

// Converts CII <-> UBL (any direction, also to the same syntax to normalise).
// The output is checked against the target XSD (EINV-CONV-01) and the EN 16931
// rules (EINV-CONV-02, a rule broken by the output but not by the input);
// both are einvoice defects, never the sender's. Where the target binding
// cannot say what the source said in a way its rules accept, the converter
// writes the accepted form and reports the change as an EINV-CONV-03 warning
// (BT-6 equal to BT-5, which CII forbids, is left out of a CII output; payment
// instructions without BT-81, which UBL cannot carry, get code 1 "instrument
// not defined" in a UBL output).
//
// Thread safety: convert() is const and may be called from many threads at
// once; the schema validator is shared and must outlive the converter.
class Converter {
 public:
  // `validator` may be null only when both schema checks are disabled.
  Converter(std::shared_ptr<const xsd::SchemaValidator> validator, ConversionOptions options);

  // An Error means the document could not be read at all (not XML, not an
  // invoice, over a limit). An invalid invoice is an outcome with
  // converted == false and its findings.
  model::Result<ConversionOutcome> convert(std::string_view bytes,
                                           std::string_view document_name) const;

  const ConversionOptions& options() const { return options_; }

 private:
  // Adds to `outcome` the rules its output breaks and `input` does not;
  // false (output cleared) when one of them is fatal.
  bool check_output_rules(const ReadOutcome& input, std::string_view document_name,
                          ConversionOutcome& outcome) const;

  std::shared_ptr<const xsd::SchemaValidator> validator_;
  ConversionOptions options_;
};

}  // namespace einvoice::engine
