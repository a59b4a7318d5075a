// einvoice process IN... --out-dir DIR [--to facturx|cii|ubl] [--job FILE.json]
#include <CLI/CLI.hpp>
#include <atomic>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli_support.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "engine/process_json.h"
#include "env/env.h"
#include "env/file_system.h"
#if EINVOICE_HAS_SEAL
#include "cli/seal_options.h"
#include "engine/seal_setup.h"
#endif

namespace einvoice::cli {
namespace {

constexpr const char* kDescription =
    "Runs the whole pipeline on each input: CII, UBL, Factur-X, scanned PDF or image\n"
    "(files, and *.xml, *.pdf, *.jpg, *.png, *.tif below folders). Each goes through\n"
    "the stages it needs (read or OCR, XSD, EN 16931 and French rules, build, check)\n"
    "and comes out in the requested format as DIR/<name>.facturx.pdf (.cii.xml,\n"
    ".ubl.xml), with DIR/<name>.report.json: each stage's outcome and time, the\n"
    "findings, what a scan is missing. <name> is the input's name without its\n"
    "extension, below DIR as the input is below the folder given. All cores; one\n"
    "line per document, in input order; Ctrl-C stops starting new documents.\n"
    "--job FILE.json gives the job as JSON (docs/process.md); options given on the\n"
    "command line override its members. --seal seals each output once checked: a\n"
    "Factur-X by PAdES, a UBL by enveloped XAdES, a CII by a detached CAdES written\n"
    "beside it (<name>.cii.xml.p7s), with the Seal options below.\n"
    "Exit codes: 0 every document done (or skipped by --resume), 1 some refused\n"
    "(invalid or incomplete), 2 usage or I/O error, or cancelled.";

struct ProcessArguments {
  std::vector<std::string> inputs;
  std::string out_dir, to, profile, french_rules, facturx_profile, lang, job_file, schemas;
  unsigned jobs = 0;
  bool resume = false, quiet = false, seal = false;
#if EINVOICE_HAS_SEAL
  engine::SealRequest seal_request;
#endif
};

void add_options(CLI::App& app, ProcessArguments& a) {
  app.add_option("inputs", a.inputs, "invoices, scans and folders of them");
  app.add_option("--out-dir", a.out_dir, "folder the outputs and reports are written into");
  app.add_option("--to", a.to, "output format: facturx (default), cii or ubl");
  app.add_option("--profile", a.profile, "rules: en16931 (default) or fr (with the French rules)");
  app.add_option("--french-rules", a.french_rules,
                 "published (default) or warnings (the French rules as warnings)");
  app.add_option("--facturx-profile", a.facturx_profile,
                 "Factur-X profile: en16931 (default), basic, basicwl, minimum, extended");
  app.add_option("--lang", a.lang, "language of a rendered Factur-X: fr (default) or en");
  app.add_option("--jobs", a.jobs, "threads (default: all cores)");
  app.add_flag("--resume", a.resume, "skip the inputs whose report is already written");
  app.add_option("--job", a.job_file, "the job as JSON");
  app.add_option("--schemas", a.schemas, "the official XSD folder");
  app.add_flag("--quiet", a.quiet, "no progress line on stderr");
  app.add_flag("--seal", a.seal, "seal each output (Seal options)");
#if EINVOICE_HAS_SEAL
  add_seal_options(app, a.seal_request, "Seal");
#endif
}

// The seal of the command line (--seal and the Seal options) over the job's.
model::Result<bool> apply_seal_options(const CLI::App& app, const ProcessArguments& a,
                                       engine::ProcessJob& job) {
#if EINVOICE_HAS_SEAL
  if (seal_options_given(app) && !a.seal)
    return model::Error{model::ErrorCode::kInvalidArgument, "the Seal options go with --seal", {}};
  if (a.seal) {
    if (auto problem = engine::seal_request_problem(a.seal_request))
      return model::Error{model::ErrorCode::kInvalidArgument, *problem, {}};
    job.seal = a.seal_request;
  }
#else
  (void)app;
  if (a.seal || job.seal) {
    return model::Error{model::ErrorCode::kUnsupported,
                        "this build of einvoice has no signing module: --seal is not available",
                        {}};
  }
#endif
  return true;
}

// The job: --job's JSON with the options given here over it, checked by the
// one parser a server uses too.
model::Result<engine::ProcessJob> job_of(const CLI::App& app, const ProcessArguments& a,
                                         const env::FileSystem& files) {
  if (a.job_file.empty() && a.inputs.empty()) {
    return model::Error{model::ErrorCode::kInvalidArgument,
                        "no input: name invoices, scans or folders (or --job FILE.json)",
                        {}};
  }
  if (a.job_file.empty() && a.out_dir.empty()) {
    return model::Error{model::ErrorCode::kInvalidArgument,
                        "--out-dir is required: the folder outputs and reports are written into",
                        {}};
  }
  nlohmann::json job = nlohmann::json::object();
  std::string name = "the command line";
  if (!a.job_file.empty()) {
    auto text = files.read(a.job_file, 1u << 20);
    if (!text)
      return text.error();
    job = nlohmann::json::parse(*text, nullptr, false);
    if (job.is_discarded() || !job.is_object()) {
      return model::Error{
          model::ErrorCode::kInvalidArgument, "not a JSON object", {a.job_file, "", 0, 0}};
    }
    name = a.job_file;
  }
  if (!a.inputs.empty())
    job["inputs"] = a.inputs;
  const std::pair<const char*, const std::string*> strings[] = {
      {"--out-dir", &a.out_dir},
      {"--to", &a.to},
      {"--profile", &a.profile},
      {"--french-rules", &a.french_rules},
      {"--facturx-profile", &a.facturx_profile},
      {"--lang", &a.lang}};
  for (const auto& [option, value] : strings) {
    if (app.count(option) == 0)
      continue;
    std::string key = std::string(option).substr(2);
    for (char& c : key)
      c = c == '-' ? '_' : c;
    job[key] = *value;
  }
  if (app.count("--jobs"))
    job["jobs"] = a.jobs;
  if (a.resume)
    job["resume"] = true;
  auto parsed = engine::parse_process_job(job.dump(), name);
  if (!parsed)
    return parsed;
  if (auto sealed = apply_seal_options(app, a, *parsed); !sealed)
    return sealed.error();
  return parsed;
}

void print_line(const engine::DocumentReport& report, const std::filesystem::path& out_dir) {
  std::cout << report.input.string() << ": " << engine::to_string(report.state);
  if (!report.output.empty())
    std::cout << " -> " << (out_dir / report.output).string();
  if (report.state == engine::ItemState::kRefused || report.state == engine::ItemState::kFailed) {
    std::size_t fatal = 0;
    for (const auto& d : report.findings)
      fatal += d.severity == model::Severity::kFatal ? 1 : 0;
    if (report.error)
      std::cout << " (" << report.error->describe() << ")";
    else if (!report.missing.empty())
      std::cout << " (missing: " << report.missing.size() << " mention(s))";
    else
      std::cout << " (" << fatal << " fatal finding(s))";
  }
  std::cout << "\n";
}

// What the processor shares across threads: the schemas and, with --seal,
// the signer and the timestamp authority.
struct Runtime {
  engine::ProcessResources resources;
#if EINVOICE_HAS_SEAL
  std::unique_ptr<engine::SealSetup> seal;
#endif
};

model::Result<bool> make_runtime(const ProcessArguments& a, const engine::ProcessJob& job,
                                 const env::Env& env, Runtime& runtime) {
  auto schemas = make_validator(
      a.schemas.empty() ? std::nullopt : std::optional<std::filesystem::path>(a.schemas));
  if (!schemas)
    return schemas.error();
  runtime.resources.schemas = *schemas;
#if EINVOICE_HAS_SEAL
  if (job.seal) {
    auto setup = engine::SealSetup::create(*job.seal, env);
    if (!setup)
      return setup.error();
    if (setup->uses_test_tsa())
      std::cerr << "process: warning: --test-tsa timestamps prove nothing (self-signed test TSA)\n";
    runtime.seal = std::make_unique<engine::SealSetup>(std::move(*setup));
    const engine::SealSetup* sealer = runtime.seal.get();
    runtime.resources.seal = [sealer](
                                 std::string_view output,
                                 std::string_view name) -> model::Result<engine::SealedOutput> {
      auto sealed = sealer->seal(output, name);
      if (!sealed)
        return sealed.error();
      return engine::SealedOutput{
          std::move(sealed->bytes), sealed->format == engine::SealFormat::kCades,
          std::string(engine::to_string(sealed->format)) + " " + sealer->level_name()};
    };
  }
#else
  (void)job;
  (void)env;
#endif
  return true;
}

void print_totals(const engine::BatchTotals& totals) {
  std::cout << totals.total << " document(s): " << totals.done << " done, " << totals.refused
            << " refused, " << totals.failed << " failed, " << totals.skipped << " skipped, "
            << totals.cancelled << " cancelled in " << std::fixed << std::setprecision(2)
            << totals.elapsed_seconds << " s\n";
}

int fail(const model::Error& error) {
  print_error("process", error);
  return kExitUsage;
}

}  // namespace

int run_process(int argc, char** argv, int first) {
  CLI::App app(kDescription, "einvoice process");
  ProcessArguments a;
  add_options(app, a);
  if (auto exit_code = parse_command_line(app, argc, argv, first))
    return *exit_code;
  const env::Env& env = env::system_env();
  auto job = job_of(app, a, env.files);
  if (!job)
    return fail(job.error());
  auto inputs = engine::plan_process(job->inputs, env.files);
  if (!inputs)
    return fail(inputs.error());
  auto out = env.files.open_output_folder(job->out_dir);
  if (!out)
    return fail(out.error());
  Runtime runtime;
  if (auto made = make_runtime(a, *job, env, runtime); !made)
    return fail(made.error());
  const engine::Processor processor(runtime.resources, job->options, env);
  if (job->options.resume)
    (*out)->remove_leftovers();

  engine::RunnerOptions runner;
  runner.jobs = job->jobs;
  const CancelOnInterrupt interrupt;
  runner.cancel = interrupt.flag();
  if (!a.quiet) {
    runner.on_progress = [](const engine::BatchTotals& t) {
      std::cerr << "\r" << t.finished << "/" << t.total << " documents, " << t.done << " done, "
                << t.refused << " refused, " << t.failed << " failed" << std::flush;
    };
  }
  const engine::BatchTotals totals =
      engine::process_all(processor, *inputs, env.files, **out, runner,
                          [&](const engine::DocumentReport& r) { print_line(r, job->out_dir); });
  if (!a.quiet)
    std::cerr << "\n";
  print_totals(totals);
  return batch_exit_code(totals.failed, totals.cancelled, totals.refused);
}

}  // namespace einvoice::cli
