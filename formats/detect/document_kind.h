#pragma once

#include <string_view>

#include "formats/xml/xml_document.h"

namespace einvoice::detect {

// What a file is, judged from its first bytes only (cheap, no parsing).
enum class ContainerKind { kXml, kPdf, kJpeg, kPng, kTiff, kUnknown };

// What an XML document is, judged from its root element's namespace and name.
// kCdar: a lifecycle status message (CDAR CrossDomainAcknowledgementAndResponse),
// not an invoice.
enum class Syntax { kCii, kUblInvoice, kUblCreditNote, kCdar, kUnknown };

const char* to_string(ContainerKind kind);
const char* to_string(Syntax syntax);

// Never fails; kUnknown when nothing matches. A UTF-8 BOM and leading XML
// whitespace are accepted before "<"; UTF-16 XML is recognised by its
// byte-order mark or its first two characters "<?".
ContainerKind sniff_container(std::string_view bytes);

Syntax syntax_of(const xml::XmlElement& root);

inline bool is_ubl(Syntax s) {
  return s == Syntax::kUblInvoice || s == Syntax::kUblCreditNote;
}

}  // namespace einvoice::detect
