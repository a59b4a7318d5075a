#include "formats/detect/document_kind.h"

namespace einvoice::detect {
namespace {

constexpr std::string_view kCiiNamespace =
    "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
constexpr std::string_view kUblInvoiceNamespace =
    "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
constexpr std::string_view kUblCreditNoteNamespace =
    "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
constexpr std::string_view kCdarNamespace =
    "urn:un:unece:uncefact:data:standard:CrossDomainAcknowledgementAndResponse:100";

bool starts_with(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

}  // namespace

const char* to_string(ContainerKind kind) {
  switch (kind) {
    case ContainerKind::kXml:
      return "XML";
    case ContainerKind::kPdf:
      return "PDF";
    case ContainerKind::kJpeg:
      return "JPEG";
    case ContainerKind::kPng:
      return "PNG";
    case ContainerKind::kTiff:
      return "TIFF";
    case ContainerKind::kUnknown:
      return "unknown";
  }
  return "unknown";
}

const char* to_string(Syntax syntax) {
  switch (syntax) {
    case Syntax::kCii:
      return "CII";
    case Syntax::kUblInvoice:
      return "UBL Invoice";
    case Syntax::kUblCreditNote:
      return "UBL CreditNote";
    case Syntax::kCdar:
      return "CDAR";
    case Syntax::kUnknown:
      return "unknown";
  }
  return "unknown";
}

ContainerKind sniff_container(std::string_view bytes) {
  if (starts_with(bytes, "%PDF-"))
    return ContainerKind::kPdf;
  if (starts_with(bytes, "\xFF\xD8\xFF"))
    return ContainerKind::kJpeg;
  if (starts_with(bytes, "\x89PNG\r\n\x1A\n"))
    return ContainerKind::kPng;
  if (starts_with(bytes, std::string_view("II*\0", 4)) ||
      starts_with(bytes, std::string_view("MM\0*", 4))) {
    return ContainerKind::kTiff;
  }
  // UTF-16 and UTF-32 XML, with or without a byte-order mark (XML 1.0
  // appendix F): the parser reads the encoding itself.
  if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF") ||
      starts_with(bytes, std::string_view("<\0?\0", 4)) ||
      starts_with(bytes, std::string_view("\0<\0?", 4))) {
    return ContainerKind::kXml;
  }
  std::string_view rest = bytes;
  if (starts_with(rest, "\xEF\xBB\xBF"))
    rest.remove_prefix(3);
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t' || rest.front() == '\n' ||
                           rest.front() == '\r')) {
    rest.remove_prefix(1);
  }
  if (starts_with(rest, "<"))
    return ContainerKind::kXml;
  return ContainerKind::kUnknown;
}

Syntax syntax_of(const xml::XmlElement& root) {
  if (root.is(kCiiNamespace, "CrossIndustryInvoice"))
    return Syntax::kCii;
  if (root.is(kUblInvoiceNamespace, "Invoice"))
    return Syntax::kUblInvoice;
  if (root.is(kUblCreditNoteNamespace, "CreditNote"))
    return Syntax::kUblCreditNote;
  if (root.is(kCdarNamespace, "CrossDomainAcknowledgementAndResponse"))
    return Syntax::kCdar;
  return Syntax::kUnknown;
}

}  // namespace einvoice::detect
