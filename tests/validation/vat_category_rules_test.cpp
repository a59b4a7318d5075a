// Unit tests of one rule family on hand-built invoices and documents.
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <string_view>

#include "engine/converter.h"
#include "validation/rule_families.h"
#include "validation/rules.h"

namespace einvoice {
namespace {

bool in_family(std::string_view id) {
  for (std::string_view prefix : {"BR-S-", "BR-Z-", "BR-E-", "BR-AE-", "BR-IC-", "BR-G-", "BR-O-",
                                  "BR-AF-", "BR-AG-", "BR-B-"}) {
    if (id.substr(0, prefix.size()) == prefix)
      return true;
  }
  return false;
}

// The VAT category rule ids reported on `xml`.
std::set<std::string> vat_ids(const std::string& xml) {
  auto read = engine::read_invoice(xml, "test.xml");
  REQUIRE(read);
  REQUIRE(read->document);
  std::set<std::string> out;
  for (const auto& d : validation::check_rules(read->parsed.invoice, read->source_syntax,
                                               &*read->document, "test.xml")) {
    if (in_family(d.rule_id))
      out.insert(d.rule_id);
  }
  return out;
}

// ---------------------------------------------------------------------------
// UBL

struct UblInvoice {
  std::string line_category = "S";
  std::string line_percent = "<cbc:Percent>25</cbc:Percent>";
  std::string line_amount = "100.00";
  std::string category = "S";
  std::string percent = "<cbc:Percent>25</cbc:Percent>";
  std::string taxable = "100.00";
  std::string tax = "25.00";
  std::string exemption;
  std::string supplier_tax_scheme =
      "<cac:PartyTaxScheme><cbc:CompanyID>DE123456789</cbc:CompanyID>"
      "<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>";
  std::string extra;  // more root children, after the tax total

  std::string xml() const {
    return std::string(
               "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\""
               " xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:"
               "CommonAggregateComponents-2\""
               " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:"
               "CommonBasicComponents-2\">"
               "<cbc:ID>1</cbc:ID><cbc:IssueDate>2024-01-01</cbc:IssueDate>"
               "<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>"
               "<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>"
               "<cac:AccountingSupplierParty><cac:Party>") +
           supplier_tax_scheme +
           "</cac:Party></cac:AccountingSupplierParty>"
           "<cac:TaxTotal><cbc:TaxAmount currencyID=\"EUR\">" +
           tax +
           "</cbc:TaxAmount><cac:TaxSubtotal>"
           "<cbc:TaxableAmount currencyID=\"EUR\">" +
           taxable + "</cbc:TaxableAmount><cbc:TaxAmount currencyID=\"EUR\">" + tax +
           "</cbc:TaxAmount><cac:TaxCategory><cbc:ID>" + category + "</cbc:ID>" + percent +
           exemption +
           "<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>"
           "</cac:TaxSubtotal></cac:TaxTotal>" +
           extra +
           "<cac:InvoiceLine><cbc:ID>1</cbc:ID>"
           "<cbc:InvoicedQuantity unitCode=\"C62\">1</cbc:InvoicedQuantity>"
           "<cbc:LineExtensionAmount currencyID=\"EUR\">" +
           line_amount +
           "</cbc:LineExtensionAmount><cac:Item><cbc:Name>x</cbc:Name>"
           "<cac:ClassifiedTaxCategory><cbc:ID>" +
           line_category + "</cbc:ID>" + line_percent +
           "<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory>"
           "</cac:Item><cac:Price><cbc:PriceAmount currencyID=\"EUR\">" +
           line_amount + "</cbc:PriceAmount></cac:Price></cac:InvoiceLine></Invoice>";
  }
};

UblInvoice zero_rated() {
  UblInvoice i;
  i.line_category = i.category = "Z";
  i.line_percent = i.percent = "<cbc:Percent>0</cbc:Percent>";
  i.tax = "0.00";
  return i;
}

TEST_CASE("VAT categories: the rule table lists every rule once with its published flag") {
  const auto rules = validation::vat_category_rules();
  CHECK(rules.size() == 98);  // 9 categories x 10, BR-IC-11/12, BR-O-11 to 14, BR-B-01/02
  std::set<std::string_view> ids;
  for (const auto& rule : rules) {
    CHECK(ids.insert(rule.id).second);
    CHECK(rule.flag == validation::kFatal);
    CHECK(in_family(rule.id));
    CHECK(rule.message.substr(1, rule.id.size()) == rule.id);
  }
}

TEST_CASE("VAT categories: a consistent UBL standard rated invoice reports nothing") {
  CHECK(vat_ids(UblInvoice{}.xml()).empty());
  CHECK(vat_ids(zero_rated().xml()).empty());
}

TEST_CASE("VAT categories: UBL BR-S-08 keeps the taxable amount strictly within one unit") {
  UblInvoice i;
  i.taxable = "100.99";  // 99.99 < 100.00 < 101.99
  i.tax = "25.25";
  CHECK(vat_ids(i.xml()).count("BR-S-08") == 0);
  i.taxable = "101.00";  // 100.00 < 100.00 fails
  CHECK(vat_ids(i.xml()).count("BR-S-08") == 1);
  i.taxable = "99.00";  // 100.00 < 100.00 fails on the other side
  i.tax = "24.75";
  CHECK(vat_ids(i.xml()).count("BR-S-08") == 1);
}

TEST_CASE("VAT categories: UBL BR-S-08 only sums lines of the breakdown's rate") {
  UblInvoice i;
  i.line_percent = "<cbc:Percent>19</cbc:Percent>";
  const auto ids = vat_ids(i.xml());
  CHECK(ids.count("BR-S-08") == 1);  // no S line at 25 %
  CHECK(ids.count("BR-S-05") == 0);  // 19 > 0
}

TEST_CASE("VAT categories: UBL BR-S-09 rounds the computed tax to cents") {
  UblInvoice i;
  i.tax = "25.99";  // 24.99 < 25.00 < 26.99
  CHECK(vat_ids(i.xml()).count("BR-S-09") == 0);
  i.tax = "26.00";  // 25.00 < 25.00 fails
  CHECK(vat_ids(i.xml()).count("BR-S-09") == 1);
  i.percent = "";  // no rate: the comparison with an empty sequence fails
  i.tax = "25.00";
  CHECK(vat_ids(i.xml()).count("BR-S-09") == 1);
  CHECK(vat_ids(i.xml()).count("BR-S-08") == 0);  // every rate of none holds
}

TEST_CASE("VAT categories: UBL standard rated line rate and seller identifier") {
  UblInvoice i;
  i.line_percent = "<cbc:Percent>0</cbc:Percent>";
  CHECK(vat_ids(i.xml()).count("BR-S-05") == 1);
  UblInvoice j;
  j.supplier_tax_scheme = "";
  const auto ids = vat_ids(j.xml());
  CHECK(ids.count("BR-S-02") == 1);
  CHECK(ids.count("BR-S-03") == 0);  // no standard rated allowance
}

TEST_CASE("VAT categories: UBL BR-Z-08 compares the taxable amount exactly") {
  UblInvoice i = zero_rated();
  i.taxable = "100.01";
  CHECK(vat_ids(i.xml()).count("BR-Z-08") == 1);
  i.taxable = "100.0";
  CHECK(vat_ids(i.xml()).count("BR-Z-08") == 0);
}

TEST_CASE("VAT categories: UBL zero rated tax amount, rate and exemption reason") {
  UblInvoice i = zero_rated();
  i.tax = "0.01";
  CHECK(vat_ids(i.xml()).count("BR-Z-09") == 1);
  i = zero_rated();
  i.line_percent = "<cbc:Percent>5</cbc:Percent>";
  CHECK(vat_ids(i.xml()).count("BR-Z-05") == 1);
  i = zero_rated();
  i.exemption = "<cbc:TaxExemptionReason>x</cbc:TaxExemptionReason>";
  CHECK(vat_ids(i.xml()).count("BR-Z-10") == 1);
}

TEST_CASE("VAT categories: UBL exempt breakdown needs an exemption reason") {
  UblInvoice i = zero_rated();
  i.line_category = i.category = "E";
  CHECK(vat_ids(i.xml()) == std::set<std::string>{"BR-E-10"});
  i.exemption = "<cbc:TaxExemptionReasonCode>VATEX-EU-F</cbc:TaxExemptionReasonCode>";
  CHECK(vat_ids(i.xml()).empty());
}

TEST_CASE("VAT categories: UBL BR-x-01 needs exactly one breakdown of the category") {
  UblInvoice i = zero_rated();
  i.category = "S";  // a Z line and only an S breakdown
  i.percent = "<cbc:Percent>25</cbc:Percent>";
  const auto ids = vat_ids(i.xml());
  CHECK(ids.count("BR-Z-01") == 1);
  CHECK(ids.count("BR-S-01") == 1);  // an S breakdown without S lines
}

TEST_CASE("VAT categories: UBL not subject to VAT excludes other categories and VAT ids") {
  UblInvoice i = zero_rated();
  i.line_category = i.category = "O";
  i.line_percent = i.percent = "";
  i.exemption = "<cbc:TaxExemptionReason>Not subject</cbc:TaxExemptionReason>";
  const auto ids = vat_ids(i.xml());
  CHECK(ids.count("BR-O-02") == 1);  // the seller has a VAT identifier
  CHECK(ids.count("BR-O-05") == 0);
  i.supplier_tax_scheme = "";
  CHECK(vat_ids(i.xml()).empty());
  i.line_percent = "<cbc:Percent>0</cbc:Percent>";
  const auto with_rate = vat_ids(i.xml());
  CHECK(with_rate.count("BR-O-05") == 1);
}

TEST_CASE("VAT categories: UBL split payment needs an Italian address only") {
  UblInvoice i;
  i.line_category = "B";
  i.extra =
      "<cac:Delivery><cac:DeliveryLocation><cac:Address><cac:Country>"
      "<cbc:IdentificationCode>DE</cbc:IdentificationCode>"
      "</cac:Country></cac:Address></cac:DeliveryLocation></cac:Delivery>";
  const auto ids = vat_ids(i.xml());
  CHECK(ids.count("BR-B-01") == 1);
  CHECK(ids.count("BR-B-02") == 1);  // B line with an S breakdown
}

TEST_CASE("VAT categories: UBL categories with several identifiers do not break the rules") {
  UblInvoice i;
  i.category = "S</cbc:ID><cbc:ID>B";  // two cbc:ID in the breakdown category
  i.line_category = "S</cbc:ID><cbc:ID>S";
  const auto ids = vat_ids(i.xml());
  CHECK(ids.count("BR-B-02") == 1);  // a B breakdown next to S lines
  CHECK(ids.count("BR-S-08") == 0);
}

// ---------------------------------------------------------------------------
// CII

struct CiiInvoice {
  std::string line_category = "S";
  std::string line_rate = "<ram:RateApplicablePercent>25</ram:RateApplicablePercent>";
  std::string line_amounts = "<ram:LineTotalAmount>100.00</ram:LineTotalAmount>";
  std::string category = "S";
  std::string rate = "<ram:RateApplicablePercent>25</ram:RateApplicablePercent>";
  std::string basis = "100.00";
  std::string calculated = "25.00";
  std::string exemption;
  std::string seller_registration =
      "<ram:SpecifiedTaxRegistration><ram:ID schemeID=\"VA\">DE123456789</ram:ID>"
      "</ram:SpecifiedTaxRegistration>";

  std::string xml() const {
    return std::string(
               "<rsm:CrossIndustryInvoice"
               " xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\""
               " xmlns:ram=\"urn:un:unece:uncefact:data:standard:"
               "ReusableAggregateBusinessInformationEntity:100\""
               " xmlns:udt=\"urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100\">"
               "<rsm:ExchangedDocument><ram:ID>1</ram:ID><ram:TypeCode>380</ram:TypeCode>"
               "</rsm:ExchangedDocument><rsm:SupplyChainTradeTransaction>"
               "<ram:IncludedSupplyChainTradeLineItem><ram:SpecifiedLineTradeSettlement>"
               "<ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>") +
           line_category + "</ram:CategoryCode>" + line_rate +
           "</ram:ApplicableTradeTax><ram:SpecifiedTradeSettlementLineMonetarySummation>" +
           line_amounts +
           "</ram:SpecifiedTradeSettlementLineMonetarySummation>"
           "</ram:SpecifiedLineTradeSettlement></ram:IncludedSupplyChainTradeLineItem>"
           "<ram:ApplicableHeaderTradeAgreement><ram:SellerTradeParty><ram:Name>s</ram:Name>" +
           seller_registration +
           "</ram:SellerTradeParty></ram:ApplicableHeaderTradeAgreement>"
           "<ram:ApplicableHeaderTradeSettlement>"
           "<ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>"
           "<ram:ApplicableTradeTax><ram:CalculatedAmount>" +
           calculated + "</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode>" + exemption +
           "<ram:BasisAmount>" + basis + "</ram:BasisAmount><ram:CategoryCode>" + category +
           "</ram:CategoryCode>" + rate +
           "</ram:ApplicableTradeTax></ram:ApplicableHeaderTradeSettlement>"
           "</rsm:SupplyChainTradeTransaction></rsm:CrossIndustryInvoice>";
  }
};

CiiInvoice cii_exempt() {
  CiiInvoice i;
  i.line_category = i.category = "E";
  i.line_rate = i.rate = "<ram:RateApplicablePercent>0</ram:RateApplicablePercent>";
  i.calculated = "0.00";
  i.exemption = "<ram:ExemptionReason>Exempt</ram:ExemptionReason>";
  return i;
}

TEST_CASE("VAT categories: a consistent CII invoice reports nothing") {
  CHECK(vat_ids(CiiInvoice{}.xml()).empty());
  CHECK(vat_ids(cii_exempt().xml()).empty());
}

TEST_CASE("VAT categories: CII BR-S-08 rounds the line sum to cents and compares exactly") {
  CiiInvoice i;
  i.line_amounts = "<ram:LineTotalAmount>50.004</ram:LineTotalAmount>";
  i.basis = "50.00";  // round(50.004) = 50.00
  i.calculated = "12.50";
  CHECK(vat_ids(i.xml()).count("BR-S-08") == 0);
  i.line_amounts = "<ram:LineTotalAmount>50.005</ram:LineTotalAmount>";  // rounds to 50.01
  CHECK(vat_ids(i.xml()).count("BR-S-08") == 1);
  i.basis = "50.01";
  CHECK(vat_ids(i.xml()).count("BR-S-08") == 0);
}

TEST_CASE("VAT categories: CII BR-E-08 allows a difference below one unit") {
  CiiInvoice i = cii_exempt();
  i.basis = "100.99";
  CHECK(vat_ids(i.xml()).count("BR-E-08") == 0);
  i.basis = "101.00";
  CHECK(vat_ids(i.xml()).count("BR-E-08") == 1);
}

TEST_CASE("VAT categories: CII tax amount of an exempt breakdown shall be zero") {
  CiiInvoice i = cii_exempt();
  i.calculated = "0.01";
  CHECK(vat_ids(i.xml()).count("BR-E-09") == 1);
  i.calculated = "-0.00";  // the official validator orders -0 below 0
  CHECK(vat_ids(i.xml()).count("BR-E-09") == 1);
  i.calculated = "0";
  CHECK(vat_ids(i.xml()).count("BR-E-09") == 0);
}

TEST_CASE("VAT categories: CII rates, seller registration and exemption reasons") {
  CiiInvoice i;
  i.line_rate = "";
  CHECK(vat_ids(i.xml()).count("BR-S-05") == 1);
  i = CiiInvoice{};
  i.seller_registration = "";
  CHECK(vat_ids(i.xml()).count("BR-S-02") == 1);
  i = CiiInvoice{};
  i.exemption = "<ram:ExemptionReasonCode>VATEX-EU-F</ram:ExemptionReasonCode>";
  CHECK(vat_ids(i.xml()).count("BR-S-10") == 1);
  i = cii_exempt();
  i.exemption = "";
  CHECK(vat_ids(i.xml()) == std::set<std::string>{"BR-E-10"});
}

TEST_CASE("VAT categories: CII BR-x-01 counts breakdowns, lines and allowances") {
  CiiInvoice i = cii_exempt();
  i.category = "Z";  // an E line without an E breakdown, a Z breakdown without Z lines
  i.exemption = "";
  const auto ids = vat_ids(i.xml());
  CHECK(ids.count("BR-E-01") == 1);
  CHECK(ids.count("BR-Z-01") == 1);
}

// ---------------------------------------------------------------------------
// Invoices built from data (no document): the rules run on the model.

std::set<std::string> model_ids(const model::Invoice& invoice,
                                detect::Syntax syntax = detect::Syntax::kUblInvoice) {
  std::set<std::string> out;
  for (const auto& d : validation::check_rules(invoice, syntax, nullptr, "data")) {
    if (in_family(d.rule_id))
      out.insert(d.rule_id);
  }
  return out;
}

model::Decimal dec(const char* text) {
  return *model::Decimal::parse(text);
}

model::Invoice standard_rated_model() {
  model::Invoice invoice;
  invoice.seller.vat_identifier = "DE123456789";
  model::InvoiceLine line;
  line.net_amount = dec("100.00");
  line.vat.category_code = "S";
  line.vat.rate = dec("25");
  invoice.lines.push_back(line);
  model::VatBreakdown breakdown;
  breakdown.category_code = "S";
  breakdown.rate = dec("25");
  breakdown.taxable_amount = dec("100.00");
  breakdown.tax_amount = dec("25.00");
  invoice.vat_breakdowns.push_back(breakdown);
  return invoice;
}

TEST_CASE("VAT categories: an empty invoice built from data reports nothing") {
  CHECK(model_ids(model::Invoice{}).empty());
  CHECK(model_ids(model::Invoice{}, detect::Syntax::kCii).empty());
}

TEST_CASE("VAT categories: model standard rated invoice") {
  CHECK(model_ids(standard_rated_model()).empty());
  CHECK(model_ids(standard_rated_model(), detect::Syntax::kCii).empty());

  auto invoice = standard_rated_model();
  invoice.vat_breakdowns[0].taxable_amount = dec("101.00");  // not strictly within one
  invoice.vat_breakdowns[0].tax_amount = dec("25.25");
  CHECK(model_ids(invoice) == std::set<std::string>{"BR-S-08"});
  invoice.vat_breakdowns[0].taxable_amount = dec("100.99");
  CHECK(model_ids(invoice).empty());
  // CII compares the rounded sums exactly.
  CHECK(model_ids(invoice, detect::Syntax::kCii) == std::set<std::string>{"BR-S-08"});

  invoice = standard_rated_model();
  invoice.seller.vat_identifier.reset();
  invoice.lines[0].vat.rate = dec("0");
  invoice.vat_breakdowns[0].tax_amount.reset();
  CHECK(model_ids(invoice) == std::set<std::string>{"BR-S-02", "BR-S-05", "BR-S-08", "BR-S-09"});
}

TEST_CASE("VAT categories: model breakdown presence differs per syntax") {
  auto invoice = standard_rated_model();
  invoice.lines.push_back(invoice.lines[0]);
  invoice.vat_breakdowns.clear();
  // UBL: S lines need an S breakdown. CII: two S lines count as two.
  CHECK(model_ids(invoice).count("BR-S-01") == 1);
  CHECK(model_ids(invoice, detect::Syntax::kCii).count("BR-S-01") == 0);
}

TEST_CASE("VAT categories: model exempt and not subject to VAT") {
  auto invoice = standard_rated_model();
  invoice.lines[0].vat.category_code = "E";
  invoice.lines[0].vat.rate = dec("0");
  invoice.vat_breakdowns[0].category_code = "E";
  invoice.vat_breakdowns[0].rate = dec("0");
  invoice.vat_breakdowns[0].tax_amount = dec("0.00");
  CHECK(model_ids(invoice) == std::set<std::string>{"BR-E-10"});
  invoice.vat_breakdowns[0].exemption_reason = "Exempt";
  CHECK(model_ids(invoice).empty());

  invoice.lines[0].vat.category_code = "O";
  invoice.lines[0].vat.rate.reset();
  invoice.vat_breakdowns[0].category_code = "O";
  invoice.vat_breakdowns[0].rate.reset();
  CHECK(model_ids(invoice) == std::set<std::string>{"BR-O-02"});  // seller VAT identifier
  invoice.seller.vat_identifier.reset();
  CHECK(model_ids(invoice).empty());
  model::AllowanceCharge charge;
  charge.amount = dec("0");
  charge.vat_category_code = "S";
  charge.vat_rate = dec("25");
  invoice.charges.push_back(charge);
  const auto ubl = model_ids(invoice);
  CHECK(ubl.count("BR-O-14") == 1);
  CHECK(ubl.count("BR-O-13") == 0);
  const auto cii = model_ids(invoice, detect::Syntax::kCii);
  CHECK(cii.count("BR-O-13") == 1);  // CII tests any ram:CategoryTradeTax for both
  CHECK(cii.count("BR-O-14") == 1);
}

}  // namespace
}  // namespace einvoice
