#pragma once

// Seller and buyer: their blocks on the page, names, VAT numbers, SIREN and
// SIRET, and the seller's bank account. Internal to the field extractor.

#include "ocr/extracted_invoice.h"
#include "ocr/layout.h"

namespace einvoice::ocr {

// BT-27 seller name, BT-44 buyer name, BT-31 / BT-48 VAT identifiers,
// BT-30 / BT-47 legal registration (SIREN), the SIRETs ("BT-30-SIRET",
// "BT-47-SIRET" as found, before reduction to SIREN), BT-84 IBAN, BT-86 BIC,
// and the postal addresses under the names: BT-35 street, BT-37 city, BT-38
// post code, BT-40 country (seller); BT-50, BT-52, BT-53, BT-55 (buyer).
void extract_parties(const Layout& layout, ExtractedInvoice& out);

}  // namespace einvoice::ocr
