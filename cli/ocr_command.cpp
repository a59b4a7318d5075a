// einvoice ocr IN [--json OUT.json] [--facturx OUT.pdf] [--set BT-xx=value ...]
#include <iostream>
#include <memory>
#include <mutex>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "engine/job_plan.h"
#include "engine/ocr_job.h"
#include "engine/parallel.h"
#include "env/file_system.h"
#include "formats/xsd/schema_validator.h"

namespace einvoice::cli {
namespace {

constexpr const char* kUsage =
    "usage: einvoice ocr IN [--json OUT.json] [--facturx OUT.pdf] [--set BT-xx=value ...]\n"
    "       einvoice ocr IN... --out-dir DIR [--with-facturx] [--jobs N] [--resume]\n"
    "\n"
    "Reads a scanned or printed invoice (JPEG, PNG, TIFF or PDF): PDF text layers\n"
    "directly, images by OCR (French and English models). Extracts the invoice\n"
    "fields by their labels and checks them against each other (totals, VAT rows,\n"
    "SIREN/SIRET/VAT keys, IBAN). Prints each field with its confidence and every\n"
    "mandatory mention that is missing or doubtful.\n"
    "\n"
    "--json F      the report as JSON: fields by business term with value,\n"
    "              confidence, page and box; findings; validation\n"
    "--facturx F   a PDF/A-3 Factur-X (EN 16931 profile) whose visual part is the\n"
    "              scan (made searchable) and whose XML is the invoice read\n"
    "              (built only when the invoice is complete, kept only when it\n"
    "              passes its own check: container, XSD, EN 16931 rules)\n"
    "--schemas DIR the official XSD folder (default: as for einvoice validate)\n"
    "--set T=V     gives a term the supplier knows (repeatable), e.g.\n"
    "              --set BT-44=\"Boulangerie Martin SAS\" --set BT-2=2026-10-14\n"
    "\n"
    "With --out-dir, every scan of the inputs (files, and *.pdf, *.jpg, *.png,\n"
    "*.tif below folders) is read on all cores (--jobs N to limit): DIR/<name>.json\n"
    "for each, DIR/<name>.facturx.pdf for each complete one with --with-facturx;\n"
    "--resume skips inputs whose report is already there (and removes the\n"
    "temporary files an interrupted run left).\n"
    "\n"
    "Exit codes: 0 every mandatory mention read and valid, 1 some missing or\n"
    "invalid, 2 usage or I/O error.\n";

}  // namespace

namespace {

const std::vector<std::string>& scan_extensions() {
  static const std::vector<std::string> extensions = {".pdf", ".jpg", ".jpeg",
                                                      ".png", ".tif", ".tiff"};
  return extensions;
}

int write_or_fail(const env::FileSystem& files, const std::string& path, const std::string& bytes) {
  if (auto written = files.write_atomic(path, bytes); !written) {
    print_error("ocr", written.error());
    return kExitUsage;
  }
  return kExitOk;
}

// One document: the report on stdout, --json and --facturx files.
int run_single(const Arguments& args, const std::string& input, engine::OcrJobOptions options) {
  const auto facturx_path = args.value("--facturx");
  env::LocalFileSystem files;
  auto bytes = files.read(input, options.limits.max_bytes);
  if (!bytes) {
    print_error("ocr", bytes.error());
    return kExitUsage;
  }
  auto reader = ocr::PageReader::create();
  if (!reader) {
    print_error("ocr", reader.error());
    return kExitUsage;
  }
  auto outcome = engine::run_ocr(std::move(*bytes), input, **reader, options);
  if (!outcome) {
    print_error("ocr", outcome.error());
    return outcome.error().code == model::ErrorCode::kInvalidArgument ? kExitUsage : kExitInvalid;
  }
  std::cout << engine::ocr_report_text(*outcome, input);
  if (auto json_path = args.value("--json")) {
    if (int rc = write_or_fail(files, *json_path, engine::ocr_report_json(*outcome, input)))
      return rc;
  }
  if (facturx_path && outcome->facturx) {
    if (int rc = write_or_fail(files, *facturx_path, outcome->facturx->pdf))
      return rc;
    std::cout << "  Factur-X written to " << *facturx_path << " (" << outcome->facturx->pdf.size()
              << " bytes)\n";
  }
  return outcome->complete ? kExitOk : kExitInvalid;
}

// Many documents, spread over the cores (one OCR engine per thread): for each
// input, OUT_DIR/<name>.json and, with --with-facturx, OUT_DIR/<name>.pdf
// when the invoice is complete. --resume skips inputs whose report exists.
int run_batch(const Arguments& args, engine::OcrJobOptions options) {
  const std::filesystem::path out_dir = *args.value("--out-dir");
  options.build_facturx = args.has("--with-facturx");
  env::LocalFileSystem files;
  std::vector<std::filesystem::path> inputs(args.positional.begin(), args.positional.end());
  auto listed = engine::list_inputs(inputs, files, scan_extensions());
  if (!listed) {
    print_error("ocr", listed.error());
    return kExitUsage;
  }
  auto jobs_given = jobs_option(args);
  if (!jobs_given)
    return usage_error("ocr", jobs_given.error().message, kUsage);
  const unsigned threads = *jobs_given;
  auto out = files.open_output_folder(out_dir);
  if (!out) {
    print_error("ocr", out.error());
    return kExitUsage;
  }
  const bool resume = args.has("--resume");
  if (resume)
    (*out)->remove_leftovers();
  std::mutex mutex;
  std::size_t done = 0, complete = 0, incomplete = 0, failed = 0, skipped = 0;
  engine::for_each_parallel(listed->size(), threads, [&](std::size_t i) {
    thread_local std::unique_ptr<ocr::PageReader> reader;
    const auto& file = (*listed)[i];
    std::filesystem::path report = file.relative;
    report += ".json";
    std::filesystem::path pdf = file.relative;
    pdf.replace_extension(".facturx.pdf");
    if (resume && (*out)->has_file(report)) {
      std::lock_guard lock(mutex);
      ++skipped;
      ++done;
      return;
    }
    if (!reader) {
      auto created = ocr::PageReader::create();
      if (created)
        reader = std::move(*created);
    }
    model::Result<engine::OcrOutcome> outcome = model::Error{
        model::ErrorCode::kIo, "the OCR models cannot be loaded", {file.path.string(), "", 0, 0}};
    if (reader) {
      auto bytes = files.read(file.path, options.limits.max_bytes);
      outcome = bytes ? engine::run_ocr(std::move(*bytes), file.path.string(), *reader, options)
                      : model::Result<engine::OcrOutcome>(bytes.error());
    }
    model::Status written;
    if (outcome) {
      written = (*out)->write(report, engine::ocr_report_json(*outcome, file.path.string()));
      if (written && outcome->facturx)
        written = (*out)->write(pdf, outcome->facturx->pdf);
    }
    const bool ok = written.ok();
    std::lock_guard lock(mutex);
    ++done;
    if (!outcome) {
      ++failed;
      print_error("ocr", outcome.error());
    } else if (!ok) {
      ++failed;
      print_error("ocr", written.error());
    } else {
      ++(outcome->complete ? complete : incomplete);
    }
    std::cerr << "[" << done << "/" << listed->size() << "] " << file.path.string() << ": "
              << (!outcome || !ok     ? "failed"
                  : outcome->complete ? "complete"
                                      : "incomplete")
              << "\n";
  });
  std::cout << listed->size() << " document(s): " << complete << " complete, " << incomplete
            << " incomplete, " << failed << " failed";
  if (skipped)
    std::cout << ", " << skipped << " skipped (--resume)";
  std::cout << "; reports in " << out_dir.string() << "\n";
  if (failed)
    return kExitUsage;
  return incomplete ? kExitInvalid : kExitOk;
}

}  // namespace

int run_ocr(int argc, char** argv, int first) {
  ArgumentSpec spec{
      {"--json", "--facturx", "--set", "--schemas", "--out-dir", "--jobs", "--threads"},
      {"--help", "-h", "--with-facturx", "--resume"}};
  std::string error;
  auto args = parse_arguments(argc, argv, first, spec, error);
  if (!args)
    return usage_error("ocr", error, kUsage);
  if (args->has("--help") || args->has("-h")) {
    std::cout << kUsage;
    return kExitOk;
  }
  if (args->positional.empty())
    return usage_error("ocr", "an input file (or, with --out-dir, files and folders) is expected",
                       kUsage);
  engine::OcrJobOptions options;
  for (const auto& set : args->values_of("--set")) {
    const auto eq = set.find('=');
    if (eq == std::string::npos || eq == 0)
      return usage_error("ocr", "--set expects BT-xx=value, not '" + set + "'", kUsage);
    options.sets.emplace_back(set.substr(0, eq), set.substr(eq + 1));
  }
  const bool batch = args->value("--out-dir").has_value();
  if (!batch && args->positional.size() != 1)
    return usage_error("ocr", "several inputs need --out-dir", kUsage);
  if (batch && (args->value("--json") || args->value("--facturx") || !options.sets.empty()))
    return usage_error("ocr",
                       "--json, --facturx and --set are for one document; with --out-dir "
                       "use --with-facturx",
                       kUsage);
  options.build_facturx = args->value("--facturx").has_value() || args->has("--with-facturx");
  std::shared_ptr<const xsd::SchemaValidator> schemas;
  if (options.build_facturx) {
    auto validator = make_validator(*args);
    if (!validator) {
      print_error("ocr", validator.error());
      return kExitUsage;
    }
    schemas = *validator;
    options.schemas = schemas.get();
  }
  return batch ? run_batch(*args, options) : run_single(*args, args->positional.front(), options);
}

}  // namespace einvoice::cli
