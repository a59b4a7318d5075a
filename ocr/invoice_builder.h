#pragma once

// From what extraction read to an EN 16931 invoice, and the supplier's own
// corrections on the way.

#include <string>
#include <string_view>
#include <vector>

#include "model/invoice.h"
#include "model/result.h"
#include "ocr/extracted_invoice.h"

namespace einvoice::ocr {

// The terms build_invoice() reads, which `--set` may give.
const std::vector<std::string>& settable_terms();

// Sets `term` ("BT-31") to `value` as given by the user: source kSet,
// confidence 1, its findings dropped. Errors (kInvalidArgument) name the
// term when it is not one of settable_terms() or the value does not fit it
// (a date that is not YYYY-MM-DD, an amount that is not a decimal).
model::Result<bool> set_field(ExtractedInvoice& extracted, std::string_view term,
                              std::string_view value);

// The invoice as far as it was read: every field found, nothing invented.
// Derived, so that a Factur-X can be built: BT-24 (EN 16931), countries from the VAT number
// prefixes (BT-40, BT-55) when not set; BT-106 = BT-109 (no allowance or
// charge is read); BT-113 = BT-112 - BT-115 when they differ; the VAT
// breakdown rows as BG-23 (category S) and, since line tables are not read,
// one invoice line per VAT rate whose net amount is that rate's basis
// (named "Total au taux de TVA de X %"); credit transfer (BT-81 = 58) when
// an IBAN was read.
model::Invoice build_invoice(const ExtractedInvoice& extracted);

}  // namespace einvoice::ocr
