// End to end: synthetic invoices in each layout, rendered, scanned clean
// (300 dpi, no noise), read by OCR; their line tables must come out with
// the printed net amounts and become the invoice's lines.
#include <catch2/catch.hpp>

#include "ocr/document_reader.h"
#include "ocr/field_extractor.h"
#include "ocr/invoice_builder.h"
#include "ocr/line_table_check.h"
#include "ocr/scan_simulation.h"
#include "ocr/synthetic_invoice.h"

using namespace einvoice;
using namespace einvoice::ocr;

TEST_CASE("OCR line table: synthetic invoices keep their lines after a clean scan",
          "[ocr][lines][scan]") {
  const std::string font = std::string(EINVOICE_FONT_DIR) + "/DejaVuSans.ttf";
  const ScanDegradation* clean = find_scan_preset("clean");
  REQUIRE(clean);
  auto reader = PageReader::create();
  REQUIRE(reader);
  int used = 0;
  for (int layout = 0; layout < kSyntheticLayouts; ++layout) {
    auto invoice = make_synthetic_invoice(7 + static_cast<unsigned>(layout),
                                          static_cast<SyntheticLayout>(layout), font);
    REQUIRE(invoice);
    auto scans = simulate_scan(invoice->pdf, "synthetic.pdf", *clean);
    REQUIRE(scans);
    REQUIRE(scans->size() == 1);
    auto text = read_document((*scans)[0], "synthetic.jpg", **reader);
    REQUIRE(text);
    const auto extracted = extract_fields(text->pages);
    INFO("layout " << layout << ": " << extracted.line_table.check);
    const auto& lines = extracted.line_table.lines;
    REQUIRE(lines.size() == invoice->lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
      INFO("line " << i + 1 << " " << lines[i].name.value);
      CHECK(model::Decimal::parse(lines[i].net_amount.value)
                ->numerically_equal(*model::Decimal::parse(invoice->lines[i].net_amount)));
    }
    CHECK(extracted.line_table.sum_matches);
    // The lines become the invoice's when the VAT breakdown was read whole
    // (OCR may garble a row of it; then the summary lines stay).
    model::Decimal bases = model::Decimal::from_int(0);
    for (const auto& row : extracted.vat_breakdown)
      bases = *bases.add(row.basis);
    if (!bases.numerically_equal(*extracted.amount("BT-109")))
      continue;
    CHECK_FALSE(line_table_problem(extracted));
    ++used;
    const auto built = build_invoice(extracted);
    REQUIRE(built.lines.size() == invoice->lines.size());
    CHECK(*built.lines[0].item.name == invoice->lines[0].name);
    CHECK(built.lines[0].vat.rate->numerically_equal(
        *model::Decimal::parse(invoice->lines[0].vat_rate)));
  }
  CHECK(used >= 2);
}
