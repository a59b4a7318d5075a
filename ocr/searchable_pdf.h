#pragma once

// A scan turned into a searchable PDF: each page is the scanned image,
// untouched, with the words read from it laid over as invisible text at the
// places they were read, so that the PDF can be searched and its text
// copied while it looks exactly like the scan.

#include <string>
#include <vector>

#include "model/result.h"
#include "ocr/input_document.h"
#include "ocr/ocr_text.h"

namespace einvoice::ocr {

struct ScanPage {
  std::string jpeg;  // the page image, upright
  PageText text;     // its words, in points from the top-left corner
};

// The page image of `input` as JPEG bytes, turned upright by `rotation`
// degrees (0, 90, 180, 270, as PageReader found it). Errors: kInternal when
// Leptonica cannot encode it.
model::Result<std::string> page_jpeg(const PageInput& input, int rotation, const std::string& name);

// One PDF page per scan page, sized from the text's page size (points), the
// words in `font_file` (a TrueType font with Latin glyphs, embedded).
// Errors: kIo when the font cannot be loaded, kInternal when the PDF cannot
// be written (both name `name`).
model::Result<std::string> write_searchable_pdf(const std::vector<ScanPage>& pages,
                                                const std::string& font_file,
                                                const std::string& name);

}  // namespace einvoice::ocr
