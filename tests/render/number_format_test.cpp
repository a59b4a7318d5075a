// Numbers, amounts and units as French and English readers write them, from
// the exact decimal text.
#include "render/number_format.h"

#include <catch2/catch.hpp>
#include <string>

#include "render/invoice_renderer.h"
#include "render/labels.h"

namespace {

using einvoice::model::Decimal;
using einvoice::render::format_amount;
using einvoice::render::format_number;
using einvoice::render::Language;
using einvoice::render::unit_label;

constexpr Language kFr = Language::kFrench;
constexpr Language kEn = Language::kEnglish;

// U+202F NARROW NO-BREAK SPACE and U+00A0 NO-BREAK SPACE, spelled out.
const std::string kNnbsp = "\xE2\x80\xAF";
const std::string kNbsp = "\xC2\xA0";

Decimal dec(const char* text) {
  return *Decimal::parse(text);
}

}  // namespace

TEST_CASE("French numbers: decimal comma, groups of three by a narrow no-break space",
          "[render][format]") {
  CHECK(format_number(dec("264.60"), kFr) == "264,60");
  CHECK(format_number(dec("1234.56"), kFr) == "1" + kNnbsp + "234,56");
  CHECK(format_number(dec("1234567.891"), kFr) == "1" + kNnbsp + "234" + kNnbsp + "567,891");
  CHECK(format_number(dec("100000"), kFr) == "100" + kNnbsp + "000");
  CHECK(format_number(dec("999.999"), kFr) == "999,999");
  CHECK(format_number(dec("-1234.5"), kFr) == "-1" + kNnbsp + "234,5");
  CHECK(format_number(dec("0.000001"), kFr) == "0,000001");
  CHECK(format_number(dec("7"), kFr) == "7");
}

TEST_CASE("English numbers: decimal point, groups of three by a comma", "[render][format]") {
  CHECK(format_number(dec("1234.07"), kEn) == "1,234.07");
  CHECK(format_number(dec("264.60"), kEn) == "264.60");
  CHECK(format_number(dec("12345678.90"), kEn) == "12,345,678.90");
  CHECK(format_number(dec("-1000"), kEn) == "-1,000");
}

TEST_CASE("Every digit of the exact decimal is kept, beyond what a double holds",
          "[render][format]") {
  // 19 significant digits: a double would print ...808 or round the tail.
  CHECK(format_number(dec("1234567890123456.789"), kEn) == "1,234,567,890,123,456.789");
  CHECK(format_number(dec("0.10"), kFr) == "0,10");
}

TEST_CASE("Amounts carry the currency sign or code where the language puts it",
          "[render][format]") {
  CHECK(format_amount(dec("1234.56"), "EUR", kFr) == "1" + kNnbsp + "234,56" + kNbsp + "€");
  CHECK(format_amount(dec("1234.56"), "EUR", kEn) == "€1,234.56");
  CHECK(format_amount(dec("-3.00"), "GBP", kEn) == "-£3.00");
  CHECK(format_amount(dec("-3.00"), "GBP", kFr) == "-3,00" + kNbsp + "£");
  CHECK(format_amount(dec("1500"), "CHF", kFr) == "1" + kNnbsp + "500" + kNbsp + "CHF");
  CHECK(format_amount(dec("1500"), "CHF", kEn) == "CHF" + kNbsp + "1,500");
  CHECK(format_amount(dec("12.5"), "", kFr) == "12,5");
}

TEST_CASE("UN/ECE Recommendation 20 units by name, unknown codes left out", "[render][format]") {
  CHECK(unit_label(kFr, "C62") == "unité");
  CHECK(unit_label(kEn, "C62") == "unit");
  CHECK(unit_label(kFr, "KGM") == "kg");
  CHECK(unit_label(kFr, "MTQ") == "m³");
  CHECK(unit_label(kFr, "MTK") == "m²");
  CHECK(unit_label(kFr, "HUR") == "heure");
  CHECK(unit_label(kEn, "HUR") == "hour");
  CHECK(unit_label(kFr, "DAY") == "jour");
  CHECK(unit_label(kFr, "LTR") == "l");
  CHECK(unit_label(kFr, "KWH") == "kWh");
  CHECK(unit_label(kFr, "PR") == "paire");
  CHECK(unit_label(kFr, "XYZ").empty());
  CHECK(unit_label(kFr, "").empty());
}
