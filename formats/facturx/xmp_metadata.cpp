#include "formats/facturx/xmp_metadata.h"

#include <libxml/tree.h>

#include <array>
#include <vector>

#include "formats/xml/xml_document.h"
#include "formats/xml/xml_writer.h"

namespace einvoice::facturx {
namespace {

constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr std::string_view kPdfaId = "http://www.aiim.org/pdfa/ns/id/";
constexpr std::string_view kDc = "http://purl.org/dc/elements/1.1/";
constexpr std::string_view kXmpBasic = "http://ns.adobe.com/xap/1.0/";
constexpr std::string_view kPdf = "http://ns.adobe.com/pdf/1.3/";
constexpr std::string_view kPdfaSchema = "http://www.aiim.org/pdfa/ns/schema#";

std::string escaped(std::string_view text) {
  std::string out;
  xml::append_escaped(out, text, true);
  return out;
}

struct ExtensionProperty {
  const char* name;
  const char* description;
};

// The four fx: properties, as the PDF/A extension schema must declare them.
constexpr std::array<ExtensionProperty, 4> kFxProperties{{
    {"DocumentFileName", "File name of the embedded invoice XML"},
    {"DocumentType", "Kind of embedded document: INVOICE"},
    {"Version", "Version of the Factur-X specification of the embedded XML"},
    {"ConformanceLevel", "Factur-X profile of the embedded XML"},
}};

}  // namespace

std::string write_xmp(const XmpWrite& v) {
  std::string x;
  x.reserve(4096);
  x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
  x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
  x += " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  x += "  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n";
  x += "   <pdfaid:part>3</pdfaid:part>\n   <pdfaid:conformance>" + escaped(v.pdfa_conformance) +
       "</pdfaid:conformance>\n";
  x += "  </rdf:Description>\n";
  x += "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n";
  x += "   <dc:format>application/pdf</dc:format>\n";
  if (!v.title.empty()) {
    x += "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escaped(v.title) +
         "</rdf:li></rdf:Alt></dc:title>\n";
  }
  if (!v.author.empty())
    x += "   <dc:creator><rdf:Seq><rdf:li>" + escaped(v.author) +
         "</rdf:li></rdf:Seq></dc:creator>\n";
  if (!v.subject.empty()) {
    x += "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escaped(v.subject) +
         "</rdf:li></rdf:Alt></dc:description>\n";
  }
  x += "  </rdf:Description>\n";
  x += "  <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n";
  x += "   <pdf:Producer>" + escaped(v.producer) + "</pdf:Producer>\n";
  if (!v.keywords.empty())
    x += "   <pdf:Keywords>" + escaped(v.keywords) + "</pdf:Keywords>\n";
  x += "  </rdf:Description>\n";
  x += "  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n";
  x += "   <xmp:CreatorTool>" + escaped(v.creator_tool) + "</xmp:CreatorTool>\n";
  if (!v.create_date.empty())
    x += "   <xmp:CreateDate>" + escaped(v.create_date) + "</xmp:CreateDate>\n";
  if (!v.modify_date.empty())
    x += "   <xmp:ModifyDate>" + escaped(v.modify_date) + "</xmp:ModifyDate>\n";
  x += "  </rdf:Description>\n";
  x += "  <rdf:Description rdf:about=\"\" "
       "xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" "
       "xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" "
       "xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n";
  x += "   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n";
  x += "    <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>\n";
  x += "    <pdfaSchema:namespaceURI>" + std::string(kFacturXNamespace) +
       "</pdfaSchema:namespaceURI>\n";
  x += "    <pdfaSchema:prefix>fx</pdfaSchema:prefix>\n";
  x += "    <pdfaSchema:property><rdf:Seq>\n";
  for (const auto& p : kFxProperties) {
    x += "     <rdf:li rdf:parseType=\"Resource\"><pdfaProperty:name>";
    x += p.name;
    x += "</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType>"
         "<pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>";
    x += p.description;
    x += "</pdfaProperty:description></rdf:li>\n";
  }
  x += "    </rdf:Seq></pdfaSchema:property>\n";
  x += "   </rdf:li></rdf:Bag></pdfaExtension:schemas>\n";
  x += "  </rdf:Description>\n";
  x += "  <rdf:Description rdf:about=\"\" xmlns:fx=\"" + std::string(kFacturXNamespace) + "\">\n";
  x += "   <fx:DocumentType>INVOICE</fx:DocumentType>\n";
  x += "   <fx:DocumentFileName>" + escaped(v.attachment_name) + "</fx:DocumentFileName>\n";
  x += "   <fx:Version>1.0</fx:Version>\n";
  x += "   <fx:ConformanceLevel>" + std::string(conformance_level(v.profile)) +
       "</fx:ConformanceLevel>\n";
  x += "  </rdf:Description>\n";
  x += " </rdf:RDF>\n</x:xmpmeta>\n";
  // Padding lets a later editor update the packet in place.
  x += std::string(1024, ' ');
  x += "\n<?xpacket end=\"w\"?>";
  return x;
}

namespace {

bool is_invoice_namespace(std::string_view ns) {
  return ns == kFacturXNamespace || ns == kZugferd2Namespace || ns == kZugferd1Namespace ||
         ns == kFacturXDocumentNamespace;
}

// The text of a simple property, or of the first rdf:li of an Alt/Seq/Bag.
std::string property_text(xml::XmlElement element) {
  for (xml::XmlElement c = element.first_element_child(); c; c = c.next_element_sibling()) {
    if (c.namespace_uri() == kRdf &&
        (c.local_name() == "Alt" || c.local_name() == "Seq" || c.local_name() == "Bag")) {
      xml::XmlElement li = c.child(kRdf, "li");
      return li ? std::string(xml::trim_xml_space(li.text())) : std::string();
    }
  }
  return std::string(xml::trim_xml_space(element.text()));
}

void take(XmpRead& out, std::string_view ns, std::string_view local, std::string value) {
  if (ns == kPdfaId) {
    if (local == "part") {
      int part = 0;
      for (char c : value) {
        if (c < '0' || c > '9' || part > 100)
          return;
        part = part * 10 + (c - '0');
      }
      if (!value.empty())
        out.pdfa_part = part;
    } else if (local == "conformance") {
      out.pdfa_conformance = value;
    }
  } else if (is_invoice_namespace(ns)) {
    out.invoice_namespace = std::string(ns);
    if (local == "DocumentType")
      out.document_type = value;
    else if (local == "DocumentFileName")
      out.document_file_name = value;
    else if (local == "Version")
      out.version = value;
    else if (local == "ConformanceLevel")
      out.conformance_level = value;
  } else if (ns == kDc) {
    if (local == "title")
      out.title = value;
    else if (local == "creator")
      out.author = value;
    else if (local == "description")
      out.description = value;
  } else if (ns == kPdf && local == "Producer") {
    out.producer = value;
  } else if (ns == kPdf && local == "Keywords") {
    out.keywords = value;
  } else if (ns == kXmpBasic) {
    if (local == "CreatorTool")
      out.creator_tool = value;
    else if (local == "CreateDate")
      out.create_date = value;
    else if (local == "ModifyDate")
      out.modify_date = value;
  }
}

// Records a pdfaSchema:namespaceURI (an extension schema declaration).
void walk(xml::XmlElement element, XmpRead& out, std::vector<std::string>& declared, int depth) {
  if (depth > 64)
    return;
  const std::string_view ns = element.namespace_uri();
  if (ns == kRdf && element.local_name() == "Description") {
    // Attribute form: <rdf:Description fx:ConformanceLevel="EN 16931" ...>.
    for (xmlAttr* a = element.raw()->properties; a; a = a->next) {
      if (!a->ns || !a->ns->href || !a->name)
        continue;
      xmlChar* value = xmlNodeGetContent(reinterpret_cast<xmlNode*>(a));
      std::string text = value ? reinterpret_cast<const char*>(value) : "";
      xmlFree(value);
      take(out, reinterpret_cast<const char*>(a->ns->href), reinterpret_cast<const char*>(a->name),
           std::string(xml::trim_xml_space(text)));
    }
  } else if (ns == kPdfaSchema && element.local_name() == "namespaceURI") {
    declared.emplace_back(xml::trim_xml_space(element.text()));
  } else if (!ns.empty() && ns != kRdf) {
    // A property element directly under a Description.
    xml::XmlElement parent(element.raw()->parent && element.raw()->parent->type == XML_ELEMENT_NODE
                               ? element.raw()->parent
                               : nullptr);
    if (parent && parent.namespace_uri() == kRdf && parent.local_name() == "Description")
      take(out, ns, element.local_name(), property_text(element));
  }
  for (xml::XmlElement c = element.first_element_child(); c; c = c.next_element_sibling())
    walk(c, out, declared, depth + 1);
}

}  // namespace

model::Result<XmpRead> read_xmp(std::string_view packet, std::string_view document_name) {
  xml::XmlLimits limits;
  limits.max_bytes = 8u << 20;
  auto document = xml::XmlDocument::parse(packet, document_name, limits);
  XmpRead out;
  if (!document && document.error().code == model::ErrorCode::kMalformed) {
    out.syntax_problem = document.error().describe();
    limits.recover = true;
    document = xml::XmlDocument::parse(packet, document_name, limits);
  }
  if (!document)
    return document.error();
  std::vector<std::string> declared;
  walk(document->root(), out, declared, 0);
  if (out.invoice_namespace) {
    for (const auto& uri : declared) {
      if (uri == *out.invoice_namespace)
        out.extension_schema_declared = true;
    }
  }
  return out;
}

}  // namespace einvoice::facturx
