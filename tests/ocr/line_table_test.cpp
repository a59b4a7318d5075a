// Line tables and postal addresses on pages laid out as fixed-width text
// (each character 5 points wide, each row 14 points high), then the
// invoice built from them. The expected values are read off the page.
#include <catch2/catch.hpp>

#include "ocr/field_extractor.h"
#include "ocr/invoice_builder.h"
#include "ocr/line_table_check.h"
#include "tests/ocr/page_art.h"

using namespace einvoice;
using namespace einvoice::ocr;
using einvoice::ocr::testing::page_of;

namespace {

std::string value(const ExtractedInvoice& e, const std::string& term) {
  const Field* f = e.field(term);
  return f ? f->value : "(none)";
}

bool has_advisory(const ExtractedInvoice& e, const std::string& term) {
  for (const auto& f : e.findings) {
    if (f.term == term && f.advisory)
      return true;
  }
  return false;
}

const char* const kFrench = R"(
ATELIER DURAND SARL                             FACTURE
12 rue des Lilas                                Facture n° F-2026-0042
69003 Lyon                                      Date de facture : 14/10/2026
TVA intracommunautaire : FR 13 542107651

                                                Client
                                                Boulangerie Martin SAS
                                                4 place du Marché
                                                F-38000 GRENOBLE

Désignation                 Qté     P.U. HT       TVA      Montant HT
Réparation four               1      850,00       20 %         850,00
Pièces détachées              3      120,00       20 %         360,00
Déplacement                   1       45,50       10 %          45,50

Taux     Base HT       Montant TVA
20 %     1 210,00      242,00
10 %     45,50         4,55

                                           Total HT             1 255,50 €
                                           Total TVA              246,55 €
                                           Total TTC            1 502,05 €
)";

}  // namespace

TEST_CASE("OCR line table: a French table gives its lines, checked", "[ocr][lines]") {
  const auto e = extract_fields({page_of(kFrench)});
  const auto& lines = e.line_table.lines;
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].name.value == "Réparation four");
  CHECK(lines[1].name.value == "Pièces détachées");
  CHECK(lines[1].quantity->value == "3");
  CHECK(lines[1].unit_price->value == "120.00");
  CHECK(lines[1].net_amount.value == "360.00");
  CHECK(lines[2].vat_rate->value == "10");
  CHECK(lines[2].net_amount.page == 1);
  CHECK(lines[2].net_amount.box.width > 0);
  CHECK(lines[1].net_amount.check == "quantity x unit price = net");
  CHECK(e.line_table.sum_matches);
  CHECK_FALSE(line_table_problem(e));
  CHECK_FALSE(has_advisory(e, "BG-25"));

  const auto invoice = build_invoice(e);
  REQUIRE(invoice.lines.size() == 3);
  CHECK(*invoice.lines[1].item.name == "Pièces détachées");
  CHECK(invoice.lines[1].invoiced_quantity->to_string() == "3");
  CHECK(invoice.lines[1].net_amount->to_string() == "360.00");
  CHECK(invoice.lines[2].vat.rate->to_string() == "10");
  CHECK(invoice.totals.line_net_total->to_string() == "1255.50");
}

TEST_CASE("OCR addresses: seller and buyer post codes, cities and countries", "[ocr][address]") {
  const auto e = extract_fields({page_of(kFrench)});
  CHECK(value(e, "BT-35") == "12 rue des Lilas");
  CHECK(value(e, "BT-38") == "69003");
  CHECK(value(e, "BT-37") == "Lyon");
  CHECK(value(e, "BT-40") == "FR");  // from the VAT number
  CHECK(value(e, "BT-50") == "4 place du Marché");
  CHECK(value(e, "BT-53") == "38000");
  CHECK(value(e, "BT-52") == "GRENOBLE");
  CHECK(value(e, "BT-55") == "FR");  // from "F-"
  const auto invoice = build_invoice(e);
  CHECK(*invoice.seller.address.city == "Lyon");
  CHECK(*invoice.buyer.address.post_code == "38000");
}

TEST_CASE("OCR addresses: German, Dutch and British forms; nothing from a non-address",
          "[ocr][address]") {
  const auto e = extract_fields({page_of(R"(
Verkäufer:                                 Käufer:
Lieferant GmbH                             Klant BV
Lieferantenstraße 20                       Keizersgracht 1
DE 80333 München                           1012 AB Amsterdam
)")});
  CHECK(value(e, "BT-35") == "Lieferantenstraße 20");
  CHECK(value(e, "BT-38") == "80333");
  CHECK(value(e, "BT-37") == "München");
  CHECK(value(e, "BT-40") == "DE");
  CHECK(value(e, "BT-53") == "1012 AB");
  CHECK(value(e, "BT-52") == "Amsterdam");
  CHECK(value(e, "BT-55") == "NL");

  const auto uk = extract_fields({page_of(R"(
Bill to:
Acme Ltd
10 Downing Street
London SW1A 2AA
)")});
  CHECK(value(uk, "BT-50") == "10 Downing Street");
  CHECK(value(uk, "BT-52") == "London");
  CHECK(value(uk, "BT-53") == "SW1A 2AA");
  CHECK(value(uk, "BT-55") == "GB");

  const auto none = extract_fields({page_of(R"(
Client
Boulangerie Martin SAS
Tél : 04 76 12 34 56
)")});
  CHECK(value(none, "BT-52") == "(none)");
  CHECK(value(none, "BT-53") == "(none)");
}

TEST_CASE("OCR line table: an English table with a single VAT rate", "[ocr][lines]") {
  const auto e = extract_fields({page_of(R"(
Acme Ltd                                        INVOICE
Invoice #: INV-77                               Invoice date: 3 March 2026

Description              Qty    Unit price            Amount
Consulting                 2      1,200.00          2,400.00
Travel costs               1        150.50            150.50

                                 Subtotal              2,550.50
                                 VAT 20%                 510.10
                                 Total                 3,060.60
)")});
  REQUIRE(e.line_table.lines.size() == 2);
  CHECK(e.line_table.lines[0].net_amount.value == "2400.00");
  CHECK(e.line_table.lines[0].unit_price->value == "1200.00");
  CHECK_FALSE(e.line_table.lines[0].vat_rate);
  CHECK(e.line_table.sum_matches);
  const auto invoice = build_invoice(e);
  REQUIRE(invoice.lines.size() == 2);
  CHECK(invoice.lines[1].vat.rate->to_string() == "20");
  CHECK(*invoice.lines[1].item.name == "Travel costs");
}

TEST_CASE("OCR line table: a description over several text lines", "[ocr][lines]") {
  const auto e = extract_fields({page_of(R"(
Désignation                 Qté     P.U. HT       TVA      Montant HT
Maintenance annuelle          1      500,00       20 %         500,00
  du parc informatique
  (site de Lyon)
Livraison                     1       20,00       20 %          20,00

                                           Total HT               520,00 €
                                           Total TVA              104,00 €
                                           Total TTC              624,00 €
)")});
  REQUIRE(e.line_table.lines.size() == 2);
  CHECK(e.line_table.lines[0].name.value ==
        "Maintenance annuelle du parc informatique (site de Lyon)");
  CHECK(e.line_table.lines[1].name.value == "Livraison");
  CHECK(e.line_table.sum_matches);
}

TEST_CASE("OCR line table: a table continued on the next page", "[ocr][lines]") {
  const auto first = page_of(R"(
Description              Qty    Unit price   VAT       Amount
Consulting                 2      1,200.00   20%     2,400.00
Training                   1        800.00   20%       800.00
                                        Carried forward 3,200.00
)");
  const auto second = page_of(R"(
Invoice INV-77 page 2
Description              Qty    Unit price   VAT       Amount
Spare parts                4         25.00   20%       100.00

                                 Subtotal              3,300.00
                                 VAT 20%                 660.00
                                 Total                 3,960.00
)",
                              2);
  const auto e = extract_fields({first, second});
  REQUIRE(e.line_table.lines.size() == 3);
  CHECK(e.line_table.lines[2].name.value == "Spare parts");
  CHECK(e.line_table.lines[2].net_amount.page == 2);
  CHECK(e.line_table.sum_matches);
  CHECK(build_invoice(e).lines.size() == 3);
}

TEST_CASE("OCR line table: a table whose sum does not match is not used", "[ocr][lines]") {
  const auto e = extract_fields({page_of(R"(
Désignation                 Qté     P.U. HT       TVA      Montant HT
Réparation four               1      850,00       20 %         850,00
Pièces détachées              3      120,00       20 %         350,00

                                           Total HT             1 210,00 €
                                           Total TVA              242,00 €
                                           Total TTC            1 452,00 €
)")});
  REQUIRE(e.line_table.lines.size() == 2);
  CHECK_FALSE(e.line_table.sum_matches);
  CHECK(e.line_table.lines[1].net_amount.check_failed);  // 3 x 120 is not 350
  REQUIRE(line_table_problem(e));
  CHECK(has_advisory(e, "BG-25"));
  const auto invoice = build_invoice(e);
  REQUIRE(invoice.lines.size() == 1);
  CHECK(*invoice.lines[0].item.name == "Total au taux de TVA de 20 %");
  CHECK(invoice.lines[0].net_amount->to_string() == "1210.00");
}
