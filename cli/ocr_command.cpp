// einvoice ocr IN [--json OUT.json] [--facturx OUT.pdf] [--set BT-xx=value ...]
//             IN... --out-dir DIR [--with-facturx] [--jobs N] [--resume]
#include <atomic>
#include <iostream>
#include <memory>

#include "cli/cli_support.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "engine/job_plan.h"
#include "engine/ocr_job.h"
#include "env/env.h"
#include "formats/xsd/schema_validator.h"

namespace einvoice::cli {
namespace {

constexpr const char* kDescription =
    "Reads a scanned or printed invoice (JPEG, PNG, TIFF or PDF): PDF text layers\n"
    "directly, images by OCR (French and English models). Extracts the invoice\n"
    "fields by their labels and checks them against each other (totals, VAT rows,\n"
    "SIREN/SIRET/VAT keys, IBAN). Prints each field with its confidence and every\n"
    "mandatory mention that is missing or doubtful.\n"
    "With --out-dir, every scan of the inputs (files, and *.pdf, *.jpg, *.png,\n"
    "*.tif below folders) is read on all cores (--jobs N to limit): DIR/<name>.json\n"
    "for each, DIR/<name>.facturx.pdf for each complete one with --with-facturx;\n"
    "--resume skips inputs whose report is already there (and removes the\n"
    "temporary files an interrupted run left). Ctrl-C stops starting new scans.\n"
    "Exit codes: 0 every mandatory mention read and valid, 1 some missing or\n"
    "invalid, 2 usage or I/O error (or cancelled).";

struct OcrArguments {
  std::vector<std::string> inputs, sets;
  std::string json, facturx, schemas, out_dir;
  bool with_facturx = false, resume = false;
  unsigned jobs = 0;
};

void add_options(CLI::App& app, OcrArguments& a) {
  app.add_option("inputs", a.inputs, "a scan (or, with --out-dir, scans and folders of them)")
      ->required();
  app.add_option("--json", a.json,
                 "the report as JSON: fields by business term with value, confidence, page and "
                 "box; findings; validation");
  app.add_option("--facturx", a.facturx,
                 "a PDF/A-3 Factur-X (EN 16931 profile) whose visual part is the scan (made "
                 "searchable) and whose XML is the invoice read (built only when the invoice is "
                 "complete, kept only when it passes its own check: container, XSD, EN 16931 "
                 "rules)");
  app.add_option("--schemas", a.schemas, "the official XSD folder (default: as for validate)");
  app.add_option("--set", a.sets,
                 "gives a term the supplier knows (repeatable), e.g. --set BT-44=\"Boulangerie "
                 "Martin SAS\" --set BT-2=2026-10-14")
      ->allow_extra_args(false)
      ->take_all();
  app.add_option("--out-dir", a.out_dir, "read every input into this folder");
  app.add_flag("--with-facturx", a.with_facturx,
               "with --out-dir: a Factur-X of each complete scan");
  app.add_flag("--resume", a.resume, "with --out-dir: skip inputs whose report is there");
  add_jobs_option(app, a.jobs);
}

}  // namespace

namespace {

const std::vector<std::string>& scan_extensions() {
  static const std::vector<std::string> extensions = {".pdf", ".jpg", ".jpeg",
                                                      ".png", ".tif", ".tiff"};
  return extensions;
}

int fail(const model::Error& error) {
  print_error("ocr", error);
  return kExitUsage;
}

int write_or_fail(const env::FileSystem& files, const std::string& path, const std::string& bytes) {
  if (auto written = files.write_atomic(path, bytes); !written) {
    print_error("ocr", written.error());
    return kExitUsage;
  }
  return kExitOk;
}

// One document: the report on stdout, --json and --facturx files.
int run_single(const OcrArguments& a, const engine::OcrJobOptions& options,
               const env::FileSystem& files) {
  const std::string& input = a.inputs.front();
  auto bytes = files.read(input, options.limits.max_bytes);
  if (!bytes)
    return fail(bytes.error());
  auto reader = ocr::PageReader::create();
  if (!reader)
    return fail(reader.error());
  auto outcome = engine::run_ocr(std::move(*bytes), input, **reader, options);
  if (!outcome) {
    print_error("ocr", outcome.error());
    return outcome.error().code == model::ErrorCode::kInvalidArgument ? kExitUsage : kExitInvalid;
  }
  std::cout << engine::ocr_report_text(*outcome, input);
  if (!a.json.empty()) {
    if (int rc = write_or_fail(files, a.json, engine::ocr_report_json(*outcome, input)))
      return rc;
  }
  if (!a.facturx.empty() && outcome->facturx) {
    if (int rc = write_or_fail(files, a.facturx, outcome->facturx->pdf))
      return rc;
    std::cout << "  Factur-X written to " << a.facturx << " (" << outcome->facturx->pdf.size()
              << " bytes)\n";
  }
  return outcome->complete ? kExitOk : kExitInvalid;
}

// Many documents on all cores (a pool of OCR engines): for each input,
// OUT_DIR/<name>.json and, with --with-facturx, OUT_DIR/<name>.facturx.pdf
// when the invoice is complete. --resume skips inputs whose report exists.
int run_many(const OcrArguments& a, engine::OcrJobOptions options, const env::FileSystem& files) {
  options.build_facturx = a.with_facturx;
  const std::vector<std::filesystem::path> named(a.inputs.begin(), a.inputs.end());
  auto listed = engine::list_inputs(named, files, scan_extensions());
  if (!listed)
    return fail(listed.error());
  auto out = files.open_output_folder(a.out_dir);
  if (!out)
    return fail(out.error());
  engine::PageReaderPool readers{ocr::ReaderOptions{}};
  engine::RunnerOptions runner;
  runner.jobs = a.jobs;
  const CancelOnInterrupt interrupt;
  runner.cancel = interrupt.flag();
  const engine::BatchTotals totals = engine::ocr_all(
      *listed, files, **out, options, a.resume, readers, runner,
      [&](std::size_t i, engine::OcrBatchItem&& item) {
        if (item.error)
          print_error("ocr", *item.error);
        if (item.state == engine::ItemState::kSkipped ||
            item.state == engine::ItemState::kCancelled)
          return;
        std::cerr << "[" << i + 1 << "/" << listed->size() << "] " << item.input.string() << ": "
                  << (item.state == engine::ItemState::kDone      ? "complete"
                      : item.state == engine::ItemState::kRefused ? "incomplete"
                                                                  : "failed")
                  << "\n";
      });
  std::cout << listed->size() << " document(s): " << totals.done << " complete, " << totals.refused
            << " incomplete, " << totals.failed << " failed";
  if (totals.skipped)
    std::cout << ", " << totals.skipped << " skipped (--resume)";
  if (totals.cancelled)
    std::cout << ", " << totals.cancelled << " cancelled";
  std::cout << "; reports in " << a.out_dir << "\n";
  return batch_exit_code(totals.failed, totals.cancelled, totals.refused);
}

}  // namespace

int run_ocr(int argc, char** argv, int first) {
  CLI::App app(kDescription, "einvoice ocr");
  OcrArguments a;
  add_options(app, a);
  if (auto exit_code = parse_command_line(app, argc, argv, first))
    return *exit_code;
  engine::OcrJobOptions options;
  for (const auto& set : a.sets) {
    const auto eq = set.find('=');
    if (eq == std::string::npos || eq == 0)
      return usage_problem(app, "--set expects BT-xx=value, not '" + set + "'");
    options.sets.emplace_back(set.substr(0, eq), set.substr(eq + 1));
  }
  const bool batch = !a.out_dir.empty();
  if (!batch && a.inputs.size() != 1)
    return usage_problem(app, "several inputs need --out-dir");
  if (batch && (!a.json.empty() || !a.facturx.empty() || !options.sets.empty()))
    return usage_problem(
        app, "--json, --facturx and --set are for one document; with --out-dir use --with-facturx");
  options.build_facturx = !a.facturx.empty() || a.with_facturx;
  std::shared_ptr<const xsd::SchemaValidator> schemas;
  if (options.build_facturx) {
    auto validator = make_validator(
        a.schemas.empty() ? std::nullopt : std::optional<std::filesystem::path>(a.schemas));
    if (!validator)
      return fail(validator.error());
    schemas = *validator;
    options.schemas = schemas.get();
  }
  const env::Env& env = env::system_env();
  return batch ? run_many(a, options, env.files) : run_single(a, options, env.files);
}

}  // namespace einvoice::cli
