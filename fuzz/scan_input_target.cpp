// Fuzz target: the scan input reader (magic detection, JPEG/PNG/TIFF header
// checks and decoding through Leptonica, PDF through poppler: text layer or
// rendering) with small limits, then field extraction over what a text layer
// gave. OCR itself is left out: it is slow and reads only decoded pixels.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "ocr/field_extractor.h"
#include "ocr/input_document.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  einvoice::ocr::InputLimits limits;
  limits.max_bytes = 4u << 20;
  limits.max_pages = 4;
  limits.max_pixels = 2000LL * 2000;
  limits.render_dpi = 36;  // keeps rendering cheap
  auto document = einvoice::ocr::InputDocument::open(
      std::string(reinterpret_cast<const char*>(data), size), "fuzz.bin", limits);
  if (!document)
    return 0;
  std::vector<einvoice::ocr::PageText> pages;
  for (int page = 1; page <= document->page_count(); ++page) {
    auto input = document->page(page);
    if (input && input->text_layer)
      pages.push_back(*input->text_layer);
  }
  (void)einvoice::ocr::extract_fields(pages);
  return 0;
}
