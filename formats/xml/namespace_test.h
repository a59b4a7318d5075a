#pragma once

#include <string>
#include <string_view>

#include "formats/xml/xml_document.h"

namespace einvoice::xml {

// element.in_namespace(uri), remembering the answer for the namespace
// strings already met: the elements of one namespace declaration share one
// string, so a walk over a document compares each URI once. Keys are only
// valid while their document lives: one NamespaceTest per document walk,
// never kept across documents. Not thread-safe.
class NamespaceTest {
 public:
  explicit NamespaceTest(std::string_view uri) : uri_(uri) {}

  bool operator()(XmlElement element) {
    const void* key = element.namespace_key();
    if (key != nullptr && key == matching_)
      return true;
    if (key != nullptr && key == other_)
      return false;
    const bool matches = element.in_namespace(uri_);
    if (key != nullptr)
      (matches ? matching_ : other_) = key;
    return matches;
  }

 private:
  std::string uri_;
  const void* matching_ = nullptr;  // the last key found to match
  const void* other_ = nullptr;     // the last key found not to
};

}  // namespace einvoice::xml
