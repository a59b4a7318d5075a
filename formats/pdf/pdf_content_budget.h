#pragma once

// Bounds the work a renderer or text extractor (poppler, in the OCR module)
// does on the pages of a hostile PDF, and hands it the content that was
// bounded. poppler sets no bound of its own: a content stream of a few
// kilobytes may inflate to gigabytes, and a few bytes of it may ask for 1e20
// dash segments or a million full-page fills.

#include <cstddef>
#include <string>
#include <string_view>

#include "formats/pdf/pdf_file.h"
#include "model/result.h"

namespace einvoice::pdf {

struct ContentLimits {
  std::size_t max_page_content_bytes = 16u << 20;  // decoded content of one page
  std::size_t max_content_bytes = 64u << 20;       // decoded content of all pages
  int max_pages = 100;                             // pages visited; more is refused
  int max_form_depth = 16;     // Form XObjects, glyphs, patterns inside each other
  int max_annotations = 1000;  // annotations of one page
  // The rendering work of one page (see pdf_paint_cost.h), at render_dpi:
  int render_dpi = 300;
  double max_page_operators = 2e6;        // operators interpreted, repeats included
  double max_dash_segments = 2e6;         // segments of dashed strokes
  double max_painted_pages = 256;         // pixels painted, in areas of the page
  double max_image_samples = 144e6;       // samples of one image
  double max_page_image_samples = 288e6;  // samples of all images drawn
};

// Loads `pdf` (PdfFile::load: size, nesting) and interprets, page by page in
// page-tree order, the content a renderer would: each page's /Contents, the
// Form XObjects, Type 3 glyphs and tiling patterns it uses (to
// max_form_depth; a form drawing itself is skipped, as renderers do), soft
// masks, and the appearance streams of its annotations. Each stream is decoded
// once (a stream a filter fails on counts by the bytes decoded before the
// failure, as a lenient renderer reads them), and its cost counted each time
// it is drawn; the walk stops as soon as a budget is spent, so the check's own
// work is bounded by the limits.
//
// Returns the document rewritten for the renderer, so that it interprets
// exactly what was measured: every stream interpreted as content replaced by
// its decoded, measured bytes (a page's /Contents array by one stream),
// annotations without an appearance stream removed (the renderer would draw
// them itself) and /NeedAppearances dropped, the cross-reference table written
// anew (the renderer cannot read objects differently).
// Errors naming the file, the page and the object: kLimitExceeded (which
// limit, by the name of its field), errors of PdfFile::load, kInternal when
// the copy cannot be written.
model::Result<std::string> bounded_render_copy(std::string_view pdf, std::string_view name,
                                               const ContentLimits& limits = {},
                                               const PdfLimits& pdf_limits = {});

}  // namespace einvoice::pdf
