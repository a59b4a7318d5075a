// Unit tests of one rule family on hand-built invoices and documents.
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "engine/converter.h"
#include "validation/rule_families.h"
#include "validation/rules.h"

namespace einvoice {
namespace {

std::string ubl_invoice(const std::string& body) {
  return "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\""
         " xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\""
         " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">\n" +
         body + "\n</Invoice>";
}

std::string ubl_credit_note(const std::string& body) {
  return "<CreditNote xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\""
         " xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\""
         " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">\n" +
         body + "\n</CreditNote>";
}

std::string cii_invoice(const std::string& body) {
  return "<rsm:CrossIndustryInvoice"
         " xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\""
         " xmlns:ram=\"urn:un:unece:uncefact:data:standard:"
         "ReusableAggregateBusinessInformationEntity:100\""
         " xmlns:udt=\"urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100\">\n" +
         body + "\n</rsm:CrossIndustryInvoice>";
}

std::map<std::string, int> code_list_counts(const model::Diagnostics& findings) {
  std::map<std::string, int> out;
  for (const auto& d : findings) {
    if (d.rule_id.rfind("BR-CL-", 0) == 0)
      ++out[d.rule_id];
  }
  return out;
}

// BR-CL-* id -> number of findings on the document `xml`.
std::map<std::string, int> xml_counts(const std::string& xml) {
  auto read = engine::read_invoice(xml, "test.xml");
  REQUIRE(read);
  REQUIRE(read->document);
  return code_list_counts(validation::check_rules(read->parsed.invoice, read->source_syntax,
                                                  &*read->document, "test.xml"));
}

// The same on an invoice without a document.
std::map<std::string, int> model_counts(const model::Invoice& invoice, detect::Syntax syntax) {
  return code_list_counts(validation::check_rules(invoice, syntax, nullptr, "model"));
}

using Counts = std::map<std::string, int>;

}  // namespace

TEST_CASE("BR-CL: the rule table lists each code-list rule once", "[validation][code-list]") {
  std::set<std::string_view> ids;
  for (const auto& rule : validation::code_list_rules()) {
    CHECK(rule.id.rfind("BR-CL-", 0) == 0);
    CHECK(rule.flag == validation::kFatal);
    CHECK(rule.message.find("[" + std::string(rule.id) + "]-") == 0);
    CHECK(ids.insert(rule.id).second);
  }
  CHECK(ids.size() == 23);
}

TEST_CASE("BR-CL: UBL document type codes differ for invoices and credit notes",
          "[validation][code-list]") {
  CHECK(xml_counts(ubl_invoice("<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>")).empty());
  CHECK(xml_counts(ubl_invoice("<cbc:InvoiceTypeCode> 380\n</cbc:InvoiceTypeCode>")).empty());
  CHECK(xml_counts(ubl_invoice("<cbc:InvoiceTypeCode>999</cbc:InvoiceTypeCode>")) ==
        Counts{{"BR-CL-01", 1}});
  CHECK(xml_counts(ubl_invoice("<cbc:InvoiceTypeCode></cbc:InvoiceTypeCode>")) ==
        Counts{{"BR-CL-01", 1}});
  // 381 is a credit note code, not an invoice code, in the UBL artefact.
  CHECK(xml_counts(ubl_invoice("<cbc:InvoiceTypeCode>381</cbc:InvoiceTypeCode>")) ==
        Counts{{"BR-CL-01", 1}});
  CHECK(
      xml_counts(ubl_credit_note("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>")).empty());
  CHECK(xml_counts(ubl_credit_note("<cbc:CreditNoteTypeCode>380</cbc:CreditNoteTypeCode>")) ==
        Counts{{"BR-CL-01", 1}});
}

TEST_CASE("BR-CL: UBL currency codes, with and without currencyID", "[validation][code-list]") {
  CHECK(
      xml_counts(ubl_invoice("<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>")).empty());
  CHECK(xml_counts(ubl_invoice("<cbc:DocumentCurrencyCode>eur</cbc:DocumentCurrencyCode>")) ==
        Counts{{"BR-CL-04", 1}});
  CHECK(xml_counts(ubl_invoice("<cbc:DocumentCurrencyCode>EU R</cbc:DocumentCurrencyCode>")) ==
        Counts{{"BR-CL-04", 1}});
  CHECK(xml_counts(ubl_invoice("<cbc:TaxCurrencyCode>XXX1</cbc:TaxCurrencyCode>")) ==
        Counts{{"BR-CL-05", 1}});
  // Amounts: every listed amount element is a context, currencyID or not.
  CHECK(xml_counts(ubl_invoice("<cac:LegalMonetaryTotal>"
                               "<cbc:PayableAmount currencyID=\" SEK \">1</cbc:PayableAmount>"
                               "<cbc:PrepaidAmount>1</cbc:PrepaidAmount>"
                               "<cbc:TaxExclusiveAmount currencyID=\"EURO\">1"
                               "</cbc:TaxExclusiveAmount>"
                               "</cac:LegalMonetaryTotal>")) == Counts{{"BR-CL-03", 2}});
}

TEST_CASE("BR-CL: UBL identifier schemes", "[validation][code-list]") {
  const std::string supplier =
      "<cac:AccountingSupplierParty><cac:Party>"
      "<cbc:EndpointID schemeID=\"EM\">a@b.c</cbc:EndpointID>"
      "<cac:PartyIdentification><cbc:ID schemeID=\"SEPA\">X</cbc:ID></cac:PartyIdentification>"
      "<cac:PartyIdentification><cbc:ID schemeID=\"0088\">X</cbc:ID></cac:PartyIdentification>"
      "<cac:PartyIdentification><cbc:ID>X</cbc:ID></cac:PartyIdentification>"
      "<cac:PartyLegalEntity><cbc:CompanyID schemeID=\"0000\">X</cbc:CompanyID>"
      "</cac:PartyLegalEntity>"
      "</cac:Party></cac:AccountingSupplierParty>";
  CHECK(xml_counts(ubl_invoice(supplier)) == Counts{{"BR-CL-11", 1}});
  // SEPA is taken for the seller and the payee only.
  const std::string customer =
      "<cac:AccountingCustomerParty><cac:Party>"
      "<cbc:EndpointID schemeID=\"XX\">a@b.c</cbc:EndpointID>"
      "<cac:PartyIdentification><cbc:ID schemeID=\"SEPA\">X</cbc:ID></cac:PartyIdentification>"
      "</cac:Party></cac:AccountingCustomerParty>";
  CHECK(xml_counts(ubl_invoice(customer)) == Counts{{"BR-CL-10", 1}, {"BR-CL-25", 1}});
  // BR-CL-07 only on a document reference typed 130.
  const std::string references =
      "<cac:AdditionalDocumentReference><cbc:ID schemeID=\"QQQ\">1</cbc:ID>"
      "<cbc:DocumentTypeCode>130</cbc:DocumentTypeCode></cac:AdditionalDocumentReference>"
      "<cac:AdditionalDocumentReference><cbc:ID schemeID=\"QQQ\">2</cbc:ID>"
      "</cac:AdditionalDocumentReference>"
      "<cac:AdditionalDocumentReference><cbc:ID schemeID=\"ZZZ\">3</cbc:ID>"
      "<cbc:DocumentTypeCode>130</cbc:DocumentTypeCode></cac:AdditionalDocumentReference>";
  CHECK(xml_counts(ubl_invoice(references)) == Counts{{"BR-CL-07", 1}});
}

TEST_CASE("BR-CL: allowance and charge reasons follow the charge indicator",
          "[validation][code-list]") {
  auto charge = [](const std::string& indicator, const std::string& code) {
    return ubl_invoice("<cac:AllowanceCharge><cbc:ChargeIndicator>" + indicator +
                       "</cbc:ChargeIndicator><cbc:AllowanceChargeReasonCode>" + code +
                       "</cbc:AllowanceChargeReasonCode></cac:AllowanceCharge>");
  };
  CHECK(xml_counts(charge("false", "95")).empty());
  CHECK(xml_counts(charge("false", "FC")) == Counts{{"BR-CL-19", 1}});
  CHECK(xml_counts(charge("true", "FC")).empty());
  CHECK(xml_counts(charge(" true ", "95")) == Counts{{"BR-CL-20", 1}});
  CHECK(xml_counts(charge("0", "FC")) == Counts{{"BR-CL-19", 1}});
  // Not a boolean: neither context matches.
  CHECK(xml_counts(charge("yes", "QQQQ")).empty());
}

TEST_CASE("BR-CL: UBL note subject codes, VATEX, units, MIME codes, countries",
          "[validation][code-list]") {
  CHECK(xml_counts(ubl_invoice("<cbc:Note>#AAI#text</cbc:Note>")).empty());
  CHECK(xml_counts(ubl_invoice("<cbc:Note>#QQQ#text</cbc:Note>")) == Counts{{"BR-CL-08", 1}});
  // Not three characters between the first two '#': not tested.
  CHECK(xml_counts(ubl_invoice("<cbc:Note>#QQQQ#text</cbc:Note>")).empty());
  CHECK(xml_counts(ubl_invoice("<cbc:Note>#QQQ text</cbc:Note>")).empty());
  // contains() on the list string: "A A" is part of " AAA AAB ".
  CHECK(xml_counts(ubl_invoice("<cbc:Note>#A A#text</cbc:Note>")).empty());

  CHECK(xml_counts(ubl_invoice("<cac:TaxTotal><cac:TaxSubtotal><cac:TaxCategory>"
                               "<cbc:ID>E</cbc:ID>"
                               "<cbc:TaxExemptionReasonCode>vatex-eu-132-1a"
                               "</cbc:TaxExemptionReasonCode>"
                               "</cac:TaxCategory></cac:TaxSubtotal></cac:TaxTotal>"))
            .empty());
  CHECK(xml_counts(ubl_invoice("<cac:TaxTotal><cac:TaxSubtotal><cac:TaxCategory>"
                               "<cbc:ID>X</cbc:ID>"
                               "<cbc:TaxExemptionReasonCode>VATEX-EU-999"
                               "</cbc:TaxExemptionReasonCode>"
                               "</cac:TaxCategory></cac:TaxSubtotal></cac:TaxTotal>")) ==
        Counts{{"BR-CL-17", 1}, {"BR-CL-22", 1}});

  CHECK(xml_counts(ubl_invoice("<cac:InvoiceLine>"
                               "<cbc:InvoicedQuantity unitCode=\"C62\">1</cbc:InvoicedQuantity>"
                               "<cac:Price><cbc:BaseQuantity unitCode=\"ZZZZ\">1</cbc:BaseQuantity>"
                               "</cac:Price>"
                               "<cac:Item><cac:OriginCountry><cbc:IdentificationCode>SS"
                               "</cbc:IdentificationCode></cac:OriginCountry>"
                               "<cac:ClassifiedTaxCategory><cbc:ID>s</cbc:ID>"
                               "</cac:ClassifiedTaxCategory></cac:Item>"
                               "</cac:InvoiceLine>")) == Counts{{"BR-CL-18", 1}, {"BR-CL-23", 1}});

  CHECK(xml_counts(ubl_invoice("<cac:AdditionalDocumentReference><cbc:ID>1</cbc:ID>"
                               "<cac:Attachment><cbc:EmbeddedDocumentBinaryObject "
                               "mimeCode=\"application/pdf\" filename=\"a.pdf\">QUJD"
                               "</cbc:EmbeddedDocumentBinaryObject></cac:Attachment>"
                               "</cac:AdditionalDocumentReference>"
                               "<cac:AdditionalDocumentReference><cbc:ID>2</cbc:ID>"
                               "<cac:Attachment><cbc:EmbeddedDocumentBinaryObject "
                               "mimeCode=\"application/PDF\" filename=\"b.pdf\">QUJD"
                               "</cbc:EmbeddedDocumentBinaryObject></cac:Attachment>"
                               "</cac:AdditionalDocumentReference>")) == Counts{{"BR-CL-24", 1}});
}

TEST_CASE("BR-CL: CII contexts", "[validation][code-list]") {
  CHECK(xml_counts(cii_invoice("<rsm:ExchangedDocument><ram:TypeCode>381</ram:TypeCode>"
                               "<ram:IncludedNote><ram:SubjectCode>QQQ</ram:SubjectCode>"
                               "</ram:IncludedNote>"
                               "</rsm:ExchangedDocument>")) == Counts{{"BR-CL-08", 1}});
  CHECK(xml_counts(cii_invoice("<rsm:ExchangedDocument><ram:TypeCode>1</ram:TypeCode>"
                               "</rsm:ExchangedDocument>")) == Counts{{"BR-CL-01", 1}});

  // An item's GlobalID is BR-CL-21, not BR-CL-10; a seller's is BR-CL-10.
  const std::string transaction =
      "<rsm:SupplyChainTradeTransaction>"
      "<ram:IncludedSupplyChainTradeLineItem><ram:SpecifiedTradeProduct>"
      "<ram:GlobalID schemeID=\"9999\">1</ram:GlobalID>"
      "<ram:OriginTradeCountry><ram:ID>AN</ram:ID></ram:OriginTradeCountry>"
      "</ram:SpecifiedTradeProduct>"
      "<ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode=\"H87\">1"
      "</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>"
      "</ram:IncludedSupplyChainTradeLineItem>"
      "<ram:ApplicableHeaderTradeAgreement><ram:SellerTradeParty>"
      "<ram:GlobalID schemeID=\"9998\">1</ram:GlobalID>"
      "<ram:SpecifiedTaxRegistration><ram:ID schemeID=\"VA\">DE1</ram:ID>"
      "</ram:SpecifiedTaxRegistration>"
      "<ram:PostalTradeAddress><ram:CountryID>SS</ram:CountryID></ram:PostalTradeAddress>"
      "</ram:SellerTradeParty></ram:ApplicableHeaderTradeAgreement>"
      "<ram:ApplicableHeaderTradeSettlement>"
      "<ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>"
      "<ram:ApplicableTradeTax><ram:DueDateTypeCode>3</ram:DueDateTypeCode>"
      "<ram:CategoryCode>S</ram:CategoryCode></ram:ApplicableTradeTax>"
      "<ram:SpecifiedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>true"
      "</udt:Indicator></ram:ChargeIndicator><ram:ReasonCode>95</ram:ReasonCode>"
      "<ram:CategoryTradeTax><ram:CategoryCode>Q</ram:CategoryCode></ram:CategoryTradeTax>"
      "</ram:SpecifiedTradeAllowanceCharge>"
      "<ram:SpecifiedTradeSettlementHeaderMonetarySummation>"
      "<ram:TaxTotalAmount currencyID=\"EUR\">1</ram:TaxTotalAmount>"
      "<ram:TaxTotalAmount>1</ram:TaxTotalAmount>"
      "</ram:SpecifiedTradeSettlementHeaderMonetarySummation>"
      "</ram:ApplicableHeaderTradeSettlement>"
      "</rsm:SupplyChainTradeTransaction>";
  // AN is listed by the CII artefact, SS is not; 3 is a UNTDID 2005 code,
  // not one of CII's 2475 codes; the tax registration's scheme is not checked.
  CHECK(xml_counts(cii_invoice(transaction)) == Counts{{"BR-CL-06", 1},
                                                       {"BR-CL-10", 1},
                                                       {"BR-CL-14", 1},
                                                       {"BR-CL-17", 1},
                                                       {"BR-CL-20", 1},
                                                       {"BR-CL-21", 1}});
}

TEST_CASE("BR-CL: without a document the model's codes are checked", "[validation][code-list]") {
  model::Invoice invoice;
  invoice.type_code = "380";
  invoice.currency_code = "EUR";
  invoice.seller.address.country_code = "DE";
  invoice.lines.resize(1);
  invoice.lines[0].invoiced_quantity_unit = "C62";
  invoice.lines[0].vat.category_code = "S";
  CHECK(model_counts(invoice, detect::Syntax::kUblInvoice).empty());
  CHECK(model_counts(invoice, detect::Syntax::kCii).empty());

  invoice.type_code = "381";
  CHECK(model_counts(invoice, detect::Syntax::kUblInvoice) == Counts{{"BR-CL-01", 1}});
  CHECK(model_counts(invoice, detect::Syntax::kUblCreditNote).empty());
  CHECK(model_counts(invoice, detect::Syntax::kCii).empty());

  invoice.currency_code = "";
  invoice.vat_point_date_code = "5";  // a CII code; the model holds UNTDID 2005
  invoice.seller.address.country_code = "SS";
  invoice.lines[0].invoiced_quantity_unit = "ZZZZ";
  invoice.lines[0].item.standard_identifier = model::Identifier{"1", "0088", std::nullopt};
  invoice.lines[0].item.classification_identifiers.push_back(
      model::Identifier{"1", "XX", std::nullopt});
  model::VatBreakdown breakdown;
  breakdown.category_code = "E";
  breakdown.exemption_reason_code = "vatex-eu-g";
  invoice.vat_breakdowns.push_back(breakdown);
  CHECK(
      model_counts(invoice, detect::Syntax::kCii) ==
      Counts{{"BR-CL-04", 1}, {"BR-CL-06", 1}, {"BR-CL-13", 1}, {"BR-CL-14", 1}, {"BR-CL-23", 1}});
  CHECK(model_counts(invoice, detect::Syntax::kUblCreditNote) ==
        Counts{{"BR-CL-04", 1}, {"BR-CL-06", 1}, {"BR-CL-13", 1}, {"BR-CL-23", 1}});

  model::Invoice sepa;
  sepa.seller.identifiers.push_back(model::Identifier{"X", "SEPA", std::nullopt});
  sepa.buyer.identifier = model::Identifier{"X", "SEPA", std::nullopt};
  CHECK(model_counts(sepa, detect::Syntax::kUblInvoice) == Counts{{"BR-CL-10", 1}});
  CHECK(model_counts(sepa, detect::Syntax::kCii) == Counts{{"BR-CL-10", 2}});
}

}  // namespace einvoice
