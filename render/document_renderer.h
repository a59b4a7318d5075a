#pragma once

#include <functional>
#include <string>

#include "model/result.h"
#include "render/page_composer.h"
#include "render/pdf_assembler.h"

namespace einvoice::render {

// Renders one A4 document: loads DejaVu Sans regular and bold from
// `font_directory` (empty: default_font_directory()), lets `compose` lay
// the content out, writes "`page_label` n / N" at the bottom of every page
// and assembles the PDF with `description`.
// Errors: kIo / kUnsupported / kMalformed when a font cannot be loaded,
// kInternal when the PDF library (or `compose`) throws. Never throws.
// Thread-safe when `compose` is.
model::Result<std::string> render_document(const std::string& font_directory,
                                           const std::function<void(PageComposer&)>& compose,
                                           const std::string& page_label,
                                           const PdfDescription& description);

}  // namespace einvoice::render
