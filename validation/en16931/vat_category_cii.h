#pragma once

// Internal to the VAT category family: the rules on a CII document, each on
// the contexts and with the tests of the CII artefact
// (cii/schematron/CII/EN16931-CII-model.sch, validation-1.3.16).
//
// Contexts: the root (BR-x-01, BR-B), the header ram:ApplicableTradeTax's
// ram:CategoryCode for AE, E, G, K, S and Z and the header
// ram:ApplicableTradeTax itself for L, M and O (BR-x-08 to 10, BR-IC-11/12,
// BR-O-11 to 14), the ram:CategoryTradeTax of any allowance or charge
// (BR-x-03/04, BR-x-06/07) and each line's ram:ApplicableTradeTax (BR-x-02,
// BR-x-05). Category codes are compared as written (no normalisation); the
// sums of BR-x-08 are rounded to cents per kind, then compared with the
// untyped BasisAmount in xs:double.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/cii/cii_namespaces.h"
#include "validation/en16931/vat_category_table.h"
#include "validation/en16931/vat_category_ubl.h"
#include "validation/en16931/vat_category_xml.h"
#include "validation/rule_context.h"

namespace einvoice::validation::vat_category {

class CiiVatCategories {
 public:
  CiiVatCategories(RuleContext& context, XmlElement root) : context_(context), root_(root) {}

  void run() {
    if (!root_ || !root_.is(kRsm, cii::kRootElement))
      return;
    collect();
    check_root();
    for (const HeaderTax& t : header_taxes_)
      check_header_tax(t);
    for (const ChargeTax& t : charge_taxes_)
      check_charge_tax(t);
    for (XmlElement t : line_taxes_)
      check_line_tax(t);
  }

 private:
  static constexpr std::string_view kRam = cii::kRamNamespace;
  static constexpr std::string_view kRsm = cii::kRsmNamespace;
  static constexpr std::string_view kUdt = cii::kUdtNamespace;

  struct HeaderTax {
    XmlElement tax;
    XmlElement settlement;  // the ram:ApplicableHeaderTradeSettlement
    bool anchored = false;  // under rsm:SupplyChainTradeTransaction
  };
  struct ChargeTax {
    XmlElement tax;
    bool is_false = false, is_true = false;  // ram:ChargeIndicator/udt:Indicator
  };

  // ram:CategoryCode = code: any CategoryCode child, exactly as written.
  static bool has_code(XmlElement e, std::string_view code) {
    bool found = false;
    e.for_each_child(kRam, "CategoryCode",
                     [&](XmlElement c) { found = found || c.text() == code; });
    return found;
  }

  // The ram:CategoryCode children's texts, as written.
  static std::vector<std::string> codes_of(XmlElement e) {
    std::vector<std::string> codes;
    e.for_each_child(kRam, "CategoryCode", [&](XmlElement c) { codes.push_back(c.text()); });
    return codes;
  }

  static bool contains(const std::vector<std::string>& codes, std::string_view code) {
    for (const std::string& c : codes) {
      if (c == code)
        return true;
    }
    return false;
  }

  // upper-case(ram:TypeCode) = 'VAT'.
  static bool vat_type(XmlElement e) {
    return calculation::upper_equals(e.child(kRam, "TypeCode").text(), "VAT");
  }

  static void indicators(XmlElement allowance_charge, bool& is_false, bool& is_true) {
    allowance_charge.for_each_child(kRam, "ChargeIndicator", [&](XmlElement indicator) {
      indicator.for_each_child(kUdt, "Indicator", [&](XmlElement value) {
        auto flag = calculation::boolean_value(value);
        if (flag)
          (*flag ? is_true : is_false) = true;
      });
    });
  }

  // ram:SpecifiedTaxRegistration/ram:ID with one of the scheme ids.
  static bool registered(XmlElement party, bool allow_fc) {
    bool found = false;
    party.for_each_child(kRam, "SpecifiedTaxRegistration", [&](XmlElement registration) {
      registration.for_each_child(kRam, "ID", [&](XmlElement id) {
        auto scheme = id.attribute("schemeID");
        found = found || (scheme && (*scheme == "VA" || (allow_fc && *scheme == "FC")));
      });
    });
    return found;
  }

  void collect() {
    // Absolute paths.
    root_.for_each_child(kRsm, "SupplyChainTradeTransaction", [&](XmlElement transaction) {
      for (XmlElement c = transaction.first_element_child(); c; c = c.next_element_sibling()) {
        if (c.is(kRam, "ApplicableHeaderTradeAgreement")) {
          c.for_each_child(kRam, "SellerTradeParty", [&](XmlElement seller) {
            seller_abs_va_fc_ = seller_abs_va_fc_ || registered(seller, true);
            seller_abs_va_ = seller_abs_va_ || registered(seller, false);
          });
          c.for_each_child(kRam, "SellerTaxRepresentativeTradeParty", [&](XmlElement rep) {
            representative_abs_va_ = representative_abs_va_ || registered(rep, false);
          });
        } else if (c.is(kRam, "ApplicableHeaderTradeDelivery")) {
          c.for_each_child(kRam, "ActualDeliverySupplyChainEvent", [&](XmlElement event) {
            event.for_each_child(kRam, "OccurrenceDateTime", [&](XmlElement time) {
              delivery_date_ =
                  delivery_date_ || static_cast<bool>(time.child(kUdt, "DateTimeString"));
            });
          });
          c.for_each_child(kRam, "ShipToTradeParty", [&](XmlElement party) {
            party.for_each_child(kRam, "PostalTradeAddress", [&](XmlElement address) {
              ship_to_country_ =
                  ship_to_country_ || static_cast<bool>(address.child(kRam, "CountryID"));
            });
          });
        } else if (c.is(kRam, "IncludedSupplyChainTradeLineItem")) {
          c.for_each_child(kRam, "SpecifiedLineTradeSettlement",
                           [&](XmlElement s) { line_settlements_.push_back(s); });
        } else if (c.is(kRam, "ApplicableHeaderTradeSettlement")) {
          c.for_each_child(kRam, "SpecifiedTradeAllowanceCharge",
                           [&](XmlElement ac) { header_charges_.push_back(ac); });
        }
      }
    });

    calculation::for_each_descendant(
        root_, XmlElement(), [&](XmlElement e, XmlElement parent, XmlElement grandparent) {
          const std::string_view ns = e.namespace_uri();
          const std::string_view name = e.local_name();
          if (ns == kRsm) {
            if (name == "SupplyChainTradeTransaction")
              collect_transaction(e);
            return;
          }
          if (ns != kRam)
            return;
          if (name == "ApplicableTradeTax") {
            const bool header = parent.is(kRam, "ApplicableHeaderTradeSettlement");
            const bool line = parent.is(kRam, "SpecifiedLineTradeSettlement");
            const auto codes = codes_of(e);
            for (int i = 0; i < kCategoryCount; ++i) {
              if (contains(codes, kCodes[i])) {
                header_count_[i] += header ? 1 : 0;
                line_count_[i] += line ? 1 : 0;
              }
            }
            for (const std::string& code : codes)
              other_than_o_tax_ = other_than_o_tax_ || code != "O";
            if (header)
              header_taxes_.push_back(
                  {e, parent, grandparent.is(kRsm, "SupplyChainTradeTransaction")});
          } else if (name == "CategoryTradeTax") {
            const auto codes = codes_of(e);
            for (int i = 0; i < kCategoryCount; ++i)
              category_count_[i] += contains(codes, kCodes[i]) ? 1 : 0;
            for (const std::string& code : codes)
              other_than_o_category_ = other_than_o_category_ || code != "O";
            if (parent.is(kRam, "SpecifiedTradeAllowanceCharge")) {
              ChargeTax t{e};
              indicators(parent, t.is_false, t.is_true);
              charge_taxes_.push_back(t);
            }
          } else if (name == "CategoryCode") {
            const std::string text = e.text();
            code_b_ = code_b_ || text == "B";
            code_s_ = code_s_ || text == "S";
          } else if (name == "CountryID") {
            country_not_it_ = country_not_it_ || e.text() != "IT";
          } else if (name == "SellerTradeParty") {
            seller_va_fc_ = seller_va_fc_ || registered(e, true);
            seller_va_ = seller_va_ || registered(e, false);
          } else if (name == "SellerTaxRepresentativeTradeParty") {
            representative_va_ = representative_va_ || registered(e, false);
          } else if (name == "BuyerTradeParty") {
            buyer_va_ = buyer_va_ || registered(e, false);
            e.for_each_child(kRam, "SpecifiedLegalOrganization", [&](XmlElement organisation) {
              buyer_legal_ = buyer_legal_ || static_cast<bool>(organisation.child(kRam, "ID"));
            });
          }
        });
  }

  // //rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/
  // ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax.
  void collect_transaction(XmlElement transaction) {
    transaction.for_each_child(kRam, "IncludedSupplyChainTradeLineItem", [&](XmlElement line) {
      line.for_each_child(kRam, "SpecifiedLineTradeSettlement", [&](XmlElement settlement) {
        settlement.for_each_child(kRam, "ApplicableTradeTax",
                                  [&](XmlElement tax) { line_taxes_.push_back(tax); });
      });
    });
  }

  void report(int category, int number, XmlElement at) {
    const Rule* rule = kByCategory[category][number];
    if (rule != nullptr)
      context_.report_at(*rule, at);
  }

  // ---------------------------------------------------------------------

  void check_root() {
    for (int c = 0; c < kCategoryCount; ++c) {
      const int h = header_count_[c], l = line_count_[c], k = category_count_[c];
      bool holds = true;
      if (c == kS || c == kAF || c == kAG)
        holds = (l + h >= 2 || l == 0) && (k + h >= 2 || k == 0);
      else if (c == kO)
        holds = h == 0 || (h == 1 && (l > 0 || k > 0));
      else
        holds = (h == 0 && l == 0 && k == 0) || (h == 1 && (l > 0 || k > 0));
      if (!holds)
        report(c, 1, root_);
    }
    if (code_b_ && country_not_it_)
      context_.report_at(kBrB01, root_);
    if (code_b_ && code_s_)
      context_.report_at(kBrB02, root_);
  }

  bool parties_hold(int category) const {
    switch (category) {
      case kAE:
        return (seller_va_fc_ || representative_va_) && (buyer_va_ || buyer_legal_);
      case kIC:
        return (seller_va_ || representative_va_) && buyer_va_;
      case kG:
        return seller_va_ || representative_va_;
      case kO:
        return !seller_abs_va_ && !representative_abs_va_ && !buyer_va_;
      default:
        return seller_abs_va_fc_ || representative_abs_va_;
    }
  }

  // BR-x-05 to 07 on ram:RateApplicablePercent; nullopt when unreadable.
  static std::optional<bool> rate_holds(int category, XmlElement tax) {
    bool any = false, holds = false, readable = true;
    tax.for_each_child(kRam, "RateApplicablePercent", [&](XmlElement rate) {
      any = true;
      auto value = Decimal::parse(rate.text());
      if (!value) {
        readable = false;
        return;
      }
      const int sign = untyped_sign(*value, rate.text());
      if (category == kS || category == kAF)
        holds = holds || sign > 0;
      else if (category == kAG)
        holds = holds || sign >= 0;
      else
        holds = holds || sign == 0;
    });
    if (category == kO)
      return !any;
    if (!readable)
      return std::nullopt;
    return holds;
  }

  void check_line_tax(XmlElement tax) {
    if (!vat_type(tax))
      return;
    for (int c : {kAE, kAF, kAG, kE, kG, kIC, kO, kS, kZ}) {
      if (!has_code(tax, kCodes[c]))
        continue;
      if (!parties_hold(c))
        report(c, 2, tax);
      auto holds = rate_holds(c, tax);
      if (holds && !*holds)
        report(c, 5, tax);
      return;
    }
  }

  void check_charge_tax(const ChargeTax& t) {
    if (!vat_type(t.tax) || (!t.is_false && !t.is_true))
      return;
    for (int c : {kAE, kAF, kAG, kE, kG, kIC, kO, kS, kZ}) {
      if (!has_code(t.tax, kCodes[c]))
        continue;
      if (!parties_hold(c))
        report(c, t.is_false ? 3 : 4, t.tax);
      auto holds = rate_holds(c, t.tax);
      if (holds && !*holds)
        report(c, t.is_false ? 6 : 7, t.tax);
      return;
    }
  }

  // ---------------------------------------------------------------------
  // The VAT breakdown.

  // round(sum(values) * 10 * 10) div 100 of: the line totals of the lines
  // with `code` (and `rate`), the header charges (charge = true) or
  // allowances with `code` (and `rate`). nullopt when unreadable.
  std::optional<Decimal> line_sum(std::string_view code, const Decimal* rate) const {
    std::optional<Decimal> total = Decimal();
    for (XmlElement settlement : line_settlements_) {
      bool has = false, has_rate = rate == nullptr, readable = true;
      settlement.for_each_child(kRam, "ApplicableTradeTax", [&](XmlElement tax) {
        has = has || has_code(tax, code);
        if (rate != nullptr) {
          if (XmlElement r = tax.child(kRam, "RateApplicablePercent")) {
            auto value = Decimal::parse(r.text());
            if (!value)
              readable = false;
            else
              has_rate = has_rate || value->numerically_equal(*rate);
          }
        }
      });
      if (!readable)
        return std::nullopt;
      if (!has || !has_rate)
        continue;
      bool ok = true;
      settlement.for_each_child(
          kRam, "SpecifiedTradeSettlementLineMonetarySummation", [&](XmlElement summation) {
            summation.for_each_child(kRam, "LineTotalAmount", [&](XmlElement amount) {
              auto value = Decimal::parse(amount.text());
              ok = ok && value && accumulate(total, *value);
            });
          });
      if (!ok)
        return std::nullopt;
    }
    return round_cents(*total);
  }

  std::optional<Decimal> charge_sum(std::string_view code, const Decimal* rate, bool charge) const {
    std::optional<Decimal> total = Decimal();
    for (XmlElement ac : header_charges_) {
      bool is_false = false, is_true = false;
      indicators(ac, is_false, is_true);
      if (!(charge ? is_true : is_false))
        continue;
      bool has = false, has_rate = rate == nullptr, readable = true;
      ac.for_each_child(kRam, "CategoryTradeTax", [&](XmlElement tax) {
        has = has || has_code(tax, code);
        if (rate != nullptr) {
          if (XmlElement r = tax.child(kRam, "RateApplicablePercent")) {
            auto value = Decimal::parse(r.text());
            if (!value)
              readable = false;
            else
              has_rate = has_rate || value->numerically_equal(*rate);
          }
        }
      });
      if (!readable)
        return std::nullopt;
      if (!has || !has_rate)
        continue;
      if (XmlElement amount = ac.child(kRam, "ActualAmount")) {
        auto value = Decimal::parse(amount.text());
        if (!value || !accumulate(total, *value))
          return std::nullopt;
      }
    }
    return round_cents(*total);
  }

  // Σ lines + Σ charges - Σ allowances, each rounded to cents.
  std::optional<Decimal> expected_basis(std::string_view code, const Decimal* rate) const {
    auto lines = line_sum(code, rate);
    auto charges = charge_sum(code, rate, true);
    auto allowances = charge_sum(code, rate, false);
    if (!lines || !charges || !allowances)
      return std::nullopt;
    auto sum = lines->add(*charges);
    if (!sum)
      return std::nullopt;
    return sum->subtract(*allowances);
  }

  // BR-S-08, BR-AF-08, BR-AG-08: for every rate of `rates_of`, the
  // BasisAmount of `basis_of` equals the sums with that rate.
  std::optional<bool> rated_basis_holds(std::string_view code, XmlElement rates_of,
                                        XmlElement basis_of) const {
    // Two flags rather than an optional<bool> assigned in the loop: GCC's
    // -O3 warns (wrongly) that such an optional may be read uninitialised.
    bool known = true, holds = true;
    rates_of.for_each_child(kRam, "RateApplicablePercent", [&](XmlElement r) {
      if (!known || !holds)
        return;
      auto rate = Decimal::parse(r.text());
      if (!rate) {
        known = false;
        return;
      }
      auto expected = expected_basis(code, &*rate);
      XmlElement basis_element = basis_of.child(kRam, "BasisAmount");
      if (!expected) {
        known = false;
        return;
      }
      if (!basis_element) {
        holds = false;
        return;
      }
      auto basis = untyped_double(basis_element);
      if (!basis) {
        known = false;
        return;
      }
      holds = double_equal(*basis, to_double(*expected));
    });
    return known ? std::optional<bool>(holds) : std::nullopt;
  }

  // BR-x-08 of AE, E, G, K, Z: BasisAmount within one of the sums.
  std::optional<bool> basis_within_one(std::string_view code, XmlElement tax) const {
    auto expected = expected_basis(code, nullptr);
    if (!expected)
      return std::nullopt;
    XmlElement basis_element = tax.child(kRam, "BasisAmount");
    if (!basis_element)
      return false;
    auto basis = untyped_double(basis_element);
    if (!basis)
      return std::nullopt;
    const double sum = to_double(*expected);
    return *basis - 1.0 < sum && *basis + 1.0 > sum;
  }

  // ram:CalculatedAmount = 0.
  static std::optional<bool> zero_tax(XmlElement tax) {
    XmlElement amount = tax.child(kRam, "CalculatedAmount");
    if (!amount)
      return false;
    const std::string text = amount.text();
    auto value = Decimal::parse(text);
    if (!value)
      return std::nullopt;
    return untyped_sign(*value, text) == 0;
  }

  // BR-S-09.
  static std::optional<bool> standard_tax_holds(XmlElement tax) {
    auto calculated = calculation::decimal_of(tax.child(kRam, "CalculatedAmount"));
    auto basis = calculation::decimal_of(tax.child(kRam, "BasisAmount"));
    XmlElement rate_element = tax.child(kRam, "RateApplicablePercent");
    if (calculated.unreadable() || basis.unreadable())
      return std::nullopt;
    if (!calculated.value || !basis.value || !rate_element)
      return false;
    auto rate = untyped_double(rate_element);
    if (!rate)
      return std::nullopt;
    const double right =
        calculation::xpath_double::round(to_double(basis.value->abs()) * *rate) / 100.0;
    auto low = calculated.value->abs().subtract(Decimal::from_int(1));
    auto high = calculated.value->abs().add(Decimal::from_int(1));
    if (!low || !high)
      return std::nullopt;
    return to_double(*low) < right && to_double(*high) > right;
  }

  static bool has_reason(XmlElement tax) {
    return static_cast<bool>(tax.child(kRam, "ExemptionReason")) ||
           static_cast<bool>(tax.child(kRam, "ExemptionReasonCode"));
  }

  void report_if_failed(const std::optional<bool>& holds, int category, int number, XmlElement at) {
    if (holds.value_or(true) == false)
      report(category, number, at);
  }

  void check_header_tax(const HeaderTax& t) {
    const bool vat = vat_type(t.tax);
    // Contexts on ram:CategoryCode.
    t.tax.for_each_child(kRam, "CategoryCode", [&](XmlElement code_element) {
      const std::string code = code_element.text();
      int category = -1;
      if (t.anchored && vat) {
        for (int c : {kAE, kE, kG, kIC}) {
          if (code == kCodes[c])
            category = c;
        }
      }
      if (category < 0 && (code == "S" || code == "Z"))
        category = code == "S" ? kS : kZ;
      if (category < 0)
        return;
      if (category == kS) {
        report_if_failed(rated_basis_holds("S", t.tax, t.tax), kS, 8, code_element);
        report_if_failed(standard_tax_holds(t.tax), kS, 9, code_element);
        if (has_reason(t.tax))
          report(kS, 10, code_element);
        return;
      }
      report_if_failed(basis_within_one(kCodes[category], t.tax), category, 8, code_element);
      report_if_failed(zero_tax(t.tax), category, 9, code_element);
      if (has_reason(t.tax) != (category != kZ))
        report(category, 10, code_element);
      if (category == kIC) {
        bool period = false;
        t.settlement.for_each_child(kRam, "BillingSpecifiedPeriod", [&](XmlElement p) {
          period = period || static_cast<bool>(p.child(kRam, "StartDateTime")) ||
                   static_cast<bool>(p.child(kRam, "EndDateTime"));
        });
        if (!delivery_date_ && !period)
          report(kIC, 11, code_element);
        if (!ship_to_country_)
          report(kIC, 12, code_element);
      }
    });

    // Contexts on the ram:ApplicableTradeTax (L, M, O).
    if (!t.anchored || !vat)
      return;
    for (int category : {kAF, kAG, kO}) {
      if (!has_code(t.tax, kCodes[category]))
        continue;
      if (category == kO) {
        auto expected = expected_basis("O", nullptr);
        XmlElement basis_element = t.tax.child(kRam, "BasisAmount");
        std::optional<bool> holds;
        if (expected) {
          if (!basis_element) {
            holds = false;
          } else if (auto basis = untyped_double(basis_element)) {
            holds = double_equal(*basis, to_double(*expected));
          }
        }
        report_if_failed(holds, kO, 8, t.tax);
        report_if_failed(zero_tax(t.tax), kO, 9, t.tax);
        if (!has_reason(t.tax))
          report(kO, 10, t.tax);
        if (other_than_o_tax_) {
          report(kO, 11, t.tax);
          report(kO, 12, t.tax);
        }
        if (other_than_o_category_) {
          report(kO, 13, t.tax);
          report(kO, 14, t.tax);
        }
      } else {
        // every $rate in ../ram:RateApplicablePercent: the settlement's.
        report_if_failed(rated_basis_holds(kCodes[category], t.settlement, t.settlement), category,
                         8, t.tax);
        if (has_reason(t.tax))
          report(category, 10, t.tax);
      }
      return;
    }
  }

  RuleContext& context_;
  XmlElement root_;
  std::vector<XmlElement> line_settlements_, header_charges_, line_taxes_;
  std::vector<HeaderTax> header_taxes_;
  std::vector<ChargeTax> charge_taxes_;
  std::array<int, kCategoryCount> header_count_{}, line_count_{}, category_count_{};
  bool seller_abs_va_fc_ = false, seller_abs_va_ = false, representative_abs_va_ = false;
  bool seller_va_fc_ = false, seller_va_ = false, representative_va_ = false;
  bool buyer_va_ = false, buyer_legal_ = false;
  bool delivery_date_ = false, ship_to_country_ = false;
  bool other_than_o_tax_ = false, other_than_o_category_ = false;
  bool code_b_ = false, code_s_ = false, country_not_it_ = false;
};

}  // namespace einvoice::validation::vat_category
