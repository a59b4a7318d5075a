#include "formats/ubl/ubl_reader.h"

#include <string>

#include "formats/ubl/document_reader.h"
#include "formats/ubl/ubl_namespaces.h"

namespace einvoice::ubl {
namespace {

std::string not_ubl_message(xml::XmlElement root) {
  std::string ns(root.namespace_uri());
  return "the root element is '" + std::string(root.local_name()) + "'" +
         (ns.empty() ? " without namespace" : " in namespace '" + ns + "'") +
         ", not a UBL 2.1 Invoice {" + std::string(kInvoiceNamespace) + "} or CreditNote {" +
         std::string(kCreditNoteNamespace) + "}";
}

}  // namespace

bool is_ubl_invoice(xml::XmlElement root) {
  return root.is(kInvoiceNamespace, kInvoiceRoot) || root.is(kCreditNoteNamespace, kCreditNoteRoot);
}

model::Result<model::ParsedInvoice> read_ubl(std::string_view bytes, std::string_view document_name,
                                             const xml::XmlLimits& limits) {
  auto document = xml::XmlDocument::parse(bytes, document_name, limits);
  if (!document)
    return document.error();
  xml::XmlElement root = document->root();
  if (!is_ubl_invoice(root)) {
    return model::Error{model::ErrorCode::kUnsupported,
                        not_ubl_message(root),
                        {std::string(document_name), root.xpath(), root.line(), 0}};
  }
  return DocumentReader(std::string(document_name)).read(root);
}

model::ParsedInvoice read_ubl(const xml::XmlDocument& document, bool report_unread) {
  xml::XmlElement root = document.root();
  if (!is_ubl_invoice(root)) {
    xml::TermReader terms(document.name());
    terms.report(kRuleNotUbl, model::Severity::kFatal, root, "", not_ubl_message(root));
    return model::ParsedInvoice{{}, terms.take_diagnostics()};
  }
  return DocumentReader(document.name(), report_unread).read(root);
}

}  // namespace einvoice::ubl
