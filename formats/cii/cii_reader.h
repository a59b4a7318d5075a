#pragma once

#include <string_view>

#include "formats/xml/xml_document.h"
#include "model/invoice.h"
#include "model/result.h"

namespace einvoice::cii {

// Rule id of the fatal finding read_cii(const XmlDocument&) records when the
// document's root is not rsm:CrossIndustryInvoice.
inline constexpr std::string_view kRuleNotCii = "EINV-CII-01";

// True when `root` is rsm:CrossIndustryInvoice in kRsmNamespace.
bool is_cii_invoice(xml::XmlElement root);

// Parses `bytes` safely (see xml::XmlDocument::parse) and reads the invoice.
// Errors: kMalformed / kLimitExceeded from the XML layer; kUnsupported when
// the root element is not rsm:CrossIndustryInvoice (the message names the
// root found). Problems inside the invoice are not errors: unreadable numbers
// (EINV-READ-01) and dates (EINV-READ-02) leave their term absent, content
// the model cannot hold where EN 16931 allows one occurrence (a second
// payment terms, a second BT-83, ...) is kept first-wins and reported as an
// EINV-READ-03 warning; reading always continues. Every element no term was
// read from (EXTENDED profile extras, a misspelt or misplaced element) is
// reported once, at its topmost unread element, as an EINV-READ-03 warning
// with its XPath, when the document overload is asked to (`report_unread`).
// `document_name` is used in error and diagnostic locations.
// Thread-safe: concurrent calls share no state.
model::Result<model::ParsedInvoice> read_cii(std::string_view bytes, std::string_view document_name,
                                             const xml::XmlLimits& limits = {});

// Reads an already parsed document; diagnostics name document.name(). When
// the root is not a CII invoice the invoice is empty and the only diagnostic
// is a fatal kRuleNotCii finding.
model::ParsedInvoice read_cii(const xml::XmlDocument& document, bool report_unread = false);

}  // namespace einvoice::cii
