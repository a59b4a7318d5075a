#pragma once

// Internal to the VAT category family: the rules on an invoice built from
// data (no document), on the model, with the arithmetic of the artefact of
// the invoice's syntax (calculation::Flavour). A category code is compared
// after trimming XML spaces. A rule whose inputs are absent does not fire
// unless the rule is about their absence (a missing rate of a standard rated
// line, a missing tax amount, ...), as in the artefacts.

#include <optional>
#include <string_view>
#include <vector>

#include "model/invoice.h"
#include "validation/en16931/calculation_arithmetic.h"
#include "validation/en16931/vat_category_table.h"
#include "validation/en16931/vat_category_ubl.h"
#include "validation/en16931/vat_category_xml.h"
#include "validation/rule_context.h"

namespace einvoice::validation::vat_category {

class ModelVatCategories {
 public:
  explicit ModelVatCategories(RuleContext& context)
      : context_(context), invoice_(context.invoice()), cii_(context.is_cii()) {}

  void run() {
    for (int c = 0; c < kCategoryCount; ++c)
      check_category(c);
    for (std::size_t i = 0; i < invoice_.vat_breakdowns.size(); ++i)
      check_breakdown(static_cast<int>(i));
    check_split_payment();
  }

 private:
  static bool is(const model::Code& code, std::string_view expected) {
    return code && code_is(*code, expected);
  }
  static bool present(const model::Text& text) { return text.has_value(); }

  void report(int category, int number, const Place& place) {
    const Rule* rule = kByCategory[category][number];
    if (rule != nullptr)
      context_.report(*rule, place);
  }

  bool parties_hold(int category) const {
    const model::Seller& seller = invoice_.seller;
    const bool seller_vat = present(seller.vat_identifier);
    const bool seller_any = seller_vat || present(seller.tax_registration_identifier);
    const bool representative =
        invoice_.tax_representative && present(invoice_.tax_representative->vat_identifier);
    const bool buyer_vat = present(invoice_.buyer.vat_identifier);
    switch (category) {
      case kAE:
        return (seller_any || representative) &&
               (buyer_vat || invoice_.buyer.legal_registration_identifier.has_value());
      case kIC:
        return (seller_vat || representative) && buyer_vat;
      case kG:
        return seller_vat || representative;
      case kO:
        return !seller_vat && !representative && !buyer_vat;
      default:
        return seller_any || representative;
    }
  }

  // BR-x-05 to 07 on one rate.
  bool rate_holds(int category, const model::Amount& rate) const {
    if (category == kO)
      return !rate;
    if (!rate)
      return false;
    const auto order = rate->compare(Decimal());
    if (category == kS || (category == kAF && cii_))  // CII: IGIC rates > 0
      return order > 0;
    if (category == kAF || category == kAG)
      return order >= 0;
    return order == 0;
  }

  // BR-x-01 to BR-x-07 for one category.
  void check_category(int category) {
    const std::string_view code = kCodes[category];
    bool lines = false, allowances = false, charges = false;
    for (std::size_t l = 0; l < invoice_.lines.size(); ++l) {
      const auto& line = invoice_.lines[l];
      if (!is(line.vat.category_code, code))
        continue;
      lines = true;
      if (!rate_holds(category, line.vat.rate))
        report(category, 5, in_line(static_cast<int>(l), Group::kLineVat));
    }
    for (std::size_t i = 0; i < invoice_.allowances.size(); ++i) {
      if (!is(invoice_.allowances[i].vat_category_code, code))
        continue;
      allowances = true;
      if (!rate_holds(category, invoice_.allowances[i].vat_rate))
        report(category, 6, at(Group::kDocumentAllowance, static_cast<int>(i)));
    }
    for (std::size_t i = 0; i < invoice_.charges.size(); ++i) {
      if (!is(invoice_.charges[i].vat_category_code, code))
        continue;
      charges = true;
      if (!rate_holds(category, invoice_.charges[i].vat_rate))
        report(category, 7, at(Group::kDocumentCharge, static_cast<int>(i)));
    }
    int breakdowns = 0;
    for (const auto& b : invoice_.vat_breakdowns)
      breakdowns += is(b.category_code, code) ? 1 : 0;
    const bool used = lines || allowances || charges;
    bool breakdown_holds = true;
    if ((category == kS || category == kAF || category == kAG) && cii_) {
      // (count(lines) + count(breakdowns) >= 2 or no line) and the same for
      // allowances and charges.
      int line_count = 0, charge_count = 0;
      for (const auto& line : invoice_.lines)
        line_count += is(line.vat.category_code, code) ? 1 : 0;
      for (const auto& a : invoice_.allowances)
        charge_count += is(a.vat_category_code, code) ? 1 : 0;
      for (const auto& c : invoice_.charges)
        charge_count += is(c.vat_category_code, code) ? 1 : 0;
      breakdown_holds = (line_count + breakdowns >= 2 || line_count == 0) &&
                        (charge_count + breakdowns >= 2 || charge_count == 0);
    } else if (category == kS || category == kAF || category == kAG)
      breakdown_holds = used ? breakdowns > 0 : breakdowns == 0;
    else if (cii_)
      breakdown_holds = (breakdowns == 0 && !used) || (breakdowns == 1 && used) ||
                        (category == kO && breakdowns == 0);
    else
      breakdown_holds = !(used || breakdowns > 0) || breakdowns == 1;
    if (!breakdown_holds)
      report(category, 1, at(Group::kDocument));
    if (!parties_hold(category)) {
      if (lines)
        report(category, 2, at(Group::kDocument));
      if (allowances)
        report(category, 3, at(Group::kDocument));
      if (charges)
        report(category, 4, at(Group::kDocument));
    }
  }

  // Σ lines + Σ charges - Σ allowances of `code` (and `rate`), each sum
  // rounded to cents when `rounded` (absent amounts count as nothing).
  // nullopt on overflow, which fails the rule (see calculation::Verdict).
  std::optional<Decimal> basis_of(std::string_view code, const Decimal* rate, bool rounded) const {
    auto matches = [&](const model::Code& c, const model::Amount& r) {
      return is(c, code) && (rate == nullptr || (r && r->numerically_equal(*rate)));
    };
    std::optional<Decimal> lines = Decimal(), charges = Decimal(), allowances = Decimal();
    for (const auto& line : invoice_.lines) {
      if (matches(line.vat.category_code, line.vat.rate) && line.net_amount &&
          !accumulate(lines, *line.net_amount))
        return std::nullopt;
    }
    for (const auto& c : invoice_.charges) {
      if (matches(c.vat_category_code, c.vat_rate) && c.amount && !accumulate(charges, *c.amount))
        return std::nullopt;
    }
    for (const auto& a : invoice_.allowances) {
      if (matches(a.vat_category_code, a.vat_rate) && a.amount &&
          !accumulate(allowances, *a.amount))
        return std::nullopt;
    }
    if (rounded) {
      lines = round_cents(*lines);
      charges = round_cents(*charges);
      allowances = round_cents(*allowances);
    }
    auto sum = lines->add(*charges);
    return sum ? sum->subtract(*allowances) : std::nullopt;
  }

  static bool within_one(const Decimal& value, const Decimal& expected) {
    auto low = value.subtract(Decimal::from_int(1));
    auto high = value.add(Decimal::from_int(1));
    return low && high && low->compare(expected) < 0 && high->compare(expected) > 0;
  }

  void check_breakdown(int index) {
    const model::VatBreakdown& b = invoice_.vat_breakdowns[static_cast<std::size_t>(index)];
    int category = -1;
    for (int c = 0; c < kCategoryCount; ++c) {
      if (is(b.category_code, kCodes[c]))
        category = c;
    }
    if (category < 0)
      return;
    const Place place = at(Group::kVatBreakdown, index);
    const std::string_view code = kCodes[category];
    const bool rated = category == kS || category == kAF || category == kAG;

    // BR-x-08 (an absent taxable amount fails the comparison).
    {
      const model::Amount& taxable = b.taxable_amount;
      std::optional<bool> holds;
      if (rated) {
        if (b.rate && !(cii_ && category != kS)) {
          auto expected = basis_of(code, &*b.rate, cii_);
          holds = expected && taxable &&
                  (cii_ ? taxable->numerically_equal(*expected) : within_one(*taxable, *expected));
        }
      } else {
        auto expected = basis_of(code, nullptr, cii_);
        if (!cii_ || category == kO)
          holds = expected && taxable && taxable->numerically_equal(*expected);
        else
          holds = expected && taxable && within_one(*taxable, *expected);
      }
      if (holds && !*holds)
        report(category, 8, place);
    }

    // BR-x-09.
    if (rated && !(cii_ && category != kS)) {
      if (!b.tax_amount || !b.taxable_amount || !b.rate) {
        report(category, 9, place);
      } else {
        // round(|T| * R / 100 * 100) cents against |A| * 100 +- 100.
        auto product = b.taxable_amount->abs().multiply(*b.rate);
        auto tax_cents = b.tax_amount->abs().multiply(calculation::hundred());
        if (!product || !tax_cents) {
          report(category, 9, place);  // overflow fails the rule
        } else {
          const Decimal cents = calculation::round_integer(*product);
          auto low = tax_cents->subtract(calculation::hundred());
          auto high = tax_cents->add(calculation::hundred());
          if (!low || !high || !(low->compare(cents) < 0 && high->compare(cents) > 0))
            report(category, 9, place);
        }
      }
    } else if (!rated && !(b.tax_amount && b.tax_amount->is_zero())) {
      report(category, 9, place);
    }

    // BR-x-10.
    const bool reason = present(b.exemption_reason) || present(b.exemption_reason_code);
    const bool required = !(category == kS || category == kZ || category == kAF || category == kAG);
    if (reason != required)
      report(category, 10, place);

    const Place root_place = cii_ ? place : at(Group::kDocument);
    if (category == kIC) {
      const bool delivered = (invoice_.delivery && invoice_.delivery->actual_delivery_date) ||
                             (invoice_.invoicing_period && (invoice_.invoicing_period->start_date ||
                                                            invoice_.invoicing_period->end_date));
      if (!delivered)
        report(kIC, 11, root_place);
      const bool country = invoice_.delivery && invoice_.delivery->address &&
                           present(invoice_.delivery->address->country_code);
      if (!country)
        report(kIC, 12, root_place);
    }
    if (category == kO)
      check_not_subject(root_place);
  }

  // BR-O-11 to BR-O-14.
  void check_not_subject(const Place& place) {
    auto other = [](const model::Code& c) { return !(c && code_is(*c, "O")); };
    bool breakdowns = false, lines = false, allowances = false, charges = false;
    for (const auto& b : invoice_.vat_breakdowns)
      breakdowns = breakdowns || other(b.category_code);
    for (const auto& l : invoice_.lines)
      lines = lines || (l.vat.category_code && other(l.vat.category_code));
    for (const auto& a : invoice_.allowances)
      allowances = allowances || (a.vat_category_code && other(a.vat_category_code));
    for (const auto& c : invoice_.charges)
      charges = charges || (c.vat_category_code && other(c.vat_category_code));
    if (cii_) {
      // CII tests any ram:ApplicableTradeTax (11, 12) and any
      // ram:CategoryTradeTax (13, 14) for another code.
      breakdowns = lines = breakdowns || lines;
      allowances = charges = allowances || charges;
    }
    if (breakdowns)
      report(kO, 11, place);
    if (lines)
      report(kO, 12, place);
    if (allowances)
      report(kO, 13, place);
    if (charges)
      report(kO, 14, place);
  }

  // BR-B-01, BR-B-02.
  void check_split_payment() {
    bool b = false, s = false;
    auto note = [&](const model::Code& c) {
      b = b || is(c, "B");
      s = s || is(c, "S");
    };
    for (const auto& v : invoice_.vat_breakdowns)
      note(v.category_code);
    for (const auto& l : invoice_.lines)
      note(l.vat.category_code);
    for (const auto& a : invoice_.allowances)
      note(a.vat_category_code);
    for (const auto& c : invoice_.charges)
      note(c.vat_category_code);
    if (!b)
      return;
    bool foreign = false;
    auto country = [&](const model::Code& c) { foreign = foreign || (c && *c != "IT"); };
    country(invoice_.seller.address.country_code);
    country(invoice_.buyer.address.country_code);
    if (invoice_.tax_representative)
      country(invoice_.tax_representative->address.country_code);
    if (invoice_.delivery && invoice_.delivery->address)
      country(invoice_.delivery->address->country_code);
    if (!cii_) {  // UBL: every cbc:IdentificationCode, the item's origin too
      for (const auto& l : invoice_.lines)
        country(l.item.country_of_origin);
    }
    if (foreign)
      context_.report(kBrB01, at(Group::kDocument));
    if (s)
      context_.report(kBrB02, at(Group::kDocument));
  }

  RuleContext& context_;
  const model::Invoice& invoice_;
  bool cii_;
};

}  // namespace einvoice::validation::vat_category
