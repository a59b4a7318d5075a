// Fuzz target: detection and the CII and UBL readers, then writing the model
// back in both syntaxes (writers must accept anything a reader produced).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/converter.h"
#include "formats/cii/cii_writer.h"
#include "formats/ubl/ubl_writer.h"
#include "model/invoice_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto read = einvoice::engine::read_invoice(bytes, "fuzz.xml");
  if (!read)
    return 0;
  const auto& invoice = read->parsed.invoice;
  (void)einvoice::cii::write_cii(invoice);
  (void)einvoice::ubl::write_ubl(invoice);
  (void)einvoice::model::to_json(invoice);
  return 0;
}
