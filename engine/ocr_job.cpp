#include "engine/ocr_job.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <sstream>

#include "model/json_writer.h"
#include "ocr/field_extractor.h"
#include "ocr/invoice_builder.h"
#include "ocr/line_table_check.h"
#include "ocr/searchable_pdf.h"
#include "validation/rules.h"

#ifndef EINVOICE_FONT_DIR
#define EINVOICE_FONT_DIR "/usr/share/fonts/truetype/dejavu"
#endif

namespace einvoice::engine {
namespace {

using model::Error;
using model::ErrorCode;

std::string default_font() {
  return std::string(EINVOICE_FONT_DIR) + "/DejaVuSans.ttf";
}

// Whole points: a word's place on a page, to the point.
long long rounded(double value) {
  return static_cast<long long>(value + (value >= 0 ? 0.5 : -0.5));
}

std::string with_one_decimal(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

std::string percent(double confidence) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%3.0f%%", confidence * 100);
  return buffer;
}

void write_diagnostics(model::JsonWriter& json, const model::Diagnostics& diagnostics) {
  json.begin_array();
  for (const auto& d : diagnostics) {
    json.begin_object();
    json.key("rule").string(d.rule_id);
    json.key("severity").string(d.severity == model::Severity::kFatal ? "fatal" : "warning");
    json.key("term").string(d.business_term);
    json.key("message").string(d.message);
    json.end_object();
  }
  json.end_array();
}

// A mandatory mention missing, or read but doubtful (its check failed or
// its confidence is low): the supplier has to give or confirm it (--set).
// Advisory findings (a line table read but not used) ask for nothing.
bool needs_attention(const ocr::ExtractedInvoice& extracted) {
  return std::any_of(extracted.findings.begin(), extracted.findings.end(),
                     [](const ocr::Finding& f) { return !f.advisory; });
}

void write_field(model::JsonWriter& json, const ocr::Field& field) {
  json.begin_object();
  json.key("value").string(field.value);
  json.key("confidence").number(static_cast<long long>(field.confidence * 100 + 0.5));
  json.key("page").number(field.page);
  json.key("box").begin_array();
  for (double v : {field.box.x, field.box.y, field.box.width, field.box.height})
    json.number(rounded(v));
  json.end_array();
  json.key("source").string(ocr::to_string(field.source));
  if (!field.check.empty()) {
    json.key("check").string(field.check);
    json.key("check_passed").boolean(!field.check_failed);
  }
  json.key("to_confirm").boolean(ocr::to_confirm(field));
  if (!field.candidates.empty()) {
    json.key("candidates").begin_array();
    for (const auto& candidate : field.candidates)
      json.string(candidate);
    json.end_array();
  }
  json.end_object();
}

// The line table as read: each line's fields by business term, and whether
// its sum checks against the totals (and so became the invoice's lines).
void write_line_table(model::JsonWriter& json, const ocr::ExtractedInvoice& extracted) {
  const auto& table = extracted.line_table;
  json.begin_object();
  json.key("used").boolean(!table.lines.empty() && !ocr::line_table_problem(extracted));
  json.key("sum_matches").boolean(table.sum_matches);
  json.key("check").string(table.check);
  json.key("lines").begin_array();
  for (const auto& line : table.lines) {
    json.begin_object();
    json.key("BT-153");
    write_field(json, line.name);
    json.key("BT-131");
    write_field(json, line.net_amount);
    if (line.quantity) {
      json.key("BT-129");
      write_field(json, *line.quantity);
    }
    if (line.unit_price) {
      json.key("BT-146");
      write_field(json, *line.unit_price);
    }
    if (line.vat_rate) {
      json.key("BT-152");
      write_field(json, *line.vat_rate);
    }
    json.end_object();
  }
  json.end_array();
  json.end_object();
}

}  // namespace

model::Result<OcrOutcome> run_ocr(std::string bytes, const std::string& name,
                                  ocr::PageReader& reader, const OcrJobOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const bool keep_original = options.build_facturx;
  std::string original = keep_original ? bytes : std::string();
  auto document = ocr::InputDocument::open(std::move(bytes), name, options.limits);
  if (!document)
    return document.error();

  OcrOutcome outcome;
  outcome.pages = document->page_count();
  std::vector<ocr::PageText> pages;
  std::vector<ocr::ScanPage> scans;
  for (int number = 1; number <= document->page_count(); ++number) {
    auto page = document->page(number);
    if (!page)
      return page.error();
    auto text = reader.read(*page, name);
    if (!text)
      return text.error();
    if (!page->text_layer) {
      ++outcome.ocr_pages;
      if (options.build_facturx && document->kind() != ocr::InputKind::kPdf) {
        auto jpeg = ocr::page_jpeg(*page, text->rotation, name);
        if (!jpeg)
          return jpeg.error();
        scans.push_back(ocr::ScanPage{std::move(*jpeg), *text});
      }
    }
    pages.push_back(std::move(*text));
  }

  outcome.extracted = ocr::extract_fields(pages);
  for (const auto& [term, value] : options.sets) {
    auto set = ocr::set_field(outcome.extracted, term, value);
    if (!set)
      return Error{set.error().code, set.error().message, {name, "--set " + term, 0, 0}};
  }
  outcome.invoice = ocr::build_invoice(outcome.extracted);
  outcome.validation =
      validation::check_rules(outcome.invoice, detect::Syntax::kCii, nullptr, name);
  outcome.complete = !needs_attention(outcome.extracted) && !model::has_fatal(outcome.validation);

  if (options.build_facturx && !outcome.complete) {
    outcome.facturx_problems =
        "no Factur-X: the invoice read is incomplete or invalid; complete it with --set";
  } else if (options.build_facturx) {
    // A PDF keeps its own pages (its text layer, if any, stays); images
    // become a searchable PDF of the scan.
    std::string visual = std::move(original);
    if (document->kind() != ocr::InputKind::kPdf) {
      auto searchable = ocr::write_searchable_pdf(
          scans, options.font_file.empty() ? default_font() : options.font_file, name);
      if (!searchable)
        return searchable.error();
      visual = std::move(*searchable);
    }
    auto built = build_facturx(outcome.invoice, visual, name, options.facturx);
    if (!built)
      return built.error();
    auto check = check_facturx(built->pdf, name, options.schemas);
    if (!check)
      return check.error();
    outcome.facturx_findings = check->findings;
    if (check->accepted()) {
      outcome.facturx = std::move(*built);
    } else {
      outcome.complete = false;
      outcome.facturx_problems = "no Factur-X: the one built fails its own check";
    }
  }
  outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return outcome;
}

std::string ocr_report_json(const OcrOutcome& outcome, const std::string& name) {
  model::JsonWriter json(true);
  json.begin_object();
  json.key("file").string(name);
  json.key("pages").number(outcome.pages);
  json.key("ocr_pages").number(outcome.ocr_pages);
  json.key("milliseconds").number(static_cast<long long>(outcome.seconds * 1000));
  json.key("complete").boolean(outcome.complete);
  json.key("fields").begin_object();
  for (const auto& [term, field] : outcome.extracted.fields) {
    json.key(term);
    write_field(json, field);
  }
  json.end_object();
  json.key("vat_breakdown").begin_array();
  for (const auto& row : outcome.extracted.vat_breakdown) {
    json.begin_object();
    json.key("rate").string(row.rate.to_string());
    json.key("basis").string(row.basis.to_string());
    json.key("vat").string(row.vat.to_string());
    json.key("page").number(row.page);
    json.end_object();
  }
  json.end_array();
  json.key("line_table");
  write_line_table(json, outcome.extracted);
  json.key("findings").begin_array();
  for (const auto& finding : outcome.extracted.findings) {
    json.begin_object();
    json.key("term").string(finding.term);
    json.key("missing").boolean(finding.missing);
    if (finding.advisory)
      json.key("advisory").boolean(true);
    json.key("message").string(finding.message);
    json.end_object();
  }
  json.end_array();
  json.key("validation");
  write_diagnostics(json, outcome.validation);
  json.key("facturx").begin_object();
  json.key("written").boolean(outcome.facturx.has_value());
  if (!outcome.facturx_problems.empty())
    json.key("problem").string(outcome.facturx_problems);
  json.key("findings");
  write_diagnostics(json, outcome.facturx_findings);
  json.end_object();
  json.end_object();
  return json.take() + "\n";
}

std::string ocr_report_text(const OcrOutcome& outcome, const std::string& name) {
  std::ostringstream out;
  out << name << ": " << outcome.pages << " page(s), " << outcome.ocr_pages << " read by OCR, "
      << with_one_decimal(outcome.seconds) << " s\n";
  for (const auto& [term, field] : outcome.extracted.fields) {
    out << "  " << term << std::string(term.size() < 7 ? 7 - term.size() : 1, ' ')
        << percent(field.confidence) << "  " << field.value;
    if (field.page > 0)
      out << "  (page " << field.page << ")";
    if (field.check_failed)
      out << "  ! " << field.check;
    out << "\n";
  }
  if (const auto& table = outcome.extracted.line_table; !table.lines.empty())
    out << "  lines: " << table.lines.size() << " read from the line table, "
        << (ocr::line_table_problem(outcome.extracted) ? "not used" : "used") << " (" << table.check
        << ")\n";
  for (const auto& finding : outcome.extracted.findings)
    out << (finding.missing    ? "  missing: "
            : finding.advisory ? "  note: "
                               : "  doubtful: ")
        << finding.message << "\n";
  for (const auto& d : outcome.validation)
    out << "  " << (d.severity == model::Severity::kFatal ? "fatal " : "warning ") << d.rule_id
        << ": " << d.message << "\n";
  for (const auto& d : outcome.facturx_findings)
    out << "  Factur-X " << (d.severity == model::Severity::kFatal ? "fatal " : "warning ")
        << d.rule_id << ": " << d.message << "\n";
  if (!outcome.facturx_problems.empty())
    out << "  " << outcome.facturx_problems << "\n";
  out << (outcome.complete ? "  complete: every mandatory mention was read\n"
                           : "  incomplete: complete it with --set BT-xx=value\n");
  return out.str();
}

std::filesystem::path ocr_report_name(const InputFile& input) {
  std::filesystem::path report = input.relative;
  report += ".json";
  return report;
}

std::filesystem::path ocr_facturx_name(const InputFile& input) {
  std::filesystem::path pdf = input.relative;
  return pdf.replace_extension(".facturx.pdf");
}

namespace {

OcrBatchItem ocr_one(const InputFile& input, const env::FileSystem& files,
                     const env::OutputFolder& out, const OcrJobOptions& options, bool resume,
                     PageReaderPool& readers) {
  OcrBatchItem item{input.path, ItemState::kFailed, std::nullopt};
  if (resume && out.has_file(ocr_report_name(input))) {
    item.state = ItemState::kSkipped;
    return item;
  }
  auto lease = readers.acquire();
  if (!lease) {
    item.error = lease.error();
    return item;
  }
  auto bytes = files.read(input.path, options.limits.max_bytes);
  auto outcome = bytes ? run_ocr(std::move(*bytes), input.path.string(), **lease, options)
                       : model::Result<OcrOutcome>(bytes.error());
  if (!outcome) {
    item.error = outcome.error();
    return item;
  }
  // The Factur-X first, the report last: a report means a finished scan.
  model::Status written;
  if (outcome->facturx)
    written = out.write(ocr_facturx_name(input), outcome->facturx->pdf);
  if (written)
    written = out.write(ocr_report_name(input), ocr_report_json(*outcome, input.path.string()));
  if (!written) {
    item.error = written.error();
    return item;
  }
  item.state = outcome->complete ? ItemState::kDone : ItemState::kRefused;
  return item;
}

}  // namespace

BatchTotals ocr_all(const std::vector<InputFile>& inputs, const env::FileSystem& files,
                    const env::OutputFolder& out, const OcrJobOptions& options, bool resume,
                    PageReaderPool& readers, const RunnerOptions& runner,
                    const std::function<void(std::size_t, OcrBatchItem&&)>& deliver) {
  if (resume)
    out.remove_leftovers();
  return run_batch<OcrBatchItem>(
      inputs.size(), runner,
      [&](std::size_t i) {
        try {
          return ocr_one(inputs[i], files, out, options, resume, readers);
        } catch (const std::exception& e) {
          // A defect or an exhausted resource: this scan fails, the batch goes on.
          return OcrBatchItem{inputs[i].path, ItemState::kFailed,
                              model::Error{model::ErrorCode::kInternal,
                                           std::string("unexpected failure: ") + e.what(),
                                           {inputs[i].path.string(), "", 0, 0}}};
        }
      },
      [&](std::size_t i) {
        return OcrBatchItem{inputs[i].path, ItemState::kCancelled, std::nullopt};
      },
      [](const OcrBatchItem& item) { return item.state; }, deliver);
}

}  // namespace einvoice::engine
