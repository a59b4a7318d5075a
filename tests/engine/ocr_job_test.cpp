// The OCR job end to end: a supplier's PDF or scan to the fields read, the
// supplier's corrections, the invoice, and a Factur-X that passes its own
// check and gives the invoice back.
#include "engine/ocr_job.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "engine/facturx_jobs.h"
#include "formats/xsd/schema_validator.h"
#include "ocr/scan_simulation.h"

using namespace einvoice;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

const fs::path kEinfach = fs::path(EINVOICE_CORPUS_DIR) / "ocr" / "facturx-pdf" /
                          "intarsys__zugferd_2p0_EN16931_Einfach.pdf";

ocr::PageReader& reader() {
  static auto created = ocr::PageReader::create();
  REQUIRE(created);
  return **created;
}

}  // namespace

TEST_CASE("OCR job: a printed PDF, completed by the supplier, becomes a checked Factur-X",
          "[engine][ocr]") {
  const xsd::SchemaValidator schemas(EINVOICE_SCHEMA_DIR);
  engine::OcrJobOptions options;
  options.build_facturx = true;
  options.schemas = &schemas;
  // The buyer's country is printed only inside its address ("DE 69876
  // Frankfurt"): the supplier gives it.
  options.sets = {{"BT-55", "DE"}};
  auto outcome = engine::run_ocr(slurp(kEinfach), "einfach.pdf", reader(), options);
  REQUIRE(outcome);
  CHECK(outcome->pages == 2);
  CHECK(outcome->ocr_pages == 0);  // both pages have a text layer
  INFO(engine::ocr_report_text(*outcome, "einfach.pdf"));
  CHECK(outcome->complete);
  REQUIRE(outcome->facturx);
  CHECK(outcome->extracted.field("BT-55")->source == ocr::FieldSource::kSet);

  // The Factur-X gives back what was read.
  auto extracted = engine::extract_facturx(outcome->facturx->pdf, "out.pdf");
  REQUIRE(extracted);
  REQUIRE(extracted->invoice);
  CHECK(extracted->invoice->number == std::optional<std::string>("471102"));
  CHECK(extracted->invoice->totals.total_with_vat->to_string() == "529.87");
  CHECK(extracted->invoice->seller.vat_identifier == std::optional<std::string>("DE123456789"));
  CHECK(extracted->invoice->vat_breakdowns.size() == 2);

  // The report names each field with its place and confidence.
  auto report = nlohmann::json::parse(engine::ocr_report_json(*outcome, "einfach.pdf"));
  CHECK(report["complete"] == true);
  CHECK(report["fields"]["BT-1"]["value"] == "471102");
  CHECK(report["fields"]["BT-1"]["page"] == 1);
  CHECK(report["fields"]["BT-1"]["box"].size() == 4);
  CHECK(report["fields"]["BT-1"]["confidence"].get<int>() > 50);
  CHECK(report["fields"]["BT-1"]["to_confirm"] == false);
  CHECK_FALSE(report["fields"]["BT-1"].contains("candidates"));
  CHECK(report["facturx"]["written"] == true);
}

TEST_CASE("OCR job: an incomplete scan names what is missing and builds no Factur-X",
          "[engine][ocr]") {
  // The first page only, scanned: the totals are on the second page.
  auto scans = ocr::simulate_scan(slurp(kEinfach), "einfach.pdf", *ocr::find_scan_preset("light"));
  REQUIRE(scans);
  engine::OcrJobOptions options;
  options.build_facturx = true;
  auto outcome = engine::run_ocr((*scans)[0], "page1.jpg", reader(), options);
  REQUIRE(outcome);
  CHECK(outcome->ocr_pages == 1);
  CHECK_FALSE(outcome->complete);
  CHECK_FALSE(outcome->facturx);
  CHECK_FALSE(outcome->facturx_problems.empty());
  CHECK(outcome->extracted.field("BT-1"));
  bool names_total = false;
  for (const auto& finding : outcome->extracted.findings)
    names_total |= finding.term == "BT-112" && finding.missing;
  CHECK(names_total);
  const std::string text = engine::ocr_report_text(*outcome, "page1.jpg");
  CHECK(text.find("total including VAT (BT-112) not found") != std::string::npos);
}

TEST_CASE("OCR job: a correction naming an unknown term or a wrong value is refused",
          "[engine][ocr]") {
  engine::OcrJobOptions options;
  options.sets = {{"BT-999", "x"}};
  auto unknown = engine::run_ocr(slurp(kEinfach), "einfach.pdf", reader(), options);
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().code == model::ErrorCode::kInvalidArgument);
  CHECK(unknown.error().describe().find("BT-999 cannot be set") != std::string::npos);

  options.sets = {{"BT-2", "14/10/2026"}};
  auto bad_date = engine::run_ocr(slurp(kEinfach), "einfach.pdf", reader(), options);
  REQUIRE_FALSE(bad_date);
  CHECK(bad_date.error().describe().find("YYYY-MM-DD") != std::string::npos);
}
