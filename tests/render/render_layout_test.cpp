// Pagination, labels, accents and sparse invoices, on generated invoices.
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "render/invoice_renderer.h"
#include "tests/render/render_test_support.h"

namespace {

using namespace einvoice;
using namespace einvoice::render::test;

model::Decimal dec(const char* text) {
  return *model::Decimal::parse(text);
}

std::string line_id(int i) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "L%04d", i);
  return buffer;
}

model::Invoice small_invoice() {
  model::Invoice invoice;
  invoice.number = "FA-2024-0042";
  invoice.issue_date = model::Date{2024, 3, 1};
  invoice.payment_due_date = model::Date{2024, 3, 31};
  invoice.type_code = "380";
  invoice.currency_code = "EUR";
  invoice.seller.name = "Atelier Dupont SARL";
  invoice.seller.legal_registration_identifier = model::Identifier{"123456789", "0002", {}};
  invoice.seller.vat_identifier = "FR12123456789";
  invoice.seller.address.line1 = "12 rue des Lilas";
  invoice.seller.address.post_code = "75011";
  invoice.seller.address.city = "Paris";
  invoice.seller.address.country_code = "FR";
  invoice.buyer.name = "Boulangerie Martin";
  invoice.buyer.legal_registration_identifier = model::Identifier{"987654321", "0002", {}};
  invoice.buyer.address.city = "Lyon";
  invoice.buyer.address.country_code = "FR";
  model::VatBreakdown vat;
  vat.category_code = "S";
  vat.rate = dec("20.00");
  vat.taxable_amount = dec("100.00");
  vat.tax_amount = dec("20.00");
  invoice.vat_breakdowns.push_back(vat);
  invoice.totals.line_net_total = dec("100.00");
  invoice.totals.total_without_vat = dec("100.00");
  invoice.totals.vat_total = dec("20.00");
  invoice.totals.total_with_vat = dec("120.00");
  invoice.totals.amount_due = dec("120.00");
  model::InvoiceLine line;
  line.identifier = "1";
  line.item.name = "Pain de campagne";
  line.invoiced_quantity = dec("10");
  line.invoiced_quantity_unit = "C62";
  line.price.net_price = dec("10.00");
  line.vat.category_code = "S";
  line.vat.rate = dec("20.00");
  line.net_amount = dec("100.00");
  invoice.lines.push_back(line);
  return invoice;
}

model::Invoice long_invoice(int count) {
  model::Invoice invoice = small_invoice();
  invoice.lines.clear();
  for (int i = 1; i <= count; ++i) {
    model::InvoiceLine line;
    line.identifier = line_id(i);
    line.item.name = "Article " + std::to_string(i) +
                     (i % 7 == 0 ? " avec une désignation particulièrement longue qui ne tient "
                                   "pas sur une seule ligne de la colonne"
                                 : "");
    line.invoiced_quantity = dec("1");
    line.invoiced_quantity_unit = "C62";
    line.price.net_price = dec("1.00");
    line.vat.category_code = "S";
    line.vat.rate = dec("20.00");
    line.net_amount = dec("1.00");
    invoice.lines.push_back(line);
  }
  return invoice;
}

}  // namespace

TEST_CASE("500 lines paginate with numbered pages", "[render][pages]") {
  const model::Invoice invoice = long_invoice(500);
  auto pdf = render::render_invoice_pdf(invoice, options());
  REQUIRE(pdf.ok());
  if (const char* folder = std::getenv("EINVOICE_RENDER_DUMP"))
    std::ofstream(std::string(folder) + "/500-lines.pdf", std::ios::binary) << pdf.value();
  const TempPdf file(pdf.value());
  const int pages = page_count(file.path());
  INFO("500 lines: " << pages << " pages, " << pdf->size() << " bytes");
  REQUIRE(pages > 1);
  const std::string all = pdftotext_layout(file.path());
  for (int i = 1; i <= 500; ++i) {
    INFO(line_id(i));
    CHECK(all.find(line_id(i)) != std::string::npos);
  }
  const std::string last = pdftotext_layout(file.path(), pages, pages);
  const std::string mark = "Page " + std::to_string(pages) + " / " + std::to_string(pages);
  CHECK(last.find(mark) != std::string::npos);
  const std::string first = pdftotext_layout(file.path(), 1, 1);
  CHECK(first.find("Page 1 / " + std::to_string(pages)) != std::string::npos);
  // The table header is repeated on the following pages.
  const std::string second = pdftotext_layout(file.path(), 2, 2);
  CHECK(second.find("Désignation") != std::string::npos);
  CHECK(second.find("Montant HT") != std::string::npos);
  CHECK(run("qpdf --check '" + file.path() + "'").status == 0);
  CHECK(fonts_problems(file.path()).empty());
}

TEST_CASE("labels and dates follow the language", "[render][language]") {
  const model::Invoice invoice = small_invoice();
  SECTION("French by default") {
    auto pdf = render::render_invoice_pdf(invoice, options());
    REQUIRE(pdf.ok());
    const TempPdf file(pdf.value());
    const std::string text = pdftotext_layout(file.path());
    CHECK(text.find("Facture") != std::string::npos);
    CHECK(text.find("Net à payer") != std::string::npos);
    CHECK(text.find("01/03/2024") != std::string::npos);
    CHECK(text.find("31/03/2024") != std::string::npos);
    CHECK(text.find("SIREN") != std::string::npos);
    CHECK(text.find("Page 1 / 1") != std::string::npos);
  }
  SECTION("English on request") {
    auto pdf = render::render_invoice_pdf(invoice, options(render::Language::kEnglish));
    REQUIRE(pdf.ok());
    const TempPdf file(pdf.value());
    const std::string text = pdftotext_layout(file.path());
    CHECK(text.find("Invoice") != std::string::npos);
    CHECK(text.find("Amount due for payment") != std::string::npos);
    CHECK(text.find("Total without VAT") != std::string::npos);
    CHECK(text.find("2024-03-01") != std::string::npos);
    CHECK(text.find("Facture") == std::string::npos);
    CHECK(text.find("Net à payer") == std::string::npos);
  }
  SECTION("a credit note is titled as such") {
    model::Invoice credit = invoice;
    credit.type_code = "381";
    auto fr = render::render_invoice_pdf(credit, options());
    auto en = render::render_invoice_pdf(credit, options(render::Language::kEnglish));
    REQUIRE(fr.ok());
    REQUIRE(en.ok());
    const TempPdf fr_file(fr.value());
    const TempPdf en_file(en.value());
    CHECK(pdftotext_layout(fr_file.path()).find("Avoir") != std::string::npos);
    CHECK(pdftotext_layout(en_file.path()).find("Credit note") != std::string::npos);
  }
}

TEST_CASE("accented French text survives the round trip", "[render][accents]") {
  model::Invoice invoice = small_invoice();
  const std::string seller = "Société Générale d'Électricité à Noël";
  const std::string item = "Crème brûlée façon grand-mère, œufs frais — 5 € pièce";
  const std::string penalties =
      "Pénalités de retard : trois fois le taux d'intérêt légal, exigibles dès le lendemain "
      "de l'échéance.";
  const std::string indemnity = "Indemnité forfaitaire pour frais de recouvrement : 40 €.";
  const std::string discount = "Pas d'escompte pour paiement anticipé.";
  invoice.seller.name = seller;
  invoice.lines[0].item.name = item;
  invoice.notes.push_back({std::string("PMD"), penalties});
  invoice.notes.push_back({std::string("PMT"), indemnity});
  invoice.notes.push_back({std::string("AAB"), discount});
  invoice.payment_terms = "Paiement à 30 jours, réception de facture.";
  auto pdf = render::render_invoice_pdf(invoice, options());
  REQUIRE(pdf.ok());
  const TempPdf file(pdf.value());
  const std::string text = collapse(pdftotext_layout(file.path()));
  CHECK(text.find(seller) != std::string::npos);
  CHECK(contains_words_in_order(text, item));
  CHECK(contains_words_in_order(text, penalties));
  CHECK(text.find(indemnity) != std::string::npos);
  CHECK(text.find(discount) != std::string::npos);
  CHECK(text.find("Pénalités de retard (PMD)") != std::string::npos);
  CHECK(text.find("Escompte (AAB)") != std::string::npos);
  CHECK(text.find("Paiement à 30 jours, réception de facture.") != std::string::npos);
  CHECK(text.find("Date d'échéance") != std::string::npos);
  CHECK(fonts_problems(file.path()).empty());
}

TEST_CASE("long texts wrap inside their column", "[render][wrap]") {
  model::Invoice invoice = small_invoice();
  std::string note;
  for (int i = 0; i < 400; ++i)
    note += "mot" + std::to_string(i) + " ";
  invoice.notes.push_back({{}, note});
  invoice.lines[0].item.name = std::string(300, 'X');  // one word wider than the column
  invoice.seller.name =
      "Une raison sociale extrêmement longue pour une entreprise qui ne "
      "tient pas sur une ligne de la colonne du vendeur";
  auto pdf = render::render_invoice_pdf(invoice, options());
  REQUIRE(pdf.ok());
  const TempPdf file(pdf.value());
  const std::string text = pdftotext_layout(file.path());
  CHECK(contains_words_in_order(text, note));
  CHECK(contains_words_in_order(text, *invoice.seller.name));
  // No line of text runs past the page: pdftotext -layout keeps lines short.
  std::size_t longest = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos)
      end = text.size();
    longest = std::max(longest, end - start);
    start = end + 1;
  }
  CHECK(longest < 200);
  CHECK(run("qpdf --check '" + file.path() + "'").status == 0);
}

TEST_CASE("a line taller than a page continues on the next pages", "[render][wrap]") {
  model::Invoice invoice = small_invoice();
  std::string description;
  for (int i = 0; i < 3000; ++i)
    description += "détail" + std::to_string(i) + " ";
  invoice.lines[0].item.description = description;
  invoice.lines.push_back(invoice.lines[0]);
  invoice.lines[1].identifier = "2";
  invoice.lines[1].item.description.reset();
  invoice.lines[1].item.name = "Dernière ligne";
  auto pdf = render::render_invoice_pdf(invoice, options());
  REQUIRE(pdf.ok());
  const TempPdf file(pdf.value());
  CHECK(page_count(file.path()) > 2);
  const std::string text = pdftotext_layout(file.path());
  CHECK(contains_words_in_order(text, description));
  CHECK(text.find("Dernière ligne") != std::string::npos);
  CHECK(run("qpdf --check '" + file.path() + "'").status == 0);
}

TEST_CASE("renders run in parallel", "[render][threads]") {
  const model::Invoice invoice = long_invoice(60);
  auto expected = render::render_invoice_pdf(invoice, options());
  REQUIRE(expected.ok());
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&invoice, &results, t] {
      for (int i = 0; i < 5; ++i) {
        auto pdf = render::render_invoice_pdf(invoice, options());
        results[t] = pdf.ok() ? pdf.value() : std::string("error");
      }
    });
  }
  for (std::thread& thread : threads)
    thread.join();
  for (const std::string& result : results)
    CHECK(result == expected.value());
}

TEST_CASE("an invoice with almost every term absent still renders", "[render][sparse]") {
  SECTION("empty") {
    auto pdf = render::render_invoice_pdf(model::Invoice{}, options());
    REQUIRE(pdf.ok());
    const TempPdf file(pdf.value());
    CHECK(page_count(file.path()) == 1);
    CHECK(run("qpdf --check '" + file.path() + "'").status == 0);
    CHECK(pdftotext_layout(file.path()).find("Facture") != std::string::npos);
  }
  SECTION("a few optional parts present but empty") {
    model::Invoice invoice;
    invoice.number = "";
    invoice.payment_instructions = model::PaymentInstructions{};
    invoice.payment_instructions->credit_transfers.push_back({});
    invoice.delivery = model::DeliveryInformation{};
    invoice.payee = model::Payee{};
    invoice.lines.push_back({});
    invoice.vat_breakdowns.push_back({});
    invoice.allowances.push_back({});
    invoice.notes.push_back({});
    invoice.supporting_documents.push_back({});
    invoice.invoicing_period = model::Period{};
    invoice.seller.legal_registration_identifier = model::Identifier{};
    auto pdf = render::render_invoice_pdf(invoice, options(render::Language::kEnglish));
    REQUIRE(pdf.ok());
    const TempPdf file(pdf.value());
    CHECK(run("qpdf --check '" + file.path() + "'").status == 0);
  }
  SECTION("control characters and invalid UTF-8") {
    model::Invoice invoice = small_invoice();
    invoice.seller.name = std::string("Bad\x01\xff\xc3 name\tend\r\n\xf0\x9f\x98\x80");
    auto pdf = render::render_invoice_pdf(invoice, options());
    REQUIRE(pdf.ok());
    const TempPdf file(pdf.value());
    CHECK(run("qpdf --check '" + file.path() + "'").status == 0);
  }
}

TEST_CASE("a missing font folder is an error, not a crash", "[render][errors]") {
  render::RenderOptions bad;
  bad.font_directory = "/nonexistent/fonts";
  auto pdf = render::render_invoice_pdf(small_invoice(), bad);
  REQUIRE(!pdf.ok());
  CHECK(pdf.error().code == model::ErrorCode::kIo);
}

TEST_CASE("rendering is deterministic", "[render][deterministic]") {
  const model::Invoice invoice = small_invoice();
  auto a = render::render_invoice_pdf(invoice, options());
  auto b = render::render_invoice_pdf(invoice, options());
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a.value() == b.value());
  CHECK(a->find("/CreationDate") == std::string::npos);
}

TEST_CASE("amounts and units as French and English readers write them", "[render][format]") {
  model::Invoice invoice = small_invoice();
  invoice.lines.clear();
  auto add_line = [&](const char* id, const char* name, const char* quantity, const char* unit,
                      const char* price, const char* net) {
    model::InvoiceLine line;
    line.identifier = id;
    line.item.name = name;
    line.invoiced_quantity = dec(quantity);
    line.invoiced_quantity_unit = unit;
    line.price.net_price = dec(price);
    line.vat.category_code = "S";
    line.vat.rate = dec("20.00");
    line.net_amount = dec(net);
    invoice.lines.push_back(line);
  };
  add_line("1", "Farine", "1250.5", "KGM", "0.80", "1000.40");
  add_line("2", "Sable", "3", "MTQ", "50.00", "150.00");
  add_line("3", "Four", "1", "C62", "84.16", "84.16");
  add_line("4", "Autre", "2", "ZZZ", "0.00", "0.00");
  invoice.totals.line_net_total = dec("1234.56");
  invoice.totals.total_without_vat = dec("1234.56");
  invoice.totals.vat_total = dec("246.91");
  invoice.totals.total_with_vat = dec("1481.47");
  invoice.totals.amount_due = dec("1481.47");
  invoice.vat_breakdowns[0].taxable_amount = dec("1234.56");
  invoice.vat_breakdowns[0].tax_amount = dec("246.91");

  // pdftotext -layout gives the narrow no-break space between digit groups
  // and the no-break space before the sign back as plain spaces (which
  // characters they are is checked in number_format_test.cpp); a glyph the
  // font lacked would come back as '?'.
  const std::string nnbsp = " ";
  SECTION("French: 1 234,56 €, unit names") {
    auto pdf = render::render_invoice_pdf(invoice, options());
    REQUIRE(pdf.ok());
    const TempPdf file(pdf.value());
    const std::string text = collapse(pdftotext_layout(file.path()));
    CHECK(text.find("1" + nnbsp + "234,56 €") != std::string::npos);
    CHECK(text.find("1" + nnbsp + "481,47 €") != std::string::npos);
    CHECK(text.find("246,91 €") != std::string::npos);
    CHECK(text.find("1" + nnbsp + "250,5 kg") != std::string::npos);
    CHECK(text.find("1" + nnbsp + "000,40") != std::string::npos);
    CHECK(text.find("3 m³") != std::string::npos);
    CHECK(text.find("1 unité") != std::string::npos);
    CHECK(text.find("2 ZZZ") != std::string::npos);
    CHECK(text.find("20,00") != std::string::npos);
    CHECK(text.find('?') == std::string::npos);
    for (const char* raw : {"1234.56", "1481.47", "KGM", "MTQ", "C62", "20.00"}) {
      INFO(raw);
      CHECK(text.find(raw) == std::string::npos);
    }
    CHECK(fonts_problems(file.path()).empty());
  }
  SECTION("English: €1,234.56, unit names") {
    auto pdf = render::render_invoice_pdf(invoice, options(render::Language::kEnglish));
    REQUIRE(pdf.ok());
    const TempPdf file(pdf.value());
    const std::string text = collapse(pdftotext_layout(file.path()));
    CHECK(text.find("€1,234.56") != std::string::npos);
    CHECK(text.find("€1,481.47") != std::string::npos);
    CHECK(text.find("1,250.5 kg") != std::string::npos);
    CHECK(text.find("1,000.40") != std::string::npos);
    CHECK(text.find("3 m³") != std::string::npos);
    CHECK(text.find("1 unit") != std::string::npos);
    CHECK(text.find("KGM") == std::string::npos);
  }
}
