#include "engine/page_reader_pool.h"

namespace einvoice::engine {

PageReaderPool::Lease::~Lease() {
  if (!reader_)
    return;
  std::lock_guard<std::mutex> lock(pool_.mutex_);
  pool_.idle_.push_back(std::move(reader_));
}

model::Result<PageReaderPool::Lease> PageReaderPool::acquire() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      auto reader = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(reader));
    }
  }
  auto created = ocr::PageReader::create(options_);
  if (!created)
    return created.error();
  return Lease(*this, std::move(*created));
}

}  // namespace einvoice::engine
