// BR-FR rules, each on a CII invoice that meets it and one that breaks it,
// built from the rule text (FNFE-MPE Flux 2 Schematrons v1.4.0.03).
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "engine/converter.h"
#include "validation/rules.h"

namespace einvoice {
namespace {

// A CII invoice meeting every implemented French rule; each field can be
// replaced to break one.
struct FrenchCii {
  std::string number = "F-2026-0042";
  std::string type = "380";
  std::string issue = "20261014";
  std::string due = "20261113";
  std::string mode = "S1";
  std::string notes =
      "<ram:IncludedNote><ram:Content>Indemnite 40 EUR</ram:Content>"
      "<ram:SubjectCode>PMT</ram:SubjectCode></ram:IncludedNote>"
      "<ram:IncludedNote><ram:Content>Penalites</ram:Content>"
      "<ram:SubjectCode>PMD</ram:SubjectCode></ram:IncludedNote>"
      "<ram:IncludedNote><ram:Content>Pas d'escompte</ram:Content>"
      "<ram:SubjectCode>AAB</ram:SubjectCode></ram:IncludedNote>";
  std::string seller_siren =
      "<ram:SpecifiedLegalOrganization><ram:ID schemeID=\"0002\">"
      "542107651</ram:ID></ram:SpecifiedLegalOrganization>";
  std::string seller_uri = "542107651";
  std::string buyer_uri = "123456789";
  std::string buyer_siren;
  std::string attachment;
  std::string line_extra;    // inside the line item
  std::string seller_extra;  // inside the seller, after its name
  std::string agreement_extra;
  std::string currency = "EUR";
  std::string tax_currency;
  std::string quantity = "2";
  std::string line_rate = "20";
  std::string header_rate = "20";

  std::string xml() const {
    return "<rsm:CrossIndustryInvoice"
           " xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\""
           " xmlns:ram=\"urn:un:unece:uncefact:data:standard:"
           "ReusableAggregateBusinessInformationEntity:100\""
           " xmlns:udt=\"urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100\">"
           "<rsm:ExchangedDocumentContext><ram:BusinessProcessSpecifiedDocumentContextParameter>"
           "<ram:ID>" +
           mode +
           "</ram:ID></ram:BusinessProcessSpecifiedDocumentContextParameter>"
           "</rsm:ExchangedDocumentContext>"
           "<rsm:ExchangedDocument><ram:ID>" +
           number + "</ram:ID><ram:TypeCode>" + type +
           "</ram:TypeCode><ram:IssueDateTime><udt:DateTimeString format=\"102\">" + issue +
           "</udt:DateTimeString></ram:IssueDateTime>" + notes +
           "</rsm:ExchangedDocument><rsm:SupplyChainTradeTransaction>"
           "<ram:IncludedSupplyChainTradeLineItem>" +
           line_extra +
           "<ram:SpecifiedLineTradeDelivery>"
           "<ram:BilledQuantity unitCode=\"C62\">" +
           quantity +
           "</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>"
           "<ram:SpecifiedLineTradeSettlement><ram:ApplicableTradeTax><ram:TypeCode>VAT"
           "</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>" +
           line_rate +
           "</ram:RateApplicablePercent></ram:ApplicableTradeTax>"
           "</ram:SpecifiedLineTradeSettlement></ram:IncludedSupplyChainTradeLineItem>"
           "<ram:ApplicableHeaderTradeAgreement><ram:SellerTradeParty><ram:Name>S</ram:Name>" +
           seller_extra + seller_siren +
           "<ram:URIUniversalCommunication><ram:URIID schemeID=\"0225\">" + seller_uri +
           "</ram:URIID></ram:URIUniversalCommunication></ram:SellerTradeParty>"
           "<ram:BuyerTradeParty><ram:Name>B</ram:Name>" +
           buyer_siren +
           "<ram:URIUniversalCommunication>"
           "<ram:URIID schemeID=\"0225\">" +
           buyer_uri + "</ram:URIID></ram:URIUniversalCommunication></ram:BuyerTradeParty>" +
           attachment + agreement_extra +
           "</ram:ApplicableHeaderTradeAgreement><ram:ApplicableHeaderTradeSettlement>"
           "<ram:InvoiceCurrencyCode>" +
           currency + "</ram:InvoiceCurrencyCode>" + tax_currency +
           "<ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S"
           "</ram:CategoryCode><ram:RateApplicablePercent>" +
           header_rate +
           "</ram:RateApplicablePercent></ram:ApplicableTradeTax>"
           "<ram:SpecifiedTradePaymentTerms><ram:DueDateDateTime>"
           "<udt:DateTimeString format=\"102\">" +
           due +
           "</udt:DateTimeString></ram:DueDateDateTime></ram:SpecifiedTradePaymentTerms>"
           "</ram:ApplicableHeaderTradeSettlement></rsm:SupplyChainTradeTransaction>"
           "</rsm:CrossIndustryInvoice>";
  }
};

// The BR-FR ids reported on a document with the profile "fr".
std::set<std::string> french_ids_of(const std::string& xml) {
  auto read = engine::read_invoice(xml, "fr.xml");
  REQUIRE(read);
  REQUIRE(read->document);
  validation::RuleOptions options;
  options.profile = validation::Profile::kFrance;
  std::set<std::string> out;
  for (const auto& d : validation::check_rules(read->parsed.invoice, read->source_syntax,
                                               &*read->document, "fr.xml", options)) {
    if (d.rule_id.rfind("BR-FR-", 0) == 0)
      out.insert(d.rule_id);
  }
  return out;
}

std::set<std::string> french_ids(const FrenchCii& invoice) {
  return french_ids_of(invoice.xml());
}

std::set<std::string> breaking(void (*change)(FrenchCii&)) {
  FrenchCii invoice;
  change(invoice);
  return french_ids(invoice);
}

}  // namespace

TEST_CASE("BR-FR messages are the published ones, a path rule's with the value found", "[french]") {
  FrenchCii invoice;
  invoice.number = "F#2026";
  auto read = engine::read_invoice(invoice.xml(), "fr.xml");
  REQUIRE(read);
  validation::RuleOptions options;
  options.profile = validation::Profile::kFrance;
  std::string message;
  for (const auto& d : validation::check_rules(read->parsed.invoice, read->source_syntax,
                                               &*read->document, "fr.xml", options)) {
    if (d.rule_id == "BR-FR-02_BT-1")
      message = d.message;
  }
  CHECK(message ==
        "BR-FR-02/BT-1 : L'identifiant de facture (ram:ID) contient des caractères non "
        "autorisés. Valeur actuelle : \"F#2026\". Seuls les caractères alphanumériques et les "
        "symboles + - _ / sont autorisés, sans espaces.");
}

TEST_CASE("BR-FR: an invoice meeting the French rules gets no BR-FR finding", "[french]") {
  CHECK(french_ids(FrenchCii{}).empty());
}

TEST_CASE("BR-FR-01/02: the invoice number's length and characters", "[french]") {
  CHECK(breaking([](FrenchCii& i) { i.number = std::string(36, '1'); }) ==
        std::set<std::string>{"BR-FR-01_BT-1"});
  CHECK(breaking([](FrenchCii& i) { i.number = std::string(35, '1'); }).empty());
  CHECK(breaking([](FrenchCii& i) { i.number = "F 2026"; }) ==
        std::set<std::string>{"BR-FR-02_BT-1"});
  CHECK(breaking([](FrenchCii& i) { i.number = "F#2026"; }) ==
        std::set<std::string>{"BR-FR-02_BT-1"});
  CHECK(breaking([](FrenchCii& i) { i.number = "A+b-C_d/9"; }).empty());
}

TEST_CASE("BR-FR-03: dates are real days of 2000-2099", "[french]") {
  CHECK(breaking([](FrenchCii& i) { i.issue = "20260230"; }).count("BR-FR-03_BT-2") == 1);
  CHECK(breaking([](FrenchCii& i) { i.issue = "19991231"; }).count("BR-FR-03_BT-2") == 1);
  CHECK(breaking([](FrenchCii& i) {
          i.issue = "20240229";
          i.due = "20240330";
        }).empty());  // a leap day
  CHECK(breaking([](FrenchCii& i) { i.due = "20261131"; }).count("BR-FR-03_BT-9") == 1);
}

TEST_CASE("BR-FR-04: the document type is one of the French list", "[french]") {
  CHECK(breaking([](FrenchCii& i) { i.type = "325"; }) == std::set<std::string>{"BR-FR-04_BT-3"});
  // A credit note must name the invoice it corrects (BR-FR-CO-05).
  CHECK(breaking([](FrenchCii& i) { i.type = "381"; }) ==
        std::set<std::string>{"BR-FR-CO-05_BT-3"});
}

TEST_CASE("BR-FR-05/06: the PMT, PMD and AAB notes, once each", "[french]") {
  CHECK(breaking([](FrenchCii& i) { i.notes.clear(); }) ==
        std::set<std::string>{"BR-FR-05_BT-22_PMT", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_AAB"});
  CHECK(breaking([](FrenchCii& i) {
          i.notes +=
              "<ram:IncludedNote><ram:Content>x</ram:Content><ram:SubjectCode>PMT"
              "</ram:SubjectCode></ram:IncludedNote>";
        }) == std::set<std::string>{"BR-FR-06_BT-21_PMT"});
  CHECK(breaking([](FrenchCii& i) {
          for (int n = 0; n < 2; ++n)
            i.notes +=
                "<ram:IncludedNote><ram:Content>x</ram:Content><ram:SubjectCode>TXD"
                "</ram:SubjectCode></ram:IncludedNote>";
        }) == std::set<std::string>{"BR-FR-06_BT-21_TXD"});
}

TEST_CASE("BR-FR-08: the billing mode is present and known", "[french]") {
  CHECK(breaking([](FrenchCii& i) { i.mode = "A1"; }) == std::set<std::string>{"BR-FR-08_BT-23"});
  CHECK(breaking([](FrenchCii& i) { i.mode = "M9"; }).empty());
}

TEST_CASE("BR-FR-10/12/13: seller SIREN and both electronic addresses", "[french]") {
  CHECK(breaking([](FrenchCii& i) { i.seller_siren.clear(); }) ==
        std::set<std::string>{"BR-FR-10_BT-30"});
  CHECK(breaking([](FrenchCii& i) {
          i.seller_siren =
              "<ram:SpecifiedLegalOrganization><ram:ID schemeID=\"0002\">5421076"
              "</ram:ID></ram:SpecifiedLegalOrganization>";
        }) == std::set<std::string>{"BR-FR-10_BT-30", "BR-FR-32-LEGALID"});
  // An empty address with scheme 0225 also breaks its format (BR-FR-23).
  CHECK(breaking([](FrenchCii& i) { i.buyer_uri.clear(); }) ==
        std::set<std::string>{"BR-FR-12_BT-49", "BR-FR-23_BT-49"});
  CHECK(breaking([](FrenchCii& i) { i.seller_uri.clear(); }) ==
        std::set<std::string>{"BR-FR-13_BT-34", "BR-FR-23_BT-34"});
  CHECK(breaking([](FrenchCii& i) { i.buyer_uri = "123 456"; }) ==
        std::set<std::string>{"BR-FR-23_BT-49"});
  CHECK(breaking([](FrenchCii& i) { i.buyer_uri = std::string(126, '1'); }) ==
        std::set<std::string>{"BR-FR-25_BT-49"});
}

TEST_CASE("BR-FR-16 and BR-FR-DEC-04: VAT rates of the French list and format", "[french]") {
  CHECK(breaking([](FrenchCii& i) { i.header_rate = "19"; }) ==
        std::set<std::string>{"BR-FR-16_BT-119"});
  CHECK(breaking([](FrenchCii& i) { i.line_rate = "20.000"; }) ==
        std::set<std::string>{"BR-FR-16_BT-152", "BR-FR-DEC-04_BT-152"});
  CHECK(breaking([](FrenchCii& i) { i.line_rate = "5.50"; }).empty());
}

TEST_CASE("BR-FR-17: attachment qualification codes", "[french]") {
  CHECK(breaking([](FrenchCii& i) {
          i.attachment =
              "<ram:AdditionalReferencedDocument><ram:IssuerAssignedID>a"
              "</ram:IssuerAssignedID><ram:TypeCode>916</ram:TypeCode>"
              "<ram:Name>PHOTO</ram:Name></ram:AdditionalReferencedDocument>";
        }) == std::set<std::string>{"BR-FR-17_BT-123"});
  CHECK(breaking([](FrenchCii& i) {
          i.attachment =
              "<ram:AdditionalReferencedDocument><ram:IssuerAssignedID>a"
              "</ram:IssuerAssignedID><ram:TypeCode>916</ram:TypeCode>"
              "<ram:Name>BON_COMMANDE</ram:Name></ram:AdditionalReferencedDocument>";
        }).empty());
}

TEST_CASE("BR-FR-CO-07: a due date is not before the issue date, except deposits", "[french]") {
  CHECK(breaking([](FrenchCii& i) { i.due = "20261001"; }) ==
        std::set<std::string>{"BR-FR-CO-07_BT-9"});
  CHECK(breaking([](FrenchCii& i) {
          i.due = "20261001";
          i.type = "386";
        }).empty());
  CHECK(breaking([](FrenchCii& i) {
          i.due = "20261001";
          i.mode = "S2";
        }).count("BR-FR-CO-07_BT-9") == 0);
}

TEST_CASE("BR-FR-CO-12: an invoice in another currency gives its VAT in EUR", "[french]") {
  CHECK(breaking([](FrenchCii& i) { i.currency = "USD"; }) ==
        std::set<std::string>{"BR-FR-CO-12_BT-5"});
}

TEST_CASE("BR-FR-DEC-02: quantities have at most 4 decimals and 19 digits", "[french]") {
  CHECK(breaking([](FrenchCii& i) { i.quantity = "1.23456"; }) ==
        std::set<std::string>{"BR-FR-DEC-02_BT-129"});
  CHECK(breaking([](FrenchCii& i) { i.quantity = "-1.2345"; }).empty());
}

TEST_CASE("BR-FR-01/02/03/04 on referenced invoices and other dates", "[french]") {
  FrenchCii invoice;
  invoice.tax_currency =
      "<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>F 1</ram:IssuerAssignedID>"
      "<ram:TypeCode>999</ram:TypeCode><ram:FormattedIssueDateTime>"
      "<qdt:DateTimeString xmlns:qdt=\"urn:un:unece:uncefact:data:standard:QualifiedDataType:100\""
      " format=\"102\">20261301</qdt:DateTimeString></ram:FormattedIssueDateTime>"
      "</ram:InvoiceReferencedDocument>";
  CHECK(french_ids(invoice) ==
        std::set<std::string>{"BR-FR-02_BT-25", "BR-FR-03_BT-26", "BR-FR-04_EXT-FR-FE-02"});
}

TEST_CASE("BR-FR-20/31: the BAR treatment note", "[french]") {
  auto bar = [](const char* value) {
    return std::string("<ram:IncludedNote><ram:Content>") + value +
           "</ram:Content><ram:SubjectCode>BAR</ram:SubjectCode></ram:IncludedNote>";
  };
  FrenchCii invoice;
  invoice.notes += bar("B2B");
  // B2B: the buyer's SIREN is required (BR-FR-11); its address must start
  // with it, scheme 0225 (BR-FR-21, which an absent SIREN cannot break).
  CHECK(french_ids(invoice) == std::set<std::string>{"BR-FR-11_BT-47"});
  invoice.buyer_siren =
      "<ram:SpecifiedLegalOrganization><ram:ID schemeID=\"0002\">987654321"
      "</ram:ID></ram:SpecifiedLegalOrganization>";
  CHECK(french_ids(invoice) == std::set<std::string>{"BR-FR-21_BT-49"});
  invoice.buyer_siren =
      "<ram:SpecifiedLegalOrganization><ram:ID schemeID=\"0002\">123456789"
      "</ram:ID></ram:SpecifiedLegalOrganization>";
  CHECK(french_ids(invoice).empty());
  invoice.notes += bar("B2C");
  CHECK(french_ids(invoice) == std::set<std::string>{"BR-FR-31_BT-21"});
  FrenchCii wrong;
  wrong.notes += bar("B2G");
  CHECK(french_ids(wrong) == std::set<std::string>{"BR-FR-20_BT-21"});
}

TEST_CASE("BR-FR-18: one readable copy (LISIBLE) at most", "[french]") {
  const std::string lisible =
      "<ram:AdditionalReferencedDocument><ram:IssuerAssignedID>p</ram:IssuerAssignedID>"
      "<ram:TypeCode>916</ram:TypeCode><ram:Name>LISIBLE</ram:Name>"
      "</ram:AdditionalReferencedDocument>";
  FrenchCii one;
  one.attachment = lisible;
  CHECK(french_ids(one).empty());
  FrenchCii two;
  two.attachment = lisible + lisible;
  CHECK(french_ids(two) == std::set<std::string>{"BR-FR-18_BT-123"});
}

TEST_CASE("BR-FR-CO-03/08: global allowance credit notes and final invoices", "[french]") {
  CHECK(breaking([](FrenchCii& i) { i.type = "262"; }) ==
        std::set<std::string>{"BR-FR-CO-03_BT-3"});
  CHECK(breaking([](FrenchCii& i) {
          i.type = "386";
          i.mode = "S4";
        }) == std::set<std::string>{"BR-FR-CO-08_BT-23"});
  CHECK(breaking([](FrenchCii& i) { i.mode = "S4"; }).empty());
}

TEST_CASE("BR-FR-DEC-01: amounts have at most 2 decimals and 19 digits", "[french]") {
  FrenchCii invoice;
  invoice.tax_currency =
      "<ram:SpecifiedTradeSettlementHeaderMonetarySummation><ram:LineTotalAmount>100.005"
      "</ram:LineTotalAmount><ram:TaxTotalAmount currencyID=\"EUR\">20.00</ram:TaxTotalAmount>"
      "<ram:GrandTotalAmount>-120.0</ram:GrandTotalAmount>"
      "</ram:SpecifiedTradeSettlementHeaderMonetarySummation>";
  CHECK(french_ids(invoice) == std::set<std::string>{"BR-FR-DEC-01_BT-106"});
}

TEST_CASE("BR-FR-09 and BR-FR-CO-10: SIRETs and identifier schemes of a party", "[french]") {
  CHECK(breaking([](FrenchCii& i) {
          i.seller_extra = "<ram:GlobalID schemeID=\"0009\">54210765100011</ram:GlobalID>";
        }).empty());
  CHECK(breaking([](FrenchCii& i) {
          i.seller_extra = "<ram:GlobalID schemeID=\"0009\">12345678900011</ram:GlobalID>";
        }) == std::set<std::string>{"BR-FR-09_BT-29"});
  CHECK(breaking([](FrenchCii& i) { i.seller_extra = "<ram:GlobalID>1</ram:GlobalID>"; }) ==
        std::set<std::string>{"BR-FR-CO-10_BT-29-1"});
  CHECK(breaking([](FrenchCii& i) {
          i.seller_extra =
              "<ram:GlobalID schemeID=\"0088\">1</ram:GlobalID>"
              "<ram:GlobalID schemeID=\"0088\">2</ram:GlobalID>";
        }) == std::set<std::string>{"BR-FR-CO-10_BT-29-2"});
}

TEST_CASE("BR-FR-15: VAT categories of the French list, never L or M", "[french]") {
  FrenchCii canary;
  canary.line_rate = "20";
  canary.header_rate = "20";
  CHECK(french_ids(canary).empty());
  FrenchCii with_l;
  with_l.line_extra =
      "<ram:SpecifiedLineTradeSettlement><ram:ApplicableTradeTax>"
      "<ram:CategoryCode>L</ram:CategoryCode></ram:ApplicableTradeTax>"
      "</ram:SpecifiedLineTradeSettlement>";
  CHECK(french_ids(with_l) ==
        std::set<std::string>{"BR-FR-15_BT-95_BT-151", "BR-FR-15_BT-95_BT-151_LM"});
  FrenchCii group;
  group.line_extra =
      "<ram:AssociatedDocumentLineDocument><ram:LineStatusReasonCode>GROUP"
      "</ram:LineStatusReasonCode></ram:AssociatedDocumentLineDocument>"
      "<ram:SpecifiedLineTradeSettlement><ram:ApplicableTradeTax>"
      "</ram:ApplicableTradeTax></ram:SpecifiedLineTradeSettlement>";
  CHECK(french_ids(group).empty());  // a group line may carry no category
}

TEST_CASE("BR-FR-27/28: item attributes have a name or code, and one kind of value", "[french]") {
  auto with = [](const std::string& characteristic) {
    FrenchCii invoice;
    invoice.line_extra = "<ram:SpecifiedTradeProduct><ram:ApplicableProductCharacteristic>" +
                         characteristic +
                         "</ram:ApplicableProductCharacteristic></ram:SpecifiedTradeProduct>";
    return french_ids(invoice);
  };
  CHECK(with("<ram:Description>Couleur</ram:Description><ram:Value>Rouge</ram:Value>").empty());
  CHECK(with("<ram:Value>Rouge</ram:Value>") == std::set<std::string>{"BR-FR-27_BG-32"});
  CHECK(with("<ram:Description>Poids</ram:Description><ram:ValueMeasure unitCode=\"KGM\">2"
             "</ram:ValueMeasure>")
            .empty());
  CHECK(with("<ram:Description>Poids</ram:Description><ram:Value>2</ram:Value>"
             "<ram:ValueMeasure unitCode=\"KGM\">2</ram:ValueMeasure>") ==
        std::set<std::string>{"BR-FR-28-Value"});
}

TEST_CASE("BR-FR-29/30: one AFL and one AVV reference at most", "[french]") {
  const std::string afl =
      "<ram:AdditionalReferencedDocument><ram:IssuerAssignedID>A"
      "</ram:IssuerAssignedID><ram:ReferenceTypeCode>AFL"
      "</ram:ReferenceTypeCode></ram:AdditionalReferencedDocument>";
  FrenchCii header;
  header.agreement_extra = afl + afl;
  CHECK(french_ids(header) == std::set<std::string>{"BR-FR-29_BT-18"});
  FrenchCii line;
  line.line_extra = afl + afl;
  CHECK(french_ids(line) == std::set<std::string>{"BR-FR-30_BT-128"});
}

TEST_CASE("BR-FR-CO-04/09/14/15: references, paid invoices, single taxpayer", "[french]") {
  // A corrective invoice (384) names exactly one invoice.
  CHECK(breaking([](FrenchCii& i) { i.type = "384"; }) ==
        std::set<std::string>{"BR-FR-CO-04_BT-4"});
  // Mode S2 (already paid): prepaid = total, nothing due, a due date.
  FrenchCii paid;
  paid.mode = "S2";
  paid.tax_currency =
      "<ram:SpecifiedTradeSettlementHeaderMonetarySummation><ram:GrandTotalAmount>120.00"
      "</ram:GrandTotalAmount><ram:TotalPrepaidAmount>120.00</ram:TotalPrepaidAmount>"
      "<ram:DuePayableAmount>0.00</ram:DuePayableAmount>"
      "</ram:SpecifiedTradeSettlementHeaderMonetarySummation>";
  CHECK(french_ids(paid).empty());
  paid.tax_currency =
      "<ram:SpecifiedTradeSettlementHeaderMonetarySummation><ram:GrandTotalAmount>120.00"
      "</ram:GrandTotalAmount><ram:TotalPrepaidAmount>100.00</ram:TotalPrepaidAmount>"
      "<ram:DuePayableAmount>20.00</ram:DuePayableAmount>"
      "</ram:SpecifiedTradeSettlementHeaderMonetarySummation>";
  CHECK(french_ids(paid) == std::set<std::string>{"BR-FR-CO-09_BT-23-1", "BR-FR-CO-09_BT-23-2"});
  // A single VAT taxpayer member (scheme 0231) says so in a TXD note and has
  // a tax representative with a VAT number.
  FrenchCii member;
  member.seller_extra = "<ram:GlobalID schemeID=\"0231\">542107651</ram:GlobalID>";
  CHECK(french_ids(member) == std::set<std::string>{"BR-FR-CO-14_BT-29-1", "BR-FR-CO-15_BT-29-1"});
  member.notes +=
      "<ram:IncludedNote><ram:Content>MEMBRE_ASSUJETTI_UNIQUE</ram:Content>"
      "<ram:SubjectCode>TXD</ram:SubjectCode></ram:IncludedNote>";
  member.agreement_extra =
      "<ram:SellerTaxRepresentativeTradeParty><ram:Name>R</ram:Name>"
      "<ram:SpecifiedTaxRegistration><ram:ID schemeID=\"VA\">FR13542107651</ram:ID>"
      "</ram:SpecifiedTaxRegistration></ram:SellerTaxRepresentativeTradeParty>";
  CHECK(french_ids(member).empty());
}

TEST_CASE("BR-FR-DEC-03: prices have at most 6 decimals, positive unless mode x9", "[french]") {
  auto priced = [](const char* price, const char* mode) {
    FrenchCii invoice;
    invoice.mode = mode;
    invoice.line_extra = std::string(
                             "<ram:SpecifiedLineTradeAgreement>"
                             "<ram:NetPriceProductTradePrice><ram:ChargeAmount>") +
                         price +
                         "</ram:ChargeAmount></ram:NetPriceProductTradePrice>"
                         "</ram:SpecifiedLineTradeAgreement>";
    return french_ids(invoice);
  };
  CHECK(priced("12.123456", "S1").empty());
  CHECK(priced("12.1234567", "S1") == std::set<std::string>{"BR-FR-DEC-03_BT-146"});
  CHECK(priced("-12.50", "S1") == std::set<std::string>{"BR-FR-DEC-03_BT-146"});
  CHECK(priced("-12.50", "S9").empty());
}

TEST_CASE("BR-FR: the transition mode reports the French rules as warnings", "[french]") {
  FrenchCii invoice;
  invoice.notes.clear();
  auto read = engine::read_invoice(invoice.xml(), "fr.xml");
  REQUIRE(read);
  validation::RuleOptions options;
  options.profile = validation::Profile::kFrance;
  options.french_mode = validation::FrenchMode::kWarnings;
  int french = 0;
  for (const auto& d : validation::check_rules(read->parsed.invoice, read->source_syntax,
                                               &*read->document, "fr.xml", options)) {
    if (d.rule_id.rfind("BR-FR-", 0) == 0) {
      ++french;
      CHECK(d.severity == model::Severity::kWarning);
    }
  }
  CHECK(french == 3);
}

}  // namespace einvoice

namespace einvoice {
namespace {

// A UBL invoice meeting every implemented French rule of the UBL artefact.
struct FrenchUbl {
  std::string id = "F-2026-0042";
  std::string type = "380";
  std::string issue = "2026-10-14";
  std::string due = "2026-11-13";
  std::string mode = "S1";
  std::string notes =
      "<cbc:Note>#PMT#Indemnite 40 EUR</cbc:Note><cbc:Note>#PMD#Penalites</cbc:Note>"
      "<cbc:Note>#AAB#Pas d'escompte</cbc:Note>";
  std::string currency = "EUR";
  std::string seller_siren = "542107651";
  std::string buyer_siren;
  std::string seller_endpoint = "542107651";
  std::string buyer_endpoint = "123456789";
  std::string percent = "20";
  std::string payable = "120.00";
  std::string quantity = "2";
  std::string extra;       // more root children before the parties
  std::string seller_ids;  // cac:PartyIdentification of the seller
  std::string line_extra;  // inside the line, before the item
  std::string item_extra;  // inside the item, after its name

  std::string xml() const {
    std::string buyer_legal =
        buyer_siren.empty() ? std::string()
                            : "<cac:PartyLegalEntity><cbc:RegistrationName>B</cbc:RegistrationName>"
                              "<cbc:CompanyID schemeID=\"0002\">" +
                                  buyer_siren + "</cbc:CompanyID></cac:PartyLegalEntity>";
    return "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\""
           " xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\""
           " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">"
           "<cbc:ProfileID>" +
           mode + "</cbc:ProfileID><cbc:ID>" + id + "</cbc:ID><cbc:IssueDate>" + issue +
           "</cbc:IssueDate><cbc:DueDate>" + due + "</cbc:DueDate><cbc:InvoiceTypeCode>" + type +
           "</cbc:InvoiceTypeCode>" + notes + "<cbc:DocumentCurrencyCode>" + currency +
           "</cbc:DocumentCurrencyCode>" + extra +
           "<cac:AccountingSupplierParty><cac:Party><cbc:EndpointID schemeID=\"0225\">" +
           seller_endpoint + "</cbc:EndpointID>" + seller_ids +
           "<cac:PartyLegalEntity><cbc:RegistrationName>S</cbc:RegistrationName>"
           "<cbc:CompanyID schemeID=\"0002\">" +
           seller_siren +
           "</cbc:CompanyID></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>"
           "<cac:AccountingCustomerParty><cac:Party><cbc:EndpointID schemeID=\"0225\">" +
           buyer_endpoint + "</cbc:EndpointID>" + buyer_legal +
           "</cac:Party></cac:AccountingCustomerParty>"
           "<cac:TaxTotal><cbc:TaxAmount currencyID=\"EUR\">20.00</cbc:TaxAmount><cac:TaxSubtotal>"
           "<cbc:TaxableAmount currencyID=\"EUR\">100.00</cbc:TaxableAmount>"
           "<cbc:TaxAmount currencyID=\"EUR\">20.00</cbc:TaxAmount><cac:TaxCategory><cbc:ID>S"
           "</cbc:ID><cbc:Percent>" +
           percent +
           "</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>"
           "</cac:TaxSubtotal></cac:TaxTotal><cac:LegalMonetaryTotal>"
           "<cbc:PayableAmount currencyID=\"EUR\">" +
           payable +
           "</cbc:PayableAmount></cac:LegalMonetaryTotal><cac:InvoiceLine><cbc:ID>1</cbc:ID>"
           "<cbc:InvoicedQuantity unitCode=\"C62\">" +
           quantity +
           "</cbc:InvoicedQuantity><cbc:LineExtensionAmount currencyID=\"EUR\">100.00"
           "</cbc:LineExtensionAmount>" +
           line_extra + "<cac:Item><cbc:Name>x</cbc:Name>" + item_extra +
           "<cac:ClassifiedTaxCategory>"
           "<cbc:ID>S</cbc:ID><cbc:Percent>" +
           percent +
           "</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>"
           "</cac:ClassifiedTaxCategory></cac:Item></cac:InvoiceLine></Invoice>";
  }
};

std::set<std::string> french_ubl_ids(const FrenchUbl& invoice) {
  return french_ids_of(invoice.xml());
}

std::set<std::string> ubl_breaking(void (*change)(FrenchUbl&)) {
  FrenchUbl invoice;
  change(invoice);
  return french_ubl_ids(invoice);
}

}  // namespace

TEST_CASE("BR-FR (UBL): an invoice meeting the French rules gets no BR-FR finding",
          "[french][ubl]") {
  CHECK(french_ubl_ids(FrenchUbl{}).empty());
}

TEST_CASE("BR-FR (UBL): identifiers, dates and document types", "[french][ubl]") {
  CHECK(ubl_breaking([](FrenchUbl& i) { i.id = "F 2026"; }) ==
        std::set<std::string>{"BR-FR-01_BT-1-2", "BR-FR-02_BT-1"});
  CHECK(ubl_breaking([](FrenchUbl& i) { i.id = std::string(36, '1'); }) ==
        std::set<std::string>{"BR-FR-01_BT-1-1"});
  CHECK(ubl_breaking([](FrenchUbl& i) { i.issue = "2026-02-30"; }).count("BR-FR-03_BT-2") == 1);
  CHECK(ubl_breaking([](FrenchUbl& i) { i.due = "20261113"; }).count("BR-FR-03_BT-9") == 1);
  CHECK(ubl_breaking([](FrenchUbl& i) { i.type = "325"; }) ==
        std::set<std::string>{"BR-FR-04_BT-3"});
}

TEST_CASE("BR-FR (UBL): notes carry #PMT#, #PMD# and #AAB# once, BAR once", "[french][ubl]") {
  CHECK(ubl_breaking([](FrenchUbl& i) { i.notes.clear(); }) ==
        std::set<std::string>{"BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3"});
  CHECK(ubl_breaking([](FrenchUbl& i) { i.notes += "<cbc:Note>#PMT#encore</cbc:Note>"; }) ==
        std::set<std::string>{"BR-FR-06_BT-21-1"});
  CHECK(ubl_breaking([](FrenchUbl& i) { i.notes += "<cbc:Note>#BAR#B2G</cbc:Note>"; }) ==
        std::set<std::string>{"BR-FR-20_BT-21"});
  CHECK(ubl_breaking([](FrenchUbl& i) {
          i.notes += "<cbc:Note>#BAR#B2C#</cbc:Note><cbc:Note>#BAR#B2CINT#</cbc:Note>";
        }) == std::set<std::string>{"BR-FR-30_BT-21"});
}

TEST_CASE("BR-FR (UBL): billing mode, SIRENs and electronic addresses", "[french][ubl]") {
  CHECK(ubl_breaking([](FrenchUbl& i) { i.mode = "urn:fdc:peppol.eu:2017"; }) ==
        std::set<std::string>{"BR-FR-08_BT-23"});
  CHECK(ubl_breaking([](FrenchUbl& i) { i.seller_siren = "5421"; }) ==
        std::set<std::string>{"BR-FR-10_BT-30", "BR-FR-32-LEGALID"});
  CHECK(ubl_breaking([](FrenchUbl& i) { i.buyer_endpoint = " "; }).count("BR-FR-12_BT-49") == 1);
  CHECK(ubl_breaking([](FrenchUbl& i) { i.seller_endpoint = ""; }).count("BR-FR-13_BT-34") == 1);
  // B2B: the buyer's SIREN, which its address starts with.
  CHECK(ubl_breaking([](FrenchUbl& i) { i.notes += "<cbc:Note>#BAR#B2B</cbc:Note>"; }) ==
        std::set<std::string>{"BR-FR-11_BT-47"});
  CHECK(ubl_breaking([](FrenchUbl& i) {
          i.notes += "<cbc:Note>#BAR#B2B</cbc:Note>";
          i.buyer_siren = "987654321";
        }) == std::set<std::string>{"BR-FR-21_BT-49"});
  CHECK(ubl_breaking([](FrenchUbl& i) {
          i.notes += "<cbc:Note>#BAR#B2B</cbc:Note>";
          i.buyer_siren = "123456789";
        }).empty());
}

TEST_CASE("BR-FR (UBL): VAT rates, currencies, dates and amounts", "[french][ubl]") {
  CHECK(ubl_breaking([](FrenchUbl& i) { i.percent = "25"; }) ==
        std::set<std::string>{"BR-FR-16_BT-119", "BR-FR-16_BT-152"});
  CHECK(ubl_breaking([](FrenchUbl& i) { i.percent = "20.000"; }) ==
        std::set<std::string>{"BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-DEC-04_BT-119",
                              "BR-FR-DEC-04_BT-152"});
  CHECK(ubl_breaking([](FrenchUbl& i) { i.currency = "USD"; }).count("BR-FR-CO-12_BT-5") == 1);
  CHECK(ubl_breaking([](FrenchUbl& i) { i.due = "2026-10-01"; }) ==
        std::set<std::string>{"BR-FR-CO-07_BT-9"});
  CHECK(ubl_breaking([](FrenchUbl& i) {
          i.due = "2026-10-01";
          i.type = "386";
        }).empty());
  CHECK(ubl_breaking([](FrenchUbl& i) { i.payable = "120.001"; }) ==
        std::set<std::string>{"BR-FR-DEC-01_BT-115"});
  CHECK(ubl_breaking([](FrenchUbl& i) { i.quantity = "1.23456"; }) ==
        std::set<std::string>{"BR-FR-DEC-02_BT-129"});
}

TEST_CASE("BR-FR (UBL): SIRET and identifier schemes of the seller", "[french][ubl]") {
  CHECK(ubl_breaking([](FrenchUbl& i) {
          i.seller_ids =
              "<cac:PartyIdentification><cbc:ID schemeID=\"0009\">54210765100011"
              "</cbc:ID></cac:PartyIdentification>";
        }).empty());
  CHECK(ubl_breaking([](FrenchUbl& i) {
          i.seller_ids =
              "<cac:PartyIdentification><cbc:ID schemeID=\"0009\">12345678900011"
              "</cbc:ID></cac:PartyIdentification>";
        }) == std::set<std::string>{"BR-FR-09_BT-29"});
  CHECK(ubl_breaking([](FrenchUbl& i) {
          i.seller_ids = "<cac:PartyIdentification><cbc:ID>1</cbc:ID></cac:PartyIdentification>";
        }) == std::set<std::string>{"BR-FR-CO-10_BT-29-1"});
  CHECK(ubl_breaking([](FrenchUbl& i) {
          i.seller_ids =
              "<cac:PartyIdentification><cbc:ID schemeID=\"0088\">1</cbc:ID>"
              "</cac:PartyIdentification><cac:PartyIdentification>"
              "<cbc:ID schemeID=\"0088\">2</cbc:ID></cac:PartyIdentification>";
        }) == std::set<std::string>{"BR-FR-CO-10_BT-29-2"});
}

TEST_CASE("BR-FR (UBL): references, item attributes, paid invoices and prices", "[french][ubl]") {
  CHECK(ubl_breaking([](FrenchUbl& i) {
          i.extra =
              "<cac:AdditionalDocumentReference><cbc:ID schemeID=\"AFL\">1</cbc:ID>"
              "<cbc:ID schemeID=\"AFL\">2</cbc:ID></cac:AdditionalDocumentReference>";
        }) == std::set<std::string>{"BR-FR-29_BT-18"});
  CHECK(ubl_breaking([](FrenchUbl& i) {
          i.line_extra =
              "<cac:DocumentReference><cbc:ID schemeID=\"AVV\">1</cbc:ID>"
              "<cbc:ID schemeID=\"AVV\">2</cbc:ID></cac:DocumentReference>";
        }) == std::set<std::string>{"BR-FR-30_BT-128"});
  CHECK(ubl_breaking([](FrenchUbl& i) {
          i.item_extra =
              "<cac:AdditionalItemProperty><cbc:Name>Poids</cbc:Name><cbc:Value>2"
              "</cbc:Value><cbc:ValueQuantity unitCode=\"KGM\">2</cbc:ValueQuantity>"
              "</cac:AdditionalItemProperty>";
        }) == std::set<std::string>{"BR-FR-28-Value"});
  CHECK(ubl_breaking([](FrenchUbl& i) { i.type = "384"; }) ==
        std::set<std::string>{"BR-FR-CO-04_BT-3"});
  // Mode S2 (already paid) with an amount still payable.
  CHECK(ubl_breaking([](FrenchUbl& i) { i.mode = "S2"; }) ==
        std::set<std::string>{"BR-FR-CO-09_BT-23-1", "BR-FR-CO-09_BT-23-2"});
  CHECK(ubl_breaking([](FrenchUbl& i) {
          i.line_extra =
              "<cac:Price><cbc:PriceAmount currencyID=\"EUR\">-50.00</cbc:PriceAmount>"
              "</cac:Price>";
        }) == std::set<std::string>{"BR-FR-DEC-03_BT-146"});
}

TEST_CASE("BR-FR-CO-05 (UBL): a credit note names the invoice it corrects", "[french][ubl]") {
  auto credit_note = [](const std::string& references, const std::string& line_references) {
    return "<CreditNote xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\""
           " xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:"
           "CommonAggregateComponents-2\""
           " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">"
           "<cbc:ID>AV-1</cbc:ID><cbc:IssueDate>2026-10-14</cbc:IssueDate>"
           "<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>" +
           references + "<cac:CreditNoteLine><cbc:ID>1</cbc:ID>" + line_references +
           "</cac:CreditNoteLine></CreditNote>";
  };
  const std::string dated =
      "<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>F-1"
      "</cbc:ID><cbc:IssueDate>2026-09-01</cbc:IssueDate>"
      "</cac:InvoiceDocumentReference></cac:BillingReference>";
  CHECK(french_ids_of(credit_note("", "")).count("BR-FR-CO-05_BT-3") == 1);
  CHECK(french_ids_of(credit_note(dated, "")).count("BR-FR-CO-05_BT-3") == 0);
  CHECK(french_ids_of(credit_note("", dated)).count("BR-FR-CO-05_BT-3") == 0);
}

TEST_CASE("BR-FR-22/24/26 (CII): self-billing addresses, 0224 identifiers", "[french]") {
  // Self-billed (389) B2B: the seller's address starts with its SIREN.
  CHECK(breaking([](FrenchCii& i) {
          i.type = "389";
          i.notes +=
              "<ram:IncludedNote><ram:Content>B2B</ram:Content><ram:SubjectCode>BAR"
              "</ram:SubjectCode></ram:IncludedNote>";
          i.seller_uri = "999999999";
          i.buyer_siren =
              "<ram:SpecifiedLegalOrganization><ram:ID schemeID=\"0002\">"
              "123456789</ram:ID></ram:SpecifiedLegalOrganization>";
        }) == std::set<std::string>{"BR-FR-22_BT-34"});
  CHECK(breaking([](FrenchCii& i) {
          i.seller_extra = "<ram:GlobalID schemeID=\"0224\">AB CD</ram:GlobalID>";
        }) == std::set<std::string>{"BR-FR-24_BT-29"});
  CHECK(breaking([](FrenchCii& i) {
          i.seller_extra =
              "<ram:GlobalID schemeID=\"0224\">" + std::string(101, 'A') + "</ram:GlobalID>";
        }) == std::set<std::string>{"BR-FR-26_BT-29"});
  CHECK(breaking([](FrenchCii& i) {
          i.seller_extra = "<ram:GlobalID schemeID=\"0002\">12345</ram:GlobalID>";
        }) == std::set<std::string>{"BR-FR-32-GLOBALID"});
}

TEST_CASE("BR-FR (UBL): categories, attachments, self-billing, identifiers, single taxpayer",
          "[french][ubl]") {
  CHECK(ubl_breaking([](FrenchUbl& i) {
          i.item_extra.clear();
          i.extra =
              "<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator>"
              "<cbc:Amount currencyID=\"EUR\">1.00</cbc:Amount><cac:TaxCategory>"
              "<cbc:ID>M</cbc:ID></cac:TaxCategory></cac:AllowanceCharge>";
        }) == std::set<std::string>{"BR-FR-15_BT-95_BT-102-1", "BR-FR-15_BT-95_BT-102-2"});
  CHECK(ubl_breaking([](FrenchUbl& i) {
          i.extra =
              "<cac:AdditionalDocumentReference><cbc:ID>1</cbc:ID>"
              "<cbc:DocumentDescription>PHOTO</cbc:DocumentDescription>"
              "</cac:AdditionalDocumentReference>";
        }) == std::set<std::string>{"BR-FR-17_BT-123"});
  CHECK(ubl_breaking([](FrenchUbl& i) {
          const std::string lisible =
              "<cac:AdditionalDocumentReference><cbc:ID>1</cbc:ID>"
              "<cbc:DocumentDescription>LISIBLE</cbc:DocumentDescription>"
              "</cac:AdditionalDocumentReference>";
          i.extra = lisible + lisible;
        }) == std::set<std::string>{"BR-FR-18_BT-123"});
  CHECK(ubl_breaking([](FrenchUbl& i) {
          i.type = "389";
          i.notes += "<cbc:Note>#BAR#B2B</cbc:Note>";
          i.buyer_siren = "123456789";
          i.seller_endpoint = "999999999";
        }) == std::set<std::string>{"BR-FR-22_BT-34"});
  CHECK(ubl_breaking([](FrenchUbl& i) { i.seller_endpoint = "54210 7651"; }) ==
        std::set<std::string>{"BR-FR-23_BT-34"});
  CHECK(ubl_breaking([](FrenchUbl& i) { i.seller_endpoint = std::string(126, '5'); }) ==
        std::set<std::string>{"BR-FR-25_BT-34"});
  CHECK(ubl_breaking([](FrenchUbl& i) {
          i.seller_ids =
              "<cac:PartyIdentification><cbc:ID schemeID=\"0224\">A B</cbc:ID>"
              "</cac:PartyIdentification>";
        }) == std::set<std::string>{"BR-FR-24_BT-29"});
  CHECK(ubl_breaking([](FrenchUbl& i) {
          i.seller_ids = "<cac:PartyIdentification><cbc:ID schemeID=\"0224\">" +
                         std::string(101, 'A') + "</cbc:ID></cac:PartyIdentification>";
        }) == std::set<std::string>{"BR-FR-26_BT-29"});
  CHECK(ubl_breaking([](FrenchUbl& i) {
          i.seller_ids =
              "<cac:PartyIdentification><cbc:ID schemeID=\"0002\">1234</cbc:ID>"
              "</cac:PartyIdentification>";
        }) == std::set<std::string>{"BR-FR-32-ID"});
  CHECK(ubl_breaking([](FrenchUbl& i) {
          i.mode = "S4";
          i.type = "386";
        }) == std::set<std::string>{"BR-FR-CO-08_BT-23"});
  // A member of a single VAT taxpayer (0231): TXD note and tax representative.
  CHECK(ubl_breaking([](FrenchUbl& i) {
          i.seller_ids =
              "<cac:PartyIdentification><cbc:ID schemeID=\"0231\">542107651"
              "</cbc:ID></cac:PartyIdentification>";
        }) == std::set<std::string>{"BR-FR-CO-14_BT-29-1", "BR-FR-CO-15_BT-29-1"});
}

TEST_CASE("BR-FR-CO-03 (UBL): a global allowance credit note names its contract and period",
          "[french][ubl]") {
  const std::string xml =
      "<CreditNote xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\""
      " xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\""
      " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">"
      "<cbc:ID>AV-2</cbc:ID><cbc:IssueDate>2026-10-14</cbc:IssueDate>"
      "<cbc:CreditNoteTypeCode>262</cbc:CreditNoteTypeCode></CreditNote>";
  CHECK(french_ids_of(xml).count("BR-FR-CO-03_BT-3") == 1);
}

TEST_CASE("BR-FR: the base invoices of testdata/fr-rules meet every French rule", "[french]") {
  // The two documents every per-rule case above starts from, as files: a
  // CII and a UBL invoice with the French mentions, SIREN, addresses and
  // rates right. Breaking any one of them gives that rule's id (above).
  for (const char* name : {"cii-meets-french-rules.xml", "ubl-meets-french-rules.xml"}) {
    INFO(name);
    std::ifstream in(std::string(EINVOICE_TESTDATA_DIR) + "/fr-rules/" + name);
    REQUIRE(in);
    const std::string xml((std::istreambuf_iterator<char>(in)), {});
    CHECK(french_ids_of(xml).empty());
    // And the same invoice without its notes misses the three mentions.
    std::string bare = xml;
    for (const char* marker : {"PMT", "PMD", "AAB"}) {
      const auto at = bare.find(marker);
      REQUIRE(at != std::string::npos);
      bare.replace(at, 3, "XXX");
    }
    CHECK(french_ids_of(bare).size() == 3);
  }
}

}  // namespace einvoice
