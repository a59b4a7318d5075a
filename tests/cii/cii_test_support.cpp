#include "cii_test_support.h"

namespace einvoice::cii::testing {
namespace {

model::PostalAddress address(const std::string& tag) {
  model::PostalAddress a;
  a.line1 = tag + " street 1";
  a.line2 = tag + " building B";
  a.line3 = tag + " floor 3";
  a.city = tag + " city";
  a.post_code = "1000" + tag.substr(0, 1);
  a.country_subdivision = tag + " region";
  a.country_code = "DE";
  return a;
}

model::AllowanceCharge allowance_charge(const char* amount, bool with_vat) {
  model::AllowanceCharge x;
  x.amount = dec(amount);
  x.base_amount = dec("100.00");
  x.percentage = dec("2.5");
  if (with_vat) {
    x.vat_category_code = "S";
    x.vat_rate = dec("19");
  }
  x.reason = "Reason & <detail>";
  x.reason_code = "95";
  return x;
}

}  // namespace

model::Invoice full_invoice() {
  model::Invoice inv;
  inv.number = "INV-2024-001";
  inv.issue_date = model::Date{2024, 3, 1};
  inv.type_code = "380";
  inv.currency_code = "EUR";
  inv.vat_accounting_currency_code = "SEK";
  inv.vat_point_date = model::Date{2024, 2, 29};
  inv.vat_point_date_code = "35";  // BT-7 and BT-8 together are invalid (BR-CO-3) but both fit
  inv.payment_due_date = model::Date{2024, 3, 31};
  inv.buyer_reference = "LEITWEG-123";
  inv.project_reference = "PRJ-7";
  inv.contract_reference = "CTR-9";
  inv.purchase_order_reference = "PO-42";
  inv.sales_order_reference = "SO-43";
  inv.receiving_advice_reference = "RA-44";
  inv.despatch_advice_reference = "DA-45";
  inv.tender_or_lot_reference = "LOT-46";
  inv.invoiced_object_identifier = model::Identifier{"OBJ-47", "AUN", std::nullopt};
  inv.buyer_accounting_reference = "ACC-48";
  inv.payment_terms = "Net 30 days\nno discount";
  inv.notes.push_back({"AAI", "General note"});
  inv.notes.push_back({std::nullopt, "Second note"});
  inv.process_control.business_process_type = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
  inv.process_control.specification_identifier = "urn:cen.eu:en16931:2017";
  inv.preceding_invoices.push_back({"INV-2023-999", model::Date{2023, 12, 31}});

  model::Seller& seller = inv.seller;
  seller.name = "Seller GmbH";
  seller.trading_name = "Seller Trade";
  seller.identifiers.push_back({"SELLER-LOCAL", std::nullopt, std::nullopt});
  seller.identifiers.push_back({"4000001000005", "0088", std::nullopt});
  seller.legal_registration_identifier = model::Identifier{"HRB 1234", "0002", std::nullopt};
  seller.vat_identifier = "DE123456789";
  seller.tax_registration_identifier = "201/113/40209";
  seller.additional_legal_information = "Share capital 25000 EUR";
  seller.electronic_address = model::Identifier{"seller@example.com", "EM", std::nullopt};
  seller.address = address("Seller");
  seller.contact = model::Contact{"Sales desk", "+49 30 1234", "sales@example.com"};

  model::Buyer& buyer = inv.buyer;
  buyer.name = "Buyer AG";
  buyer.trading_name = "Buyer Trade";
  buyer.identifier = model::Identifier{"4000001000012", "0088", std::nullopt};
  buyer.legal_registration_identifier = model::Identifier{"HRB 5678", "0002", std::nullopt};
  buyer.vat_identifier = "DE987654321";
  buyer.electronic_address = model::Identifier{"buyer@example.com", "EM", std::nullopt};
  buyer.address = address("Buyer");
  buyer.contact = model::Contact{"Purchasing", "+49 40 5678", "buy@example.com"};

  inv.payee = model::Payee{"Factor Bank", model::Identifier{"PAYEE-1", std::nullopt, std::nullopt},
                           model::Identifier{"HRB 9999", "0002", std::nullopt}};
  inv.tax_representative =
      model::SellerTaxRepresentative{"Tax Rep SARL", "FR12345678901", address("Rep")};
  inv.delivery = model::DeliveryInformation{
      "Warehouse 3", model::Identifier{"4000001000029", "0088", std::nullopt},
      model::Date{2024, 2, 20}, address("Delivery")};
  inv.invoicing_period = model::Period{model::Date{2024, 2, 1}, model::Date{2024, 2, 29}};

  model::PaymentInstructions pay;
  pay.means_type_code = "58";
  pay.means_text = "SEPA credit transfer";
  pay.remittance_information = "RF18539007547034";
  pay.credit_transfers.push_back({"DE02 1203 0000 0000 2020 51", "Seller GmbH", "BYLADEM1001"});
  pay.credit_transfers.push_back({"ACCOUNT-77", "Seller GmbH local", std::nullopt});
  pay.card = model::PaymentCard{"1234", "J. Holder"};
  pay.direct_debit =
      model::DirectDebit{"MANDATE-1", "DE98ZZZ09999999999", "DE75512108001245126199"};
  inv.payment_instructions = pay;

  inv.allowances.push_back(allowance_charge("2.50", true));
  inv.charges.push_back(allowance_charge("5.00", true));

  model::DocumentTotals& t = inv.totals;
  t.line_net_total = dec("100.00");
  t.allowance_total = dec("2.50");
  t.charge_total = dec("5.00");
  t.total_without_vat = dec("102.50");
  t.vat_total = dec("19.48");
  t.vat_total_accounting_currency = dec("221.30");
  t.total_with_vat = dec("121.98");
  t.paid_amount = dec("10.00");
  t.rounding_amount = dec("0.02");
  t.amount_due = dec("112.00");

  inv.vat_breakdowns.push_back(
      {dec("102.50"), dec("19.48"), "S", dec("19.00"), std::nullopt, std::nullopt});
  inv.vat_breakdowns.push_back(
      {dec("0"), dec("0"), "E", dec("0"), "Exempt by article 132", "VATEX-EU-132"});

  model::SupportingDocument doc;
  doc.reference = "TIMESHEET-1";
  doc.description = "Timesheet";
  doc.external_location = "https://example.com/ts1.pdf";
  doc.attachment = model::BinaryObject{"SGVsbG8=", "application/pdf", "ts1.pdf"};
  inv.supporting_documents.push_back(doc);

  model::InvoiceLine line;
  line.identifier = "1";
  line.note = "Line note";
  line.object_identifier = model::Identifier{"LINE-OBJ", "ABZ", std::nullopt};
  line.invoiced_quantity = dec("2.000");
  line.invoiced_quantity_unit = "C62";
  line.net_amount = dec("100.00");
  line.purchase_order_line_reference = "PO-42/1";
  line.buyer_accounting_reference = "LINE-ACC";
  line.period = model::Period{model::Date{2024, 2, 1}, model::Date{2024, 2, 29}};
  line.allowances.push_back(allowance_charge("1.00", false));
  line.charges.push_back(allowance_charge("1.00", false));
  line.price = {dec("50.00"), dec("5.00"), dec("55.00"), dec("1"), "C62"};
  line.vat = {"S", dec("19.00")};
  line.item.name = "Widget";
  line.item.description = "A widget with \"quotes\"";
  line.item.sellers_identifier = "W-1";
  line.item.buyers_identifier = "B-W-1";
  line.item.standard_identifier = model::Identifier{"4012345678901", "0160", std::nullopt};
  line.item.classification_identifiers.push_back({"12345678", "STI", "2.1"});
  line.item.classification_identifiers.push_back({"43211503", "TST", std::nullopt});
  line.item.country_of_origin = "CN";
  line.item.attributes.push_back({"Colour", "Blue"});
  inv.lines.push_back(line);

  model::InvoiceLine second;
  second.identifier = "2";
  second.invoiced_quantity = dec("-1");
  second.invoiced_quantity_unit = "H87";
  second.net_amount = dec("0.00");
  second.price.net_price = dec("0");
  second.vat = {"E", dec("0")};
  second.period = model::Period{model::Date{2024, 2, 15}, std::nullopt};
  second.item.name = "Returned part";
  inv.lines.push_back(second);
  return inv;
}

}  // namespace einvoice::cii::testing
