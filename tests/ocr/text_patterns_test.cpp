// The value recognisers, on the forms invoices print.
#include "ocr/text_patterns.h"

#include <catch2/catch.hpp>

#include "ocr/label_lexicon.h"
#include "ocr/value_readers.h"

using namespace einvoice;
using namespace einvoice::ocr;

namespace {
std::string amount(std::string_view text, bool allow_integer = false) {
  auto value = parse_amount(text, allow_integer);
  return value ? value->to_string() : "none";
}
std::string date(std::string_view text) {
  auto value = parse_date(text);
  return value ? value->to_iso() : "none";
}
}  // namespace

TEST_CASE("OCR amounts: French, English and German notations keep their decimals", "[ocr]") {
  CHECK(amount("1 234,56") == "1234.56");
  CHECK(amount("1.234,56") == "1234.56");
  CHECK(amount("1,234.56") == "1234.56");
  CHECK(amount("1234.5") == "1234.5");
  CHECK(amount("-12,50 €") == "-12.50");
  CHECK(amount("12,50-") == "-12.50");
  CHECK(amount("EUR 12.50") == "12.50");
  CHECK(amount("12 345 678,90") == "12345678.90");
}

TEST_CASE("OCR amounts: what is not one amount is refused", "[ocr]") {
  CHECK(amount("1234") == "none");  // no decimals: a quantity or a number, unless allowed
  CHECK(amount("1234", true) == "1234");
  CHECK(amount("7 7,91") == "none");  // a rate then an amount, not 77.91
  CHECK(amount("12,5a") == "none");
  CHECK(amount("") == "none");
  CHECK(amount("1.234.567") == "none");  // groups only, no decimals
  CHECK(amount("1.234.567", true) == "1234567");
}

TEST_CASE("OCR dates: numeric day-first and written forms", "[ocr]") {
  CHECK(date("05/03/2018") == "2018-03-05");
  CHECK(date("05.03.2018") == "2018-03-05");
  CHECK(date("5-3-18") == "2018-03-05");  // two-digit years are of this century
  CHECK(date("2018-03-05") == "2018-03-05");
  CHECK(date("5 mars 2018") == "2018-03-05");
  CHECK(date("1er") == "none");
  CHECK(date("March 5, 2018") == "2018-03-05");
  CHECK(date("5. März 2018") == "2018-03-05");
  CHECK(date("31/02/2018") == "none");
}

TEST_CASE("OCR dates: month first only where day first is impossible; Dutch months", "[ocr]") {
  REQUIRE(parse_date("03/20/2023"));
  CHECK(parse_date("03/20/2023")->to_iso() == "2023-03-20");
  CHECK(parse_date("04/05/2023")->to_iso() == "2023-05-04");  // ambiguous: day first
  CHECK_FALSE(parse_date("13/13/2023"));
  REQUIRE(parse_date("29 maart 2014"));
  CHECK(parse_date("29 maart 2014")->to_iso() == "2014-03-29");
  CHECK(parse_date("1 mei 2020")->to_iso() == "2020-05-01");
}

TEST_CASE("OCR references: capitals and digits split by OCR are joined, words are not", "[ocr]") {
  auto token = [](std::string text, double x, double width) {
    return Token{std::move(text), Box{x, 0, width, 10}, 90};
  };
  // Two points apart: one reference cut in two.
  auto joined = read_reference({token("IBZY", 0, 24), token("2087", 26, 24)});
  REQUIRE(joined);
  CHECK(joined->value == "IBZY2087");
  // A word space apart (half a line height): two words, the number alone.
  auto apart = read_reference({token("INV", 0, 18), token("2087", 23, 24)});
  CHECK_FALSE(apart);
  // Table rules read as brackets do not stick to amounts.
  auto amount = read_amount({token("[Total", 0, 30), token("34,73]", 40, 30)});
  REQUIRE(amount);
  CHECK(amount->value.to_string() == "34.73");
}

TEST_CASE("OCR identifiers: SIREN, SIRET, French VAT, IBAN and BIC check digits", "[ocr]") {
  CHECK(is_siren("542107651"));  // Luhn: 5+8+2+2+0+5+6+1+1 = 30
  CHECK_FALSE(is_siren("542107652"));
  CHECK_FALSE(is_siren("54210765"));
  CHECK(is_siret("54210765100011"));  // SIREN 542107651 + NIC 00011
  CHECK_FALSE(is_siret("54210765100019"));
  CHECK(is_siret("35600000000048"));        // La Poste, Luhn-valid
  CHECK(is_siret("35600000000001"));        // La Poste, digit sum 15
  CHECK_FALSE(is_siret("35600000000002"));  // neither
  // FR key = (12 + 3 * (542107651 mod 97)) mod 97 = (12 + 3 * 65) mod 97 = 13.
  CHECK(is_french_vat_number("FR13542107651"));
  CHECK_FALSE(is_french_vat_number("FR14542107651"));
  CHECK(is_iban("FR7630006000011234567890189"));
  CHECK_FALSE(is_iban("FR7630006000011234567890188"));
  CHECK(is_bic("BNPAFRPP"));
  CHECK(is_bic("BNPAFRPPXXX"));
  CHECK_FALSE(is_bic("BNPA1RPP"));
}

TEST_CASE("OCR labels fold case, accents and punctuation", "[ocr]") {
  CHECK(fold_for_labels("N° de Facture :") == "n de facture");
  CHECK(fold_for_labels("Date d'échéance") == "date d echeance");
  CHECK(fold_for_labels("Käufer/Leistungsempfänger:") == "kaufer leistungsempfanger");
  CHECK(fold_for_labels("Straße") == "strasse");
  CHECK(fold_for_labels("  ") == "");
  // Letters of Latin Extended-A and beyond, capitals included.
  CHECK(fold_for_labels("ŒUVRE Nœl Ærø") == "oeuvre noel aero");
  CHECK(fold_for_labels("ŁÓDŹ Đorđe") == "lodz dorde");
  CHECK(fold_for_labels("SAINT-ÉTIENNE Anaïs Élèves") == "saint etienne anais eleves");
  // Compatibility forms: ordinal and superscript signs, ligatures, full width.
  CHECK(fold_for_labels("Nº") == "no");
  CHECK(fold_for_labels("m² ﬁxe") == "m2 fixe");
  CHECK(fold_for_labels("ＴＯＴＡＬ ＨＴ") == "total ht");
  // Symbols and other punctuation separate words; other scripts stay letters.
  CHECK(fold_for_labels("Total–TTC€") == "total ttc");
  CHECK(fold_for_labels("Σύνολο") == "συνολο");
  // Bytes that are not UTF-8 separate words rather than fail.
  CHECK(fold_for_labels(std::string("ab\xff\xfe"
                                    "cd")) == "ab cd");
  CHECK(fold_for_labels(std::string("ab\xc3")) == "ab");
}

TEST_CASE("OCR words: spaces read inside a word separate words", "[ocr]") {
  const Word word{" 23603,77", Box{100, 50, 90, 10}, 71};
  const auto pieces = split_at_spaces(word);
  REQUIRE(pieces.size() == 1);
  CHECK(pieces[0].text == "23603,77");
  CHECK(pieces[0].box.x == 100);
  CHECK(pieces[0].confidence == 71);

  const auto two = split_at_spaces(Word{"1 234,56", Box{0, 0, 80, 10}, 90});
  REQUIRE(two.size() == 2);
  CHECK(two[0].text == "1");
  CHECK(two[1].text == "234,56");
  CHECK(two[0].box.width == Approx(10));
  CHECK(two[1].box.x == Approx(20));
  CHECK(two[1].box.width == Approx(60));

  // Characters share the box, not bytes.
  const auto accents = split_at_spaces(Word{"été à", Box{0, 0, 50, 10}, 90});
  REQUIRE(accents.size() == 2);
  CHECK(accents[1].box.x == Approx(40));
  CHECK(split_at_spaces(Word{"  ", Box{0, 0, 10, 10}, 90}).empty());
}

TEST_CASE("OCR words: words the engine boxed over each other are left in doubt", "[ocr]") {
  // "ConsultingSer" and "vice" overlap by more than a quarter of their
  // height: one of the readings is wrong. "GmbH" a space after is not.
  TextLine line;
  line.words = {Word{"ConsultingSer", Box{100, 50, 80, 10}, 92},
                Word{"vice", Box{166, 50, 24, 11}, 96}, Word{"GmbH", Box{193, 50, 30, 10}, 95}};
  doubt_overlapping_words(line);
  REQUIRE(line.words.size() == 3);
  CHECK(line.words[0].confidence == kOverlapConfidence);
  CHECK(line.words[1].confidence == kOverlapConfidence);
  CHECK(line.words[2].confidence == 95);

  // Touching or merely close words, and amounts, keep their confidence.
  TextLine amounts;
  amounts.words = {Word{"1", Box{0, 0, 6, 10}, 90}, Word{"234,56", Box{5, 0, 36, 10}, 90},
                   Word{"Total", Box{50, 0, 30, 10}, 90}, Word{"HT", Box{79, 0, 12, 10}, 90}};
  doubt_overlapping_words(amounts);
  for (const auto& word : amounts.words)
    CHECK(word.confidence == 90);
}
