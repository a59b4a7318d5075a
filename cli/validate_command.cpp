// einvoice validate IN... [--profile en16931|fr] [--format text|json|svrl] [options]
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <vector>

#include "cli/cli_support.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "engine/seen_invoice_store.h"
#include "engine/validate_job.h"
#include "env/env.h"
#include "formats/xsd/schema_validator.h"

namespace einvoice::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDescription =
    "Checks CII and UBL 2.1 invoices: their XSD first, then the EN 16931 business rules and\n"
    "the syntax rules of their binding, with the official rule ids, flags and messages; with\n"
    "--profile fr, the French rules of the 2026 reform too. A CDAR lifecycle status message\n"
    "gets the French BR-FR-CDV rules (no XSD: none is shipped for CDAR). Inputs are files or\n"
    "folders (every *.xml below a folder), checked in parallel; reports come in input order;\n"
    "Ctrl-C stops starting new ones.\n"
    "Exit codes: 0 no fatal finding, 1 some input has a fatal finding or cannot be read as an\n"
    "invoice, 2 usage or I/O error (or cancelled).";

struct ValidateArguments {
  std::vector<std::string> inputs;
  std::string profile = "en16931", format = "text", out_dir, seen_store, schemas;
  bool fr_transition = false, no_xsd = false, quiet = false;
  unsigned jobs = 0;
};

void add_options(CLI::App& app, ValidateArguments& a) {
  app.add_option("inputs", a.inputs, "invoices and folders of them")->required();
  app.add_option("--profile", a.profile, "en16931 (default) or fr (EN 16931 + BR-FR rules)");
  app.add_flag("--fr-transition", a.fr_transition,
               "report the French rules as warnings (transition mode)");
  app.add_option("--format", a.format,
                 "text (default), json, or svrl (one svrl:failed-assert per finding)");
  app.add_option("--out-dir", a.out_dir,
                 "write one report per input (<name>.txt|.json|.svrl, mirroring folders) instead "
                 "of printing them; needed for svrl with several inputs");
  app.add_option("--seen-store", a.seen_store,
                 "duplicate control: refuse an invoice number already accepted for the same "
                 "seller and year (an einvoice SQLite store, created when the path does not "
                 "exist; a link or any other file is refused)");
  app.add_flag("--no-xsd", a.no_xsd, "skip the XSD check");
  add_jobs_option(app, a.jobs);
  app.add_option("--schemas", a.schemas,
                 "folder of the official XSDs (default: $EINVOICE_SCHEMAS, the installed "
                 "schemas, then the source tree's)");
  app.add_flag("--quiet", a.quiet, "print only the invalid inputs' reports (text) and the summary");
}

// The validation options of the arguments, or the usage problem.
model::Result<engine::ValidationOptions> options_of(const ValidateArguments& a) {
  engine::ValidationOptions options;
  auto problem = [](std::string message) {
    return model::Error{model::ErrorCode::kInvalidArgument, std::move(message), {}};
  };
  auto profile = validation::parse_profile(a.profile);
  if (!profile)
    return problem("--profile must be en16931 or fr, not '" + a.profile + "'");
  options.rules.profile = *profile;
  if (a.fr_transition) {
    if (options.rules.profile != validation::Profile::kFrance)
      return problem("--fr-transition applies to --profile fr");
    options.rules.french_mode = validation::FrenchMode::kWarnings;
  }
  options.check_schema = !a.no_xsd;
  return options;
}

// What the verdicts go to: the output folder, or stdout (a JSON array when
// several JSON reports are printed).
struct ReportSink {
  engine::ReportFormat format;
  std::unique_ptr<env::OutputFolder> out;
  bool json_array = false;
  bool quiet = false;
  std::size_t valid = 0, invalid = 0, failed = 0, cancelled = 0;

  void take(const engine::InputFile& input, std::size_t index,
            const engine::ValidationVerdict& verdict) {
    if (verdict.system_error) {
      print_error("validate", *verdict.system_error);
      ++failed;
      return;
    }
    if (verdict.state == engine::ItemState::kCancelled) {
      ++cancelled;
      return;
    }
    ++(verdict.state == engine::ItemState::kDone ? valid : invalid);
    if (out) {
      fs::path target = input.relative;
      target += engine::report_extension(format);
      if (auto written = out->write(target, verdict.report); !written) {
        print_error("validate", written.error());
        ++failed;
      }
      return;
    }
    if (format == engine::ReportFormat::kText && quiet && verdict.state == engine::ItemState::kDone)
      return;
    if (json_array && index > 0)
      std::cout << ",\n";
    std::cout << verdict.report;
    if (format == engine::ReportFormat::kJson && !json_array)
      std::cout << "\n";
  }
};

// The shared parts of the job: schemas (unless --no-xsd) and the store.
struct ValidateRuntime {
  std::shared_ptr<const xsd::SchemaValidator> schemas;
  std::unique_ptr<engine::SeenInvoiceStore> store;
};

model::Result<bool> open_runtime(const ValidateArguments& a,
                                 const engine::ValidationOptions& options, ValidateRuntime& rt) {
  if (options.check_schema) {
    auto made =
        make_validator(a.schemas.empty() ? std::nullopt : std::optional<fs::path>(a.schemas));
    if (!made)
      return made.error();
    rt.schemas = *made;
  }
  if (!a.seen_store.empty()) {
    auto opened = engine::SeenInvoiceStore::open(a.seen_store);
    if (!opened)
      return opened.error();
    rt.store = std::move(*opened);
  }
  return true;
}

int fail(const model::Error& error) {
  print_error("validate", error);
  return kExitUsage;
}

}  // namespace

int run_validate(int argc, char** argv, int first) {
  CLI::App app(kDescription, "einvoice validate");
  ValidateArguments a;
  add_options(app, a);
  if (auto exit_code = parse_command_line(app, argc, argv, first))
    return *exit_code;
  auto options = options_of(a);
  if (!options)
    return usage_problem(app, options.error().message);
  const auto format = engine::parse_report_format(a.format);
  if (!format)
    return usage_problem(app, "--format must be text, json or svrl, not '" + a.format + "'");
  const env::Env& env = env::system_env();
  const std::vector<fs::path> named(a.inputs.begin(), a.inputs.end());
  auto inputs = engine::list_inputs(named, env.files);
  if (!inputs)
    return fail(inputs.error());
  const bool single = named.size() == 1 && !env.files.is_directory(named[0]);
  if (*format == engine::ReportFormat::kSvrl && !single && a.out_dir.empty())
    return usage_problem(app, "svrl reports of several inputs need --out-dir DIR");
  ValidateRuntime runtime;
  if (auto opened = open_runtime(a, *options, runtime); !opened)
    return fail(opened.error());
  ReportSink sink{*format, nullptr, false, a.quiet};
  if (!a.out_dir.empty()) {
    auto opened = env.files.open_output_folder(a.out_dir);
    if (!opened)
      return fail(opened.error());
    sink.out = std::move(*opened);
  }
  sink.json_array = *format == engine::ReportFormat::kJson && !single && !sink.out;
  const engine::DocumentValidator validator(runtime.schemas, *options, runtime.store.get());
  engine::RunnerOptions runner;
  runner.jobs = a.jobs;
  const CancelOnInterrupt interrupt;
  runner.cancel = interrupt.flag();
  if (sink.json_array)
    std::cout << "[";
  engine::validate_all(validator, *inputs, env.files, *format, runner,
                       [&](std::size_t i, engine::ValidationVerdict&& verdict) {
                         sink.take((*inputs)[i], i, verdict);
                       });
  std::cout << (sink.json_array ? "]\n" : "") << std::flush;
  std::fprintf(stderr, "validate: %zu inputs, %zu valid, %zu invalid, %zu failed (%s%s)\n",
               inputs->size(), sink.valid, sink.invalid, sink.failed,
               validation::to_string(options->rules.profile),
               a.fr_transition ? ", transition" : "");
  if (sink.cancelled > 0)
    std::fprintf(stderr, "validate: %zu not started (cancelled)\n", sink.cancelled);
  return batch_exit_code(sink.failed, sink.cancelled, sink.invalid);
}

}  // namespace einvoice::cli
