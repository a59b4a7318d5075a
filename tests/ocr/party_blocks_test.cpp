// The parties' blocks on layouts where the extraction used to take a label,
// a contact or a table's header for the buyer's name: the customer's number
// among the references ("N° client", "Customer ID"), framed cards whose
// borders leave specks beside the headings, contact lines between the
// buyer's name and its street, a heading the lexicon does not know, a buyer
// block with no heading on the left. Also the invoice number under labels
// no list foresaw, and a reference a wide font split at its hyphen. Pages
// drawn as fixed-width text (tests/ocr/page_art.h); the expected values are
// read off the page by hand.
#include <catch2/catch.hpp>

#include "ocr/field_extractor.h"
#include "tests/ocr/page_art.h"

using namespace einvoice::ocr;
using einvoice::ocr::testing::page_of;
using einvoice::ocr::testing::value_of;

TEST_CASE("OCR parties: the customer's number among the references is no buyer heading",
          "[ocr][extract][parties]") {
  // No buyer heading; "N° client" used to open a block whose first unlabelled
  // line was the table's header.
  const char* const page = R"(
Hôtel Le Régent                                    Imprimerie Géraud SAS
21 chemin des Vignes                               104 route de Lyon
69003 Lyon                                         44000 Nantes
                                                   SIRET : 840 998 736 00051

FACTURE
Facture N° : N2026-8762
Date : 06/06/2026
N° client : CL-25170
Échéance : 06/07/2026
Votre commande : BC-2026-009

Désignation          Qté        P.U. HT       TVA       Montant HT
Déplacement            6         716,81      10 %         4 300,86

                                          Total HT      4 300,86 €
                                          TVA             430,09 €
                                          Total TTC     4 730,95 €
)";
  const auto e = extract_fields({page_of(page)});
  CHECK(value_of(e, "BT-1") == "N2026-8762");
  CHECK(value_of(e, "BT-27") == "Imprimerie Géraud SAS");
  CHECK(value_of(e, "BT-44") == "Hôtel Le Régent");
}

TEST_CASE("OCR parties: 'Customer ID' is a reference, the buyer is under 'Sold to'",
          "[ocr][extract][parties]") {
  const char* const page = R"(
Plâtrerie du Rhône EURL                           INVOICE
21 chemin des Vignes                              Invoice No      F2024-6121
25000 Besançon                                    Date            8 January 2024
                                                  Customer ID     CL-15333
                                                  Terms: due      7 February 2024
                                                  SOLD TO
                                                  Pharmacie Besançon Centre SA
                                                  48 boulevard Voltaire
                                                  33000 Bordeaux

Description                 Qty     Unit price      VAT        Amount
Ramettes papier A4            6       1,134.93    5.5 %      6,809.58

                                          Subtotal      €6,809.58
                                          VAT             €374.53
                                          Total         €7,184.11
)";
  const auto e = extract_fields({page_of(page)});
  CHECK(value_of(e, "BT-44") == "Pharmacie Besançon Centre SA");
}

TEST_CASE("OCR parties: contact lines between the buyer's name and its street",
          "[ocr][extract][parties]") {
  const char* const page = R"(
Atelier Dupré SARL
12 rue de la République
75011 Paris
SIRET : 542 107 651 00011

                                                  Collège François Mauriac
                                                  À l'attention de Mme Anaïs Côté
                                                  Service comptabilité
                                                  21 chemin des Vignes
                                                  33000 Bordeaux

Facture
Numéro : N2025-0029
Date : 09/06/2025

Désignation                         Qté      Montant HT
Repas de séminaire                    8          964,80

                                          Total HT        964,80 €
                                          TVA             192,96 €
                                          Total TTC     1 157,76 €
)";
  const auto e = extract_fields({page_of(page)});
  CHECK(value_of(e, "BT-27") == "Atelier Dupré SARL");
  CHECK(value_of(e, "BT-44") == "Collège François Mauriac");
  REQUIRE(e.field("BT-44"));
  CHECK(e.field("BT-44")->confidence <= 0.85);
}

TEST_CASE("OCR parties: a heading the lexicon does not know is not the buyer's name",
          "[ocr][extract][parties]") {
  // "INFORMATIONS" as a card's title over the buyer's block, and a heading
  // ending with a colon: both head the block, the name is the line under.
  const char* const informations = R"(
Atelier Dupré SARL
12 rue de la République
75011 Paris
SIRET : 542 107 651 00011

                                                  INFORMATIONS
                                                  Brasserie L'Étoile
                                                  5 avenue Jean Jaurès
                                                  42000 Saint-Étienne

Facture N° FA-2025-0412
Date : 14/10/2025

                                          Total HT        500,00 €
                                          TVA             100,00 €
                                          Total TTC       600,00 €
)";
  const char* const colon = R"(
Atelier Dupré SARL
12 rue de la République
75011 Paris
SIRET : 542 107 651 00011

                                                  Livré et payé par :
                                                  Brasserie L'Étoile
                                                  5 avenue Jean Jaurès
                                                  42000 Saint-Étienne

Facture N° FA-2025-0412
Date : 14/10/2025

                                          Total HT        500,00 €
                                          TVA             100,00 €
                                          Total TTC       600,00 €
)";
  for (const char* page : {informations, colon}) {
    const auto e = extract_fields({page_of(page)});
    CHECK(value_of(e, "BT-44") == "Brasserie L'Étoile");
  }
}

TEST_CASE("OCR parties: specks a card's frame leaves beside headings and names",
          "[ocr][extract][parties]") {
  const char* const page = R"(
FACTURE                                  Facture n°      INV-2025-3872
                                         Date            10/02/2024
                                         N° client       CL-18074
                                         Échéance        11/03/2024

| VENDEUR                        [ ACHETEUR
_ Éditions du Faubourg SCOP      | Chloé Dubreuil
5 avenue Jean Jaurès             | 12 rue de la République
44000 Nantes                     | 13008 Marseille

Désignation                         Qté      Montant HT
Prestation de conseil                10        9 395,80

                                          Total HT      9 395,80 €
                                          TVA           1 879,16 €
                                          Total TTC    11 274,96 €
)";
  const auto e = extract_fields({page_of(page)});
  CHECK(value_of(e, "BT-1") == "INV-2025-3872");
  CHECK(value_of(e, "BT-27") == "Éditions du Faubourg SCOP");
  CHECK(value_of(e, "BT-44") == "Chloé Dubreuil");
}

TEST_CASE("OCR references: the invoice number under wordings no list foresaw",
          "[ocr][extract][references]") {
  // A document's name joined with a word for its number, in either order,
  // and in a grid whose next header ("Date") must not make "facture" a
  // date's label.
  const std::vector<std::pair<std::string, std::string>> labelled = {
      {"Document n° : DOC-88213", "DOC-88213"},
      {"Beleg-Nr. : 2024/5571", "2024/5571"},
      {"Réf. document : RD-7731", "RD-7731"},
  };
  for (const auto& [line, expected] : labelled) {
    const std::string page = "Atelier Dupré SARL\n12 rue de la République\n75011 Paris\n\n" + line +
                             "\nDate : 14/10/2025\n\n" +
                             "                                          Total HT        500,00 €\n"
                             "                                          TVA             100,00 €\n"
                             "                                          Total TTC       600,00 €\n";
    const auto e = extract_fields({page_of(page)});
    CHECK(value_of(e, "BT-1") == expected);
  }
  const char* const grid = R"(
Atelier Dupré SARL
12 rue de la République
75011 Paris

FACTURE
Réf. facture      Date          À payer le
FAC-2024-3239     2024-11-07    2024-12-07

                                          Total HT        500,00 €
                                          TVA             100,00 €
                                          Total TTC       600,00 €
)";
  const auto e = extract_fields({page_of(grid)});
  CHECK(value_of(e, "BT-1") == "FAC-2024-3239");
  CHECK(value_of(e, "BT-2") == "2024-11-07");
}

TEST_CASE("OCR references: a reference a wide font split at its hyphen is one",
          "[ocr][extract][references]") {
  // "2026-2026-0824" read as three words, the hyphen a little apart from
  // both sides (less than a character's width); a " - " wider apart stays
  // apart.
  auto page_with = [](double gap) {
    PageText page;
    page.page = 1;
    page.width = 595;
    page.height = 842;
    std::vector<Word> words = {
        {"Facture", Box{20, 100, 40, 10}, 95}, {"N°", Box{64, 100, 12, 10}, 95},
        {":", Box{80, 100, 3, 10}, 95},        {"2026", Box{90, 100, 24, 10}, 95},
        {"-", Box{114 + gap, 100, 4, 10}, 95}, {"2026-0824", Box{118 + 2 * gap, 100, 54, 10}, 95},
        {"Total", Box{300, 400, 25, 10}, 95},  {"TTC", Box{330, 400, 18, 10}, 95},
        {"600,00", Box{400, 400, 30, 10}, 95},
    };
    page.lines = group_into_lines(std::move(words));
    return page;
  };
  CHECK(value_of(extract_fields({page_with(2)}), "BT-1") == "2026-2026-0824");
  CHECK(value_of(extract_fields({page_with(9)}), "BT-1") == "2026");
}
