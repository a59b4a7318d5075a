// Spot checks: terms read from specific official examples, compared with
// values looked up by hand in the XML files.

#include <catch2/catch.hpp>
#include <string>

#include "formats/ubl/ubl_reader.h"
#include "tests/ubl/ubl_test_support.h"

namespace einvoice::ubl {
namespace {

model::Invoice read_example(const std::string& name) {
  auto parsed = read_ubl(test::load(test::ubl_example(name)), name);
  REQUIRE(parsed.ok());
  REQUIRE_FALSE(model::has_fatal(parsed->diagnostics));
  return std::move(parsed->invoice);
}

std::string text(const model::Text& value) {
  return value.value_or("<absent>");
}

std::string decimal(const model::Amount& value) {
  return value ? value->to_string() : std::string("<absent>");
}

std::string date(const std::optional<model::Date>& value) {
  return value ? value->to_iso() : std::string("<absent>");
}

model::Identifier id(std::string value, std::optional<std::string> scheme = std::nullopt,
                     std::optional<std::string> version = std::nullopt) {
  return model::Identifier{std::move(value), std::move(scheme), std::move(version)};
}

TEST_CASE("Invoice-Max_content: header, references and parties", "[ubl][values]") {
  model::Invoice in = read_example("Invoice-Max_content.xml");
  CHECK(text(in.number) == "2018210");
  CHECK(date(in.issue_date) == "2018-02-08");
  CHECK(date(in.payment_due_date) == "2018-03-07");
  CHECK(text(in.type_code) == "380");
  CHECK(text(in.currency_code) == "SEK");
  CHECK(text(in.vat_accounting_currency_code) == "EUR");
  CHECK(date(in.vat_point_date) == "2018-02-08");
  CHECK(text(in.buyer_accounting_reference) == "BES, 87392");
  CHECK(text(in.buyer_reference) == "Buyer reference");
  CHECK(text(in.process_control.business_process_type) ==
        "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0");
  CHECK(text(in.purchase_order_reference) == "20180117");
  CHECK(text(in.sales_order_reference) == "INK/0117/JM");
  CHECK(text(in.despatch_advice_reference) == "Despatch_advice Feb 01-07");
  CHECK(text(in.receiving_advice_reference) == "Receipt_advice 01-07");
  CHECK(text(in.tender_or_lot_reference) == "Tender 2017-12, lot no. 3");
  CHECK(text(in.contract_reference) == "2017-123");
  CHECK(text(in.project_reference) == "Project 99");
  CHECK(in.invoiced_object_identifier == id("ABC123", "VT"));
  CHECK(text(in.payment_terms) ==
        "30 days net. Penalty rate 12 %\nLine break should be respected here.");

  REQUIRE(in.notes.size() == 1);
  CHECK(text(in.notes[0].note) == "Document level Note\nLine break should be respected here.");
  CHECK_FALSE(in.notes[0].subject_code);

  REQUIRE(in.preceding_invoices.size() == 2);
  CHECK(text(in.preceding_invoices[0].reference) == "Preceding invoice no.1");
  CHECK(date(in.preceding_invoices[0].issue_date) == "2018-01-31");
  CHECK_FALSE(in.preceding_invoices[1].issue_date);

  REQUIRE(in.invoicing_period);
  CHECK(date(in.invoicing_period->start_date) == "2018-02-01");
  CHECK(date(in.invoicing_period->end_date) == "2018-02-07");
  CHECK_FALSE(in.vat_point_date_code);

  const model::Seller& seller = in.seller;
  CHECK(text(seller.name) == "The Global Chain Sweden AB");
  CHECK(text(seller.trading_name) == "Global Trade Chain");
  REQUIRE(seller.identifiers.size() == 2);
  CHECK(seller.identifiers[0] == id("7350000001204", "0088"));
  CHECK(seller.identifiers[1] == id("BilateralID"));
  CHECK(seller.legal_registration_identifier == id("1234567890", "0007"));
  CHECK(text(seller.vat_identifier) == "SE123456789001");
  CHECK(text(seller.tax_registration_identifier) == "Godkänd för F-skatt");
  CHECK(text(seller.additional_legal_information) == "Säte: Big CIty");
  CHECK(seller.electronic_address == id("1234567890", "0007"));
  CHECK(text(seller.address.line1) == "Streetname-line1");
  CHECK(text(seller.address.line2) == "AddStreetname-line2");
  CHECK(text(seller.address.line3) == "Address-line3");
  CHECK(text(seller.address.city) == "Big City");
  CHECK(text(seller.address.post_code) == "11122");
  CHECK(text(seller.address.country_subdivision) == "Delstat A");
  CHECK(text(seller.address.country_code) == "SE");
  REQUIRE(seller.contact);
  CHECK(text(seller.contact->point) == "A Persson");
  CHECK(text(seller.contact->telephone) == "0201234567");
  CHECK(text(seller.contact->email) == "info@UCS.se");

  CHECK(text(in.buyer.name) == "Project services AB");
  CHECK(in.buyer.identifier == id("7350000001228", "0088"));
  CHECK(text(in.buyer.vat_identifier) == "SE123451234501");
  CHECK(in.buyer.electronic_address == id("1234512345", "0007"));
  CHECK(text(in.buyer.address.line3) == "Building 4 (rad3)");

  REQUIRE(in.payee);
  CHECK(text(in.payee->name) == "Finansiell Support u.p.a.");
  CHECK(in.payee->identifier == id("7350053850019", "0088"));
  CHECK(in.payee->legal_registration_identifier == id("5566778899", "0007"));

  REQUIRE(in.tax_representative);
  CHECK(text(in.tax_representative->name) == "Tax Administrators Inc.");
  CHECK(text(in.tax_representative->vat_identifier) == "SE998877665501");
  CHECK(text(in.tax_representative->address.line3) == "TaxREP-line3");

  REQUIRE(in.delivery);
  CHECK(text(in.delivery->party_name) == "Deliver-to Name A.S.");
  CHECK(in.delivery->location_identifier == id("7350000001211", "0088"));
  CHECK(date(in.delivery->actual_delivery_date) == "2017-12-01");
  REQUIRE(in.delivery->address);
  CHECK(text(in.delivery->address->line1) == "DELIV Streetname-line1");
  CHECK(text(in.delivery->address->post_code) == "DELIV 90807");
}

TEST_CASE("Invoice-Max_content: attachments, payment, totals and lines", "[ubl][values]") {
  model::Invoice in = read_example("Invoice-Max_content.xml");

  REQUIRE(in.supporting_documents.size() == 3);
  CHECK(text(in.supporting_documents[0].reference) == "MT123");
  CHECK(text(in.supporting_documents[0].description) == "Contracted maintenance plan");
  CHECK_FALSE(in.supporting_documents[0].attachment);
  const model::SupportingDocument& report = in.supporting_documents[1];
  CHECK(text(report.reference) == "Time report 1");
  REQUIRE(report.attachment);
  CHECK(report.attachment->mime_code == "text/csv");
  CHECK(report.attachment->filename == "testfilnamn.abc");
  // The base64 text is kept exactly, with the whitespace around it.
  CHECK(report.attachment->content.find("01234567") != std::string::npos);
  CHECK(report.attachment->content.front() == '\n');
  CHECK(text(in.supporting_documents[2].external_location) == "http://www.example.com/index.html");

  REQUIRE(in.payment_instructions);
  const model::PaymentInstructions& payment = *in.payment_instructions;
  CHECK(text(payment.means_type_code) == "30");
  CHECK(text(payment.means_text) == "Credit transfer");
  CHECK(text(payment.remittance_information) == "1800355");
  REQUIRE(payment.credit_transfers.size() == 4);
  CHECK(text(payment.credit_transfers[0].account_identifier) == "SE1212341234123412341234");
  CHECK(text(payment.credit_transfers[0].account_name) ==
        "Name-of-account_A (normally not used in Sweden)");
  CHECK(text(payment.credit_transfers[0].service_provider_identifier) == "BANKSBIC");
  CHECK(text(payment.credit_transfers[2].account_identifier) == "1112222");
  CHECK(text(payment.credit_transfers[3].service_provider_identifier) == "SE:PLUSGIRO");
  CHECK_FALSE(payment.credit_transfers[3].account_name);
  CHECK_FALSE(payment.card);
  CHECK_FALSE(payment.direct_debit);

  REQUIRE(in.allowances.size() == 1);
  CHECK(text(in.allowances[0].reason_code) == "95");
  CHECK(text(in.allowances[0].vat_category_code) == "E");
  REQUIRE(in.charges.size() == 1);
  CHECK(text(in.charges[0].reason) == "Warehousing");

  CHECK(decimal(in.totals.line_net_total) == "10000");
  CHECK(decimal(in.totals.vat_total) == "2500");
  CHECK(decimal(in.totals.vat_total_accounting_currency) == "249");
  CHECK(decimal(in.totals.total_with_vat) == "12500");
  CHECK(decimal(in.totals.amount_due) == "12500");

  REQUIRE(in.vat_breakdowns.size() == 2);
  CHECK(decimal(in.vat_breakdowns[0].taxable_amount) == "10000");
  CHECK(text(in.vat_breakdowns[0].category_code) == "S");
  CHECK(decimal(in.vat_breakdowns[0].rate) == "25");
  CHECK(text(in.vat_breakdowns[1].exemption_reason_code) == "vatex-eu-132-1g");
  CHECK(text(in.vat_breakdowns[1].exemption_reason) == "EU Direcive Article 132, section 1(g)");

  REQUIRE(in.lines.size() == 2);
  const model::InvoiceLine& line = in.lines[0];
  CHECK(text(line.identifier) == "1");
  CHECK(decimal(line.invoiced_quantity) == "500");
  CHECK(text(line.invoiced_quantity_unit) == "MTR");
  CHECK(decimal(line.net_amount) == "10000");
  CHECK(text(line.buyer_accounting_reference) == "Accounting 101-222-8");
  CHECK(text(line.purchase_order_line_reference) == "20080117/JM");
  CHECK(line.object_identifier == id("130-DR35141", "ABZ"));
  REQUIRE(line.period);
  CHECK(date(line.period->end_date) == "2018-02-07");
  REQUIRE(line.allowances.size() == 1);
  REQUIRE(line.charges.size() == 1);
  CHECK(text(line.charges[0].reason_code) == "WH");
  CHECK(decimal(line.price.net_price) == "20");
  CHECK(decimal(line.price.discount) == "0.50");
  CHECK(decimal(line.price.gross_price) == "20.50");
  CHECK(decimal(line.price.base_quantity) == "1");
  CHECK(text(line.price.base_quantity_unit) == "MTR");
  CHECK(text(line.vat.category_code) == "S");
  CHECK(decimal(line.vat.rate) == "25");
  CHECK(text(line.item.name) == "Universal product");
  CHECK(text(line.item.description) == "Universal product, customized with option X");
  CHECK(text(line.item.sellers_identifier) == "UNI+X");
  CHECK(text(line.item.buyers_identifier) == "Buyer's ID");
  CHECK(line.item.standard_identifier == id("17350053850016", "0088"));
  REQUIRE(line.item.classification_identifiers.size() == 2);
  CHECK(line.item.classification_identifiers[0] == id("9873242", "SSR", "1.0"));
  CHECK(line.item.classification_identifiers[1] == id("SST3242", "SST"));
  CHECK(text(line.item.country_of_origin) == "SE");
  REQUIRE(line.item.attributes.size() == 2);
  CHECK(text(line.item.attributes[1].name) == "Density");
  CHECK(text(line.item.attributes[1].value) == "2.33");
  CHECK(text(in.lines[1].item.name) == "Guarantee facility");
}

TEST_CASE("CreditNote-Max_content: credit note type, lines and credit-note bindings",
          "[ubl][values]") {
  model::Invoice in = read_example("CreditNote-Max_content.xml");
  CHECK(text(in.type_code) == "381");
  CHECK(text(in.number) == "2018210");
  // BT-11 of a credit note is the AdditionalDocumentReference with code 50.
  CHECK(text(in.project_reference) == "11111111");
  CHECK(in.invoiced_object_identifier == id("ABC123", "VT"));
  CHECK(in.supporting_documents.size() == 3);
  CHECK(text(in.tender_or_lot_reference) == "Tender 2017-12, lot no. 3");
  CHECK(text(in.seller.vat_identifier) == "SE123456789001");
  REQUIRE(in.lines.size() == 2);
  CHECK(decimal(in.lines[0].invoiced_quantity) == "500");
  CHECK(text(in.lines[0].invoiced_quantity_unit) == "EA");
  CHECK(decimal(in.lines[0].price.discount) == "0.50");
  CHECK(decimal(in.lines[1].invoiced_quantity) == "10000");
  CHECK(decimal(in.lines[1].net_amount) == "0");
  CHECK(text(in.lines[1].vat.category_code) == "E");
}

TEST_CASE("ubl-tc434-creditnote1: a small credit note", "[ubl][values]") {
  model::Invoice in = read_example("ubl-tc434-creditnote1.xml");
  CHECK(text(in.number) == "018304 / 28865");
  CHECK(text(in.type_code) == "381");
  CHECK(text(in.seller.vat_identifier) == "BE0000000196");
  CHECK(in.seller.legal_registration_identifier == id("0000000196"));
  CHECK(in.seller.electronic_address == id("0000000196", "0201"));
  CHECK(in.seller.identifiers.empty());
  CHECK(decimal(in.totals.total_with_vat) == "100.11");
  CHECK(decimal(in.vat_breakdowns.at(0).rate) == "0.00");
  CHECK(text(in.vat_breakdowns.at(0).exemption_reason) == "Taxes are not applicable");
  REQUIRE(in.payment_instructions);
  CHECK(text(in.payment_instructions->means_type_code) == "1");
  CHECK(text(in.payment_instructions->remittance_information) == "010676609538");
  REQUIRE(in.payment_instructions->credit_transfers.size() == 1);
  CHECK(text(in.payment_instructions->credit_transfers[0].service_provider_identifier) ==
        "BPOTBEB1");
  REQUIRE(in.lines.size() == 1);
  CHECK(decimal(in.lines[0].invoiced_quantity) == "1.00");
  CHECK(text(in.lines[0].invoiced_quantity_unit) == "C62");
  CHECK(text(in.lines[0].item.attributes.at(0).value) == "Contributions - précompte professionnel");
}

TEST_CASE("ubl-tc434-example1: two credit transfers and twenty lines", "[ubl][values]") {
  model::Invoice in = read_example("ubl-tc434-example1.xml");
  CHECK(text(in.number) == "12115118");
  CHECK(decimal(in.totals.total_with_vat) == "250.33");
  CHECK(decimal(in.totals.line_net_total) == "229.60");
  CHECK(in.lines.size() == 20);
  CHECK(text(in.seller.vat_identifier) == "NL8200.98.395.B.01");
  CHECK(in.seller.legal_registration_identifier == id("57151520"));
  CHECK(in.buyer.identifier == id("10202"));
  CHECK(text(in.buyer.name) == "ODIN 59");
  REQUIRE(in.notes.size() == 1);
  CHECK_FALSE(in.notes[0].subject_code);
  REQUIRE(in.payment_instructions);
  CHECK(text(in.payment_instructions->remittance_information) == "Deb. 10202 / Fact. 12115118");
  REQUIRE(in.payment_instructions->credit_transfers.size() == 2);
  CHECK(text(in.payment_instructions->credit_transfers[1].account_identifier) ==
        "NL03 INGB 0004489902");
  REQUIRE(in.vat_breakdowns.size() == 2);
  CHECK(decimal(in.vat_breakdowns[1].tax_amount) == "9.74");
}

TEST_CASE("ubl-tc434-example5: direct debit mandate", "[ubl][values]") {
  model::Invoice in = read_example("ubl-tc434-example5.xml");
  REQUIRE(in.payment_instructions);
  CHECK(text(in.payment_instructions->means_type_code) == "49");
  CHECK(text(in.payment_instructions->remittance_information) == "Payref1");
  REQUIRE(in.payment_instructions->direct_debit);
  CHECK(text(in.payment_instructions->direct_debit->mandate_reference) == "123456");
  CHECK(text(in.payment_instructions->direct_debit->debited_account_identifier) ==
        "DK1212341234123412");
  CHECK_FALSE(in.payment_instructions->direct_debit->bank_assigned_creditor_id);
  REQUIRE(in.allowances.size() >= 1);
  CHECK(decimal(in.allowances[0].percentage) == "10");
  CHECK(decimal(in.allowances[0].amount) == "150.00");
  CHECK(decimal(in.allowances[0].base_amount) == "1500.00");
  CHECK(text(in.allowances[0].reason) == "Loyal customer");
}

}  // namespace
}  // namespace einvoice::ubl
