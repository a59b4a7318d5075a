#include "formats/cii/document_reader.h"

#include <string>

namespace einvoice::cii {

using xml::XmlElement;

namespace {

// Unread CII elements that carry nothing beyond what the binding fixes: the
// tax type code "VAT" and an empty ram:ApplicableHeaderTradeDelivery, which
// the XSD requires.
bool implied_by_binding(XmlElement parent, XmlElement element) {
  const std::string_view name = element.local_name();
  if (name == "ApplicableHeaderTradeDelivery")
    return !element.first_element_child();
  if (name != "TypeCode")
    return false;
  const std::string_view container = parent.local_name();
  return (container == "ApplicableTradeTax" || container == "CategoryTradeTax") &&
         trim_xml_space(element.text()) == "VAT";
}

}  // namespace

model::ParsedInvoice DocumentReader::read(XmlElement root) {
  XmlElement transaction;
  for (XmlElement c = root.first_element_child(); c; c = c.next_element_sibling()) {
    if (!c.in_namespace(kRsmNamespace))
      continue;
    std::string_view name = c.local_name();
    if (name == "ExchangedDocumentContext") {
      read_context(c);
    } else if (name == "ExchangedDocument") {
      read_exchanged_document(c);
    } else if (name == "SupplyChainTradeTransaction") {
      if (transaction) {
        terms_.drop_repeated(c, "BG-0");
      } else {
        transaction = c;
      }
    }
  }
  if (transaction)
    read_transaction(transaction);
  // On request (a conversion whose input skipped its XSD check), whatever no
  // reader took is reported with its XPath rather than dropped silently.
  if (report_unread_) {
    root.mark_read();
    terms_.report_unread(root, &implied_by_binding);
  }

  model::Diagnostics diagnostics = terms_.take_diagnostics();
  for (const LineSpan& span : line_spans_) {
    for (std::size_t i = span.begin; i < span.end && i < diagnostics.size(); ++i) {
      diagnostics[i].message += " (invoice line " + span.label + ")";
    }
  }
  return model::ParsedInvoice{std::move(invoice_), std::move(diagnostics)};
}

void DocumentReader::set_date(std::optional<model::Date>& field, XmlElement wrapper,
                              std::string_view term) {
  if (field) {
    terms_.drop_repeated(wrapper, term);
    return;
  }
  for (XmlElement c = wrapper.first_element_child(); c; c = c.next_element_sibling()) {
    std::string_view name = c.local_name();
    if (name == "DateTimeString" || name == "DateString") {
      field = terms_.date_cii(c, term);
      return;
    }
  }
  terms_.report(xml::kRuleUnreadableDate, model::Severity::kFatal, wrapper, term,
                "no udt:DateTimeString with format 102 (YYYYMMDD) found");
}

std::optional<bool> DocumentReader::charge_indicator(XmlElement allowance_charge,
                                                     std::string_view group) {
  XmlElement indicator = allowance_charge.child(kRamNamespace, "ChargeIndicator");
  if (!indicator) {
    terms_.dropped(allowance_charge, group,
                   "allowance or charge ignored: it has no ram:ChargeIndicator");
    return std::nullopt;
  }
  std::string text = indicator.child(kUdtNamespace, "Indicator").text();
  std::string_view flag = trim_xml_space(text);
  if (flag == "true" || flag == "1")
    return true;
  if (flag == "false" || flag == "0")
    return false;
  terms_.dropped(indicator, group,
                 "allowance or charge ignored: ram:ChargeIndicator needs udt:Indicator true or "
                 "false, found '" +
                     text + "'");
  return std::nullopt;
}

void DocumentReader::read_context(XmlElement context) {
  for_each_ram_child(context, [&](XmlElement c, std::string_view name) {
    if (name == "BusinessProcessSpecifiedDocumentContextParameter") {
      if (XmlElement id = c.child(kRamNamespace, "ID")) {
        terms_.set_text(invoice_.process_control.business_process_type, id, "BT-23");
      }
    } else if (name == "GuidelineSpecifiedDocumentContextParameter") {
      if (XmlElement id = c.child(kRamNamespace, "ID")) {
        terms_.set_text(invoice_.process_control.specification_identifier, id, "BT-24");
      }
    }
  });
}

void DocumentReader::read_exchanged_document(XmlElement document) {
  for_each_ram_child(document, [&](XmlElement c, std::string_view name) {
    if (name == "ID") {
      terms_.set_text(invoice_.number, c, "BT-1");
    } else if (name == "TypeCode") {
      terms_.set_text(invoice_.type_code, c, "BT-3");
    } else if (name == "IssueDateTime") {
      set_date(invoice_.issue_date, c, "BT-2");
    } else if (name == "IncludedNote") {
      read_note(c);
    }
  });
}

void DocumentReader::read_note(XmlElement note) {
  model::InvoiceNote out;
  for_each_ram_child(note, [&](XmlElement c, std::string_view name) {
    if (name == "Content") {
      terms_.set_text(out.note, c, "BT-22");
    } else if (name == "SubjectCode") {
      terms_.set_text(out.subject_code, c, "BT-21");
    }
  });
  invoice_.notes.push_back(std::move(out));
}

void DocumentReader::read_transaction(XmlElement transaction) {
  XmlElement agreement, delivery, settlement;
  for_each_ram_child(transaction, [&](XmlElement c, std::string_view name) {
    if (name == "IncludedSupplyChainTradeLineItem") {
      read_line(c);
    } else if (name == "ApplicableHeaderTradeAgreement") {
      if (!agreement)
        agreement = c;
    } else if (name == "ApplicableHeaderTradeDelivery") {
      if (!delivery)
        delivery = c;
    } else if (name == "ApplicableHeaderTradeSettlement") {
      if (!settlement)
        settlement = c;
    }
  });
  if (agreement)
    read_agreement(agreement);
  if (delivery)
    read_delivery(delivery);
  if (settlement)
    read_settlement(settlement);
}

void DocumentReader::read_agreement(XmlElement agreement) {
  bool seller_seen = false, buyer_seen = false;
  for_each_ram_child(agreement, [&](XmlElement c, std::string_view name) {
    if (name == "BuyerReference") {
      terms_.set_text(invoice_.buyer_reference, c, "BT-10");
    } else if (name == "SellerTradeParty") {
      if (seller_seen)
        return terms_.drop_repeated(c, "BG-4");
      seller_seen = true;
      read_seller(c);
    } else if (name == "BuyerTradeParty") {
      if (buyer_seen)
        return terms_.drop_repeated(c, "BG-7");
      buyer_seen = true;
      read_buyer(c);
    } else if (name == "SellerTaxRepresentativeTradeParty") {
      if (invoice_.tax_representative)
        return terms_.drop_repeated(c, "BG-11");
      read_tax_representative(c);
    } else if (name == "SellerOrderReferencedDocument") {
      if (XmlElement id = c.child(kRamNamespace, "IssuerAssignedID")) {
        terms_.set_text(invoice_.sales_order_reference, id, "BT-14");
      }
    } else if (name == "BuyerOrderReferencedDocument") {
      if (XmlElement id = c.child(kRamNamespace, "IssuerAssignedID")) {
        terms_.set_text(invoice_.purchase_order_reference, id, "BT-13");
      }
    } else if (name == "ContractReferencedDocument") {
      if (XmlElement id = c.child(kRamNamespace, "IssuerAssignedID")) {
        terms_.set_text(invoice_.contract_reference, id, "BT-12");
      }
    } else if (name == "AdditionalReferencedDocument") {
      read_additional_document(c);
    } else if (name == "SpecifiedProcuringProject") {
      if (XmlElement id = c.child(kRamNamespace, "ID")) {
        terms_.set_text(invoice_.project_reference, id, "BT-11");
      }
    }
  });
}

// ram:TypeCode tells the EN 16931 meaning: 916 a supporting document (BG-24),
// 50 the tender or lot reference (BT-17), 130 the invoiced object (BT-18).
void DocumentReader::read_additional_document(XmlElement document) {
  XmlElement issuer_id, uri, type, name, attachment, reference_type;
  for_each_ram_child(document, [&](XmlElement c, std::string_view local) {
    if (local == "IssuerAssignedID") {
      if (!issuer_id)
        issuer_id = c;
    } else if (local == "URIID") {
      if (!uri)
        uri = c;
    } else if (local == "TypeCode") {
      if (!type)
        type = c;
    } else if (local == "Name") {
      if (!name)
        name = c;
    } else if (local == "AttachmentBinaryObject") {
      if (!attachment)
        attachment = c;
    } else if (local == "ReferenceTypeCode") {
      if (!reference_type)
        reference_type = c;
    }
  });
  std::string type_text = type.text();
  std::string_view type_code = trim_xml_space(type_text);
  if (type_code == "916") {
    model::SupportingDocument out;
    if (issuer_id)
      out.reference = issuer_id.text();
    if (name)
      out.description = name.text();
    if (uri)
      out.external_location = uri.text();
    if (attachment) {
      model::BinaryObject object;
      object.content = attachment.text();
      object.mime_code = attachment.attribute("mimeCode");
      object.filename = attachment.attribute("filename");
      out.attachment = std::move(object);
    }
    invoice_.supporting_documents.push_back(std::move(out));
  } else if (type_code == "50") {
    if (issuer_id)
      terms_.set_text(invoice_.tender_or_lot_reference, issuer_id, "BT-17");
  } else if (type_code == "130") {
    if (invoice_.invoiced_object_identifier)
      return terms_.drop_repeated(document, "BT-18");
    model::Identifier id;
    if (issuer_id)
      id.value = issuer_id.text();
    if (reference_type)
      id.scheme_id = reference_type.text();
    invoice_.invoiced_object_identifier = std::move(id);
  } else if (!type) {
    terms_.dropped(document, "BG-24",
                   "ram:AdditionalReferencedDocument '" + issuer_id.text() +
                       "' ignored: without ram:TypeCode it is neither a tender or lot "
                       "reference (50, BT-17), an invoiced object (130, BT-18) nor a supporting "
                       "document (916, BG-24)");
  }
}

void DocumentReader::read_delivery(XmlElement delivery) {
  bool ship_to_seen = false, event_seen = false;
  for_each_ram_child(delivery, [&](XmlElement c, std::string_view name) {
    if (name == "ShipToTradeParty") {
      if (ship_to_seen)
        return terms_.drop_repeated(c, "BG-13");
      ship_to_seen = true;
      if (!invoice_.delivery)
        invoice_.delivery.emplace();
      read_ship_to(c, *invoice_.delivery);
    } else if (name == "ActualDeliverySupplyChainEvent") {
      if (event_seen)
        return terms_.drop_repeated(c, "BT-72");
      event_seen = true;
      if (!invoice_.delivery)
        invoice_.delivery.emplace();
      if (XmlElement when = c.child(kRamNamespace, "OccurrenceDateTime")) {
        set_date(invoice_.delivery->actual_delivery_date, when, "BT-72");
      }
    } else if (name == "DespatchAdviceReferencedDocument") {
      if (XmlElement id = c.child(kRamNamespace, "IssuerAssignedID")) {
        terms_.set_text(invoice_.despatch_advice_reference, id, "BT-16");
      }
    } else if (name == "ReceivingAdviceReferencedDocument") {
      if (XmlElement id = c.child(kRamNamespace, "IssuerAssignedID")) {
        terms_.set_text(invoice_.receiving_advice_reference, id, "BT-15");
      }
    }
  });
}

}  // namespace einvoice::cii
