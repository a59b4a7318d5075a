#pragma once

// Postal addresses in a party's block: the street line, the post code and
// city ("75008 Paris", "F-75008 PARIS", "DE 80333 München", "1012 AB
// Amsterdam", "London SW1A 1AA", "Austin, TX 78701") and the country when
// the address itself says it (a country prefix or name, or a post code
// form only one country uses). Internal to the party extractor.

#include <optional>
#include <vector>

#include "ocr/extracted_invoice.h"
#include "ocr/layout.h"

namespace einvoice::ocr {

struct AddressRead {
  std::optional<Field> line1;      // BT-35 / BT-50
  std::optional<Field> city;       // BT-37 / BT-52
  std::optional<Field> post_code;  // BT-38 / BT-53
  std::optional<Field> country;    // BT-40 / BT-55, ISO 3166 alpha-2
};

// `lines`: the text lines of one column under a party's name, top to bottom,
// on `page`. Conservative: nothing is returned unless a line reads as a post
// code with a city; the street is the line just above it (or before a comma
// on the same line) when it looks like one (a number or a street word).
AddressRead read_address(const std::vector<std::vector<Token>>& lines, int page);

}  // namespace einvoice::ocr
