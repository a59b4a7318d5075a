#include "formats/ubl/document_writer.h"

#include "formats/ubl/binding.h"
#include "formats/ubl/ubl_namespaces.h"

namespace einvoice::ubl {

DocumentWriter::DocumentWriter(const model::Invoice& invoice, bool credit_note)
    : invoice_(invoice), credit_note_(credit_note) {
  const auto& payment = invoice.payment_instructions;
  if (payment && payment->direct_debit && payment->direct_debit->bank_assigned_creditor_id) {
    creditor_ = &*payment->direct_debit->bank_assigned_creditor_id;
  }
}

void DocumentWriter::text(std::string_view qname, const model::Text& value) {
  if (value)
    out_.leaf(qname, *value);
}

void DocumentWriter::date(std::string_view qname, const std::optional<model::Date>& value) {
  if (value)
    out_.leaf(qname, value->to_iso());
}

void DocumentWriter::decimal(std::string_view qname, const model::Amount& value) {
  if (value)
    out_.leaf(qname, value->to_string());
}

void DocumentWriter::amount(std::string_view qname, const model::Amount& value,
                            const model::Code* currency) {
  if (!value)
    return;
  out_.start(qname);
  out_.attribute("currencyID", currency ? *currency : invoice_.currency_code);
  out_.text(value->to_string());
  out_.end();
}

void DocumentWriter::identifier(std::string_view qname, const model::Identifier& value,
                                std::string_view scheme_attribute) {
  out_.start(qname);
  out_.attribute(scheme_attribute, value.scheme_id);
  out_.text(value.value);
  out_.end();
}

void DocumentWriter::identifier(std::string_view qname,
                                const std::optional<model::Identifier>& value) {
  if (value)
    identifier(qname, *value);
}

void DocumentWriter::wrapped_text(std::string_view aggregate, std::string_view child,
                                  const model::Text& value) {
  if (!value)
    return;
  out_.start(aggregate);
  out_.leaf(child, *value);
  out_.end();
}

void DocumentWriter::tax_scheme(std::string_view scheme) {
  out_.start("cac:TaxScheme");
  out_.leaf("cbc:ID", scheme);
  out_.end();
}

std::string DocumentWriter::write() {
  out_.start(credit_note_ ? kCreditNoteRoot : kInvoiceRoot);
  out_.attribute("xmlns", credit_note_ ? kCreditNoteNamespace : kInvoiceNamespace);
  out_.attribute("xmlns:cac", kCacNamespace);
  out_.attribute("xmlns:cbc", kCbcNamespace);
  write_header();
  write_seller();
  write_buyer();
  write_payee();
  write_tax_representative();
  write_delivery();
  write_payment_means();
  wrapped_text("cac:PaymentTerms", "cbc:Note", invoice_.payment_terms);
  for (const auto& allowance : invoice_.allowances)
    write_allowance_charge(allowance, false, true);
  for (const auto& charge : invoice_.charges)
    write_allowance_charge(charge, true, true);
  write_tax_totals();
  write_monetary_total();
  for (const auto& line : invoice_.lines)
    write_line(line);
  out_.end();
  return out_.finish();
}

void DocumentWriter::write_header() {
  text("cbc:CustomizationID", invoice_.process_control.specification_identifier);
  text("cbc:ProfileID", invoice_.process_control.business_process_type);
  text("cbc:ID", invoice_.number);
  date("cbc:IssueDate", invoice_.issue_date);
  if (credit_note_) {
    date("cbc:TaxPointDate", invoice_.vat_point_date);
    text("cbc:CreditNoteTypeCode", invoice_.type_code);
  } else {
    date("cbc:DueDate", invoice_.payment_due_date);
    text("cbc:InvoiceTypeCode", invoice_.type_code);
  }
  for (const auto& note : invoice_.notes) {
    std::string content;
    if (note.subject_code)
      content = "#" + *note.subject_code + "#";
    if (note.note)
      content += *note.note;
    out_.leaf("cbc:Note", content);
  }
  if (!credit_note_)
    date("cbc:TaxPointDate", invoice_.vat_point_date);
  text("cbc:DocumentCurrencyCode", invoice_.currency_code);
  text("cbc:TaxCurrencyCode", invoice_.vat_accounting_currency_code);
  text("cbc:AccountingCost", invoice_.buyer_accounting_reference);
  text("cbc:BuyerReference", invoice_.buyer_reference);
  write_invoice_period();
  write_order_reference();
  for (const auto& preceding : invoice_.preceding_invoices) {
    out_.start("cac:BillingReference");
    out_.start("cac:InvoiceDocumentReference");
    text("cbc:ID", preceding.reference);
    date("cbc:IssueDate", preceding.issue_date);
    out_.end();
    out_.end();
  }
  wrapped_text("cac:DespatchDocumentReference", "cbc:ID", invoice_.despatch_advice_reference);
  wrapped_text("cac:ReceiptDocumentReference", "cbc:ID", invoice_.receiving_advice_reference);
  if (credit_note_) {
    wrapped_text("cac:ContractDocumentReference", "cbc:ID", invoice_.contract_reference);
    write_additional_documents();
    wrapped_text("cac:OriginatorDocumentReference", "cbc:ID", invoice_.tender_or_lot_reference);
  } else {
    wrapped_text("cac:OriginatorDocumentReference", "cbc:ID", invoice_.tender_or_lot_reference);
    wrapped_text("cac:ContractDocumentReference", "cbc:ID", invoice_.contract_reference);
    write_additional_documents();
    wrapped_text("cac:ProjectReference", "cbc:ID", invoice_.project_reference);
  }
}

void DocumentWriter::write_invoice_period() {
  const auto& period = invoice_.invoicing_period;
  if (!period && !invoice_.vat_point_date_code)
    return;
  out_.start("cac:InvoicePeriod");
  if (period) {
    date("cbc:StartDate", period->start_date);
    date("cbc:EndDate", period->end_date);
  }
  text("cbc:DescriptionCode", invoice_.vat_point_date_code);
  out_.end();
}

void DocumentWriter::write_order_reference() {
  const auto& order = invoice_.purchase_order_reference;
  const auto& sales_order = invoice_.sales_order_reference;
  if (!order && !sales_order)
    return;
  out_.start("cac:OrderReference");
  out_.leaf("cbc:ID", order ? std::string_view(*order) : kNoOrderReference);
  text("cbc:SalesOrderID", sales_order);
  out_.end();
}

void DocumentWriter::write_additional_documents() {
  if (const auto& object = invoice_.invoiced_object_identifier) {
    out_.start("cac:AdditionalDocumentReference");
    identifier("cbc:ID", *object);
    out_.leaf("cbc:DocumentTypeCode", kInvoicedObjectDocumentType);
    out_.end();
  }
  if (credit_note_ && invoice_.project_reference) {
    out_.start("cac:AdditionalDocumentReference");
    out_.leaf("cbc:ID", *invoice_.project_reference);
    out_.leaf("cbc:DocumentTypeCode", kProjectDocumentType);
    out_.end();
  }
  for (const auto& document : invoice_.supporting_documents) {
    out_.start("cac:AdditionalDocumentReference");
    text("cbc:ID", document.reference);
    text("cbc:DocumentDescription", document.description);
    if (document.attachment || document.external_location) {
      out_.start("cac:Attachment");
      if (const auto& attachment = document.attachment) {
        out_.start("cbc:EmbeddedDocumentBinaryObject");
        out_.attribute("mimeCode", attachment->mime_code);
        out_.attribute("filename", attachment->filename);
        out_.text(attachment->content);
        out_.end();
      }
      wrapped_text("cac:ExternalReference", "cbc:URI", document.external_location);
      out_.end();
    }
    out_.end();
  }
}

void DocumentWriter::write_delivery() {
  const auto& delivery = invoice_.delivery;
  if (!delivery)
    return;
  out_.start("cac:Delivery");
  date("cbc:ActualDeliveryDate", delivery->actual_delivery_date);
  if (delivery->location_identifier || delivery->address) {
    out_.start("cac:DeliveryLocation");
    identifier("cbc:ID", delivery->location_identifier);
    if (delivery->address)
      write_address("cac:Address", *delivery->address);
    out_.end();
  }
  if (delivery->party_name) {
    out_.start("cac:DeliveryParty");
    write_party_name(delivery->party_name);
    out_.end();
  }
  out_.end();
}

}  // namespace einvoice::ubl
