#include "formats/cii/tax_point_code.h"

#include <catch2/catch.hpp>

namespace einvoice::cii {
namespace {

TEST_CASE("BT-8 codes map between UNTDID 2475 (CII) and UNTDID 2005 (model)", "[cii][codes]") {
  CHECK(tax_point_code_from_cii("5") == "3");
  CHECK(tax_point_code_from_cii("29") == "35");
  CHECK(tax_point_code_from_cii("72") == "432");
  CHECK(tax_point_code_to_cii("3") == "5");
  CHECK(tax_point_code_to_cii("35") == "29");
  CHECK(tax_point_code_to_cii("432") == "72");
}

TEST_CASE("BT-8 codes outside the EN 16931 pairs pass through as written", "[cii][codes]") {
  CHECK(tax_point_code_from_cii("99") == "99");
  CHECK(tax_point_code_from_cii("") == "");
  CHECK(tax_point_code_to_cii("7") == "7");
  CHECK(tax_point_code_from_cii(" 5") == " 5");
}

}  // namespace
}  // namespace einvoice::cii
