// BR-DEC: amounts with more than two decimals, on small CII and UBL documents
// and on invoices built from data. Expectations follow the rule text: the
// characters written after the first '.' are counted.
#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "engine/converter.h"
#include "model/invoice.h"
#include "validation/rules.h"

namespace einvoice {
namespace {

using Counts = std::map<std::string, int>;

Counts count_dec(const model::Diagnostics& diagnostics) {
  Counts out;
  for (const auto& d : diagnostics) {
    if (d.rule_id.rfind("BR-DEC-", 0) == 0)
      ++out[d.rule_id];
  }
  return out;
}

Counts dec_of(const std::string& xml) {
  auto read = engine::read_invoice(xml, "test.xml");
  REQUIRE(read);
  REQUIRE(read->document);
  return count_dec(validation::check_rules(read->parsed.invoice, read->source_syntax,
                                           &*read->document, "test.xml"));
}

std::string ubl(const std::string& payable, const std::string& line_amount,
                const std::string& allowance_amount) {
  return "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\""
         " xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\""
         " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">"
         "<cbc:ID>1</cbc:ID><cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>"
         "<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator>"
         "<cbc:Amount currencyID=\"EUR\">" +
         allowance_amount +
         "</cbc:Amount></cac:AllowanceCharge>"
         "<cac:TaxTotal><cbc:TaxAmount currencyID=\"EUR\">1.123</cbc:TaxAmount></cac:TaxTotal>"
         "<cac:LegalMonetaryTotal><cbc:PayableAmount currencyID=\"EUR\">" +
         payable +
         "</cbc:PayableAmount></cac:LegalMonetaryTotal>"
         "<cac:InvoiceLine><cbc:ID>1</cbc:ID><cbc:LineExtensionAmount currencyID=\"EUR\">" +
         line_amount + "</cbc:LineExtensionAmount></cac:InvoiceLine></Invoice>";
}

std::string cii(const std::string& grand_total, const std::string& tax_total,
                const std::string& indicator) {
  return "<rsm:CrossIndustryInvoice"
         " xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\""
         " xmlns:ram=\"urn:un:unece:uncefact:data:standard:"
         "ReusableAggregateBusinessInformationEntity:100\""
         " xmlns:udt=\"urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100\">"
         "<rsm:SupplyChainTradeTransaction><ram:ApplicableHeaderTradeSettlement>"
         "<ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>"
         "<ram:SpecifiedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>" +
         indicator +
         "</udt:Indicator></ram:ChargeIndicator><ram:ActualAmount>5.125</ram:ActualAmount>"
         "</ram:SpecifiedTradeAllowanceCharge>"
         "<ram:SpecifiedTradeSettlementHeaderMonetarySummation>"
         "<ram:GrandTotalAmount>" +
         grand_total + "</ram:GrandTotalAmount><ram:TaxTotalAmount currencyID=\"EUR\">" +
         tax_total +
         "</ram:TaxTotalAmount></ram:SpecifiedTradeSettlementHeaderMonetarySummation>"
         "</ram:ApplicableHeaderTradeSettlement></rsm:SupplyChainTradeTransaction>"
         "</rsm:CrossIndustryInvoice>";
}

}  // namespace

TEST_CASE("BR-DEC: UBL amounts count the characters written after the point", "[decimal]") {
  CHECK(dec_of(ubl("100.00", "10.5", "1")) == Counts{});
  // "100.000" is numerically fine but written with three decimals.
  CHECK(dec_of(ubl("100.000", "10.50", "1.00")) == Counts{{"BR-DEC-18", 1}});
  CHECK(dec_of(ubl("100.00", "10.505", "1.001")) == Counts{{"BR-DEC-01", 1}, {"BR-DEC-23", 1}});
  // The UBL artefact compares the currency with a child of the amount:
  // BR-DEC-13 never fires there, whatever the VAT total (1.123 above).
}

TEST_CASE("BR-DEC: CII allowances by their exact indicator text, VAT total numerically",
          "[decimal]") {
  CHECK(dec_of(cii("10.00", "1.50", "false")) == Counts{{"BR-DEC-01", 1}});
  CHECK(dec_of(cii("10.00", "1.50", "true")) == Counts{{"BR-DEC-05", 1}});
  // " false" is not 'false' for the artefact's string comparison.
  CHECK(dec_of(cii("10.00", "1.50", " false")) == Counts{});
  CHECK(dec_of(cii("10.001", "1.50", "x")) == Counts{{"BR-DEC-14", 1}});
  // BR-DEC-13 compares values: 1.500 has two significant decimals.
  CHECK(dec_of(cii("10.00", "1.500", "x")) == Counts{});
  CHECK(dec_of(cii("10.00", "1.505", "x")) == Counts{{"BR-DEC-13", 1}});
}

TEST_CASE("BR-DEC: an invoice built from data is checked by the written scale", "[decimal]") {
  model::Invoice invoice;
  invoice.totals.amount_due = model::Decimal::parse("12.345");
  invoice.totals.total_with_vat = model::Decimal::parse("12.30");
  invoice.totals.vat_total = model::Decimal::parse("2.300");
  model::InvoiceLine line;
  line.net_amount = model::Decimal::parse("1.5");
  model::AllowanceCharge charge;
  charge.amount = model::Decimal::parse("0.125");
  line.charges.push_back(charge);
  invoice.lines.push_back(line);
  CHECK(count_dec(validation::check_rules(invoice, detect::Syntax::kCii, nullptr, "data")) ==
        Counts{{"BR-DEC-18", 1}, {"BR-DEC-27", 1}});
  invoice.totals.vat_total = model::Decimal::parse("2.305");
  CHECK(count_dec(validation::check_rules(invoice, detect::Syntax::kCii, nullptr, "data"))
            .count("BR-DEC-13") == 1);
  CHECK(count_dec(validation::check_rules(invoice, detect::Syntax::kUblInvoice, nullptr, "data"))
            .count("BR-DEC-13") == 0);
}

TEST_CASE("BR-DEC: UBL VAT breakdown and line charges of a credit note", "[decimal]") {
  const std::string xml =
      "<CreditNote xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\""
      " xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\""
      " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">"
      "<cbc:ID>1</cbc:ID><cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>"
      "<cac:TaxTotal><cbc:TaxAmount currencyID=\"EUR\">2.00</cbc:TaxAmount><cac:TaxSubtotal>"
      "<cbc:TaxableAmount currencyID=\"EUR\">10.001</cbc:TaxableAmount>"
      "<cbc:TaxAmount currencyID=\"EUR\">2.00</cbc:TaxAmount></cac:TaxSubtotal></cac:TaxTotal>"
      "<cac:CreditNoteLine><cbc:ID>1</cbc:ID>"
      "<cbc:LineExtensionAmount currencyID=\"EUR\">10.00</cbc:LineExtensionAmount>"
      "<cac:AllowanceCharge><cbc:ChargeIndicator>true</cbc:ChargeIndicator>"
      "<cbc:Amount currencyID=\"EUR\">1.00</cbc:Amount>"
      "<cbc:BaseAmount currencyID=\"EUR\">10.0000</cbc:BaseAmount></cac:AllowanceCharge>"
      "</cac:CreditNoteLine></CreditNote>";
  // 10.001 has three decimals (BT-116); 10.0000 has four (BT-142).
  CHECK(dec_of(xml) == Counts{{"BR-DEC-19", 1}, {"BR-DEC-28", 1}});
}
}  // namespace einvoice
