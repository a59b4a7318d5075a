#include "ocr/document_reader.h"

#include <chrono>

namespace einvoice::ocr {

model::Result<DocumentText> read_document(std::string bytes, const std::string& name,
                                          PageReader& reader, const InputLimits& limits) {
  const auto start = std::chrono::steady_clock::now();
  auto document = InputDocument::open(std::move(bytes), name, limits);
  if (!document)
    return document.error();
  DocumentText out;
  out.kind = document->kind();
  for (int number = 1; number <= document->page_count(); ++number) {
    auto page = document->page(number);
    if (!page)
      return page.error();
    if (!page->text_layer)
      ++out.ocr_pages;
    auto text = reader.read(*page, name);
    if (!text)
      return text.error();
    out.pages.push_back(std::move(*text));
  }
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

}  // namespace einvoice::ocr
