#include "validation/locator.h"

#include <string_view>

#include "formats/cii/cii_namespaces.h"
#include "formats/ubl/ubl_namespaces.h"

namespace einvoice::validation {

using xml::XmlElement;

namespace {

constexpr std::string_view kRam = cii::kRamNamespace;
constexpr std::string_view kRsm = cii::kRsmNamespace;
constexpr std::string_view kCac = ubl::kCacNamespace;
constexpr std::string_view kCbc = ubl::kCbcNamespace;

// The `index`-th child of `parent` named {ns}local that satisfies `keep`.
template <class Keep>
XmlElement nth_child(XmlElement parent, std::string_view ns, std::string_view local, int index,
                     Keep&& keep) {
  if (!parent)
    return {};
  int seen = 0;
  for (XmlElement c = parent.first_element_child(); c; c = c.next_element_sibling()) {
    if (!c.is(ns, local) || !keep(c))
      continue;
    if (seen++ == index)
      return c;
  }
  return {};
}

XmlElement nth_child(XmlElement parent, std::string_view ns, std::string_view local, int index) {
  return nth_child(parent, ns, local, index, [](XmlElement) { return true; });
}

// Walks down `steps` from `from`, remembering in `nearest` the last element
// found; null when a step is missing.
XmlElement descend(XmlElement from, std::string_view ns,
                   std::initializer_list<std::string_view> steps, XmlElement& nearest) {
  XmlElement at = from;
  for (std::string_view step : steps) {
    if (!at)
      return {};
    nearest = at;
    at = at.child(ns, step);
  }
  if (at)
    nearest = at;
  return at;
}

bool cii_is_charge(XmlElement allowance_charge, bool charge) {
  XmlElement indicator = allowance_charge.path(kRam, {"ChargeIndicator"});
  XmlElement value = indicator.first_element_child();
  std::string text(xml::trim_xml_space(value.text()));
  return (text == "true" || text == "1") == charge;
}

bool ubl_is_charge(XmlElement allowance_charge, bool charge) {
  std::string text(xml::trim_xml_space(allowance_charge.child(kCbc, "ChargeIndicator").text()));
  return (text == "true" || text == "1") == charge;
}

}  // namespace

Locator::Locator(const xml::XmlDocument* document, detect::Syntax syntax, std::string file)
    : document_(document), syntax_(syntax), file_(std::move(file)) {}

model::SourceLocation Locator::locate(XmlElement element) const {
  model::SourceLocation out;
  out.file = file_;
  if (element) {
    out.xpath = element.xpath();
    out.line = element.line();
  }
  return out;
}

XmlElement Locator::find(const Place& place) const {
  if (document_ == nullptr)
    return {};
  XmlElement nearest;
  return syntax_ == detect::Syntax::kCii ? find_cii(place, nearest) : find_ubl(place, nearest);
}

model::SourceLocation Locator::locate(const Place& place) const {
  if (document_ == nullptr)
    return locate(XmlElement());
  XmlElement nearest = document_->root();
  XmlElement found =
      syntax_ == detect::Syntax::kCii ? find_cii(place, nearest) : find_ubl(place, nearest);
  return locate(found ? found : nearest);
}

XmlElement Locator::find_cii(const Place& place, XmlElement& nearest) const {
  XmlElement root = document_->root();
  nearest = root;
  XmlElement transaction = root.child(kRsm, "SupplyChainTradeTransaction");
  XmlElement agreement = transaction.child(kRam, "ApplicableHeaderTradeAgreement");
  XmlElement delivery = transaction.child(kRam, "ApplicableHeaderTradeDelivery");
  XmlElement settlement = transaction.child(kRam, "ApplicableHeaderTradeSettlement");
  auto line = [&]() {
    XmlElement l = nth_child(transaction, kRam, "IncludedSupplyChainTradeLineItem", place.line);
    nearest = l ? l : (transaction ? transaction : root);
    return l;
  };
  auto under = [&](XmlElement from, std::initializer_list<std::string_view> steps) {
    if (from)
      nearest = from;
    return descend(from, kRam, steps, nearest);
  };
  switch (place.group) {
    case Group::kDocument:
      return root;
    case Group::kNote:
      return nth_child(root.child(kRsm, "ExchangedDocument"), kRam, "IncludedNote", place.index);
    case Group::kProcessControl:
      return root.child(kRsm, "ExchangedDocumentContext");
    case Group::kPrecedingInvoice:
      return nth_child(settlement, kRam, "InvoiceReferencedDocument", place.index);
    case Group::kSeller:
      return under(agreement, {"SellerTradeParty"});
    case Group::kSellerAddress:
      return under(agreement, {"SellerTradeParty", "PostalTradeAddress"});
    case Group::kSellerContact:
      return under(agreement, {"SellerTradeParty", "DefinedTradeContact"});
    case Group::kBuyer:
      return under(agreement, {"BuyerTradeParty"});
    case Group::kBuyerAddress:
      return under(agreement, {"BuyerTradeParty", "PostalTradeAddress"});
    case Group::kBuyerContact:
      return under(agreement, {"BuyerTradeParty", "DefinedTradeContact"});
    case Group::kPayee:
      return under(settlement, {"PayeeTradeParty"});
    case Group::kTaxRepresentative:
      return under(agreement, {"SellerTaxRepresentativeTradeParty"});
    case Group::kTaxRepresentativeAddress:
      return under(agreement, {"SellerTaxRepresentativeTradeParty", "PostalTradeAddress"});
    case Group::kDelivery:
      return delivery;
    case Group::kDeliveryAddress:
      return under(delivery, {"ShipToTradeParty", "PostalTradeAddress"});
    case Group::kInvoicingPeriod:
      return under(settlement, {"BillingSpecifiedPeriod"});
    case Group::kPaymentInstructions:
      return under(settlement, {"SpecifiedTradeSettlementPaymentMeans"});
    case Group::kCreditTransfer: {
      int seen = 0;
      for (XmlElement means = settlement.first_element_child(); means;
           means = means.next_element_sibling()) {
        XmlElement account = means.child(kRam, "PayeePartyCreditorFinancialAccount");
        if (means.is(kRam, "SpecifiedTradeSettlementPaymentMeans") && account &&
            seen++ == place.index)
          return account;
      }
      return under(settlement, {"SpecifiedTradeSettlementPaymentMeans"});
    }
    case Group::kCard:
      return under(settlement, {"SpecifiedTradeSettlementPaymentMeans",
                                "ApplicableTradeSettlementFinancialCard"});
    case Group::kDirectDebit:
      return settlement;
    case Group::kDocumentAllowance:
    case Group::kDocumentCharge: {
      bool charge = place.group == Group::kDocumentCharge;
      return nth_child(settlement, kRam, "SpecifiedTradeAllowanceCharge", place.index,
                       [&](XmlElement e) { return cii_is_charge(e, charge); });
    }
    case Group::kTotals:
      return under(settlement, {"SpecifiedTradeSettlementHeaderMonetarySummation"});
    case Group::kVatBreakdown:
      return nth_child(settlement, kRam, "ApplicableTradeTax", place.index);
    case Group::kSupportingDocument:
      return nth_child(agreement, kRam, "AdditionalReferencedDocument", place.index,
                       [](XmlElement e) {
                         auto code = xml::trim_xml_space(e.child(kRam, "TypeCode").text());
                         return code != "130" && code != "50";
                       });
    case Group::kLine:
      return line();
    case Group::kLinePeriod:
      return under(line(), {"SpecifiedLineTradeSettlement", "BillingSpecifiedPeriod"});
    case Group::kLineAllowance:
    case Group::kLineCharge: {
      bool charge = place.group == Group::kLineCharge;
      XmlElement line_settlement = under(line(), {"SpecifiedLineTradeSettlement"});
      return nth_child(line_settlement, kRam, "SpecifiedTradeAllowanceCharge", place.index,
                       [&](XmlElement e) { return cii_is_charge(e, charge); });
    }
    case Group::kPrice:
      return under(line(), {"SpecifiedLineTradeAgreement", "NetPriceProductTradePrice"});
    case Group::kLineVat:
      return under(line(), {"SpecifiedLineTradeSettlement", "ApplicableTradeTax"});
    case Group::kItem:
      return under(line(), {"SpecifiedTradeProduct"});
    case Group::kItemAttribute:
      return nth_child(under(line(), {"SpecifiedTradeProduct"}), kRam,
                       "ApplicableProductCharacteristic", place.index);
  }
  return {};
}

XmlElement Locator::find_ubl(const Place& place, XmlElement& nearest) const {
  XmlElement root = document_->root();
  nearest = root;
  const bool credit_note = syntax_ == detect::Syntax::kUblCreditNote;
  auto under = [&](XmlElement from, std::initializer_list<std::string_view> steps) {
    if (from)
      nearest = from;
    return descend(from, kCac, steps, nearest);
  };
  auto line = [&]() {
    XmlElement l =
        nth_child(root, kCac, credit_note ? "CreditNoteLine" : "InvoiceLine", place.line);
    nearest = l ? l : root;
    return l;
  };
  switch (place.group) {
    case Group::kDocument:
    case Group::kProcessControl:
      return root;
    case Group::kNote:
      return nth_child(root, kCbc, "Note", place.index);
    case Group::kPrecedingInvoice:
      return nth_child(root, kCac, "BillingReference", place.index);
    case Group::kSeller:
      return under(root, {"AccountingSupplierParty"});
    case Group::kSellerAddress:
      return under(root, {"AccountingSupplierParty", "Party", "PostalAddress"});
    case Group::kSellerContact:
      return under(root, {"AccountingSupplierParty", "Party", "Contact"});
    case Group::kBuyer:
      return under(root, {"AccountingCustomerParty"});
    case Group::kBuyerAddress:
      return under(root, {"AccountingCustomerParty", "Party", "PostalAddress"});
    case Group::kBuyerContact:
      return under(root, {"AccountingCustomerParty", "Party", "Contact"});
    case Group::kPayee:
      return under(root, {"PayeeParty"});
    case Group::kTaxRepresentative:
      return under(root, {"TaxRepresentativeParty"});
    case Group::kTaxRepresentativeAddress:
      return under(root, {"TaxRepresentativeParty", "PostalAddress"});
    case Group::kDelivery:
      return under(root, {"Delivery"});
    case Group::kDeliveryAddress:
      return under(root, {"Delivery", "DeliveryLocation", "Address"});
    case Group::kInvoicingPeriod:
      return under(root, {"InvoicePeriod"});
    case Group::kPaymentInstructions:
      return under(root, {"PaymentMeans"});
    case Group::kCreditTransfer: {
      int seen = 0;
      for (XmlElement means = root.first_element_child(); means;
           means = means.next_element_sibling()) {
        if (!means.is(kCac, "PaymentMeans"))
          continue;
        for (XmlElement account = means.first_element_child(); account;
             account = account.next_element_sibling()) {
          if (account.is(kCac, "PayeeFinancialAccount") && seen++ == place.index)
            return account;
        }
      }
      return under(root, {"PaymentMeans"});
    }
    case Group::kCard:
      return under(root, {"PaymentMeans", "CardAccount"});
    case Group::kDirectDebit:
      return under(root, {"PaymentMeans", "PaymentMandate"});
    case Group::kDocumentAllowance:
    case Group::kDocumentCharge: {
      bool charge = place.group == Group::kDocumentCharge;
      return nth_child(root, kCac, "AllowanceCharge", place.index,
                       [&](XmlElement e) { return ubl_is_charge(e, charge); });
    }
    case Group::kTotals:
      return under(root, {"LegalMonetaryTotal"});
    case Group::kVatBreakdown: {
      int seen = 0;
      for (XmlElement total = root.first_element_child(); total;
           total = total.next_element_sibling()) {
        if (!total.is(kCac, "TaxTotal"))
          continue;
        nearest = total;
        for (XmlElement sub = total.first_element_child(); sub; sub = sub.next_element_sibling()) {
          if (sub.is(kCac, "TaxSubtotal") && seen++ == place.index)
            return sub;
        }
      }
      return {};
    }
    case Group::kSupportingDocument:
      return nth_child(root, kCac, "AdditionalDocumentReference", place.index, [](XmlElement e) {
        return xml::trim_xml_space(e.child(kCbc, "DocumentTypeCode").text()) != "130";
      });
    case Group::kLine:
      return line();
    case Group::kLinePeriod:
      return under(line(), {"InvoicePeriod"});
    case Group::kLineAllowance:
    case Group::kLineCharge: {
      bool charge = place.group == Group::kLineCharge;
      return nth_child(line(), kCac, "AllowanceCharge", place.index,
                       [&](XmlElement e) { return ubl_is_charge(e, charge); });
    }
    case Group::kPrice:
      return under(line(), {"Price"});
    case Group::kLineVat:
      return under(line(), {"Item", "ClassifiedTaxCategory"});
    case Group::kItem:
      return under(line(), {"Item"});
    case Group::kItemAttribute:
      return nth_child(under(line(), {"Item"}), kCac, "AdditionalItemProperty", place.index);
  }
  return {};
}

}  // namespace einvoice::validation
