// Fuzz target: a CDAR lifecycle status message through the hardened XML
// reader and every BR-FR-CDV rule (their paths, "..", lists and the values
// their messages quote), as einvoice validate checks one.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/xml/xml_document.h"
#include "validation/cdar/cdar_rules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto document = einvoice::xml::XmlDocument::parse(bytes, "fuzz.xml");
  if (!document)
    return 0;
  (void)einvoice::validation::check_cdar(*document, "fuzz.xml");
  return 0;
}
