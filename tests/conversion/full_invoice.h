#pragma once

#include <string>

#include "model/invoice.h"

namespace einvoice::conversion_test {

// An invoice (BT-3 `type_code`) with every EN 16931 term present, each with a
// distinct value, within what both syntaxes can carry: one BG-3, BT-7
// without BT-8 (BR-CO-3), BT-147 with BT-148, no VAT on line allowances. It
// reaches terms the official examples never use (BG-18, BG-19, BT-90, ...).
model::Invoice full_invoice(const std::string& type_code);

}  // namespace einvoice::conversion_test
