#pragma once

#include <string>
#include <string_view>

#include "model/invoice.h"

namespace einvoice::ubl {

// True for the UNTDID 1001 codes EN 16931 allows in cbc:CreditNoteTypeCode
// (81 83 261 262 296 308 381 396 420 458 502 503 532). Surrounding XML
// whitespace is ignored.
bool is_credit_note_type_code(std::string_view code);

// The invoice as a UBL 2.1 document (UTF-8, default namespace for the root,
// prefixes cac and cbc, two-space indentation) following the EN 16931-3-2
// binding, with elements in the order of the UBL 2.1 XSD sequences. A
// CreditNote (CreditNoteTypeCode, CreditNoteLine, CreditedQuantity) when BT-3
// is_credit_note_type_code(), an Invoice otherwise. Decimals keep their
// scale, dates are ISO 8601, amounts carry currencyID BT-5 (BT-111: BT-6).
// Deterministic: equal invoices give identical bytes. Thread-safe.
//
// Every present term is written, so read_ubl(write_ubl(x)) == x, except
// where UBL has no room for a term or needs a value the model lacks:
//  - BT-90 is written as a cac:PartyIdentification with schemeID "SEPA", the
//    payee's first when there is a payee, else the seller's first. A BT-29
//    or BT-60 whose scheme is SEPA is written as is, and so reads back as
//    BT-90 when the invoice has no BT-90 of its own.
//  - BG-17 entries become one cac:PaymentMeans each (same code and BT-83);
//    BT-82, BG-18, the mandate and a CreditNote's BT-9 go in the first.
//  - A CreditNote has room for BT-9 only in cac:PaymentMeans: BT-9 is lost
//    when BG-16 has nothing else to write. BT-11 goes to an
//    AdditionalDocumentReference with DocumentTypeCode 50.
//  - BT-32 is written with TaxScheme "TAX" (the model keeps no scheme).
//  - BT-14 without BT-13 gets cbc:ID "NA" (read back as absent).
//  - BT-148 without BT-147 gets the discount it implies, BT-148 - BT-146
//    (the XSD requires the amount); without BT-146 it is lost.
//  - cac:CardAccount gets cbc:NetworkID "NA" (required by the XSD, not an
//    EN 16931 term).
//  - BT-130 without BT-129 and BT-150 without BT-149 are lost (their
//    carriers are the quantities).
// Absent mandatory terms are omitted, so an incomplete invoice gives an
// incomplete (XSD-invalid where the XSD requires them) document. Comparing
// x with read_ubl(write_ubl(x)) (model::diff_terms) lists what was lost.
std::string write_ubl(const model::Invoice& invoice);

}  // namespace einvoice::ubl
