#include "formats/facturx/facturx_embedder.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "formats/facturx/xmp_metadata.h"
#include "formats/pdf/podofo.h"

namespace einvoice::facturx {
namespace {

using pdf::pdf_text;
using pdf::PdfFile;

using model::Error;
using model::ErrorCode;

Error invalid(std::string message, std::string_view file) {
  return Error{ErrorCode::kInvalidArgument, std::move(message), {std::string(file), "", 0, 0}};
}

// "2026-11-23T10:00:00+00:00" -> "D:20261123100000+00'00'"; empty when the
// text is not in that form.
std::string pdf_date(std::string_view iso) {
  auto digits = [&](std::size_t at, std::size_t count) {
    if (at + count > iso.size())
      return false;
    for (std::size_t i = at; i < at + count; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(iso[i])))
        return false;
    }
    return true;
  };
  if (iso.size() < 25 || !digits(0, 4) || iso[4] != '-' || !digits(5, 2) || iso[7] != '-' ||
      !digits(8, 2) || iso[10] != 'T' || !digits(11, 2) || iso[13] != ':' || !digits(14, 2) ||
      iso[16] != ':' || !digits(17, 2) || (iso[19] != '+' && iso[19] != '-') || !digits(20, 2) ||
      iso[22] != ':' || !digits(23, 2))
    return {};
  std::string out = "D:";
  out.append(iso.substr(0, 4)).append(iso.substr(5, 2)).append(iso.substr(8, 2));
  out.append(iso.substr(11, 2)).append(iso.substr(14, 2)).append(iso.substr(17, 2));
  out += iso[19];
  out.append(iso.substr(20, 2)).append("'").append(iso.substr(23, 2)).append("'");
  return out;
}

// "D:20240923161710+00'00'" -> "2024-09-23T16:17:10+00:00" (what the XMP
// must say for the same instant); empty when not a full PDF date.
std::string iso_date(std::string_view d) {
  if (d.substr(0, 2) == "D:")
    d.remove_prefix(2);
  if (d.size() < 14)
    return {};
  for (std::size_t i = 0; i < 14; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(d[i])))
      return {};
  }
  std::string out;
  out.append(d.substr(0, 4)).append("-").append(d.substr(4, 2)).append("-");
  out.append(d.substr(6, 2)).append("T").append(d.substr(8, 2)).append(":");
  out.append(d.substr(10, 2)).append(":").append(d.substr(12, 2));
  std::string_view zone = d.substr(14);
  if (zone.empty() || zone[0] == 'Z') {
    out += "+00:00";
  } else if ((zone[0] == '+' || zone[0] == '-') && zone.size() >= 3) {
    out += zone[0];
    out.append(zone.substr(1, 2)).append(":");
    std::string_view minutes = zone.size() >= 6 ? zone.substr(4, 2) : "00";
    out.append(minutes);
  } else {
    return {};
  }
  return out;
}

std::string md5(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), digest, &length, EVP_md5(), nullptr);
  return std::string(reinterpret_cast<const char*>(digest), length);
}

// A PDF text string: PDFDocEncoding when ASCII, UTF-16BE otherwise.
PoDoFo::PdfString text_string(const std::string& utf8) {
  bool ascii = std::all_of(utf8.begin(), utf8.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii)
    return PoDoFo::PdfString(utf8);
  return PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(utf8.c_str()));
}

// The dictionary at catalog[key], made an indirect object of its own when it
// is absent (so an incremental update can add to it).
PoDoFo::PdfObject* dictionary_at(PdfFile& file, PoDoFo::PdfObject* parent, const char* key,
                                 PoDoFo::PdfVecObjects& objects) {
  PoDoFo::PdfObject* existing = file.get(parent, key);
  if (existing && existing->IsDictionary())
    return existing;
  PoDoFo::PdfObject* created = objects.CreateObject(PoDoFo::PdfDictionary());
  parent->GetDictionary().AddKey(PoDoFo::PdfName(key), created->Reference());
  return created;
}

// Fonts that are not embedded: each keeps the result from PDF/A.
void find_unembedded_fonts(PdfFile& file, PoDoFo::PdfVecObjects& objects,
                           std::vector<std::string>& problems) {
  std::size_t reported = 0;
  for (PoDoFo::PdfObject* object : objects) {
    if (!object || !object->IsDictionary())
      continue;
    PoDoFo::PdfObject* type = file.get(object, "Type");
    if (!type || !type->IsName() || type->GetName().GetName() != "Font")
      continue;
    PoDoFo::PdfObject* subtype = file.get(object, "Subtype");
    std::string kind = subtype && subtype->IsName() ? subtype->GetName().GetName() : "";
    if (kind == "Type3" || kind == "Type0")
      continue;  // Type3 glyphs are content; Type0 is checked through its descendant
    PoDoFo::PdfObject* descriptor = file.get(object, "FontDescriptor");
    bool embedded =
        descriptor && (file.get(descriptor, "FontFile") || file.get(descriptor, "FontFile2") ||
                       file.get(descriptor, "FontFile3"));
    if (!embedded && reported++ < 20) {
      PoDoFo::PdfObject* base = file.get(object, "BaseFont");
      std::string name = base && base->IsName() ? base->GetName().GetName() : "(unnamed)";
      problems.push_back("font " + name + " (" + PdfFile::describe(object) +
                         ") is not embedded: PDF/A requires every font to be embedded");
    }
  }
}

bool has_pdfa_output_intent(PdfFile& file, PoDoFo::PdfObject* catalog) {
  PoDoFo::PdfObject* intents = file.get(catalog, "OutputIntents");
  if (!intents || !intents->IsArray())
    return false;
  for (auto& entry : intents->GetArray()) {
    PoDoFo::PdfObject* s = file.get(&entry, "S");
    if (s && s->IsName() && s->GetName().GetName() == "GTS_PDFA1")
      return true;
  }
  return false;
}

}  // namespace

const char* to_string(Relationship relationship) {
  switch (relationship) {
    case Relationship::kData:
      return "Data";
    case Relationship::kAlternative:
      return "Alternative";
    case Relationship::kSource:
      return "Source";
  }
  return "Data";
}

std::optional<Relationship> parse_relationship(std::string_view text) {
  std::string lower;
  for (char c : text)
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "data")
    return Relationship::kData;
  if (lower == "alternative")
    return Relationship::kAlternative;
  if (lower == "source")
    return Relationship::kSource;
  return std::nullopt;
}

Relationship default_relationship(Profile profile) {
  return is_full_invoice(profile) ? Relationship::kAlternative : Relationship::kData;
}

model::Result<EmbedOutcome> embed_invoice(std::string_view pdf_bytes, std::string_view pdf_name,
                                          std::string_view invoice_xml,
                                          const EmbedOptions& options) {
  const std::string timestamp = pdf_date(options.timestamp);
  if (timestamp.empty()) {
    return invalid(
        "the build timestamp must be YYYY-MM-DDThh:mm:ss+hh:mm, not '" + options.timestamp + "'",
        pdf_name);
  }
  if (options.icc_profile.empty())
    return invalid("no sRGB ICC profile was given for the PDF/A output intent", pdf_name);

  // Is the input already PDF/A? Then its bytes must stay untouched.
  EmbedOutcome outcome;
  std::optional<XmpRead> existing_xmp;
  {
    auto probe = PdfFile::load(pdf_bytes, pdf_name, false, options.limits);
    if (!probe)
      return probe.error();
    if (probe->encrypted()) {
      return Error{ErrorCode::kUnsupported,
                   "the PDF is encrypted; PDF/A-3 forbids encryption, so it cannot carry a "
                   "Factur-X invoice (supply an unencrypted PDF)",
                   {std::string(pdf_name), "", 0, 0}};
    }
    PoDoFo::PdfObject* metadata = probe->get(probe->document().GetCatalog(), "Metadata");
    if (metadata && metadata->HasStream()) {
      if (auto packet = probe->decoded_stream(metadata)) {
        if (auto xmp = read_xmp(*packet, pdf_name))
          existing_xmp = std::move(*xmp);
      }
    }
  }
  outcome.incremental = existing_xmp && existing_xmp->pdfa_part.has_value();

  auto loaded = PdfFile::load(pdf_bytes, pdf_name, outcome.incremental, options.limits);
  if (!loaded)
    return loaded.error();
  PdfFile& file = *loaded;
  try {
    PoDoFo::PdfMemDocument& document = file.document();
    PoDoFo::PdfVecObjects& objects = *static_cast<PoDoFo::PdfDocument&>(document).GetObjects();
    PoDoFo::PdfObject* catalog = document.GetCatalog();

    // The attachment name must be free.
    PoDoFo::PdfObject* names = file.get(catalog, "Names");
    PoDoFo::PdfObject* old_tree = names ? file.get(names, "EmbeddedFiles") : nullptr;
    std::map<std::string, PoDoFo::PdfReference> leaves;
    if (old_tree) {
      file.for_each_name(old_tree, [&](const std::string& key, PoDoFo::PdfObject* value) {
        if (value && value->Reference().ObjectNumber() != 0)
          leaves.emplace(key, value->Reference());
      });
    }
    if (leaves.count(options.attachment_name)) {
      return invalid("the PDF already has an attachment named '" + options.attachment_name +
                         "'; extract it or start from the PDF without it",
                     pdf_name);
    }

    // The embedded file and its specification.
    PoDoFo::PdfObject* embedded = objects.CreateObject("EmbeddedFile");
    embedded->GetDictionary().AddKey("Subtype", PoDoFo::PdfName("text/xml"));
    PoDoFo::PdfDictionary params;
    params.AddKey("ModDate", PoDoFo::PdfString(timestamp));
    params.AddKey("Size", PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(invoice_xml.size())));
    const std::string checksum = md5(invoice_xml);
    params.AddKey(
        "CheckSum",
        PoDoFo::PdfString(checksum.data(), static_cast<PoDoFo::pdf_long>(checksum.size()), true));
    embedded->GetDictionary().AddKey("Params", params);
    embedded->GetStream()->Set(invoice_xml.data(),
                               static_cast<PoDoFo::pdf_long>(invoice_xml.size()));

    const Relationship relationship =
        options.relationship.value_or(default_relationship(options.profile));
    PoDoFo::PdfObject* spec = objects.CreateObject("Filespec");
    PoDoFo::PdfDictionary& spec_dict = spec->GetDictionary();
    spec_dict.AddKey("F", PoDoFo::PdfString(options.attachment_name));
    spec_dict.AddKey("UF", text_string(options.attachment_name));
    spec_dict.AddKey("Desc", PoDoFo::PdfString(std::string("Factur-X invoice (") +
                                               to_string(options.profile) + ")"));
    spec_dict.AddKey("AFRelationship", PoDoFo::PdfName(to_string(relationship)));
    PoDoFo::PdfDictionary ef;
    ef.AddKey("F", embedded->Reference());
    ef.AddKey("UF", embedded->Reference());
    spec_dict.AddKey("EF", ef);

    // The EmbeddedFiles name tree, rebuilt flat with the keys in order.
    leaves.emplace(options.attachment_name, spec->Reference());
    PoDoFo::PdfObject* names_dict = dictionary_at(file, catalog, "Names", objects);
    PoDoFo::PdfObject* tree = objects.CreateObject(PoDoFo::PdfDictionary());
    PoDoFo::PdfArray tree_names;
    for (const auto& [key, reference] : leaves) {
      tree_names.push_back(PoDoFo::PdfString(key));
      tree_names.push_back(reference);
    }
    tree->GetDictionary().AddKey("Names", tree_names);
    names_dict->GetDictionary().AddKey("EmbeddedFiles", tree->Reference());

    // /AF: the associated files of the document.
    PoDoFo::PdfArray af;
    if (PoDoFo::PdfObject* old_af = file.get(catalog, "AF"); old_af && old_af->IsArray())
      af = old_af->GetArray();
    af.push_back(spec->Reference());
    catalog->GetDictionary().AddKey("AF", af);

    // Output intent.
    if (!has_pdfa_output_intent(file, catalog)) {
      PoDoFo::PdfObject* icc = objects.CreateObject(PoDoFo::PdfDictionary());
      icc->GetDictionary().AddKey("N", PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(3)));
      icc->GetStream()->Set(options.icc_profile.data(),
                            static_cast<PoDoFo::pdf_long>(options.icc_profile.size()));
      PoDoFo::PdfObject* intent = objects.CreateObject("OutputIntent");
      intent->GetDictionary().AddKey("S", PoDoFo::PdfName("GTS_PDFA1"));
      intent->GetDictionary().AddKey("OutputConditionIdentifier", PoDoFo::PdfString("sRGB"));
      intent->GetDictionary().AddKey("Info", PoDoFo::PdfString("sRGB IEC61966-2.1"));
      intent->GetDictionary().AddKey("DestOutputProfile", icc->Reference());
      PoDoFo::PdfArray intents;
      if (PoDoFo::PdfObject* old = file.get(catalog, "OutputIntents"); old && old->IsArray())
        intents = old->GetArray();
      intents.push_back(intent->Reference());
      catalog->GetDictionary().AddKey("OutputIntents", intents);
      outcome.changes.push_back("added an sRGB output intent (PDF/A requires one)");
    }

    // /Info and XMP, saying the same.
    PoDoFo::PdfObject* info = document.GetInfo()->GetObject();
    PoDoFo::PdfDictionary& info_dict = info->GetDictionary();
    std::string create_date;
    if (PoDoFo::PdfObject* created = file.get(info, "CreationDate"); created && created->IsString())
      create_date = iso_date(created->GetString().GetStringUtf8());
    if (create_date.empty()) {
      create_date = options.timestamp;
      info_dict.AddKey("CreationDate", PoDoFo::PdfString(timestamp));
    }
    auto keep_or_set = [&](const char* key, const std::string& wanted) {
      std::string current = pdf_text(file.get(info, key));
      if (!wanted.empty()) {
        info_dict.AddKey(key, text_string(wanted));
        return wanted;
      }
      return current;
    };
    XmpWrite xmp;
    xmp.profile = options.profile;
    xmp.attachment_name = options.attachment_name;
    if (existing_xmp && existing_xmp->pdfa_part == 3 && existing_xmp->pdfa_conformance &&
        (*existing_xmp->pdfa_conformance == "A" || *existing_xmp->pdfa_conformance == "U"))
      xmp.pdfa_conformance = *existing_xmp->pdfa_conformance;
    xmp.title = keep_or_set("Title", options.title);
    xmp.author = keep_or_set("Author", options.author);
    xmp.subject = keep_or_set("Subject", options.subject);
    xmp.keywords = pdf_text(file.get(info, "Keywords"));
    info_dict.AddKey("Producer", PoDoFo::PdfString("einvoice"));
    info_dict.AddKey("Creator", PoDoFo::PdfString("einvoice"));
    info_dict.AddKey("ModDate", PoDoFo::PdfString(timestamp));
    xmp.create_date = create_date;
    xmp.modify_date = options.timestamp;
    const std::string packet = write_xmp(xmp);
    PoDoFo::PdfObject* metadata = objects.CreateObject("Metadata");
    metadata->GetDictionary().AddKey("Subtype", PoDoFo::PdfName("XML"));
    metadata->GetStream()->Set(packet.data(), static_cast<PoDoFo::pdf_long>(packet.size()),
                               PoDoFo::TVecFilters());
    catalog->GetDictionary().AddKey("Metadata", metadata->Reference());
    if (!existing_xmp) {
      outcome.changes.push_back("added XMP metadata declaring PDF/A-3B (the PDF had none)");
    } else if (!existing_xmp->pdfa_part) {
      outcome.changes.push_back(
          "replaced the XMP metadata to declare PDF/A-3B (the PDF declared no PDF/A level)");
    } else if (*existing_xmp->pdfa_part != 3) {
      outcome.changes.push_back("declared PDF/A-3B in the XMP metadata (the PDF declared PDF/A-" +
                                std::to_string(*existing_xmp->pdfa_part) +
                                "; only PDF/A-3 may carry an XML attachment)");
    }

    // PDF/A-3 is based on PDF 1.7.
    if (document.GetPdfVersion() < PoDoFo::ePdfVersion_1_7) {
      if (outcome.incremental) {
        catalog->GetDictionary().AddKey("Version", PoDoFo::PdfName("1.7"));
      } else {
        document.SetPdfVersion(PoDoFo::ePdfVersion_1_7);
      }
      outcome.changes.push_back("raised the PDF version to 1.7 (PDF/A-3 is based on PDF 1.7)");
    }

    find_unembedded_fonts(file, objects, outcome.remaining_problems);
  } catch (const PoDoFo::PdfError& e) {
    return Error{ErrorCode::kMalformed,
                 "cannot add the invoice to this PDF: " + file.error_text(e),
                 {std::string(pdf_name), "", 0, 0}};
  } catch (...) {
    return Error{ErrorCode::kInternal,
                 "cannot add the invoice to this PDF",
                 {std::string(pdf_name), "", 0, 0}};
  }

  auto written = outcome.incremental ? file.write_update() : file.write();
  if (!written)
    return written.error();
  outcome.pdf = std::move(*written);
  return outcome;
}

}  // namespace einvoice::facturx
