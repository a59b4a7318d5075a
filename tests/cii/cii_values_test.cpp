#include <catch2/catch.hpp>
#include <string>

#include "cii_test_support.h"
#include "formats/cii/cii_reader.h"

// Values below were read by hand from the corpus XML files named in each test.

using namespace einvoice;
using cii::testing::corpus_path;
using cii::testing::dec;
using cii::testing::read_file;

namespace {

model::ParsedInvoice read_example(const std::string& relative) {
  const std::string path = corpus_path(relative);
  auto parsed = cii::read_cii(read_file(path), path);
  REQUIRE(parsed.ok());
  return std::move(parsed).value();
}

}  // namespace

TEST_CASE("CII_business_example_01: header, parties, payment and totals", "[cii][values]") {
  const auto parsed = read_example("en16931/cii/examples/CII_business_example_01.xml");
  CHECK(parsed.diagnostics.empty());
  const model::Invoice& inv = parsed.invoice;
  CHECK(inv.number == "TOSL108");
  CHECK(inv.issue_date == model::Date{2013, 6, 30});
  CHECK(inv.type_code == "380");
  CHECK(inv.currency_code == "NOK");
  CHECK(inv.process_control.specification_identifier == "urn:cen.eu:en16931:2017");
  CHECK_FALSE(inv.process_control.business_process_type);
  REQUIRE(inv.notes.size() == 1);
  CHECK(inv.notes[0].note == "Ordered in our booth at the convention");

  CHECK(inv.seller.name == "Salescompany ltd.");
  REQUIRE(inv.seller.identifiers.size() == 1);
  CHECK(inv.seller.identifiers[0] == model::Identifier{"1238764941386", "0088", std::nullopt});
  CHECK(inv.seller.legal_registration_identifier ==
        model::Identifier{"123456789", std::nullopt, std::nullopt});
  CHECK(inv.seller.vat_identifier == "NO123456789MVA");
  REQUIRE(inv.seller.contact);
  CHECK(inv.seller.contact->point == "Antonio Salesmacher");
  CHECK(inv.seller.address.country_subdivision == "RegionA");

  CHECK(inv.buyer.identifier == model::Identifier{"3456789012098", "0088", std::nullopt});
  CHECK(inv.buyer.vat_identifier == "NO987654321MVA");
  CHECK(inv.buyer.address.line2 == "Back door");
  REQUIRE(inv.tax_representative);
  CHECK(inv.tax_representative->name == "Tax handling company AS");
  CHECK(inv.tax_representative->vat_identifier == "NO967611265MVA");
  CHECK(inv.purchase_order_reference == "123");
  CHECK(inv.contract_reference == "Contract321");

  REQUIRE(inv.supporting_documents.size() == 1);
  const auto& doc = inv.supporting_documents[0];
  CHECK(doc.reference == "Doc1");
  CHECK(doc.description == "Timesheet");
  CHECK(doc.external_location == "http://www.suppliersite.eu/sheet001.html");
  REQUIRE(doc.attachment);
  CHECK(doc.attachment->mime_code == "application/pdf");
  CHECK(doc.attachment->filename == "EHF.pdf");

  REQUIRE(inv.delivery);
  CHECK(inv.delivery->location_identifier ==
        model::Identifier{"6754238987643", "0088", std::nullopt});
  CHECK(inv.delivery->actual_delivery_date == model::Date{2013, 6, 15});
  REQUIRE(inv.delivery->address);
  CHECK(inv.delivery->address->line1 == "Deliverystreet 2");

  REQUIRE(inv.payee);
  CHECK(inv.payee->name == "Ebeneser Scrooge AS");
  CHECK(inv.payee->identifier == model::Identifier{"2298740918237", std::nullopt, std::nullopt});
  REQUIRE(inv.payment_instructions);
  const auto& pay = *inv.payment_instructions;
  CHECK(pay.means_type_code == "30");
  CHECK(pay.remittance_information == "0003434323213231");
  REQUIRE(pay.credit_transfers.size() == 2);
  CHECK(pay.credit_transfers[0].account_identifier == "NO9386011117947");
  CHECK(pay.credit_transfers[0].service_provider_identifier == "DNBANOKK");
  CHECK_FALSE(pay.credit_transfers[1].service_provider_identifier);

  CHECK(inv.vat_point_date == model::Date{2013, 6, 30});
  REQUIRE(inv.vat_breakdowns.size() == 3);
  CHECK(inv.vat_breakdowns[0].tax_amount == dec("365.13"));
  CHECK(inv.vat_breakdowns[0].taxable_amount == dec("1460.5"));
  CHECK(inv.vat_breakdowns[2].category_code == "E");
  CHECK(inv.vat_breakdowns[2].exemption_reason == "Exempt New Means of Transport");
  CHECK(inv.invoicing_period == model::Period{model::Date{2013, 6, 1}, model::Date{2013, 6, 30}});

  REQUIRE(inv.allowances.size() == 1);
  CHECK(inv.allowances[0].amount == dec("100"));
  CHECK(inv.allowances[0].reason_code == "95");
  CHECK(inv.allowances[0].vat_rate == dec("25"));
  REQUIRE(inv.charges.size() == 1);
  CHECK(inv.charges[0].reason == "Freight");

  CHECK(inv.payment_due_date == model::Date{2013, 7, 20});
  CHECK(inv.payment_terms ==
        "2 % discount if paid within 2 days\nPenalty percentage 10% from due date");
  CHECK(inv.totals.line_net_total == dec("1436.5"));
  CHECK(inv.totals.vat_total == dec("365.28"));
  CHECK(inv.totals.total_with_vat == dec("1801.78"));
  CHECK(inv.totals.paid_amount == dec("1000"));
  CHECK(inv.totals.amount_due == dec("801.78"));
  CHECK(inv.buyer_accounting_reference == "Project cost code 123");
}

TEST_CASE("CII_business_example_01: invoice lines", "[cii][values]") {
  const model::Invoice inv =
      read_example("en16931/cii/examples/CII_business_example_01.xml").invoice;
  REQUIRE(inv.lines.size() == 5);
  const model::InvoiceLine& first = inv.lines[0];
  CHECK(first.identifier == "1");
  CHECK(first.note == "Scratch on box");
  CHECK(first.net_amount == dec("1273"));
  CHECK(first.invoiced_quantity == dec("1"));
  CHECK(first.invoiced_quantity_unit == "NAR");
  CHECK(first.purchase_order_line_reference == "1");
  CHECK(first.buyer_accounting_reference == "BookingCode001");
  CHECK(first.price.net_price == dec("1273"));
  CHECK(first.price.gross_price == dec("1498"));
  CHECK(first.price.discount == dec("225"));
  // BT-149 is the net price's basis quantity (the gross one says 1498 here).
  CHECK(first.price.base_quantity == dec("1273"));
  CHECK(first.price.base_quantity_unit == "NAR");
  CHECK(first.vat == model::LineVatInformation{"S", dec("25")});
  CHECK(first.period == model::Period{model::Date{2013, 6, 1}, model::Date{2013, 6, 1}});
  REQUIRE(first.allowances.size() == 1);
  CHECK(first.allowances[0].amount == dec("12"));
  CHECK(first.allowances[0].reason == "Damage");
  REQUIRE(first.charges.size() == 1);
  CHECK(first.charges[0].reason == "Testing");
  CHECK(first.item.name == "Laptop computer");
  CHECK(first.item.sellers_identifier == "JB007");
  CHECK(first.item.standard_identifier == model::Identifier{"1234567890128", "0088", std::nullopt});
  REQUIRE(first.item.classification_identifiers.size() == 1);
  CHECK(first.item.classification_identifiers[0] ==
        model::Identifier{"65434568", "STI", std::nullopt});
  CHECK(first.item.country_of_origin == "DE");
  REQUIRE(first.item.attributes.size() == 1);
  CHECK(first.item.attributes[0] == model::ItemAttribute{"Color", "Black"});

  const model::InvoiceLine& second = inv.lines[1];
  CHECK(second.net_amount == dec("-3.96"));
  CHECK(second.invoiced_quantity == dec("-1"));
  CHECK(second.vat.rate == dec("15"));
  CHECK(inv.lines[4].net_amount == dec("187.5"));
  CHECK(inv.lines[4].buyer_accounting_reference == "BookingCode005");
}

TEST_CASE("CII_example5: references, two currencies, direct debit", "[cii][values]") {
  const model::Invoice inv = read_example("en16931/cii/examples/CII_example5.xml").invoice;
  CHECK(inv.buyer_reference == "qwerty");
  CHECK(inv.seller.identifiers ==
        std::vector<model::Identifier>{{"5790000436101", "0088", std::nullopt}});
  CHECK(inv.seller.additional_legal_information == "Export");
  CHECK(inv.seller.trading_name == "SelCo");
  CHECK(inv.seller.electronic_address == model::Identifier{"info@selco.nl", "EM", std::nullopt});
  CHECK(inv.seller.vat_identifier == "NL16356706");
  CHECK(inv.seller.tax_registration_identifier == "NL16356706");
  CHECK(inv.buyer.trading_name == "Buyco");
  CHECK(inv.sales_order_reference == "123");
  CHECK(inv.purchase_order_reference == "PO4711");
  CHECK(inv.contract_reference == "2013-05");
  CHECK(inv.project_reference == "Project345");
  CHECK(inv.despatch_advice_reference == "5433");
  CHECK(inv.receiving_advice_reference == "3544");
  CHECK(inv.delivery->party_name == "Logistic service Ltd");

  CHECK(inv.currency_code == "DKK");
  CHECK(inv.vat_accounting_currency_code == "EUR");
  CHECK(inv.totals.vat_total == dec("675.00"));
  CHECK(inv.totals.vat_total_accounting_currency == dec("628.62"));
  // The scale is kept as written: 4000.00, not 4000.
  REQUIRE(inv.totals.line_net_total);
  CHECK(inv.totals.line_net_total->to_string() == "4000.00");
  CHECK(inv.totals.total_without_vat->to_string() == "4000");

  const auto& pay = *inv.payment_instructions;
  CHECK(pay.means_type_code == "58");
  CHECK(pay.means_text == "Half prepaid");
  CHECK(pay.remittance_information == "Payref1");
  REQUIRE(pay.credit_transfers.size() == 2);
  CHECK(pay.credit_transfers[1].account_identifier == "A");
  REQUIRE(pay.direct_debit);
  CHECK(pay.direct_debit->bank_assigned_creditor_id == "DK5678");
  CHECK(pay.direct_debit->mandate_reference == "123456");
  CHECK(inv.payee->identifier == model::Identifier{"DK16356608", std::nullopt, std::nullopt});

  REQUIRE(inv.preceding_invoices.size() == 1);
  CHECK(inv.preceding_invoices[0].reference == "TOSL109");
  CHECK(inv.preceding_invoices[0].issue_date == model::Date{2013, 3, 10});
  CHECK(inv.buyer_accounting_reference == "67543");

  REQUIRE(inv.lines.size() == 3);
  CHECK(inv.lines[0].object_identifier == model::Identifier{"Object2", std::nullopt, std::nullopt});
  CHECK(inv.lines[0].item.buyers_identifier == "BUY123");
  CHECK(inv.lines[0].allowances[0].percentage == dec("10"));
  CHECK(inv.lines[0].charges[0].reason_code == "ABL");
  CHECK(inv.lines[2].net_amount == dec("2500"));

  // 'Lot567' and 'OBJ999' have no TypeCode: neither BT-17 nor BT-18, and reported.
  CHECK_FALSE(inv.tender_or_lot_reference);
  CHECK_FALSE(inv.invoiced_object_identifier);
}

TEST_CASE("Other examples: line object scheme, BT-8, seller ram:ID, untyped line reference",
          "[cii][values]") {
  const model::Invoice huf = read_example("en16931/cii/examples/huf_example_cii.xml").invoice;
  CHECK(huf.number == "21/001003559/996");
  REQUIRE(huf.lines.size() == 3);
  CHECK(huf.lines[0].object_identifier == model::Identifier{"BN-H 6622", "ABZ", std::nullopt});
  CHECK(huf.lines[0].net_amount == dec("23440.00"));

  const model::Invoice basic = read_example("facturx/xml/factur-x-basic.xml").invoice;
  CHECK(basic.number == "F20260023");
  CHECK(basic.process_control.business_process_type == "S1");
  CHECK(basic.vat_point_date_code ==
        "432");  // CII 72 (UNTDID 2475) is 432 in the model (UNTDID 2005)
  CHECK_FALSE(basic.vat_point_date);
  // BT-29 is 0..n: one ram:ID and four ram:GlobalID, in document order.
  REQUIRE(basic.seller.identifiers.size() == 5);
  CHECK(basic.seller.identifiers[0] == model::Identifier{"123", std::nullopt, std::nullopt});
  CHECK(basic.seller.identifiers[1] == model::Identifier{"587451236587", "0088", std::nullopt});
  CHECK(basic.seller.identifiers[4] == model::Identifier{"ODETTE254879", "0177", std::nullopt});
  CHECK(basic.seller.legal_registration_identifier ==
        model::Identifier{"123456782", "0002", std::nullopt});
  REQUIRE(basic.delivery);
  CHECK(basic.delivery->location_identifier ==
        model::Identifier{"PRIVATE_ID_DEL", std::nullopt, std::nullopt});
  CHECK(basic.delivery->party_name == "DEL Name");
  CHECK(basic.buyer_accounting_reference == "BUYER ACCOUNT REF");

  // XRechnung-O writes BT-128 without TypeCode 130, and empty elements.
  const model::Invoice xr = read_example("en16931/cii/examples/XRechnung-O.xml").invoice;
  REQUIRE(xr.lines.size() == 2);
  CHECK(xr.lines[0].object_identifier ==
        model::Identifier{"50028642477", std::nullopt, std::nullopt});
  CHECK(xr.lines[0].net_amount == dec("83654.15"));
  CHECK(xr.lines[1].net_amount == dec("252646.80"));
  CHECK(xr.lines[0].charges.at(0).reason == "Versicherungssteuer");
  CHECK(xr.lines[0].charges.at(0).amount == dec("15894.27"));
  CHECK(xr.payment_instructions->remittance_information == "V50028642477 VR00150377292");
  REQUIRE(xr.delivery);
  CHECK(xr.delivery->party_name == "");
  CHECK(xr.delivery->location_identifier == model::Identifier{"", std::nullopt, std::nullopt});
}

TEST_CASE("CII_business_example_02: empty seller contact and empty descriptions", "[cii][values]") {
  const model::Invoice inv =
      read_example("en16931/cii/examples/CII_business_example_02.xml").invoice;
  CHECK(inv.number == "INV000013");
  CHECK(inv.process_control.specification_identifier ==
        "urn:ferd:CrossIndustryDocument:invoice:1p0:comfort");
  REQUIRE(inv.notes.size() == 1);
  CHECK(inv.notes[0] == model::InvoiceNote{"REG", "TEXT"});
  REQUIRE(inv.lines.size() == 3);
  CHECK(inv.lines[0].price.net_price->to_string() == "1.2605");
  CHECK(inv.lines[0].invoiced_quantity->to_string() == "1.0000");
  CHECK(inv.lines[2].item.name == "LCD Display 3.5");
  CHECK(inv.lines[2].item.description == "");
  CHECK(inv.seller.contact == model::Contact{});
  CHECK(inv.seller.address.line1 == "Storkower Straße 207");
  CHECK_FALSE(inv.delivery);
  CHECK(inv.allowances.at(0).amount->to_string() == "0.00");
  CHECK(inv.allowances.at(0).reason == "Rabatt");
  CHECK(inv.totals.total_with_vat == dec("11.90"));
}
