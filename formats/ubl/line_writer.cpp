#include "formats/ubl/binding.h"
#include "formats/ubl/document_writer.h"

namespace einvoice::ubl {

void DocumentWriter::write_line(const model::InvoiceLine& line) {
  out_.start(credit_note_ ? "cac:CreditNoteLine" : "cac:InvoiceLine");
  text("cbc:ID", line.identifier);
  text("cbc:Note", line.note);
  if (line.invoiced_quantity) {
    out_.start(credit_note_ ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity");
    out_.attribute("unitCode", line.invoiced_quantity_unit);
    out_.text(line.invoiced_quantity->to_string());
    out_.end();
  }
  amount("cbc:LineExtensionAmount", line.net_amount);
  text("cbc:AccountingCost", line.buyer_accounting_reference);
  if (line.period) {
    out_.start("cac:InvoicePeriod");
    date("cbc:StartDate", line.period->start_date);
    date("cbc:EndDate", line.period->end_date);
    out_.end();
  }
  wrapped_text("cac:OrderLineReference", "cbc:LineID", line.purchase_order_line_reference);
  if (line.object_identifier) {
    out_.start("cac:DocumentReference");
    identifier("cbc:ID", *line.object_identifier);
    out_.leaf("cbc:DocumentTypeCode", kInvoicedObjectDocumentType);
    out_.end();
  }
  for (const auto& allowance : line.allowances)
    write_allowance_charge(allowance, false, false);
  for (const auto& charge : line.charges)
    write_allowance_charge(charge, true, false);
  write_item(line);
  // BT-148 and BT-150 have no carrier without BT-146, BT-147 or BT-149.
  const model::PriceDetails& price = line.price;
  if (price.net_price || price.discount || price.base_quantity)
    write_price(price);
  out_.end();
}

void DocumentWriter::write_item(const model::InvoiceLine& line) {
  const model::ItemInformation& item = line.item;
  out_.start("cac:Item");
  text("cbc:Description", item.description);
  text("cbc:Name", item.name);
  wrapped_text("cac:BuyersItemIdentification", "cbc:ID", item.buyers_identifier);
  wrapped_text("cac:SellersItemIdentification", "cbc:ID", item.sellers_identifier);
  if (item.standard_identifier) {
    out_.start("cac:StandardItemIdentification");
    identifier("cbc:ID", *item.standard_identifier);
    out_.end();
  }
  wrapped_text("cac:OriginCountry", "cbc:IdentificationCode", item.country_of_origin);
  for (const auto& classification : item.classification_identifiers) {
    out_.start("cac:CommodityClassification");
    out_.start("cbc:ItemClassificationCode");
    out_.attribute("listID", classification.scheme_id);
    out_.attribute("listVersionID", classification.scheme_version);
    out_.text(classification.value);
    out_.end();
    out_.end();
  }
  if (!(line.vat == model::LineVatInformation{})) {
    out_.start("cac:ClassifiedTaxCategory");
    text("cbc:ID", line.vat.category_code);
    decimal("cbc:Percent", line.vat.rate);
    tax_scheme(kVatScheme);
    out_.end();
  }
  for (const auto& attribute : item.attributes) {
    out_.start("cac:AdditionalItemProperty");
    text("cbc:Name", attribute.name);
    text("cbc:Value", attribute.value);
    out_.end();
  }
  out_.end();
}

void DocumentWriter::write_price(const model::PriceDetails& price) {
  out_.start("cac:Price");
  amount("cbc:PriceAmount", price.net_price);
  if (price.base_quantity) {
    out_.start("cbc:BaseQuantity");
    out_.attribute("unitCode", price.base_quantity_unit);
    out_.text(price.base_quantity->to_string());
    out_.end();
  }
  // cac:AllowanceCharge requires cbc:Amount: a gross price alone travels with
  // the discount it implies (gross - net).
  model::Amount discount = price.discount;
  if (!discount && price.gross_price && price.net_price) {
    discount = price.gross_price->subtract(*price.net_price);
  }
  if (discount) {
    out_.start("cac:AllowanceCharge");
    out_.leaf("cbc:ChargeIndicator", "false");
    amount("cbc:Amount", discount);
    amount("cbc:BaseAmount", price.gross_price);
    out_.end();
  }
  out_.end();
}

}  // namespace einvoice::ubl
