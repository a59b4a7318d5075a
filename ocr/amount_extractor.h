#pragma once

// Totals and VAT breakdown of an invoice's pages. Internal to the field
// extractor.

#include "ocr/extracted_invoice.h"
#include "ocr/layout.h"

namespace einvoice::ocr {

// Rows of the VAT breakdown: lines holding a basis, a rate and a VAT amount
// with basis x rate / 100 = VAT to the cent.
std::vector<VatRow> find_vat_rows(const Layout& layout);

// BT-109, BT-110, BT-112 and BT-115 into `out.fields`, chosen among every
// labelled candidate so that excl. + VAT = incl. and the VAT rows add up;
// the checks that hold raise confidence, those that fail are findings.
void extract_totals(const Layout& layout, ExtractedInvoice& out);

}  // namespace einvoice::ocr
