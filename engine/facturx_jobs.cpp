#include "engine/facturx_jobs.h"

#include <chrono>
#include <cstdlib>
#include <ctime>

#include "engine/converter.h"
#include "env/file_system.h"
#include "formats/cii/cii_writer.h"
#include "formats/facturx/container_check.h"
#include "formats/xsd/schema_validator.h"
#include "render/invoice_renderer.h"
#include "validation/rules.h"

namespace einvoice::engine {
namespace {

using model::Error;
using model::ErrorCode;

#ifndef EINVOICE_SRGB_PROFILE
#define EINVOICE_SRGB_PROFILE "/usr/share/color/icc/sRGB.icc"
#endif

model::Result<std::string> icc_bytes(const FacturxBuildOptions& options) {
  std::filesystem::path path = options.icc_profile.empty()
                                   ? std::filesystem::path(EINVOICE_SRGB_PROFILE)
                                   : options.icc_profile;
  const env::FileSystem& files = env::system_env().files;
  auto bytes = files.read(path, 1u << 20);
  if (!bytes) {
    Error e = bytes.error();
    e.message = "cannot read the sRGB ICC profile for the PDF/A output intent: " + e.message +
                " (install icc-profiles-free or pass another profile)";
    return e;
  }
  return bytes;
}

facturx::EmbedOptions embed_options(const model::Invoice& invoice, facturx::Profile profile,
                                    const FacturxBuildOptions& options, std::string icc) {
  facturx::EmbedOptions embed;
  embed.profile = profile;
  embed.relationship = options.relationship;
  embed.timestamp = options.timestamp.empty() ? build_timestamp() : options.timestamp;
  embed.icc_profile = std::move(icc);
  const std::string number = invoice.number.value_or("");
  const std::string seller = invoice.seller.name.value_or("");
  embed.author = seller;
  embed.title = seller.empty() ? "Invoice " + number : seller + ": invoice " + number;
  embed.subject = "Factur-X invoice " + number;
  return embed;
}

// Ok when `xml` fits the XSD of `profile` (or nothing can check it); otherwise
// kInvalid naming the profile and the first problems, located at the first.
model::Status check_profile_schema(std::string_view xml, std::string_view xml_name,
                                   facturx::Profile profile, const FacturxBuildOptions& options) {
  constexpr std::size_t kNamedProblems = 5;
  const std::optional<xsd::SchemaId> schema = schema_of_profile(profile);
  if (!options.schemas || !schema)
    return {};
  auto report = options.schemas->validate(xml, *schema, xml_name);
  if (!report)
    return report.error();
  if (report->valid || report->issues.empty())
    return {};
  std::string message = std::string("the invoice XML breaks the XSD of the Factur-X ") +
                        facturx::to_string(profile) +
                        " profile, so the Factur-X would be refused; nothing was built:";
  for (std::size_t i = 0; i < report->issues.size() && i < kNamedProblems; ++i) {
    const model::Diagnostic& issue = report->issues[i];
    message += (i ? "; " : " ") + std::string("line ") + std::to_string(issue.location.line) +
               ": " + issue.message;
  }
  if (report->issues.size() > kNamedProblems)
    message += "; and " + std::to_string(report->issues.size() - kNamedProblems) + " more";
  return Error{ErrorCode::kInvalid, std::move(message), report->issues.front().location};
}

model::Result<FacturxBuildOutcome> embed(const model::Invoice& invoice, std::string xml,
                                         std::string_view xml_name, facturx::Profile profile,
                                         std::string_view pdf, std::string_view pdf_name,
                                         const FacturxBuildOptions& options) {
  if (auto fits = check_profile_schema(xml, xml_name, profile, options); !fits)
    return fits.error();
  auto icc = icc_bytes(options);
  if (!icc)
    return icc.error();
  // No visual PDF given: the invoice rendered from its data.
  std::string rendered;
  if (pdf.empty()) {
    render::RenderOptions render_options;
    render_options.language = options.language;
    if (!options.font_directory.empty())
      render_options.font_directory = options.font_directory.string();
    auto page = render::render_invoice_pdf(invoice, render_options);
    if (!page)
      return page.error();
    rendered = std::move(*page);
    pdf = rendered;
    pdf_name = "rendered invoice";
  }
  auto embedded = facturx::embed_invoice(pdf, pdf_name, xml,
                                         embed_options(invoice, profile, options, std::move(*icc)));
  if (!embedded)
    return embedded.error();
  FacturxBuildOutcome outcome;
  outcome.pdf = std::move(embedded->pdf);
  outcome.xml = std::move(xml);
  outcome.profile = profile;
  outcome.incremental = embedded->incremental;
  outcome.changes = std::move(embedded->changes);
  outcome.remaining_problems = std::move(embedded->remaining_problems);
  return outcome;
}


}  // namespace

std::optional<xsd::SchemaId> schema_of_profile(facturx::Profile profile) {
  switch (profile) {
    case facturx::Profile::kMinimum:
      return xsd::SchemaId::kFacturXMinimum;
    case facturx::Profile::kBasicWl:
      return xsd::SchemaId::kFacturXBasicWl;
    case facturx::Profile::kBasic:
      return xsd::SchemaId::kFacturXBasic;
    case facturx::Profile::kEn16931:
      return xsd::SchemaId::kFacturXEn16931;
    case facturx::Profile::kExtended:
      return xsd::SchemaId::kFacturXExtended;
    case facturx::Profile::kXRechnung:
      return xsd::SchemaId::kCiiD16B;
    default:
      return std::nullopt;  // ZUGFeRD 1 has its own (older) schema
  }
}

std::string build_timestamp(const env::Env& env) {
  std::time_t now = std::chrono::system_clock::to_time_t(env.clock.now());
  if (auto epoch = env.variables.get("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    long long value = std::strtoll(epoch->c_str(), &end, 10);
    if (!epoch->empty() && end && *end == '\0' && value >= 0)
      now = static_cast<std::time_t>(value);
  }
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S+00:00", &utc);
  return text;
}

model::Result<FacturxBuildOutcome> build_facturx(std::string_view invoice_xml,
                                                 std::string_view xml_name, std::string_view pdf,
                                                 std::string_view pdf_name,
                                                 const FacturxBuildOptions& options) {
  auto read = read_invoice(invoice_xml, xml_name);
  if (!read)
    return read.error();
  return build_facturx(*read, invoice_xml, xml_name, pdf, pdf_name, options);
}

model::Result<FacturxBuildOutcome> build_facturx(const ReadOutcome& read,
                                                 std::string_view invoice_xml,
                                                 std::string_view xml_name, std::string_view pdf,
                                                 std::string_view pdf_name,
                                                 const FacturxBuildOptions& options) {
  if (model::has_fatal(read.parsed.diagnostics)) {
    const auto& first = read.parsed.diagnostics.front();
    return Error{ErrorCode::kInvalid, "the invoice XML cannot be read fully: " + first.message,
                 first.location};
  }
  model::Invoice invoice = read.parsed.invoice;
  auto named =
      facturx::profile_of_guideline(invoice.process_control.specification_identifier.value_or(""));
  facturx::Profile profile = options.profile.value_or(
      named && named->family != facturx::Family::kZugferd1 ? named->profile
                                                           : facturx::Profile::kEn16931);
  // A CII is embedded byte for byte, unless its guideline id names another
  // profile, ZUGFeRD 1.0 or none known: the XMP and the XML would then
  // disagree (FX-09, FX-20).
  const bool declares_other =
      !named || named->profile != profile || named->family == facturx::Family::kZugferd1;
  if (read.source_syntax == detect::Syntax::kCii && !declares_other)
    return embed(invoice, std::string(invoice_xml), xml_name, profile, pdf, pdf_name, options);
  // Otherwise the CII of the same invoice, declaring the profile it is built
  // for, as the CII binding can carry it.
  model::Diagnostics adaptations;
  invoice = adapt_for_cii(invoice, xml_name, adaptations);
  invoice.process_control.specification_identifier = std::string(facturx::guideline_of(profile));
  std::string cii = cii::write_cii(invoice);
  auto built = embed(invoice, std::move(cii), std::string(xml_name) + " (as CII)", profile, pdf,
                     pdf_name, options);
  if (built)
    built->adaptations = std::move(adaptations);
  return built;
}

model::Result<FacturxBuildOutcome> build_facturx(const model::Invoice& invoice,
                                                 std::string_view pdf, std::string_view pdf_name,
                                                 const FacturxBuildOptions& options) {
  facturx::Profile profile = options.profile.value_or(facturx::Profile::kEn16931);
  model::Invoice declared = invoice;
  declared.process_control.specification_identifier = std::string(facturx::guideline_of(profile));
  return embed(declared, cii::write_cii(declared), "the invoice written as CII", profile, pdf,
               pdf_name, options);
}

model::Result<FacturxExtract> extract_facturx(std::string_view pdf, std::string_view pdf_name) {
  auto content = facturx::read_facturx(pdf, pdf_name);
  if (!content)
    return content.error();
  FacturxExtract out;
  out.content = std::move(*content);
  if (const facturx::Attachment* xml = out.content.invoice_attachment(); xml && !xml->problem) {
    auto read = read_invoice(xml->data, std::string(pdf_name) + "/" + xml->name);
    if (read) {
      out.invoice = std::move(read->parsed.invoice);
      out.diagnostics = std::move(read->parsed.diagnostics);
    }
  }
  return out;
}

model::Result<FacturxCheck> check_facturx(std::string_view pdf, std::string_view pdf_name,
                                          const xsd::SchemaValidator* schemas) {
  auto content = facturx::read_facturx(pdf, pdf_name);
  if (!content)
    return content.error();
  FacturxCheck check;
  check.content = std::move(*content);
  check.findings = facturx::check_container(check.content, pdf_name);
  const facturx::Attachment* xml = check.content.invoice_attachment();
  if (!xml || xml->problem || check.content.xml_problem)
    return check;
  const std::string xml_name = std::string(pdf_name) + "/" + xml->name;
  if (check.content.xml_profile &&
      check.content.xml_profile->family == facturx::Family::kZugferd1) {
    model::Diagnostic d;
    d.rule_id = "FX-20";
    d.severity = model::Severity::kWarning;
    d.message =
        "a ZUGFeRD 1.0 invoice predates EN 16931: its XML is checked neither against an "
        "XSD nor against the EN 16931 rules; ask the sender for Factur-X";
    d.location.file = xml_name;
    check.findings.push_back(std::move(d));
    return check;
  }

  // XSD of the declared profile.
  std::optional<xsd::SchemaId> schema = check.content.xml_profile
                                            ? schema_of_profile(check.content.xml_profile->profile)
                                            : std::optional<xsd::SchemaId>(xsd::SchemaId::kCiiD16B);
  if (schemas && schema) {
    auto report = schemas->validate(xml->data, *schema, xml_name);
    if (!report)
      return report.error();
    check.findings.insert(check.findings.end(), report->issues.begin(), report->issues.end());
  }

  // EN 16931 rules, for profiles that carry a full invoice.
  if (check.content.xml_profile && !facturx::is_full_invoice(check.content.xml_profile->profile))
    return check;
  auto read = read_invoice(xml->data, xml_name);
  if (!read) {
    model::Diagnostic d;
    d.rule_id = "FX-21";
    d.severity = model::Severity::kFatal;
    d.message = "the invoice XML cannot be read as CII or UBL: " + read.error().message;
    d.location = read.error().where;
    check.findings.push_back(std::move(d));
    return check;
  }
  check.findings.insert(check.findings.end(), read->parsed.diagnostics.begin(),
                        read->parsed.diagnostics.end());
  auto rules = validation::check_rules(read->parsed.invoice, read->source_syntax,
                                       read->document ? &*read->document : nullptr, xml_name);
  check.findings.insert(check.findings.end(), rules.begin(), rules.end());
  return check;
}

}  // namespace einvoice::engine
