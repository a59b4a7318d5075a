#pragma once

// The line-item table of an invoice (BG-25): its header row found by its
// column labels (Désignation / Qté / P.U. / Montant HT / TVA, Description /
// Qty / Unit price / Amount / VAT, Bezeichnung / Menge / Einzelpreis /
// Betrag / MwSt, Omschrijving / Aantal / Prijs / Bedrag / BTW), its rows
// read by position below it until the totals, over as many pages as it
// runs. Internal to the field extractor.

#include "ocr/extracted_invoice.h"
#include "ocr/layout.h"

namespace einvoice::ocr {

// Fills `out.line_table`: each row's item name (BT-153, over several text
// lines), quantity (BT-129), unit price (BT-146), net amount (BT-131) and
// VAT rate (BT-152) when a column gives them, each with its page, box and
// confidence; each row checked (quantity x price = net to the cent) and the
// table checked against the totals (see line_table_check.h). When a table
// was read but cannot be used for the invoice, an advisory finding (BG-25)
// says why. REQUIRES: the totals and the VAT breakdown already extracted
// into `out`. Never throws; no table leaves `out.line_table` empty.
void extract_line_table(const Layout& layout, ExtractedInvoice& out);

}  // namespace einvoice::ocr
