// Validation throughput and memory: parse, XSD, rules and the whole
// `einvoice validate` pipeline (parse + XSD + every rule), per core and on
// all cores, then memory over a long run (the 100,000 invoices).
//
// usage: validate_bench [--seconds S] [--invoices N] [--threads T]
//                       [--profile en16931|fr] [--schemas DIR] [FILE|DIR ...]
// Default inputs: the official CII and UBL examples of the shared corpus.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "bench_support.h"
#include "engine/converter.h"
#include "engine/document_validator.h"
#include "engine/parallel.h"
#include "formats/xsd/schema_directory.h"
#include "formats/xsd/schema_validator.h"
#include "validation/rules.h"

namespace {

namespace fs = std::filesystem;
using namespace einvoice;
using bench::per_second;

struct Input {
  std::string name;
  std::string bytes;
  std::shared_ptr<engine::ReadOutcome> read;  // kept for the rules-only stage
};

struct Options {
  double seconds = 3;
  std::size_t invoices = 100000;
  unsigned threads = 0;
  validation::Profile profile = validation::Profile::kEn16931;
  std::optional<fs::path> schemas;
  std::vector<fs::path> files;
};

bool parse_options(int argc, char** argv, Options& options) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    bool has_value = i + 1 < argc;
    if (arg == "--seconds" && has_value) {
      options.seconds = std::atof(argv[++i]);
    } else if (arg == "--invoices" && has_value) {
      options.invoices = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--threads" && has_value) {
      options.threads = static_cast<unsigned>(std::atoi(argv[++i]));
    } else if (arg == "--profile" && has_value) {
      auto profile = validation::parse_profile(argv[++i]);
      if (!profile)
        return false;
      options.profile = *profile;
    } else if (arg == "--schemas" && has_value) {
      options.schemas = argv[++i];
    } else if (!arg.empty() && arg[0] == '-') {
      return false;
    } else {
      bench::collect_xml(arg, options.files);
    }
  }
  return true;
}

std::vector<Input> load(const std::vector<fs::path>& files) {
  std::vector<Input> inputs;
  for (const auto& path : files) {
    Input input{path.string(), bench::slurp(path), nullptr};
    auto read = engine::read_invoice(input.bytes, input.name);
    if (!read) {
      std::fprintf(stderr, "skipped %s: %s\n", input.name.c_str(), read.error().describe().c_str());
      continue;
    }
    input.read = std::make_shared<engine::ReadOutcome>(std::move(*read));
    inputs.push_back(std::move(input));
  }
  return inputs;
}

// Whole-pipeline validations per second on `threads` threads together.
double all_cores(const engine::DocumentValidator& validator, const std::vector<Input>& inputs,
                 unsigned threads, double seconds) {
  std::atomic<std::size_t> done{0};
  std::atomic<bool> stop{false};
  const auto start = std::chrono::steady_clock::now();
  engine::for_each_parallel(threads, threads, [&](std::size_t worker) {
    std::size_t next = worker;
    while (!stop.load(std::memory_order_relaxed)) {
      const Input& input = inputs[next++ % inputs.size()];
      auto outcome = validator.validate(input.bytes, input.name);
      done.fetch_add(outcome ? 1 : 0, std::memory_order_relaxed);
      if (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() >=
          seconds)
        stop = true;
    }
  });
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return static_cast<double>(done.load()) / elapsed;
}

// Validates `count` invoices (cycling over the inputs) on `threads` threads and
// prints resident memory at each tenth; returns the growth from the first
// tenth to the end, in MB.
long memory_run(const engine::DocumentValidator& validator, const std::vector<Input>& inputs,
                std::size_t count, unsigned threads) {
  std::printf("  memory over %zu validations (%u threads), resident MB at each tenth:\n   ", count,
              threads);
  long first = 0;
  long last = 0;
  const std::size_t tenth = std::max<std::size_t>(1, count / 10);
  for (std::size_t begin = 0; begin < count; begin += tenth) {
    std::size_t n = std::min(tenth, count - begin);
    engine::for_each_parallel(n, threads, [&](std::size_t i) {
      const Input& input = inputs[(begin + i) % inputs.size()];
      auto outcome = validator.validate(input.bytes, input.name);
      (void)outcome;
    });
    last = bench::current_rss_mb();
    if (begin == 0)
      first = last;
    std::printf(" %ld", last);
    std::fflush(stdout);
  }
  std::printf("\n");
  return last - first;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!parse_options(argc, argv, options)) {
    std::fprintf(stderr,
                 "usage: validate_bench [--seconds S] [--invoices N] [--threads T] "
                 "[--profile en16931|fr] [--schemas DIR] [FILE|DIR ...]\n");
    return 2;
  }
  const fs::path corpus = EINVOICE_CORPUS_DIR;
  if (options.files.empty()) {
    bench::collect_xml(corpus / "en16931/cii/examples", options.files);
    bench::collect_xml(corpus / "en16931/ubl/examples", options.files);
  }
  std::sort(options.files.begin(), options.files.end());
  std::vector<Input> inputs = load(options.files);
  if (inputs.empty()) {
    std::fprintf(stderr, "no inputs\n");
    return 2;
  }
  auto schema_dir = xsd::resolve_schema_directory(options.schemas);
  if (!schema_dir) {
    std::fprintf(stderr, "%s\n", schema_dir.error().describe().c_str());
    return 2;
  }
  auto schemas = std::make_shared<xsd::SchemaValidator>(*schema_dir);
  engine::ValidationOptions validation_options;
  validation_options.rules.profile = options.profile;
  engine::DocumentValidator validator(schemas, validation_options);
  const unsigned threads =
      options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());

  std::size_t bytes = 0;
  for (const auto& input : inputs)
    bytes += input.bytes.size();
  std::printf("validate_bench: %zu invoices, %.1f KB average, profile %s, %.0f s per stage\n",
              inputs.size(), static_cast<double>(bytes) / 1024.0 / inputs.size(),
              validation::to_string(options.profile), options.seconds);

  std::size_t sink = 0;
  double parse = per_second(inputs, options.seconds, [&](const Input& in) {
    auto read = engine::read_invoice(in.bytes, in.name);
    sink += read ? 1 : 0;
  });
  double schema = per_second(inputs, options.seconds, [&](const Input& in) {
    auto report = schemas->validate(in.bytes, engine::schema_of(in.read->source_syntax), in.name);
    sink += report && report->valid ? 1 : 0;
  });
  double rules = per_second(inputs, options.seconds, [&](const Input& in) {
    const auto& document = in.read->document;
    sink +=
        validation::check_rules(in.read->parsed.invoice, in.read->source_syntax,
                                document ? &*document : nullptr, in.name, validation_options.rules)
            .size();
  });
  double whole = per_second(inputs, options.seconds, [&](const Input& in) {
    auto outcome = validator.validate(in.bytes, in.name);
    sink += outcome ? outcome->findings.size() + 1 : 0;
  });
  std::printf("  one core:\n");
  std::printf("    parse (detect + read into model)   %8.0f invoices/s\n", parse);
  std::printf("    XSD (Xerces, cached grammar)       %8.0f invoices/s\n", schema);
  std::printf("    rules (all of the profile)         %8.0f invoices/s\n", rules);
  std::printf("    validate (parse + XSD + rules)     %8.0f invoices/s\n", whole);

  const fs::path reference = corpus / "en16931/cii/examples/CII_business_example_01.xml";
  if (options.files.size() > 1 && fs::exists(reference)) {
    std::vector<Input> one = load({reference});
    if (!one.empty()) {
      double reference_rate = per_second(one, options.seconds, [&](const Input& in) {
        auto outcome = validator.validate(in.bytes, in.name);
        sink += outcome ? 1 : 0;
      });
      std::printf("    validate %s (%.1f KB)  %8.0f invoices/s (target >= 1500)\n",
                  reference.filename().c_str(), static_cast<double>(one[0].bytes.size()) / 1024.0,
                  reference_rate);
    }
  }
  std::printf("  %u threads: validate                  %8.0f invoices/s\n", threads,
              all_cores(validator, inputs, threads, options.seconds));
  if (options.invoices > 0) {
    long growth = memory_run(validator, inputs, options.invoices, threads);
    std::printf("  growth after the first tenth: %ld MB; peak resident %ld MB\n", growth,
                bench::peak_rss_mb());
  }
  std::printf(
      "reproduce: cmake --build build --target validate_bench && ./build/bench/validate_bench "
      "--seconds %.0f --invoices %zu --profile %s\n",
      options.seconds, options.invoices, validation::to_string(options.profile));
  return sink == 0 ? 1 : 0;
}
