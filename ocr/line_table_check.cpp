#include "ocr/line_table_check.h"

#include <map>

namespace einvoice::ocr {
namespace {

using model::Decimal;

// Sums are compared exactly: the invoice built must meet BR-CO-10, BR-CO-13
// and BR-S-08, which allow no rounding slip.
bool same_to_the_cent(const Decimal& a, const Decimal& b) {
  return a.numerically_equal(b);
}

std::string money(const Decimal& amount) {
  return amount.rounded(2).to_string();
}

}  // namespace

std::optional<Decimal> expected_line_total(const ExtractedInvoice& extracted) {
  auto total = extracted.amount("BT-109");
  if (!total)
    return std::nullopt;
  if (auto allowances = extracted.amount("BT-107"))
    total = total->add(*allowances);
  if (auto charges = extracted.amount("BT-108"); charges && total)
    total = total->subtract(*charges);
  return total;
}

std::optional<Decimal> rate_of_line(const ExtractedInvoice& extracted, const ExtractedLine& line) {
  if (line.vat_rate)
    return Decimal::parse(line.vat_rate->value);
  if (extracted.vat_breakdown.size() == 1)
    return extracted.vat_breakdown.front().rate;
  return std::nullopt;
}

std::optional<std::string> line_table_problem(const ExtractedInvoice& extracted) {
  const auto& lines = extracted.line_table.lines;
  if (lines.empty())
    return "no line table was found";
  Decimal sum = Decimal::from_unscaled(0, 2);
  std::map<std::string, std::pair<Decimal, Decimal>> by_rate;  // rate text -> rate, sum
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string which = "line " + std::to_string(i + 1);
    if (lines[i].name.value.empty())
      return which + " has no item name";
    auto net = Decimal::parse(lines[i].net_amount.value);
    if (!net)
      return which + " has no net amount";
    auto added = sum.add(*net);
    if (!added)
      return "the line nets overflow";
    sum = *added;
    auto rate = rate_of_line(extracted, lines[i]);
    if (!rate)
      return which + " has no VAT rate and the invoice has several";
    if (!rate->is_negative() && rate->is_zero())
      return which + " has a VAT rate of 0 %, whose exemption is not read";
    if (rate->is_negative())
      return which + " has a negative VAT rate";
    auto& entry = by_rate[rate->rounded(2).to_string()];
    entry.first = *rate;
    entry.second = entry.second.add(*net).value_or(entry.second);
  }
  const auto expected = expected_line_total(extracted);
  if (!expected)
    return "the total excluding VAT (BT-109) to check the lines against was not read";
  if (!same_to_the_cent(sum, *expected))
    return "the line nets add up to " + money(sum) + ", not to the " + money(*expected) +
           " the totals give";
  const bool adjusted = extracted.field("BT-107") || extracted.field("BT-108");
  if (adjusted && by_rate.size() > 1)
    return "document allowances or charges with several VAT rates are not assigned to rates";
  if (extracted.vat_breakdown.empty())
    return std::nullopt;
  for (const auto& [text, entry] : by_rate) {
    const VatRow* row = nullptr;
    for (const auto& r : extracted.vat_breakdown) {
      if (r.rate.numerically_equal(entry.first))
        row = &r;
    }
    if (!row)
      return "the lines' VAT rate of " + text + " % is not in the VAT breakdown";
    const Decimal basis = adjusted ? *expected : entry.second;
    if (!adjusted && !same_to_the_cent(row->basis, basis))
      return "the lines at " + text + " % add up to " + money(basis) + ", not to the basis " +
             money(row->basis) + " of the VAT breakdown";
    if (adjusted && !same_to_the_cent(row->basis, extracted.amount("BT-109").value_or(basis)))
      return "the VAT basis at " + text + " % differs from the total excluding VAT";
  }
  return std::nullopt;
}

}  // namespace einvoice::ocr
