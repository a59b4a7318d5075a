#pragma once

// Factur-X jobs of the engine: build a Factur-X from an invoice (XML bytes or
// the model) and an optional visual PDF, read one back, check one. They
// compose formats/facturx (the container) with the CII/UBL readers and
// writers, the XSD validator and the validation rules.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/converter.h"
#include "env/env.h"
#include "formats/facturx/facturx_embedder.h"
#include "formats/facturx/facturx_profile.h"
#include "formats/facturx/facturx_reader.h"
#include "formats/xsd/schema_id.h"
#include "model/diagnostic.h"
#include "model/invoice.h"
#include "model/result.h"
#include "render/invoice_renderer.h"

namespace einvoice::xsd {
class SchemaValidator;
}

namespace einvoice::engine {

struct FacturxBuildOptions {
  // The profile to declare; when unset, the one the XML's guideline id names
  // (EN 16931 when it names none).
  std::optional<facturx::Profile> profile;
  std::optional<facturx::Relationship> relationship;
  // The build time, "YYYY-MM-DDThh:mm:ss+00:00"; empty: now (or
  // SOURCE_DATE_EPOCH when set, for reproducible builds).
  std::string timestamp;
  // sRGB ICC profile of the output intent; empty: the build's default
  // (EINVOICE_SRGB_PROFILE).
  std::filesystem::path icc_profile;
  // When no visual PDF is given, the invoice is rendered from its data in
  // this language, with the DejaVu fonts of `font_directory` (empty: the
  // build's default).
  render::Language language = render::Language::kFrench;
  std::filesystem::path font_directory;
  // The XSD of the declared profile is checked before anything is embedded
  // (a Factur-X whose XML breaks it would be refused by every receiver and
  // by check_facturx); null: no XSD step. Must outlive the call.
  const xsd::SchemaValidator* schemas = nullptr;
};

struct FacturxBuildOutcome {
  std::string pdf;
  std::string xml;  // the embedded CII, exactly as attached
  facturx::Profile profile = facturx::Profile::kEn16931;
  bool incremental = false;
  std::vector<std::string> changes;             // made to the given PDF
  std::vector<std::string> remaining_problems;  // that keep it from PDF/A-3
  // When the XML was written anew (from UBL, or a CII declaring another
  // profile): what the CII binding could not carry as given (EINV-CONV-03).
  model::Diagnostics adaptations;
};

// Builds from invoice XML bytes: CII is embedded byte for byte; UBL is
// converted to CII first (its guideline id set to the profile's). `pdf` is the
// visual part; empty, the invoice is rendered from its data (A4, embedded
// fonts, every mandatory mention). Errors: the XML cannot be read or is not an invoice, the XML
// breaks the XSD of the profile (kInvalid, naming each problem with its line), the PDF cannot be
// read or is encrypted, the ICC profile is missing.
model::Result<FacturxBuildOutcome> build_facturx(std::string_view invoice_xml,
                                                 std::string_view xml_name, std::string_view pdf,
                                                 std::string_view pdf_name,
                                                 const FacturxBuildOptions& options);

// The same from an invoice already read from `invoice_xml` (read_invoice):
// the XML is not parsed again (only checked against the profile's XSD).
model::Result<FacturxBuildOutcome> build_facturx(const ReadOutcome& read,
                                                 std::string_view invoice_xml,
                                                 std::string_view xml_name, std::string_view pdf,
                                                 std::string_view pdf_name,
                                                 const FacturxBuildOptions& options);

// Builds from the model: writes the CII (BT-24 set to the profile's guideline
// id) and embeds it in `pdf`.
model::Result<FacturxBuildOutcome> build_facturx(const model::Invoice& invoice,
                                                 std::string_view pdf, std::string_view pdf_name,
                                                 const FacturxBuildOptions& options);

// The invoice XML of a Factur-X / ZUGFeRD / XRechnung PDF read into the model.
struct FacturxExtract {
  facturx::FacturxContent content;
  std::optional<model::Invoice> invoice;  // when the XML could be read as CII or UBL
  model::Diagnostics diagnostics;         // from reading the XML
};
model::Result<FacturxExtract> extract_facturx(std::string_view pdf, std::string_view pdf_name);

// The full check of a Factur-X: the container checklist (FX-*), the XML
// against the XSD of its declared profile (facturx-1.09; CII D16B for
// guideline ids of no Factur-X profile), and the EN 16931 rules for profiles
// that carry a full invoice. `schemas` may be null (no XSD step).
struct FacturxCheck {
  facturx::FacturxContent content;
  model::Diagnostics findings;
  bool accepted() const { return !model::has_fatal(findings); }
};
model::Result<FacturxCheck> check_facturx(std::string_view pdf, std::string_view pdf_name,
                                          const xsd::SchemaValidator* schemas);

// The XSD an invoice XML of `profile` is checked against (the Factur-X
// schema of the profile; CII D16B for XRechnung); nullopt for ZUGFeRD 1.0.
std::optional<xsd::SchemaId> schema_of_profile(facturx::Profile profile);

// "YYYY-MM-DDThh:mm:ss+00:00" for the environment's clock, or for its
// SOURCE_DATE_EPOCH variable when set to a whole number of seconds (builds
// that must be reproducible).
std::string build_timestamp(const env::Env& env = env::system_env());

}  // namespace einvoice::engine
