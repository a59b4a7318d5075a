#pragma once

#include <string>

#include "model/invoice.h"

namespace einvoice::cii {

// The invoice as a CII D16B document (UTF-8, prefixes rsm/ram/udt/qdt, two
// space indentation), following the EN 16931-3-3 binding with elements in
// the order of the D16B XSD sequences. Decimals keep their scale, dates are
// written in format 102. Deterministic: equal invoices give identical bytes.
//
// Every present term is written, except where D16B has no room for it:
//  - BG-3 beyond the first (ram:InvoiceReferencedDocument is 0..1 in D16B);
//  - BT-7 and BT-8 when there is no BG-23 (they sit in ram:ApplicableTradeTax);
//  - BT-147 without BT-148, BT-149/BT-150 without BT-146, BT-130 without
//    BT-129 (their carriers require the amount or quantity).
// Absent mandatory terms are omitted, so an incomplete invoice gives an
// incomplete (XSD-invalid where the XSD requires them: BT-1, BT-2) document.
// Seller identifiers (BT-29) are written ram:ID first, then ram:GlobalID for
// those with a scheme. Thread-safe.
std::string write_cii(const model::Invoice& invoice);

}  // namespace einvoice::cii
