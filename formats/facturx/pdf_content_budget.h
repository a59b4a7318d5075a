#pragma once

// Bounds the page content of a PDF before a renderer or text extractor
// (poppler, in the OCR module) interprets it: a content stream of a few
// kilobytes may inflate to gigabytes, and the renderer works through all of
// it with no limit of its own.

#include <cstddef>
#include <string_view>

#include "formats/facturx/pdf_file.h"
#include "model/result.h"

namespace einvoice::facturx {

struct ContentLimits {
  std::size_t max_page_content_bytes = 16u << 20;  // decoded content of one page
  std::size_t max_content_bytes = 64u << 20;       // decoded content of all pages
  int max_pages = 100;                             // pages visited; more is refused
  int max_form_depth = 8;                          // Form XObjects inside Form XObjects
};

// Loads `pdf` (PdfFile::load: size, nesting) and decodes, page by page in
// page-tree order, each page's /Contents and the Form XObjects its resources
// name (and theirs, to max_form_depth), each stream once per page, stopping
// as soon as a budget is spent, so the work is bounded by the limits however
// far the streams would inflate. Errors naming the file, the page and the
// object: kLimitExceeded (which limit, by the name of its field),
// errors of PdfFile::load. Streams that cannot be decoded are skipped (the
// renderer reports them).
model::Status check_page_content(std::string_view pdf, std::string_view name,
                                 const ContentLimits& limits = {},
                                 const PdfLimits& pdf_limits = {});

}  // namespace einvoice::facturx
