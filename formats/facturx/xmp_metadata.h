#pragma once

// The XMP packet of a Factur-X PDF: what einvoice writes and what it reads
// back from any PDF (PDF/A identification, the Factur-X / ZUGFeRD extension
// properties, the document description that must agree with /Info).

#include <optional>
#include <string>
#include <string_view>

#include "formats/facturx/facturx_profile.h"
#include "model/result.h"

namespace einvoice::facturx {

// XMP namespaces of the invoice extension schemas.
inline constexpr std::string_view kFacturXNamespace =
    "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";
inline constexpr std::string_view kZugferd2Namespace =
    "urn:zugferd:pdfa:CrossIndustryDocument:invoice:2p0#";
inline constexpr std::string_view kZugferd1Namespace =
    "urn:ferd:pdfa:CrossIndustryDocument:invoice:1p0#";
// Order-X and other Factur-X family documents.
inline constexpr std::string_view kFacturXDocumentNamespace =
    "urn:factur-x:pdfa:CrossIndustryDocument:1p0#";

// What einvoice writes. Dates are ISO 8601 with offset
// ("2026-11-23T10:00:00+00:00"), passed in so output is deterministic.
struct XmpWrite {
  Profile profile = Profile::kEn16931;
  std::string pdfa_conformance = "B";  // A, B or U: kept from a PDF/A-3 input
  std::string attachment_name = "factur-x.xml";
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;  // pdf:Keywords, kept from the input's /Info /Keywords
  std::string producer = "einvoice";
  std::string creator_tool = "einvoice";
  std::string create_date;
  std::string modify_date;
};

// The packet, with the PDF/A-3B identification, the Dublin Core, XMP basic and
// PDF properties, the PDF/A extension schema declaring the fx: properties, and
// the fx: values (DocumentType INVOICE, DocumentFileName, Version 1.0,
// ConformanceLevel). Text is XML-escaped.
std::string write_xmp(const XmpWrite& values);

// What a PDF's XMP says. Every field is absent when the packet lacks it.
struct XmpRead {
  // Set when the packet is not well-formed XML: the values below are what a
  // lenient read could salvage, and the packet itself breaks PDF/A.
  std::optional<std::string> syntax_problem;
  std::optional<int> pdfa_part;
  std::optional<std::string> pdfa_conformance;  // "A", "B", "U", "F"...
  // The invoice extension: its namespace (one of the constants above) and
  // values, from element or attribute form.
  std::optional<std::string> invoice_namespace;
  std::optional<std::string> document_type;
  std::optional<std::string> document_file_name;
  std::optional<std::string> version;
  std::optional<std::string> conformance_level;
  bool extension_schema_declared = false;  // a pdfaSchema entry for invoice_namespace
  std::optional<std::string> title;
  std::optional<std::string> author;       // first dc:creator
  std::optional<std::string> description;  // dc:description (/Info /Subject)
  std::optional<std::string> keywords;     // pdf:Keywords
  std::optional<std::string> producer;
  std::optional<std::string> creator_tool;
  std::optional<std::string> create_date;
  std::optional<std::string> modify_date;
};

// Parses an XMP packet (hostile input: the XML module's limits, no DTD). A
// packet that is not well-formed is read leniently (syntax_problem says why).
// Errors: kMalformed when not even that is possible; kLimitExceeded.
model::Result<XmpRead> read_xmp(std::string_view packet, std::string_view document_name);

}  // namespace einvoice::facturx
