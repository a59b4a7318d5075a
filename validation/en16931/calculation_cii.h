#pragma once

// Internal to the BR-CO family: the rules on a CII document, each on the
// contexts and with the tests of the CII artefact
// (cii/schematron/CII/EN16931-CII-model.sch, validation-1.3.16). Contexts
// starting with "//" match wherever the element is, and a node is taken by
// the first rule of the pattern that matches it, as in the XSLT: a header
// ram:ApplicableTradeTax of category L, M or O (type VAT) is taken by the
// BR-AF/BR-AG/BR-O rules and never sees BR-CO-03 or BR-CO-17.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "formats/cii/cii_namespaces.h"
#include "formats/xml/namespace_test.h"
#include "validation/en16931/calculation_arithmetic.h"
#include "validation/en16931/calculation_table.h"
#include "validation/en16931/calculation_xml.h"
#include "validation/rule_context.h"

namespace einvoice::validation::calculation {

class CiiCalculation {
 public:
  CiiCalculation(RuleContext& context, XmlElement root) : context_(context), root_(root) {}

  void run() {
    if (!root_ || !root_.is(cii::kRsmNamespace, cii::kRootElement))
      return;
    collect_header();
    collect();
    check_invoice_total();
    for (const auto& [indicator, parent] : header_indicators_)
      check_reason(indicator, parent, kBrCo21, kBrCo22);
    for (const auto& [indicator, parent] : line_indicators_)
      check_reason(indicator, parent, kBrCo23, kBrCo24);
    for (const auto& [summation, transaction] : summations_)
      check_summation(summation, transaction);
    for (XmlElement line : lines_)
      check_line(line);
    for (XmlElement period : line_periods_)
      check_period(period, kBrCo20);
    for (XmlElement period : header_periods_)
      check_period(period, kBrCo19);
    for (XmlElement seller : sellers_)
      check_seller(seller);
    for (XmlElement amount : tax_total_amounts_)
      check_vat_total(amount);
    for (XmlElement id : vat_identifiers_)
      check_country_prefix(id);
    for (const auto& [tax, grandparent] : header_taxes_)
      check_header_tax(tax, grandparent);
  }

 private:
  static constexpr std::string_view kRam = cii::kRamNamespace;
  // Per walk of one document (see NamespaceTest).
  mutable xml::NamespaceTest in_ram_{kRam};
  static constexpr std::string_view kRsm = cii::kRsmNamespace;
  static constexpr std::string_view kUdt = cii::kUdtNamespace;

  // What the absolute paths /rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/
  // ram:ApplicableHeaderTradeSettlement/... select.
  void collect_header() {
    root_.for_each_child(kRsm, "SupplyChainTradeTransaction", [&](XmlElement transaction) {
      transaction.for_each_child(kRam, "ApplicableHeaderTradeSettlement", [&](XmlElement s) {
        for (XmlElement c = s.first_element_child(); c; c = c.next_element_sibling()) {
          if (c.is(kRam, "InvoiceCurrencyCode")) {
            currencies_.push_back(c.text());
          } else if (c.is(kRam, "SpecifiedTradeAllowanceCharge")) {
            header_allowance_charges_.push_back(c);
          } else if (c.is(kRam, "SpecifiedTradeSettlementHeaderMonetarySummation")) {
            absolute_summations_.push_back(c);
          } else if (c.is(kRam, "ApplicableTradeTax")) {
            c.for_each_child(kRam, "CalculatedAmount",
                             [&](XmlElement amount) { category_tax_amounts_.push_back(amount); });
          }
        }
      });
    });
  }

  void collect() {
    for_each_descendant(
        root_, XmlElement(), [&](XmlElement e, XmlElement parent, XmlElement grandparent) {
          if (!in_ram_(e))
            return;
          const std::string_view name = e.local_name();
          if (name == "ChargeIndicator") {
            if (!parent.is(kRam, "SpecifiedTradeAllowanceCharge"))
              return;
            if (grandparent.is(kRam, "ApplicableHeaderTradeSettlement"))
              header_indicators_.push_back({e, parent});
            else if (grandparent.is(kRam, "SpecifiedLineTradeSettlement"))
              line_indicators_.push_back({e, parent});
          } else if (name == "SpecifiedTradeSettlementHeaderMonetarySummation") {
            summations_.push_back({e, grandparent});
          } else if (name == "IncludedSupplyChainTradeLineItem") {
            lines_.push_back(e);
          } else if (name == "BillingSpecifiedPeriod") {
            if (parent.is(kRam, "SpecifiedLineTradeSettlement"))
              line_periods_.push_back(e);
            else if (parent.is(kRam, "ApplicableHeaderTradeSettlement"))
              header_periods_.push_back(e);
          } else if (name == "SellerTradeParty") {
            sellers_.push_back(e);
          } else if (name == "TaxTotalAmount") {
            if (parent.is(kRam, "SpecifiedTradeSettlementHeaderMonetarySummation") &&
                in_invoice_currency(e))
              tax_total_amounts_.push_back(e);
          } else if (name == "ID") {
            auto scheme = e.attribute("schemeID");
            if (parent.is(kRam, "SpecifiedTaxRegistration") && scheme && *scheme == "VA")
              vat_identifiers_.push_back(e);
          } else if (name == "ApplicableTradeTax") {
            if (parent.is(kRam, "ApplicableHeaderTradeSettlement")) {
              header_taxes_.push_back({e, grandparent});
              header_tax_exists_ =
                  header_tax_exists_ || grandparent.is(kRsm, "SupplyChainTradeTransaction");
            }
          } else if (name == "TaxPointDate") {
            tax_point_date_ = true;
          } else if (name == "DueDateTypeCode") {
            tax_point_code_ = true;
          }
        });
  }

  // @currencyID = /rsm:CrossIndustryInvoice/.../ram:InvoiceCurrencyCode.
  bool in_invoice_currency(XmlElement amount) const {
    auto id = amount.attribute("currencyID");
    if (!id)
      return false;
    for (const std::string& currency : currencies_) {
      if (*id == currency)
        return true;
    }
    return false;
  }

  void report(const Rule& rule, XmlElement at) { context_.report_at(rule, at); }

  void report_if_failed(const Verdict& verdict, const Rule& rule, XmlElement at) {
    if (verdict && !*verdict)
      report(rule, at);
  }

  // The first {ram}local of all absolute monetary summations, e.g.
  // (/.../ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:GrandTotalAmount)[1].
  Term first_summation_amount(std::string_view local) const {
    for (XmlElement summation : absolute_summations_) {
      if (XmlElement amount = summation.child(kRam, local))
        return decimal_of(amount);
    }
    return {};
  }

  // BR-CO-15 on the root, for every invoice currency code.
  void check_invoice_total() {
    const Term with_vat = first_summation_amount("GrandTotalAmount");
    const Term without_vat = first_summation_amount("TaxBasisTotalAmount");
    for (const std::string& currency : currencies_) {
      std::size_t count = 0;
      Term vat_total;
      for (XmlElement summation : absolute_summations_) {
        summation.for_each_child(kRam, "TaxTotalAmount", [&](XmlElement amount) {
          auto id = amount.attribute("currencyID");
          if (id && *id == currency && count++ == 0)
            vat_total = decimal_of(amount);
        });
      }
      Verdict verdict =
          total_with_vat_holds(Flavour::kCii, with_vat, without_vat, count, vat_total);
      if (verdict && !*verdict) {
        report(kBrCo15, root_);
        return;
      }
    }
  }

  // BR-CO-21 to BR-CO-24 on ram:ChargeIndicator[udt:Indicator='false'] (or 'true').
  void check_reason(XmlElement indicator, XmlElement allowance_charge, const Rule& allowance_rule,
                    const Rule& charge_rule) {
    bool is_false = false, is_true = false;
    indicator.for_each_child(kUdt, "Indicator", [&](XmlElement value) {
      const std::string text = value.text();
      is_false = is_false || text == "false";
      is_true = is_true || text == "true";
    });
    if (!is_false && !is_true)
      return;
    if (has_child(allowance_charge, kRam, "Reason") ||
        has_child(allowance_charge, kRam, "ReasonCode"))
      return;
    report(is_false ? allowance_rule : charge_rule, indicator);
  }

  // BR-CO-10 to BR-CO-13 and BR-CO-16 on each monetary summation.
  void check_summation(XmlElement summation, XmlElement transaction) {
    const Term line_total = decimal_child(summation, kRam, "LineTotalAmount");
    const Term allowance_total = decimal_child(summation, kRam, "AllowanceTotalAmount");
    const Term charge_total = decimal_child(summation, kRam, "ChargeTotalAmount");

    // BR-CO-10: ../../ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeSettlement/
    // ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount.
    std::vector<XmlElement> amounts;
    transaction.for_each_child(kRam, "IncludedSupplyChainTradeLineItem", [&](XmlElement line) {
      line.for_each_child(kRam, "SpecifiedLineTradeSettlement", [&](XmlElement settlement) {
        settlement.for_each_child(
            kRam, "SpecifiedTradeSettlementLineMonetarySummation", [&](XmlElement sum) {
              sum.for_each_child(kRam, "LineTotalAmount",
                                 [&](XmlElement amount) { amounts.push_back(amount); });
            });
      });
    });
    bool readable = true;
    const auto line_amounts = values_of(amounts, readable);
    if (readable)
      report_if_failed(line_total_holds(Flavour::kCii, line_total, line_amounts), kBrCo10,
                       summation);

    // BR-CO-11, BR-CO-12: [ram:ChargeIndicator/udt:Indicator=false()] / true(),
    // ram:ActualAmount[1].
    std::vector<XmlElement> allowance_amounts, charge_amounts;
    std::size_t allowances = 0, charges = 0;
    bool indicators_readable = true;
    for (XmlElement allowance_charge : header_allowance_charges_) {
      bool is_false = false, is_true = false;
      allowance_charge.for_each_child(kRam, "ChargeIndicator", [&](XmlElement indicator) {
        indicator.for_each_child(kUdt, "Indicator", [&](XmlElement value) {
          auto flag = boolean_value(value);
          if (!flag)
            indicators_readable = false;
          else
            (*flag ? is_true : is_false) = true;
        });
      });
      XmlElement amount = allowance_charge.child(kRam, "ActualAmount");
      if (is_false) {
        ++allowances;
        if (amount)
          allowance_amounts.push_back(amount);
      }
      if (is_true) {
        ++charges;
        if (amount)
          charge_amounts.push_back(amount);
      }
    }
    if (indicators_readable) {
      bool amounts_readable = true;
      std::vector<char> allowance_zeros, charge_zeros;
      const auto allowance_values =
          values_of(allowance_amounts, amounts_readable, &allowance_zeros);
      const auto charge_values = values_of(charge_amounts, amounts_readable, &charge_zeros);
      if (amounts_readable) {
        report_if_failed(allowance_total_holds(Flavour::kCii, allowance_total, allowances,
                                               allowance_values, allowance_zeros),
                         kBrCo11, summation);
        report_if_failed(allowance_total_holds(Flavour::kCii, charge_total, charges, charge_values,
                                               charge_zeros),
                         kBrCo12, summation);
      }
    }

    report_if_failed(total_without_vat_holds(Flavour::kCii,
                                             decimal_child(summation, kRam, "TaxBasisTotalAmount"),
                                             line_total, allowance_total, charge_total),
                     kBrCo13, summation);
    report_if_failed(
        amount_due_holds(Flavour::kCii, decimal_child(summation, kRam, "DuePayableAmount"),
                         decimal_child(summation, kRam, "GrandTotalAmount"),
                         decimal_child(summation, kRam, "TotalPrepaidAmount"),
                         decimal_child(summation, kRam, "RoundingAmount")),
        kBrCo16, summation);
  }

  // BR-CO-04 and BR-CO-18 on each line item.
  void check_line(XmlElement line) {
    bool categorised = false;
    line.for_each_child(kRam, "SpecifiedLineTradeSettlement", [&](XmlElement settlement) {
      settlement.for_each_child(kRam, "ApplicableTradeTax", [&](XmlElement tax) {
        categorised = categorised || (upper_equals(tax.child(kRam, "TypeCode").text(), "VAT") &&
                                      has_child(tax, kRam, "CategoryCode"));
      });
    });
    if (!categorised)
      report(kBrCo04, line);
    if (!header_tax_exists_)
      report(kBrCo18, line);
  }

  // BR-CO-19 / BR-CO-20: a start or an end date.
  void check_period(XmlElement period, const Rule& rule) {
    if (!has_child(period, kRam, "StartDateTime") && !has_child(period, kRam, "EndDateTime"))
      report(rule, period);
  }

  // BR-CO-26: ram:ID, ram:GlobalID, the legal organisation's ID or a VA tax registration.
  void check_seller(XmlElement seller) {
    bool identified = has_child(seller, kRam, "ID") || has_child(seller, kRam, "GlobalID");
    seller.for_each_child(kRam, "SpecifiedLegalOrganization", [&](XmlElement organisation) {
      identified = identified || has_child(organisation, kRam, "ID");
    });
    seller.for_each_child(kRam, "SpecifiedTaxRegistration", [&](XmlElement registration) {
      registration.for_each_child(kRam, "ID", [&](XmlElement id) {
        auto scheme = id.attribute("schemeID");
        identified = identified || (scheme && *scheme == "VA");
      });
    });
    if (!identified)
      report(kBrCo26, seller);
  }

  // BR-CO-14 on each ram:TaxTotalAmount in the invoice currency.
  void check_vat_total(XmlElement amount) {
    bool readable = true;
    std::vector<char> negative_zeros;
    const auto values = values_of(category_tax_amounts_, readable, &negative_zeros);
    if (readable)
      report_if_failed(
          vat_total_holds(Flavour::kCii, decimal_of(amount), true, values, negative_zeros), kBrCo14,
          amount);
  }

  void check_country_prefix(XmlElement id) {
    if (!country_prefix_holds(Flavour::kCii, id.text()))
      report(kBrCo09, id);
  }

  // BR-CO-03 and BR-CO-17 on each header ram:ApplicableTradeTax not taken by
  // an earlier rule of the pattern.
  void check_header_tax(XmlElement tax, XmlElement grandparent) {
    const bool vat_type = upper_equals(tax.child(kRam, "TypeCode").text(), "VAT");
    if (vat_type && grandparent.is(kRsm, "SupplyChainTradeTransaction")) {
      bool taken = false;
      tax.for_each_child(kRam, "CategoryCode", [&](XmlElement code) {
        const std::string text = code.text();
        taken = taken || text == "L" || text == "M" || text == "O";
      });
      if (taken)
        return;
    }
    if (tax_point_date_ && tax_point_code_)
      report(kBrCo03, tax);
    Term rate;
    if (normalized_upper_equals(tax.child(kRam, "TypeCode").text(), "VAT"))
      rate = decimal_child(tax, kRam, "RateApplicablePercent");
    report_if_failed(category_tax_holds(Flavour::kCii, decimal_child(tax, kRam, "CalculatedAmount"),
                                        decimal_child(tax, kRam, "BasisAmount"), rate),
                     kBrCo17, tax);
  }

  RuleContext& context_;
  XmlElement root_;
  std::vector<std::string> currencies_;
  std::vector<XmlElement> header_allowance_charges_, absolute_summations_, category_tax_amounts_;
  std::vector<std::pair<XmlElement, XmlElement>> header_indicators_, line_indicators_;  // + parent
  std::vector<std::pair<XmlElement, XmlElement>> summations_;    // + grandparent
  std::vector<std::pair<XmlElement, XmlElement>> header_taxes_;  // + grandparent
  std::vector<XmlElement> lines_, line_periods_, header_periods_, sellers_, tax_total_amounts_,
      vat_identifiers_;
  bool header_tax_exists_ = false;
  bool tax_point_date_ = false;
  bool tax_point_code_ = false;
};

}  // namespace einvoice::validation::calculation
