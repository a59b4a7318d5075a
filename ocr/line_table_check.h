#pragma once

// Whether the line table read from a scan can stand as the invoice's lines:
// the line nets must add up to the totals and every line must get a VAT
// rate that the VAT breakdown confirms. Shared by the extractor (which
// reports why a table is not used) and the invoice builder (which uses it).

#include <optional>
#include <string>

#include "model/decimal.h"
#include "ocr/extracted_invoice.h"

namespace einvoice::ocr {

// The line net total (BT-106) the totals imply: BT-109 + BT-107 (document
// allowances) - BT-108 (document charges), those read; nullopt without a
// readable BT-109.
std::optional<model::Decimal> expected_line_total(const ExtractedInvoice& extracted);

// The VAT rate of `line`: its own column's, else the invoice's only rate
// (one VAT breakdown row); nullopt otherwise.
std::optional<model::Decimal> rate_of_line(const ExtractedInvoice& extracted,
                                           const ExtractedLine& line);

// nullopt when the table can become the invoice's lines: it has lines, each
// with a name and a net amount, their sum matches expected_line_total(),
// every line has a positive VAT rate, each rate is a row of the VAT
// breakdown whose basis the lines of that rate give (allowances and charges
// only with a single rate). Otherwise the reason, in plain words.
std::optional<std::string> line_table_problem(const ExtractedInvoice& extracted);

}  // namespace einvoice::ocr
