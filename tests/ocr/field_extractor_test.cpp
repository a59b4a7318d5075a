// Field extraction on pages laid out as fixed-width text: each character is
// 5 points wide, each row 14 points high, so that columns and blocks sit
// where a person would see them. The expected values are read off the page
// by hand.
#include "ocr/field_extractor.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace einvoice::ocr;

namespace {

PageText page_of(const std::string& art, int number = 1, float confidence = 95) {
  PageText page;
  page.page = number;
  page.width = 595;
  page.height = 842;
  std::vector<Word> words;
  std::istringstream rows(art);
  std::string row;
  int y = 0;
  while (std::getline(rows, row)) {
    std::size_t i = 0;
    while (i < row.size()) {
      if (row[i] == ' ') {
        ++i;
        continue;
      }
      std::size_t end = row.find(' ', i);
      if (end == std::string::npos)
        end = row.size();
      // Column positions count characters, not UTF-8 bytes.
      auto column = [&](std::size_t byte) {
        std::size_t chars = 0;
        for (std::size_t k = 0; k < byte; ++k)
          chars += (static_cast<unsigned char>(row[k]) & 0xC0) != 0x80;
        return static_cast<double>(chars);
      };
      const double x = 20 + 5 * column(i);
      const double width = 5 * (column(end) - column(i));
      words.push_back(Word{row.substr(i, end - i), Box{x, 20.0 + 14 * y, width, 10}, confidence});
      i = end;
    }
    ++y;
  }
  page.lines = group_into_lines(std::move(words));
  return page;
}

std::string value(const ExtractedInvoice& e, const std::string& term) {
  const Field* f = e.field(term);
  return f ? f->value : "(none)";
}

bool has_finding(const ExtractedInvoice& e, const std::string& term, bool missing) {
  for (const auto& f : e.findings) {
    if (f.term == term && f.missing == missing)
      return true;
  }
  return false;
}

const char* const kFrenchInvoice = R"(
ATELIER DURAND SARL                             FACTURE
12 rue des Lilas                                Facture n° F-2026-0042
69003 Lyon                                      Date de facture : 14/10/2026
SIRET : 542 107 651 00011                       Date d'échéance : 13/11/2026
TVA intracommunautaire : FR 13 542107651

Vendeur                                         Client
Atelier Durand SARL                             Boulangerie Martin SAS
12 rue des Lilas                                4 place du Marché
69003 Lyon                                      38000 Grenoble
                                                TVA : FR 74 123456789

Désignation                 Quantité     Prix unitaire HT    TVA      Total HT
Réparation four                    1              850,00     20 %       850,00
Pièces détachées                   3              120,00     20 %       360,00
Déplacement                        1               45,50     10 %        45,50

Taux     Base HT       Montant TVA
20 %     1 210,00      242,00
10 %     45,50         4,55

                                           Total HT             1 255,50 €
                                           Total TVA              246,55 €
                                           Total TTC            1 502,05 €
                                           Net à payer          1 502,05 €

Conditions de paiement : 30 jours fin de mois
IBAN : FR76 3000 6000 0112 3456 7890 189      BIC : BNPAFRPP
)";

}  // namespace

TEST_CASE("OCR extraction: a French invoice gives every mandatory field, checked",
          "[ocr][extract]") {
  const auto e = extract_fields({page_of(kFrenchInvoice)});
  CHECK(value(e, "BT-1") == "F-2026-0042");
  CHECK(value(e, "BT-2") == "2026-10-14");
  CHECK(value(e, "BT-9") == "2026-11-13");
  CHECK(value(e, "BT-3") == "380");
  CHECK(value(e, "BT-5") == "EUR");
  CHECK(value(e, "BT-27") == "Atelier Durand SARL");
  CHECK(value(e, "BT-44") == "Boulangerie Martin SAS");
  CHECK(value(e, "BT-29") == "54210765100011");
  CHECK(value(e, "BT-30") == "542107651");
  CHECK(value(e, "BT-31") == "FR13542107651");
  CHECK(value(e, "BT-48") == "FR74123456789");
  CHECK(value(e, "BT-109") == "1255.50");
  CHECK(value(e, "BT-110") == "246.55");
  CHECK(value(e, "BT-112") == "1502.05");
  CHECK(value(e, "BT-115") == "1502.05");
  CHECK(value(e, "BT-84") == "FR7630006000011234567890189");
  CHECK(value(e, "BT-86") == "BNPAFRPP");
  CHECK(value(e, "BT-20") == "30 jours fin de mois");
  REQUIRE(e.vat_breakdown.size() == 2);
  CHECK(e.vat_breakdown[0].rate.to_string() == "20");
  CHECK(e.vat_breakdown[0].basis.to_string() == "1210.00");
  CHECK(e.vat_breakdown[0].vat.to_string() == "242.00");
  CHECK(e.vat_breakdown[1].vat.to_string() == "4.55");
  // The totals are confirmed by their arithmetic, the ids by their keys.
  CHECK(e.field("BT-112")->confidence > 0.95);
  CHECK(e.field("BT-30")->confidence > 0.95);
  CHECK_FALSE(e.field("BT-31")->check_failed);
  // The buyer's VAT key is wrong (FR74 for 123456789 should be FR32): doubted.
  CHECK(e.field("BT-48")->check_failed);
  CHECK(has_finding(e, "BT-48", false));
  for (const auto& f : e.findings)
    CHECK(f.term == "BT-48");
}

TEST_CASE("OCR extraction: totals that do not add up are kept and doubted", "[ocr][extract]") {
  const auto e = extract_fields({page_of(R"(
Facture n° 77
Date : 01/02/2026
                 Total HT      100,00
                 Montant TVA    20,00
                 Total TTC     130,00
)")});
  CHECK(value(e, "BT-109") == "100.00");
  CHECK(value(e, "BT-112") == "130.00");
  REQUIRE(e.field("BT-112"));
  CHECK(e.field("BT-112")->check_failed);
  CHECK(e.field("BT-112")->confidence < 0.6);
  CHECK(has_finding(e, "BT-112", false));
}

TEST_CASE("OCR extraction: a lone generic label is not trusted without arithmetic",
          "[ocr][extract]") {
  // "TVA" alone names rates, columns and notes as well as the total: with
  // nothing to check it against, it is left out rather than guessed.
  const auto e = extract_fields({page_of(R"(
Facture n° 78
                 Total HT      100,00
                 TVA            19,60
)")});
  CHECK(value(e, "BT-109") == "100.00");
  CHECK(e.field("BT-110") == nullptr);
  CHECK(has_finding(e, "BT-110", true));
}

TEST_CASE("OCR extraction: missing mentions are named, never invented", "[ocr][extract]") {
  const auto e = extract_fields({page_of(R"(
Some text without any invoice data
Another line 12
)")});
  for (const char* term : {"BT-1", "BT-2", "BT-44", "BT-109", "BT-110", "BT-112", "BT-31"}) {
    INFO(term);
    CHECK(e.field(term) == nullptr);
    CHECK(has_finding(e, term, true));
  }
  CHECK(has_finding(e, "BG-23", true));
}

TEST_CASE("OCR extraction: English and German labels", "[ocr][extract]") {
  const auto english = extract_fields({page_of(R"(
ACME Ltd                                   INVOICE
Invoice number: INV-889                    Invoice date: 3 March 2026
Bill to:
Globex Corporation
                                Subtotal          500.00 GBP
                                VAT 20%           100.00 GBP
                                Total             600.00 GBP
)")});
  CHECK(value(english, "BT-1") == "INV-889");
  CHECK(value(english, "BT-2") == "2026-03-03");
  CHECK(value(english, "BT-44") == "Globex Corporation");
  CHECK(value(english, "BT-27") == "ACME Ltd");
  CHECK(value(english, "BT-5") == "GBP");
  CHECK(value(english, "BT-109") == "500.00");
  CHECK(value(english, "BT-110") == "100.00");
  CHECK(value(english, "BT-112") == "600.00");

  const auto german = extract_fields({page_of(R"(
Mietrechnung Nr. 2026/17 vom 02.01.2026
Verkäufer:
Grundbesitz GmbH & Co.
Käufer:
Herrn
Max Mustermann
Musterweg 5
                                     Rechnungssumme ohne USt.     1.000,00
                                     Steuerbetrag                   190,00
                                     Bruttosumme                  1.190,00
)")});
  CHECK(value(german, "BT-1") == "2026/17");
  CHECK(value(german, "BT-2") == "2026-01-02");
  CHECK(value(german, "BT-27") == "Grundbesitz GmbH & Co.");
  CHECK(value(german, "BT-44") == "Herrn\nMax Mustermann");
  CHECK(value(german, "BT-112") == "1190.00");
}

TEST_CASE("OCR extraction: a credit note title gives type 381", "[ocr][extract]") {
  const auto e = extract_fields({page_of("Avoir n° AV-12\nDate : 05/05/2026\n")});
  CHECK(value(e, "BT-3") == "381");
  CHECK(value(e, "BT-1") == "AV-12");
}

TEST_CASE("OCR extraction: no pages, empty pages", "[ocr][extract]") {
  CHECK(extract_fields({}).fields.count("BT-1") == 0);
  PageText empty;
  const auto e = extract_fields({empty, empty});
  CHECK(has_finding(e, "BT-1", true));
}
