// OCR evaluation: reads every invoice of the given folders that has a ground
// truth, as a scan degraded by a preset (or as it is), extracts its fields
// and prints field-level accuracy, the wrong-value rate and seconds per page.
//
// Ground truth: "<name>.gt.json" beside "<name>.pdf" (flat object: keys
// invoice_number, issue_date, seller_vat_id, ...), or "<name>.json" beside
// "<name>.pdf|png|jpg" holding a list with one object (keys invoice_number,
// date, amount, amount_untaxed, amount_tax, vat, siren, iban, currency, ...).
//
//   cmake -S . -B build-rel -DCMAKE_BUILD_TYPE=Release
//   cmake --build build-rel --target ocr_eval
//   ./build-rel/bench/ocr_eval --degrade medium ../shared/corpus/ocr/facturx-pdf

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "bare_tesseract.h"
#include "bench_support.h"
#include "ocr/document_reader.h"
#include "ocr/field_extractor.h"
#include "ocr/label_lexicon.h"
#include "ocr/scan_simulation.h"
#include "ocr/synthetic_invoice.h"
#include "ocr/text_patterns.h"
#include "ocr_eval_lines.h"

namespace fs = std::filesystem;
using json = nlohmann::json;
using namespace einvoice;

namespace {

// How a ground-truth value is compared with the extracted one.
enum class Compare { kText, kAmount, kDate, kIdentifier, kName };

struct Expected {
  std::string term;  // BT id
  std::string label;
  Compare compare;
  std::string value;
};

struct Sample {
  fs::path document;  // its name when generated
  std::string bytes;  // the document when generated; else read from `document`
  std::vector<Expected> expected;
  std::vector<bench::TrueLine> lines;  // BG-25, when known
};

// The fields the acceptance figures are about.
bool is_acceptance_field(const std::string& term) {
  static const char* const kTerms[] = {"BT-1",   "BT-2",   "BT-30",  "BT-31", "BT-44",
                                       "BT-109", "BT-110", "BT-112", "BT-5"};
  return std::any_of(std::begin(kTerms), std::end(kTerms),
                     [&](const char* t) { return term == t; });
}

std::string text_of(const json& value) {
  if (value.is_string())
    return value.get<std::string>();
  if (value.is_number_integer())
    return std::to_string(value.get<long long>());
  if (value.is_number())
    return value.dump();
  return {};
}

void add(std::vector<Expected>& out, const json& object, const char* key, const char* term,
         const char* label, Compare compare) {
  if (!object.contains(key))
    return;
  std::string value = text_of(object.at(key));
  if (!value.empty())
    out.push_back(Expected{term, label, compare, value});
}

const char* label_of(const std::string& term) {
  static const std::map<std::string, const char*> kLabels = {
      {"BT-1", "invoice number"},    {"BT-2", "issue date"},
      {"BT-5", "currency"},          {"BT-9", "due date"},
      {"BT-27", "seller name"},      {"BT-29", "seller SIRET"},
      {"BT-30", "seller SIREN"},     {"BT-31", "seller VAT id"},
      {"BT-44", "buyer name"},       {"BT-84", "IBAN"},
      {"BT-109", "total excl. VAT"}, {"BT-110", "VAT total"},
      {"BT-112", "total incl. VAT"}, {"BT-115", "amount due"}};
  auto it = kLabels.find(term);
  return it == kLabels.end() ? "" : it->second;
}

std::vector<Expected> expectations(const fs::path& truth) {
  json data = json::parse(bench::slurp(truth), nullptr, false);
  if (data.is_array() && !data.empty())
    data = data.front();
  std::vector<Expected> out;
  if (!data.is_object())
    return out;
  const bool gt_format = truth.string().ends_with(".gt.json");
  add(out, data, "invoice_number", "BT-1", "invoice number", Compare::kText);
  add(out, data, gt_format ? "issue_date" : "date", "BT-2", "issue date", Compare::kDate);
  add(out, data, "currency", "BT-5", "currency", Compare::kText);
  add(out, data, gt_format ? "seller_siren" : "siren", "BT-30", "seller SIREN",
      Compare::kIdentifier);
  if (gt_format) {
    add(out, data, "seller_vat_id", "BT-31", "seller VAT id", Compare::kIdentifier);
    add(out, data, "seller_name", "BT-27", "seller name", Compare::kName);
    add(out, data, "buyer_name", "BT-44", "buyer name", Compare::kName);
    add(out, data, "total_excl_vat", "BT-109", "total excl. VAT", Compare::kAmount);
    add(out, data, "vat_total", "BT-110", "VAT total", Compare::kAmount);
    add(out, data, "total_incl_vat", "BT-112", "total incl. VAT", Compare::kAmount);
    add(out, data, "amount_due", "BT-115", "amount due", Compare::kAmount);
    add(out, data, "due_date", "BT-9", "due date", Compare::kDate);
  } else {
    add(out, data, "vat", "BT-31", "seller VAT id", Compare::kIdentifier);
    add(out, data, "static_vat", "BT-31", "seller VAT id", Compare::kIdentifier);
    add(out, data, "amount_untaxed", "BT-109", "total excl. VAT", Compare::kAmount);
    add(out, data, "amount_tax", "BT-110", "VAT total", Compare::kAmount);
    add(out, data, "amount", "BT-112", "total incl. VAT", Compare::kAmount);
    add(out, data, "date_due", "BT-9", "due date", Compare::kDate);
  }
  add(out, data, "iban", "BT-84", "IBAN", Compare::kIdentifier);
  return out;
}

// "# BLR_WFLD2015" printed as "Invoice No : # BLR_WFLD2015": some ground
// truths keep the number sign, which is the label's, not the number's.
std::string without_number_sign(std::string_view text) {
  while (!text.empty() && (text.front() == '#' || text.front() == ' '))
    text.remove_prefix(1);
  return std::string(text);
}

bool matches(const Expected& expected, const std::string& got) {
  switch (expected.compare) {
    case Compare::kText:
      return without_number_sign(got) == without_number_sign(expected.value);
    case Compare::kAmount: {
      auto a = model::Decimal::parse(got);
      auto b = model::Decimal::parse(expected.value);
      return a && b && a->numerically_equal(*b);
    }
    case Compare::kDate:
      return got == expected.value.substr(0, 10);
    case Compare::kIdentifier:
      return ocr::compact_upper(got) == ocr::compact_upper(expected.value);
    case Compare::kName:
      return ocr::fold_for_labels(got) == ocr::fold_for_labels(expected.value);
  }
  return false;
}

std::vector<Sample> collect(const std::vector<fs::path>& folders) {
  std::vector<Sample> out;
  for (const auto& folder : folders) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder))
      files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      const std::string ext = file.extension().string();
      if (ext != ".pdf" && ext != ".png" && ext != ".jpg")
        continue;
      fs::path truth = file;
      truth.replace_extension(".gt.json");
      if (!fs::exists(truth))
        truth.replace_extension("").replace_extension(".json");
      if (!fs::exists(truth))
        continue;
      auto expected = expectations(truth);
      fs::path xml = file;
      xml.replace_extension(".embedded.xml");
      auto lines =
          fs::exists(xml) ? bench::lines_of_cii(bench::slurp(xml)) : std::vector<bench::TrueLine>{};
      if (!expected.empty())
        out.push_back(Sample{file, {}, std::move(expected), std::move(lines)});
    }
  }
  return out;
}

// `count` synthetic invoices, the layouts in turn, with their ground truth.
std::vector<Sample> synthetic(int count) {
  std::vector<Sample> out;
  const std::string font = std::string(EINVOICE_FONT_DIR) + "/DejaVuSans.ttf";
  for (int i = 0; i < count; ++i) {
    const auto layout = static_cast<ocr::SyntheticLayout>(i % ocr::kSyntheticLayouts);
    auto invoice = ocr::make_synthetic_invoice(static_cast<unsigned>(1000 + i), layout, font);
    if (!invoice) {
      std::cerr << "ocr_eval: " << invoice.error().describe() << "\n";
      break;
    }
    Sample sample;
    sample.document = "synthetic-" + std::to_string(i) + "-layout" +
                      std::to_string(i % ocr::kSyntheticLayouts) + ".pdf";
    sample.bytes = std::move(invoice->pdf);
    for (const auto& line : invoice->lines)
      sample.lines.push_back(bench::TrueLine{line.name, line.net_amount});
    for (const auto& [term, value] : invoice->truth) {
      Compare compare = Compare::kText;
      if (term == "BT-2" || term == "BT-9")
        compare = Compare::kDate;
      else if (term == "BT-27" || term == "BT-44")
        compare = Compare::kName;
      else if (term == "BT-29" || term == "BT-30" || term == "BT-31" || term == "BT-84")
        compare = Compare::kIdentifier;
      else if (term == "BT-109" || term == "BT-110" || term == "BT-112" || term == "BT-115")
        compare = Compare::kAmount;
      sample.expected.push_back(Expected{term, label_of(term), compare, value});
    }
    out.push_back(std::move(sample));
  }
  return out;
}

struct Outcome {
  std::optional<std::string> error;
  ocr::ExtractedInvoice extracted;
  // Per page: what einvoice took from the scan's bytes to its fields (the
  // page's share of the extraction included), and with --bare-tesseract what
  // the tesseract command alone took on the same scan.
  std::vector<double> page_seconds;
  std::vector<double> bare_seconds;
  std::string text;  // the lines read, "page N:" before each page's
};

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

Outcome run_one(const Sample& sample, const ocr::ScanDegradation* degradation,
                ocr::PageReader& reader, const ocr::ReaderOptions& options, bool bare_tesseract) {
  Outcome out;
  std::string bytes = sample.bytes.empty() ? bench::slurp(sample.document) : sample.bytes;
  const std::string name = sample.document.filename().string();
  std::vector<ocr::PageText> pages;
  if (degradation) {
    std::vector<std::string> scans;
    if (sample.document.extension() == ".pdf") {
      auto simulated = ocr::simulate_scan(std::move(bytes), name, *degradation);
      if (!simulated) {
        out.error = simulated.error().describe();
        return out;
      }
      scans = std::move(*simulated);
    } else {
      auto degraded = ocr::degrade_image(bytes, name, *degradation);
      if (!degraded) {
        out.error = degraded.error().describe();
        return out;
      }
      scans.push_back(std::move(*degraded));
    }
    for (std::size_t i = 0; i < scans.size(); ++i) {
      if (bare_tesseract) {
        const auto bare =
            bench::time_bare_tesseract(scans[i], options.languages, options.page_segmentation);
        if (!bare) {
          out.error = "the tesseract command failed on page " + std::to_string(i + 1);
          return out;
        }
        out.bare_seconds.push_back(*bare);
      }
      const auto start = Clock::now();
      auto text = ocr::read_document(std::move(scans[i]), name, reader);
      if (!text) {
        out.error = text.error().describe();
        return out;
      }
      const double seconds = seconds_since(start);
      for (auto& page : text->pages) {
        page.page = static_cast<int>(i) + 1;
        out.page_seconds.push_back(seconds / static_cast<double>(text->pages.size()));
        pages.push_back(std::move(page));
      }
    }
  } else {
    auto text = ocr::read_document(std::move(bytes), name, reader);
    if (!text) {
      out.error = text.error().describe();
      return out;
    }
    for (auto& page : text->pages) {
      out.page_seconds.push_back(page.seconds);
      pages.push_back(std::move(page));
    }
  }
  for (const auto& page : pages) {
    out.text += "page " + std::to_string(page.page) + ":\n";
    for (const auto& line : page.lines) {
      out.text += "    ";
      for (const auto& word : line.words)
        out.text += word.text + " | ";
      out.text += "\n";
    }
  }
  const auto start = Clock::now();
  out.extracted = ocr::extract_fields(pages);
  const double share =
      pages.empty() ? 0.0 : seconds_since(start) / static_cast<double>(pages.size());
  for (double& seconds : out.page_seconds)
    seconds += share;
  return out;
}

double median(std::vector<double> values) {
  if (values.empty())
    return 0;
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

// A field read but flagged for the supplier to confirm (its check failed or
// its confidence is below the extractor's doubt threshold) is not emitted
// as a value: it counts as flagged, neither right nor wrong.
struct Tally {
  std::string label;
  int expected = 0, correct = 0, wrong = 0, flagged = 0, missing = 0;
};

// Why a field was flagged, for --show-errors: its confidence and what its
// cross-check said.
std::string describe_doubt(const ocr::Field& field) {
  std::ostringstream out;
  out << "confidence " << std::fixed << std::setprecision(2) << field.confidence;
  if (!field.check.empty())
    out << (field.check_failed ? ", check failed: " : ", check: ") << field.check;
  return out.str();
}

bool is_flagged(const ocr::Field& field) {
  return ocr::to_confirm(field);
}

double percent(int part, int whole) {
  return whole == 0 ? 0.0 : 100.0 * part / whole;
}

// The reliability table: acceptance-field values read, by the confidence
// the extractor gave them, and how many of each band were wrong. Values
// whose cross-check failed have a row of their own, whatever their
// confidence. A calibrated extractor keeps every band at or above the
// doubt threshold (0.6) at or under 1% wrong.
class Reliability {
 public:
  void add(const ocr::Field& field, bool correct) {
    Band& band = field.check_failed ? check_failed_ : bands_[band_index(field.confidence)];
    ++band.read;
    band.wrong += correct ? 0 : 1;
  }

  void print(std::ostream& out) const {
    out << "\nreliability of acceptance-field values read (confidence band: values, wrong, "
           "wrong rate)\n";
    for (std::size_t i = 0; i < kBounds.size(); ++i) {
      const double high = i + 1 < kBounds.size() ? kBounds[i + 1] : 1.0;
      std::ostringstream name;
      name << std::fixed << std::setprecision(2) << kBounds[i] << "-" << high
           << (kBounds[i] < kDoubt ? " (flagged)" : "");
      print_band(out, name.str(), bands_[i]);
    }
    print_band(out, "check failed (flagged)", check_failed_);
  }

 private:
  struct Band {
    int read = 0, wrong = 0;
  };
  static constexpr double kDoubt = ocr::kDoubtThreshold;
  static constexpr std::array<double, 7> kBounds{0.0, 0.4, 0.6, 0.7, 0.8, 0.9, 0.95};

  static std::size_t band_index(double confidence) {
    std::size_t index = 0;
    while (index + 1 < kBounds.size() && confidence >= kBounds[index + 1])
      ++index;
    return index;
  }
  static void print_band(std::ostream& out, const std::string& name, const Band& band) {
    out << "  " << std::left << std::setw(24) << name << std::right << std::setw(6) << band.read
        << std::setw(6) << band.wrong << std::setw(9) << std::fixed << std::setprecision(1)
        << percent(band.wrong, band.read) << "%\n";
  }

  std::array<Band, kBounds.size()> bands_{};
  Band check_failed_;
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<fs::path> folders;
  std::string preset = "medium";
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  std::size_t limit = 0;
  bool show_errors = false;
  bool show_text = false;       // print the words read of every page, separated by " | "
  bool bare_tesseract = false;  // time the tesseract command on the same scans
  int synthetic_count = 0;
  ocr::ReaderOptions reader_options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--degrade" && i + 1 < argc)
      preset = argv[++i];
    else if (arg == "--jobs" && i + 1 < argc)
      jobs = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
    else if (arg == "--limit" && i + 1 < argc)
      limit = static_cast<std::size_t>(std::max(0, std::atoi(argv[++i])));
    else if (arg == "--working-dpi" && i + 1 < argc)
      reader_options.working_dpi = std::max(72, std::atoi(argv[++i]));
    else if (arg == "--synthetic" && i + 1 < argc)
      synthetic_count = std::max(0, std::atoi(argv[++i]));
    else if (arg == "--show-errors")
      show_errors = true;
    else if (arg == "--show-text")
      show_text = true;
    else if (arg == "--bare-tesseract")
      bare_tesseract = true;
    else if (arg == "--help" || arg == "-h" || arg.starts_with("--")) {
      std::cout << "usage: ocr_eval [--degrade none|clean|light|medium|heavy] [--jobs N] "
                   "[--limit N] [--working-dpi N] [--synthetic N] [--show-errors] [--show-text] "
                   "[--bare-tesseract] "
                   "[FOLDER...]\n";
      return arg == "--help" || arg == "-h" ? 0 : 2;
    } else {
      folders.emplace_back(arg);
    }
  }
  if (folders.empty() && synthetic_count == 0)
    folders.push_back(fs::path(EINVOICE_CORPUS_DIR) / "ocr" / "facturx-pdf");
  const ocr::ScanDegradation* degradation = nullptr;
  if (preset != "none") {
    degradation = ocr::find_scan_preset(preset);
    if (!degradation) {
      std::cerr << "ocr_eval: unknown preset \"" << preset << "\"\n";
      return 2;
    }
  }
  auto samples = collect(folders);
  for (auto& sample : synthetic(synthetic_count))
    samples.push_back(std::move(sample));
  if (limit > 0 && samples.size() > limit)
    samples.resize(limit);
  if (samples.empty()) {
    std::cerr << "ocr_eval: no document with ground truth in the given folders\n";
    return 2;
  }

  std::vector<Outcome> outcomes(samples.size());
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> workers;
  std::mutex error_mutex;
  std::optional<std::string> setup_error;
  for (unsigned w = 0; w < std::min<std::size_t>(jobs, samples.size()); ++w) {
    workers.emplace_back([&] {
      auto reader = ocr::PageReader::create(reader_options);
      if (!reader) {
        std::lock_guard lock(error_mutex);
        setup_error = reader.error().describe();
        return;
      }
      for (std::size_t i = next++; i < samples.size(); i = next++)
        outcomes[i] = run_one(samples[i], degradation, **reader, reader_options, bare_tesseract);
    });
  }
  for (auto& worker : workers)
    worker.join();
  if (setup_error) {
    std::cerr << "ocr_eval: " << *setup_error << "\n";
    return 2;
  }

  std::map<std::string, Tally> tallies;
  Reliability reliability;
  std::vector<double> seconds, bare_seconds;
  int failed_documents = 0;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const auto& outcome = outcomes[i];
    if (outcome.error) {
      ++failed_documents;
      std::cout << "  ! " << samples[i].document.filename().string() << ": " << *outcome.error
                << "\n";
    }
    if (show_text)
      std::cout << "== " << samples[i].document.filename().string() << "\n" << outcome.text;
    seconds.insert(seconds.end(), outcome.page_seconds.begin(), outcome.page_seconds.end());
    bare_seconds.insert(bare_seconds.end(), outcome.bare_seconds.begin(),
                        outcome.bare_seconds.end());
    for (const auto& expected : samples[i].expected) {
      Tally& tally = tallies[expected.term];
      tally.label = expected.label;
      ++tally.expected;
      const ocr::Field* field = outcome.extracted.field(expected.term);
      if (!field) {
        ++tally.missing;
        if (show_errors)
          std::cout << "  - " << samples[i].document.filename().string() << " " << expected.term
                    << " missing (expected \"" << expected.value << "\")\n";
        continue;
      }
      if (is_acceptance_field(expected.term))
        reliability.add(*field, matches(expected, field->value));
      if (is_flagged(*field)) {
        ++tally.flagged;
        if (show_errors)
          std::cout << "  ? " << samples[i].document.filename().string() << " " << expected.term
                    << " flagged \"" << field->value << "\" (expected \"" << expected.value
                    << "\") " << describe_doubt(*field) << "\n";
      } else if (matches(expected, field->value)) {
        ++tally.correct;
      } else {
        ++tally.wrong;
        if (show_errors)
          std::cout << "  x " << samples[i].document.filename().string() << " " << expected.term
                    << " got \"" << field->value << "\" expected \"" << expected.value << "\" "
                    << describe_doubt(*field) << "\n";
      }
    }
  }

  std::cout << "ocr_eval: " << samples.size() << " documents, " << seconds.size()
            << " pages, preset " << preset;
  if (degradation)
    std::cout << " (" << degradation->dpi << " dpi, " << degradation->rotation_degrees
              << " deg, noise " << degradation->noise_sigma << ", blur " << degradation->blur_radius
              << ", JPEG " << degradation->jpeg_quality << ")";
  std::cout << ", " << jobs << " worker(s); " << failed_documents << " unreadable\n\n";
  std::cout << std::left << std::setw(8) << "term" << std::setw(18) << "field" << std::right
            << std::setw(9) << "expected" << std::setw(9) << "correct" << std::setw(7) << "wrong"
            << std::setw(9) << "flagged" << std::setw(9) << "missing" << std::setw(10) << "accuracy"
            << std::setw(12) << "wrong rate"
            << "\n";
  Tally overall{"acceptance fields"};
  for (const auto& [term, t] : tallies) {
    std::cout << std::left << std::setw(8) << term << std::setw(18) << t.label << std::right
              << std::setw(9) << t.expected << std::setw(9) << t.correct << std::setw(7) << t.wrong
              << std::setw(9) << t.flagged << std::setw(9) << t.missing << std::setw(9)
              << std::fixed << std::setprecision(1) << percent(t.correct, t.expected) << "%"
              << std::setw(11) << percent(t.wrong, t.correct + t.wrong) << "%\n";
    if (is_acceptance_field(term)) {
      overall.expected += t.expected;
      overall.correct += t.correct;
      overall.wrong += t.wrong;
      overall.missing += t.missing;
      overall.flagged += t.flagged;
    }
  }
  std::cout << "\nacceptance fields (number, issue date, seller SIREN and VAT id, buyer name, "
               "totals, currency): accuracy "
            << percent(overall.correct, overall.expected) << "% (" << overall.correct << "/"
            << overall.expected << "), wrong-value rate "
            << percent(overall.wrong, overall.correct + overall.wrong) << "% (" << overall.wrong
            << "/" << overall.correct + overall.wrong << "); flagged for confirmation "
            << overall.flagged << ", missing " << overall.missing << "\n";
  if (!seconds.empty()) {
    std::cout << "seconds per page (einvoice, scan to fields): median " << std::setprecision(2)
              << median(seconds) << ", max " << *std::max_element(seconds.begin(), seconds.end());
    if (!bare_seconds.empty())
      std::cout << "; the tesseract command alone on the same scans: median "
                << median(bare_seconds) << ", max "
                << *std::max_element(bare_seconds.begin(), bare_seconds.end());
    std::cout << "\n";
  }
  reliability.print(std::cout);
  bench::LineScore line_score;
  for (std::size_t i = 0; i < samples.size(); ++i)
    line_score.add(samples[i].lines, outcomes[i].extracted);
  line_score.print(std::cout);
  std::cout << "reproduce: ocr_eval --degrade " << preset << " --jobs " << jobs << " --working-dpi "
            << reader_options.working_dpi << (bare_tesseract ? " --bare-tesseract" : "");
  for (const auto& folder : folders)
    std::cout << " " << folder.string();
  std::cout << "\n";
  return 0;
}
