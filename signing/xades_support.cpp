#include "signing/xades_support.h"

#include <libxml/c14n.h>
#include <libxml/globals.h>
#include <libxml/xmlerror.h>
#include <openssl/evp.h>

#include <cstring>

#include "formats/xml/libxml_errors.h"

namespace einvoice::signing::xades {

using model::Error;
using model::ErrorCode;

Error error(ErrorCode code, std::string_view origin, const std::string& message) {
  Error e;
  e.code = code;
  e.message = std::string(origin) + ": " + message;
  return e;
}

model::Result<xml::XmlDocument> parse(std::string_view xml, std::string_view origin) {
  xml::XmlLimits limits;
  limits.keep_blank_text = true;
  return xml::XmlDocument::parse(xml, origin, limits);
}

std::string base64(std::span<const std::uint8_t> data) {
  std::string out(4 * ((data.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data.data(),
                                static_cast<int>(data.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::optional<Bytes> unbase64(std::string_view text) {
  std::string clean;
  for (const char c : text) {
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
      clean += c;
  }
  if (clean.size() % 4 != 0)
    return std::nullopt;
  Bytes out(clean.size() / 4 * 3 + 1);
  const int n = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(clean.data()),
                                static_cast<int>(clean.size()));
  if (n < 0)
    return std::nullopt;
  std::size_t size = static_cast<std::size_t>(n);
  for (std::size_t i = clean.size(); i > 0 && clean[i - 1] == '=' && size > 0; --i)
    --size;
  out.resize(size);
  return out;
}

bool is(const xmlNode* node, const char* ns, const char* name) {
  return node != nullptr && node->type == XML_ELEMENT_NODE && node->ns != nullptr &&
         std::strcmp(reinterpret_cast<const char*>(node->ns->href), ns) == 0 &&
         std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

xmlNode* find(xmlNode* node, const char* ns, const char* name) {
  for (; node != nullptr; node = node->next) {
    if (is(node, ns, name))
      return node;
    if (node->type == XML_ELEMENT_NODE) {
      if (xmlNode* found = find(node->children, ns, name))
        return found;
    }
  }
  return nullptr;
}

xmlNode* child(xmlNode* parent, const char* ns, const char* name) {
  for (xmlNode* c = parent ? parent->children : nullptr; c != nullptr; c = c->next) {
    if (is(c, ns, name))
      return c;
  }
  return nullptr;
}

xmlNode* find_by_id(xmlNode* node, std::string_view id) {
  for (; node != nullptr; node = node->next) {
    if (node->type != XML_ELEMENT_NODE)
      continue;
    if (attribute(node, "Id") == id)
      return node;
    if (xmlNode* found = find_by_id(node->children, id))
      return found;
  }
  return nullptr;
}

std::string text_of(xmlNode* node) {
  if (node == nullptr)
    return {};
  xmlChar* content = xmlNodeGetContent(node);
  std::string text = content ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  return text;
}

std::optional<std::string> attribute(xmlNode* node, const char* name) {
  xmlChar* value = xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr)
    return std::nullopt;
  std::string text = reinterpret_cast<const char*>(value);
  xmlFree(value);
  return text;
}

namespace {

bool inside(const xmlNode* node, const xmlNode* ancestor) {
  for (; node != nullptr; node = node->parent) {
    if (node == ancestor)
      return true;
  }
  return false;
}

// What C14N sees: the subtree of `include` (null: the whole document) minus
// the subtree of `exclude` (null: nothing).
struct Selection {
  const xmlNode* include;
  const xmlNode* exclude;
};

int visible(void* user, xmlNode* node, xmlNode* parent) {
  const auto* s = static_cast<const Selection*>(user);
  const xmlNode* element = (node == nullptr || node->type == XML_NAMESPACE_DECL) ? parent : node;
  if (s->exclude != nullptr && inside(element, s->exclude))
    return 0;
  if (s->include != nullptr && !inside(element, s->include))
    return 0;
  return 1;
}

struct C14nMode {
  const char* uri;
  int mode;
  bool comments;
};

constexpr C14nMode kC14nModes[] = {
    {kInclusiveC14n, XML_C14N_1_0, false},
    {"http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments", XML_C14N_1_0, true},
    {"http://www.w3.org/2006/12/xml-c14n11", XML_C14N_1_1, false},
    {"http://www.w3.org/2006/12/xml-c14n11#WithComments", XML_C14N_1_1, true},
    {kExcC14n, XML_C14N_EXCLUSIVE_1_0, false},
    {"http://www.w3.org/2001/10/xml-exc-c14n#WithComments", XML_C14N_EXCLUSIVE_1_0, true},
};

}  // namespace

std::optional<std::string> c14n(xmlDoc* doc, const xmlNode* include, const xmlNode* exclude,
                                const std::string& method) {
  const C14nMode* mode = nullptr;
  for (const C14nMode& m : kC14nModes) {
    if (method == m.uri)
      mode = &m;
  }
  if (mode == nullptr)
    return std::nullopt;
  Selection selection{include, exclude};
  xml::LibxmlErrorCapture quiet;  // a failure is reported by the caller, never printed
  xmlOutputBuffer* buffer = xmlAllocOutputBuffer(nullptr);
  if (buffer == nullptr)
    return std::nullopt;
  const int rc =
      xmlC14NExecute(doc, visible, &selection, mode->mode, nullptr, mode->comments ? 1 : 0, buffer);
  std::optional<std::string> out;
  if (rc >= 0) {
    const xmlChar* content = xmlOutputBufferGetContent(buffer);
    out = std::string(reinterpret_cast<const char*>(content), xmlOutputBufferGetSize(buffer));
  }
  xmlOutputBufferClose(buffer);
  return out;
}

}  // namespace einvoice::signing::xades
