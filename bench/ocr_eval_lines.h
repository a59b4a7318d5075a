#pragma once

// Line-level score of OCR extraction for ocr_eval: the share of invoices
// whose line table was extracted (read, and its sum checked so that it
// became the invoice's lines) and the share of true lines (BG-25) found
// with the right net amount (BT-131).

#include <ostream>
#include <string>
#include <vector>

#include "ocr/extracted_invoice.h"

namespace einvoice::bench {

struct TrueLine {
  std::string name;        // BT-153
  std::string net_amount;  // BT-131, exact decimal
};

// The BG-25 lines of a CII document (Factur-X XML): each
// IncludedSupplyChainTradeLineItem's ram:Name and ram:LineTotalAmount.
// Empty when there are none or the text is not CII.
std::vector<TrueLine> lines_of_cii(const std::string& xml);

class LineScore {
 public:
  // One invoice with its true lines (ignored when it has none) and what was
  // extracted from it.
  void add(const std::vector<TrueLine>& truth, const ocr::ExtractedInvoice& extracted);
  void print(std::ostream& out) const;

 private:
  int invoices_ = 0;   // with true lines
  int read_ = 0;       // a table was read
  int extracted_ = 0;  // and it became the invoice's lines
  int true_lines_ = 0;
  int found_lines_ = 0;  // true lines matched by a line read with the same net
  int read_lines_ = 0;   // lines read, matched or not
};

}  // namespace einvoice::bench
