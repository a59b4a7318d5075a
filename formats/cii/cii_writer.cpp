#include "formats/cii/cii_writer.h"

#include "formats/cii/document_writer.h"

namespace einvoice::cii {

std::string write_cii(const model::Invoice& invoice) {
  return DocumentWriter(invoice).write();
}

}  // namespace einvoice::cii
