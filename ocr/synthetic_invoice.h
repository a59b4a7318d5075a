#pragma once

// Synthetic invoices for measuring extraction: a seeded generator of
// plausible French and English invoices (valid SIREN, SIRET and VAT keys,
// consistent lines, VAT rows and totals), drawn as a PDF in one of several
// layouts, with the values it printed as ground truth. Scanned with
// scan_simulation, they give accuracy figures that do not depend on one
// supplier's layout.

#include <map>
#include <string>
#include <vector>

#include "model/result.h"

namespace einvoice::ocr {

enum class SyntheticLayout {
  kFrenchTwoColumns,  // seller left, title and dates right, buyer block, table, totals
  kFrenchStacked,     // everything as "label : value" lines, one column
  kEnglishModern,     // "Bill to", "Invoice #", totals in a right-hand box
};
inline constexpr int kSyntheticLayouts = 3;

// One printed invoice line: its values as exact decimals.
struct SyntheticLine {
  std::string name;        // BT-153
  std::string quantity;    // BT-129
  std::string unit_price;  // BT-146
  std::string vat_rate;    // BT-152
  std::string net_amount;  // BT-131
};

struct SyntheticInvoice {
  std::string pdf;
  std::vector<SyntheticLine> lines;  // in the order printed
  // Ground truth by business term: BT-1, BT-2, BT-5, BT-9, BT-27, BT-29,
  // BT-30, BT-31, BT-44, BT-84, BT-109, BT-110, BT-112, BT-115 (dates ISO,
  // amounts as exact decimals, identifiers compact).
  std::map<std::string, std::string> truth;
};

// The same seed and layout always give the same invoice. `font_file`: a
// TrueType font with Latin glyphs. Errors: kIo when the font cannot be
// loaded, kInternal when the PDF cannot be written.
model::Result<SyntheticInvoice> make_synthetic_invoice(unsigned seed, SyntheticLayout layout,
                                                       const std::string& font_file);

}  // namespace einvoice::ocr
