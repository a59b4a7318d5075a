#pragma once

#include <vector>

#include "ocr/extracted_invoice.h"
#include "ocr/ocr_text.h"

namespace einvoice::ocr {

// Template-free extraction of the invoice fields from the words of its pages
// (OCR or text layer): labels in French, English and German located by
// position, values recognised by their form (dates, amounts, identifiers
// with check digits), then cross-checked against each other (excl. + VAT =
// incl., basis x rate = VAT per row, rows = totals, SIREN inside the VAT
// number and the SIRET). A value that fails a check is kept with a lowered
// confidence and a finding; a mandatory mention not found gets a finding
// naming its business term. Never throws; pages may be empty.
ExtractedInvoice extract_fields(const std::vector<PageText>& pages);

}  // namespace einvoice::ocr
