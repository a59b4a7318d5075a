// Factur-X throughput on one core: builds with a given PDF (rewritten, and a
// PDF/A kept by incremental update), builds rendering the invoice from its
// data, and extractions of the invoice XML.
//
// usage: facturx_bench [--seconds S] [--pdf VISUAL.pdf] [CII.xml|DIR ...]
// Default inputs: the official CII examples; default visual PDFs: two of the
// shared Factur-X corpus (a plain PDF 1.4 and a PDF/A-3 without attachment).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_support.h"
#include "engine/facturx_jobs.h"

namespace {

namespace fs = std::filesystem;
using namespace einvoice;

struct Xml {
  std::string name;
  std::string bytes;
};

}  // namespace

int main(int argc, char** argv) {
  double seconds = 3;
  std::vector<fs::path> files;
  std::vector<fs::path> visuals;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--seconds" && i + 1 < argc) {
      seconds = std::atof(argv[++i]);
    } else if (arg == "--pdf" && i + 1 < argc) {
      visuals.emplace_back(argv[++i]);
    } else {
      bench::collect_xml(arg, files);
    }
  }
  const fs::path corpus = EINVOICE_CORPUS_DIR;
  if (files.empty())
    bench::collect_xml(corpus / "en16931/cii/examples", files);
  if (visuals.empty()) {
    visuals.push_back(corpus /
                      "facturx/pdf/library__MustangGnuaccountingBeispielRE-20170509_505PDF14.pdf");
    visuals.push_back(corpus /
                      "facturx/pdf/library__MustangGnuaccountingBeispielRE-20170509_505PDFA3.pdf");
  }
  std::sort(files.begin(), files.end());
  std::vector<Xml> inputs;
  for (const auto& f : files)
    inputs.push_back({f.string(), bench::slurp(f)});

  engine::FacturxBuildOptions options;
  options.timestamp = "2026-11-23T10:00:00+00:00";
  std::printf("facturx_bench: %zu invoices, %.0f s per stage, one thread\n", inputs.size(),
              seconds);
  std::size_t sink = 0;
  std::vector<std::string> built;
  for (const auto& visual_path : visuals) {
    const std::string visual = bench::slurp(visual_path);
    auto probe = engine::build_facturx(inputs[0].bytes, inputs[0].name, visual,
                                       visual_path.string(), options);
    if (!probe) {
      std::fprintf(stderr, "%s\n", probe.error().describe().c_str());
      return 2;
    }
    double rate = bench::per_second(inputs, seconds, [&](const Xml& in) {
      auto out = engine::build_facturx(in.bytes, in.name, visual, visual_path.string(), options);
      sink += out ? out->pdf.size() : 0;
      if (out && built.size() < inputs.size())
        built.push_back(std::move(out->pdf));
    });
    std::printf("  build with %s (%.0f KB, %s)  %8.0f /s (target >= 100)\n",
                visual_path.filename().c_str(), static_cast<double>(visual.size()) / 1024.0,
                probe->incremental ? "PDF/A: incremental update" : "rewritten", rate);
  }
  // No visual PDF: the invoice rendered from its data, then embedded.
  double rendered = bench::per_second(inputs, seconds, [&](const Xml& in) {
    auto out = engine::build_facturx(in.bytes, in.name, "", "", options);
    sink += out ? out->pdf.size() : 0;
  });
  std::printf("  build with rendering from the data           %8.0f /s (target >= 30)\n",
              rendered);
  double extract = bench::per_second(built, seconds, [&](const std::string& pdf) {
    auto out = engine::extract_facturx(pdf, "built.pdf");
    sink += out && out->content.invoice ? 1 : 0;
  });
  std::printf("  extract invoice XML (+ read into the model)  %8.0f /s (target >= 500)\n", extract);
  std::printf("  peak resident memory %ld MB\n", bench::peak_rss_mb());
  std::printf(
      "reproduce: cmake --build build --target facturx_bench && ./build/bench/facturx_bench "
      "--seconds %.0f\n",
      seconds);
  return sink == 0 ? 1 : 0;
}
