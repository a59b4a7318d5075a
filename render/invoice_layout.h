#pragma once

#include <string>

#include "model/invoice.h"
#include "render/invoice_renderer.h"
#include "render/page_composer.h"

namespace einvoice::render {

// What goes on the pages and in which order: heading and parties,
// references, lines, allowances and charges, VAT breakdown, totals, payment,
// notes, supporting documents. Terms absent from `invoice` are left out.
void compose_invoice(const model::Invoice& invoice, Language language, PageComposer& composer);

// "Facture 12115118", "Credit note 2018-112": the document kind (BT-3) and
// number (BT-1), for the running header and the PDF title.
std::string document_title(const model::Invoice& invoice, Language language);

}  // namespace einvoice::render
