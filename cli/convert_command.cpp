// einvoice convert IN... --to cii|ubl [-o OUT | --out-dir DIR] [options]
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/cli_support.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "engine/batch_converter.h"
#include "engine/converter.h"
#include "engine/job_plan.h"
#include "env/env.h"
#include "formats/xsd/schema_validator.h"

namespace einvoice::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDescription =
    "Converts CII and UBL 2.1 invoices (the input syntax is detected). Inputs are files or\n"
    "folders (every *.xml below a folder). Each input is checked against its XSD, converted,\n"
    "and the output is checked against the target XSD before it is written. Batches run on\n"
    "all cores, report in input order, and stop starting new files on Ctrl-C.\n"
    "Exit codes: 0 all converted, 1 some input invalid, 2 usage or I/O error (or cancelled).";

struct ConvertArguments {
  std::vector<std::string> inputs;
  std::string to, out_file, out_dir, schemas;
  bool resume = false, no_input_xsd = false, quiet = false;
  unsigned jobs = 0;
};

void add_options(CLI::App& app, ConvertArguments& a) {
  app.add_option("inputs", a.inputs, "invoices and folders of them")->required();
  app.add_option("--to", a.to, "target syntax: cii or ubl")->required();
  app.add_option("-o", a.out_file,
                 "output file, for a single input file ('-' for standard output)");
  app.add_option("--out-dir", a.out_dir, "output folder; folder inputs keep their sub-folders");
  app.add_flag("--resume", a.resume,
               "skip inputs whose output already exists (outputs are written atomically, so an "
               "interrupted batch resumes safely; the temporary files it left are removed)");
  add_jobs_option(app, a.jobs);
  app.add_flag("--no-input-xsd", a.no_input_xsd, "convert inputs even when they break their XSD");
  app.add_option("--schemas", a.schemas,
                 "folder of the official XSDs (default: $EINVOICE_SCHEMAS, the installed "
                 "schemas, then the source tree's)");
  app.add_flag("--quiet", a.quiet, "no progress line and no per-file lines for converted files");
}

bool stderr_is_terminal() {
  return ::isatty(STDERR_FILENO) == 1;
}

void print_progress(const engine::BatchProgress& p) {
  double rate = p.elapsed_seconds > 0 ? static_cast<double>(p.done) / p.elapsed_seconds : 0;
  std::fprintf(stderr, "%s[%zu/%zu] converted %zu, invalid %zu, failed %zu, skipped %zu  %.0f/s%s",
               stderr_is_terminal() ? "\r" : "", p.done, p.total, p.converted, p.invalid, p.failed,
               p.skipped, rate, stderr_is_terminal() ? "" : "\n");
  std::fflush(stderr);
}

int fail(const model::Error& error, int exit_code = kExitUsage) {
  print_error("convert", error);
  return exit_code;
}

// One file to a named output or to standard output.
int convert_single(const engine::Converter& converter, const ConvertArguments& a,
                   const env::FileSystem& files) {
  const fs::path input = a.inputs.front();
  auto bytes = files.read(input, converter.options().limits.max_bytes);
  if (!bytes)
    return fail(bytes.error(), read_failure_exit_code(bytes.error()));
  auto outcome = converter.convert(*bytes, input.string());
  if (!outcome)
    return fail(outcome.error(),
                outcome.error().code == model::ErrorCode::kIo ? kExitUsage : kExitInvalid);
  for (const auto& d : outcome->diagnostics)
    print_diagnostic(std::cerr, d);
  if (!outcome->converted)
    return kExitInvalid;
  if (a.out_file.empty() || a.out_file == "-") {
    std::cout << outcome->output;
    return kExitOk;
  }
  if (auto written = files.write_atomic(a.out_file, outcome->output); !written)
    return fail(written.error());
  if (!a.quiet)
    std::cerr << input.string() << " -> " << a.out_file << '\n';
  return kExitOk;
}

// Each job's findings or error on stderr as it is delivered (in input order).
void print_result(const engine::JobResult& r, bool quiet) {
  if ((r.state == engine::JobState::kConverted && quiet) || r.state == engine::JobState::kSkipped ||
      r.state == engine::JobState::kCancelled)
    return;
  if (stderr_is_terminal() && !quiet)
    std::cerr << "\r\033[K";
  if (r.error) {
    print_error("convert", *r.error);
    return;
  }
  for (const auto& d : r.diagnostics)
    print_diagnostic(std::cerr, d);
  if (r.state == engine::JobState::kInvalid)
    std::cerr << r.job.input.string() << ": not converted (invalid input)\n";
}

// Every input into --out-dir, on all cores.
int convert_batch(const engine::Converter& converter, const ConvertArguments& a,
                  const env::FileSystem& files) {
  const std::vector<fs::path> inputs(a.inputs.begin(), a.inputs.end());
  auto jobs = engine::plan_jobs(inputs, a.out_dir, files);
  if (!jobs)
    return fail(jobs.error());
  auto out = files.open_output_folder(a.out_dir);
  if (!out)
    return fail(out.error());
  engine::BatchOptions batch;
  batch.threads = a.jobs;
  batch.resume = a.resume;
  batch.max_input_bytes = converter.options().limits.max_bytes;
  const CancelOnInterrupt interrupt;
  batch.cancel = interrupt.flag();
  batch.on_result = [&a](const engine::JobResult& r) { print_result(r, a.quiet); };
  if (!a.quiet)
    batch.on_progress = [](const engine::BatchProgress& p) { print_progress(p); };
  const engine::BatchProgress summary =
      engine::BatchConverter(converter, files).run(**out, *jobs, batch);
  if (!a.quiet && stderr_is_terminal())
    std::fputc('\n', stderr);
  std::cout << "convert: " << summary.total << " inputs, " << summary.converted << " converted, "
            << summary.invalid << " invalid, " << summary.failed << " failed, " << summary.skipped
            << " skipped";
  if (summary.cancelled > 0)
    std::cout << ", " << summary.cancelled << " cancelled";
  std::cout << " (to " << engine::to_string(converter.options().target) << ", " << a.out_dir
            << ")\n";
  return batch_exit_code(summary.failed, summary.cancelled, summary.invalid);
}

}  // namespace

int run_convert(int argc, char** argv, int first) {
  CLI::App app(kDescription, "einvoice convert");
  ConvertArguments a;
  add_options(app, a);
  if (auto exit_code = parse_command_line(app, argc, argv, first))
    return *exit_code;
  auto target = engine::parse_target_syntax(a.to);
  if (!target)
    return usage_problem(app, "--to must be cii or ubl, not '" + a.to + "'");
  if (!a.out_file.empty() && !a.out_dir.empty())
    return usage_problem(app, "give -o or --out-dir, not both");
  const env::Env& env = env::system_env();
  const bool single_file = a.inputs.size() == 1 && !env.files.is_directory(a.inputs.front());
  if (a.out_dir.empty() && !single_file)
    return usage_problem(app, "several inputs or a folder need --out-dir DIR");
  if (!a.out_file.empty() && !single_file)
    return usage_problem(app, "-o takes a single input file");
  auto validator =
      make_validator(a.schemas.empty() ? std::nullopt : std::optional<fs::path>(a.schemas));
  if (!validator)
    return fail(validator.error());
  engine::ConversionOptions options;
  options.target = *target;
  options.validate_input_schema = !a.no_input_xsd;
  const engine::Converter converter(*validator, options);
  if (single_file && a.out_dir.empty())
    return convert_single(converter, a, env.files);
  return convert_batch(converter, a, env.files);
}

}  // namespace einvoice::cli
