#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/facturx/facturx_profile.h"
#include "formats/pdf/pdf_file.h"
#include "model/result.h"

namespace einvoice::facturx {

// The /AFRelationship of the invoice attachment.
enum class Relationship { kData, kAlternative, kSource };
const char* to_string(Relationship relationship);  // "Data", "Alternative", "Source"
std::optional<Relationship> parse_relationship(std::string_view text);  // case-insensitive
// What Factur-X prescribes: Data for MINIMUM and BASIC WL, Alternative otherwise.
Relationship default_relationship(Profile profile);

struct EmbedOptions {
  Profile profile = Profile::kEn16931;
  std::optional<Relationship> relationship;  // default_relationship(profile) when unset
  std::string attachment_name = "factur-x.xml";
  // Document description, written identically to /Info and the XMP.
  std::string title;
  std::string author;
  std::string subject;
  // The time of the build, "YYYY-MM-DDThh:mm:ss+00:00", passed in so output
  // is reproducible: /ModDate of the attachment and of the document, and the
  // creation date of a document that has none.
  std::string timestamp;
  std::string icc_profile;  // sRGB ICC profile bytes for the output intent
  pdf::PdfLimits limits;
};

struct EmbedOutcome {
  std::string pdf;
  // True when the input was already PDF/A: its bytes are an exact prefix of
  // `pdf` (an incremental update was appended).
  bool incremental = false;
  // What had to be changed or added to make the input a PDF/A-3 Factur-X,
  // in words for the person who supplied the PDF ("added an sRGB output
  // intent", "declared PDF/A-3B (the PDF declared no PDF/A level)"...).
  std::vector<std::string> changes;
  // What einvoice could not fix and keeps the result from PDF/A-3
  // conformance (e.g. a font that is not embedded).
  std::vector<std::string> remaining_problems;
};

// Embeds `invoice_xml` (CII, bytes kept exactly) into `pdf` as a Factur-X:
// the file specification (/F, /UF, /Desc, /AFRelationship), the embedded
// file stream (/Subtype text/xml, /Params with ModDate, Size and MD5
// CheckSum), the EmbeddedFiles name tree entry, /AF on the catalog, XMP
// metadata (PDF/A-3B and the fx: extension), an sRGB output intent when the
// PDF has none, and /Info agreeing with the XMP.
//
// Errors: the PDF cannot be read (kMalformed, kLimitExceeded), is encrypted
// (kUnsupported: PDF/A forbids encryption), or already holds an attachment
// of that name (kInvalidArgument); options missing the timestamp or the ICC
// profile (kInvalidArgument).
model::Result<EmbedOutcome> embed_invoice(std::string_view pdf, std::string_view pdf_name,
                                          std::string_view invoice_xml,
                                          const EmbedOptions& options);

}  // namespace einvoice::facturx
