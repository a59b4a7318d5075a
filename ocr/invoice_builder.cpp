#include "ocr/invoice_builder.h"

#include <algorithm>

#include "ocr/line_table_check.h"

namespace einvoice::ocr {
namespace {

using model::Decimal;
using model::Error;
using model::ErrorCode;

enum class Kind { kText, kDate, kAmount, kCode };

struct Settable {
  const char* term;
  Kind kind;
};

constexpr Settable kSettable[] = {
    {"BT-1", Kind::kText},     {"BT-2", Kind::kDate},     {"BT-3", Kind::kCode},
    {"BT-5", Kind::kCode},     {"BT-9", Kind::kDate},     {"BT-13", Kind::kText},
    {"BT-20", Kind::kText},    {"BT-25", Kind::kText},    {"BT-27", Kind::kText},
    {"BT-29", Kind::kText},    {"BT-30", Kind::kText},    {"BT-31", Kind::kText},
    {"BT-35", Kind::kText},    {"BT-37", Kind::kText},    {"BT-38", Kind::kText},
    {"BT-40", Kind::kCode},    {"BT-44", Kind::kText},    {"BT-46", Kind::kText},
    {"BT-47", Kind::kText},    {"BT-48", Kind::kText},    {"BT-50", Kind::kText},
    {"BT-52", Kind::kText},    {"BT-53", Kind::kText},    {"BT-55", Kind::kCode},
    {"BT-84", Kind::kText},    {"BT-86", Kind::kText},    {"BT-109", Kind::kAmount},
    {"BT-110", Kind::kAmount}, {"BT-112", Kind::kAmount}, {"BT-115", Kind::kAmount}};

const Settable* settable(std::string_view term) {
  for (const auto& s : kSettable) {
    if (term == s.term)
      return &s;
  }
  return nullptr;
}

model::Text text(const ExtractedInvoice& e, const char* term) {
  const Field* f = e.field(term);
  if (!f || f->value.empty())
    return std::nullopt;
  return f->value;
}

model::Amount amount(const ExtractedInvoice& e, const char* term) {
  const Field* f = e.field(term);
  return f ? Decimal::parse(f->value) : std::nullopt;
}

std::optional<model::Date> date(const ExtractedInvoice& e, const char* term) {
  const Field* f = e.field(term);
  return f ? model::Date::parse_iso(f->value) : std::nullopt;
}

// "FR" from "FR13542107651"; "GR" for Greece's "EL" prefix.
model::Code country_of_vat(const model::Text& vat) {
  if (!vat || vat->size() < 2 || !std::isupper(static_cast<unsigned char>((*vat)[0])) ||
      !std::isupper(static_cast<unsigned char>((*vat)[1])))
    return std::nullopt;
  const std::string prefix = vat->substr(0, 2);
  return prefix == "EL" ? std::string("GR") : prefix;
}

std::string rate_text(const Decimal& rate) {
  std::string text = rate.to_string();
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0')
      text.pop_back();
    if (text.back() == '.')
      text.pop_back();
  }
  std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

model::PostalAddress address(const ExtractedInvoice& e, const char* line1, const char* city,
                             const char* post_code, const char* country) {
  model::PostalAddress out;
  out.line1 = text(e, line1);
  out.city = text(e, city);
  out.post_code = text(e, post_code);
  out.country_code = text(e, country);
  return out;
}

// One line per VAT rate whose net amount is that rate's basis, for an
// invoice whose line table was not read or does not check.
std::vector<model::InvoiceLine> summary_lines(const ExtractedInvoice& e) {
  std::vector<model::InvoiceLine> lines;
  for (const auto& row : e.vat_breakdown) {
    model::InvoiceLine line;
    line.identifier = std::to_string(lines.size() + 1);
    line.invoiced_quantity = Decimal::from_int(1);
    line.invoiced_quantity_unit = "C62";
    line.net_amount = row.basis;
    line.price.net_price = row.basis;
    line.vat.category_code = "S";
    line.vat.rate = row.rate;
    line.item.name = "Total au taux de TVA de " + rate_text(row.rate) + " %";
    lines.push_back(line);
  }
  return lines;
}

// The lines of the table read. REQUIRES: line_table_problem(e) is nullopt.
// Quantity 1 when none was read; the unit price the one read, else net /
// quantity; a negative net (a discount line) as a negative quantity at a
// positive price.
std::vector<model::InvoiceLine> table_lines(const ExtractedInvoice& e) {
  std::vector<model::InvoiceLine> lines;
  for (const auto& read : e.line_table.lines) {
    model::InvoiceLine line;
    line.identifier = std::to_string(lines.size() + 1);
    const Decimal net = *Decimal::parse(read.net_amount.value);
    Decimal quantity = Decimal::from_int(1);
    if (read.quantity) {
      auto q = Decimal::parse(read.quantity->value);
      if (q && !q->is_zero())
        quantity = q->abs();
    }
    std::optional<Decimal> price;
    if (read.unit_price)
      price = Decimal::parse(read.unit_price->value);
    if (!price)
      price = net.abs().divide(quantity, std::max(2, net.scale()));
    if (net.is_negative())
      quantity = quantity.negate();
    line.invoiced_quantity = quantity;
    line.invoiced_quantity_unit = "C62";
    line.net_amount = net;
    line.price.net_price = price ? price->abs() : net.abs();
    line.vat.category_code.emplace("S");
    line.vat.rate = rate_of_line(e, read);
    line.item.name = read.name.value;
    lines.push_back(line);
  }
  return lines;
}

}  // namespace

const std::vector<std::string>& settable_terms() {
  static const std::vector<std::string> terms = [] {
    std::vector<std::string> out;
    for (const auto& s : kSettable)
      out.emplace_back(s.term);
    return out;
  }();
  return terms;
}

model::Result<bool> set_field(ExtractedInvoice& extracted, std::string_view term,
                              std::string_view value) {
  const Settable* s = settable(term);
  if (!s) {
    std::string known;
    for (const auto& t : settable_terms())
      known += (known.empty() ? "" : ", ") + t;
    return Error{ErrorCode::kInvalidArgument,
                 std::string(term) + " cannot be set; the terms that can are " + known,
                 {}};
  }
  std::string normalised(value);
  if (s->kind == Kind::kDate && !model::Date::parse_iso(value))
    return Error{ErrorCode::kInvalidArgument,
                 std::string(term) + " must be a date written YYYY-MM-DD, not \"" +
                     std::string(value) + "\"",
                 {}};
  if (s->kind == Kind::kAmount) {
    auto parsed = Decimal::parse(value);
    if (!parsed)
      return Error{ErrorCode::kInvalidArgument,
                   std::string(term) + " must be a decimal amount such as 1234.50, not \"" +
                       std::string(value) + "\"",
                   {}};
    normalised = parsed->to_string();
  }
  Field field;
  field.value = normalised;
  field.confidence = 1;
  field.source = FieldSource::kSet;
  extracted.fields[std::string(term)] = field;
  std::erase_if(extracted.findings, [&](const Finding& f) { return f.term == term; });
  return true;
}

model::Invoice build_invoice(const ExtractedInvoice& e) {
  model::Invoice invoice;
  // The invoice follows EN 16931 (a Factur-X build sets its profile's id).
  invoice.process_control.specification_identifier = "urn:cen.eu:en16931:2017";
  invoice.number = text(e, "BT-1");
  invoice.issue_date = date(e, "BT-2");
  invoice.type_code = text(e, "BT-3");
  invoice.currency_code = text(e, "BT-5");
  invoice.payment_due_date = date(e, "BT-9");
  invoice.purchase_order_reference = text(e, "BT-13");
  invoice.payment_terms = text(e, "BT-20");
  if (auto preceding = text(e, "BT-25")) {
    model::PrecedingInvoiceReference reference;
    reference.reference = preceding;
    invoice.preceding_invoices.push_back(reference);
  }

  auto& seller = invoice.seller;
  seller.name = text(e, "BT-27");
  if (auto siret = text(e, "BT-29"))
    seller.identifiers.push_back(model::Identifier{*siret, "0009", std::nullopt});
  if (auto siren = text(e, "BT-30"))
    seller.legal_registration_identifier = model::Identifier{*siren, "0002", std::nullopt};
  seller.vat_identifier = text(e, "BT-31");
  seller.address = address(e, "BT-35", "BT-37", "BT-38", "BT-40");
  if (!seller.address.country_code)
    seller.address.country_code = country_of_vat(seller.vat_identifier);

  auto& buyer = invoice.buyer;
  buyer.name = text(e, "BT-44");
  if (auto siret = text(e, "BT-46"))
    buyer.identifier = model::Identifier{*siret, "0009", std::nullopt};
  if (auto siren = text(e, "BT-47"))
    buyer.legal_registration_identifier = model::Identifier{*siren, "0002", std::nullopt};
  buyer.vat_identifier = text(e, "BT-48");
  buyer.address = address(e, "BT-50", "BT-52", "BT-53", "BT-55");
  if (!buyer.address.country_code)
    buyer.address.country_code = country_of_vat(buyer.vat_identifier);

  auto& totals = invoice.totals;
  totals.total_without_vat = amount(e, "BT-109");
  totals.line_net_total = totals.total_without_vat;
  totals.vat_total = amount(e, "BT-110");
  totals.total_with_vat = amount(e, "BT-112");
  totals.amount_due = amount(e, "BT-115");
  if (totals.total_with_vat && totals.amount_due &&
      !totals.total_with_vat->numerically_equal(*totals.amount_due))
    totals.paid_amount = totals.total_with_vat->subtract(*totals.amount_due);

  for (const auto& row : e.vat_breakdown) {
    model::VatBreakdown breakdown;
    breakdown.taxable_amount = row.basis;
    breakdown.tax_amount = row.vat;
    breakdown.category_code = "S";
    breakdown.rate = row.rate;
    invoice.vat_breakdowns.push_back(breakdown);
  }

  if (!line_table_problem(e)) {
    invoice.lines = table_lines(e);
    // Document allowances and charges, read only with a single VAT rate
    // (line_table_problem refuses them otherwise).
    const auto single_rate = invoice.lines.front().vat.rate;
    auto adjustment = [&](const char* term, const char* reason) {
      auto value = amount(e, term);
      if (!value || value->is_zero())
        return std::optional<model::AllowanceCharge>();
      model::AllowanceCharge a;
      a.amount = value;
      a.vat_category_code = "S";
      a.vat_rate = single_rate;
      a.reason = reason;
      return std::optional<model::AllowanceCharge>(a);
    };
    if (auto allowance = adjustment("BT-107", "Remise")) {
      invoice.allowances.push_back(*allowance);
      totals.allowance_total = allowance->amount;
    }
    if (auto charge = adjustment("BT-108", "Frais")) {
      invoice.charges.push_back(*charge);
      totals.charge_total = charge->amount;
    }
    Decimal sum = Decimal::from_unscaled(0, 2);
    for (const auto& line : invoice.lines)
      sum = sum.add(*line.net_amount).value_or(sum);
    totals.line_net_total = sum;
  } else {
    invoice.lines = summary_lines(e);
  }

  if (auto iban = text(e, "BT-84")) {
    model::PaymentInstructions payment;
    payment.means_type_code = "58";
    model::CreditTransfer transfer;
    transfer.account_identifier = iban;
    transfer.service_provider_identifier = text(e, "BT-86");
    payment.credit_transfers.push_back(transfer);
    invoice.payment_instructions = payment;
  }
  return invoice;
}

}  // namespace einvoice::ocr
