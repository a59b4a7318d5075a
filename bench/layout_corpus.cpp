// layout_corpus: writes the OCR evaluation corpus of bench/layouts, each
// invoice as HTML printed to PDF by headless Chromium, with its ground truth
// (<name>.gt.json), into OUT/tuning and OUT/held-out (the layouts never used
// while tuning extraction). Then:
//   bench/ocr_eval --degrade medium OUT/held-out
//
// usage: layout_corpus --out DIR [--per-layout N] [--seed S] [--chromium PATH]
//                      [--layout ID]... [--list]
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "bench/layouts/layout_catalog.h"

namespace fs = std::filesystem;
using namespace einvoice::bench::layouts;

namespace {

struct Options {
  fs::path out;
  int per_layout = 3;
  unsigned seed = 1;
  std::string chromium = "chromium";
  std::set<std::string> only;
  bool list = false;
};

int usage(const char* problem) {
  std::cerr << "layout_corpus: " << problem
            << "\nusage: layout_corpus --out DIR [--per-layout N] [--seed S] [--chromium PATH] "
               "[--layout ID]... [--list]\n";
  return 2;
}

bool write(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  return static_cast<bool>(out);
}

std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text)
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Prints `html` to `pdf` with headless Chromium (no header or footer lines).
bool print_pdf(const Options& options, const fs::path& html, const fs::path& pdf,
               const fs::path& profile) {
  const std::string command =
      quoted(options.chromium) +
      " --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-pdf-header-footer "
      "--user-data-dir=" +
      quoted(profile.string()) + " --print-to-pdf=" + quoted(pdf.string()) + " " +
      quoted("file://" + fs::absolute(html).string()) + " >/dev/null 2>&1";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 && fs::exists(pdf) && fs::file_size(pdf) > 0;
}

bool parse(int argc, char** argv, Options& o) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--out" && has_value)
      o.out = argv[++i];
    else if (arg == "--per-layout" && has_value)
      o.per_layout = std::atoi(argv[++i]);
    else if (arg == "--seed" && has_value)
      o.seed = static_cast<unsigned>(std::strtoul(argv[++i], nullptr, 10));
    else if (arg == "--chromium" && has_value)
      o.chromium = argv[++i];
    else if (arg == "--layout" && has_value)
      o.only.insert(argv[++i]);
    else if (arg == "--list")
      o.list = true;
    else
      return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!parse(argc, argv, o))
    return usage("unknown option");
  const auto& catalog = layout_catalog();
  if (o.list) {
    for (const Layout& l : catalog)
      std::cout << l.id << (l.held_out ? "  (held out)" : "") << "\n";
    return 0;
  }
  if (o.out.empty() || o.per_layout < 1 || o.per_layout > 1000)
    return usage("--out DIR is required, --per-layout from 1 to 1000");
  const fs::path profile = o.out / ".chromium-profile";
  fs::create_directories(o.out / "tuning");
  fs::create_directories(o.out / "held-out");
  fs::create_directories(profile);
  int written = 0, failed = 0;
  for (std::size_t index = 0; index < catalog.size(); ++index) {
    const Layout& layout = catalog[index];
    if (!o.only.empty() && !o.only.count(layout.id))
      continue;
    const fs::path folder = o.out / (layout.held_out ? "held-out" : "tuning");
    for (int i = 0; i < o.per_layout; ++i) {
      const unsigned seed =
          o.seed * 1000003u + static_cast<unsigned>(index) * 7919u + static_cast<unsigned>(i);
      const InvoiceData data = make_invoice_data(seed, layout.data);
      const std::string name = layout.id + "-" + std::to_string(i + 1);
      const fs::path html = folder / (name + ".html");
      const fs::path pdf = folder / (name + ".pdf");
      if (!write(html, render_html(layout, data)) ||
          !write(folder / (name + ".gt.json"), ground_truth_json(layout, data)) ||
          !print_pdf(o, html, pdf, profile)) {
        std::cerr << "layout_corpus: " << name << ": could not be written or printed (is "
                  << o.chromium << " installed? scripts/install-deps.sh --bench)\n";
        ++failed;
        continue;
      }
      ++written;
    }
  }
  fs::remove_all(profile);
  std::cout << written << " invoices written into " << o.out.string() << " (tuning/, held-out/)"
            << (failed ? ", " + std::to_string(failed) + " failed" : "") << "\n"
            << "reproduce: layout_corpus --out " << o.out.string() << " --per-layout "
            << o.per_layout << " --seed " << o.seed << "\n";
  return failed ? 1 : 0;
}
