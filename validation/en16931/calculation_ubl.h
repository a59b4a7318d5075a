#pragma once

// Internal to the BR-CO family: the rules on a UBL Invoice or CreditNote
// document, each on the contexts and with the tests of the UBL artefact
// (ubl/schematron/UBL/EN16931-UBL-model.sch, validation-1.3.16). A context
// like "cac:InvoicePeriod" matches wherever the element is, and a node is
// taken by the first rule of the pattern that matches it, as in the XSLT.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "formats/ubl/ubl_namespaces.h"
#include "formats/xml/namespace_test.h"
#include "validation/en16931/calculation_arithmetic.h"
#include "validation/en16931/calculation_table.h"
#include "validation/en16931/calculation_xml.h"
#include "validation/rule_context.h"

namespace einvoice::validation::calculation {

class UblCalculation {
 public:
  UblCalculation(RuleContext& context, XmlElement root) : context_(context), root_(root) {}

  void run() {
    if (!root_ || !(root_.is(ubl::kInvoiceNamespace, ubl::kInvoiceRoot) ||
                    root_.is(ubl::kCreditNoteNamespace, ubl::kCreditNoteRoot)))
      return;
    collect();
    check_root();
    for (XmlElement e : document_allowance_charges_)
      check_reason(e, kBrCo21, kBrCo22);
    for (XmlElement e : line_allowance_charges_)
      check_reason(e, kBrCo23, kBrCo24);
    for (const auto& [total, parent] : monetary_totals_)
      check_monetary_total(total, parent);
    for (XmlElement e : lines_)
      check_line_category(e);
    for (XmlElement e : line_periods_)
      check_period(e, kBrCo20, false);
    for (XmlElement e : other_periods_)
      check_period(e, kBrCo19, true);
    for (XmlElement e : suppliers_)
      check_supplier(e);
    for (XmlElement e : root_tax_totals_)
      check_vat_total(e);
    for (XmlElement e : tax_subtotals_)
      check_category_tax(e);
    for (XmlElement e : vat_party_schemes_)
      check_country_prefix(e);
  }

 private:
  static constexpr std::string_view kCac = ubl::kCacNamespace;
  static constexpr std::string_view kCbc = ubl::kCbcNamespace;
  // Per walk of one document (see NamespaceTest).
  mutable xml::NamespaceTest in_cac_{kCac};

  static bool same(XmlElement a, XmlElement b) { return a.raw() == b.raw(); }

  static bool is_line(XmlElement e) {
    return e.is(kCac, "InvoiceLine") || e.is(kCac, "CreditNoteLine");
  }

  // cac:TaxScheme/normalize-space(upper-case(cbc:ID)) = 'VAT' for some TaxScheme.
  static bool has_vat_scheme(XmlElement e) {
    bool vat = false;
    e.for_each_child(kCac, "TaxScheme", [&](XmlElement scheme) {
      vat = vat || normalized_upper_equals(scheme.child(kCbc, "ID").text(), "VAT");
    });
    return vat;
  }

  void collect() {
    for_each_descendant(root_, XmlElement(), [&](XmlElement e, XmlElement parent, XmlElement) {
      if (!in_cac_(e))
        return;
      const std::string_view name = e.local_name();
      if (name == "AllowanceCharge") {
        if (same(parent, root_))
          document_allowance_charges_.push_back(e);
        else if (is_line(parent))
          line_allowance_charges_.push_back(e);
      } else if (name == "LegalMonetaryTotal") {
        monetary_totals_.push_back({e, parent});
      } else if (name == "InvoiceLine" || name == "CreditNoteLine") {
        lines_.push_back(e);
        if (XmlElement amount = e.child(kCbc, "LineExtensionAmount"))
          line_amounts_.push_back(amount);
      } else if (name == "InvoicePeriod") {
        (is_line(parent) ? line_periods_ : other_periods_).push_back(e);
      } else if (name == "AccountingSupplierParty") {
        suppliers_.push_back(e);
      } else if (name == "TaxTotal") {
        if (same(parent, root_))
          root_tax_totals_.push_back(e);
      } else if (name == "TaxSubtotal") {
        if (parent.is(kCac, "TaxTotal"))
          tax_subtotals_.push_back(e);
      } else if (name == "PartyTaxScheme") {
        if (has_vat_scheme(e))
          vat_party_schemes_.push_back(e);
      }
    });
  }

  void report(const Rule& rule, XmlElement at, const std::string& detail = {}) {
    context_.report_at(rule, at, detail);
  }

  void report_if_failed(const Verdict& verdict, const Rule& rule, XmlElement at) {
    if (verdict && !*verdict)
      report(rule, at);
  }

  // The root: BR-CO-03, BR-CO-15, BR-CO-18.
  void check_root() {
    bool tax_point_date = has_child(root_, kCbc, "TaxPointDate");
    bool tax_point_code = false;
    bool breakdown = false;
    std::vector<XmlElement> tax_totals;
    XmlElement monetary_total;
    std::vector<std::string> currencies;
    for (XmlElement c = root_.first_element_child(); c; c = c.next_element_sibling()) {
      if (c.is(kCac, "InvoicePeriod")) {
        tax_point_code = tax_point_code || has_child(c, kCbc, "DescriptionCode");
      } else if (c.is(kCac, "TaxTotal")) {
        tax_totals.push_back(c);
        breakdown = breakdown || has_child(c, kCac, "TaxSubtotal");
      } else if (c.is(kCac, "LegalMonetaryTotal")) {
        if (!monetary_total)
          monetary_total = c;
      } else if (c.is(kCbc, "DocumentCurrencyCode")) {
        currencies.push_back(c.text());
      }
    }
    if (tax_point_date && tax_point_code)
      report(kBrCo03, root_);
    if (!breakdown)
      report(kBrCo18, root_);

    // BR-CO-15, for every DocumentCurrencyCode: exactly one TaxTotal/TaxAmount
    // in that currency and BT-112 = round(BT-109 + that amount).
    const Term with_vat = decimal_child(monetary_total, kCbc, "TaxInclusiveAmount");
    const Term without_vat = decimal_child(monetary_total, kCbc, "TaxExclusiveAmount");
    for (const std::string& currency : currencies) {
      std::size_t count = 0;
      Term vat_total;
      for (XmlElement total : tax_totals) {
        total.for_each_child(kCbc, "TaxAmount", [&](XmlElement amount) {
          auto id = amount.attribute("currencyID");
          if (!id || *id != currency)
            return;
          if (count++ == 0)
            vat_total = decimal_of(amount);
        });
      }
      Verdict verdict =
          total_with_vat_holds(Flavour::kUbl, with_vat, without_vat, count, vat_total);
      if (verdict && !*verdict) {
        report(kBrCo15, root_);
        break;
      }
    }
  }

  // BR-CO-21 to BR-CO-24: an allowance or charge needs a reason or a reason code.
  void check_reason(XmlElement allowance_charge, const Rule& allowance_rule,
                    const Rule& charge_rule) {
    auto charge = boolean_value(allowance_charge.child(kCbc, "ChargeIndicator"));
    if (!charge)
      return;
    if (has_child(allowance_charge, kCbc, "AllowanceChargeReason") ||
        has_child(allowance_charge, kCbc, "AllowanceChargeReasonCode"))
      return;
    report(*charge ? charge_rule : allowance_rule, allowance_charge);
  }

  // cac:LegalMonetaryTotal: BR-CO-10 to BR-CO-13 and BR-CO-16.
  void check_monetary_total(XmlElement total, XmlElement parent) {
    const Term line_total = decimal_child(total, kCbc, "LineExtensionAmount");
    const Term allowance_total = decimal_child(total, kCbc, "AllowanceTotalAmount");
    const Term charge_total = decimal_child(total, kCbc, "ChargeTotalAmount");
    const Term without_vat = decimal_child(total, kCbc, "TaxExclusiveAmount");
    const Term with_vat = decimal_child(total, kCbc, "TaxInclusiveAmount");
    const Term paid = decimal_child(total, kCbc, "PrepaidAmount");
    const Term rounding = decimal_child(total, kCbc, "PayableRoundingAmount");
    const Term due = decimal_child(total, kCbc, "PayableAmount");

    bool readable = true;
    const std::vector<Decimal> lines = values_of(line_amounts_, readable);
    if (readable)
      report_if_failed(line_total_holds(Flavour::kUbl, line_total, lines), kBrCo10, total);

    // ../cac:AllowanceCharge, split by their ChargeIndicator.
    std::vector<XmlElement> allowance_amounts, charge_amounts;
    std::size_t allowances = 0, charges = 0;
    bool indicators_readable = true;
    for (XmlElement c = parent.first_element_child(); c; c = c.next_element_sibling()) {
      if (!c.is(kCac, "AllowanceCharge"))
        continue;
      XmlElement indicator = c.child(kCbc, "ChargeIndicator");
      auto charge = boolean_value(indicator);
      if (!charge) {
        indicators_readable = indicators_readable && !indicator;
        continue;
      }
      ++(*charge ? charges : allowances);
      c.for_each_child(kCbc, "Amount", [&](XmlElement amount) {
        (*charge ? charge_amounts : allowance_amounts).push_back(amount);
      });
    }
    if (indicators_readable) {
      bool amounts_readable = true;
      const auto allowance_values = values_of(allowance_amounts, amounts_readable);
      const auto charge_values = values_of(charge_amounts, amounts_readable);
      if (amounts_readable) {
        report_if_failed(
            allowance_total_holds(Flavour::kUbl, allowance_total, allowances, allowance_values),
            kBrCo11, total);
        report_if_failed(allowance_total_holds(Flavour::kUbl, charge_total, charges, charge_values),
                         kBrCo12, total);
      }
    }
    report_if_failed(total_without_vat_holds(Flavour::kUbl, without_vat, line_total,
                                             allowance_total, charge_total),
                     kBrCo13, total);
    report_if_failed(amount_due_holds(Flavour::kUbl, due, with_vat, paid, rounding), kBrCo16,
                     total);
  }

  // BR-CO-04: Item/ClassifiedTaxCategory[VAT scheme]/cbc:ID.
  void check_line_category(XmlElement line) {
    bool categorised = false;
    line.for_each_child(kCac, "Item", [&](XmlElement item) {
      item.for_each_child(kCac, "ClassifiedTaxCategory", [&](XmlElement category) {
        categorised = categorised || (has_vat_scheme(category) && has_child(category, kCbc, "ID"));
      });
    });
    if (!categorised)
      report(kBrCo04, line);
  }

  // BR-CO-19 (a DescriptionCode alone also satisfies it) and BR-CO-20.
  void check_period(XmlElement period, const Rule& rule, bool code_counts) {
    if (has_child(period, kCbc, "StartDate") || has_child(period, kCbc, "EndDate"))
      return;
    if (code_counts && has_child(period, kCbc, "DescriptionCode"))
      return;
    report(rule, period);
  }

  // BR-CO-26: a VAT identifier, a party identifier not in scheme SEPA, or a
  // legal registration identifier.
  void check_supplier(XmlElement supplier) {
    bool identified = false;
    supplier.for_each_child(kCac, "Party", [&](XmlElement party) {
      party.for_each_child(kCac, "PartyTaxScheme", [&](XmlElement scheme) {
        identified = identified || (has_vat_scheme(scheme) && has_child(scheme, kCbc, "CompanyID"));
      });
      party.for_each_child(kCac, "PartyIdentification", [&](XmlElement identification) {
        identification.for_each_child(kCbc, "ID", [&](XmlElement id) {
          auto scheme = id.attribute("schemeID");
          identified = identified || !scheme || *scheme != "SEPA";
        });
      });
      party.for_each_child(kCac, "PartyLegalEntity", [&](XmlElement entity) {
        identified = identified || has_child(entity, kCbc, "CompanyID");
      });
    });
    if (!identified)
      report(kBrCo26, supplier);
  }

  // BR-CO-14 on each TaxTotal of the root.
  void check_vat_total(XmlElement tax_total) {
    std::vector<XmlElement> amounts;
    bool breakdown = false;
    tax_total.for_each_child(kCac, "TaxSubtotal", [&](XmlElement subtotal) {
      breakdown = true;
      if (XmlElement amount = subtotal.child(kCbc, "TaxAmount"))
        amounts.push_back(amount);
    });
    bool readable = true;
    const auto values = values_of(amounts, readable);
    if (!readable)
      return;
    report_if_failed(vat_total_holds(Flavour::kUbl, decimal_child(tax_total, kCbc, "TaxAmount"),
                                     breakdown, values),
                     kBrCo14, tax_total);
  }

  // BR-CO-17 on each TaxTotal/TaxSubtotal.
  void check_category_tax(XmlElement subtotal) {
    Term rate;
    subtotal.for_each_child(kCac, "TaxCategory", [&](XmlElement category) {
      if (!rate.present && has_vat_scheme(category))
        rate = decimal_child(category, kCbc, "Percent");
    });
    report_if_failed(category_tax_holds(Flavour::kUbl, decimal_child(subtotal, kCbc, "TaxAmount"),
                                        decimal_child(subtotal, kCbc, "TaxableAmount"), rate),
                     kBrCo17, subtotal);
  }

  // BR-CO-09 on each VAT PartyTaxScheme.
  void check_country_prefix(XmlElement scheme) {
    XmlElement company = scheme.child(kCbc, "CompanyID");
    const std::string id = company ? company.text() : std::string();
    if (!country_prefix_holds(Flavour::kUbl, id))
      report(kBrCo09, company ? company : scheme);
  }

  RuleContext& context_;
  XmlElement root_;
  std::vector<std::pair<XmlElement, XmlElement>> monetary_totals_;  // with their parent
  std::vector<XmlElement> document_allowance_charges_, line_allowance_charges_, lines_,
      line_amounts_, line_periods_, other_periods_, suppliers_, root_tax_totals_, tax_subtotals_,
      vat_party_schemes_;
};

}  // namespace einvoice::validation::calculation
