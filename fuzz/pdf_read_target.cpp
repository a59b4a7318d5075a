// Fuzz target: the Factur-X PDF reader (formats/pdf: PoDoFo adapter, qpdf
// repair of damaged files, bounded stream decoding, name trees, XMP) and the container
// checklist over whatever it read; the raw-bytes XMP salvage as well.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/facturx/container_check.h"
#include "formats/facturx/facturx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  einvoice::pdf::PdfLimits limits;
  limits.max_stream_bytes = 4u << 20;  // keep each run small
  auto content = einvoice::facturx::read_facturx(bytes, "fuzz.pdf", limits);
  if (content)
    (void)einvoice::facturx::check_container(*content, "fuzz.pdf");
  else
    (void)einvoice::facturx::salvage_xmp(bytes, "fuzz.pdf");
  return 0;
}
