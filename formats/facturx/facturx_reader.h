#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/facturx/facturx_profile.h"
#include "formats/facturx/xmp_metadata.h"
#include "formats/pdf/pdf_file.h"
#include "model/result.h"

namespace einvoice::facturx {

// One embedded file of a PDF, as its file specification describes it.
struct Attachment {
  std::string name;          // /UF, else /F
  bool has_f = false;        // the specification has /F
  bool has_uf = false;       // ... and /UF
  std::string relationship;  // /AFRelationship ("Data", "Alternative"...), empty when absent
  std::string description;   // /Desc
  std::string mime_type;     // /Subtype of the embedded file stream ("text/xml")
  std::optional<std::string> mod_date;           // /Params /ModDate as written
  std::optional<std::int64_t> declared_size;     // /Params /Size
  std::optional<std::string> declared_checksum;  // /Params /CheckSum (16 raw bytes)
  bool listed_in_af = false;                     // the catalog's /AF names this specification
  std::string place;                             // "12 0 R" of the specification
  std::string data;                              // decoded content
  std::optional<std::string> problem;            // why `data` could not be read
};

// Everything einvoice reads from a Factur-X (or ZUGFeRD, XRechnung, or plain)
// PDF. A PDF without an invoice is still read: `invoice` is then empty.
struct FacturxContent {
  std::string pdf_version;  // "1.7"; the catalog's /Version when it raises the header's
  bool encrypted = false;
  bool has_document_id = false;  // trailer /ID
  bool has_pdfa_output_intent = false;
  std::vector<Attachment> attachments;
  std::optional<std::size_t> invoice;  // index in attachments of the invoice XML

  // The XMP packet, read when present and well-formed.
  bool has_xmp = false;
  std::optional<XmpRead> xmp;
  std::optional<std::string> xmp_problem;  // why the packet could not be read

  // From the invoice XML: its guideline id (CII BT-24, or UBL
  // CustomizationID) and the profile that id names.
  std::optional<std::string> guideline_id;
  std::optional<GuidelineMatch> xml_profile;
  std::optional<std::string> xml_problem;  // the invoice XML is not well-formed

  // The document information dictionary (/Info), UTF-8.
  std::optional<std::string> info_title, info_author, info_subject, info_keywords, info_producer,
      info_creator;
  std::optional<std::string> info_creation_date, info_mod_date;  // PDF date strings

  // Actions PDF/A forbids (JavaScript, Launch and the others of ISO 19005-3
  // 6.6.1) and additional-actions entries (/AA, 6.6.2), wherever they stand;
  // at most kMaxReportedActions.
  struct Action {
    std::string type;   // "JavaScript", "Launch"..., or "AA"
    std::string place;  // "object 12 0 R at offset 3456", or a path from the catalog
  };
  static constexpr std::size_t kMaxReportedActions = 32;
  std::vector<Action> forbidden_actions;

  const Attachment* invoice_attachment() const {
    return invoice ? &attachments[*invoice] : nullptr;
  }
};

// The names the invoice XML is known under, in order of preference:
// factur-x.xml, xrechnung.xml, zugferd-invoice.xml, ZUGFeRD-invoice.xml,
// order-x.xml (compared without regard to case).
bool is_invoice_attachment_name(std::string_view name);
// Attachment names compared as readers do: ASCII letters without regard to case.
bool same_attachment_name(std::string_view a, std::string_view b);

// Reads a PDF's attachments, XMP and information dictionary, and finds the
// invoice XML. Errors only when the PDF itself cannot be read (kMalformed,
// kLimitExceeded, kUnsupported for password encryption); a missing or broken
// attachment or XMP is reported in the content, for the checker.
model::Result<FacturxContent> read_facturx(std::string_view pdf, std::string_view name,
                                           const pdf::PdfLimits& limits = {});

// For a PDF too damaged to load: the XMP packet found in its raw bytes (an
// uncompressed packet, as PDF/A requires), so the checker can still say what
// the file claimed. nullopt when there is none or it is not well-formed.
std::optional<XmpRead> salvage_xmp(std::string_view pdf, std::string_view name);

}  // namespace einvoice::facturx
