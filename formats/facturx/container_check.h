#pragma once

#include <string_view>

#include "formats/facturx/facturx_reader.h"
#include "model/diagnostic.h"

namespace einvoice::facturx {

// The Factur-X container checklist on what read_facturx found: one finding per
// item that does not hold, rule ids FX-01 ... FX-22 (docs/facturx-check.md
// lists them), fatal when the item breaks PDF/A-3 or Factur-X, warning when it
// is only a departure from what the specification recommends. The XML's own
// validity (XSD, EN 16931 rules) is checked by the engine, not here.
model::Diagnostics check_container(const FacturxContent& content, std::string_view file);

}  // namespace einvoice::facturx
