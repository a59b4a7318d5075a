#pragma once

#include <string>

#include "model/invoice.h"
#include "model/result.h"

namespace einvoice::render {

enum class Language { kFrench, kEnglish };

struct RenderOptions {
  Language language = Language::kFrench;
  // Folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf. Empty: the folder
  // configured at build time (CMake cache variable EINVOICE_FONT_DIR).
  std::string font_directory;
};

// The folder used when RenderOptions::font_directory is empty.
const char* default_font_directory();

// Renders a human-readable A4 PDF of `invoice`: heading, parties, references,
// the line table (paginated, header repeated, "Page n / N"), document
// allowances and charges, VAT breakdown, totals, payment information, notes.
// Numbers keep every digit of the model's Decimal, written as the language
// writes them ("1 234,56 €" / "€1,234.56", render/number_format.h); units of
// measure by name ("kg", "unité"); absent terms are left out. Fonts are embedded as subsets with a
// ToUnicode map, so the text is extractable. Output is deterministic for a given invoice and
// options (no creation date is written; the Factur-X builder adds one).
//
// Errors: kIo / kUnsupported / kMalformed when a font cannot be loaded,
// kInternal when the PDF library fails. Never throws.
// Thread safety: may be called from many threads at once (fonts are read once
// per process and shared read-only).
model::Result<std::string> render_invoice_pdf(const model::Invoice& invoice,
                                              const RenderOptions& options);

}  // namespace einvoice::render
