#pragma once

// The issue date (BT-2) and the due date (BT-9): by their labels, on the
// number's line ("Facture n° 12 du 05/03/2018"), under a grid's headers, and
// checked against each other (a due date before the issue date fails; one a
// usual payment term after it confirms both). Internal to the field
// extractor.

#include "ocr/extracted_invoice.h"
#include "ocr/layout.h"

namespace einvoice::ocr {

// `number_line`: the line the invoice number was read on, or null; weak
// labels ("du", "vom") count only there.
void extract_dates(const Layout& layout, ExtractedInvoice& out, const LayoutLine* number_line);

}  // namespace einvoice::ocr
