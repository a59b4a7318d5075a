#include "engine/seal_jobs.h"

#include "formats/detect/document_kind.h"
#include "formats/xml/xml_document.h"
#include "model/json_writer.h"
#include "signing/pades.h"
#include "signing/verification.h"
#include "signing/xades.h"

namespace einvoice::engine {
namespace {

using model::Error;
using model::ErrorCode;

SealVerdict verdict_of(const signing::SignatureReport& report, std::string format,
                       std::string level) {
  SealVerdict v;
  v.format = std::move(format);
  v.indication = signing::to_string(report.indication);
  v.sub_indication = signing::to_string(report.sub_indication);
  v.level = std::move(level);
  v.signing_time = report.signing_time();
  v.signer = report.signer_subject;
  v.siren = report.siren;
  v.errors = report.errors;
  v.warnings = report.warnings;
  if (!report.scope.empty())
    v.whole_document = report.whole_document;
  v.scope = report.scope;
  v.passed = report.passed();
  return v;
}

// Appends `items` as JSON strings separated by commas.
void append_json_strings(std::string& out, const std::vector<std::string>& items) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0)
      out += ',';
    out += model::JsonWriter::quote(items[i]);
  }
}

// ,"revision":..,"revisions":..,"scope":{..},"later_changes":[..]
void append_pades_json(std::string& out, const SealVerdict& v) {
  out += ",\"revision\":" + (v.revision ? std::to_string(*v.revision) : std::string("null")) +
         ",\"revisions\":" + std::to_string(v.revisions) + ",\"scope\":{\"byte_range\":";
  if (v.byte_range) {
    const auto& r = *v.byte_range;
    out += "[" + std::to_string(r[0]) + "," + std::to_string(r[1]) + "," + std::to_string(r[2]) +
           "," + std::to_string(r[3]) + "]";
  } else {
    out += "null";
  }
  out += ",\"covers_whole_revision\":" + std::string(v.covers_whole_revision ? "true" : "false") +
         "},\"later_changes\":[";
  for (std::size_t i = 0; i < v.later_changes.size(); ++i) {
    const signing::PdfObjectChange& c = v.later_changes[i];
    out += std::string(i > 0 ? "," : "") + "{\"object\":" + std::to_string(c.number) +
           ",\"generation\":" + std::to_string(c.generation) +
           ",\"change\":" + model::JsonWriter::quote(c.change) +
           ",\"kind\":" + model::JsonWriter::quote(c.what) +
           ",\"allowed\":" + (c.allowed ? "true" : "false") + "}";
  }
  out += "]";
}

// The revision, scope and later changes of a PAdES signature, one line each.
void append_pades_text(std::string& out, const SealVerdict& v) {
  out += "  revision: " + (v.revision ? std::to_string(*v.revision) : std::string("none")) +
         " of " + std::to_string(v.revisions) + "\n";
  if (v.byte_range) {
    const auto& r = *v.byte_range;
    out += "  scope: bytes [" + std::to_string(r[0]) + ", " + std::to_string(r[0] + r[1]) +
           ") and [" + std::to_string(r[2]) + ", " + std::to_string(r[2] + r[3]) + ")" +
           (v.covers_whole_revision ? " (the whole revision but /Contents)"
                                    : " (NOT the whole revision)") +
           "\n";
  }
  for (const signing::PdfObjectChange& c : v.later_changes)
    out += "  later change: " + c.describe() + "\n";
}

}  // namespace

bool looks_like_pdf(std::string_view bytes) {
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

bool looks_like_ubl(std::string_view bytes, std::string_view name) {
  if (detect::sniff_container(bytes) != detect::ContainerKind::kXml)
    return false;
  auto document = xml::XmlDocument::parse(bytes, name);
  return document && detect::is_ubl(detect::syntax_of(document->root()));
}

SealFormat default_format(std::string_view bytes, std::string_view name) {
  if (looks_like_pdf(bytes))
    return SealFormat::kPades;
  return looks_like_ubl(bytes, name) ? SealFormat::kXades : SealFormat::kCades;
}

model::Result<SealOutcome> seal_document(const signing::Signer& signer, std::string_view input,
                                         std::string_view name, const SealJobOptions& options) {
  SealFormat format = options.format;
  if (format == SealFormat::kAuto)
    format = default_format(input, name);
  SealOutcome outcome;
  outcome.format = format;
  if (options.long_term != signing::PadesLongTerm::kNone && format != SealFormat::kPades) {
    return Error{ErrorCode::kInvalidArgument,
                 std::string(name) + ": B-LT and B-LTA are only produced for PAdES (a PDF)",
                 {}};
  }
  if (format == SealFormat::kPades) {
    if (!looks_like_pdf(input))
      return Error{ErrorCode::kInvalidArgument, std::string(name) + ": PAdES needs a PDF", {}};
    signing::PadesOptions pades;
    pades.level = options.level;
    pades.signing_time = options.signing_time;
    pades.timestamp_authority = options.timestamp_authority;
    pades.long_term = options.long_term;
    pades.revocation = options.revocation;
    auto sealed = signing::seal_pades(signer, input, pades, name);
    if (!sealed)
      return sealed.error();
    outcome.bytes = std::move(*sealed);
    return outcome;
  }
  if (format == SealFormat::kXades) {
    signing::XadesOptions xades;
    xades.level = options.level;
    xades.signing_time = options.signing_time;
    xades.timestamp_authority = options.timestamp_authority;
    auto sealed = signing::seal_ubl_xades(signer, input, xades, name);
    if (!sealed)
      return sealed.error();
    outcome.bytes = std::move(*sealed);
    return outcome;
  }
  signing::CadesOptions cades;
  cades.level = options.level;
  cades.signing_time = options.signing_time;
  cades.timestamp_authority = options.timestamp_authority;
  auto p7s = signing::seal_detached_cades(signer, signing::as_bytes(input), cades);
  if (!p7s)
    return p7s.error();
  outcome.bytes.assign(p7s->begin(), p7s->end());
  return outcome;
}

model::Result<std::vector<SealVerdict>> verify_document(std::string_view input,
                                                        std::optional<std::string_view> detached,
                                                        std::string_view name,
                                                        const signing::TrustStore& anchors,
                                                        std::chrono::sys_seconds validation_time) {
  signing::VerificationOptions options;
  options.validation_time = validation_time;
  std::vector<SealVerdict> verdicts;
  if (!detached && looks_like_pdf(input)) {
    auto reports = signing::verify_pades(input, anchors, options, name);
    if (!reports)
      return reports.error();
    for (const auto& r : *reports) {
      SealVerdict v = verdict_of(
          r.cades, r.document_timestamp ? "PAdES document timestamp" : "PAdES", r.level());
      v.passed = v.passed && r.covers_revision;
      if (r.revision != 0)
        v.revision = r.revision;
      v.revisions = r.revision_count;
      if (r.byte_range != std::array<std::uint64_t, 4>{})
        v.byte_range = r.byte_range;
      v.covers_whole_revision = r.covers_revision;
      v.later_changes = r.later_changes;
      verdicts.push_back(std::move(v));
    }
    return verdicts;
  }
  if (!detached && input.find("http://www.w3.org/2000/09/xmldsig#") != std::string_view::npos &&
      input.substr(0, 1024).find('<') != std::string_view::npos) {
    auto reports = signing::verify_xades(input, anchors, options, name);
    if (!reports)
      return reports.error();
    for (const auto& report : *reports) {
      std::string level = "NONE";
      if (report.level == signing::SignatureLevel::kBaselineB)
        level = "XAdES-BASELINE-B";
      else if (report.level == signing::SignatureLevel::kBaselineT)
        level = "XAdES-BASELINE-T";
      verdicts.push_back(verdict_of(report, "XAdES", level));
    }
    return verdicts;
  }
  const std::string_view seal = detached ? *detached : input;
  std::optional<std::span<const std::uint8_t>> data;
  if (detached)
    data = signing::as_bytes(input);
  auto reports =
      signing::verify_detached_cades(signing::as_bytes(seal), data, anchors, options, name);
  if (!reports)
    return reports.error();
  for (const auto& r : *reports)
    verdicts.push_back(verdict_of(r, "CAdES", signing::to_string(r.level)));
  if (verdicts.empty())
    return Error{ErrorCode::kMalformed, std::string(name) + ": no signature", {}};
  return verdicts;
}

std::string verdicts_json(std::string_view name, const std::vector<SealVerdict>& verdicts) {
  std::string out = "{\"file\":" + model::JsonWriter::quote(name) + ",\"signatures\":[";
  bool first = true;
  for (const SealVerdict& v : verdicts) {
    if (!first)
      out += ",";
    first = false;
    out += "{\"format\":" + model::JsonWriter::quote(v.format) +
           ",\"indication\":" + model::JsonWriter::quote(v.indication) +
           ",\"sub_indication\":" + model::JsonWriter::quote(v.sub_indication) +
           ",\"level\":" + model::JsonWriter::quote(v.level) + ",\"signing_time\":" +
           (v.signing_time ? model::JsonWriter::quote(signing::iso8601_utc(*v.signing_time))
                           : std::string("null")) +
           ",\"signer\":" + model::JsonWriter::quote(v.signer) +
           ",\"siren\":" + (v.siren ? model::JsonWriter::quote(*v.siren) : std::string("null")) +
           ",\"whole_document\":" +
           (v.whole_document ? std::string(*v.whole_document ? "true" : "false")
                             : std::string("null")) +
           ",\"scope\":[";
    append_json_strings(out, v.scope);
    out += "],\"errors\":[";
    append_json_strings(out, v.errors);
    out += "],\"warnings\":[";
    append_json_strings(out, v.warnings);
    out += "]";
    if (v.format.starts_with("PAdES"))
      append_pades_json(out, v);
    out += "}";
  }
  return out + "]}\n";
}

std::optional<std::string> signed_revision_note(std::string_view pdf, std::string_view name) {
  const signing::PadesRevisionSummary s = signing::summarize_revisions(pdf, name);
  if (s.signatures == 0)
    return std::nullopt;
  std::string note =
      "reads revision " + std::to_string(s.revisions) + " of " + std::to_string(s.revisions) + "; ";
  if (s.signed_revision == 0)
    return note + "no signature covers a whole revision (run einvoice verify)";
  if (s.reads_signed_revision())
    return note + "it is the signed revision (the seal itself is checked by einvoice verify)";
  note += "the signed revision is " + std::to_string(s.signed_revision) +
          ": the revision read is NOT the signed one";
  if (!s.problem.empty())
    return note + ", and what the later revisions change is unknown (" + s.problem + ")";
  std::vector<std::string> forbidden;
  for (const signing::PdfObjectChange& c : s.changes) {
    if (!c.allowed)
      forbidden.push_back(c.describe());
  }
  if (forbidden.empty())
    return note +
           ", but the later revisions only add what a signature allows (DSS, document "
           "timestamps, signature fields)";
  note += "; later revisions change " + std::to_string(forbidden.size()) +
          " object(s) in a way a signature does not allow: ";
  for (std::size_t i = 0; i < forbidden.size() && i < 10; ++i)
    note += (i > 0 ? "; " : "") + forbidden[i];
  if (forbidden.size() > 10)
    note += "; ...";
  return note;
}

std::string verdicts_text(std::string_view name, const std::vector<SealVerdict>& verdicts) {
  std::string out;
  for (std::size_t i = 0; i < verdicts.size(); ++i) {
    const SealVerdict& v = verdicts[i];
    out += std::string(name) + ": signature " + std::to_string(i + 1) + " (" + v.format + ")\n";
    out += "  indication: " + v.indication +
           (v.sub_indication.empty() ? std::string() : " / " + v.sub_indication) + "\n";
    out += "  level: " + v.level + "\n";
    if (v.signing_time)
      out += "  signing time: " + signing::iso8601_utc(*v.signing_time) + "\n";
    out += "  signer: " + v.signer + "\n";
    if (v.siren)
      out += "  SIREN: " + *v.siren + "\n";
    if (v.whole_document)
      out += std::string("  scope: ") +
             (*v.whole_document ? "the whole document" : "part of the document") + "\n";
    for (const auto& s : v.scope)
      out += "  signed: " + s + "\n";
    if (v.format.starts_with("PAdES"))
      append_pades_text(out, v);
    for (const auto& e : v.errors)
      out += "  error: " + e + "\n";
    for (const auto& w : v.warnings)
      out += "  warning: " + w + "\n";
  }
  return out;
}

}  // namespace einvoice::engine
