#include "ocr_eval_lines.h"

#include <iomanip>

#include "model/decimal.h"
#include "ocr/line_table_check.h"

namespace einvoice::bench {
namespace {

// The text of the first <tag>...</tag> inside [begin, end) of `xml`.
std::string element_text(const std::string& xml, std::size_t begin, std::size_t end,
                         const std::string& tag) {
  const std::string open = "<" + tag + ">";
  const std::size_t at = xml.find(open, begin);
  if (at == std::string::npos || at >= end)
    return {};
  const std::size_t from = at + open.size();
  const std::size_t to = xml.find("</" + tag + ">", from);
  return to == std::string::npos || to > end ? std::string() : xml.substr(from, to - from);
}

double percent(int part, int whole) {
  return whole == 0 ? 0.0 : 100.0 * part / whole;
}

}  // namespace

std::vector<TrueLine> lines_of_cii(const std::string& xml) {
  std::vector<TrueLine> out;
  const std::string open = "<ram:IncludedSupplyChainTradeLineItem>";
  const std::string close = "</ram:IncludedSupplyChainTradeLineItem>";
  std::size_t at = xml.find(open);
  while (at != std::string::npos) {
    const std::size_t end = xml.find(close, at);
    if (end == std::string::npos)
      break;
    TrueLine line;
    line.name = element_text(xml, at, end, "ram:Name");
    line.net_amount = element_text(xml, at, end, "ram:LineTotalAmount");
    if (!line.net_amount.empty())
      out.push_back(std::move(line));
    at = xml.find(open, end);
  }
  return out;
}

void LineScore::add(const std::vector<TrueLine>& truth, const ocr::ExtractedInvoice& extracted) {
  if (truth.empty())
    return;
  ++invoices_;
  const auto& lines = extracted.line_table.lines;
  if (!lines.empty())
    ++read_;
  if (!lines.empty() && !ocr::line_table_problem(extracted))
    ++extracted_;
  read_lines_ += static_cast<int>(lines.size());
  true_lines_ += static_cast<int>(truth.size());
  std::vector<bool> taken(lines.size(), false);
  for (const auto& want : truth) {
    const auto expected = model::Decimal::parse(want.net_amount);
    if (!expected)
      continue;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const auto got = model::Decimal::parse(lines[i].net_amount.value);
      if (!taken[i] && got && got->numerically_equal(*expected)) {
        taken[i] = true;
        ++found_lines_;
        break;
      }
    }
  }
}

void LineScore::print(std::ostream& out) const {
  out << std::fixed << std::setprecision(1) << "\nline tables: " << invoices_
      << " invoices with true lines; table read " << percent(read_, invoices_) << "% (" << read_
      << "), extracted (sum checked, used) " << percent(extracted_, invoices_) << "% ("
      << extracted_ << "/" << invoices_ << "); true lines found with the right net "
      << percent(found_lines_, true_lines_) << "% (" << found_lines_ << "/" << true_lines_
      << "), lines read " << read_lines_ << "\n";
}

}  // namespace einvoice::bench
