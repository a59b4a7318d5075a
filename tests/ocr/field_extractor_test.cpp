// Field extraction on pages laid out as fixed-width text: each character is
// 5 points wide, each row 14 points high, so that columns and blocks sit
// where a person would see them. The expected values are read off the page
// by hand.
#include "ocr/field_extractor.h"

#include <catch2/catch.hpp>

#include "ocr/invoice_builder.h"
#include "tests/ocr/page_art.h"

using namespace einvoice::ocr;
using einvoice::ocr::testing::page_of;

namespace {

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

TEST_CASE("OCR extraction: a generic number label heading a column reads the value under it",
          "[ocr][extract]") {
  // "Factuur datum" heads the date; the second "Factuur" heads the number.
  const auto e = extract_fields({page_of(R"(
Factuuradres
Strategic Corp

Klant          Order       Factuur datum    Factuur         Vervaldatum
SCONL0303      SCONL0004        8-9-2022  VF1005193039        22-9-2022
)")});
  CHECK(value(e, "BT-1") == "VF1005193039");
  CHECK(e.field("BT-1")->confidence >= 0.6);
  CHECK(value(e, "BT-2") == "2022-09-08");
  CHECK(value(e, "BT-9") == "2022-09-22");
}

TEST_CASE("OCR extraction: references under labels and after number signs", "[ocr][extract]") {
  const auto booking = extract_fields({page_of(R"(
PAYMENT RECEIPT
Booking ID         Payment Mode
IBZY2087           Cash at Hotel
)")});
  CHECK(value(booking, "BT-1") == "IBZY2087");

  // An identifier holding label words is a value, not a label.
  const auto identifier = extract_fields({page_of(R"(
Sammy Maystone                      INVOICE
smaystone4@fake.com                 # invoice_number_1
)")});
  CHECK(value(identifier, "BT-1") == "invoice_number_1");

  // The same identifier with its underscores lost: no label after a number
  // sign, so no number rather than a wrong "1".
  const auto lost = extract_fields({page_of(R"(
Sammy Maystone
smaystone4@fake.com                 # invoice number 1
)")});
  CHECK(lost.field("BT-1") == nullptr);
}

TEST_CASE("OCR extraction: dates written month first or in Dutch", "[ocr][extract]") {
  const auto us = extract_fields({page_of(R"(
Invoice INV/2023/03/0008
Invoice Date:                                 Due Date:
03/20/2023                                    04/04/2023
)")});
  CHECK(value(us, "BT-1") == "INV/2023/03/0008");
  CHECK(value(us, "BT-2") == "2023-03-20");
  CHECK(value(us, "BT-9") == "2023-04-04");
  const auto dutch =
      extract_fields({page_of("Factuurnummer: 992288600\nFactuurdatum: 29 maart 2014\n")});
  CHECK(value(dutch, "BT-2") == "2014-03-29");
}

TEST_CASE("OCR extraction: VAT printed as zero gives total excl. VAT = total", "[ocr][extract]") {
  const auto e = extract_fields({page_of(R"(
Invoice Number: 42183017
Summary
   Charges                                $4.11
   Tax *                                  $0.00
Total for this invoice                    $4.11
)")});
  REQUIRE(e.field("BT-112"));
  CHECK(value(e, "BT-112") == "4.11");
  CHECK(e.field("BT-112")->confidence >= 0.6);  // the column above adds up to it
  CHECK(value(e, "BT-109") == "4.11");
  CHECK(e.field("BT-109")->confidence >= 0.6);
  CHECK(value(e, "BT-110") == "0.00");
}

TEST_CASE("OCR extraction: no VAT printed at all leaves total excl. VAT to confirm",
          "[ocr][extract]") {
  // Table rules read as brackets around the total's words.
  const auto e = extract_fields({page_of(R"(
Rechnungsnr.   30064443
  1   Small Business Exchange              3,89
  2   Small Business Exchange              5,39
                             [Total EUR    9,28]
)")});
  CHECK(value(e, "BT-112") == "9.28");
  CHECK(e.field("BT-112")->confidence >= 0.6);
  CHECK(value(e, "BT-109") == "9.28");
  CHECK(e.field("BT-109")->confidence < 0.6);
  CHECK(e.field("BT-110") == nullptr);
}

TEST_CASE("OCR extraction: the VAT rows stand for an unlabelled VAT total", "[ocr][extract]") {
  const auto e = extract_fields({page_of(R"(
Invoice INV/2023/03/0008
                                  Subtotal                $ 262.90
                                  Tax 15% on $ 112.90      $ 16.94
                                  Total                   $ 279.84
)")});
  for (const auto& [term, expected] : {std::pair{"BT-109", "262.90"}, std::pair{"BT-110", "16.94"},
                                       std::pair{"BT-112", "279.84"}}) {
    INFO(term);
    REQUIRE(e.field(term));
    CHECK(e.field(term)->value == expected);
    CHECK(e.field(term)->confidence >= 0.6);
    CHECK_FALSE(e.field(term)->check_failed);
  }
}

TEST_CASE("OCR extraction: total - amount paid = amount due confirms all three", "[ocr][extract]") {
  const auto paid = extract_fields({page_of(R"(
Booking ID
IBZY2087
  Room Charges       Rs 1939 x 1 Night      Rs 1939
  Grand Total                               Rs 1939
  Payment received by OYO                   Rs 1939
  Balance ( if any )                        Rs 0
)")});
  CHECK(value(paid, "BT-112") == "1939");
  CHECK(paid.field("BT-112")->confidence >= 0.6);
  CHECK(value(paid, "BT-113") == "1939");
  CHECK(value(paid, "BT-115") == "0");
  CHECK(paid.field("BT-115")->confidence >= 0.6);

  const auto deposit = extract_fields({page_of(R"(
Facture n° 501
                 Total HT        1 000,00
                 Total TVA         200,00
                 Total TTC       1 200,00
                 Acompte versé     300,00
                 Net à payer       900,00
)")});
  CHECK(value(deposit, "BT-113") == "300.00");
  CHECK(value(deposit, "BT-115") == "900.00");
  CHECK_FALSE(deposit.field("BT-113")->check_failed);

  const auto wrong = extract_fields({page_of(R"(
Facture n° 502
                 Total HT        1 000,00
                 Total TVA         200,00
                 Total TTC       1 200,00
                 Acompte versé     300,00
                 Net à payer       800,00
)")});
  REQUIRE(wrong.field("BT-113"));
  CHECK(wrong.field("BT-113")->check_failed);
}

namespace {

// Issue 14: a credit note cancelling an invoice, amounts printed negative.
const char* const kFrenchCreditNote = R"(
ATELIER DURAND SARL                             AVOIR
12 rue des Lilas                                Avoir n° AV-2026-0007
69003 Lyon                                      Date : 20/10/2026
SIRET : 542 107 651 00011                       Avoir relatif à la facture n° F2025-01495
TVA intracommunautaire : FR 13 542107651

Vendeur                                         Client
Atelier Durand SARL                             Boulangerie Martin SAS
12 rue des Lilas                                4 place du Marché
69003 Lyon                                      38000 Grenoble

Désignation                 Quantité     Prix unitaire HT    TVA      Total HT
Retour pièces détachées            1             -360,00     20 %      -360,00

                                           Total HT              -360,00 €
                                           Total TVA              -72,00 €
                                           Total TTC             -432,00 €
)";

}  // namespace

TEST_CASE("OCR extraction: a credit note's own number, the invoice it cancels, positive amounts",
          "[ocr][extract][credit-note]") {
  const auto e = extract_fields({page_of(kFrenchCreditNote)});
  CHECK(value(e, "BT-3") == "381");
  CHECK(value(e, "BT-1") == "AV-2026-0007");
  CHECK(value(e, "BT-25") == "F2025-01495");
  CHECK(value(e, "BT-2") == "2026-10-20");
  CHECK(value(e, "BT-109") == "360.00");
  CHECK(value(e, "BT-110") == "72.00");
  CHECK(value(e, "BT-112") == "432.00");
}

TEST_CASE("OCR extraction: the cancelled invoice reaches the model as BT-25",
          "[ocr][credit-note]") {
  const auto e = extract_fields({page_of(kFrenchCreditNote)});
  const einvoice::model::Invoice invoice = build_invoice(e);
  CHECK(invoice.type_code == "381");
  CHECK(invoice.number == "AV-2026-0007");
  REQUIRE(invoice.preceding_invoices.size() == 1);
  CHECK(invoice.preceding_invoices[0].reference == "F2025-01495");
  REQUIRE(invoice.totals.total_with_vat);
  CHECK(invoice.totals.total_with_vat->to_string() == "432.00");
  // An ordinary invoice keeps its own number and cites no earlier one.
  const auto plain = build_invoice(extract_fields({page_of(kFrenchInvoice)}));
  CHECK(plain.type_code == "380");
  CHECK(plain.preceding_invoices.empty());
}

TEST_CASE("OCR extraction: 'credit note for invoice' in English names BT-25",
          "[ocr][credit-note]") {
  const char* const art = R"(
NORTHWIND TRADING LTD                             CREDIT NOTE
1 Harbour Street                                  Credit note no. CN-88
Bristol BS1 4DJ                                   Date: 02/11/2026
                                                  Credit note for invoice no. INV-2026-551
)";
  const auto e = extract_fields({page_of(art)});
  CHECK(value(e, "BT-3") == "381");
  CHECK(value(e, "BT-1") == "CN-88");
  CHECK(value(e, "BT-25") == "INV-2026-551");
}
