#include "formats/cii/cii_reader.h"

#include <string>

#include "formats/cii/cii_namespaces.h"
#include "formats/cii/document_reader.h"

namespace einvoice::cii {
namespace {

// "{namespace}local" or "local" for a root without namespace.
std::string describe_root(xml::XmlElement root) {
  std::string out;
  if (!root.namespace_uri().empty()) {
    out += '{';
    out += root.namespace_uri();
    out += '}';
  }
  out += root.local_name();
  return out;
}

std::string not_cii_message(xml::XmlElement root) {
  return "the root element is " + describe_root(root) + ", not rsm:CrossIndustryInvoice {" +
         std::string(kRsmNamespace) + "}: this is not a CII invoice";
}

}  // namespace

bool is_cii_invoice(xml::XmlElement root) {
  return root.is(kRsmNamespace, kRootElement);
}

model::Result<model::ParsedInvoice> read_cii(std::string_view bytes, std::string_view document_name,
                                             const xml::XmlLimits& limits) {
  auto document = xml::XmlDocument::parse(bytes, document_name, limits);
  if (!document)
    return document.error();
  xml::XmlElement root = document->root();
  if (!is_cii_invoice(root)) {
    return model::Error{model::ErrorCode::kUnsupported,
                        not_cii_message(root),
                        {std::string(document_name), root.xpath(), root.line(), 0}};
  }
  return DocumentReader(std::string(document_name)).read(root);
}

model::ParsedInvoice read_cii(const xml::XmlDocument& document, bool report_unread) {
  xml::XmlElement root = document.root();
  if (!is_cii_invoice(root)) {
    xml::TermReader terms(document.name());
    terms.report(kRuleNotCii, model::Severity::kFatal, root, "", not_cii_message(root));
    return model::ParsedInvoice{{}, terms.take_diagnostics()};
  }
  return DocumentReader(document.name(), report_unread).read(root);
}

}  // namespace einvoice::cii
