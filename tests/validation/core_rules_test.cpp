// Unit tests of one rule family on hand-built invoices and documents.
#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <string_view>

#include "engine/converter.h"
#include "model/decimal.h"
#include "validation/rule_families.h"
#include "validation/rules.h"

namespace einvoice {
namespace {

using Counts = std::map<std::string, int>;

// BR-01 ... BR-65 only (not BR-CO-, BR-DEC-, BR-S-, ...).
bool is_core(std::string_view id) {
  return id.size() == 5 && id.substr(0, 3) == "BR-" && id[3] >= '0' && id[3] <= '9';
}

// Core rule id -> number of findings ("BR-51/w" for a warning).
Counts core_counts(const model::Diagnostics& findings) {
  Counts out;
  for (const auto& d : findings) {
    if (is_core(d.rule_id))
      ++out[d.rule_id + (d.severity == model::Severity::kWarning ? "/w" : "")];
  }
  return out;
}

Counts document_counts(const std::string& xml) {
  auto read = engine::read_invoice(xml, "test.xml");
  REQUIRE(read);
  REQUIRE(read->document);
  return core_counts(validation::check_rules(read->parsed.invoice, read->source_syntax,
                                             &*read->document, "test.xml"));
}

Counts model_counts(const model::Invoice& invoice, detect::Syntax syntax) {
  return core_counts(validation::check_rules(invoice, syntax, nullptr, "built"));
}

// Only the listed rules of `counts`, 0 for absent ones.
Counts pick(const Counts& counts, std::initializer_list<const char*> ids) {
  Counts out;
  for (const char* id : ids) {
    auto it = counts.find(id);
    out[id] = it == counts.end() ? 0 : it->second;
  }
  return out;
}

// ---------------------------------------------------------------------------
// UBL documents.

constexpr std::string_view kUblNamespaces =
    R"( xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2")"
    R"( xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2")";

std::string ubl(const std::string& body) {
  return "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"" +
         std::string(kUblNamespaces) + ">\n" + body + "\n</Invoice>";
}

// The root terms BR-01 ... BR-10 ask for, with a seller and a buyer.
const std::string kUblHeader =
    "<cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>"
    "<cbc:ID>1</cbc:ID><cbc:IssueDate>2024-01-31</cbc:IssueDate>"
    "<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>"
    "<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>"
    "<cac:AccountingSupplierParty><cac:Party>"
    "<cac:PartyName><cbc:Name>Seller Trading</cbc:Name></cac:PartyName>"
    "<cac:PostalAddress><cac:Country><cbc:IdentificationCode>FR</cbc:IdentificationCode>"
    "</cac:Country></cac:PostalAddress>"
    "<cac:PartyLegalEntity><cbc:RegistrationName>Seller</cbc:RegistrationName>"
    "</cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>"
    "<cac:AccountingCustomerParty><cac:Party>"
    "<cac:PostalAddress><cac:Country><cbc:IdentificationCode>FR</cbc:IdentificationCode>"
    "</cac:Country></cac:PostalAddress>"
    "<cac:PartyLegalEntity><cbc:RegistrationName>Buyer</cbc:RegistrationName>"
    "</cac:PartyLegalEntity></cac:Party></cac:AccountingCustomerParty>";

// A line that breaks none of BR-21 ... BR-28, with `price` as BT-146.
std::string ubl_line(const std::string& price = "10.00", const std::string& extra = {}) {
  return "<cac:InvoiceLine><cbc:ID>1</cbc:ID>"
         "<cbc:InvoicedQuantity unitCode=\"C62\">1</cbc:InvoicedQuantity>"
         "<cbc:LineExtensionAmount currencyID=\"EUR\">10.00</cbc:LineExtensionAmount>" +
         extra + "<cac:Item><cbc:Name>x</cbc:Name></cac:Item>" +
         "<cac:Price><cbc:PriceAmount currencyID=\"EUR\">" + price +
         "</cbc:PriceAmount></cac:Price></cac:InvoiceLine>";
}

TEST_CASE("BR core: a UBL fragment gets every root rule whose term it lacks",
          "[validation][core]") {
  // Only a line: the root terms are all missing, the line is complete.
  auto counts = document_counts(ubl(ubl_line()));
  CHECK(pick(counts, {"BR-01", "BR-02", "BR-03", "BR-04", "BR-05", "BR-06", "BR-07", "BR-08",
                      "BR-10", "BR-16", "BR-21", "BR-26", "BR-27"}) == Counts{{"BR-01", 1},
                                                                              {"BR-02", 1},
                                                                              {"BR-03", 1},
                                                                              {"BR-04", 1},
                                                                              {"BR-05", 1},
                                                                              {"BR-06", 1},
                                                                              {"BR-07", 1},
                                                                              {"BR-08", 1},
                                                                              {"BR-10", 1},
                                                                              {"BR-16", 0},
                                                                              {"BR-21", 0},
                                                                              {"BR-26", 0},
                                                                              {"BR-27", 0}});
  // BR-09, BR-11 and BR-12 ... BR-15 have contexts (the address, the totals)
  // that the fragment does not have.
  CHECK(pick(counts, {"BR-09", "BR-11", "BR-12", "BR-15"}) ==
        Counts{{"BR-09", 0}, {"BR-11", 0}, {"BR-12", 0}, {"BR-15", 0}});

  // The complete header and a line: nothing at all.
  CHECK(document_counts(ubl(kUblHeader + ubl_line())).empty());
  // Blank values count as missing: normalize-space(cbc:ID) = ''.
  CHECK(document_counts(ubl(" <cbc:ID> \n </cbc:ID>")).count("BR-02") == 1);
}

TEST_CASE("BR core: UBL totals and addresses are checked where they are", "[validation][core]") {
  auto counts = document_counts(
      ubl("<cac:AccountingSupplierParty><cac:Party><cac:PostalAddress><cbc:CityName>Paris"
          "</cbc:CityName></cac:PostalAddress></cac:Party></cac:AccountingSupplierParty>"
          "<cac:LegalMonetaryTotal><cbc:PayableAmount currencyID=\"EUR\">1</cbc:PayableAmount>"
          "</cac:LegalMonetaryTotal>"));
  CHECK(pick(counts, {"BR-08", "BR-09", "BR-10", "BR-11", "BR-12", "BR-13", "BR-14", "BR-15"}) ==
        Counts{{"BR-08", 0},
               {"BR-09", 1},
               {"BR-10", 1},
               {"BR-11", 0},
               {"BR-12", 1},
               {"BR-13", 1},
               {"BR-14", 1},
               {"BR-15", 0}});
}

TEST_CASE("BR core: UBL line rules, prices and their signs", "[validation][core]") {
  // No price at all: BR-26, and BR-27 too ((empty) >= 0 is false).
  auto counts = document_counts(
      ubl(kUblHeader + "<cac:InvoiceLine><cac:Item><cbc:Name> </cbc:Name></cac:Item>"
                       "<cbc:InvoicedQuantity>1</cbc:InvoicedQuantity></cac:InvoiceLine>"));
  CHECK(pick(counts, {"BR-21", "BR-22", "BR-23", "BR-24", "BR-25", "BR-26", "BR-27", "BR-28"}) ==
        Counts{{"BR-21", 1},
               {"BR-22", 0},
               {"BR-23", 1},
               {"BR-24", 1},
               {"BR-25", 1},
               {"BR-26", 1},
               {"BR-27", 1},
               {"BR-28", 0}});
  CHECK(document_counts(ubl(kUblHeader + ubl_line("-0.01"))) == Counts{{"BR-27", 1}});
  CHECK(document_counts(ubl(kUblHeader + ubl_line("0"))).empty());
  CHECK(document_counts(ubl(kUblHeader + ubl_line("-0.00"))).empty());
  CHECK(document_counts(ubl(kUblHeader + ubl_line("1E2"))).empty());
  // A negative gross price (the price allowance's base amount) is BR-28.
  const std::string gross =
      "<cac:InvoiceLine><cbc:ID>1</cbc:ID><cbc:InvoicedQuantity unitCode=\"C62\">1"
      "</cbc:InvoicedQuantity><cbc:LineExtensionAmount currencyID=\"EUR\">1"
      "</cbc:LineExtensionAmount><cac:Item><cbc:Name>x</cbc:Name></cac:Item><cac:Price>"
      "<cbc:PriceAmount currencyID=\"EUR\">1</cbc:PriceAmount><cac:AllowanceCharge>"
      "<cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:Amount currencyID=\"EUR\">1"
      "</cbc:Amount><cbc:BaseAmount currencyID=\"EUR\">-2</cbc:BaseAmount></cac:AllowanceCharge>"
      "</cac:Price></cac:InvoiceLine>";
  CHECK(document_counts(ubl(kUblHeader + gross)) == Counts{{"BR-28", 1}});
  // A credit note line uses cbc:CreditedQuantity.
  auto credit = engine::read_invoice(
      "<CreditNote xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\"" +
          std::string(kUblNamespaces) +
          "><cac:CreditNoteLine><cbc:ID>1</cbc:ID><cbc:CreditedQuantity unitCode=\"C62\">1"
          "</cbc:CreditedQuantity></cac:CreditNoteLine></CreditNote>",
      "cn.xml");
  REQUIRE(credit);
  auto credit_counts = core_counts(validation::check_rules(
      credit->parsed.invoice, credit->source_syntax, &*credit->document, "cn.xml"));
  CHECK(pick(credit_counts, {"BR-04", "BR-16", "BR-22", "BR-23", "BR-24"}) ==
        Counts{{"BR-04", 1}, {"BR-16", 0}, {"BR-22", 0}, {"BR-23", 0}, {"BR-24", 1}});
}

TEST_CASE("BR core: UBL periods, the line's one is BR-30 only", "[validation][core]") {
  auto period = [](const std::string& start, const std::string& end) {
    return "<cac:InvoicePeriod><cbc:StartDate>" + start + "</cbc:StartDate><cbc:EndDate>" + end +
           "</cbc:EndDate></cac:InvoicePeriod>";
  };
  CHECK(document_counts(ubl(kUblHeader + period("2024-02-01", "2024-01-31") + ubl_line())) ==
        Counts{{"BR-29", 1}});
  CHECK(document_counts(ubl(kUblHeader + period("2024-02-01", "2024-02-01") + ubl_line())).empty());
  CHECK(document_counts(ubl(kUblHeader + ubl_line("1", period("2024-03-01", "2023-03-01")))) ==
        Counts{{"BR-30", 1}});
  // Time zones: 2024-02-01+02:00 starts before 2024-02-01Z, so the end is later.
  CHECK(document_counts(ubl(kUblHeader + period("2024-02-01Z", "2024-02-01+02:00") + ubl_line())) ==
        Counts{{"BR-29", 1}});
}

TEST_CASE("BR core: UBL allowances and charges at both levels", "[validation][core]") {
  const std::string empty_allowance =
      "<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator></cac:AllowanceCharge>";
  const std::string empty_charge =
      "<cac:AllowanceCharge><cbc:ChargeIndicator>true</cbc:ChargeIndicator></cac:AllowanceCharge>";
  CHECK(document_counts(ubl(kUblHeader + empty_allowance + empty_charge + ubl_line())) ==
        Counts{{"BR-31", 1}, {"BR-32", 1}, {"BR-33", 1}, {"BR-36", 1}, {"BR-37", 1}, {"BR-38", 1}});
  CHECK(document_counts(ubl(kUblHeader + ubl_line("1", empty_allowance + empty_charge))) ==
        Counts{{"BR-41", 1}, {"BR-42", 1}, {"BR-43", 1}, {"BR-44", 1}});
  // Not a boolean: no context matches.
  CHECK(document_counts(ubl(kUblHeader +
                            "<cac:AllowanceCharge><cbc:ChargeIndicator>maybe</cbc:ChargeIndicator>"
                            "</cac:AllowanceCharge>" +
                            ubl_line()))
            .empty());
  // A VAT category in a tax scheme other than VAT does not count for BR-32.
  const std::string complete =
      "<cac:AllowanceCharge><cbc:ChargeIndicator>0</cbc:ChargeIndicator>"
      "<cbc:AllowanceChargeReasonCode>95</cbc:AllowanceChargeReasonCode>"
      "<cbc:Amount currencyID=\"EUR\">1</cbc:Amount><cac:TaxCategory><cbc:ID>S</cbc:ID>"
      "<cac:TaxScheme><cbc:ID>";
  CHECK(document_counts(ubl(kUblHeader + complete + " vat </cbc:ID></cac:TaxScheme>" +
                            "</cac:TaxCategory></cac:AllowanceCharge>" + ubl_line()))
            .empty());
  CHECK(document_counts(ubl(kUblHeader + complete + "GST</cbc:ID></cac:TaxScheme>" +
                            "</cac:TaxCategory></cac:AllowanceCharge>" + ubl_line())) ==
        Counts{{"BR-32", 1}});
}

TEST_CASE("BR core: UBL VAT breakdown and accounting currency", "[validation][core]") {
  auto subtotal = [](const std::string& category) {
    return "<cac:TaxSubtotal><cbc:TaxableAmount currencyID=\"EUR\">10</cbc:TaxableAmount>"
           "<cbc:TaxAmount currencyID=\"EUR\">0</cbc:TaxAmount><cac:TaxCategory>" +
           category + "</cac:TaxCategory></cac:TaxSubtotal>";
  };
  const std::string vat = "<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>";
  const std::string total = "<cac:TaxTotal><cbc:TaxAmount currencyID=\"EUR\">0</cbc:TaxAmount>";
  // Category O needs no rate; S does.
  CHECK(document_counts(ubl(kUblHeader + total + subtotal("<cbc:ID>O</cbc:ID>" + vat) +
                            "</cac:TaxTotal>" + ubl_line()))
            .empty());
  CHECK(document_counts(ubl(kUblHeader + total + subtotal("<cbc:ID>S</cbc:ID>" + vat) +
                            "</cac:TaxTotal>" + ubl_line())) == Counts{{"BR-48", 1}});
  CHECK(
      document_counts(ubl(kUblHeader + total + "<cac:TaxSubtotal/></cac:TaxTotal>" + ubl_line())) ==
      Counts{{"BR-45", 1}, {"BR-46", 1}, {"BR-47", 1}, {"BR-48", 1}});

  // BR-53: a VAT total in the accounting currency anywhere in a TaxTotal.
  const std::string usd = "<cbc:TaxCurrencyCode>USD</cbc:TaxCurrencyCode>";
  CHECK(document_counts(ubl(kUblHeader + usd + total + "</cac:TaxTotal>" + ubl_line())) ==
        Counts{{"BR-53", 1}});
  CHECK(document_counts(ubl(kUblHeader + usd + total + "</cac:TaxTotal>" +
                            "<cac:TaxTotal><cbc:TaxAmount currencyID=\"USD\">0</cbc:TaxAmount>"
                            "</cac:TaxTotal>" +
                            ubl_line()))
            .empty());
}

TEST_CASE("BR core: UBL payment means, accounts and cards", "[validation][core]") {
  auto means = [](const std::string& body) {
    return "<cac:PaymentMeans>" + body + "</cac:PaymentMeans>";
  };
  CHECK(document_counts(ubl(kUblHeader + means("") + ubl_line())) == Counts{{"BR-49", 1}});
  CHECK(document_counts(ubl(kUblHeader +
                            means("<cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>"
                                  "<cac:PayeeFinancialAccount><cbc:ID> </cbc:ID>"
                                  "</cac:PayeeFinancialAccount>") +
                            ubl_line())) == Counts{{"BR-50", 1}});
  CHECK(document_counts(ubl(kUblHeader +
                            means("<cbc:PaymentMeansCode>58</cbc:PaymentMeansCode>"
                                  "<cac:PayeeFinancialAccount/>") +
                            ubl_line())) == Counts{{"BR-50", 1}, {"BR-61", 1}});
  // BR-61 reads the code through normalize-space, BR-50's context does not.
  CHECK(document_counts(ubl(kUblHeader +
                            means("<cbc:PaymentMeansCode> 30 </cbc:PaymentMeansCode>"
                                  "<cac:PayeeFinancialAccount/>") +
                            ubl_line())) == Counts{{"BR-61", 1}});
  CHECK(document_counts(
            ubl(kUblHeader + means("<cbc:PaymentMeansCode>31</cbc:PaymentMeansCode>") + ubl_line()))
            .empty());
  // BR-51 is a warning in UBL; ten characters after normalize-space are fine.
  auto card = [&](const std::string& number) {
    return means(
        "<cbc:PaymentMeansCode>54</cbc:PaymentMeansCode><cac:CardAccount>"
        "<cbc:PrimaryAccountNumberID>" +
        number + "</cbc:PrimaryAccountNumberID></cac:CardAccount>");
  };
  CHECK(document_counts(ubl(kUblHeader + card(" 1234   5678 ") + ubl_line())).empty());
  CHECK(document_counts(ubl(kUblHeader + card("12345678901") + ubl_line())) ==
        Counts{{"BR-51/w", 1}});
  // Characters, not bytes: ten two-byte letters.
  CHECK(document_counts(ubl(kUblHeader +
                            card("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
                                 "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9") +
                            ubl_line()))
            .empty());
}

TEST_CASE("BR core: UBL payee, tax representative and schemes", "[validation][core]") {
  auto payee = [](const std::string& name) {
    return "<cac:PayeeParty><cac:PartyName><cbc:Name>" + name +
           "</cbc:Name></cac:PartyName></cac:PayeeParty>";
  };
  CHECK(document_counts(ubl(kUblHeader + payee("Factor") + ubl_line())).empty());
  // The seller's cbc:PartyName/cbc:Name is "Seller Trading".
  CHECK(document_counts(ubl(kUblHeader + payee("Seller Trading") + ubl_line())) ==
        Counts{{"BR-17", 1}});
  CHECK(document_counts(ubl(kUblHeader + "<cac:PayeeParty/>" + ubl_line())) ==
        Counts{{"BR-17", 1}});

  CHECK(document_counts(ubl(kUblHeader + "<cac:TaxRepresentativeParty/>" + ubl_line())) ==
        Counts{{"BR-18", 1}, {"BR-19", 1}, {"BR-56", 1}});
  CHECK(document_counts(ubl(kUblHeader +
                            "<cac:TaxRepresentativeParty><cac:PartyName><cbc:Name>R</cbc:Name>"
                            "</cac:PartyName><cac:PostalAddress/><cac:PartyTaxScheme>"
                            "<cbc:CompanyID>FR1</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT"
                            "</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>"
                            "</cac:TaxRepresentativeParty>" +
                            ubl_line())) == Counts{{"BR-20", 1}});

  const std::string endpoints =
      "<cac:AccountingSupplierParty><cac:Party><cbc:EndpointID>a</cbc:EndpointID></cac:Party>"
      "</cac:AccountingSupplierParty><cac:AccountingCustomerParty><cac:Party>"
      "<cbc:EndpointID schemeID=\"0088\">b</cbc:EndpointID></cac:Party>"
      "</cac:AccountingCustomerParty>";
  CHECK(pick(document_counts(ubl(endpoints)), {"BR-62", "BR-63"}) ==
        Counts{{"BR-62", 1}, {"BR-63", 0}});
  const std::string item =
      "<cac:InvoiceLine><cac:Item><cac:StandardItemIdentification><cbc:ID>1</cbc:ID>"
      "</cac:StandardItemIdentification><cac:CommodityClassification>"
      "<cbc:ItemClassificationCode>2</cbc:ItemClassificationCode></cac:CommodityClassification>"
      "<cac:CommodityClassification><cbc:ItemClassificationCode listID=\"STI\">3"
      "</cbc:ItemClassificationCode></cac:CommodityClassification></cac:Item></cac:InvoiceLine>";
  CHECK(pick(document_counts(ubl(item)), {"BR-64", "BR-65"}) == Counts{{"BR-64", 1}, {"BR-65", 1}});
}

TEST_CASE("BR core: UBL references, attributes and delivery", "[validation][core]") {
  CHECK(document_counts(
            ubl(kUblHeader +
                "<cac:BillingReference><cac:InvoiceDocumentReference>"
                "<cbc:IssueDate>2024-01-01</cbc:IssueDate></cac:InvoiceDocumentReference>"
                "</cac:BillingReference><cac:AdditionalDocumentReference>"
                "<cbc:ID/></cac:AdditionalDocumentReference>"
                "<cac:Delivery><cac:DeliveryLocation><cac:Address/></cac:DeliveryLocation>"
                "</cac:Delivery>" +
                ubl_line("1", ""))) == Counts{{"BR-52", 1}, {"BR-55", 1}, {"BR-57", 1}});
  const std::string attribute =
      "<cac:InvoiceLine><cac:Item><cac:AdditionalItemProperty><cbc:Name>colour</cbc:Name>"
      "</cac:AdditionalItemProperty></cac:Item></cac:InvoiceLine>";
  CHECK(pick(document_counts(ubl(attribute)), {"BR-54"}) == Counts{{"BR-54", 1}});
}

// ---------------------------------------------------------------------------
// CII documents.

constexpr std::string_view kCiiNamespaces =
    R"( xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100")"
    R"( xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100")"
    R"( xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100")";

std::string cii(const std::string& body) {
  return "<rsm:CrossIndustryInvoice" + std::string(kCiiNamespaces) + ">" + body +
         "</rsm:CrossIndustryInvoice>";
}

std::string cii_transaction(const std::string& agreement, const std::string& settlement,
                            const std::string& lines = {}, const std::string& delivery = {}) {
  return "<rsm:SupplyChainTradeTransaction>" + lines + "<ram:ApplicableHeaderTradeAgreement>" +
         agreement + "</ram:ApplicableHeaderTradeAgreement><ram:ApplicableHeaderTradeDelivery>" +
         delivery + "</ram:ApplicableHeaderTradeDelivery><ram:ApplicableHeaderTradeSettlement>" +
         settlement + "</ram:ApplicableHeaderTradeSettlement></rsm:SupplyChainTradeTransaction>";
}

const std::string kCiiContext =
    "<rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter>"
    "<ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>"
    "</rsm:ExchangedDocumentContext><rsm:ExchangedDocument><ram:ID>1</ram:ID>"
    "<ram:TypeCode>380</ram:TypeCode><ram:IssueDateTime><udt:DateTimeString format=\"102\">"
    "20240131</udt:DateTimeString></ram:IssueDateTime></rsm:ExchangedDocument>";

const std::string kCiiParties =
    "<ram:SellerTradeParty><ram:Name>Seller</ram:Name><ram:PostalTradeAddress>"
    "<ram:CountryID>FR</ram:CountryID></ram:PostalTradeAddress></ram:SellerTradeParty>"
    "<ram:BuyerTradeParty><ram:Name>Buyer</ram:Name><ram:PostalTradeAddress>"
    "<ram:CountryID>FR</ram:CountryID></ram:PostalTradeAddress></ram:BuyerTradeParty>";

const std::string kCiiCurrency = "<ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>";

// A line item that breaks none of BR-21 ... BR-28, with `price` as BT-146.
std::string cii_line(const std::string& price = "10", const std::string& settlement = {}) {
  return "<ram:IncludedSupplyChainTradeLineItem><ram:AssociatedDocumentLineDocument>"
         "<ram:LineID>1</ram:LineID></ram:AssociatedDocumentLineDocument>"
         "<ram:SpecifiedTradeProduct><ram:Name>x</ram:Name></ram:SpecifiedTradeProduct>"
         "<ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice><ram:ChargeAmount>" +
         price +
         "</ram:ChargeAmount></ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>"
         "<ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode=\"C62\">1"
         "</ram:BilledQuantity></"
         "ram:SpecifiedLineTradeDelivery><ram:SpecifiedLineTradeSettlement>" +
         settlement +
         "<ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>10"
         "</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>"
         "</ram:SpecifiedLineTradeSettlement></ram:IncludedSupplyChainTradeLineItem>";
}

// A complete CII invoice with `settlement` added to the header settlement.
std::string cii_invoice(const std::string& settlement, const std::string& lines = cii_line(),
                        const std::string& delivery = {}) {
  return cii(kCiiContext +
             cii_transaction(kCiiParties, kCiiCurrency + settlement, lines, delivery));
}

TEST_CASE("BR core: a CII fragment gets the root rules, on the root", "[validation][core]") {
  auto counts = document_counts(cii(""));
  CHECK(counts == Counts{{"BR-01", 1},
                         {"BR-02", 1},
                         {"BR-03", 1},
                         {"BR-04", 1},
                         {"BR-05", 1},
                         {"BR-06", 1},
                         {"BR-07", 1},
                         {"BR-08", 1},
                         {"BR-09", 1},
                         {"BR-10", 1},
                         {"BR-11", 1},
                         {"BR-16", 1}});
  CHECK(document_counts(cii_invoice("")).empty());
  // The issue date counts only in format 102.
  auto other_format =
      cii("<rsm:ExchangedDocument><ram:IssueDateTime><udt:DateTimeString format=\"610\">202401"
          "</udt:DateTimeString></ram:IssueDateTime></rsm:ExchangedDocument>");
  CHECK(document_counts(other_format).count("BR-03") == 1);
}

TEST_CASE("BR core: CII electronic addresses and item identifiers", "[validation][core]") {
  const std::string parties =
      "<ram:SellerTradeParty><ram:Name>S</ram:Name><ram:URIUniversalCommunication>"
      "<ram:URIID>s@x</ram:URIID></ram:URIUniversalCommunication><ram:PostalTradeAddress>"
      "<ram:CountryID>FR</ram:CountryID></ram:PostalTradeAddress></ram:SellerTradeParty>"
      "<ram:BuyerTradeParty><ram:Name>B</ram:Name><ram:URIUniversalCommunication>"
      "<ram:URIID schemeID=\"EM\">b@x</ram:URIID></ram:URIUniversalCommunication>"
      "<ram:PostalTradeAddress><ram:CountryID>FR</ram:CountryID></ram:PostalTradeAddress>"
      "</ram:BuyerTradeParty>";
  const std::string line =
      "<ram:IncludedSupplyChainTradeLineItem><ram:SpecifiedTradeProduct>"
      "<ram:GlobalID>4012345</ram:GlobalID><ram:DesignatedProductClassification>"
      "<ram:ClassCode listID=\" \">1</ram:ClassCode></ram:DesignatedProductClassification>"
      "<ram:DesignatedProductClassification/></ram:SpecifiedTradeProduct>"
      "</ram:IncludedSupplyChainTradeLineItem>";
  auto counts = document_counts(cii(cii_transaction(parties, kCiiCurrency, line)));
  CHECK(pick(counts, {"BR-62", "BR-63", "BR-64", "BR-65"}) ==
        Counts{{"BR-62", 1}, {"BR-63", 0}, {"BR-64", 1}, {"BR-65", 1}});
}

TEST_CASE("BR core: CII line rules and prices", "[validation][core]") {
  CHECK(document_counts(cii_invoice("", cii_line("-1"))) == Counts{{"BR-27", 1}});
  CHECK(document_counts(cii_invoice("", cii_line("0.00"))).empty());
  auto counts = document_counts(
      cii_invoice("",
                  "<ram:IncludedSupplyChainTradeLineItem><ram:SpecifiedLineTradeDelivery>"
                  "<ram:BilledQuantity>1</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>"
                  "<ram:SpecifiedLineTradeAgreement><ram:GrossPriceProductTradePrice>"
                  "<ram:ChargeAmount>-3</ram:ChargeAmount></ram:GrossPriceProductTradePrice>"
                  "</ram:SpecifiedLineTradeAgreement></ram:IncludedSupplyChainTradeLineItem>"));
  CHECK(counts == Counts{{"BR-21", 1},
                         {"BR-23", 1},
                         {"BR-24", 1},
                         {"BR-25", 1},
                         {"BR-26", 1},
                         {"BR-27", 1},
                         {"BR-28", 1}});
}

TEST_CASE("BR core: CII periods compare format 102 strings", "[validation][core]") {
  auto period = [](const std::string& start_format, const std::string& start,
                   const std::string& end) {
    return "<ram:BillingSpecifiedPeriod><ram:StartDateTime><udt:DateTimeString format=\"" +
           start_format + "\">" + start +
           "</udt:DateTimeString></ram:StartDateTime><ram:EndDateTime>"
           "<udt:DateTimeString format=\"102\">" +
           end + "</udt:DateTimeString></ram:EndDateTime></ram:BillingSpecifiedPeriod>";
  };
  CHECK(document_counts(cii_invoice(period("102", "20240201", "20240131"))) ==
        Counts{{"BR-29", 1}});
  CHECK(document_counts(cii_invoice(period("102", "20240201", "20240201"))).empty());
  // A start date in another format is no value to compare with: the test fails.
  CHECK(document_counts(cii_invoice(period("610", "202401", "20240131"))) == Counts{{"BR-29", 1}});
  CHECK(document_counts(cii_invoice("", cii_line("1", period("102", "20240301", "20240229")))) ==
        Counts{{"BR-30", 1}});
}

TEST_CASE("BR core: CII allowances, charges and VAT breakdown", "[validation][core]") {
  const std::string allowance =
      "<ram:SpecifiedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>false"
      "</udt:Indicator></ram:ChargeIndicator></ram:SpecifiedTradeAllowanceCharge>";
  const std::string charge =
      "<ram:SpecifiedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>true"
      "</udt:Indicator></ram:ChargeIndicator></ram:SpecifiedTradeAllowanceCharge>";
  CHECK(document_counts(cii_invoice(allowance + charge)) ==
        Counts{{"BR-31", 1}, {"BR-32", 1}, {"BR-33", 1}, {"BR-36", 1}, {"BR-37", 1}, {"BR-38", 1}});
  CHECK(document_counts(cii_invoice("", cii_line("1", allowance + charge))) ==
        Counts{{"BR-41", 1}, {"BR-42", 1}, {"BR-43", 1}, {"BR-44", 1}});

  auto tax = [](const std::string& type, const std::string& category, const std::string& rate) {
    return "<ram:ApplicableTradeTax><ram:CalculatedAmount>0</ram:CalculatedAmount><ram:TypeCode>" +
           type + "</ram:TypeCode><ram:BasisAmount>10</ram:BasisAmount><ram:CategoryCode>" +
           category + "</ram:CategoryCode>" + rate + "</ram:ApplicableTradeTax>";
  };
  const std::string rate = "<ram:RateApplicablePercent>20</ram:RateApplicablePercent>";
  CHECK(document_counts(cii_invoice(tax("VAT", "S", rate))).empty());
  CHECK(document_counts(cii_invoice(tax("VAT", "S", ""))) == Counts{{"BR-48", 1}});
  CHECK(document_counts(cii_invoice(tax("VAT", "E", ""))) == Counts{{"BR-48", 1}});
  // Type other than VAT: no category code, no rate in the sense of BR-47/48.
  CHECK(document_counts(cii_invoice(tax("GST", "S", rate))) == Counts{{"BR-47", 1}, {"BR-48", 1}});
  // A breakdown of category L, M or O is taken by the BR-AF/AG/O rules.
  CHECK(document_counts(cii_invoice("<ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode>"
                                    "<ram:CategoryCode>O</ram:CategoryCode>"
                                    "</ram:ApplicableTradeTax>"))
            .empty());
  CHECK(document_counts(cii_invoice("<ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode>"
                                    "<ram:CategoryCode>Z</ram:CategoryCode>"
                                    "</ram:ApplicableTradeTax>")) ==
        Counts{{"BR-45", 1}, {"BR-46", 1}, {"BR-48", 1}});
}

TEST_CASE("BR core: CII totals and accounting currency", "[validation][core]") {
  auto summation = [](const std::string& body) {
    return "<ram:SpecifiedTradeSettlementHeaderMonetarySummation><ram:LineTotalAmount>1"
           "</ram:LineTotalAmount><ram:TaxBasisTotalAmount>1</ram:TaxBasisTotalAmount>" +
           body +
           "<ram:GrandTotalAmount>1</ram:GrandTotalAmount><ram:DuePayableAmount>1"
           "</ram:DuePayableAmount></ram:SpecifiedTradeSettlementHeaderMonetarySummation>";
  };
  CHECK(document_counts(cii_invoice(summation(""))).empty());
  CHECK(document_counts(cii_invoice("<ram:SpecifiedTradeSettlementHeaderMonetarySummation>"
                                    "</ram:SpecifiedTradeSettlementHeaderMonetarySummation>")) ==
        Counts{{"BR-12", 1}, {"BR-13", 1}, {"BR-14", 1}, {"BR-15", 1}});
  const std::string usd = "<ram:TaxCurrencyCode>USD</ram:TaxCurrencyCode>";
  CHECK(document_counts(cii_invoice(usd + summation(""))) == Counts{{"BR-53", 1}});
  CHECK(document_counts(
            cii_invoice(usd +
                        summation("<ram:TaxTotalAmount currencyID=\"USD\">0</ram:TaxTotalAmount>")))
            .empty());
  // CII refuses an accounting currency equal to the invoice currency.
  CHECK(document_counts(cii_invoice(
            "<ram:TaxCurrencyCode>EUR</ram:TaxCurrencyCode>" +
            summation("<ram:TaxTotalAmount currencyID=\"EUR\">0</ram:TaxTotalAmount>"))) ==
        Counts{{"BR-53", 1}});
}

TEST_CASE("BR core: CII payment, payee, representative, references", "[validation][core]") {
  auto means = [](const std::string& code, const std::string& account) {
    return "<ram:SpecifiedTradeSettlementPaymentMeans>" + code +
           "<ram:PayeePartyCreditorFinancialAccount>" + account +
           "</ram:PayeePartyCreditorFinancialAccount></ram:SpecifiedTradeSettlementPaymentMeans>";
  };
  CHECK(document_counts(cii_invoice(means("", ""))) == Counts{{"BR-49", 1}});
  CHECK(document_counts(cii_invoice(
            means("<ram:TypeCode>58</ram:TypeCode>", "<ram:AccountName>n</ram:AccountName>"))) ==
        Counts{{"BR-50", 1}, {"BR-61", 1}});
  CHECK(document_counts(cii_invoice(means("<ram:TypeCode>30</ram:TypeCode>",
                                          "<ram:IBANID> </ram:IBANID>"))) == Counts{{"BR-50", 1}});
  CHECK(document_counts(cii_invoice(means("<ram:TypeCode>31</ram:TypeCode>",
                                          "<ram:AccountName>n</ram:AccountName>")))
            .empty());
  // BR-51 is fatal in CII.
  CHECK(document_counts(cii_invoice("<ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>54"
                                    "</ram:TypeCode><ram:ApplicableTradeSettlementFinancialCard>"
                                    "<ram:ID>12345678901</ram:ID>"
                                    "</ram:ApplicableTradeSettlementFinancialCard>"
                                    "</ram:SpecifiedTradeSettlementPaymentMeans>")) ==
        Counts{{"BR-51", 1}});

  // The payee is compared with the seller's ram:Name (BT-27).
  CHECK(document_counts(cii_invoice("<ram:PayeeTradeParty><ram:Name>Seller</ram:Name>"
                                    "</ram:PayeeTradeParty>")) == Counts{{"BR-17", 1}});
  CHECK(document_counts(cii_invoice("<ram:PayeeTradeParty><ram:Name>Factor</ram:Name>"
                                    "</ram:PayeeTradeParty>"))
            .empty());

  auto counts = document_counts(cii(
      kCiiContext +
      cii_transaction(
          kCiiParties + "<ram:SellerTaxRepresentativeTradeParty><ram:SpecifiedTaxRegistration>"
                        "<ram:ID schemeID=\"FC\">1</ram:ID></ram:SpecifiedTaxRegistration>"
                        "</ram:SellerTaxRepresentativeTradeParty>"
                        "<ram:AdditionalReferencedDocument><ram:TypeCode>916</ram:TypeCode>"
                        "</ram:AdditionalReferencedDocument>",
          kCiiCurrency + "<ram:InvoiceReferencedDocument><ram:IssuerAssignedID/>"
                         "</ram:InvoiceReferencedDocument>",
          cii_line(), "<ram:ShipToTradeParty><ram:PostalTradeAddress/></ram:ShipToTradeParty>")));
  CHECK(counts == Counts{{"BR-18", 1},
                         {"BR-19", 1},
                         {"BR-20", 1},
                         {"BR-52", 1},
                         {"BR-55", 1},
                         {"BR-56", 1},
                         {"BR-57", 1}});
}

// ---------------------------------------------------------------------------
// Invoices built from data (no document).

model::Invoice complete_invoice() {
  model::Invoice invoice;
  invoice.process_control.specification_identifier = "urn:cen.eu:en16931:2017";
  invoice.number = "1";
  invoice.issue_date = model::Date{2024, 1, 31};
  invoice.type_code = "380";
  invoice.currency_code = "EUR";
  invoice.seller.name = "Seller";
  invoice.seller.address.country_code = "FR";
  invoice.buyer.name = "Buyer";
  invoice.buyer.address.country_code = "FR";
  invoice.totals.line_net_total = model::Decimal::parse("10");
  invoice.totals.total_without_vat = model::Decimal::parse("10");
  invoice.totals.total_with_vat = model::Decimal::parse("10");
  invoice.totals.amount_due = model::Decimal::parse("10");
  model::InvoiceLine line;
  line.identifier = "1";
  line.invoiced_quantity = model::Decimal::parse("1");
  line.invoiced_quantity_unit = "C62";
  line.net_amount = model::Decimal::parse("10");
  line.item.name = "x";
  line.price.net_price = model::Decimal::parse("10");
  invoice.lines.push_back(line);
  return invoice;
}

TEST_CASE("BR core: a built invoice is checked on the model", "[validation][core]") {
  CHECK(model_counts(complete_invoice(), detect::Syntax::kCii).empty());
  CHECK(model_counts(complete_invoice(), detect::Syntax::kUblInvoice).empty());

  // An empty invoice: every mandatory term; the country codes are checked
  // without an address in the CII flavour only.
  auto cii_counts = model_counts(model::Invoice{}, detect::Syntax::kCii);
  auto ubl_counts = model_counts(model::Invoice{}, detect::Syntax::kUblInvoice);
  for (const char* id : {"BR-01", "BR-02", "BR-03", "BR-04", "BR-05", "BR-06", "BR-07", "BR-08",
                         "BR-10", "BR-12", "BR-13", "BR-14", "BR-15", "BR-16"}) {
    CHECK(cii_counts.count(id) == 1);
    CHECK(ubl_counts.count(id) == 1);
  }
  CHECK(pick(cii_counts, {"BR-09", "BR-11"}) == Counts{{"BR-09", 1}, {"BR-11", 1}});
  CHECK(pick(ubl_counts, {"BR-09", "BR-11"}) == Counts{{"BR-09", 0}, {"BR-11", 0}});
}

TEST_CASE("BR core: built lines, prices and periods", "[validation][core]") {
  model::Invoice invoice = complete_invoice();
  invoice.lines[0].price.net_price = model::Decimal::parse("-0.01");
  invoice.lines[0].price.gross_price = model::Decimal::parse("-1");
  invoice.lines[0].period = model::Period{model::Date{2024, 2, 1}, model::Date{2024, 1, 1}};
  invoice.invoicing_period = model::Period{model::Date{2024, 1, 1}, model::Date{2024, 1, 1}};
  CHECK(model_counts(invoice, detect::Syntax::kCii) ==
        Counts{{"BR-27", 1}, {"BR-28", 1}, {"BR-30", 1}});

  invoice = complete_invoice();
  invoice.lines[0].price.net_price.reset();
  invoice.lines[0].item.standard_identifier = model::Identifier{"4012345", std::nullopt, {}};
  invoice.lines[0].item.attributes.push_back(model::ItemAttribute{"colour", std::nullopt});
  CHECK(model_counts(invoice, detect::Syntax::kUblInvoice) ==
        Counts{{"BR-26", 1}, {"BR-27", 1}, {"BR-54", 1}, {"BR-64", 1}});
}

TEST_CASE("BR core: built payee, VAT breakdown, payment, currency", "[validation][core]") {
  model::Invoice invoice = complete_invoice();
  invoice.seller.trading_name = "Trading";
  invoice.payee = model::Payee{"Seller", std::nullopt, std::nullopt};
  // CII compares the payee name with BT-27, UBL with BT-28.
  CHECK(model_counts(invoice, detect::Syntax::kCii) == Counts{{"BR-17", 1}});
  CHECK(model_counts(invoice, detect::Syntax::kUblInvoice).empty());
  invoice.payee->name = "Trading";
  CHECK(model_counts(invoice, detect::Syntax::kUblInvoice) == Counts{{"BR-17", 1}});

  invoice = complete_invoice();
  model::VatBreakdown outside;
  outside.taxable_amount = model::Decimal::parse("10");
  outside.tax_amount = model::Decimal::parse("0");
  outside.category_code = "O";
  model::VatBreakdown standard = outside;
  standard.category_code = "S";
  invoice.vat_breakdowns = {outside, standard, model::VatBreakdown{}};
  CHECK(model_counts(invoice, detect::Syntax::kCii) ==
        Counts{{"BR-45", 1}, {"BR-46", 1}, {"BR-47", 1}, {"BR-48", 2}});

  invoice = complete_invoice();
  invoice.payment_instructions.emplace();
  invoice.payment_instructions->means_type_code = "58";
  CHECK(model_counts(invoice, detect::Syntax::kUblInvoice) == Counts{{"BR-61", 1}});
  invoice.payment_instructions->card = model::PaymentCard{"12345678901", std::nullopt};
  CHECK(model_counts(invoice, detect::Syntax::kUblInvoice) == Counts{{"BR-51/w", 1}, {"BR-61", 1}});
  CHECK(model_counts(invoice, detect::Syntax::kCii) == Counts{{"BR-51", 1}});

  invoice = complete_invoice();
  invoice.vat_accounting_currency_code = "EUR";
  invoice.totals.vat_total = model::Decimal::parse("0");
  CHECK(model_counts(invoice, detect::Syntax::kUblInvoice).empty());
  CHECK(model_counts(invoice, detect::Syntax::kCii) == Counts{{"BR-53", 1}});
  invoice.vat_accounting_currency_code = "USD";
  CHECK(model_counts(invoice, detect::Syntax::kUblInvoice) == Counts{{"BR-53", 1}});
  invoice.totals.vat_total_accounting_currency = model::Decimal::parse("0");
  CHECK(model_counts(invoice, detect::Syntax::kUblInvoice).empty());
}

TEST_CASE("BR core: the table lists every rule once with its official flag", "[validation][core]") {
  auto rules = validation::core_rules();
  CHECK(rules.size() == 58);
  std::map<std::string, int> seen;
  for (const auto& rule : rules) {
    ++seen[std::string(rule.id)];
    CHECK(is_core(rule.id));
    CHECK(rule.message.substr(0, rule.id.size() + 2) == "[" + std::string(rule.id) + "]");
    CHECK(rule.flag == (rule.id == "BR-51" ? model::Severity::kWarning : model::Severity::kFatal));
  }
  for (const auto& [id, count] : seen)
    CHECK(count == 1);
}

}  // namespace
}  // namespace einvoice
