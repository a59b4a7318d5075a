#include "tests/conversion/full_invoice.h"

namespace einvoice::conversion_test {
namespace {

model::Decimal dec(const char* text) {
  return *model::Decimal::parse(text);
}

model::Date day(const char* text) {
  return *model::Date::parse_iso(text);
}

model::PostalAddress address(const std::string& tag, const char* country) {
  model::PostalAddress out;
  out.line1 = tag + " street 1";
  out.line2 = tag + " building 2";
  out.line3 = tag + " floor 3";
  out.city = tag + " city";
  out.post_code = tag + "-1000";
  out.country_subdivision = tag + " region";
  out.country_code = country;
  return out;
}

model::Contact contact(const std::string& tag) {
  return {tag + " contact", "+49 " + tag, tag + "@contact.example"};
}

model::InvoiceLine full_line() {
  model::InvoiceLine line;
  line.identifier = "1";
  line.note = "Line note";
  line.object_identifier = model::Identifier{"LINE-OBJ-1", "AAB", std::nullopt};
  line.invoiced_quantity = dec("2.000");
  line.invoiced_quantity_unit = "C62";
  line.net_amount = dec("201.00");
  line.purchase_order_line_reference = "PO-LINE-7";
  line.buyer_accounting_reference = "LINE-ACC-9";
  line.period = model::Period{day("2024-02-01"), day("2024-02-29")};
  line.allowances.push_back(
      {dec("1.00"), dec("10.00"), dec("10"), std::nullopt, std::nullopt, "Line allowance", "95"});
  line.charges.push_back(
      {dec("2.00"), dec("20.00"), dec("10"), std::nullopt, std::nullopt, "Line charge", "FC"});
  line.price = {dec("100.50"), dec("4.50"), dec("105.00"), dec("1"), "C62"};
  line.vat = {"S", dec("19")};
  line.item.name = "Widget";
  line.item.description = "A widget for testing";
  line.item.sellers_identifier = "SELLER-ITEM-1";
  line.item.buyers_identifier = "BUYER-ITEM-1";
  line.item.standard_identifier = model::Identifier{"4012345678901", "0160", std::nullopt};
  line.item.classification_identifiers.push_back({"12345678", "STI", "2.1"});
  line.item.classification_identifiers.push_back({"87654321", "CG", std::nullopt});
  line.item.country_of_origin = "CN";
  line.item.attributes.push_back({"Colour", "Blue"});
  line.item.attributes.push_back({"Size", "XL"});
  return line;
}

model::InvoiceLine small_line() {
  model::InvoiceLine line;
  line.identifier = "2";
  line.invoiced_quantity = dec("1");
  line.invoiced_quantity_unit = "H87";
  line.net_amount = dec("0.00");
  line.price.net_price = dec("0.00");
  line.vat = {"E", dec("0")};
  line.item.name = "Free sample";
  return line;
}

}  // namespace

model::Invoice full_invoice(const std::string& type_code) {
  model::Invoice in;
  in.number = "FULL-2024-001";
  in.issue_date = day("2024-03-01");
  in.type_code = type_code;
  in.currency_code = "EUR";
  in.vat_accounting_currency_code = "SEK";
  in.vat_point_date = day("2024-03-02");
  in.payment_due_date = day("2024-03-31");
  in.buyer_reference = "BUYER-REF-5";
  in.project_reference = "PROJECT-6";
  in.contract_reference = "CONTRACT-7";
  in.purchase_order_reference = "PO-8";
  in.sales_order_reference = "SO-9";
  in.receiving_advice_reference = "RECEIPT-10";
  in.despatch_advice_reference = "DESPATCH-11";
  in.tender_or_lot_reference = "TENDER-12";
  in.invoiced_object_identifier = model::Identifier{"OBJECT-13", "AAA", std::nullopt};
  in.buyer_accounting_reference = "BUYER-ACC-14";
  in.payment_terms = "Net 30 days";
  in.notes = {{"AAI", "First note"}, {std::nullopt, "Second note"}};
  in.process_control = {"urn:example:process:1", "urn:cen.eu:en16931:2017"};
  in.preceding_invoices = {{"PREV-2023-99", day("2023-12-15")}};

  in.seller.name = "Seller Company Ltd";
  in.seller.trading_name = "Seller Trading";
  in.seller.identifiers = {{"SELLER-ID-1", std::nullopt, std::nullopt},
                           {"5790000436101", "0088", std::nullopt}};
  in.seller.legal_registration_identifier = model::Identifier{"HRB 1234", "0002", std::nullopt};
  in.seller.vat_identifier = "DE123456789";
  in.seller.tax_registration_identifier = "201/113/40209";
  in.seller.additional_legal_information = "Share capital 25000 EUR";
  in.seller.electronic_address = model::Identifier{"seller@example.com", "EM", std::nullopt};
  in.seller.address = address("Seller", "DE");
  in.seller.contact = contact("seller");

  in.buyer.name = "Buyer Company AB";
  in.buyer.trading_name = "Buyer Trading";
  in.buyer.identifier = model::Identifier{"7300010000001", "0088", std::nullopt};
  in.buyer.legal_registration_identifier = model::Identifier{"5560000001", "0007", std::nullopt};
  in.buyer.vat_identifier = "SE556000000101";
  in.buyer.electronic_address = model::Identifier{"7300010000001", "0088", std::nullopt};
  in.buyer.address = address("Buyer", "SE");
  in.buyer.contact = contact("buyer");

  in.payee = model::Payee{"Payee Factoring", model::Identifier{"PAYEE-ID-1", "0088", std::nullopt},
                          model::Identifier{"PAYEE-LEG-1", "0002", std::nullopt}};
  in.tax_representative =
      model::SellerTaxRepresentative{"Tax Rep Ltd", "DE987654321", address("Taxrep", "DE")};
  in.delivery = model::DeliveryInformation{"Delivery Party",
                                           model::Identifier{"LOCATION-1", "0088", std::nullopt},
                                           day("2024-02-20"), address("Delivery", "NO")};
  in.invoicing_period = model::Period{day("2024-02-01"), day("2024-02-29")};

  model::PaymentInstructions payment;
  payment.means_type_code = "58";
  payment.means_text = "SEPA credit transfer";
  payment.remittance_information = "REMIT-42";
  payment.credit_transfers = {{"DE89370400440532013000", "Seller main account", "COBADEFFXXX"},
                              {"DE02120300000000202051", std::nullopt, std::nullopt}};
  payment.card = model::PaymentCard{"1234", "Card Holder"};
  payment.direct_debit =
      model::DirectDebit{"MANDATE-77", "DE98ZZZ09999999999", "DE75512108001245126199"};
  in.payment_instructions = payment;

  in.allowances.push_back(
      {dec("10.00"), dec("100.00"), dec("10"), "S", dec("19"), "Loyalty discount", "95"});
  in.charges.push_back({dec("5.00"), dec("50.00"), dec("10"), "S", dec("19"), "Freight", "FC"});

  in.totals.line_net_total = dec("201.00");
  in.totals.allowance_total = dec("10.00");
  in.totals.charge_total = dec("5.00");
  in.totals.total_without_vat = dec("196.00");
  in.totals.vat_total = dec("37.24");
  in.totals.vat_total_accounting_currency = dec("410.55");
  in.totals.total_with_vat = dec("233.24");
  in.totals.paid_amount = dec("3.24");
  in.totals.rounding_amount = dec("0.01");
  in.totals.amount_due = dec("230.01");

  in.vat_breakdowns.push_back(
      {dec("196.00"), dec("37.24"), "S", dec("19"), std::nullopt, std::nullopt});
  in.vat_breakdowns.push_back(
      {dec("0.00"), dec("0.00"), "E", dec("0"), "Exempt under article 132", "VATEX-EU-132"});

  in.supporting_documents.push_back(
      {"TIMESHEET-1", "Timesheet", "https://example.com/timesheet.pdf", std::nullopt});
  in.supporting_documents.push_back(
      {"ATTACH-2", "Delivery note", std::nullopt,
       model::BinaryObject{"JVBERi0xLjQKJcfsj6IK", "application/pdf", "delivery-note.pdf"}});

  in.lines.push_back(full_line());
  in.lines.push_back(small_line());
  return in;
}

}  // namespace einvoice::conversion_test
