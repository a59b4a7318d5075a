// Every CII and UBL example of the shared corpus is rendered, then read back
// with pdftotext: the terms a reader needs are on the page, the file passes
// qpdf --check and every font is embedded with a Unicode map.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "render/invoice_renderer.h"
#include "tests/render/render_test_support.h"

namespace {

namespace fs = std::filesystem;
using namespace einvoice;
using namespace einvoice::render::test;

std::vector<fs::path> corpus_examples() {
  std::vector<fs::path> out;
  for (const char* syntax : {"cii", "ubl"}) {
    const fs::path folder = fs::path(EINVOICE_CORPUS_DIR) / "en16931" / syntax / "examples";
    for (const auto& entry : fs::directory_iterator(folder)) {
      if (entry.path().extension() == ".xml")
        out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string text(const model::Text& value) {
  return value.value_or("");
}
// An amount as a French reader sees it on the page (the renderer's default
// language): the written digits, decimal comma, a space between groups of
// three integer digits (a narrow no-break space, which pdftotext -layout
// reads as a space). Written here from the rule, not with render/number_format.
std::string text(const model::Amount& value) {
  if (!value)
    return "";
  const std::string written = value->to_string();
  const std::size_t point = std::min(written.find('.'), written.size());
  const std::size_t first_digit = written.front() == '-' ? 1 : 0;
  std::string page = written.substr(point);
  if (!page.empty())
    page[0] = ',';
  for (std::size_t end = point, taken = 0; end > first_digit; --end, ++taken) {
    if (taken > 0 && taken % 3 == 0)
      page.insert(0, " ");
    page.insert(page.begin(), written[end - 1]);
  }
  return written.substr(0, first_digit) + page;
}

void check_contains(const std::string& page_text, const std::string& what, const char* term) {
  if (collapse(what).empty())
    return;
  INFO(term << ": " << what);
  CHECK(collapse(page_text).find(collapse(what)) != std::string::npos);
}

void check_words(const std::string& page_text, const std::string& what, const char* term) {
  if (collapse(what).empty())
    return;
  INFO(term << ": " << what);
  CHECK(contains_words_in_order(page_text, what));
}

}  // namespace

TEST_CASE("every corpus example renders with its key terms readable", "[render][corpus]") {
  const std::vector<fs::path> examples = corpus_examples();
  REQUIRE(examples.size() > 20);
  for (const fs::path& path : examples) {
    DYNAMIC_SECTION(path.parent_path().parent_path().filename().string()
                    << "/" << path.filename().string()) {
      const model::Invoice invoice = read_invoice_file(path.string());
      auto pdf = render::render_invoice_pdf(invoice, options());
      REQUIRE(pdf.ok());
      const TempPdf file(pdf.value());
      const std::string page_text = pdftotext_layout(file.path());
      REQUIRE(!page_text.empty());

      check_contains(page_text, text(invoice.number), "BT-1");
      check_words(page_text, text(invoice.seller.name), "BT-27");
      check_words(page_text, text(invoice.buyer.name), "BT-44");
      if (invoice.seller.legal_registration_identifier)
        check_contains(page_text, invoice.seller.legal_registration_identifier->value, "BT-30");
      if (invoice.buyer.legal_registration_identifier)
        check_contains(page_text, invoice.buyer.legal_registration_identifier->value, "BT-47");
      for (const model::InvoiceLine& line : invoice.lines) {
        check_words(page_text, text(line.item.name), "BT-153");
        check_contains(page_text, text(line.net_amount), "BT-131");
      }
      for (const model::VatBreakdown& vat : invoice.vat_breakdowns) {
        check_contains(page_text, text(vat.rate), "BT-119");
        check_contains(page_text, text(vat.tax_amount), "BT-117");
      }
      check_contains(page_text, text(invoice.totals.total_without_vat), "BT-109");
      check_contains(page_text, text(invoice.totals.total_with_vat), "BT-112");
      check_contains(page_text, text(invoice.totals.amount_due), "BT-115");

      const CommandOutput check = run("qpdf --check '" + file.path() + "'");
      INFO(check.output);
      CHECK(check.status == 0);
      CHECK(fonts_problems(file.path()).empty());
    }
  }
}

// Writes every example's PDF (French and English) into the folder named by
// EINVOICE_RENDER_DUMP, for a look with a PDF viewer.
TEST_CASE("dump rendered examples", "[.][dump]") {
  const char* folder = std::getenv("EINVOICE_RENDER_DUMP");
  REQUIRE(folder != nullptr);
  fs::create_directories(folder);
  for (const fs::path& path : corpus_examples()) {
    const model::Invoice invoice = read_invoice_file(path.string());
    for (auto language : {render::Language::kFrench, render::Language::kEnglish}) {
      auto pdf = render::render_invoice_pdf(invoice, options(language));
      REQUIRE(pdf.ok());
      const std::string suffix = language == render::Language::kFrench ? ".fr.pdf" : ".en.pdf";
      std::ofstream out(fs::path(folder) / (path.stem().string() + suffix), std::ios::binary);
      out << pdf.value();
    }
  }
}
