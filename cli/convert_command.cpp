#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "engine/batch_converter.h"
#include "engine/converter.h"
#include "engine/job_plan.h"
#include "env/file_system.h"
#include "formats/xsd/schema_validator.h"

namespace einvoice::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kUsage =
    "usage: einvoice convert IN... --to cii|ubl [-o OUT | --out-dir DIR] [options]\n"
    "\n"
    "Converts CII and UBL 2.1 invoices (the input syntax is detected). Inputs are files or\n"
    "folders (every *.xml below a folder). Each input is checked against its XSD, converted,\n"
    "and the output is checked against the target XSD before it is written.\n"
    "\n"
    "  --to cii|ubl        target syntax (required)\n"
    "  -o OUT              output file, for a single input file ('-' for standard output)\n"
    "  --out-dir DIR       output folder; folder inputs keep their sub-folder structure\n"
    "  --resume            skip inputs whose output already exists (outputs are written\n"
    "                      atomically, so an interrupted batch resumes safely; the\n"
    "                      temporary files it left are removed)\n"
    "  --jobs N            worker threads (default: all cores; --threads N also)\n"
    "  --no-input-xsd      convert inputs even when they break their XSD\n"
    "  --schemas DIR       folder of the official XSDs (default: $EINVOICE_SCHEMAS, the\n"
    "                      installed schemas, then the source tree's ../shared/schemas)\n"
    "  --quiet             no progress line and no per-file lines for converted files\n"
    "\n"
    "Exit codes: 0 all converted, 1 some input invalid, 2 usage or I/O error.\n";

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

}  // namespace

int run_convert(int argc, char** argv, int first) {
  ArgumentSpec spec{{"--to", "-o", "--out-dir", "--jobs", "--threads", "--schemas"},
                    {"--resume", "--no-input-xsd", "--quiet", "--help", "-h"}};
  std::string error;
  auto args = parse_arguments(argc, argv, first, spec, error);
  if (!args)
    return usage_error("convert", error, kUsage);
  if (args->has("--help") || args->has("-h")) {
    std::cout << kUsage;
    return kExitOk;
  }
  if (args->positional.empty())
    return usage_error("convert", "no input given", kUsage);
  auto to = args->value("--to");
  if (!to)
    return usage_error("convert", "--to cii|ubl is required", kUsage);
  auto target = engine::parse_target_syntax(*to);
  if (!target)
    return usage_error("convert", "--to must be cii or ubl, not '" + *to + "'", kUsage);
  auto out_file = args->value("-o");
  auto out_dir = args->value("--out-dir");
  if (out_file && out_dir)
    return usage_error("convert", "give -o or --out-dir, not both", kUsage);
  auto jobs_given = jobs_option(*args);
  if (!jobs_given)
    return usage_error("convert", jobs_given.error().message, kUsage);
  const unsigned threads = *jobs_given;

  env::LocalFileSystem files;
  std::vector<fs::path> inputs(args->positional.begin(), args->positional.end());
  bool single_file = inputs.size() == 1 && !files.is_directory(inputs[0]);
  if (!out_dir && !(single_file)) {
    return usage_error("convert", "several inputs or a folder need --out-dir DIR", kUsage);
  }
  if (out_file && !single_file)
    return usage_error("convert", "-o takes a single input file", kUsage);

  auto validator = make_validator(*args);
  if (!validator) {
    print_error("convert", validator.error());
    return kExitUsage;
  }
  engine::ConversionOptions options;
  options.target = *target;
  options.validate_input_schema = !args->has("--no-input-xsd");
  engine::Converter converter(*validator, options);
  bool quiet = args->has("--quiet");

  if (single_file && !out_dir) {
    // One file to a named output or to standard output.
    auto bytes = files.read(inputs[0], options.limits.max_bytes);
    if (!bytes) {
      print_error("convert", bytes.error());
      return read_failure_exit_code(bytes.error());
    }
    auto outcome = converter.convert(*bytes, inputs[0].string());
    if (!outcome) {
      print_error("convert", outcome.error());
      return outcome.error().code == model::ErrorCode::kIo ? kExitUsage : kExitInvalid;
    }
    for (const auto& d : outcome->diagnostics)
      print_diagnostic(std::cerr, d);
    if (!outcome->converted)
      return kExitInvalid;
    if (!out_file || *out_file == "-") {
      std::cout << outcome->output;
      return kExitOk;
    }
    auto written = files.write_atomic(*out_file, outcome->output);
    if (!written) {
      print_error("convert", written.error());
      return kExitUsage;
    }
    if (!quiet)
      std::cerr << inputs[0].string() << " -> " << *out_file << '\n';
    return kExitOk;
  }

  auto jobs = engine::plan_jobs(inputs, *out_dir, files);
  if (!jobs) {
    print_error("convert", jobs.error());
    return kExitUsage;
  }
  auto out = files.open_output_folder(*out_dir);
  if (!out) {
    print_error("convert", out.error());
    return kExitUsage;
  }
  engine::BatchOptions batch;
  batch.threads = threads;
  batch.resume = args->has("--resume");
  batch.max_input_bytes = options.limits.max_bytes;
  batch.on_result = [&](const engine::JobResult& r) {
    if (r.state == engine::JobState::kConverted && quiet)
      return;
    if (r.state == engine::JobState::kSkipped)
      return;
    if (stderr_is_terminal() && !quiet)
      std::cerr << "\r\033[K";
    if (r.error) {
      print_error("convert", *r.error);
    } else {
      for (const auto& d : r.diagnostics)
        print_diagnostic(std::cerr, d);
      if (r.state == engine::JobState::kInvalid) {
        std::cerr << r.job.input.string() << ": not converted (invalid input)\n";
      }
    }
  };
  if (!quiet)
    batch.on_progress = [](const engine::BatchProgress& p) { print_progress(p); };
  engine::BatchConverter runner(converter, files);
  engine::BatchProgress summary = runner.run(**out, *jobs, batch);
  if (!quiet && stderr_is_terminal())
    std::fputc('\n', stderr);
  std::cout << "convert: " << summary.total << " inputs, " << summary.converted << " converted, "
            << summary.invalid << " invalid, " << summary.failed << " failed, " << summary.skipped
            << " skipped (to " << engine::to_string(*target) << ", " << *out_dir << ")\n";
  if (summary.failed > 0)
    return kExitUsage;
  return summary.invalid > 0 ? kExitInvalid : kExitOk;
}

}  // namespace einvoice::cli
