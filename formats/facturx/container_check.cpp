#include "formats/facturx/container_check.h"

#include <openssl/evp.h>

#include <cctype>
#include <string>

namespace einvoice::facturx {
namespace {

using model::Severity;

class Checklist {
 public:
  explicit Checklist(std::string_view file) : file_(file) {}

  void fail(const char* id, Severity severity, std::string message, std::string place = {}) {
    model::Diagnostic d;
    d.rule_id = id;
    d.severity = severity;
    d.message = std::move(message);
    d.location.file = file_;
    d.location.xpath = std::move(place);
    findings_.push_back(std::move(d));
  }
  model::Diagnostics take() { return std::move(findings_); }

 private:
  std::string file_;
  model::Diagnostics findings_;
};

std::string md5(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), digest, &length, EVP_md5(), nullptr);
  return std::string(reinterpret_cast<const char*>(digest), length);
}

// "D:20240923161710+00'00'" and "2024-09-23T16:17:10+00:00" name the same
// instant when their digits agree (seconds and zone included when both have them).
std::string date_digits(std::string_view date) {
  std::string digits;
  for (char c : date) {
    if (std::isdigit(static_cast<unsigned char>(c)))
      digits += c;
  }
  return digits.substr(0, 14);
}

void check_xmp(const FacturxContent& c, Checklist& out) {
  if (!c.has_xmp) {
    out.fail("FX-02", Severity::kFatal,
             "the PDF has no XMP metadata stream (/Metadata on the catalog): PDF/A and Factur-X "
             "identify themselves there",
             "/Root/Metadata");
    return;
  }
  if (c.xmp_problem) {
    out.fail("FX-02", Severity::kFatal,
             "the XMP metadata is not well-formed XML (" + *c.xmp_problem +
                 "); PDF/A readers will reject it",
             "/Root/Metadata");
  }
  if (!c.xmp)
    return;
  const XmpRead& x = *c.xmp;
  if (!x.pdfa_part) {
    out.fail("FX-03", Severity::kFatal,
             "the XMP does not declare a PDF/A part (pdfaid:part): a Factur-X must be PDF/A-3");
  } else if (*x.pdfa_part != 3) {
    out.fail("FX-03", Severity::kFatal,
             "the XMP declares PDF/A-" + std::to_string(*x.pdfa_part) +
                 ": a Factur-X must be PDF/A-3 (the only level that allows an XML attachment)");
  }
  if (x.pdfa_part == 3 &&
      (!x.pdfa_conformance ||
       (*x.pdfa_conformance != "A" && *x.pdfa_conformance != "B" && *x.pdfa_conformance != "U"))) {
    out.fail("FX-04", Severity::kFatal,
             "pdfaid:conformance is '" + x.pdfa_conformance.value_or("") +
                 "'; PDF/A-3 allows A, B or U (in capitals)");
  }
  if (!x.invoice_namespace) {
    out.fail("FX-05", Severity::kFatal,
             "the XMP has no Factur-X properties (fx:DocumentType, DocumentFileName, Version, "
             "ConformanceLevel in namespace " +
                 std::string(kFacturXNamespace) + ")");
    return;
  }
  if (!x.document_type || !x.document_file_name || !x.version || !x.conformance_level) {
    out.fail("FX-05", Severity::kFatal,
             "the XMP lacks one of fx:DocumentType, fx:DocumentFileName, fx:Version, "
             "fx:ConformanceLevel");
  }
  if (!x.extension_schema_declared) {
    out.fail("FX-06", Severity::kFatal,
             "the XMP does not declare its Factur-X properties in a PDF/A extension schema "
             "(pdfaExtension:schemas for " +
                 *x.invoice_namespace + "); PDF/A validators reject undeclared properties");
  }
  if (x.document_type && *x.document_type != "INVOICE") {
    out.fail("FX-07", Severity::kFatal,
             "fx:DocumentType is '" + *x.document_type + "'; an invoice declares INVOICE");
  }
  const Attachment* invoice = c.invoice_attachment();
  if (x.document_file_name && invoice && *x.document_file_name != invoice->name) {
    out.fail("FX-08", Severity::kFatal,
             "fx:DocumentFileName says '" + *x.document_file_name +
                 "' but the invoice is attached as '" + invoice->name + "'");
  }
  if (x.conformance_level) {
    auto declared = profile_of_conformance_level(*x.conformance_level);
    if (!declared) {
      out.fail("FX-09", Severity::kFatal,
               "fx:ConformanceLevel '" + *x.conformance_level +
                   "' is not a Factur-X profile (MINIMUM, BASIC WL, BASIC, EN 16931, EXTENDED, "
                   "XRECHNUNG)");
    } else if (c.xml_profile && conformance_level(c.xml_profile->profile) != *x.conformance_level) {
      out.fail("FX-09", Severity::kFatal,
               "the XMP declares profile " + *x.conformance_level + " but the XML's guideline id " +
                   c.guideline_id.value_or("") + " is profile " +
                   std::string(conformance_level(c.xml_profile->profile)));
    }
  }
}

// Two attachments under the invoice's name: a viewer may show one and a
// machine read the other.
void check_duplicate_invoices(const FacturxContent& c, Checklist& out) {
  const Attachment* invoice = c.invoice_attachment();
  if (!invoice)
    return;
  std::string places;
  std::size_t count = 0;
  for (const Attachment& a : c.attachments) {
    if (same_attachment_name(a.name, invoice->name)) {
      places += (count++ ? ", " : "") + a.place;
    }
  }
  if (count > 1) {
    out.fail("FX-23", Severity::kFatal,
             std::to_string(count) + " attachments are named '" + invoice->name + "' (" + places +
                 "); a reader cannot tell which one is the invoice",
             invoice->place);
  }
}

void check_attachment(const FacturxContent& c, Checklist& out) {
  check_duplicate_invoices(c, out);
  const Attachment* a = c.invoice_attachment();
  if (!a) {
    out.fail("FX-10", Severity::kFatal,
             "no invoice XML is attached (expected an embedded file named factur-x.xml; also "
             "recognised: xrechnung.xml, zugferd-invoice.xml)",
             "/Root/Names/EmbeddedFiles");
    return;
  }
  const std::string& place = a->place;
  if (a->problem)
    out.fail("FX-10", Severity::kFatal, "the invoice attachment cannot be read: " + *a->problem,
             place);
  if (a->name != "factur-x.xml" && c.xml_profile && c.xml_profile->family == Family::kFacturX) {
    out.fail("FX-10", Severity::kWarning,
             "the invoice is attached as '" + a->name + "'; Factur-X 1.0 names it factur-x.xml",
             place);
  }
  if (!a->has_f || !a->has_uf) {
    out.fail("FX-11", Severity::kFatal,
             "the invoice's file specification lacks " +
                 std::string(!a->has_f && !a->has_uf ? "/F and /UF"
                             : !a->has_f             ? "/F"
                                                     : "/UF") +
                 " (PDF/A-3 requires both)",
             place);
  }
  if (a->relationship.empty()) {
    out.fail("FX-12", Severity::kFatal,
             "the invoice's file specification has no /AFRelationship (PDF/A-3 requires it)",
             place);
  } else if (a->relationship != "Data" && a->relationship != "Alternative" &&
             a->relationship != "Source") {
    out.fail(
        "FX-12", Severity::kFatal,
        "/AFRelationship is /" + a->relationship + "; Factur-X allows Data, Alternative or Source",
        place);
  } else if (c.xml_profile) {
    const bool full = is_full_invoice(c.xml_profile->profile);
    if (!full && a->relationship != "Data") {
      out.fail("FX-12", Severity::kWarning,
               "/AFRelationship is /" + a->relationship + "; for profile " +
                   to_string(c.xml_profile->profile) + " Factur-X prescribes /Data",
               place);
    }
  }
  if (a->mime_type != "text/xml") {
    out.fail("FX-13", a->mime_type == "application/xml" ? Severity::kWarning : Severity::kFatal,
             "the embedded file's /Subtype is '" + a->mime_type + "'; Factur-X prescribes text/xml",
             place);
  }
  if (!a->mod_date) {
    out.fail("FX-14", Severity::kFatal,
             "the embedded file has no /Params /ModDate (PDF/A-3 requires the modification date)",
             place);
  }
  if (!a->problem) {
    if (a->declared_size && *a->declared_size != static_cast<std::int64_t>(a->data.size())) {
      out.fail("FX-15", Severity::kFatal,
               "/Params /Size says " + std::to_string(*a->declared_size) +
                   " bytes but the attachment has " + std::to_string(a->data.size()),
               place);
    }
    if (a->declared_checksum && a->declared_checksum->size() == 16 &&
        *a->declared_checksum != md5(a->data)) {
      out.fail("FX-15", Severity::kFatal,
               "/Params /CheckSum does not match the attachment's MD5: the XML was changed after "
               "it was attached",
               place);
    }
  }
  if (!a->listed_in_af) {
    out.fail("FX-16", Severity::kFatal,
             "the catalog's /AF array does not list the invoice's file specification (PDF/A-3 "
             "associates the file with the document there)",
             place);
  }
  if (a->description.empty())
    out.fail("FX-17", Severity::kWarning, "the invoice's file specification has no /Desc", place);
  if (c.xml_problem) {
    out.fail("FX-21", Severity::kFatal, "the invoice XML is not well-formed: " + *c.xml_problem,
             place);
  } else if (!c.guideline_id) {
    out.fail("FX-20", Severity::kFatal,
             "the invoice XML has no guideline id (GuidelineSpecifiedDocumentContextParameter/ID, "
             "BT-24)",
             place);
  } else if (!c.xml_profile) {
    out.fail("FX-20", Severity::kFatal,
             "the invoice XML's guideline id '" + *c.guideline_id +
                 "' names no known Factur-X, ZUGFeRD or XRechnung profile",
             place);
  }
}

void check_document(const FacturxContent& c, Checklist& out) {
  for (const auto& action : c.forbidden_actions) {
    if (action.type == "AA") {
      out.fail("FX-24", Severity::kFatal,
               "an additional-actions entry (/AA) runs actions on events; PDF/A forbids it",
               action.place);
    } else {
      out.fail("FX-24", Severity::kFatal,
               "a " + action.type + " action; PDF/A forbids " + action.type +
                   " actions (JavaScript, Launch, Sound, Movie, ResetForm, ImportData, Hide, "
                   "SetOCGState, Rendition, Trans, GoTo3DView)",
               action.place);
    }
  }
  if (c.encrypted) {
    out.fail("FX-01", Severity::kFatal, "the PDF is encrypted; PDF/A forbids encryption",
             "/Encrypt");
  }
  if (!c.has_pdfa_output_intent) {
    out.fail("FX-18", Severity::kFatal,
             "the PDF has no PDF/A output intent (/OutputIntents with /S /GTS_PDFA1 and an ICC "
             "profile)",
             "/Root/OutputIntents");
  }
  if (!c.has_document_id)
    out.fail("FX-22", Severity::kFatal, "the trailer has no /ID (PDF/A requires one)", "trailer");
  if (!c.xmp)
    return;
  const XmpRead& x = *c.xmp;
  auto agree = [&](const char* info_key, const std::optional<std::string>& info,
                   const char* xmp_key, const std::optional<std::string>& xmp) {
    if (info && !info->empty() && (!xmp || *xmp != *info)) {
      out.fail("FX-19", Severity::kFatal,
               std::string("/Info /") + info_key + " is '" + *info + "' but the XMP " + xmp_key +
                   (xmp ? " is '" + *xmp + "'" : " is missing") + " (PDF/A requires them to agree)",
               "/Info");
    }
  };
  agree("Title", c.info_title, "dc:title", x.title);
  agree("Author", c.info_author, "dc:creator", x.author);
  agree("Subject", c.info_subject, "dc:description", x.description);
  agree("Keywords", c.info_keywords, "pdf:Keywords", x.keywords);
  agree("Producer", c.info_producer, "pdf:Producer", x.producer);
  agree("Creator", c.info_creator, "xmp:CreatorTool", x.creator_tool);
  auto same_date = [&](const char* info_key, const std::optional<std::string>& info,
                       const char* xmp_key, const std::optional<std::string>& xmp) {
    if (!info || info->empty())
      return;
    if (!xmp || date_digits(*info) != date_digits(*xmp)) {
      out.fail("FX-19", Severity::kFatal,
               std::string("/Info /") + info_key + " is " + *info + " but the XMP " + xmp_key +
                   (xmp ? " is " + *xmp : " is missing") + " (PDF/A requires them to agree)",
               "/Info");
    }
  };
  same_date("CreationDate", c.info_creation_date, "xmp:CreateDate", x.create_date);
  same_date("ModDate", c.info_mod_date, "xmp:ModifyDate", x.modify_date);
}

}  // namespace

model::Diagnostics check_container(const FacturxContent& content, std::string_view file) {
  Checklist out(file);
  check_document(content, out);
  check_xmp(content, out);
  check_attachment(content, out);
  return out.take();
}

}  // namespace einvoice::facturx
