// Fuzz target: the safe XML parser and element navigation.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/xml/xml_document.h"

namespace {

void walk(einvoice::xml::XmlElement element, int depth) {
  if (depth > 300)
    return;
  element.for_each_child([&](einvoice::xml::XmlElement child) {
    (void)child.text();
    (void)child.attribute("schemeID");
    walk(child, depth + 1);
  });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto doc = einvoice::xml::XmlDocument::parse(bytes, "fuzz.xml");
  if (doc)
    walk(doc->root(), 0);
  return 0;
}
