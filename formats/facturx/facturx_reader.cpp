#include "formats/facturx/facturx_reader.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "formats/pdf/podofo.h"
#include "formats/xml/xml_document.h"

namespace einvoice::facturx {
namespace {

using pdf::pdf_text;
using pdf::PdfFile;

constexpr std::array<std::string_view, 5> kInvoiceNames{
    "factur-x.xml", "xrechnung.xml", "zugferd-invoice.xml", "zugferd-invoice.xml", "order-x.xml"};

std::size_t invoice_name_rank(std::string_view name) {
  for (std::size_t i = 0; i < kInvoiceNames.size(); ++i) {
    if (same_attachment_name(name, kInvoiceNames[i]))
      return i;
  }
  return kInvoiceNames.size();
}

const char* version_text(PoDoFo::EPdfVersion version) {
  switch (version) {
    case PoDoFo::ePdfVersion_1_0:
      return "1.0";
    case PoDoFo::ePdfVersion_1_1:
      return "1.1";
    case PoDoFo::ePdfVersion_1_2:
      return "1.2";
    case PoDoFo::ePdfVersion_1_3:
      return "1.3";
    case PoDoFo::ePdfVersion_1_4:
      return "1.4";
    case PoDoFo::ePdfVersion_1_5:
      return "1.5";
    case PoDoFo::ePdfVersion_1_6:
      return "1.6";
    case PoDoFo::ePdfVersion_1_7:
      return "1.7";
  }
  return "unknown";
}

// First child element with this local name, whatever its namespace (the CII
// of ZUGFeRD 1 and of Factur-X use different namespaces for the same path).
xml::XmlElement child_named(xml::XmlElement parent, std::string_view local) {
  for (xml::XmlElement c = parent.first_element_child(); c; c = c.next_element_sibling()) {
    if (c.local_name() == local)
      return c;
  }
  return {};
}

void read_guideline(FacturxContent& content, std::string_view pdf_name) {
  const Attachment* invoice = content.invoice_attachment();
  if (!invoice || invoice->problem)
    return;
  auto document =
      xml::XmlDocument::parse(invoice->data, std::string(pdf_name) + "/" + invoice->name);
  if (!document) {
    content.xml_problem = document.error().describe();
    return;
  }
  xml::XmlElement root = document->root();
  std::string id;
  if (root.local_name() == "Invoice" || root.local_name() == "CreditNote") {
    id = child_named(root, "CustomizationID").text();
  } else {
    xml::XmlElement context = child_named(root, "ExchangedDocumentContext");
    if (!context)
      context = child_named(root, "SpecifiedExchangedDocumentContext");
    id = child_named(child_named(context, "GuidelineSpecifiedDocumentContextParameter"), "ID")
             .text();
  }
  std::string_view trimmed = xml::trim_xml_space(id);
  if (trimmed.empty())
    return;
  content.guideline_id = std::string(trimmed);
  content.xml_profile = profile_of_guideline(trimmed);
}

std::optional<std::string> info_text(PdfFile& file, PoDoFo::PdfObject* info, const char* key) {
  PoDoFo::PdfObject* value = file.get(info, key);
  if (!value || !(value->IsString() || value->IsHexString()))
    return std::nullopt;
  return pdf_text(value);
}

// Fills `a` from the file specification `spec`; PoDoFo errors propagate.
void read_specification_into(PdfFile& file, const std::string& key, PoDoFo::PdfObject* spec,
                             Attachment& a) {
  PoDoFo::PdfObject* f = file.get(spec, "F");
  PoDoFo::PdfObject* uf = file.get(spec, "UF");
  a.has_f = f != nullptr;
  a.has_uf = uf != nullptr;
  a.name = uf ? pdf_text(uf) : f ? pdf_text(f) : key;
  if (PoDoFo::PdfObject* rel = file.get(spec, "AFRelationship"); rel && rel->IsName())
    a.relationship = rel->GetName().GetName();
  a.description = pdf_text(file.get(spec, "Desc"));
  PoDoFo::PdfObject* ef = file.get(spec, "EF");
  PoDoFo::PdfObject* stream = ef ? file.get(ef, "UF") : nullptr;
  if (!stream && ef)
    stream = file.get(ef, "F");
  if (!stream || !stream->HasStream()) {
    a.problem = "the file specification " + a.place + " has no embedded file stream (/EF)";
    return;
  }
  if (PoDoFo::PdfObject* subtype = file.get(stream, "Subtype"); subtype && subtype->IsName())
    a.mime_type = subtype->GetName().GetName();
  if (PoDoFo::PdfObject* params = file.get(stream, "Params"); params && params->IsDictionary()) {
    if (PoDoFo::PdfObject* mod = file.get(params, "ModDate");
        mod && (mod->IsString() || mod->IsHexString()))
      a.mod_date = mod->GetString().GetStringUtf8();
    if (PoDoFo::PdfObject* size = file.get(params, "Size"); size && size->IsNumber())
      a.declared_size = size->GetNumber();
    if (PoDoFo::PdfObject* sum = file.get(params, "CheckSum");
        sum && (sum->IsString() || sum->IsHexString()))
      a.declared_checksum = std::string(sum->GetString().GetString(),
                                        static_cast<std::size_t>(sum->GetString().GetLength()));
  }
  auto data = file.decoded_stream(stream);
  if (data)
    a.data = std::move(*data);
  else
    a.problem = data.error().message + " (" + PdfFile::describe(stream) + ")";
}

// One attachment; a PoDoFo failure inside its objects becomes the
// attachment's problem, naming the object and its offset.
Attachment read_specification(PdfFile& file, const std::string& key, PoDoFo::PdfObject* spec) {
  Attachment a;
  a.place = PdfFile::describe(spec);
  try {
    read_specification_into(file, key, spec, a);
  } catch (const PoDoFo::PdfError& e) {
    a.problem =
        "the file specification " + file.place(spec) + " cannot be read: " + file.error_text(e);
  }
  return a;
}

// The action types ISO 19005-3 (PDF/A-3) 6.6.1 forbids.
constexpr std::array<std::string_view, 11> kForbiddenActions{
    "Launch",      "Sound",     "Movie", "ResetForm",  "ImportData", "Hide",
    "SetOCGState", "Rendition", "Trans", "GoTo3DView", "JavaScript"};

void find_actions_in(const PoDoFo::PdfObject& value, const std::string& place, int depth,
                     std::vector<FacturxContent::Action>& out) {
  if (depth > 64 || out.size() >= FacturxContent::kMaxReportedActions)
    return;
  if (value.IsArray()) {
    for (const auto& item : value.GetArray())
      find_actions_in(item, place, depth + 1, out);
    return;
  }
  if (!value.IsDictionary())
    return;
  const PoDoFo::PdfDictionary& dictionary = value.GetDictionary();
  if (const PoDoFo::PdfObject* type = dictionary.GetKey(PoDoFo::PdfName("S"));
      type && type->IsName()) {
    const std::string& name = type->GetName().GetName();
    if (std::find(kForbiddenActions.begin(), kForbiddenActions.end(), name) !=
        kForbiddenActions.end())
      out.push_back({name, place});
  }
  if (dictionary.HasKey(PoDoFo::PdfName("AA")) && out.size() < FacturxContent::kMaxReportedActions)
    out.push_back({"AA", place});
  for (const auto& entry : dictionary.GetKeys())
    find_actions_in(*entry.second, place, depth + 1, out);
}

// Every object of the document (reachable or not: what a viewer runs is not
// for the checker to guess), and the catalog's JavaScript name tree.
void find_forbidden_actions(PdfFile& file, PoDoFo::PdfObject* names,
                            std::vector<FacturxContent::Action>& out) {
  if (names && file.get(names, "JavaScript"))
    out.push_back({"JavaScript", "/Root/Names/JavaScript"});
  for (const PoDoFo::PdfObject* object : file.document().GetObjects()) {
    if (out.size() >= FacturxContent::kMaxReportedActions)
      break;
    if (object)
      find_actions_in(*object, file.place(object), 0, out);
  }
}

}  // namespace

std::optional<XmpRead> salvage_xmp(std::string_view pdf, std::string_view name) {
  constexpr std::string_view kOpen = "<x:xmpmeta";
  constexpr std::string_view kClose = "</x:xmpmeta>";
  std::size_t begin = pdf.find(kOpen);
  if (begin == std::string_view::npos)
    return std::nullopt;
  std::size_t end = pdf.find(kClose, begin);
  if (end == std::string_view::npos)
    return std::nullopt;
  auto xmp = read_xmp(pdf.substr(begin, end + kClose.size() - begin), name);
  if (!xmp)
    return std::nullopt;
  return std::move(*xmp);
}

bool same_attachment_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool is_invoice_attachment_name(std::string_view name) {
  return invoice_name_rank(name) < kInvoiceNames.size();
}

model::Result<FacturxContent> read_facturx(std::string_view pdf_bytes, std::string_view name,
                                           const pdf::PdfLimits& limits) {
  auto loaded = PdfFile::load(pdf_bytes, name, false, limits);
  if (!loaded)
    return loaded.error();
  PdfFile& file = *loaded;
  FacturxContent content;
  try {
    PoDoFo::PdfMemDocument& document = file.document();
    PoDoFo::PdfObject* catalog = document.GetCatalog();
    content.encrypted = file.encrypted();
    content.pdf_version = version_text(document.GetPdfVersion());
    if (PoDoFo::PdfObject* version = file.get(catalog, "Version"); version && version->IsName())
      content.pdf_version = std::max(content.pdf_version, version->GetName().GetName());
    content.has_document_id = document.GetTrailer() &&
                              document.GetTrailer()->GetDictionary().HasKey(PoDoFo::PdfName("ID"));
    if (PoDoFo::PdfObject* intents = file.get(catalog, "OutputIntents");
        intents && intents->IsArray()) {
      for (auto& entry : intents->GetArray()) {
        PoDoFo::PdfObject* s = file.get(&entry, "S");
        if (s && s->IsName() && s->GetName().GetName() == "GTS_PDFA1" &&
            file.get(&entry, "DestOutputProfile"))
          content.has_pdfa_output_intent = true;
      }
    }

    // Attachments: the EmbeddedFiles name tree, then /AF entries not in it.
    std::vector<std::pair<unsigned, unsigned>> af;
    if (PoDoFo::PdfObject* list = file.get(catalog, "AF"); list && list->IsArray()) {
      for (auto& entry : list->GetArray()) {
        if (entry.IsReference())
          af.emplace_back(entry.GetReference().ObjectNumber(),
                          entry.GetReference().GenerationNumber());
      }
    }
    auto in_af = [&](PoDoFo::PdfObject* spec) {
      std::pair<unsigned, unsigned> key{spec->Reference().ObjectNumber(),
                                        spec->Reference().GenerationNumber()};
      return key.first != 0 && std::find(af.begin(), af.end(), key) != af.end();
    };
    std::vector<std::pair<unsigned, unsigned>> seen;
    PoDoFo::PdfObject* names = file.get(catalog, "Names");
    if (PoDoFo::PdfObject* tree = names ? file.get(names, "EmbeddedFiles") : nullptr) {
      file.for_each_name(tree, [&](const std::string& key, PoDoFo::PdfObject* spec) {
        if (!spec || !spec->IsDictionary())
          return;
        Attachment a = read_specification(file, key, spec);
        a.listed_in_af = in_af(spec);
        seen.emplace_back(spec->Reference().ObjectNumber(), spec->Reference().GenerationNumber());
        content.attachments.push_back(std::move(a));
      });
    }
    if (PoDoFo::PdfObject* list = file.get(catalog, "AF"); list && list->IsArray()) {
      for (auto& entry : list->GetArray()) {
        PoDoFo::PdfObject* spec = file.resolve(&entry);
        if (!spec || !spec->IsDictionary())
          continue;
        std::pair<unsigned, unsigned> key{spec->Reference().ObjectNumber(),
                                          spec->Reference().GenerationNumber()};
        if (key.first != 0 && std::find(seen.begin(), seen.end(), key) != seen.end())
          continue;
        Attachment a = read_specification(file, "", spec);
        a.listed_in_af = true;
        content.attachments.push_back(std::move(a));
      }
    }
    std::size_t best = kInvoiceNames.size();
    for (std::size_t i = 0; i < content.attachments.size(); ++i) {
      std::size_t rank = invoice_name_rank(content.attachments[i].name);
      if (rank < best) {
        best = rank;
        content.invoice = i;
      }
    }

    find_forbidden_actions(file, names, content.forbidden_actions);

    // XMP.
    if (PoDoFo::PdfObject* metadata = file.get(catalog, "Metadata");
        metadata && metadata->HasStream()) {
      content.has_xmp = true;
      auto packet = file.decoded_stream(metadata);
      if (!packet) {
        content.xmp_problem = packet.error().message;
      } else if (auto xmp = read_xmp(*packet, std::string(name) + " (XMP)")) {
        content.xmp_problem = xmp->syntax_problem;
        content.xmp = std::move(*xmp);
      } else {
        content.xmp_problem = xmp.error().describe();
      }
    }

    // /Info.
    if (PoDoFo::PdfObject* info =
            file.get(const_cast<PoDoFo::PdfObject*>(document.GetTrailer()), "Info")) {
      content.info_title = info_text(file, info, "Title");
      content.info_author = info_text(file, info, "Author");
      content.info_subject = info_text(file, info, "Subject");
      content.info_keywords = info_text(file, info, "Keywords");
      content.info_producer = info_text(file, info, "Producer");
      content.info_creator = info_text(file, info, "Creator");
      content.info_creation_date = info_text(file, info, "CreationDate");
      content.info_mod_date = info_text(file, info, "ModDate");
    }
  } catch (const PoDoFo::PdfError& e) {
    return model::Error{model::ErrorCode::kMalformed,
                        "unreadable PDF structure: " + file.error_text(e),
                        {std::string(name), "", 0, 0}};
  } catch (...) {
    return model::Error{
        model::ErrorCode::kMalformed, "unreadable PDF structure", {std::string(name), "", 0, 0}};
  }
  read_guideline(content, name);
  return content;
}

}  // namespace einvoice::facturx
