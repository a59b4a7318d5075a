#include "formats/cii/document_writer.h"

namespace einvoice::cii {

void DocumentWriter::write_line(const model::InvoiceLine& line) {
  out_.start("ram:IncludedSupplyChainTradeLineItem");
  out_.start("ram:AssociatedDocumentLineDocument");
  text("ram:LineID", line.identifier);
  wrapped("ram:IncludedNote", "ram:Content", line.note);
  out_.end();
  write_product(line.item);
  write_line_agreement(line);
  if (line.invoiced_quantity) {
    out_.start("ram:SpecifiedLineTradeDelivery");
    out_.start("ram:BilledQuantity")
        .attribute("unitCode", line.invoiced_quantity_unit)
        .text(line.invoiced_quantity->to_string())
        .end();
    out_.end();
  }
  write_line_settlement(line);
  out_.end();
}

void DocumentWriter::write_product(const model::ItemInformation& item) {
  out_.start("ram:SpecifiedTradeProduct");
  if (item.standard_identifier)
    identifier("ram:GlobalID", *item.standard_identifier);
  text("ram:SellerAssignedID", item.sellers_identifier);
  text("ram:BuyerAssignedID", item.buyers_identifier);
  text("ram:Name", item.name);
  text("ram:Description", item.description);
  for (const model::ItemAttribute& attribute : item.attributes) {
    out_.start("ram:ApplicableProductCharacteristic");
    text("ram:Description", attribute.name);
    text("ram:Value", attribute.value);
    out_.end();
  }
  for (const model::Identifier& classification : item.classification_identifiers) {
    out_.start("ram:DesignatedProductClassification");
    out_.start("ram:ClassCode")
        .attribute("listID", classification.scheme_id)
        .attribute("listVersionID", classification.scheme_version)
        .text(classification.value)
        .end();
    out_.end();
  }
  wrapped("ram:OriginTradeCountry", "ram:ID", item.country_of_origin);
  out_.end();
}

// BT-149/BT-150 on the net price, and on the gross price too (when there is
// a net price to carry them) so that both prices state the quantity they are for.
void DocumentWriter::write_basis_quantity(const model::PriceDetails& price) {
  if (!price.base_quantity)
    return;
  out_.start("ram:BasisQuantity")
      .attribute("unitCode", price.base_quantity_unit)
      .text(price.base_quantity->to_string())
      .end();
}

// CII carries BT-147 only inside ram:GrossPriceProductTradePrice, whose
// ram:ChargeAmount (BT-148) is mandatory: without a stated BT-148, the gross
// price the discount implies is BT-146 + BT-147 (BR-CO relation of the price
// details).
model::Amount DocumentWriter::implied_gross_price(const model::PriceDetails& price) {
  if (!price.net_price || !price.discount)
    return std::nullopt;
  return price.net_price->add(*price.discount);
}

void DocumentWriter::write_line_agreement(const model::InvoiceLine& line) {
  const model::PriceDetails& price = line.price;
  if (!line.purchase_order_line_reference && !price.gross_price && !price.net_price)
    return;
  out_.start("ram:SpecifiedLineTradeAgreement");
  wrapped("ram:BuyerOrderReferencedDocument", "ram:LineID", line.purchase_order_line_reference);
  if (price.gross_price || price.discount) {
    out_.start("ram:GrossPriceProductTradePrice");
    amount("ram:ChargeAmount", price.gross_price ? price.gross_price : implied_gross_price(price));
    if (price.net_price)
      write_basis_quantity(price);
    if (price.discount) {
      out_.start("ram:AppliedTradeAllowanceCharge");
      indicator("ram:ChargeIndicator", false);
      amount("ram:ActualAmount", price.discount);
      out_.end();
    }
    out_.end();
  }
  if (price.net_price) {
    out_.start("ram:NetPriceProductTradePrice");
    amount("ram:ChargeAmount", price.net_price);
    write_basis_quantity(price);
    out_.end();
  }
  out_.end();
}

void DocumentWriter::write_line_allowance_charge(const model::AllowanceCharge& allowance_charge,
                                                 bool charge) {
  out_.start("ram:SpecifiedTradeAllowanceCharge");
  indicator("ram:ChargeIndicator", charge);
  amount("ram:CalculationPercent", allowance_charge.percentage);
  amount("ram:BasisAmount", allowance_charge.base_amount);
  amount("ram:ActualAmount", allowance_charge.amount);
  text("ram:ReasonCode", allowance_charge.reason_code);
  text("ram:Reason", allowance_charge.reason);
  out_.end();
}

void DocumentWriter::write_line_settlement(const model::InvoiceLine& line) {
  out_.start("ram:SpecifiedLineTradeSettlement");
  if (line.vat.category_code || line.vat.rate) {
    out_.start("ram:ApplicableTradeTax").leaf("ram:TypeCode", "VAT");
    text("ram:CategoryCode", line.vat.category_code);
    amount("ram:RateApplicablePercent", line.vat.rate);
    out_.end();
  }
  if (line.period)
    write_period(*line.period);
  for (const auto& allowance : line.allowances)
    write_line_allowance_charge(allowance, false);
  for (const auto& charge : line.charges)
    write_line_allowance_charge(charge, true);
  if (line.net_amount) {
    out_.start("ram:SpecifiedTradeSettlementLineMonetarySummation");
    amount("ram:LineTotalAmount", line.net_amount);
    out_.end();
  }
  if (line.object_identifier) {
    out_.start("ram:AdditionalReferencedDocument")
        .leaf("ram:IssuerAssignedID", line.object_identifier->value)
        .leaf("ram:TypeCode", "130");
    text("ram:ReferenceTypeCode", line.object_identifier->scheme_id);
    out_.end();
  }
  wrapped("ram:ReceivableSpecifiedTradeAccountingAccount", "ram:ID",
          line.buyer_accounting_reference);
  out_.end();
}

}  // namespace einvoice::cii
