#include "formats/cii/document_writer.h"

#include "formats/cii/cii_namespaces.h"

namespace einvoice::cii {

void DocumentWriter::text(std::string_view qname, const std::optional<std::string>& value) {
  if (value)
    out_.leaf(qname, *value);
}

void DocumentWriter::amount(std::string_view qname, const model::Amount& value) {
  if (value)
    out_.leaf(qname, value->to_string());
}

void DocumentWriter::date(std::string_view wrapper, const std::optional<model::Date>& value,
                          std::string_view string_qname) {
  if (!value)
    return;
  out_.start(wrapper);
  out_.start(string_qname).attribute("format", "102").text(value->to_compact()).end();
  out_.end();
}

void DocumentWriter::indicator(std::string_view qname, bool value) {
  out_.start(qname).leaf("udt:Indicator", value ? "true" : "false").end();
}

void DocumentWriter::wrapped(std::string_view wrapper, std::string_view qname,
                             const std::optional<std::string>& value) {
  if (!value)
    return;
  out_.start(wrapper).leaf(qname, *value).end();
}

void DocumentWriter::identifier(std::string_view qname, const model::Identifier& value,
                                std::string_view scheme_attribute) {
  out_.start(qname);
  if (value.scheme_id)
    out_.attribute(scheme_attribute, *value.scheme_id);
  out_.text(value.value).end();
}

std::string DocumentWriter::write() {
  out_.start("rsm:CrossIndustryInvoice")
      .attribute("xmlns:rsm", kRsmNamespace)
      .attribute("xmlns:qdt", kQdtNamespace)
      .attribute("xmlns:ram", kRamNamespace)
      .attribute("xmlns:udt", kUdtNamespace);
  write_context();
  write_exchanged_document();
  out_.start("rsm:SupplyChainTradeTransaction");
  for (const model::InvoiceLine& line : invoice_.lines)
    write_line(line);
  write_agreement();
  write_delivery();
  write_settlement();
  out_.end();
  out_.end();
  return out_.finish();
}

void DocumentWriter::write_context() {
  const model::ProcessControl& process = invoice_.process_control;
  out_.start("rsm:ExchangedDocumentContext");
  wrapped("ram:BusinessProcessSpecifiedDocumentContextParameter", "ram:ID",
          process.business_process_type);
  wrapped("ram:GuidelineSpecifiedDocumentContextParameter", "ram:ID",
          process.specification_identifier);
  out_.end();
}

void DocumentWriter::write_exchanged_document() {
  out_.start("rsm:ExchangedDocument");
  text("ram:ID", invoice_.number);
  text("ram:TypeCode", invoice_.type_code);
  date("ram:IssueDateTime", invoice_.issue_date);
  for (const model::InvoiceNote& note : invoice_.notes) {
    out_.start("ram:IncludedNote");
    text("ram:Content", note.note);
    text("ram:SubjectCode", note.subject_code);
    out_.end();
  }
  out_.end();
}

void DocumentWriter::write_agreement() {
  out_.start("ram:ApplicableHeaderTradeAgreement");
  text("ram:BuyerReference", invoice_.buyer_reference);
  write_seller();
  write_buyer();
  write_tax_representative();
  wrapped("ram:SellerOrderReferencedDocument", "ram:IssuerAssignedID",
          invoice_.sales_order_reference);
  wrapped("ram:BuyerOrderReferencedDocument", "ram:IssuerAssignedID",
          invoice_.purchase_order_reference);
  wrapped("ram:ContractReferencedDocument", "ram:IssuerAssignedID", invoice_.contract_reference);
  write_additional_documents();
  if (invoice_.project_reference) {
    // ram:Name is mandatory in ProcuringProjectType; EN 16931 has no term for it.
    out_.start("ram:SpecifiedProcuringProject")
        .leaf("ram:ID", *invoice_.project_reference)
        .leaf("ram:Name", "Project reference")
        .end();
  }
  out_.end();
}

// BG-24 (TypeCode 916), BT-17 (50) and BT-18 (130) share
// ram:AdditionalReferencedDocument.
void DocumentWriter::write_additional_documents() {
  for (const model::SupportingDocument& document : invoice_.supporting_documents) {
    out_.start("ram:AdditionalReferencedDocument");
    text("ram:IssuerAssignedID", document.reference);
    text("ram:URIID", document.external_location);
    out_.leaf("ram:TypeCode", "916");
    text("ram:Name", document.description);
    if (document.attachment) {
      out_.start("ram:AttachmentBinaryObject")
          .attribute("mimeCode", document.attachment->mime_code)
          .attribute("filename", document.attachment->filename)
          .text(document.attachment->content)
          .end();
    }
    out_.end();
  }
  if (invoice_.tender_or_lot_reference) {
    out_.start("ram:AdditionalReferencedDocument")
        .leaf("ram:IssuerAssignedID", *invoice_.tender_or_lot_reference)
        .leaf("ram:TypeCode", "50")
        .end();
  }
  if (invoice_.invoiced_object_identifier) {
    const model::Identifier& object = *invoice_.invoiced_object_identifier;
    out_.start("ram:AdditionalReferencedDocument")
        .leaf("ram:IssuerAssignedID", object.value)
        .leaf("ram:TypeCode", "130");
    text("ram:ReferenceTypeCode", object.scheme_id);
    out_.end();
  }
}

void DocumentWriter::write_delivery() {
  out_.start("ram:ApplicableHeaderTradeDelivery");
  if (invoice_.delivery) {
    const model::DeliveryInformation& delivery = *invoice_.delivery;
    // An otherwise empty BG-13 is kept as an empty ram:ShipToTradeParty.
    if (delivery.party_name || delivery.location_identifier || delivery.address ||
        !delivery.actual_delivery_date) {
      write_ship_to(delivery);
    }
    if (delivery.actual_delivery_date) {
      out_.start("ram:ActualDeliverySupplyChainEvent");
      date("ram:OccurrenceDateTime", delivery.actual_delivery_date);
      out_.end();
    }
  }
  wrapped("ram:DespatchAdviceReferencedDocument", "ram:IssuerAssignedID",
          invoice_.despatch_advice_reference);
  wrapped("ram:ReceivingAdviceReferencedDocument", "ram:IssuerAssignedID",
          invoice_.receiving_advice_reference);
  out_.end();
}

}  // namespace einvoice::cii
