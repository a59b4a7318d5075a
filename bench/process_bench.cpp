// Throughput of the whole pipeline (engine::Processor on engine::run_batch, as
// `einvoice process` runs it): CII to Factur-X (XSD of the profile, rules,
// invoice rendered, container checked) and UBL to CII (XSD, rules, CII
// written, its XSD checked), on one thread and on every core. Outputs and
// reports go to an in-memory folder, so the figures are the engine's, not
// the disk's.
//
// usage: process_bench [--seconds S] [--schemas DIR]
// Inputs: the official CII examples (to Factur-X) and UBL examples (to CII)
// of the shared corpus, in rounds until S seconds (default 5) have passed.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "bench_support.h"
#include "engine/process_job.h"
#include "env/memory_file_system.h"
#include "formats/xsd/schema_directory.h"
#include "formats/xsd/schema_validator.h"

namespace {

namespace fs = std::filesystem;
using namespace einvoice;

// Documents per second processing `inputs` round after round on `jobs`
// threads for `seconds`, and how many ended other than done.
struct Figure {
  double per_second = 0;
  std::size_t not_done = 0;
};

Figure measure(const engine::ProcessResources& resources, engine::OutputFormat to,
               const std::vector<fs::path>& inputs, unsigned jobs, double seconds) {
  env::MemoryFileSystem files;
  std::vector<engine::InputFile> items;
  for (const fs::path& input : inputs) {
    files.files[input] = bench::slurp(input);
    items.push_back({input, input.filename()});
  }
  auto out = files.open_output_folder("out");
  engine::ProcessOptions options;
  options.to = to;
  options.timestamp = "2026-12-07T00:00:00+00:00";
  const engine::Processor processor(resources, options);
  engine::RunnerOptions runner;
  runner.jobs = jobs;
  // One untimed round: grammars loaded, fonts read.
  for (const auto& item : items)
    processor.process(item, files, **out);
  Figure figure;
  std::size_t done = 0;
  double elapsed = 0;
  while (elapsed < seconds) {
    const engine::BatchTotals totals =
        engine::process_all(processor, items, files, **out, runner, [](const auto&) {});
    done += totals.total;
    figure.not_done += totals.total - totals.done;
    elapsed += totals.elapsed_seconds;
  }
  figure.per_second = static_cast<double>(done) / elapsed;
  return figure;
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = 5;
  std::optional<fs::path> schema_dir;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--seconds" && i + 1 < argc)
      seconds = std::atof(argv[++i]);
    else if (arg == "--schemas" && i + 1 < argc)
      schema_dir = argv[++i];
  }
  auto dir = xsd::resolve_schema_directory(schema_dir);
  if (!dir) {
    std::fprintf(stderr, "process_bench: %s\n", dir.error().describe().c_str());
    return 2;
  }
  engine::ProcessResources resources;
  resources.schemas = std::make_shared<const xsd::SchemaValidator>(*dir);
  const fs::path corpus = EINVOICE_CORPUS_DIR;
  std::vector<fs::path> cii, ubl;
  bench::collect_xml(corpus / "en16931/cii/examples", cii);
  bench::collect_xml(corpus / "en16931/ubl/examples", ubl);
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());

  std::printf("process_bench: documents per second through engine::Processor (%u cores)\n", cores);
  std::printf("reproduce: build-release/bench/process_bench --seconds %.0f\n\n", seconds);
  struct Case {
    const char* what;
    engine::OutputFormat to;
    const std::vector<fs::path>& inputs;
  };
  for (const Case& c : {Case{"CII to Factur-X (rendered)", engine::OutputFormat::kFacturX, cii},
                        Case{"UBL to CII", engine::OutputFormat::kCii, ubl}}) {
    const Figure one = measure(resources, c.to, c.inputs, 1, seconds);
    const Figure all = measure(resources, c.to, c.inputs, cores, seconds);
    std::printf(
        "%-28s %3zu inputs  1 thread: %8.1f/s   %u threads: %8.1f/s   (not done: %zu, %zu)\n",
        c.what, c.inputs.size(), one.per_second, cores, all.per_second, one.not_done, all.not_done);
  }
  std::printf("\npeak memory: %ld MB\n", bench::peak_rss_mb());
  return 0;
}
