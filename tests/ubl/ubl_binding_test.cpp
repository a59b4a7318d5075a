// Binding decisions checked on hand-made invoices and documents: BT-90 and
// SEPA identifiers, several payment means, credit notes, note subject codes,
// placeholders the XSD needs.

#include <catch2/catch.hpp>
#include <string>

#include "formats/ubl/ubl_reader.h"
#include "formats/ubl/ubl_writer.h"
#include "formats/xml/term_reader.h"
#include "model/term_list.h"

namespace einvoice::ubl {
namespace {

model::Decimal dec(const char* text) {
  return *model::Decimal::parse(text);
}

model::Invoice sample_invoice() {
  model::Invoice in;
  in.number = "INV-42";
  in.issue_date = model::Date{2024, 3, 1};
  in.type_code = "380";
  in.currency_code = "EUR";
  in.process_control.specification_identifier = "urn:cen.eu:en16931:2017";
  in.seller.name = "Seller AG";
  in.seller.identifiers.push_back({"4000001123452", "0088", std::nullopt});
  in.seller.vat_identifier = "DE123456789";
  in.seller.address.country_code = "DE";
  in.buyer.name = "Buyer GmbH";
  in.buyer.address.country_code = "DE";
  in.totals.line_net_total = dec("100.50");
  in.totals.total_without_vat = dec("100.50");
  in.totals.vat_total = dec("19.10");
  in.totals.total_with_vat = dec("119.60");
  in.totals.amount_due = dec("119.60");
  model::VatBreakdown vat;
  vat.taxable_amount = dec("100.50");
  vat.tax_amount = dec("19.10");
  vat.category_code = "S";
  vat.rate = dec("19");
  in.vat_breakdowns.push_back(vat);
  model::InvoiceLine line;
  line.identifier = "1";
  line.invoiced_quantity = dec("2.000");
  line.invoiced_quantity_unit = "C62";
  line.net_amount = dec("100.50");
  line.price.net_price = dec("50.25");
  line.vat.category_code = "S";
  line.vat.rate = dec("19");
  line.item.name = "Widget";
  in.lines.push_back(line);
  return in;
}

model::ParsedInvoice read_back(const std::string& xml) {
  auto parsed = read_ubl(xml, "written.xml");
  REQUIRE(parsed.ok());
  return std::move(*parsed);
}

void require_round_trip(const model::Invoice& in) {
  const std::string xml = write_ubl(in);
  model::ParsedInvoice back = read_back(xml);
  CHECK(back.diagnostics.empty());
  auto differences = model::diff_terms(in, back.invoice);
  std::string listed;
  for (const auto& d : differences)
    listed += d + "\n";
  INFO(xml);
  INFO(listed);
  CHECK(differences.empty());
  CHECK(back.invoice == in);
}

// The text between the first `open` tag and the following `close` tag.
std::string section(const std::string& xml, const std::string& open, const std::string& close) {
  auto begin = xml.find(open);
  if (begin == std::string::npos)
    return {};
  auto end = xml.find(close, begin);
  return xml.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

constexpr const char* kSepaId = "<cbc:ID schemeID=\"SEPA\">DE98ZZZ09999999999</cbc:ID>";

TEST_CASE("credit note type codes", "[ubl][binding]") {
  for (const char* code : {"81", "83", "261", "262", "296", "308", "381", "396", "420", "458",
                           "502", "503", "532", " 381\n"}) {
    CHECK(is_credit_note_type_code(code));
  }
  for (const char* code : {"380", "389", "384", "326", "", "3810"}) {
    CHECK_FALSE(is_credit_note_type_code(code));
  }
}

TEST_CASE("a hand-made invoice round-trips and keeps decimal scales", "[ubl][binding]") {
  model::Invoice in = sample_invoice();
  const std::string xml = write_ubl(in);
  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Invoice ", 0) == 0);
  CHECK_THAT(
      xml, Catch::Contains("<cbc:InvoicedQuantity unitCode=\"C62\">2.000</cbc:InvoicedQuantity>"));
  CHECK_THAT(xml,
             Catch::Contains("<cbc:PayableAmount currencyID=\"EUR\">119.60</cbc:PayableAmount>"));
  CHECK_THAT(xml, Catch::Contains("<cbc:IssueDate>2024-03-01</cbc:IssueDate>"));
  CHECK(write_ubl(in) == xml);
  require_round_trip(in);
}

TEST_CASE("BT-90 travels as the seller's first SEPA identifier when there is no payee",
          "[ubl][binding]") {
  model::Invoice in = sample_invoice();
  auto& payment = in.payment_instructions.emplace();
  payment.means_type_code = "59";
  payment.remittance_information = "INV-42";
  auto& debit = payment.direct_debit.emplace();
  debit.mandate_reference = "MANDATE-7";
  debit.bank_assigned_creditor_id = "DE98ZZZ09999999999";
  debit.debited_account_identifier = "DE02120300000000202051";

  const std::string xml = write_ubl(in);
  const std::string seller =
      section(xml, "<cac:AccountingSupplierParty>", "</cac:AccountingSupplierParty>");
  CHECK_THAT(seller, Catch::Contains(kSepaId));
  CHECK(seller.find(kSepaId) < seller.find("4000001123452"));
  const std::string mandate = section(xml, "<cac:PaymentMandate>", "</cac:PaymentMandate>");
  CHECK_THAT(mandate, Catch::Contains("<cbc:ID>MANDATE-7</cbc:ID>"));
  CHECK_THAT(mandate, Catch::Contains("DE02120300000000202051"));
  CHECK_THAT(mandate, !Catch::Contains("DE98ZZZ"));
  require_round_trip(in);
}

TEST_CASE("BT-90 travels in the payee party when there is a payee", "[ubl][binding]") {
  model::Invoice in = sample_invoice();
  in.payee.emplace().name = "Factor Bank";
  in.payee->identifier = model::Identifier{"PAYEE-1", std::nullopt, std::nullopt};
  in.payment_instructions.emplace().means_type_code = "59";
  in.payment_instructions->direct_debit.emplace().bank_assigned_creditor_id = "DE98ZZZ09999999999";

  const std::string xml = write_ubl(in);
  CHECK_THAT(section(xml, "<cac:PayeeParty>", "</cac:PayeeParty>"), Catch::Contains(kSepaId));
  CHECK_THAT(section(xml, "<cac:AccountingSupplierParty>", "</cac:AccountingSupplierParty>"),
             !Catch::Contains("SEPA"));
  // BT-90 alone needs no cac:PaymentMandate.
  CHECK_THAT(xml, !Catch::Contains("PaymentMandate"));
  require_round_trip(in);
}

TEST_CASE("a seller SEPA identifier is read as BT-90, not BT-29", "[ubl][binding]") {
  const std::string xml = R"(<?xml version="1.0"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID>1</cbc:ID>
  <cac:AccountingSupplierParty><cac:Party>
    <cac:PartyIdentification><cbc:ID schemeID="0088">4000001123452</cbc:ID></cac:PartyIdentification>
    <cac:PartyIdentification><cbc:ID schemeID="sepa">DE98ZZZ09999999999</cbc:ID></cac:PartyIdentification>
  </cac:Party></cac:AccountingSupplierParty>
</Invoice>)";
  model::ParsedInvoice parsed = read_back(xml);
  CHECK(parsed.diagnostics.empty());
  const model::Invoice& in = parsed.invoice;
  REQUIRE(in.seller.identifiers.size() == 1);
  CHECK(in.seller.identifiers[0].value == "4000001123452");
  REQUIRE(in.payment_instructions);
  CHECK_FALSE(in.payment_instructions->means_type_code);
  REQUIRE(in.payment_instructions->direct_debit);
  CHECK(in.payment_instructions->direct_debit->bank_assigned_creditor_id == "DE98ZZZ09999999999");
  CHECK_FALSE(in.payment_instructions->direct_debit->mandate_reference);
  // Written back: no cac:PaymentMeans is invented for BT-90 alone.
  const std::string written = write_ubl(in);
  CHECK_THAT(written, !Catch::Contains("PaymentMeans"));
  CHECK_THAT(written, Catch::Contains(kSepaId));
  CHECK(read_back(written).invoice == in);
}

TEST_CASE("payment means with another code are dropped with a warning", "[ubl][binding]") {
  const std::string xml = R"(<?xml version="1.0"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID>1</cbc:ID>
  <cac:PaymentMeans>
    <cbc:PaymentMeansCode name="Credit transfer">30</cbc:PaymentMeansCode>
    <cbc:PaymentID>REF-1</cbc:PaymentID>
    <cac:PayeeFinancialAccount><cbc:ID>ACCOUNT-A</cbc:ID></cac:PayeeFinancialAccount>
  </cac:PaymentMeans>
  <cac:PaymentMeans>
    <cbc:PaymentMeansCode>58</cbc:PaymentMeansCode>
    <cac:PayeeFinancialAccount><cbc:ID>ACCOUNT-B</cbc:ID></cac:PayeeFinancialAccount>
  </cac:PaymentMeans>
  <cac:PaymentMeans>
    <cbc:PaymentMeansCode> 30 </cbc:PaymentMeansCode>
    <cbc:PaymentID>REF-1</cbc:PaymentID>
    <cac:PayeeFinancialAccount><cbc:ID>ACCOUNT-C</cbc:ID><cbc:Name>C</cbc:Name></cac:PayeeFinancialAccount>
  </cac:PaymentMeans>
</Invoice>)";
  model::ParsedInvoice parsed = read_back(xml);
  REQUIRE(parsed.invoice.payment_instructions);
  const model::PaymentInstructions& payment = *parsed.invoice.payment_instructions;
  CHECK(payment.means_type_code == "30");
  CHECK(payment.means_text == "Credit transfer");
  CHECK(payment.remittance_information == "REF-1");
  REQUIRE(payment.credit_transfers.size() == 2);
  CHECK(payment.credit_transfers[0].account_identifier == "ACCOUNT-A");
  CHECK(payment.credit_transfers[1].account_identifier == "ACCOUNT-C");
  CHECK(payment.credit_transfers[1].account_name == "C");
  REQUIRE(parsed.diagnostics.size() == 1);
  const model::Diagnostic& warning = parsed.diagnostics[0];
  CHECK(warning.rule_id == xml::kRuleDroppedContent);
  CHECK(warning.severity == model::Severity::kWarning);
  CHECK(warning.business_term == "BG-16");
  CHECK_THAT(warning.message, Catch::Contains("58"));
  CHECK(warning.location.line == 11);

  // Written back: one cac:PaymentMeans per credit transfer, BT-82 on the first only.
  const std::string written = write_ubl(parsed.invoice);
  std::size_t count = 0;
  for (auto at = written.find("<cac:PaymentMeans>"); at != std::string::npos;
       at = written.find("<cac:PaymentMeans>", at + 1)) {
    ++count;
  }
  CHECK(count == 2);
  CHECK(written.find("name=\"Credit transfer\"") == written.rfind("name=\""));
  CHECK(read_back(written).invoice == parsed.invoice);
}

TEST_CASE("a credit note gets the CreditNote root, lines and BT-9 place", "[ubl][binding]") {
  model::Invoice in = sample_invoice();
  in.type_code = "381";
  in.payment_due_date = model::Date{2024, 4, 1};
  in.project_reference = "PROJECT-9";
  auto& payment = in.payment_instructions.emplace();
  payment.means_type_code = "30";
  payment.credit_transfers.push_back({"DE02120300000000202051", std::nullopt, std::nullopt});

  const std::string xml = write_ubl(in);
  CHECK_THAT(
      xml, Catch::Contains(
               "<CreditNote xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\""));
  CHECK_THAT(xml, Catch::Contains("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>"));
  CHECK_THAT(xml, Catch::Contains("<cac:CreditNoteLine>"));
  CHECK_THAT(
      xml, Catch::Contains("<cbc:CreditedQuantity unitCode=\"C62\">2.000</cbc:CreditedQuantity>"));
  CHECK_THAT(xml, !Catch::Contains("InvoiceLine"));
  CHECK_THAT(xml, !Catch::Contains("<cbc:DueDate>"));
  CHECK_THAT(section(xml, "<cac:PaymentMeans>", "</cac:PaymentMeans>"),
             Catch::Contains("<cbc:PaymentDueDate>2024-04-01</cbc:PaymentDueDate>"));
  CHECK_THAT(xml, !Catch::Contains("ProjectReference"));
  CHECK_THAT(
      section(xml, "<cac:AdditionalDocumentReference>", "</cac:AdditionalDocumentReference>"),
      Catch::Contains("<cbc:DocumentTypeCode>50</cbc:DocumentTypeCode>"));
  require_round_trip(in);

  in.type_code = "380";
  const std::string invoice_xml = write_ubl(in);
  CHECK_THAT(invoice_xml, Catch::Contains("<cbc:DueDate>2024-04-01</cbc:DueDate>"));
  CHECK_THAT(invoice_xml, Catch::Contains("<cac:ProjectReference>"));
  require_round_trip(in);
}

TEST_CASE("BT-21 travels in front of the note text", "[ubl][binding]") {
  model::Invoice in = sample_invoice();
  in.notes.push_back({"AAI", "General information"});
  in.notes.push_back({std::nullopt, "#not a code# stays text"});
  const std::string xml = write_ubl(in);
  CHECK_THAT(xml, Catch::Contains("<cbc:Note>#AAI#General information</cbc:Note>"));
  require_round_trip(in);
}

TEST_CASE("BT-14 without BT-13 and BT-8 without BG-14 round-trip", "[ubl][binding]") {
  model::Invoice in = sample_invoice();
  in.sales_order_reference = "SO-77";
  in.vat_point_date_code = "432";
  const std::string xml = write_ubl(in);
  CHECK_THAT(section(xml, "<cac:OrderReference>", "</cac:OrderReference>"),
             Catch::Contains("<cbc:ID>NA</cbc:ID>"));
  CHECK_THAT(section(xml, "<cac:InvoicePeriod>", "</cac:InvoicePeriod>"),
             Catch::Contains("<cbc:DescriptionCode>432</cbc:DescriptionCode>"));
  require_round_trip(in);
}

TEST_CASE("the VAT total in the accounting currency carries BT-6", "[ubl][binding]") {
  model::Invoice in = sample_invoice();
  in.vat_accounting_currency_code = "SEK";
  in.totals.vat_total_accounting_currency = dec("215.20");
  const std::string xml = write_ubl(in);
  CHECK_THAT(xml, Catch::Contains("<cbc:TaxAmount currencyID=\"SEK\">215.20</cbc:TaxAmount>"));
  CHECK_THAT(xml, Catch::Contains("<cbc:TaxAmount currencyID=\"EUR\">19.10</cbc:TaxAmount>"));
  require_round_trip(in);
}

TEST_CASE("a gross price without discount is written with the discount it implies",
          "[ubl][binding]") {
  model::Invoice in = sample_invoice();
  in.lines[0].price.gross_price = dec("55.25");
  const std::string xml = write_ubl(in);
  const std::string price = section(xml, "<cac:Price>", "</cac:Price>");
  CHECK_THAT(price, Catch::Contains("<cbc:Amount currencyID=\"EUR\">5.00</cbc:Amount>"));
  CHECK_THAT(price, Catch::Contains("<cbc:BaseAmount currencyID=\"EUR\">55.25</cbc:BaseAmount>"));
  model::Invoice back = read_back(xml).invoice;
  CHECK(back.lines[0].price.discount == dec("5.00"));
  CHECK(back.lines[0].price.gross_price == dec("55.25"));
}

}  // namespace
}  // namespace einvoice::ubl
