#pragma once

#include <string>
#include <vector>

#include "model/result.h"
#include "ocr/input_document.h"
#include "ocr/ocr_text.h"
#include "ocr/page_reader.h"

namespace einvoice::ocr {

// Every page of a scan or PDF as words with positions: text layers read
// directly, images through `reader` (OCR). Pages are read one after the
// other, so memory holds one page image at a time.
struct DocumentText {
  InputKind kind = InputKind::kUnknown;
  std::vector<PageText> pages;
  double seconds = 0;  // reading time of all pages
  int ocr_pages = 0;   // pages that needed OCR
};

// Errors: those of InputDocument::open and PageReader::read, naming the
// document and the page.
model::Result<DocumentText> read_document(std::string bytes, const std::string& name,
                                          PageReader& reader, const InputLimits& limits = {});

}  // namespace einvoice::ocr
