#include <cstdio>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <optional>
#include <vector>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "engine/document_validator.h"
#include "engine/job_plan.h"
#include "engine/parallel.h"
#include "engine/seen_invoice_store.h"
#include "engine/validation_report.h"
#include "env/file_system.h"
#include "formats/xsd/schema_validator.h"

namespace einvoice::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kUsage =
    "usage: einvoice validate IN... [--profile en16931|fr] [--format text|json|svrl] [options]\n"
    "\n"
    "Checks CII and UBL 2.1 invoices: their XSD first, then the EN 16931 business rules and\n"
    "the syntax rules of their binding, with the official rule ids, flags and messages; with\n"
    "--profile fr, the French rules of the 2026 reform too. Inputs are files or folders (every\n"
    "*.xml below a folder), checked in parallel; reports come in input order.\n"
    "\n"
    "  --profile P         en16931 (default) or fr (EN 16931 + BR-FR rules)\n"
    "  --fr-transition     report the French rules as warnings (transition mode)\n"
    "  --format F          text (default), json, or svrl (one svrl:failed-assert per finding)\n"
    "  --out-dir DIR       write one report per input (<name>.txt|.json|.svrl, mirroring\n"
    "                      folders) instead of printing them; needed for svrl with several inputs\n"
    "  --seen-store PATH   duplicate control: refuse an invoice number already accepted for the\n"
    "                      same seller and year (an einvoice SQLite store, created when the\n"
    "                      path does not exist; a link or any other file is refused)\n"
    "  --no-xsd            skip the XSD check\n"
    "  --jobs N            worker threads (default: all cores; --threads N also)\n"
    "  --schemas DIR       folder of the official XSDs (default: $EINVOICE_SCHEMAS, the\n"
    "                      installed schemas, then the source tree's ../shared/schemas)\n"
    "  --quiet             print only the invalid inputs' reports (text) and the summary\n"
    "\n"
    "Exit codes: 0 no fatal finding, 1 some input has a fatal finding or cannot be read as an\n"
    "invoice, 2 usage or I/O error.\n";

enum class Format { kText, kJson, kSvrl };

const char* extension_of(Format format) {
  switch (format) {
    case Format::kText:
      return ".txt";
    case Format::kJson:
      return ".json";
    case Format::kSvrl:
      return ".svrl";
  }
  return ".txt";
}

std::string render(const engine::ValidationOutcome& outcome, Format format) {
  switch (format) {
    case Format::kText:
      return engine::report_text(outcome);
    case Format::kJson:
      return engine::report_json(outcome);
    case Format::kSvrl:
      return engine::report_svrl(outcome);
  }
  return {};
}

// An input that is not an invoice at all still gets a report, with one
// fatal finding saying why.
engine::ValidationOutcome unreadable(const std::string& name, const model::Error& error) {
  engine::ValidationOutcome outcome;
  outcome.document = name;
  model::Diagnostic d;
  d.rule_id = "EINV-INPUT-01";
  d.severity = model::Severity::kFatal;
  d.message = error.message;
  d.location = error.where;
  if (d.location.file.empty())
    d.location.file = name;
  outcome.findings.push_back(std::move(d));
  return outcome;
}

// One input's verdict: its report, whether it was accepted, and a system
// error (I/O, store) that is not the input's fault.
struct Verdict {
  std::string report;
  bool accepted = false;
  std::optional<model::Error> system_error;
};

}  // namespace

int run_validate(int argc, char** argv, int first) {
  ArgumentSpec spec{
      {"--profile", "--format", "--out-dir", "--seen-store", "--jobs", "--threads", "--schemas"},
      {"--fr-transition", "--no-xsd", "--quiet", "--help", "-h"}};
  std::string error;
  auto args = parse_arguments(argc, argv, first, spec, error);
  if (!args)
    return usage_error("validate", error, kUsage);
  if (args->has("--help") || args->has("-h")) {
    std::cout << kUsage;
    return kExitOk;
  }
  if (args->positional.empty())
    return usage_error("validate", "no input given", kUsage);

  engine::ValidationOptions options;
  if (auto profile = args->value("--profile")) {
    auto parsed = validation::parse_profile(*profile);
    if (!parsed)
      return usage_error("validate", "--profile must be en16931 or fr, not '" + *profile + "'",
                         kUsage);
    options.rules.profile = *parsed;
  }
  if (args->has("--fr-transition")) {
    if (options.rules.profile != validation::Profile::kFrance)
      return usage_error("validate", "--fr-transition applies to --profile fr", kUsage);
    options.rules.french_mode = validation::FrenchMode::kWarnings;
  }
  Format format = Format::kText;
  if (auto f = args->value("--format")) {
    if (*f == "json")
      format = Format::kJson;
    else if (*f == "svrl")
      format = Format::kSvrl;
    else if (*f != "text")
      return usage_error("validate", "--format must be text, json or svrl, not '" + *f + "'",
                         kUsage);
  }
  auto jobs_given = jobs_option(*args);
  if (!jobs_given)
    return usage_error("validate", jobs_given.error().message, kUsage);
  const unsigned threads = *jobs_given;
  options.check_schema = !args->has("--no-xsd");
  const bool quiet = args->has("--quiet");
  auto out_dir = args->value("--out-dir");

  env::LocalFileSystem files;
  std::vector<fs::path> named(args->positional.begin(), args->positional.end());
  auto inputs = engine::list_inputs(named, files);
  if (!inputs) {
    print_error("validate", inputs.error());
    return kExitUsage;
  }
  const bool single = named.size() == 1 && !files.is_directory(named[0]);
  if (format == Format::kSvrl && !single && !out_dir)
    return usage_error("validate", "svrl reports of several inputs need --out-dir DIR", kUsage);

  std::shared_ptr<const xsd::SchemaValidator> schemas;
  if (options.check_schema) {
    auto made = make_validator(*args);
    if (!made) {
      print_error("validate", made.error());
      return kExitUsage;
    }
    schemas = *made;
  }
  std::unique_ptr<engine::SeenInvoiceStore> store;
  if (auto path = args->value("--seen-store")) {
    auto opened = engine::SeenInvoiceStore::open(*path);
    if (!opened) {
      print_error("validate", opened.error());
      return kExitUsage;
    }
    store = std::move(*opened);
  }
  std::unique_ptr<env::OutputFolder> out;
  if (out_dir) {
    auto opened = files.open_output_folder(*out_dir);
    if (!opened) {
      print_error("validate", opened.error());
      return kExitUsage;
    }
    out = std::move(*opened);
  }
  engine::DocumentValidator validator(schemas, options, store.get());

  // Verdicts are computed in parallel and printed in input order.
  std::vector<std::optional<Verdict>> verdicts(inputs->size());
  std::size_t next_to_print = 0, valid = 0, invalid = 0, failed = 0;
  std::mutex print_mutex;
  bool json_array = format == Format::kJson && !single && !out_dir;
  if (json_array)
    std::cout << "[";

  auto emit = [&](std::size_t index, const Verdict& verdict) {
    const engine::InputFile& input = (*inputs)[index];
    if (verdict.system_error) {
      print_error("validate", *verdict.system_error);
      ++failed;
      return;
    }
    ++(verdict.accepted ? valid : invalid);
    if (out) {
      fs::path target = input.relative;
      target += extension_of(format);
      auto written = out->write(target, verdict.report);
      if (!written) {
        print_error("validate", written.error());
        ++failed;
      }
      return;
    }
    if (format == Format::kText && quiet && verdict.accepted)
      return;
    if (json_array && index > 0)
      std::cout << ",\n";
    std::cout << verdict.report;
    if (format == Format::kJson && !json_array)
      std::cout << "\n";
  };

  engine::for_each_parallel(inputs->size(), threads, [&](std::size_t index) {
    const engine::InputFile& input = (*inputs)[index];
    const std::string name = input.path.string();
    Verdict verdict;
    auto bytes = files.read(input.path, options.limits.max_bytes);
    if (!bytes && bytes.error().code != model::ErrorCode::kLimitExceeded) {
      verdict.system_error = bytes.error();
    } else {
      auto outcome = bytes ? validator.validate(*bytes, name)
                           : model::Result<engine::ValidationOutcome>(bytes.error());
      if (!outcome && outcome.error().code == model::ErrorCode::kIo) {
        verdict.system_error = outcome.error();
      } else {
        engine::ValidationOutcome result =
            outcome ? std::move(*outcome) : unreadable(name, outcome.error());
        verdict.accepted = result.accepted();
        verdict.report = render(result, format);
      }
    }
    std::lock_guard<std::mutex> lock(print_mutex);
    verdicts[index] = std::move(verdict);
    while (next_to_print < verdicts.size() && verdicts[next_to_print]) {
      emit(next_to_print, *verdicts[next_to_print]);
      verdicts[next_to_print].reset();
      ++next_to_print;
    }
  });
  if (json_array)
    std::cout << "]\n";
  std::cout.flush();
  std::fprintf(
      stderr, "validate: %zu inputs, %zu valid, %zu invalid, %zu failed (%s%s)\n", inputs->size(),
      valid, invalid, failed, validation::to_string(options.rules.profile),
      options.rules.french_mode == validation::FrenchMode::kWarnings ? ", transition" : "");
  if (failed > 0)
    return kExitUsage;
  return invalid > 0 ? kExitInvalid : kExitOk;
}

}  // namespace einvoice::cli
