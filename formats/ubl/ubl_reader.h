#pragma once

#include <string_view>

#include "formats/xml/xml_document.h"
#include "model/invoice.h"
#include "model/result.h"

namespace einvoice::ubl {

// Rule id of the fatal finding read_ubl(const XmlDocument&) records when the
// document's root is neither a UBL 2.1 Invoice nor a CreditNote.
inline constexpr std::string_view kRuleNotUbl = "EINV-UBL-01";

// True when `root` is Invoice in kInvoiceNamespace or CreditNote in
// kCreditNoteNamespace.
bool is_ubl_invoice(xml::XmlElement root);

// Parses `bytes` safely (see xml::XmlDocument::parse) and reads the invoice or
// credit note into the model following the EN 16931-3-2 binding.
//
// Errors: kMalformed / kLimitExceeded from the XML layer; kUnsupported when
// the root is neither a UBL Invoice nor a CreditNote (the message names the
// root element and namespace found).
//
// Problems inside the document are diagnostics, never errors, and reading
// always continues: an unreadable number (EINV-READ-01) or date
// (EINV-READ-02) leaves its term absent; content the model cannot hold is
// kept first-wins and reported as an EINV-READ-03 warning (a second BT that
// EN 16931 allows once, a payment means whose code differs from the first,
// line allowances carrying a VAT category, ...). Findings met inside an
// invoice line name the line ("(invoice line 3)"). Every element no term was
// read from (extensions, UBLVersionID, a misspelt or misplaced element, ...)
// is reported once, at its topmost unread element, as an EINV-READ-03 warning
// with its XPath. Dates are xs:date: a time zone is accepted and dropped, the
// calendar date kept (model::Date::parse_xs_date).
//
// Binding decisions where UBL and the model differ:
//  - BT-90 is the one party identifier with schemeID "SEPA" (any case): the
//    payee's if it has one, else the seller's first. It is stored in
//    payment_instructions.direct_debit.bank_assigned_creditor_id (creating
//    BG-16/BG-19 when needed) and not among the seller (BT-29) or payee
//    (BT-60) identifiers. Further SEPA identifiers stay where they are.
//  - Each cac:PaymentMeans with the same code as the first is one more BG-17
//    (its cac:PayeeFinancialAccount); one with another code is dropped
//    whole. BT-82 (PaymentMeansCode/@name), BT-83 (PaymentID), BG-18 and the
//    mandate part of BG-19 are taken from the first occurrence.
//  - BT-21 travels in front of the note text as "#CODE#text" (the
//    convention of XRechnung; UBL has no element for it).
//  - In a CreditNote, BT-9 is cac:PaymentMeans/cbc:PaymentDueDate and BT-11
//    an AdditionalDocumentReference with DocumentTypeCode 50.
//  - cac:OrderReference/cbc:ID "NA" beside a cbc:SalesOrderID is the
//    placeholder UBL needs for BT-14 alone: BT-13 is left absent.
//  - cac:InvoicePeriod holding only cbc:DescriptionCode gives BT-8 without
//    BG-14.
//
// `document_name` is used in error and diagnostic locations. Thread-safe:
// concurrent calls share no state.
model::Result<model::ParsedInvoice> read_ubl(std::string_view bytes, std::string_view document_name,
                                             const xml::XmlLimits& limits = {});

// Reads an already parsed document; diagnostics name document.name(). When
// the root is not a UBL invoice the invoice is empty and the only diagnostic
// is a fatal kRuleNotUbl finding. With `report_unread`, every element no
// term was read from is reported once, at its topmost unread element, as an
// EINV-READ-03 warning with its XPath.
model::ParsedInvoice read_ubl(const xml::XmlDocument& document, bool report_unread = false);

}  // namespace einvoice::ubl
