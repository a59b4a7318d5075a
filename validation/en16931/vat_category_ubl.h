#pragma once

// Internal to the VAT category family: the rules on a UBL Invoice or
// CreditNote document, each on the contexts and with the tests of the UBL
// artefact (ubl/schematron/UBL/EN16931-UBL-model.sch, validation-1.3.16).
//
// Contexts: the root (BR-x-01 to BR-x-04, BR-IC-11/12, BR-O-11 to 14, BR-B),
// each /*/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory of the category
// (BR-x-08 to 10), each cac:AllowanceCharge/cac:TaxCategory anywhere
// (BR-x-06/07) and each line's cac:Item/cac:ClassifiedTaxCategory (BR-x-05),
// the last three only when their tax scheme is VAT. The tests differ between
// categories in small ways (which sets carry the VAT filter, how the seller
// and buyer identifiers are looked for); they are spelled out per category.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/ubl/ubl_namespaces.h"
#include "validation/en16931/vat_category_table.h"
#include "validation/en16931/vat_category_xml.h"
#include "validation/rule_context.h"

namespace einvoice::validation::vat_category {

// The categories in kByCategory order and their UNCL 5305 codes.
inline constexpr std::array<std::string_view, kCategoryCount> kCodes = {"S", "Z", "E", "AE", "K",
                                                                        "G", "O", "L", "M"};
enum CategoryIndex { kS, kZ, kE, kAE, kIC, kG, kO, kAF, kAG };

class UblVatCategories {
 public:
  UblVatCategories(RuleContext& context, XmlElement root) : context_(context), root_(root) {}

  void run() {
    if (!root_ || !(root_.is(ubl::kInvoiceNamespace, ubl::kInvoiceRoot) ||
                    root_.is(ubl::kCreditNoteNamespace, ubl::kCreditNoteRoot)))
      return;
    collect();
    check_root();
    for (const Subtotal& s : subtotals_)
      check_subtotal(s);
    for (const Charge& c : charges_)
      check_allowance_charge(c);
    for (const Category& c : classified_) {
      if (c.in_line)
        check_line(c);
    }
  }

 private:
  static constexpr std::string_view kCac = ubl::kCacNamespace;
  static constexpr std::string_view kCbc = ubl::kCbcNamespace;

  // One cac:TaxCategory or cac:ClassifiedTaxCategory.
  struct Category {
    XmlElement element;
    std::string id;   // normalize-space(cbc:ID) (first ID)
    std::string raw;  // cbc:ID as written (first ID)
    int ids = 0;      // number of cbc:ID children
    bool vat = false;
    bool in_line = false;  // parent cac:Item of an InvoiceLine / CreditNoteLine
  };
  struct Charge {
    Category category;
    std::optional<bool> charge;  // cbc:ChargeIndicator of the AllowanceCharge
    bool root_level = false;
  };
  struct Subtotal {
    Category category;
    XmlElement subtotal;
  };
  struct Line {
    XmlElement line;
    bool invoice_line = false;
  };
  struct RootCharge {
    XmlElement element;
    std::optional<bool> charge;
  };

  static bool same(XmlElement a, XmlElement b) { return a.raw() == b.raw(); }

  static bool has_vat_scheme(XmlElement e) {
    bool vat = false;
    e.for_each_child(kCac, "TaxScheme", [&](XmlElement scheme) {
      vat = vat || calculation::normalized_upper_equals(scheme.child(kCbc, "ID").text(), "VAT");
    });
    return vat;
  }

  static Category category_of(XmlElement e) {
    Category c;
    c.element = e;
    for (XmlElement child = e.first_element_child(); child; child = child.next_element_sibling()) {
      if (child.is(kCbc, "ID")) {
        if (c.ids++ == 0) {
          c.raw = child.text();
          c.id = std::string(xml::trim_xml_space(c.raw));
        }
      } else if (!c.vat && child.is(kCac, "TaxScheme")) {
        c.vat = calculation::normalized_upper_equals(child.child(kCbc, "ID").text(), "VAT");
      }
    }
    return c;
  }

  // cbc:ID[normalize-space(.) = code]: how many ID children match.
  static int ids_normalized(const Category& c, std::string_view code) {
    if (c.ids <= 1)
      return c.ids == 1 && c.id == code ? 1 : 0;
    int n = 0;
    c.element.for_each_child(kCbc, "ID",
                             [&](XmlElement id) { n += element_code_is(id, code) ? 1 : 0; });
    return n;
  }

  // cbc:ID = code (no normalisation), any ID child.
  static bool id_raw_is(XmlElement e, std::string_view code) {
    bool found = false;
    e.for_each_child(kCbc, "ID", [&](XmlElement id) { found = found || id.text() == code; });
    return found;
  }
  static bool id_raw_is(const Category& c, std::string_view code) {
    if (c.ids <= 1)
      return c.ids == 1 && c.raw == code;
    return id_raw_is(c.element, code);
  }

  static std::optional<bool> indicator_of(XmlElement allowance_charge) {
    return calculation::boolean_value(allowance_charge.child(kCbc, "ChargeIndicator"));
  }

  // PartyTaxScheme children of `party` with a cbc:CompanyID; `vat_only`
  // requires a VAT tax scheme.
  static bool has_company_id(XmlElement party, bool vat_only) {
    bool found = false;
    party.for_each_child(kCac, "PartyTaxScheme", [&](XmlElement scheme) {
      if (scheme.child(kCbc, "CompanyID") && (!vat_only || has_vat_scheme(scheme)))
        found = true;
    });
    return found;
  }

  void collect() {
    for (XmlElement c = root_.first_element_child(); c; c = c.next_element_sibling()) {
      if (c.is(kCac, "TaxTotal")) {
        c.for_each_child(kCac, "TaxSubtotal", [&](XmlElement subtotal) {
          subtotal.for_each_child(kCac, "TaxCategory", [&](XmlElement category) {
            subtotals_.push_back({category_of(category), subtotal});
          });
        });
      } else if (c.is(kCac, "InvoiceLine")) {
        root_lines_.push_back({c, true});
      } else if (c.is(kCac, "CreditNoteLine")) {
        root_lines_.push_back({c, false});
      } else if (c.is(kCac, "AllowanceCharge")) {
        root_charges_.push_back({c, indicator_of(c)});
      }
    }
    calculation::for_each_descendant(
        root_, XmlElement(), [&](XmlElement e, XmlElement parent, XmlElement grandparent) {
          const std::string_view ns = e.namespace_uri();
          const std::string_view name = e.local_name();
          if (ns == kCbc) {
            if (name == "IdentificationCode" && e.text() != "IT")
              identification_not_it_ = true;
            return;
          }
          if (ns != kCac)
            return;
          if (name == "TaxCategory") {
            Category c = category_of(e);
            b_code_ = b_code_ || id_raw_is(c, "B");
            if (parent.is(kCac, "AllowanceCharge"))
              charges_.push_back({c, indicator_of(parent), same(grandparent, root_)});
            tax_categories_.push_back(std::move(c));
          } else if (name == "ClassifiedTaxCategory") {
            Category c = category_of(e);
            b_code_ = b_code_ || id_raw_is(c, "B");
            classified_s_ = classified_s_ || id_raw_is(c, "S");
            c.in_line = parent.is(kCac, "Item") && (grandparent.is(kCac, "InvoiceLine") ||
                                                    grandparent.is(kCac, "CreditNoteLine"));
            classified_.push_back(std::move(c));
          } else if (name == "InvoiceLine") {
            any_invoice_line_ = true;
            all_invoice_lines_.push_back(e);
          } else if (name == "CreditNoteLine") {
            any_credit_note_line_ = true;
            all_credit_note_lines_.push_back(e);
          } else if (name == "AllowanceCharge") {
            all_allowance_charges_.push_back(e);
          } else if (name == "AccountingSupplierParty") {
            e.for_each_child(kCac, "Party", [&](XmlElement party) {
              supplier_company_ = supplier_company_ || has_company_id(party, false);
              supplier_vat_ = supplier_vat_ || has_company_id(party, true);
            });
          } else if (name == "TaxRepresentativeParty") {
            representative_vat_ = representative_vat_ || has_company_id(e, true);
          } else if (name == "AccountingCustomerParty") {
            e.for_each_child(kCac, "Party", [&](XmlElement party) {
              buyer_vat_ = buyer_vat_ || has_company_id(party, true);
              party.for_each_child(kCac, "PartyLegalEntity", [&](XmlElement entity) {
                buyer_legal_ = buyer_legal_ || static_cast<bool>(entity.child(kCbc, "CompanyID"));
              });
            });
          }
        });
  }

  void report(int category, int number, XmlElement at) {
    const Rule* rule = kByCategory[category][number];
    if (rule != nullptr)
      context_.report_at(*rule, at);
  }

  // ---------------------------------------------------------------------
  // The root.

  enum class Kind { kLine, kAllowance, kCharge };
  struct Set {
    Kind kind;
    bool vat = true;         // [cac:TaxScheme ... = 'VAT']
    bool raw_id = false;     // cbc:ID = code instead of normalize-space(cbc:ID) = code
    bool root_only = false;  // (/ubl:Invoice|/cn:CreditNote)/cac:AllowanceCharge
  };

  bool exists(const Set& set, std::string_view code) const {
    auto matches = [&](const Category& c) {
      if (set.vat && !c.vat)
        return false;
      return set.raw_id ? id_raw_is(c, code) : c.id == code;
    };
    if (set.kind == Kind::kLine) {
      for (const Category& c : classified_) {
        if (matches(c))
          return true;
      }
      return false;
    }
    const bool want = set.kind == Kind::kCharge;
    for (const Charge& c : charges_) {
      if (c.charge && *c.charge == want && (!set.root_only || c.root_level) && matches(c.category))
        return true;
    }
    return false;
  }

  // The seller (and buyer) identifiers BR-x-02 to 04 require.
  bool parties_hold(int category) const {
    switch (category) {
      case kAE:
        return (supplier_company_ || representative_vat_) && (buyer_vat_ || buyer_legal_);
      case kIC:
        return (supplier_vat_ || representative_vat_) && buyer_vat_;
      case kG:
        return supplier_vat_ || representative_vat_;
      case kO:
        return !supplier_vat_ && !representative_vat_ && !buyer_vat_;
      default:
        return supplier_company_ || representative_vat_;
    }
  }

  // BR-x-01.
  bool breakdown_present_holds(int category) const {
    const std::string_view code = kCodes[category];
    if (category == kS || category == kAF || category == kAG) {
      const bool vat = category != kS;
      int used = 0;
      for (const Charge& c : charges_)
        used += (c.category.id == code && (!vat || c.category.vat)) ? 1 : 0;
      for (const Category& c : classified_)
        used += (c.id == code && (!vat || c.vat)) ? 1 : 0;
      int first = 0, second = 0;
      for (const Subtotal& s : subtotals_) {
        const Category& c = s.category;
        if (category == kS)
          first += c.id == code ? 1 : 0;
        else if (category == kAF)
          first += id_raw_is(c, code) ? 1 : 0;
        else
          first += (id_raw_is(c, code) && c.vat) ? 1 : 0;
        second += (c.id == code && (!vat || c.vat)) ? 1 : 0;
      }
      return (used > 0 && first > 0) || (used == 0 && second == 0);
    }
    bool used = false;
    for (const Category& c : tax_categories_)
      used = used || (c.vat && ids_normalized(c, code) > 0);
    for (const Category& c : classified_)
      used = used || (c.vat && ids_normalized(c, code) > 0);
    if (!used)
      return true;
    int count = 0;
    for (const Subtotal& s : subtotals_) {
      if (s.category.vat)
        count += ids_normalized(s.category, code);
    }
    return count == 1;
  }

  // BR-x-02 (lines), 03 (allowances), 04 (charges).
  bool identifiers_hold(int category, Kind kind) const {
    const std::string_view code = kCodes[category];
    Set first{kind};
    Set second{kind};
    if (category == kS && kind == Kind::kLine)
      second.vat = false;
    if (category == kG && kind != Kind::kLine)
      first.vat = false;
    if (category == kAF && kind == Kind::kCharge)
      second.raw_id = true;
    if (category == kO && kind != Kind::kLine)
      first.root_only = second.root_only = true;
    return (exists(first, code) && parties_hold(category)) || !exists(second, code);
  }

  bool subtotal_has(std::string_view code) const {
    for (const Subtotal& s : subtotals_) {
      if (s.category.vat && ids_normalized(s.category, code) > 0)
        return true;
    }
    return false;
  }

  void check_root() {
    for (int c = 0; c < kCategoryCount; ++c) {
      if (!breakdown_present_holds(c))
        report(c, 1, root_);
      if (!identifiers_hold(c, Kind::kLine))
        report(c, 2, root_);
      if (!identifiers_hold(c, Kind::kAllowance))
        report(c, 3, root_);
      if (!identifiers_hold(c, Kind::kCharge))
        report(c, 4, root_);
    }

    // BR-IC-11, BR-IC-12.
    if (subtotal_has("K")) {
      bool delivered = false;
      if (XmlElement delivery = root_.child(kCac, "Delivery")) {
        delivered = string_length(delivery.child(kCbc, "ActualDeliveryDate").text()) > 1;
      }
      root_.for_each_child(kCac, "InvoicePeriod", [&](XmlElement period) {
        delivered = delivered || static_cast<bool>(period.first_element_child());
      });
      if (!delivered)
        report(kIC, 11, root_);
      XmlElement country = root_.child(kCac, "Delivery")
                               .child(kCac, "DeliveryLocation")
                               .child(kCac, "Address")
                               .child(kCac, "Country")
                               .child(kCbc, "IdentificationCode");
      if (string_length(country.text()) <= 1)
        report(kIC, 12, root_);
    }

    // BR-O-11 to BR-O-14.
    if (subtotal_has("O")) {
      bool other_breakdown = false, other_line = false, other_allowance = false,
           other_charge = false;
      for (const Subtotal& s : subtotals_)
        other_breakdown = other_breakdown || (s.category.vat && s.category.id != "O");
      for (const Category& c : classified_)
        other_line = other_line || (c.vat && c.id != "O");
      for (const Charge& c : charges_) {
        if (!c.category.vat || c.category.id == "O" || !c.charge)
          continue;
        (*c.charge ? other_charge : other_allowance) = true;
      }
      if (other_breakdown)
        report(kO, 11, root_);
      if (other_line)
        report(kO, 12, root_);
      if (other_allowance)
        report(kO, 13, root_);
      if (other_charge)
        report(kO, 14, root_);
    }

    // BR-B-01, BR-B-02.
    if (b_code_ && identification_not_it_)
      context_.report_at(kBrB01, root_);
    bool b = classified_b(), s = classified_s_;
    for (const Subtotal& sub : subtotals_) {
      b = b || id_raw_is(sub.category, "B");
      s = s || id_raw_is(sub.category, "S");
    }
    for (const RootCharge& c : root_charges_) {
      c.element.for_each_child(kCac, "TaxCategory", [&](XmlElement category) {
        b = b || id_raw_is(category, "B");
        s = s || id_raw_is(category, "S");
      });
    }
    if (b && s)
      context_.report_at(kBrB02, root_);
  }

  bool classified_b() const {
    for (const Category& c : classified_) {
      if (id_raw_is(c, "B"))
        return true;
    }
    return false;
  }

  // string-length(): characters, not bytes.
  static std::size_t string_length(std::string_view text) {
    std::size_t n = 0;
    for (char ch : text)
      n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80 ? 1 : 0;
    return n;
  }

  // ---------------------------------------------------------------------
  // The VAT breakdown.

  static std::optional<Decimal> percent_of(XmlElement category, bool& readable) {
    XmlElement percent = category.child(kCbc, "Percent");
    if (!percent)
      return std::nullopt;
    auto value = Decimal::parse(percent.text());
    if (!value)
      readable = false;
    return value;
  }

  // Whether a line's item has a classified category `code` and, when `rate`
  // is given, a classified category with that percent.
  static bool line_matches(XmlElement line, std::string_view code, const Decimal* rate,
                           bool& readable) {
    bool has_code = false, has_rate = rate == nullptr;
    line.for_each_child(kCac, "Item", [&](XmlElement item) {
      item.for_each_child(kCac, "ClassifiedTaxCategory", [&](XmlElement c) {
        has_code = has_code || element_code_is(c.child(kCbc, "ID"), code);
        if (rate != nullptr) {
          bool ok = true;
          auto percent = percent_of(c, ok);
          if (!ok)
            readable = false;
          has_rate = has_rate || (percent && percent->numerically_equal(*rate));
        }
      });
    });
    return has_code && has_rate;
  }

  static bool charge_matches(XmlElement allowance_charge, std::string_view code,
                             const Decimal* rate, bool& readable) {
    bool has_code = false, has_rate = rate == nullptr;
    allowance_charge.for_each_child(kCac, "TaxCategory", [&](XmlElement c) {
      has_code = has_code || element_code_is(c.child(kCbc, "ID"), code);
      if (rate != nullptr) {
        bool ok = true;
        auto percent = percent_of(c, ok);
        if (!ok)
          readable = false;
        has_rate = has_rate || (percent && percent->numerically_equal(*rate));
      }
    });
    return has_code && has_rate;
  }

  // Σ lines (of one kind) + Σ charges - Σ allowances of the root, for `code`
  // (and `rate`). nullopt when a value cannot be read.
  std::optional<Decimal> basis_sum(bool invoice_lines, std::string_view code,
                                   const Decimal* rate) const {
    bool readable = true;
    std::optional<Decimal> total = Decimal();
    for (const Line& l : root_lines_) {
      if (l.invoice_line != invoice_lines || !line_matches(l.line, code, rate, readable))
        continue;
      if (XmlElement amount = l.line.child(kCbc, "LineExtensionAmount")) {
        auto value = Decimal::parse(amount.text());
        if (!value || !accumulate(total, *value))
          return std::nullopt;
      }
    }
    for (const RootCharge& c : root_charges_) {
      if (!c.charge || !charge_matches(c.element, code, rate, readable))
        continue;
      if (XmlElement amount = c.element.child(kCbc, "Amount")) {
        auto value = Decimal::parse(amount.text());
        if (!value || !accumulate(total, *c.charge ? *value : value->negate()))
          return std::nullopt;
      }
    }
    if (!readable)
      return std::nullopt;
    return total;
  }

  // Whether any line (anywhere) or any allowance/charge (anywhere) has `code` and `rate`.
  bool rate_used(bool invoice_lines, std::string_view code, const Decimal& rate,
                 bool& readable) const {
    for (XmlElement line : invoice_lines ? all_invoice_lines_ : all_credit_note_lines_) {
      if (line_matches(line, code, &rate, readable))
        return true;
    }
    for (XmlElement allowance_charge : all_allowance_charges_) {
      if (charge_matches(allowance_charge, code, &rate, readable))
        return true;
    }
    return false;
  }

  // TaxableAmount - 1 < sum < TaxableAmount + 1, the bounds computed in
  // xs:double (untyped TaxableAmount plus an integer).
  static bool within_one(const std::optional<double>& taxable, const Decimal& sum) {
    if (!taxable)
      return false;
    return compare_exact(*taxable - 1.0, sum) < 0 && compare_exact(*taxable + 1.0, sum) > 0;
  }

  void check_subtotal(const Subtotal& s) {
    const Category& c = s.category;
    if (!c.vat)
      return;
    int category = -1;
    for (int i = 0; i < kCategoryCount; ++i) {
      if (c.id == kCodes[i])
        category = i;
    }
    if (category < 0)
      return;
    const std::string_view code = kCodes[category];
    const bool rated = category == kS || category == kAF || category == kAG;
    XmlElement taxable_element = s.subtotal.child(kCbc, "TaxableAmount");
    XmlElement tax_element = s.subtotal.child(kCbc, "TaxAmount");

    // BR-x-08.
    std::optional<bool> holds;
    if (rated) {
      bool readable = true;
      auto rate = percent_of(c.element, readable);
      if (!readable) {
        holds = std::nullopt;
      } else if (!rate) {
        holds = true;  // every $rate in () satisfies ...
      } else {
        std::optional<double> taxable;
        bool taxable_readable = true;
        if (taxable_element) {
          taxable = untyped_double(taxable_element);
          taxable_readable = taxable.has_value();
        }
        auto invoice_sum = basis_sum(true, code, &*rate);
        auto credit_sum = basis_sum(false, code, &*rate);
        if (taxable_readable && invoice_sum && credit_sum) {
          bool invoice_used = any_invoice_line_, credit_used = any_credit_note_line_;
          if (category == kS) {
            invoice_used = rate_used(true, code, *rate, readable);
            credit_used = rate_used(false, code, *rate, readable);
          }
          if (readable)
            holds = (invoice_used && within_one(taxable, *invoice_sum)) ||
                    (credit_used && within_one(taxable, *credit_sum));
        }
      }
    } else {
      std::optional<Decimal> taxable;
      bool readable = true;
      if (taxable_element) {
        taxable = Decimal::parse(taxable_element.text());
        readable = taxable.has_value();
      }
      auto invoice_sum = basis_sum(true, code, nullptr);
      auto credit_sum = basis_sum(false, code, nullptr);
      if (readable && invoice_sum && credit_sum) {
        holds = (any_invoice_line_ && taxable && taxable->numerically_equal(*invoice_sum)) ||
                (any_credit_note_line_ && taxable && taxable->numerically_equal(*credit_sum));
      }
    }
    if (holds && !*holds)
      report(category, 8, c.element);

    // BR-x-09.
    if (rated) {
      bool readable = true;
      auto rate = percent_of(c.element, readable);
      auto tax = calculation::decimal_of(tax_element);
      auto taxable = calculation::decimal_of(taxable_element);
      if (readable && !tax.unreadable() && !taxable.unreadable()) {
        bool ok = false;
        if (rate && tax.value && taxable.value) {
          auto product = taxable.value->abs().multiply(*rate);  // |T| * P = 100 * |T| * P/100
          auto tax_cents = tax.value->abs().multiply(calculation::hundred());
          if (product && tax_cents) {
            const Decimal cents = calculation::round_integer(*product);
            auto low = tax_cents->subtract(calculation::hundred());
            auto high = tax_cents->add(calculation::hundred());
            ok = low && high && low->compare(cents) < 0 && high->compare(cents) > 0;
          }
        }
        if (!ok)
          report(category, 9, c.element);
      }
    } else {
      auto tax = calculation::decimal_of(tax_element);
      if (!tax.unreadable() && !(tax.value && tax.value->is_zero()))
        report(category, 9, c.element);
    }

    // BR-x-10.
    const bool has_reason = static_cast<bool>(c.element.child(kCbc, "TaxExemptionReason")) ||
                            static_cast<bool>(c.element.child(kCbc, "TaxExemptionReasonCode"));
    const bool reason_required =
        !(category == kS || category == kZ || category == kAF || category == kAG);
    if (has_reason != reason_required)
      report(category, 10, c.element);
  }

  // ---------------------------------------------------------------------
  // BR-x-05 to 07: the rate of a line, allowance or charge category.

  static int category_of_code(const Category& c) {
    if (!c.vat)
      return -1;
    for (int i = 0; i < kCategoryCount; ++i) {
      if (c.id == kCodes[i])
        return i;
    }
    return -1;
  }

  // nullopt when the test cannot be evaluated (unreadable percent).
  static std::optional<bool> rate_holds(int category, XmlElement element) {
    XmlElement percent = element.child(kCbc, "Percent");
    if (category == kO)
      return !percent;
    if (!percent)
      return false;
    const std::string text = percent.text();
    auto value = Decimal::parse(text);
    if (!value)
      return std::nullopt;
    // (cbc:Percent) > 0 and >= 0 compare the untyped node as xs:double;
    // xs:decimal(cbc:Percent) = 0 compares decimals (no negative zero).
    if (category == kS)
      return untyped_sign(*value, text) > 0;
    if (category == kAF || category == kAG)
      return untyped_sign(*value, text) >= 0;
    return value->is_zero();
  }

  void check_allowance_charge(const Charge& c) {
    const int category = category_of_code(c.category);
    if (category < 0 || !c.charge)
      return;
    auto holds = rate_holds(category, c.category.element);
    if (holds && !*holds)
      report(category, *c.charge ? 7 : 6, c.category.element);
  }

  void check_line(const Category& c) {
    const int category = category_of_code(c);
    if (category < 0)
      return;
    auto holds = rate_holds(category, c.element);
    if (holds && !*holds)
      report(category, 5, c.element);
  }

  RuleContext& context_;
  XmlElement root_;
  std::vector<Category> tax_categories_, classified_;
  std::vector<Charge> charges_;
  std::vector<Subtotal> subtotals_;
  std::vector<Line> root_lines_;
  std::vector<RootCharge> root_charges_;
  std::vector<XmlElement> all_invoice_lines_, all_credit_note_lines_, all_allowance_charges_;
  bool any_invoice_line_ = false, any_credit_note_line_ = false;
  bool supplier_company_ = false, supplier_vat_ = false, representative_vat_ = false;
  bool buyer_vat_ = false, buyer_legal_ = false;
  bool identification_not_it_ = false, b_code_ = false, classified_s_ = false;
};

}  // namespace einvoice::validation::vat_category
