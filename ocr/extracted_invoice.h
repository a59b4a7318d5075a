#pragma once

// What template-free extraction found on a scanned or printed invoice: each
// field keyed by its EN 16931 business term ("BT-1", "BT-112", ...) with the
// value as a normalised string, how sure the extractor is, and where on which
// page it was read, so that a supplier can be shown exactly what was read and
// what is missing.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/decimal.h"
#include "ocr/ocr_text.h"

namespace einvoice::ocr {

// How a field's value was found, from the most to the least reliable.
enum class FieldSource {
  kSet,       // given by the user (--set), not read
  kLabelled,  // right of or below a label naming the field
  kPattern,   // recognised by its form alone (IBAN, VAT number, ...)
  kDerived,   // computed from other fields (SIREN from the SIRET, ...)
  kFallback,  // positional guess (first company-like line, ...)
};
const char* to_string(FieldSource source);

struct Field {
  // Normalised: dates ISO "YYYY-MM-DD", amounts as exact decimals with the
  // printed number of decimals ("1234.50"), identifiers compact and upper
  // case, names as printed.
  std::string value;
  double confidence = 0;  // 0..1
  int page = 0;           // 1-based; 0 when not read from a page
  Box box;                // in points on that page
  FieldSource source = FieldSource::kLabelled;
  // What a cross-check said (e.g. "excl. + VAT = incl." or "SIREN check
  // digit fails"); empty when none applied.
  std::string check;
  bool check_failed = false;
  // For a value to confirm (its check failed or its confidence is below the
  // doubt threshold): the other values read for the same term, normalised
  // as `value`, in reading order, for the supplier to choose from.
  std::vector<std::string> candidates;
};

// Below this confidence, or with its check failed, a value is "to
// confirm": shown to the supplier with its candidates, never used as read.
inline constexpr double kDoubtThreshold = 0.6;

inline bool to_confirm(const Field& field) {
  return field.check_failed || field.confidence < kDoubtThreshold;
}

// One row of the VAT breakdown (BG-23), found as a basis, a rate and a VAT
// amount on one line with basis x rate = VAT.
struct VatRow {
  model::Decimal basis;
  model::Decimal rate;
  model::Decimal vat;
  int page = 0;
  Box box;  // around the three numbers
};

// One row of a line-item table (BG-25) as read: the item name (BT-153, its
// text lines joined with spaces), the line net amount (BT-131), and what
// the table's columns gave of quantity (BT-129), unit net price (BT-146)
// and VAT rate (BT-152, a percentage). Amounts are exact decimals as
// printed. When quantity, price and net were all read, `net_amount.check`
// says whether quantity x price = net to the cent.
struct ExtractedLine {
  Field name;
  Field net_amount;
  std::optional<Field> quantity;
  std::optional<Field> unit_price;
  std::optional<Field> vat_rate;
};

// The line-item table found under a header row (Désignation / Qté / P.U. /
// Montant HT / TVA ...), possibly continued over several pages. `lines` is
// empty when no table was found. `sum_matches`: the line nets add up to
// the line net total the totals imply (BT-109, plus the allowances BT-107
// and minus the charges BT-108 when they were read); `check` says what was
// compared, or why no comparison was possible.
struct LineTable {
  std::vector<ExtractedLine> lines;
  bool sum_matches = false;
  std::string check;
};

// Something the supplier has to look at: a mandatory mention not found, or a
// value that fails a check. An advisory finding informs (the line table
// was read but not used, ...) without asking for a correction: it does not
// make the invoice incomplete.
struct Finding {
  std::string term;      // "BT-1"
  std::string message;   // in plain words, names the term
  bool missing = false;  // not found at all (versus found but doubtful)
  bool advisory = false;
};

struct ExtractedInvoice {
  // By BT id; postal addresses as BT-35, BT-37, BT-38, BT-40 (seller) and
  // BT-50, BT-52, BT-53, BT-55 (buyer).
  std::map<std::string, Field> fields;
  std::vector<VatRow> vat_breakdown;
  LineTable line_table;
  std::vector<Finding> findings;

  const Field* field(const std::string& term) const {
    auto it = fields.find(term);
    return it == fields.end() ? nullptr : &it->second;
  }
  std::optional<model::Decimal> amount(const std::string& term) const;
};

}  // namespace einvoice::ocr
