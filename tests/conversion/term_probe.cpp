#include "tests/conversion/term_probe.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <memory>

namespace einvoice::conversion_test {
namespace {

struct Namespace {
  const char* prefix;
  const char* uri;
};

constexpr Namespace kNamespaces[] = {
    {"rsm", "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"},
    {"ram", "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"},
    {"udt", "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"},
    {"qdt", "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"},
    {"inv", "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"},
    {"cn", "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"},
    {"cac", "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"},
    {"cbc", "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"},
};

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct ContextFree {
  void operator()(xmlXPathContext* context) const { xmlXPathFreeContext(context); }
};
struct ObjectFree {
  void operator()(xmlXPathObject* object) const { xmlXPathFreeObject(object); }
};
struct CompFree {
  void operator()(xmlXPathCompExpr* comp) const { xmlXPathFreeCompExpr(comp); }
};

bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_xml_space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && is_xml_space(text.back()))
    text.remove_suffix(1);
  return text;
}

bool all_digits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9')
      return false;
  }
  return true;
}

std::string node_text(xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  if (content == nullptr)
    return {};
  std::string out(reinterpret_cast<const char*>(content));
  xmlFree(content);
  return out;
}

model::Error invalid(const Binding& binding, const std::string& message) {
  model::Error error;
  error.code = model::ErrorCode::kInvalidArgument;
  error.message = binding.term + ": " + message + ": " + binding.xpath;
  return error;
}

}  // namespace

std::string normalise(TermKind kind, std::string_view raw) {
  std::string_view value = trim(raw);
  if (kind == TermKind::kDecimal) {
    std::string out(value);
    if (!out.empty() && out.front() == '+')
      out.erase(0, 1);
    if (!out.empty() && out.front() == '.')
      out.insert(0, "0");
    else if (out.rfind("-.", 0) == 0)
      out.insert(1, "0");
    if (out.size() > 1 && out.back() == '.')
      out.pop_back();
    return out;
  }
  if (kind == TermKind::kDate && value.size() == 8 && all_digits(value)) {
    return std::string(value.substr(0, 4)) + "-" + std::string(value.substr(4, 2)) + "-" +
           std::string(value.substr(6, 2));
  }
  return std::string(value);
}

model::Result<TermValues> probe_terms(std::string_view xml, const BindingTable& table,
                                      std::string_view document_name) {
  const std::string name(document_name);
  std::unique_ptr<xmlDoc, DocFree> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), name.c_str(), nullptr,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc) {
    model::Error error;
    error.code = model::ErrorCode::kMalformed;
    error.message = "not well-formed XML";
    error.where.file = name;
    return error;
  }
  std::unique_ptr<xmlXPathContext, ContextFree> context(xmlXPathNewContext(doc.get()));
  for (const auto& ns : kNamespaces) {
    xmlXPathRegisterNs(context.get(), reinterpret_cast<const xmlChar*>(ns.prefix),
                       reinterpret_cast<const xmlChar*>(ns.uri));
  }
  TermValues found;
  for (const Binding& binding : table.bindings) {
    std::unique_ptr<xmlXPathObject, ObjectFree> result(xmlXPathEvalExpression(
        reinterpret_cast<const xmlChar*>(binding.xpath.c_str()), context.get()));
    if (!result)
      return invalid(binding, "XPath does not evaluate");
    if (result->type != XPATH_NODESET)
      return invalid(binding, "XPath does not select nodes");
    const xmlNodeSet* nodes = result->nodesetval;
    const int count = nodes == nullptr ? 0 : nodes->nodeNr;
    for (int i = 0; i < count; ++i) {
      std::string value = normalise(binding.kind, node_text(nodes->nodeTab[i]));
      if (!value.empty())
        found[binding.term].push_back(std::move(value));
    }
  }
  return found;
}

std::vector<std::string> uncompilable_bindings(const BindingTable& table) {
  std::vector<std::string> out;
  for (const Binding& binding : table.bindings) {
    std::unique_ptr<xmlXPathCompExpr, CompFree> comp(
        xmlXPathCompile(reinterpret_cast<const xmlChar*>(binding.xpath.c_str())));
    if (!comp)
      out.push_back(binding.term + ": " + binding.xpath);
  }
  return out;
}

}  // namespace einvoice::conversion_test
