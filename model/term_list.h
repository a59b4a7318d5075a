#pragma once

#include <set>
#include <string>
#include <vector>

#include "model/invoice.h"

namespace einvoice::model {

// One present term with its full path, e.g. "BG-25[2]/BG-31/BT-153".
// List items are numbered from 1.
struct TermValue {
  std::string path;
  std::string id;  // the last path element without index: "BT-153"
  std::string value;

  bool operator==(const TermValue&) const = default;
};

// Every present term of the invoice, in EN 16931 order.
std::vector<TermValue> flatten_terms(const Invoice& invoice);

// The ids ("BT-153", "BT-29-1", ...) of every present term.
std::set<std::string> present_term_ids(const Invoice& invoice);

// Human-readable differences, one per line: "BG-22/BT-112: 100.00 != 100.0",
// "BT-10: missing in second". Empty when the invoices agree term by term.
std::vector<std::string> diff_terms(const Invoice& first, const Invoice& second);

}  // namespace einvoice::model
