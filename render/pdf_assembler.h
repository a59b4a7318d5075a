#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/result.h"
#include "render/embedded_font.h"

namespace einvoice::render {

struct PdfDescription {
  std::string title;     // /Info /Title (UTF-8)
  std::string language;  // /Lang of the catalog, e.g. "fr-FR"
};

// Builds the PDF file: one A4 page per content stream, the fonts embedded as
// Type 0 / CIDFontType2 subsets (Identity-H) with ToUnicode maps. Each font
// is named by its resource name (F1, F2...) in every page's resources.
// Call after all content streams are written (the subsets hold what they use).
//
// Errors: kInternal when PoDoFo fails. Never throws.
model::Result<std::string> assemble_pdf(
    const std::vector<std::string>& pages,
    const std::vector<std::pair<std::string, const EmbeddedFont*>>& fonts,
    const PdfDescription& description);

}  // namespace einvoice::render
