#pragma once

#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "model/result.h"
#include "ocr/page_reader.h"

namespace einvoice::engine {

// Tesseract engines (one PageReader each), made when first needed and lent
// to one thread at a time. Thread-safe.
class PageReaderPool {
 public:
  explicit PageReaderPool(ocr::ReaderOptions options) : options_(std::move(options)) {}
  class Lease {
   public:
    Lease(PageReaderPool& pool, std::unique_ptr<ocr::PageReader> reader)
        : pool_(pool), reader_(std::move(reader)) {}
    Lease(Lease&&) = default;
    ~Lease();
    ocr::PageReader& operator*() { return *reader_; }

   private:
    PageReaderPool& pool_;
    std::unique_ptr<ocr::PageReader> reader_;
  };
  // Errors: the models cannot be loaded (PageReader::create).
  model::Result<Lease> acquire();

 private:
  ocr::ReaderOptions options_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<ocr::PageReader>> idle_;
};

}  // namespace einvoice::engine
