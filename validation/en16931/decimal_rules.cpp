// BR-DEC-* (number of decimals of amounts) of EN 16931, validation-1.3.16.
//
// With a document, each rule runs on the contexts of the artefact of the
// document's syntax and counts, as its XPath does, the characters written
// after the first '.' of the amount's text (so "12.500" has three decimals
// and fails). Two artefact quirks are mirrored: in UBL, BR-DEC-13 and
// BR-DEC-15 compare the currency with a child of the amount and so never
// fire; in CII they hold when some VAT total in the currency concerned has
// at most two significant decimals (BR-DEC-15 then also fails when a VAT
// accounting currency is given without a VAT total in it). Without a
// document, the model's amounts are checked by their written scale.

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/cii/cii_namespaces.h"
#include "formats/ubl/ubl_namespaces.h"
#include "formats/xml/namespace_test.h"
#include "validation/en16931/calculation_xml.h"
#include "validation/rule_families.h"

namespace einvoice::validation {
namespace {

using xml::XmlElement;

constexpr Rule kRules[] = {
    {"BR-DEC-01", kFatal, "BT-92",
     "[BR-DEC-01]-The allowed maximum number of decimals for the Document level allowance amount "
     "(BT-92) is 2."},
    {"BR-DEC-02", kFatal, "BT-93",
     "[BR-DEC-02]-The allowed maximum number of decimals for the Document level allowance base "
     "amount (BT-93) is 2."},
    {"BR-DEC-05", kFatal, "BT-99",
     "[BR-DEC-05]-The allowed maximum number of decimals for the Document level charge amount "
     "(BT-99) is 2."},
    {"BR-DEC-06", kFatal, "BT-100",
     "[BR-DEC-06]-The allowed maximum number of decimals for the Document level charge base amount "
     "(BT-100) is 2."},
    {"BR-DEC-09", kFatal, "BT-106",
     "[BR-DEC-09]-The allowed maximum number of decimals for the Sum of Invoice line net amount "
     "(BT-106) is 2."},
    {"BR-DEC-10", kFatal, "BT-107",
     "[BR-DEC-10]-The allowed maximum number of decimals for the Sum of allowanced on document "
     "level (BT-107) is 2."},
    {"BR-DEC-11", kFatal, "BT-108",
     "[BR-DEC-11]-The allowed maximum number of decimals for the Sum of charges on document level "
     "(BT-108) is 2."},
    {"BR-DEC-12", kFatal, "BT-109",
     "[BR-DEC-12]-The allowed maximum number of decimals for the Invoice total amount without VAT "
     "(BT-109) is 2."},
    {"BR-DEC-13", kFatal, "BT-110",
     "[BR-DEC-13]-The allowed maximum number of decimals for the Invoice total VAT amount (BT-110) "
     "is 2."},
    {"BR-DEC-14", kFatal, "BT-112",
     "[BR-DEC-14]-The allowed maximum number of decimals for the Invoice total amount with VAT "
     "(BT-112) is 2."},
    {"BR-DEC-15", kFatal, "BT-111",
     "[BR-DEC-15]-The allowed maximum number of decimals for the Invoice total VAT amount in "
     "accounting currency (BT-111) is 2."},
    {"BR-DEC-16", kFatal, "BT-113",
     "[BR-DEC-16]-The allowed maximum number of decimals for the Paid amount (BT-113) is 2."},
    {"BR-DEC-17", kFatal, "BT-114",
     "[BR-DEC-17]-The allowed maximum number of decimals for the Rounding amount (BT-114) is 2."},
    {"BR-DEC-18", kFatal, "BT-115",
     "[BR-DEC-18]-The allowed maximum number of decimals for the Amount due for payment (BT-115) "
     "is 2."},
    {"BR-DEC-19", kFatal, "BT-116",
     "[BR-DEC-19]-The allowed maximum number of decimals for the VAT category taxable amount "
     "(BT-116) is 2."},
    {"BR-DEC-20", kFatal, "BT-117",
     "[BR-DEC-20]-The allowed maximum number of decimals for the VAT category tax amount (BT-117) "
     "is 2."},
    {"BR-DEC-23", kFatal, "BT-131",
     "[BR-DEC-23]-The allowed maximum number of decimals for the Invoice line net amount (BT-131) "
     "is 2."},
    {"BR-DEC-24", kFatal, "BT-136",
     "[BR-DEC-24]-The allowed maximum number of decimals for the Invoice line allowance amount "
     "(BT-136) is 2."},
    {"BR-DEC-25", kFatal, "BT-137",
     "[BR-DEC-25]-The allowed maximum number of decimals for the Invoice line allowance base "
     "amount (BT-137) is 2."},
    {"BR-DEC-27", kFatal, "BT-141",
     "[BR-DEC-27]-The allowed maximum number of decimals for the Invoice line charge amount "
     "(BT-141) is 2."},
    {"BR-DEC-28", kFatal, "BT-142",
     "[BR-DEC-28]-The allowed maximum number of decimals for the Invoice line charge base amount "
     "(BT-142) is 2."},
};

const Rule& rule(std::string_view id) {
  for (const auto& r : kRules) {
    if (r.id == id)
      return r;
  }
  return kRules[0];
}

// string-length(substring-after(text, '.')): characters (not bytes) after
// the first '.'.
std::size_t decimals_written(std::string_view text) {
  const std::size_t dot = text.find('.');
  if (dot == std::string_view::npos)
    return 0;
  std::size_t count = 0;
  for (std::size_t i = dot + 1; i < text.size(); ++i)
    count += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return count;
}

// The rule holds when the element is absent or has at most two decimals.
bool at_most_two(XmlElement element) {
  return !element || decimals_written(element.text()) <= 2;
}

// ". = round(. * 100) div 100": at most two significant decimals.
bool numerically_two_decimals(const std::string& text) {
  auto value = model::Decimal::parse(text);
  return value && value->numerically_equal(value->rounded(2));
}

// ---------------------------------------------------------------------------
// UBL.

class UblDecimals {
 public:
  explicit UblDecimals(RuleContext& context) : context_(context) {}

  void run(XmlElement root) {
    // Document-level allowances and charges: children of the root only.
    for (XmlElement c = root.first_element_child(); c; c = c.next_element_sibling()) {
      if (c.is(ubl::kCacNamespace, "AllowanceCharge"))
        allowance_charge(c, "BR-DEC-01", "BR-DEC-02", "BR-DEC-05", "BR-DEC-06");
    }
    walk(root, XmlElement());
  }

 private:
  void walk(XmlElement element, XmlElement parent) {
    for (XmlElement c = element.first_element_child(); c; c = c.next_element_sibling()) {
      visit(c, element, parent);
      walk(c, element);
    }
  }

  void visit(XmlElement e, XmlElement parent, XmlElement) {
    if (!in_cac_(e))
      return;
    const std::string_view name = e.local_name();
    if (name == "LegalMonetaryTotal") {
      check(e, "LineExtensionAmount", "BR-DEC-09");
      check(e, "AllowanceTotalAmount", "BR-DEC-10");
      check(e, "ChargeTotalAmount", "BR-DEC-11");
      check(e, "TaxExclusiveAmount", "BR-DEC-12");
      check(e, "TaxInclusiveAmount", "BR-DEC-14");
      check(e, "PrepaidAmount", "BR-DEC-16");
      check(e, "PayableRoundingAmount", "BR-DEC-17");
      check(e, "PayableAmount", "BR-DEC-18");
    } else if (name == "InvoiceLine" || name == "CreditNoteLine") {
      check(e, "LineExtensionAmount", "BR-DEC-23");
      for (XmlElement c = e.first_element_child(); c; c = c.next_element_sibling()) {
        if (c.is(ubl::kCacNamespace, "AllowanceCharge"))
          allowance_charge(c, "BR-DEC-24", "BR-DEC-25", "BR-DEC-27", "BR-DEC-28");
      }
    } else if (name == "TaxSubtotal" && parent.is(ubl::kCacNamespace, "TaxTotal")) {
      check(e, "TaxableAmount", "BR-DEC-19");
      check(e, "TaxAmount", "BR-DEC-20");
    }
  }

  // [cbc:ChargeIndicator = false()] / [... = true()]: any indicator child
  // whose boolean value matches.
  void allowance_charge(XmlElement e, std::string_view allowance_amount,
                        std::string_view allowance_base, std::string_view charge_amount,
                        std::string_view charge_base) {
    bool allowance = false, charge = false;
    for (XmlElement c = e.first_element_child(); c; c = c.next_element_sibling()) {
      if (!c.is(ubl::kCbcNamespace, "ChargeIndicator"))
        continue;
      auto value = calculation::boolean_value(c);
      allowance |= value == false;
      charge |= value == true;
    }
    if (allowance) {
      check(e, "Amount", allowance_amount);
      check(e, "BaseAmount", allowance_base);
    }
    if (charge) {
      check(e, "Amount", charge_amount);
      check(e, "BaseAmount", charge_base);
    }
  }

  void check(XmlElement context, std::string_view amount, std::string_view id) {
    if (!at_most_two(context.child(ubl::kCbcNamespace, amount)))
      context_.report_at(rule(id), context);
  }

  RuleContext& context_;
  xml::NamespaceTest in_cac_{ubl::kCacNamespace};  // per walk of one document
};

// ---------------------------------------------------------------------------
// CII.

class CiiDecimals {
 public:
  CiiDecimals(RuleContext& context, XmlElement root) : context_(context), root_(root) {}

  void run() { walk(root_, XmlElement()); }

 private:
  static constexpr std::string_view kRam = cii::kRamNamespace;
  // Per walk of one document (see NamespaceTest).
  mutable xml::NamespaceTest in_ram_{kRam};

  void walk(XmlElement element, XmlElement parent) {
    for (XmlElement c = element.first_element_child(); c; c = c.next_element_sibling()) {
      visit(c, element, parent);
      walk(c, element);
    }
  }

  void visit(XmlElement e, XmlElement parent, XmlElement grandparent) {
    if (!in_ram_(e))
      return;
    const std::string_view name = e.local_name();
    if (name == "ChargeIndicator" && parent.is(kRam, "SpecifiedTradeAllowanceCharge")) {
      const bool header = grandparent.is(kRam, "ApplicableHeaderTradeSettlement");
      const bool line = grandparent.is(kRam, "SpecifiedLineTradeSettlement");
      if (!header && !line)
        return;
      // [udt:Indicator='false']: some Indicator child whose text is exactly it.
      bool allowance = false, charge = false;
      for (XmlElement c = e.first_element_child(); c; c = c.next_element_sibling()) {
        if (!c.is(cii::kUdtNamespace, "Indicator"))
          continue;
        const std::string text = c.text();
        allowance |= text == "false";
        charge |= text == "true";
      }
      if (allowance) {
        check(parent, e, "ActualAmount", header ? "BR-DEC-01" : "BR-DEC-24");
        check(parent, e, "BasisAmount", header ? "BR-DEC-02" : "BR-DEC-25");
      }
      if (charge) {
        check(parent, e, "ActualAmount", header ? "BR-DEC-05" : "BR-DEC-27");
        check(parent, e, "BasisAmount", header ? "BR-DEC-06" : "BR-DEC-28");
      }
    } else if (name == "SpecifiedTradeSettlementHeaderMonetarySummation") {
      check(e, e, "LineTotalAmount", "BR-DEC-09");
      check(e, e, "AllowanceTotalAmount", "BR-DEC-10");
      check(e, e, "ChargeTotalAmount", "BR-DEC-11");
      check(e, e, "TaxBasisTotalAmount", "BR-DEC-12");
      check(e, e, "GrandTotalAmount", "BR-DEC-14");
      check(e, e, "TotalPrepaidAmount", "BR-DEC-16");
      check(e, e, "RoundingAmount", "BR-DEC-17");
      check(e, e, "DuePayableAmount", "BR-DEC-18");
      vat_totals(e);
    } else if (name == "IncludedSupplyChainTradeLineItem") {
      XmlElement total;
      e.for_each_child(kRam, "SpecifiedLineTradeSettlement", [&](XmlElement settlement) {
        settlement.for_each_child(kRam, "SpecifiedTradeSettlementLineMonetarySummation",
                                  [&](XmlElement summation) {
                                    if (!total)
                                      total = summation.child(kRam, "LineTotalAmount");
                                  });
      });
      if (!at_most_two(total))
        context_.report_at(rule("BR-DEC-23"), e);
    } else if (name == "ApplicableTradeTax" && parent.is(kRam, "ApplicableHeaderTradeSettlement") &&
               !taken_by_category_rules(e)) {
      check(e, e, "BasisAmount", "BR-DEC-19");
      check(e, e, "CalculatedAmount", "BR-DEC-20");
    }
  }

  // A header tax of category L, M or O (type VAT) is taken by an earlier
  // rule of the pattern (BR-AF, BR-AG, BR-O), which holds no BR-DEC test.
  static bool taken_by_category_rules(XmlElement tax) {
    XmlElement type = tax.child(kRam, "TypeCode");
    XmlElement category = tax.child(kRam, "CategoryCode");
    if (!type || !category)
      return false;
    const std::string code = std::string(xml::trim_xml_space(category.text()));
    return calculation::normalized_upper_equals(type.text(), "VAT") &&
           (code == "L" || code == "M" || code == "O");
  }

  void check(XmlElement container, XmlElement at, std::string_view amount, std::string_view id) {
    if (!at_most_two(container.child(kRam, amount)))
      context_.report_at(rule(id), at);
  }

  // BR-DEC-13 / BR-DEC-15 on the TaxTotalAmount elements of a summation.
  void vat_totals(XmlElement summation) {
    XmlElement settlement = root_.child(cii::kRsmNamespace, "SupplyChainTradeTransaction");
    if (settlement)
      settlement = settlement.child(kRam, "ApplicableHeaderTradeSettlement");
    std::vector<std::string> invoice_currencies, tax_currencies;
    if (settlement) {
      settlement.for_each_child(kRam, "InvoiceCurrencyCode",
                                [&](XmlElement c) { invoice_currencies.push_back(c.text()); });
      settlement.for_each_child(kRam, "TaxCurrencyCode",
                                [&](XmlElement c) { tax_currencies.push_back(c.text()); });
    }
    auto in = [](const std::vector<std::string>& codes, const std::optional<std::string>& code) {
      return code && std::find(codes.begin(), codes.end(), *code) != codes.end();
    };
    bool any = false, holds13 = false, holds15 = false;
    summation.for_each_child(kRam, "TaxTotalAmount", [&](XmlElement total) {
      any = true;
      const auto currency = total.attribute("currencyID");
      const bool two = numerically_two_decimals(total.text());
      holds13 |= (in(invoice_currencies, currency) && two) || !in(invoice_currencies, currency);
      holds15 |= (in(tax_currencies, currency) && two) || tax_currencies.empty();
    });
    if (any && !holds13)
      context_.report_at(rule("BR-DEC-13"), summation);
    if (any && !holds15)
      context_.report_at(rule("BR-DEC-15"), summation);
  }

  RuleContext& context_;
  XmlElement root_;
};

// ---------------------------------------------------------------------------
// Without a document: the written scale of the model's amounts.

bool too_many(const model::Amount& amount) {
  return amount && amount->scale() > 2;
}

void check_model(RuleContext& context) {
  const model::Invoice& invoice = context.invoice();
  for (std::size_t i = 0; i < invoice.allowances.size(); ++i) {
    const auto place = at(Group::kDocumentAllowance, static_cast<int>(i));
    if (too_many(invoice.allowances[i].amount))
      context.report(rule("BR-DEC-01"), place);
    if (too_many(invoice.allowances[i].base_amount))
      context.report(rule("BR-DEC-02"), place);
  }
  for (std::size_t i = 0; i < invoice.charges.size(); ++i) {
    const auto place = at(Group::kDocumentCharge, static_cast<int>(i));
    if (too_many(invoice.charges[i].amount))
      context.report(rule("BR-DEC-05"), place);
    if (too_many(invoice.charges[i].base_amount))
      context.report(rule("BR-DEC-06"), place);
  }
  const auto& t = invoice.totals;
  const auto totals = at(Group::kTotals);
  const std::pair<const model::Amount*, const char*> sums[] = {
      {&t.line_net_total, "BR-DEC-09"},  {&t.allowance_total, "BR-DEC-10"},
      {&t.charge_total, "BR-DEC-11"},    {&t.total_without_vat, "BR-DEC-12"},
      {&t.total_with_vat, "BR-DEC-14"},  {&t.paid_amount, "BR-DEC-16"},
      {&t.rounding_amount, "BR-DEC-17"}, {&t.amount_due, "BR-DEC-18"}};
  for (const auto& [amount, id] : sums) {
    if (too_many(*amount))
      context.report(rule(id), totals);
  }
  if (context.is_cii()) {
    if (t.vat_total && !t.vat_total->numerically_equal(t.vat_total->rounded(2)))
      context.report(rule("BR-DEC-13"), totals);
    if (t.vat_total_accounting_currency && !t.vat_total_accounting_currency->numerically_equal(
                                               t.vat_total_accounting_currency->rounded(2)))
      context.report(rule("BR-DEC-15"), totals);
  }
  for (std::size_t i = 0; i < invoice.vat_breakdowns.size(); ++i) {
    const auto place = at(Group::kVatBreakdown, static_cast<int>(i));
    if (too_many(invoice.vat_breakdowns[i].taxable_amount))
      context.report(rule("BR-DEC-19"), place);
    if (too_many(invoice.vat_breakdowns[i].tax_amount))
      context.report(rule("BR-DEC-20"), place);
  }
  for (std::size_t l = 0; l < invoice.lines.size(); ++l) {
    const auto& line = invoice.lines[l];
    const int n = static_cast<int>(l);
    if (too_many(line.net_amount))
      context.report(rule("BR-DEC-23"), in_line(n));
    for (std::size_t i = 0; i < line.allowances.size(); ++i) {
      const auto place = in_line(n, Group::kLineAllowance, static_cast<int>(i));
      if (too_many(line.allowances[i].amount))
        context.report(rule("BR-DEC-24"), place);
      if (too_many(line.allowances[i].base_amount))
        context.report(rule("BR-DEC-25"), place);
    }
    for (std::size_t i = 0; i < line.charges.size(); ++i) {
      const auto place = in_line(n, Group::kLineCharge, static_cast<int>(i));
      if (too_many(line.charges[i].amount))
        context.report(rule("BR-DEC-27"), place);
      if (too_many(line.charges[i].base_amount))
        context.report(rule("BR-DEC-28"), place);
    }
  }
}

}  // namespace

void check_decimal_rules(RuleContext& context) {
  const xml::XmlDocument* document = context.document();
  if (document == nullptr) {
    check_model(context);
    return;
  }
  XmlElement root = document->root();
  if (!root)
    return;
  if (context.is_cii()) {
    if (root.is(cii::kRsmNamespace, cii::kRootElement))
      CiiDecimals(context, root).run();
  } else if (context.is_ubl()) {
    if (root.is(ubl::kInvoiceNamespace, ubl::kInvoiceRoot) ||
        root.is(ubl::kCreditNoteNamespace, ubl::kCreditNoteRoot))
      UblDecimals(context).run(root);
  }
}

std::span<const Rule> decimal_rules() {
  return kRules;
}

}  // namespace einvoice::validation
