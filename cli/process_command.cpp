// einvoice process IN... --out-dir DIR [--to facturx|cii|ubl] [--job FILE.json]
#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "engine/process_json.h"
#include "env/file_system.h"

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
    "command line override its members.\n"
    "Exit codes: 0 every document done (or skipped by --resume), 1 some refused\n"
    "(invalid or incomplete), 2 usage or I/O error, or cancelled.";

std::atomic<bool> g_cancel{false};
extern "C" void on_interrupt(int) {
  g_cancel.store(true);
}

struct ProcessArguments {
  std::vector<std::string> inputs;
  std::string out_dir, to, profile, french_rules, facturx_profile, lang, job_file, schemas;
  unsigned jobs = 0;
  bool resume = false, quiet = false;
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
  return engine::parse_process_job(job.dump(), name);
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

int fail(const model::Error& error) {
  print_error("process", error);
  return kExitUsage;
}

int exit_code_of(const engine::BatchTotals& totals) {
  if (totals.failed > 0 || totals.cancelled > 0)
    return kExitUsage;
  return totals.refused > 0 ? kExitInvalid : kExitOk;
}

}  // namespace

int run_process(int argc, char** argv, int first) {
  CLI::App app(kDescription, "einvoice process");
  ProcessArguments a;
  add_options(app, a);
  try {
    std::vector<std::string> args(argv + first, argv + argc);
    std::reverse(args.begin(), args.end());
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  env::LocalFileSystem files;
  auto job = job_of(app, a, files);
  if (!job)
    return fail(job.error());
  auto inputs = engine::plan_process(job->inputs, files);
  if (!inputs)
    return fail(inputs.error());
  auto out = files.open_output_folder(job->out_dir);
  if (!out)
    return fail(out.error());
  auto schemas = make_validator(
      a.schemas.empty() ? std::nullopt : std::optional<std::filesystem::path>(a.schemas));
  if (!schemas)
    return fail(schemas.error());
  engine::ProcessResources resources;
  resources.schemas = *schemas;
  const engine::Processor processor(resources, job->options);
  if (job->options.resume)
    (*out)->remove_leftovers();

  engine::RunnerOptions runner;
  runner.jobs = job->jobs;
  runner.cancel = &g_cancel;
  if (!a.quiet) {
    runner.on_progress = [](const engine::BatchTotals& t) {
      std::cerr << "\r" << t.finished << "/" << t.total << " documents, " << t.done << " done, "
                << t.refused << " refused, " << t.failed << " failed" << std::flush;
    };
  }
  std::signal(SIGINT, on_interrupt);
  const engine::BatchTotals totals =
      engine::process_all(processor, *inputs, files, **out, runner,
                          [&](const engine::DocumentReport& r) { print_line(r, job->out_dir); });
  std::signal(SIGINT, SIG_DFL);
  if (!a.quiet)
    std::cerr << "\n";
  std::cout << totals.total << " document(s): " << totals.done << " done, " << totals.refused
            << " refused, " << totals.failed << " failed, " << totals.skipped << " skipped, "
            << totals.cancelled << " cancelled in " << std::fixed << std::setprecision(2)
            << totals.elapsed_seconds << " s\n";
  return exit_code_of(totals);
}

}  // namespace einvoice::cli
