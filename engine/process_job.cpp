#include "engine/process_job.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <map>
#include <utility>

#include "engine/converter.h"
#include "engine/facturx_jobs.h"
#include "engine/ocr_job.h"
#include "formats/cii/cii_writer.h"
#include "formats/detect/document_kind.h"
#include "formats/facturx/container_check.h"
#include "formats/facturx/facturx_reader.h"
#include "formats/ubl/ubl_writer.h"
#include "formats/xsd/schema_validator.h"
#include "model/json_writer.h"

namespace einvoice::engine {
namespace {

namespace fs = std::filesystem;
using model::Error;
using model::ErrorCode;

const std::vector<std::string>& process_extensions() {
  static const std::vector<std::string> extensions = {".xml", ".pdf", ".jpg", ".jpeg",
                                                      ".png", ".tif", ".tiff"};
  return extensions;
}

// The input is at fault, or the system is.
ItemState state_of(const Error& error) {
  return error.code == ErrorCode::kIo || error.code == ErrorCode::kInternal ? ItemState::kFailed
                                                                            : ItemState::kRefused;
}

std::size_t fatal_count(const model::Diagnostics& findings) {
  std::size_t count = 0;
  for (const auto& d : findings)
    count += d.severity == model::Severity::kFatal ? 1 : 0;
  return count;
}

}  // namespace

const char* to_string(OutputFormat format) {
  switch (format) {
    case OutputFormat::kFacturX:
      return "facturx";
    case OutputFormat::kCii:
      return "cii";
    case OutputFormat::kUbl:
      return "ubl";
  }
  return "facturx";
}

std::optional<OutputFormat> parse_output_format(std::string_view text) {
  for (OutputFormat format : {OutputFormat::kFacturX, OutputFormat::kCii, OutputFormat::kUbl}) {
    if (text == to_string(format))
      return format;
  }
  return std::nullopt;
}

const char* output_suffix(OutputFormat format) {
  switch (format) {
    case OutputFormat::kFacturX:
      return ".facturx.pdf";
    case OutputFormat::kCii:
      return ".cii.xml";
    case OutputFormat::kUbl:
      return ".ubl.xml";
  }
  return ".out";
}

fs::path base_of(const InputFile& input) {
  fs::path base = input.relative;
  return base.replace_extension();
}

model::Result<std::vector<InputFile>> plan_process(const std::vector<fs::path>& inputs,
                                                   const env::FileSystem& files) {
  auto listed = list_inputs(inputs, files, process_extensions());
  if (!listed)
    return listed.error();
  std::map<fs::path, fs::path> seen;  // base -> input
  for (const InputFile& input : *listed) {
    auto [it, inserted] = seen.emplace(base_of(input), input.path);
    if (!inserted) {
      return Error{ErrorCode::kInvalidArgument,
                   "would be written under the same name (" + it->first.string() + ") as " +
                       it->second.string() + "; give the inputs distinct names",
                   {input.path.string(), "", 0, 0}};
    }
  }
  return listed;
}

// One document on its way through the stages.
struct Processor::Work {
  DocumentReport& report;
  std::string output;               // the bytes to write, when the document got that far
  std::optional<ReadOutcome> read;  // the invoice XML read, when there is one

  // Times `run` as stage `name`; it returns the stage's status.
  template <class Run>
  void stage(const char* name, Run&& run) {
    const auto start = std::chrono::steady_clock::now();
    StageReport stage{name, "ok", 0, ""};
    stage.status = run(stage.detail);
    stage.milliseconds = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now() - start)
                             .count();
    report.stages.push_back(std::move(stage));
  }
  void fail(const Error& error) {
    report.error = error;
    report.state = state_of(error);
  }
  void add(model::Diagnostics findings) {
    report.findings.insert(report.findings.end(), std::make_move_iterator(findings.begin()),
                           std::make_move_iterator(findings.end()));
  }
  std::string status_of(const model::Diagnostics& findings) const {
    return findings.empty() ? "ok" : "findings";
  }
};

Processor::Processor(const ProcessResources& resources, ProcessOptions options, const env::Env& env)
    : resources_(resources), options_(std::move(options)), env_(env), readers_(resources.reader) {}

DocumentReport Processor::process(const InputFile& input, const env::FileSystem& files,
                                  const env::OutputFolder& out) const {
  DocumentReport report;
  report.input = input.path;
  report.base = base_of(input);
  fs::path report_name = report.base;
  report_name += kReportSuffix;
  if (options_.resume && out.has_file(report_name)) {
    report.state = ItemState::kSkipped;
    return report;
  }
  try {
    run_stages(input, files, out, report);
  } catch (const std::exception& e) {
    // A defect or an exhausted resource: this document fails, the batch goes on.
    report.error = Error{ErrorCode::kInternal,
                         std::string("unexpected failure: ") + e.what(),
                         {input.path.string(), "", 0, 0}};
    report.state = ItemState::kFailed;
    report.output.clear();
  }
  if (auto written = out.write(report_name, report_json(report)); !written) {
    report.error = written.error();
    report.state = ItemState::kFailed;
  }
  return report;
}

void Processor::run_stages(const InputFile& input, const env::FileSystem& files,
                           const env::OutputFolder& out, DocumentReport& report) const {
  Work work{report, {}, std::nullopt};
  const std::string name = input.path.string();
  if (resources_.authorise) {
    work.stage("authorise", [&](std::string& detail) -> std::string {
      const model::Status allowed = resources_.authorise(input);
      if (allowed)
        return "ok";
      work.fail(allowed.error());
      detail = allowed.error().message;
      return "failed";
    });
    if (report.error)
      return;
  }
  std::optional<std::string> bytes;
  work.stage("read", [&](std::string& detail) -> std::string {
    auto read = files.read(input.path, options_.max_input_bytes);
    if (!read) {
      work.fail(read.error());
      detail = read.error().message;
      return "failed";
    }
    detail = std::to_string(read->size()) + " bytes";
    bytes = std::move(*read);
    return "ok";
  });
  if (bytes) {
    switch (detect::sniff_container(*bytes)) {
      case detect::ContainerKind::kXml:
        process_xml(work, *bytes, name, {});
        break;
      case detect::ContainerKind::kPdf:
        process_pdf(work, std::move(*bytes), name);
        break;
      case detect::ContainerKind::kJpeg:
      case detect::ContainerKind::kPng:
      case detect::ContainerKind::kTiff:
        process_scan(work, std::move(*bytes), name);
        break;
      case detect::ContainerKind::kUnknown:
        work.fail(Error{ErrorCode::kUnsupported,
                        "not an invoice: neither XML (CII, UBL), a PDF nor a scanned image "
                        "(judged from its first bytes)",
                        {name, "", 0, 0}});
        break;
    }
  }
  // The output first, then the report: a report means a finished document.
  if (!work.output.empty() && !report.error) {
    fs::path output_name = report.base;
    output_name += output_suffix(options_.to);
    std::string signature;
    if (resources_.seal)
      seal_output(work, output_name, signature);
    if (!report.error)
      write_output(work, out, output_name, signature);
    if (!report.error && resources_.archive)
      archive_output(work, output_name);
  } else if (!report.error && report.state != ItemState::kDone) {
    report.state = ItemState::kRefused;
  }
}

void Processor::seal_output(Work& work, const fs::path& output_name, std::string& signature) const {
  work.stage("seal", [&](std::string& detail) -> std::string {
    auto sealed = resources_.seal(work.output, output_name.string());
    if (!sealed) {
      work.fail(sealed.error());
      detail = sealed.error().message;
      return "failed";
    }
    if (sealed->detached)
      signature = std::move(sealed->bytes);
    else
      work.output = std::move(sealed->bytes);
    detail = sealed->description + (sealed->detached ? ", detached (.p7s)" : "");
    return "ok";
  });
}

void Processor::archive_output(Work& work, const fs::path& output_name) const {
  work.stage("archive", [&](std::string& detail) -> std::string {
    const model::Status archived = resources_.archive(work.output, output_name.string());
    if (archived)
      return "ok";
    work.fail(archived.error());
    work.report.state = ItemState::kFailed;  // written, but not kept as evidence
    detail = archived.error().message;
    return "failed";
  });
}

void Processor::write_output(Work& work, const env::OutputFolder& out, const fs::path& output_name,
                             const std::string& signature) const {
  DocumentReport& report = work.report;
  work.stage("write", [&](std::string& detail) -> std::string {
    if (auto written = out.write(output_name, work.output); !written) {
      work.fail(written.error());
      detail = written.error().message;
      return "failed";
    }
    report.output = output_name.string();
    detail = std::to_string(work.output.size()) + " bytes";
    if (!signature.empty()) {
      fs::path signature_name = output_name;
      signature_name += ".p7s";
      if (auto written = out.write(signature_name, signature); !written) {
        work.fail(written.error());
        detail = written.error().message;
        return "failed";
      }
      report.signature = signature_name.string();
      detail += ", signature " + std::to_string(signature.size()) + " bytes";
    }
    report.state = ItemState::kDone;
    return "ok";
  });
}

void Processor::process_xml(Work& work, std::string_view bytes, std::string_view name,
                            const XmlPlan& plan) const {
  DocumentReport& report = work.report;
  std::optional<ReadOutcome>& read = work.read;
  work.stage("read-invoice", [&](std::string& detail) -> std::string {
    auto outcome = read_invoice(bytes, name);
    if (!outcome) {
      work.fail(outcome.error());
      detail = outcome.error().message;
      return "failed";
    }
    read = std::move(*outcome);
    report.kind = detect::is_ubl(read->source_syntax) ? "ubl" : "cii";
    detail = detect::to_string(read->source_syntax);
    work.add(read->parsed.diagnostics);
    return work.status_of(read->parsed.diagnostics);
  });
  if (!read)
    return;
  const bool cii_input = read->source_syntax == detect::Syntax::kCii;
  // A CII going into a Factur-X is checked once, against the XSD of the
  // profile it will declare (a restriction of CII D16B).
  const auto named = facturx::profile_of_guideline(
      read->parsed.invoice.process_control.specification_identifier.value_or(""));
  const bool embed_as_is = cii_input && options_.to == OutputFormat::kFacturX && named &&
                           named->profile == options_.facturx_profile &&
                           named->family != facturx::Family::kZugferd1;
  std::optional<xsd::SchemaId> schema =
      plan.schema   ? plan.schema
      : embed_as_is ? schema_of_profile(options_.facturx_profile)
                    : std::optional<xsd::SchemaId>(schema_of(read->source_syntax));
  work.stage("xsd", [&](std::string& detail) -> std::string {
    if (!schema || !resources_.schemas)
      return "skipped";
    auto checked = resources_.schemas->validate(bytes, *schema, name);
    if (!checked) {
      work.fail(checked.error());
      detail = checked.error().message;
      return "failed";
    }
    detail = xsd::to_string(*schema);
    work.add(checked->issues);
    return work.status_of(checked->issues);
  });
  if (report.error)
    return;
  work.stage("rules", [&](std::string& detail) -> std::string {
    model::Diagnostics findings =
        validation::check_rules(read->parsed.invoice, read->source_syntax,
                                read->document ? &*read->document : nullptr, name, options_.rules);
    detail = validation::to_string(options_.rules.profile);
    const std::string status = work.status_of(findings);
    work.add(std::move(findings));
    return status;
  });
  if (const std::size_t fatal = fatal_count(report.findings); fatal > 0) {
    report.state = ItemState::kRefused;
    report.stages.push_back(
        {"build", "skipped", 0, std::to_string(fatal) + " fatal finding(s) in the input"});
    return;
  }
  if (!plan.build)
    return;
  if (options_.to == OutputFormat::kFacturX) {
    build_facturx_output(work, *read, bytes, name, "", "", embed_as_is);
    return;
  }
  work.stage("build", [&](std::string& detail) -> std::string {
    const model::Invoice& invoice = read->parsed.invoice;
    switch (options_.to) {
      case OutputFormat::kCii: {
        if (cii_input) {
          work.output = std::string(bytes);
          detail = "the input, unchanged";
          return "ok";
        }
        model::Diagnostics adapted;
        work.output = cii::write_cii(adapt_for_cii(invoice, name, adapted));
        detail = "written from the invoice read";
        work.add(std::move(adapted));
        return "ok";
      }
      case OutputFormat::kUbl: {
        if (!cii_input) {
          work.output = std::string(bytes);
          detail = "the input, unchanged";
          return "ok";
        }
        model::Diagnostics adapted;
        work.output = ubl::write_ubl(adapt_for_ubl(invoice, name, adapted));
        detail = "written from the invoice read";
        work.add(std::move(adapted));
        return "ok";
      }
      case OutputFormat::kFacturX:
        break;  // built by build_facturx_output
    }
    return "ok";
  });
  if (report.error)
    return;
  // A written CII or UBL is checked against its XSD (an einvoice defect if not).
  if (work.output.data() == bytes.data() || work.output == bytes)
    return;
  work.stage("check", [&](std::string& detail) -> std::string {
    const xsd::SchemaId target =
        options_.to == OutputFormat::kCii ? xsd::SchemaId::kCiiD16B : xsd::SchemaId::kUbl21;
    auto checked = resources_.schemas->validate(work.output, target, name);
    if (!checked) {
      work.fail(checked.error());
      return "failed";
    }
    detail = xsd::to_string(target);
    if (!checked->valid) {
      work.fail(Error{ErrorCode::kInternal,
                      "the document written breaks its XSD (an einvoice defect): " +
                          (checked->issues.empty() ? std::string() : checked->issues[0].message),
                      {std::string(name), "", 0, 0}});
      work.output.clear();
      return "failed";
    }
    return "ok";
  });
}

void Processor::build_facturx_output(Work& work, const ReadOutcome& read, std::string_view xml,
                                     std::string_view xml_name, std::string_view pdf,
                                     std::string_view pdf_name, bool embed_as_is) const {
  work.stage("build", [&](std::string& detail) -> std::string {
    FacturxBuildOptions build;
    build.profile = options_.facturx_profile;
    build.language = options_.language;
    build.font_directory = resources_.font_directory;
    build.icc_profile = resources_.icc_profile;
    build.timestamp = options_.timestamp.empty() ? build_timestamp(env_) : options_.timestamp;
    // A CII embedded as it is was checked against the profile's XSD already.
    build.schemas = embed_as_is ? nullptr : resources_.schemas.get();
    auto built = build_facturx(read, xml, xml_name, pdf, pdf_name, build);
    if (!built) {
      work.fail(built.error());
      detail = built.error().message;
      return "failed";
    }
    work.output = std::move(built->pdf);
    work.add(std::move(built->adaptations));
    detail = std::string(pdf.empty() ? "rendered from the data" : "the PDF received made PDF/A-3") +
             ", profile " + facturx::to_string(built->profile);
    for (const std::string& change : built->changes)
      detail += "; " + change;
    return "ok";
  });
  if (work.report.error)
    return;
  // What a receiver will check: the container and, for an XML written here,
  // its XSD and rules (an XML embedded as it is passed them already).
  work.stage("check", [&](std::string& detail) -> std::string {
    model::Diagnostics findings;
    if (embed_as_is) {
      auto content = facturx::read_facturx(work.output, xml_name);
      if (!content) {
        work.fail(content.error());
        return "failed";
      }
      findings = facturx::check_container(*content, xml_name);
      detail = "container of the Factur-X built";
    } else {
      auto checked = check_facturx(work.output, xml_name, resources_.schemas.get());
      if (!checked) {
        work.fail(checked.error());
        return "failed";
      }
      findings = std::move(checked->findings);
      detail = "container, XSD and rules of the Factur-X built";
    }
    if (!model::has_fatal(findings))
      return findings.empty() ? "ok" : "findings";
    const auto fatal = std::find_if(
        findings.begin(), findings.end(),
        [](const model::Diagnostic& d) { return d.severity == model::Severity::kFatal; });
    work.fail(Error{ErrorCode::kInternal,
                    "the Factur-X built does not pass its own check (an einvoice defect): [" +
                        fatal->rule_id + "] " + fatal->message,
                    {std::string(xml_name), "", 0, 0}});
    work.output.clear();
    return "failed";
  });
}

void Processor::process_pdf(Work& work, std::string bytes, const std::string& name) const {
  DocumentReport& report = work.report;
  std::optional<facturx::FacturxContent> content;
  work.stage("detect", [&](std::string& detail) -> std::string {
    auto read = facturx::read_facturx(bytes, name);
    if (read && read->invoice_attachment()) {
      content = std::move(*read);
      detail = "Factur-X (invoice XML attached)";
    } else {
      detail = "PDF without invoice XML: read as a scan";
    }
    return "ok";
  });
  if (!content) {
    process_scan(work, std::move(bytes), name);
    return;
  }
  report.kind = "facturx";
  model::Diagnostics container;
  work.stage("container", [&](std::string& detail) -> std::string {
    container = facturx::check_container(*content, name);
    detail = "Factur-X checklist (FX-01 ... FX-22)";
    return work.status_of(container);
  });
  const facturx::Attachment& xml = *content->invoice_attachment();
  const std::string xml_name = name + "/" + xml.name;
  // The XML inside goes through the XML stages, into the requested format.
  XmlPlan plan;
  plan.build = options_.to != OutputFormat::kFacturX;
  if (content->xml_profile)
    plan.schema = schema_of_profile(content->xml_profile->profile);
  process_xml(work, xml.data, xml_name, plan);
  report.kind = "facturx";
  const bool container_broken = model::has_fatal(container);
  if (report.error || report.state == ItemState::kRefused ||
      options_.to != OutputFormat::kFacturX || !work.read) {
    work.add(std::move(container));
    return;
  }
  if (!container_broken) {
    // Accepted as it is: passed on unchanged.
    work.add(std::move(container));
    work.output = std::move(bytes);
    return;
  }
  // The invoice is sound but its container is not: the same invoice made
  // into a conformant Factur-X, its visual part rendered from the data (the
  // PDF received already carries an invoice attachment, which the embedder
  // does not replace).
  for (model::Diagnostic& d : container) {
    if (d.severity == model::Severity::kFatal) {
      d.severity = model::Severity::kWarning;
      d.message += " (in the PDF received; the Factur-X written is repaired)";
    }
  }
  work.add(std::move(container));
  build_facturx_output(work, *work.read, xml.data, xml_name, "", "", false);
}

void Processor::process_scan(Work& work, std::string bytes, const std::string& name) const {
  DocumentReport& report = work.report;
  report.kind = "scan";
  std::optional<OcrOutcome> read;
  work.stage("ocr", [&](std::string& detail) -> std::string {
    auto reader = readers_.acquire();
    if (!reader) {
      work.fail(reader.error());
      detail = reader.error().message;
      return "failed";
    }
    OcrJobOptions ocr_options;
    ocr_options.build_facturx = options_.to == OutputFormat::kFacturX;
    ocr_options.facturx.profile = options_.facturx_profile;
    ocr_options.facturx.language = options_.language;
    ocr_options.facturx.font_directory = resources_.font_directory;
    ocr_options.facturx.icc_profile = resources_.icc_profile;
    ocr_options.facturx.timestamp =
        options_.timestamp.empty() ? build_timestamp(env_) : options_.timestamp;
    ocr_options.facturx.schemas = resources_.schemas.get();
    ocr_options.schemas = resources_.schemas.get();
    ocr_options.limits.max_bytes = options_.max_input_bytes;
    auto outcome = run_ocr(std::move(bytes), name, **reader, ocr_options);
    if (!outcome) {
      work.fail(outcome.error());
      detail = outcome.error().message;
      return "failed";
    }
    read = std::move(*outcome);
    detail =
        std::to_string(read->pages) + " page(s), " + std::to_string(read->ocr_pages) + " by OCR";
    return "ok";
  });
  if (!read)
    return;
  for (const auto& finding : read->extracted.findings) {
    if (finding.missing && !finding.advisory)
      report.missing.push_back(finding.term + ": " + finding.message);
  }
  work.stage("rules", [&](std::string& detail) -> std::string {
    model::Diagnostics findings =
        validation::check_rules(read->invoice, detect::Syntax::kCii, nullptr, name, options_.rules);
    detail = validation::to_string(options_.rules.profile);
    const std::string status = work.status_of(findings);
    work.add(std::move(findings));
    return status;
  });
  if (!read->complete || fatal_count(report.findings) > 0) {
    report.state = ItemState::kRefused;
    report.stages.push_back(
        {"build", "skipped", 0, "the invoice read is incomplete: see missing and findings"});
    return;
  }
  work.stage("build", [&](std::string& detail) -> std::string {
    switch (options_.to) {
      case OutputFormat::kCii:
        work.output = cii::write_cii(read->invoice);
        return "ok";
      case OutputFormat::kUbl:
        work.output = ubl::write_ubl(read->invoice);
        return "ok";
      case OutputFormat::kFacturX:
        if (!read->facturx) {
          detail = read->facturx_problems;
          work.add(read->facturx_findings);
          report.state = ItemState::kRefused;
          return "failed";
        }
        work.output = std::move(read->facturx->pdf);
        detail = "the scan made searchable, with the invoice read";
        return "ok";
    }
    return "ok";
  });
}

std::string report_json(const DocumentReport& report) {
  model::JsonWriter json(true);
  json.begin_object();
  json.key("input").string(report.input.string());
  json.key("kind").string(report.kind);
  json.key("state").string(to_string(report.state));
  json.key("output");
  if (report.output.empty())
    json.null();
  else
    json.string(report.output);
  if (!report.signature.empty())
    json.key("signature").string(report.signature);
  json.key("stages").begin_array();
  for (const StageReport& stage : report.stages) {
    json.begin_object();
    json.key("stage").string(stage.stage);
    json.key("status").string(stage.status);
    json.key("milliseconds").number(stage.milliseconds);
    json.key("detail").string(stage.detail);
    json.end_object();
  }
  json.end_array();
  json.key("fatal").number(static_cast<long long>(fatal_count(report.findings)));
  json.key("findings").begin_array();
  for (const model::Diagnostic& d : report.findings) {
    json.begin_object();
    json.key("rule").string(d.rule_id);
    json.key("severity").string(model::to_string(d.severity));
    json.key("term").string(d.business_term);
    json.key("message").string(d.message);
    json.key("file").string(d.location.file);
    json.key("line").number(d.location.line);
    json.key("xpath").string(d.location.xpath);
    json.end_object();
  }
  json.end_array();
  json.key("missing").begin_array();
  for (const std::string& missing : report.missing)
    json.string(missing);
  json.end_array();
  json.key("error");
  if (report.error) {
    json.begin_object();
    json.key("code").string(model::to_string(report.error->code));
    json.key("message").string(report.error->message);
    json.key("where").string(report.error->describe());
    json.end_object();
  } else {
    json.null();
  }
  json.end_object();
  std::string text = json.take();
  text += '\n';
  return text;
}

BatchTotals process_all(const Processor& processor, const std::vector<InputFile>& inputs,
                        const env::FileSystem& files, const env::OutputFolder& out,
                        const RunnerOptions& runner,
                        const std::function<void(const DocumentReport&)>& on_report) {
  return run_batch<DocumentReport>(
      inputs.size(), runner,
      [&](std::size_t i) { return processor.process(inputs[i], files, out); },
      [&](std::size_t i) {
        DocumentReport cancelled;
        cancelled.input = inputs[i].path;
        cancelled.base = base_of(inputs[i]);
        cancelled.state = ItemState::kCancelled;
        return cancelled;
      },
      [](const DocumentReport& report) { return report.state; },
      [&](std::size_t, DocumentReport&& report) { on_report(report); });
}

}  // namespace einvoice::engine
