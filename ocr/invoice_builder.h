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
// Postal addresses from BT-35/37/38/40 and BT-50/52/53/55 as read.
// Derived, so that a Factur-X can be built: BT-24 (EN 16931), countries from the VAT number
// prefixes (BT-40, BT-55) when not set; BT-113 = BT-112 - BT-115 when they
// differ; the VAT breakdown rows as BG-23 (category S). Lines: the line
// table read when line_table_problem() finds nothing against it (each line
// category S at its column's rate or the invoice's only rate; quantity 1
// and price = net when not read; BT-106 = the sum of the lines, document
// allowances BT-107 / charges BT-108 added when read); otherwise one
// invoice line per VAT rate whose net amount is that rate's basis (named
// "Total au taux de TVA de X %") and BT-106 = BT-109. Credit transfer
// (BT-81 = 58) when an IBAN was read.
model::Invoice build_invoice(const ExtractedInvoice& extracted);

}  // namespace einvoice::ocr
