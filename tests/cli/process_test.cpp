// einvoice process end to end, as a user runs it: the official CII and UBL
// examples, the Factur-X PDFs of the corpus and degraded scans in; every
// output checked by `einvoice facturx check` and `qpdf --check`, every
// refusal with a report that names why.
#include <leptonica/allheaders.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "ocr/scan_simulation.h"
#include "tests/cli/process_support.h"

using namespace einvoice;
using einvoice::test::Folder;
using einvoice::test::read_all;
using einvoice::test::run_einvoice;
namespace fs = std::filesystem;

namespace {

const fs::path kCorpus = EINVOICE_CORPUS_DIR;

struct Checked {
  std::size_t done = 0, refused = 0, failed = 0;
};

// Reads every report in `out`; each output must pass facturx check and qpdf
// --check, each refusal must say why.
Checked check_outputs(const fs::path& out, const fs::path& scratch) {
  Checked checked;
  for (const auto& entry : fs::directory_iterator(out)) {
    const std::string name = entry.path().filename().string();
    if (name.size() < 12 || name.substr(name.size() - 12) != ".report.json")
      continue;
    INFO(entry.path().string());
    const auto report = nlohmann::json::parse(read_all(entry.path()));
    const std::string state = report["state"];
    if (state == "done") {
      ++checked.done;
      const fs::path pdf = out / report["output"].get<std::string>();
      REQUIRE(fs::exists(pdf));
      const auto check = run_einvoice(scratch, "check", "facturx check " + pdf.string());
      INFO(check.out);
      CHECK(check.exit_code == 0);
      const std::string qpdf = "qpdf --check " + pdf.string() + " >/dev/null 2>&1";
      CHECK(std::system(qpdf.c_str()) == 0);
    } else {
      (state == "failed" ? checked.failed : checked.refused) += 1;
      // Why: an error, a fatal finding or what a scan is missing.
      const bool says_why = !report["error"].is_null() || report["fatal"].get<int>() > 0 ||
                            !report["missing"].empty();
      CHECK(says_why);
      CHECK(report["output"].is_null());
    }
  }
  return checked;
}

// The pages (JPEG) as one PDF of images, as a scanner writes it.
std::string pdf_of_images(const std::vector<std::string>& pages, int dpi) {
  Pixa* pixa = pixaCreate(static_cast<l_int32>(pages.size()));
  for (const std::string& page : pages) {
    Pix* pix = pixReadMem(reinterpret_cast<const l_uint8*>(page.data()), page.size());
    REQUIRE(pix);
    pixaAddPix(pixa, pix, L_INSERT);
  }
  l_uint8* data = nullptr;
  size_t size = 0;
  const l_int32 failed =
      pixaConvertToPdfData(pixa, dpi, 1.0, L_JPEG_ENCODE, 85, "scan", &data, &size);
  pixaDestroy(&pixa);
  REQUIRE(failed == 0);
  std::string pdf(reinterpret_cast<const char*>(data), size);
  lept_free(data);
  return pdf;
}

}  // namespace

TEST_CASE("process: every official CII and UBL example becomes a checked Factur-X",
          "[cli][process]") {
  Folder scratch("process-examples");
  const fs::path out = scratch.path() / "out";
  const auto run = run_einvoice(scratch.path(), "run",
                                "process " + (kCorpus / "en16931/cii/examples").string() + " " +
                                    (kCorpus / "en16931/ubl/examples").string() +
                                    " --quiet --out-dir " + out.string());
  INFO(run.out << run.err);
  CHECK(run.exit_code == 0);
  const Checked checked = check_outputs(out, scratch.path());
  CHECK(checked.done == 63);
  CHECK(checked.refused == 0);
  CHECK(checked.failed == 0);
  // One line per document, in input order, then the totals.
  const auto first = run.out.find("CII-BR-CO-10-RoundingIssue.xml: done");
  const auto last = run.out.find("ubl-tc434-test-1.xml: done");
  CHECK(first < last);
  CHECK(last != std::string::npos);
  CHECK(run.out.find("63 document(s): 63 done") != std::string::npos);
}

TEST_CASE("process: each Factur-X of the corpus is passed on, repaired, or refused with reasons",
          "[cli][process]") {
  Folder scratch("process-facturx");
  const fs::path out = scratch.path() / "out";
  const auto run =
      run_einvoice(scratch.path(), "run",
                   "process " + (kCorpus / "facturx/pdf").string() + " --out-dir " + out.string());
  INFO(run.out << run.err);
  CHECK(run.exit_code == 1);  // some are broken on purpose
  const Checked checked = check_outputs(out, scratch.path());
  CHECK(checked.failed == 0);  // an einvoice defect would be "failed"
  CHECK(checked.done >= 5);
  CHECK(checked.done + checked.refused == 28);
}

TEST_CASE("process: degraded scans become a checked Factur-X or say what is missing",
          "[cli][process][ocr]") {
  Folder scratch("process-scans");
  const fs::path scans = scratch.path() / "scans";
  fs::create_directories(scans);
  // Four invoices rendered by einvoice, scanned at medium degradation, and a
  // born-digital invoice of the corpus lightly degraded: five scans.
  const auto* medium = ocr::find_scan_preset("medium");
  const auto* light = ocr::find_scan_preset("light");
  REQUIRE(medium);
  REQUIRE(light);
  for (const char* sample : {"fr-credit-note.cii", "fr-credit-note.ubl", "fr-invoice-multirate.cii",
                             "fr-invoice-services.ubl"}) {
    const fs::path pdf = scratch.path() / (std::string(sample) + ".pdf");
    const auto built = run_einvoice(
        scratch.path(), "build",
        "facturx build --xml " + (fs::path(EINVOICE_TESTDATA_DIR) / "samples" / sample).string() +
            ".xml -o " + pdf.string());
    REQUIRE(built.exit_code == 0);
    auto pages = ocr::simulate_scan(read_all(pdf), sample, *medium);
    REQUIRE(pages);
    std::ofstream(scans / (std::string(sample) + ".pdf"), std::ios::binary)
        << pdf_of_images(*pages, medium->dpi);
  }
  auto corpus_scan = ocr::degrade_image(read_all(kCorpus / "ocr/real/AmazonWebServices.png"),
                                        "AmazonWebServices.png", *light);
  REQUIRE(corpus_scan);
  std::ofstream(scans / "AmazonWebServices.jpg", std::ios::binary) << *corpus_scan;

  const fs::path out = scratch.path() / "out";
  const auto run = run_einvoice(
      scratch.path(), "run", "process " + scans.string() + " --jobs 2 --out-dir " + out.string());
  INFO(run.out << run.err);
  CHECK((run.exit_code == 0 || run.exit_code == 1));
  const Checked checked = check_outputs(out, scratch.path());
  CHECK(checked.failed == 0);
  CHECK(checked.done + checked.refused == 5);
  // Each refusal names the mentions not read or the rules broken.
  for (const auto& entry : fs::directory_iterator(out)) {
    if (entry.path().extension() != ".json")
      continue;
    const auto report = nlohmann::json::parse(read_all(entry.path()));
    if (report["state"] != "refused")
      continue;
    for (const auto& missing : report["missing"])
      CHECK(missing.get<std::string>().rfind("B", 0) == 0);  // "BT-1: ...", "BG-23: ..."
    for (const auto& finding : report["findings"])
      CHECK(!finding["rule"].get<std::string>().empty());
  }
}

TEST_CASE("process: a JSON job runs as its command line does; options override it",
          "[cli][process]") {
  Folder scratch("process-job");
  const fs::path in = kCorpus / "en16931/ubl/examples/ubl-tc434-example1.xml";
  const fs::path out = scratch.path() / "out";
  std::ofstream(scratch.path() / "job.json")
      << nlohmann::json{{"inputs", {in.string()}}, {"out_dir", out.string()}, {"to", "cii"}}.dump();
  const auto run = run_einvoice(scratch.path(), "run",
                                "process --quiet --job " + (scratch.path() / "job.json").string());
  INFO(run.out << run.err);
  CHECK(run.exit_code == 0);
  CHECK(fs::exists(out / "ubl-tc434-example1.cii.xml"));
  // --to on the command line wins over the job's "to".
  const auto ubl =
      run_einvoice(scratch.path(), "ubl",
                   "process --quiet --to ubl --job " + (scratch.path() / "job.json").string());
  CHECK(ubl.exit_code == 0);
  CHECK(read_all(out / "ubl-tc434-example1.ubl.xml") == read_all(in));
  // A misspelt member is refused, naming the file and the member.
  std::ofstream(scratch.path() / "bad.json")
      << R"({"inputs": ["a.xml"], "out_dir": "o", "format": "cii"})";
  const auto bad = run_einvoice(scratch.path(), "bad",
                                "process --job " + (scratch.path() / "bad.json").string());
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("bad.json") != std::string::npos);
  CHECK(bad.err.find("unknown member \"format\"") != std::string::npos);
}

TEST_CASE("process: a bad file among good ones, then --resume", "[cli][process]") {
  Folder scratch("process-resume");
  const fs::path in = scratch.path() / "in";
  fs::create_directories(in);
  fs::copy(kCorpus / "en16931/cii/examples/CII_example1.xml", in / "a.xml");
  fs::copy(kCorpus / "en16931/ubl/examples/ubl-tc434-example2.xml", in / "b.xml");
  std::ofstream(in / "c.xml") << "<Invoice>truncated";
  const fs::path out = scratch.path() / "out";
  const std::string args = "process --quiet --to cii " + in.string() + " --out-dir " + out.string();
  const auto first = run_einvoice(scratch.path(), "first", args);
  INFO(first.out << first.err);
  CHECK(first.exit_code == 1);
  CHECK(first.out.find("a.xml: done") != std::string::npos);
  CHECK(first.out.find("b.xml: done") != std::string::npos);
  CHECK(first.out.find("c.xml: refused") != std::string::npos);
  CHECK(fs::exists(out / "c.report.json"));
  fs::remove(out / "b.report.json");
  const auto again = run_einvoice(scratch.path(), "again", args + " --resume");
  INFO(again.out);
  CHECK(again.out.find("a.xml: skipped") != std::string::npos);
  CHECK(again.out.find("b.xml: done") != std::string::npos);
  CHECK(again.out.find("c.xml: skipped") != std::string::npos);
  CHECK(again.exit_code == 0);
}
