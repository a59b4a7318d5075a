#pragma once

// Internal to the core family: BR-01 ... BR-65 on a UBL Invoice or CreditNote,
// each on the contexts and with the tests of the UBL artefact
// (ubl/schematron/UBL/EN16931-UBL-model.sch, validation-1.3.16). A relative
// context such as "cac:PaymentMeans" matches wherever the element is; a node
// is taken by the first rule of the pattern that matches it (a line's
// cac:InvoicePeriod gets BR-30, never BR-29).

#include <string>
#include <string_view>
#include <vector>

#include "formats/ubl/ubl_namespaces.h"
#include "validation/en16931/core_table.h"
#include "validation/en16931/core_xml.h"
#include "validation/rule_context.h"

namespace einvoice::validation::core {

class UblCore {
 public:
  UblCore(RuleContext& context, XmlElement root) : context_(context), root_(root) {}

  void run() {
    if (!root_ || !(root_.is(ubl::kInvoiceNamespace, ubl::kInvoiceRoot) ||
                    root_.is(ubl::kCreditNoteNamespace, ubl::kCreditNoteRoot)))
      return;
    if (root_.child(kCbc, "TaxCurrencyCode"))
      collect();
    check_root();
    std::vector<XmlElement> ancestors;
    walk(root_, ancestors, [&](XmlElement e, const std::vector<XmlElement>& up) { visit(e, up); });
  }

 private:
  static constexpr std::string_view kCac = ubl::kCacNamespace;
  static constexpr std::string_view kCbc = ubl::kCbcNamespace;

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

  // The cac:TaxCategory children of `e` with a VAT tax scheme.
  static std::vector<XmlElement> vat_categories(XmlElement e) {
    std::vector<XmlElement> out;
    e.for_each_child(kCac, "TaxCategory", [&](XmlElement category) {
      if (has_vat_scheme(category))
        out.push_back(category);
    });
    return out;
  }

  // cbc:ChargeIndicator = false() / true(): nullopt when absent or not a boolean.
  static std::optional<bool> charge_indicator(XmlElement allowance_charge) {
    XmlElement indicator = allowance_charge.child(kCbc, "ChargeIndicator");
    if (!indicator)
      return std::nullopt;
    const std::string text = indicator.text();
    const std::string_view value = xml::trim_xml_space(text);
    if (value == "true" || value == "1")
      return true;
    if (value == "false" || value == "0")
      return false;
    return std::nullopt;
  }

  void report(const Rule& rule, XmlElement at) { context_.report_at(rule, at); }

  // //cac:TaxTotal/cbc:TaxAmount/@currencyID, for BR-53.
  void collect() {
    std::vector<XmlElement> ancestors;
    walk(root_, ancestors, [&](XmlElement e, const std::vector<XmlElement>&) {
      if (e.is(kCac, "TaxTotal")) {
        e.for_each_child(kCbc, "TaxAmount", [&](XmlElement amount) {
          if (auto id = amount.attribute("currencyID"))
            tax_amount_currencies_.push_back(*id);
        });
      }
    });
  }

  // /ubl:Invoice | /cn:CreditNote: BR-01 ... BR-08, BR-10, BR-16, BR-53.
  void check_root() {
    if (!has_content(root_.child(kCbc, "CustomizationID")))
      report(kBr01, root_);
    if (!has_content(root_.child(kCbc, "ID")))
      report(kBr02, root_);
    if (!has_content(root_.child(kCbc, "IssueDate")))
      report(kBr03, root_);
    if (!has_content(root_.child(kCbc, "InvoiceTypeCode")) &&
        !has_content(root_.child(kCbc, "CreditNoteTypeCode")))
      report(kBr04, root_);
    if (!has_content(root_.child(kCbc, "DocumentCurrencyCode")))
      report(kBr05, root_);
    if (!has_content(first(root_, {{kCac, "AccountingSupplierParty"},
                                   {kCac, "Party"},
                                   {kCac, "PartyLegalEntity"},
                                   {kCbc, "RegistrationName"}})))
      report(kBr06, root_);
    if (!has_content(first(root_, {{kCac, "AccountingCustomerParty"},
                                   {kCac, "Party"},
                                   {kCac, "PartyLegalEntity"},
                                   {kCbc, "RegistrationName"}})))
      report(kBr07, root_);
    if (!exists(root_,
                {{kCac, "AccountingSupplierParty"}, {kCac, "Party"}, {kCac, "PostalAddress"}}))
      report(kBr08, root_);
    if (!exists(root_,
                {{kCac, "AccountingCustomerParty"}, {kCac, "Party"}, {kCac, "PostalAddress"}}))
      report(kBr10, root_);
    if (!root_.child(kCac, "InvoiceLine") && !root_.child(kCac, "CreditNoteLine"))
      report(kBr16, root_);
    bool every = true;
    root_.for_each_child(kCbc, "TaxCurrencyCode", [&](XmlElement code) {
      const std::string currency = code.text();
      bool found = false;
      for (const auto& id : tax_amount_currencies_)
        found = found || id == currency;
      every = every && found;
    });
    if (!every)
      report(kBr53, root_);
  }

  void visit(XmlElement e, const std::vector<XmlElement>& up) {
    const std::string_view ns = e.namespace_uri();
    const std::string_view name = e.local_name();
    const XmlElement parent = ancestor(up, 1);
    const XmlElement grandparent = ancestor(up, 2);
    if (ns == kCbc) {
      if (name == "EndpointID" && parent.is(kCac, "Party")) {
        if (grandparent.is(kCac, "AccountingSupplierParty") && !has_attribute(e, "schemeID"))
          report(kBr62, e);
        else if (grandparent.is(kCac, "AccountingCustomerParty") && !has_attribute(e, "schemeID"))
          report(kBr63, e);
      } else if (name == "PrimaryAccountNumberID") {
        if (parent.is(kCac, "CardAccount") && grandparent.is(kCac, "PaymentMeans") &&
            normalized_length(e.text()) > 10)
          report(kBr51, e);
      } else if (name == "ItemClassificationCode") {
        if (parent.is(kCac, "CommodityClassification") && grandparent.is(kCac, "Item") &&
            is_line(ancestor(up, 3)) && !has_attribute(e, "listID"))
          report(kBr65, e);
      } else if (name == "ID") {
        if (parent.is(kCac, "StandardItemIdentification") && grandparent.is(kCac, "Item") &&
            is_line(ancestor(up, 3)) && !has_attribute(e, "schemeID"))
          report(kBr64, e);
      }
      return;
    }
    if (ns != kCac)
      return;
    if (name == "AdditionalDocumentReference") {
      if (!has_content(e.child(kCbc, "ID")))
        report(kBr52, e);
    } else if (name == "PostalAddress") {
      if (parent.is(kCac, "Party") && grandparent.is(kCac, "AccountingCustomerParty")) {
        if (!has_content(first(e, {{kCac, "Country"}, {kCbc, "IdentificationCode"}})))
          report(kBr11, e);
      } else if (parent.is(kCac, "Party") && grandparent.is(kCac, "AccountingSupplierParty")) {
        if (!has_content(first(e, {{kCac, "Country"}, {kCbc, "IdentificationCode"}})))
          report(kBr09, e);
      } else if (parent.is(kCac, "TaxRepresentativeParty")) {
        if (!has_content(first(e, {{kCac, "Country"}, {kCbc, "IdentificationCode"}})))
          report(kBr20, e);
      }
    } else if (name == "Address") {
      if (parent.is(kCac, "DeliveryLocation") && grandparent.is(kCac, "Delivery") &&
          !exists(e, {{kCac, "Country"}, {kCbc, "IdentificationCode"}}))
        report(kBr57, e);
    } else if (name == "AllowanceCharge") {
      check_allowance_charge(e, parent);
    } else if (name == "LegalMonetaryTotal") {
      if (!e.child(kCbc, "LineExtensionAmount"))
        report(kBr12, e);
      if (!e.child(kCbc, "TaxExclusiveAmount"))
        report(kBr13, e);
      if (!e.child(kCbc, "TaxInclusiveAmount"))
        report(kBr14, e);
      if (!e.child(kCbc, "PayableAmount"))
        report(kBr15, e);
    } else if (name == "InvoiceLine" || name == "CreditNoteLine") {
      check_line(e);
    } else if (name == "InvoicePeriod") {
      check_period(e, is_line(parent) ? kBr30 : kBr29);
    } else if (name == "AdditionalItemProperty") {
      if (!e.child(kCbc, "Name") || !e.child(kCbc, "Value"))
        report(kBr54, e);
    } else if (name == "PayeeParty") {
      check_payee(e, parent);
    } else if (name == "PayeeFinancialAccount") {
      if (parent.is(kCac, "PaymentMeans") && credit_transfer_code(parent) &&
          !has_content(e.child(kCbc, "ID")))
        report(kBr50, e);
    } else if (name == "PaymentMeans") {
      check_payment_means(e);
    } else if (name == "BillingReference") {
      if (!exists(e, {{kCac, "InvoiceDocumentReference"}, {kCbc, "ID"}}))
        report(kBr55, e);
    } else if (name == "TaxRepresentativeParty") {
      if (!has_content(first(e, {{kCac, "PartyName"}, {kCbc, "Name"}})))
        report(kBr18, e);
      if (!e.child(kCac, "PostalAddress"))
        report(kBr19, e);
      bool vat = false;
      e.for_each_child(kCac, "PartyTaxScheme", [&](XmlElement scheme) {
        vat = vat || (has_vat_scheme(scheme) && scheme.child(kCbc, "CompanyID"));
      });
      if (!vat)
        report(kBr56, e);
    } else if (name == "TaxSubtotal") {
      if (parent.is(kCac, "TaxTotal"))
        check_subtotal(e);
    }
  }

  // cac:PaymentMeans[cbc:PaymentMeansCode='30' or cbc:PaymentMeansCode='58'].
  static bool credit_transfer_code(XmlElement means) {
    bool found = false;
    means.for_each_child(kCbc, "PaymentMeansCode", [&](XmlElement code) {
      const std::string text = code.text();
      found = found || text == "30" || text == "58";
    });
    return found;
  }

  // BR-31 ... BR-33, BR-36 ... BR-38 (document level), BR-41 ... BR-44 (line).
  void check_allowance_charge(XmlElement e, XmlElement parent) {
    const bool document_level = same(parent, root_);
    if (!document_level && !is_line(parent))
      return;
    auto charge = charge_indicator(e);
    if (!charge)
      return;
    const bool amount = static_cast<bool>(e.child(kCbc, "Amount"));
    const bool reason =
        e.child(kCbc, "AllowanceChargeReason") || e.child(kCbc, "AllowanceChargeReasonCode");
    if (document_level) {
      bool category = false;
      for (XmlElement c : vat_categories(e))
        category = category || c.child(kCbc, "ID");
      if (!amount)
        report(*charge ? kBr36 : kBr31, e);
      if (!category)
        report(*charge ? kBr37 : kBr32, e);
      if (!reason)
        report(*charge ? kBr38 : kBr33, e);
    } else {
      if (!amount)
        report(*charge ? kBr43 : kBr41, e);
      if (!reason)
        report(*charge ? kBr44 : kBr42, e);
    }
  }

  // cac:InvoiceLine | cac:CreditNoteLine: BR-21 ... BR-28.
  void check_line(XmlElement line) {
    if (!has_content(line.child(kCbc, "ID")))
      report(kBr21, line);
    XmlElement invoiced = line.child(kCbc, "InvoicedQuantity");
    XmlElement credited = line.child(kCbc, "CreditedQuantity");
    if (!invoiced && !credited)
      report(kBr22, line);
    if (!has_attribute(invoiced, "unitCode") && !has_attribute(credited, "unitCode"))
      report(kBr23, line);
    if (!line.child(kCbc, "LineExtensionAmount"))
      report(kBr24, line);
    if (!has_content(first(line, {{kCac, "Item"}, {kCbc, "Name"}})))
      report(kBr25, line);
    const auto prices = select(line, {{kCac, "Price"}, {kCbc, "PriceAmount"}});
    if (prices.empty())
      report(kBr26, line);
    auto net = some_not_negative(prices);
    if (net && !*net)
      report(kBr27, line);
    const auto bases =
        select(line, {{kCac, "Price"}, {kCac, "AllowanceCharge"}, {kCbc, "BaseAmount"}});
    if (!bases.empty()) {
      auto gross = some_not_negative(bases);
      if (gross && !*gross)
        report(kBr28, line);
    }
  }

  // BR-29 / BR-30: xs:date(cbc:EndDate) >= xs:date(cbc:StartDate) when both exist.
  void check_period(XmlElement period, const Rule& rule) {
    XmlElement start = period.child(kCbc, "StartDate");
    XmlElement end = period.child(kCbc, "EndDate");
    if (!start || !end)
      return;
    auto from = xs_date_minutes(start.text());
    auto to = xs_date_minutes(end.text());
    if (from && to && *to < *from)
      report(rule, period);
  }

  // BR-17: a payee name that is not the seller's, and an identifier that is
  // not the seller's.
  void check_payee(XmlElement payee, XmlElement parent) {
    const auto names = select(payee, {{kCac, "PartyName"}, {kCbc, "Name"}});
    bool holds = !names.empty();
    if (holds) {
      const auto seller_names = select(parent, {{kCac, "AccountingSupplierParty"},
                                                {kCac, "Party"},
                                                {kCac, "PartyName"},
                                                {kCbc, "Name"}});
      const auto ids = select(payee, {{kCac, "PartyIdentification"}, {kCbc, "ID"}});
      const auto seller_ids = select(parent, {{kCac, "AccountingSupplierParty"},
                                              {kCac, "Party"},
                                              {kCac, "PartyIdentification"},
                                              {kCbc, "ID"}});
      holds = !any_equal(texts_of(names), texts_of(seller_names)) &&
              !any_equal(texts_of(ids), texts_of(seller_ids));
    }
    if (!holds)
      report(kBr17, payee);
  }

  // cac:PaymentMeans: BR-49, BR-61.
  void check_payment_means(XmlElement means) {
    XmlElement code = means.child(kCbc, "PaymentMeansCode");
    if (!code)
      report(kBr49, means);
    const std::string text = code ? normalize_space(code.text()) : std::string();
    if ((text == "30" || text == "58") &&
        !exists(means, {{kCac, "PayeeFinancialAccount"}, {kCbc, "ID"}}))
      report(kBr61, means);
  }

  // cac:TaxTotal/cac:TaxSubtotal: BR-45 ... BR-48.
  void check_subtotal(XmlElement subtotal) {
    if (!subtotal.child(kCbc, "TaxableAmount"))
      report(kBr45, subtotal);
    if (!subtotal.child(kCbc, "TaxAmount"))
      report(kBr46, subtotal);
    bool id = false, percent = false, outside = false;
    for (XmlElement category : vat_categories(subtotal)) {
      XmlElement code = category.child(kCbc, "ID");
      id = id || code;
      percent = percent || category.child(kCbc, "Percent");
      outside = outside || normalize_space(code ? code.text() : std::string()) == "O";
    }
    if (!id)
      report(kBr47, subtotal);
    if (!percent && !outside)
      report(kBr48, subtotal);
  }

  RuleContext& context_;
  XmlElement root_;
  std::vector<std::string> tax_amount_currencies_;
};

}  // namespace einvoice::validation::core
