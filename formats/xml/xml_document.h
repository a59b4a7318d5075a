#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "model/result.h"

struct _xmlDoc;
struct _xmlNode;

namespace einvoice::xml {

// Limits applied to every parsed document (hostile input).
struct XmlLimits {
  std::size_t max_bytes = 64u << 20;  // larger inputs are refused before parsing
  int max_depth = 256;                // element nesting; libxml2 also stops at 256
  // Keep what libxml2 can salvage from a document that is not well-formed
  // (e.g. an unescaped '&'). Only for metadata read leniently after a strict
  // read failed, never for invoices.
  bool recover = false;
  // Keep whitespace-only text between elements (dropped by default). XML
  // signatures need it: it is part of what was signed.
  bool keep_blank_text = false;
};

// `text` without surrounding XML whitespace (space, tab, CR, LF), as codes,
// flags and identifiers schemes are compared.
std::string_view trim_xml_space(std::string_view text);

// A non-owning view of one element of an XmlDocument. Valid while the
// document lives. A default-constructed (or "not found") element is null:
// operator bool is false and every accessor returns empty values.
class XmlElement {
 public:
  XmlElement() = default;
  explicit XmlElement(_xmlNode* node) : node_(node) {}

  explicit operator bool() const { return node_ != nullptr; }

  std::string_view local_name() const;
  // The name as the document wrote it, with its prefix ("ram:ID"); the local
  // name alone when the element has no prefix.
  std::string qualified_name() const;
  std::string_view namespace_uri() const;  // empty when none
  bool is(std::string_view ns, std::string_view local) const;
  // Same as namespace_uri() == ns, without measuring the URI first.
  bool in_namespace(std::string_view ns) const;

  // Identities of the strings holding the element's local name and its
  // namespace URI (null when absent). The parser shares one string between
  // the elements of one name (and of one namespace declaration), so these
  // are keys for per-document caches of name lookups: equal keys mean equal
  // names; different keys may still name the same. Valid while the document
  // lives.
  const void* name_key() const;
  const void* namespace_key() const;

  // First child element with that namespace and local name, or null.
  XmlElement child(std::string_view ns, std::string_view local) const;
  // Follows a chain of children in one namespace: child(ns, a).child(ns, b)...
  XmlElement path(std::string_view ns, std::initializer_list<std::string_view> locals) const;

  // Calls f(XmlElement) for each child element, optionally filtered by name.
  template <class F>
  void for_each_child(F&& f) const {
    for (XmlElement c = first_element_child(); c; c = c.next_element_sibling())
      f(c);
  }
  template <class F>
  void for_each_child(std::string_view ns, std::string_view local, F&& f) const {
    for (XmlElement c = first_element_child(); c; c = c.next_element_sibling()) {
      if (c.is(ns, local))
        f(c);
    }
  }
  XmlElement first_element_child() const;
  XmlElement next_element_sibling() const;

  // The element's own text (text and CDATA children, not descendants), exactly
  // as written after entity decoding. Marks the element read (mark_read).
  std::string text() const;
  // The XPath string value: every descendant text and CDATA node, in document
  // order (what a Schematron test compares). Marks the element read.
  std::string string_value() const;
  // An attribute without namespace, or nullopt. Marks the element read.
  std::optional<std::string> attribute(std::string_view name) const;
  // Whether the element has that attribute (without namespace). Neither
  // copies its value nor marks the element read: for checks of presence.
  bool has_attribute(std::string_view name) const;

  // Read marks, for readers that report what they leave behind: an element is
  // read once its text or an attribute was taken or mark_read() was called on
  // it or a descendant (a container is read when something in it is). The
  // mark lives in the document (libxml2's per-node application pointer) and
  // is never cleared; marking is not thread-safe on one document.
  void mark_read() const;
  bool is_read() const;

  int line() const;
  // Absolute XPath with the document's prefixes, e.g.
  // "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:ID".
  std::string xpath() const;

  _xmlNode* raw() const { return node_; }

 private:
  _xmlNode* node_ = nullptr;
};

// An owned, parsed XML document. Movable, not copyable.
//
// parse() is safe on hostile input: no network, no DTD (a DOCTYPE is
// refused), no external or internal entity expansion beyond the five
// predefined ones, size and depth limits. Thread-safe: documents may be
// parsed concurrently on any number of threads.
class XmlDocument {
 public:
  // `document_name` is used in error messages only (usually the file path).
  // Errors: kLimitExceeded (size/depth), kMalformed (syntax, DOCTYPE) with
  // line and column.
  static model::Result<XmlDocument> parse(std::string_view bytes, std::string_view document_name,
                                          const XmlLimits& limits = {});

  XmlDocument(XmlDocument&&) noexcept;
  XmlDocument& operator=(XmlDocument&&) noexcept;
  ~XmlDocument();

  XmlElement root() const;
  const std::string& name() const { return name_; }
  _xmlDoc* raw() const { return doc_; }

 private:
  XmlDocument(_xmlDoc* doc, std::string name) : doc_(doc), name_(std::move(name)) {}

  _xmlDoc* doc_ = nullptr;
  std::string name_;
};

}  // namespace einvoice::xml
