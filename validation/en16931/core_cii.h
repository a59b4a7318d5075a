#pragma once

// Internal to the core family: BR-01 ... BR-65 on a CII document, each on the
// contexts and with the tests of the CII artefact
// (cii/schematron/CII/EN16931-CII-model.sch, validation-1.3.16). Contexts
// starting with "//" match wherever the element is, and a node is taken by
// the first rule of the pattern that matches it: a header
// ram:ApplicableTradeTax of category L, M or O (type VAT) is taken by the
// BR-AF/BR-AG/BR-O rules and never sees BR-45 ... BR-48.

#include <string>
#include <string_view>
#include <vector>

#include "formats/cii/cii_namespaces.h"
#include "formats/xml/namespace_test.h"
#include "validation/en16931/core_table.h"
#include "validation/en16931/core_xml.h"
#include "validation/rule_context.h"

namespace einvoice::validation::core {

class CiiCore {
 public:
  CiiCore(RuleContext& context, XmlElement root) : context_(context), root_(root) {}

  void run() {
    if (!root_ || !root_.is(cii::kRsmNamespace, cii::kRootElement))
      return;
    collect_header();
    std::vector<XmlElement> ancestors;
    // //ram:IncludedSupplyChainTradeLineItem: where lines are, else anywhere.
    any_line_ = exists(
        root_, {{kRsm, "SupplyChainTradeTransaction"}, {kRam, "IncludedSupplyChainTradeLineItem"}});
    if (!any_line_) {
      walk(root_, ancestors, [&](XmlElement e, const std::vector<XmlElement>&) {
        any_line_ = any_line_ || e.is(kRam, "IncludedSupplyChainTradeLineItem");
      });
    }
    check_root();
    walk(root_, ancestors, [&](XmlElement e, const std::vector<XmlElement>& up) { visit(e, up); });
  }

 private:
  static constexpr std::string_view kRam = cii::kRamNamespace;
  // Per walk of one document (see NamespaceTest).
  mutable xml::NamespaceTest in_ram_{kRam};
  static constexpr std::string_view kRsm = cii::kRsmNamespace;
  static constexpr std::string_view kUdt = cii::kUdtNamespace;

  void report(const Rule& rule, XmlElement at) { context_.report_at(rule, at); }

  // /rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/
  // ram:ApplicableHeaderTradeSettlement/ram:TaxCurrencyCode and InvoiceCurrencyCode.
  void collect_header() {
    tax_currencies_ = texts_of(select(root_, {{kRsm, "SupplyChainTradeTransaction"},
                                              {kRam, "ApplicableHeaderTradeSettlement"},
                                              {kRam, "TaxCurrencyCode"}}));
    invoice_currencies_ = texts_of(select(root_, {{kRsm, "SupplyChainTradeTransaction"},
                                                  {kRam, "ApplicableHeaderTradeSettlement"},
                                                  {kRam, "InvoiceCurrencyCode"}}));
  }

  // normalize-space(party/ram:URIUniversalCommunication[1]/ram:URIID/@schemeID) != ''
  // or not(party/ram:URIUniversalCommunication), for the seller or the buyer.
  bool electronic_address_holds(std::string_view party) const {
    const auto parties = select(root_, {{kRsm, "SupplyChainTradeTransaction"},
                                        {kRam, "ApplicableHeaderTradeAgreement"},
                                        {kRam, party}});
    bool communication = false;
    for (XmlElement p : parties) {
      XmlElement first_communication = p.child(kRam, "URIUniversalCommunication");
      if (!first_communication)
        continue;
      communication = true;
      XmlElement id = first_communication.child(kRam, "URIID");
      if (id)
        return attribute_has_content(id, "schemeID");
    }
    return !communication;
  }

  // /rsm:CrossIndustryInvoice: BR-01 ... BR-11, BR-16, BR-62, BR-63.
  void check_root() {
    if (!has_content(first(root_, {{kRsm, "ExchangedDocumentContext"},
                                   {kRam, "GuidelineSpecifiedDocumentContextParameter"},
                                   {kRam, "ID"}})))
      report(kBr01, root_);
    if (!has_content(first(root_, {{kRsm, "ExchangedDocument"}, {kRam, "ID"}})))
      report(kBr02, root_);
    bool issue_date = false;
    for (XmlElement s :
         select(root_,
                {{kRsm, "ExchangedDocument"}, {kRam, "IssueDateTime"}, {kUdt, "DateTimeString"}})) {
      auto format = s.attribute("format");
      if (format && *format == "102") {
        issue_date = has_content(s);
        break;
      }
    }
    if (!issue_date)
      report(kBr03, root_);
    if (!has_content(first(root_, {{kRsm, "ExchangedDocument"}, {kRam, "TypeCode"}})))
      report(kBr04, root_);
    if (invoice_currencies_.empty() || !has_content(invoice_currencies_.front()))
      report(kBr05, root_);
    if (!has_content(first(root_, {{kRsm, "SupplyChainTradeTransaction"},
                                   {kRam, "ApplicableHeaderTradeAgreement"},
                                   {kRam, "SellerTradeParty"},
                                   {kRam, "Name"}})))
      report(kBr06, root_);
    if (!has_content(first(root_, {{kRsm, "SupplyChainTradeTransaction"},
                                   {kRam, "ApplicableHeaderTradeAgreement"},
                                   {kRam, "BuyerTradeParty"},
                                   {kRam, "Name"}})))
      report(kBr07, root_);
    if (!exists(root_, {{kRsm, "SupplyChainTradeTransaction"},
                        {kRam, "ApplicableHeaderTradeAgreement"},
                        {kRam, "SellerTradeParty"},
                        {kRam, "PostalTradeAddress"}}))
      report(kBr08, root_);
    if (!has_content(first(root_, {{kRsm, "SupplyChainTradeTransaction"},
                                   {kRam, "ApplicableHeaderTradeAgreement"},
                                   {kRam, "SellerTradeParty"},
                                   {kRam, "PostalTradeAddress"},
                                   {kRam, "CountryID"}})))
      report(kBr09, root_);
    if (!exists(root_, {{kRsm, "SupplyChainTradeTransaction"},
                        {kRam, "ApplicableHeaderTradeAgreement"},
                        {kRam, "BuyerTradeParty"},
                        {kRam, "PostalTradeAddress"}}))
      report(kBr10, root_);
    if (!has_content(first(root_, {{kRsm, "SupplyChainTradeTransaction"},
                                   {kRam, "ApplicableHeaderTradeAgreement"},
                                   {kRam, "BuyerTradeParty"},
                                   {kRam, "PostalTradeAddress"},
                                   {kRam, "CountryID"}})))
      report(kBr11, root_);
    if (!any_line_)
      report(kBr16, root_);
    if (!electronic_address_holds("SellerTradeParty"))
      report(kBr62, root_);
    if (!electronic_address_holds("BuyerTradeParty"))
      report(kBr63, root_);
  }

  // ram:ChargeIndicator[udt:Indicator='false'] (allowance), [...='true'] (charge).
  static std::optional<bool> indicator_charge(XmlElement indicator) {
    bool is_false = false, is_true = false;
    indicator.for_each_child(kUdt, "Indicator", [&](XmlElement value) {
      const std::string text = value.text();
      is_false = is_false || text == "false";
      is_true = is_true || text == "true";
    });
    if (is_false)
      return false;
    if (is_true)
      return true;
    return std::nullopt;
  }

  static bool vat_type(XmlElement tax) {
    return upper_equals(tax.child(kRam, "TypeCode").text(), "VAT");
  }

  // ram:SpecifiedTradeSettlementPaymentMeans[ram:TypeCode='30' or ram:TypeCode='58'].
  static bool credit_transfer_code(XmlElement means) {
    bool found = false;
    means.for_each_child(kRam, "TypeCode", [&](XmlElement code) {
      const std::string text = code.text();
      found = found || text == "30" || text == "58";
    });
    return found;
  }

  void visit(XmlElement e, const std::vector<XmlElement>& up) {
    if (!in_ram_(e))
      return;
    const std::string_view name = e.local_name();
    const XmlElement parent = ancestor(up, 1);
    const XmlElement grandparent = ancestor(up, 2);
    if (name == "DesignatedProductClassification") {
      XmlElement code = e.child(kRam, "ClassCode");
      if (code && !attribute_has_content(code, "listID"))
        report(kBr65, e);
    } else if (name == "AdditionalReferencedDocument") {
      if (!has_content(e.child(kRam, "IssuerAssignedID")))
        report(kBr52, e);
    } else if (name == "ApplicableTradeSettlementFinancialCard") {
      XmlElement id = e.child(kRam, "ID");
      if (id && normalized_length(id.text()) > 10)
        report(kBr51Cii, e);
    } else if (name == "PayeePartyCreditorFinancialAccount") {
      if (parent.is(kRam, "SpecifiedTradeSettlementPaymentMeans") && credit_transfer_code(parent)) {
        XmlElement iban = e.child(kRam, "IBANID");
        XmlElement proprietary = e.child(kRam, "ProprietaryID");
        if (!has_content(iban) && !has_content(proprietary))
          report(kBr50, e);
        if (!iban && !proprietary)
          report(kBr61, e);
      }
    } else if (name == "ApplicableHeaderTradeDelivery") {
      if (up.size() == 2 && parent.is(kRsm, "SupplyChainTradeTransaction")) {
        const auto addresses =
            select(e, {{kRam, "ShipToTradeParty"}, {kRam, "PostalTradeAddress"}});
        if (!addresses.empty() && !has_content(first(e, {{kRam, "ShipToTradeParty"},
                                                         {kRam, "PostalTradeAddress"},
                                                         {kRam, "CountryID"}})))
          report(kBr57, e);
      }
    } else if (name == "ChargeIndicator") {
      if (!parent.is(kRam, "SpecifiedTradeAllowanceCharge"))
        return;
      const bool header = grandparent.is(kRam, "ApplicableHeaderTradeSettlement");
      if (!header && !grandparent.is(kRam, "SpecifiedLineTradeSettlement"))
        return;
      auto charge = indicator_charge(e);
      if (!charge)
        return;
      check_allowance_charge(e, parent, header, *charge);
    } else if (name == "SpecifiedTradeSettlementHeaderMonetarySummation") {
      check_summation(e);
    } else if (name == "IncludedSupplyChainTradeLineItem") {
      check_line(e);
    } else if (name == "BillingSpecifiedPeriod") {
      if (parent.is(kRam, "SpecifiedLineTradeSettlement"))
        check_period(e, kBr30);
      else if (parent.is(kRam, "ApplicableHeaderTradeSettlement"))
        check_period(e, kBr29);
    } else if (name == "ApplicableProductCharacteristic") {
      if (!e.child(kRam, "Description") || !e.child(kRam, "Value"))
        report(kBr54, e);
    } else if (name == "PayeeTradeParty") {
      check_payee(e, grandparent);
    } else if (name == "SpecifiedTradeSettlementPaymentMeans") {
      if (!e.child(kRam, "TypeCode"))
        report(kBr49, e);
    } else if (name == "InvoiceReferencedDocument") {
      if (up.size() == 3 && parent.is(kRam, "ApplicableHeaderTradeSettlement") &&
          grandparent.is(kRsm, "SupplyChainTradeTransaction") &&
          !has_content(e.child(kRam, "IssuerAssignedID")))
        report(kBr55, e);
    } else if (name == "SellerTaxRepresentativeTradeParty") {
      check_tax_representative(e);
    } else if (name == "ApplicableTradeTax") {
      if (parent.is(kRam, "ApplicableHeaderTradeSettlement"))
        check_header_tax(e, grandparent);
    }
  }

  // BR-31 ... BR-33, BR-36 ... BR-38 (header), BR-41 ... BR-44 (line), on the
  // ram:ChargeIndicator.
  void check_allowance_charge(XmlElement indicator, XmlElement allowance_charge, bool header,
                              bool charge) {
    const bool amount = static_cast<bool>(allowance_charge.child(kRam, "ActualAmount"));
    const bool reason =
        allowance_charge.child(kRam, "Reason") || allowance_charge.child(kRam, "ReasonCode");
    if (header) {
      bool category = false;
      allowance_charge.for_each_child(kRam, "CategoryTradeTax", [&](XmlElement tax) {
        category = category || (vat_type(tax) && tax.child(kRam, "CategoryCode"));
      });
      if (!amount)
        report(charge ? kBr36 : kBr31, indicator);
      if (!category)
        report(charge ? kBr37 : kBr32, indicator);
      if (!reason)
        report(charge ? kBr38 : kBr33, indicator);
    } else {
      if (!amount)
        report(charge ? kBr43 : kBr41, indicator);
      if (!reason)
        report(charge ? kBr44 : kBr42, indicator);
    }
  }

  // BR-12 ... BR-15 and BR-53 on each monetary summation.
  void check_summation(XmlElement summation) {
    if (!summation.child(kRam, "LineTotalAmount"))
      report(kBr12, summation);
    if (!summation.child(kRam, "TaxBasisTotalAmount"))
      report(kBr13, summation);
    if (!summation.child(kRam, "GrandTotalAmount"))
      report(kBr14, summation);
    if (!summation.child(kRam, "DuePayableAmount"))
      report(kBr15, summation);
    if (tax_currencies_.empty())
      return;
    std::vector<std::string> ids;
    summation.for_each_child(kRam, "TaxTotalAmount", [&](XmlElement amount) {
      if (auto id = amount.attribute("currencyID"))
        ids.push_back(*id);
    });
    if (!any_equal(ids, tax_currencies_) || any_equal(tax_currencies_, invoice_currencies_))
      report(kBr53, summation);
  }

  // //ram:IncludedSupplyChainTradeLineItem: BR-21 ... BR-28, BR-64.
  void check_line(XmlElement line) {
    if (!has_content(first(line, {{kRam, "AssociatedDocumentLineDocument"}, {kRam, "LineID"}})))
      report(kBr21, line);
    const XmlElement quantity =
        first(line, {{kRam, "SpecifiedLineTradeDelivery"}, {kRam, "BilledQuantity"}});
    if (!quantity)
      report(kBr22, line);
    bool unit = false;
    for (XmlElement q :
         select(line, {{kRam, "SpecifiedLineTradeDelivery"}, {kRam, "BilledQuantity"}}))
      unit = unit || has_attribute(q, "unitCode");
    if (!unit)
      report(kBr23, line);
    if (!exists(line, {{kRam, "SpecifiedLineTradeSettlement"},
                       {kRam, "SpecifiedTradeSettlementLineMonetarySummation"},
                       {kRam, "LineTotalAmount"}}))
      report(kBr24, line);
    if (!has_content(first(line, {{kRam, "SpecifiedTradeProduct"}, {kRam, "Name"}})))
      report(kBr25, line);
    const auto net = select(line, {{kRam, "SpecifiedLineTradeAgreement"},
                                   {kRam, "NetPriceProductTradePrice"},
                                   {kRam, "ChargeAmount"}});
    if (net.empty())
      report(kBr26, line);
    auto net_holds = some_not_negative(net);
    if (net_holds && !*net_holds)
      report(kBr27, line);
    const auto gross = select(line, {{kRam, "SpecifiedLineTradeAgreement"},
                                     {kRam, "GrossPriceProductTradePrice"},
                                     {kRam, "ChargeAmount"}});
    if (!gross.empty()) {
      auto gross_holds = some_not_negative(gross);
      if (gross_holds && !*gross_holds)
        report(kBr28, line);
    }
    const XmlElement global_id = first(line, {{kRam, "SpecifiedTradeProduct"}, {kRam, "GlobalID"}});
    if (global_id && !attribute_has_content(global_id, "schemeID"))
      report(kBr64, line);
  }

  // The udt:DateTimeString[@format = '102'] strings of period/ram:{local}.
  static std::vector<std::string> period_strings(XmlElement period, std::string_view local) {
    std::vector<std::string> out;
    for (XmlElement s : select(period, {{kRam, local}, {kUdt, "DateTimeString"}})) {
      auto format = s.attribute("format");
      if (format && *format == "102")
        out.push_back(s.text());
    }
    return out;
  }

  // BR-29 / BR-30: end >= start as strings, when both dates are given.
  void check_period(XmlElement period, const Rule& rule) {
    if (!period.child(kRam, "StartDateTime") || !period.child(kRam, "EndDateTime"))
      return;
    const auto starts = period_strings(period, "StartDateTime");
    const auto ends = period_strings(period, "EndDateTime");
    for (const auto& end : ends) {
      for (const auto& start : starts) {
        if (end >= start)
          return;
      }
    }
    report(rule, period);
  }

  // BR-17: a payee name, and neither the name, the ID nor the legal
  // organisation ID equal to the seller's.
  void check_payee(XmlElement payee, XmlElement transaction) {
    const auto names = select(payee, {{kRam, "Name"}});
    bool holds = !names.empty();
    if (holds) {
      const auto seller = select(
          transaction, {{kRam, "ApplicableHeaderTradeAgreement"}, {kRam, "SellerTradeParty"}});
      std::vector<std::string> seller_names, seller_ids, seller_legal_ids;
      for (XmlElement s : seller) {
        for (const auto& t : texts_of(select(s, {{kRam, "Name"}})))
          seller_names.push_back(t);
        for (const auto& t : texts_of(select(s, {{kRam, "ID"}})))
          seller_ids.push_back(t);
        for (const auto& t :
             texts_of(select(s, {{kRam, "SpecifiedLegalOrganization"}, {kRam, "ID"}})))
          seller_legal_ids.push_back(t);
      }
      holds =
          !any_equal(texts_of(names), seller_names) &&
          !any_equal(texts_of(select(payee, {{kRam, "ID"}})), seller_ids) &&
          !any_equal(texts_of(select(payee, {{kRam, "SpecifiedLegalOrganization"}, {kRam, "ID"}})),
                     seller_legal_ids);
    }
    if (!holds)
      report(kBr17, payee);
  }

  // //ram:SellerTaxRepresentativeTradeParty: BR-18, BR-19, BR-20, BR-56.
  void check_tax_representative(XmlElement party) {
    if (!has_content(party.child(kRam, "Name")))
      report(kBr18, party);
    if (!party.child(kRam, "PostalTradeAddress"))
      report(kBr19, party);
    if (!has_content(first(party, {{kRam, "PostalTradeAddress"}, {kRam, "CountryID"}})))
      report(kBr20, party);
    XmlElement vat_id;
    for (XmlElement id : select(party, {{kRam, "SpecifiedTaxRegistration"}, {kRam, "ID"}})) {
      auto scheme = id.attribute("schemeID");
      if (scheme && *scheme == "VA") {
        vat_id = id;
        break;
      }
    }
    if (!has_content(vat_id))
      report(kBr56, party);
  }

  // BR-45 ... BR-48 on each header ram:ApplicableTradeTax not taken by an
  // earlier rule of the pattern.
  void check_header_tax(XmlElement tax, XmlElement grandparent) {
    const bool vat = vat_type(tax);
    if (vat && grandparent.is(kRsm, "SupplyChainTradeTransaction")) {
      bool taken = false;
      tax.for_each_child(kRam, "CategoryCode", [&](XmlElement code) {
        const std::string text = code.text();
        taken = taken || text == "L" || text == "M" || text == "O";
      });
      if (taken)
        return;
    }
    if (!tax.child(kRam, "BasisAmount"))
      report(kBr45, tax);
    if (!tax.child(kRam, "CalculatedAmount"))
      report(kBr46, tax);
    bool category = false, outside = false;
    tax.for_each_child(kRam, "CategoryCode", [&](XmlElement code) {
      category = true;
      outside = outside || code.text() == "O";
    });
    if (!vat || !category)
      report(kBr47, tax);
    if (!vat || (!tax.child(kRam, "RateApplicablePercent") && !outside))
      report(kBr48, tax);
  }

  RuleContext& context_;
  XmlElement root_;
  std::vector<std::string> tax_currencies_, invoice_currencies_;
  bool any_line_ = false;
};

}  // namespace einvoice::validation::core
