#include "formats/ubl/document_reader.h"

#include <cctype>
#include <string>

namespace einvoice::ubl {

using xml::XmlElement;

namespace {

// Unread UBL elements that carry nothing beyond what the binding fixes: the
// cac:TaxScheme "VAT" of a tax category.
bool implied_by_binding(XmlElement parent, XmlElement element) {
  const std::string_view container = parent.local_name();
  return element.local_name() == "TaxScheme" &&
         (container == "TaxCategory" || container == "ClassifiedTaxCategory") &&
         xml::trim_xml_space(element.child(kCbcNamespace, "ID").text()) == "VAT";
}

}  // namespace

namespace {

// Longest BT-21 code accepted in front of a note ("#AAI#..."). UNTDID 4451
// codes have three letters; a little slack keeps unknown codes round-tripping.
constexpr std::size_t kMaxNoteSubjectCode = 10;

bool is_subject_code_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

}  // namespace

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(a[i])) !=
        std::toupper(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

model::ParsedInvoice DocumentReader::read(XmlElement root) {
  credit_note_ = root.local_name() == kCreditNoteRoot;
  for_each_component(root, [&](XmlElement c, Component component, std::string_view name) {
    if (component == Component::kBasic) {
      if (name == "CustomizationID") {
        terms_.set_text(invoice_.process_control.specification_identifier, c, "BT-24");
      } else if (name == "ProfileID") {
        terms_.set_text(invoice_.process_control.business_process_type, c, "BT-23");
      } else if (name == "ID") {
        terms_.set_text(invoice_.number, c, "BT-1");
      } else if (name == "IssueDate") {
        set_date(invoice_.issue_date, c, "BT-2");
      } else if (name == "DueDate") {
        set_date(invoice_.payment_due_date, c, "BT-9");
      } else if (name == "InvoiceTypeCode" || name == "CreditNoteTypeCode") {
        terms_.set_text(invoice_.type_code, c, "BT-3");
      } else if (name == "Note") {
        read_note(c);
      } else if (name == "TaxPointDate") {
        set_date(invoice_.vat_point_date, c, "BT-7");
      } else if (name == "DocumentCurrencyCode") {
        terms_.set_text(invoice_.currency_code, c, "BT-5");
      } else if (name == "TaxCurrencyCode") {
        terms_.set_text(invoice_.vat_accounting_currency_code, c, "BT-6");
      } else if (name == "AccountingCost") {
        terms_.set_text(invoice_.buyer_accounting_reference, c, "BT-19");
      } else if (name == "BuyerReference") {
        terms_.set_text(invoice_.buyer_reference, c, "BT-10");
      }
    } else if (component == Component::kAggregate) {
      if (name == "InvoicePeriod") {
        read_invoice_period(c);
      } else if (name == "OrderReference") {
        read_order_reference(c);
      } else if (name == "BillingReference") {
        read_billing_reference(c);
      } else if (name == "DespatchDocumentReference") {
        set_child_text(invoice_.despatch_advice_reference, c, "ID", "BT-16");
      } else if (name == "ReceiptDocumentReference") {
        set_child_text(invoice_.receiving_advice_reference, c, "ID", "BT-15");
      } else if (name == "OriginatorDocumentReference") {
        set_child_text(invoice_.tender_or_lot_reference, c, "ID", "BT-17");
      } else if (name == "ContractDocumentReference") {
        set_child_text(invoice_.contract_reference, c, "ID", "BT-12");
      } else if (name == "AdditionalDocumentReference") {
        read_additional_document(c);
      } else if (name == "ProjectReference") {
        set_child_text(invoice_.project_reference, c, "ID", "BT-11");
      } else if (name == "AccountingSupplierParty") {
        read_seller(c.child(kCacNamespace, "Party"));
      } else if (name == "AccountingCustomerParty") {
        read_buyer(c.child(kCacNamespace, "Party"));
      } else if (name == "PayeeParty") {
        read_payee(c);
      } else if (name == "TaxRepresentativeParty") {
        read_tax_representative(c);
      } else if (name == "Delivery") {
        read_delivery(c);
      } else if (name == "PaymentMeans") {
        read_payment_means(c);
      } else if (name == "PaymentTerms") {
        read_payment_terms(c);
      } else if (name == "AllowanceCharge") {
        read_document_allowance_charge(c);
      } else if (name == "TaxTotal") {
        tax_totals_.push_back(c);
      } else if (name == "LegalMonetaryTotal") {
        read_monetary_total(c);
      } else if (name == "InvoiceLine" || name == "CreditNoteLine") {
        read_line(c);
      }
    }
  });
  read_tax_totals();
  resolve_creditor_identifier();
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

void DocumentReader::drop(XmlElement element, std::string_view term, std::string_view reason) {
  terms_.dropped(element, term, element.qualified_name() + " ignored: " + std::string(reason));
}

void DocumentReader::set_date(std::optional<model::Date>& field, XmlElement element,
                              std::string_view term) {
  if (!element)
    return;
  if (field) {
    terms_.drop_repeated(element, term);
    return;
  }
  field = terms_.date_iso(element, term);
}

void DocumentReader::set_child_text(model::Text& field, XmlElement parent, std::string_view local,
                                    std::string_view term) {
  terms_.set_text(field, parent.child(kCbcNamespace, local), term);
}

void DocumentReader::read_note(XmlElement note) {
  model::InvoiceNote out;
  std::string text = note.text();
  // "#CODE#text": BT-21 in front of BT-22.
  if (text.size() > 2 && text[0] == '#') {
    auto close = text.find('#', 1);
    if (close != std::string::npos && close > 1 && close - 1 <= kMaxNoteSubjectCode) {
      bool code_like = true;
      for (std::size_t i = 1; i < close; ++i)
        code_like = code_like && is_subject_code_char(text[i]);
      if (code_like) {
        out.subject_code = text.substr(1, close - 1);
        text.erase(0, close + 1);
      }
    }
  }
  if (!out.subject_code || !text.empty())
    out.note = std::move(text);
  invoice_.notes.push_back(std::move(out));
}

void DocumentReader::read_period_dates(XmlElement period, model::Period& out,
                                       std::string_view start_term, std::string_view end_term) {
  for_each_component(period, [&](XmlElement c, Component component, std::string_view name) {
    if (component != Component::kBasic)
      return;
    if (name == "StartDate") {
      set_date(out.start_date, c, start_term);
    } else if (name == "EndDate") {
      set_date(out.end_date, c, end_term);
    }
  });
}

void DocumentReader::read_invoice_period(XmlElement period) {
  if (invoice_period_seen_) {
    drop(period, "BG-14", "EN 16931 allows one invoicing period and the first is kept");
    return;
  }
  invoice_period_seen_ = true;
  model::Period dates;
  bool has_dates = false;
  bool has_code = false;
  for_each_component(period, [&](XmlElement c, Component component, std::string_view name) {
    if (component != Component::kBasic)
      return;
    if (name == "StartDate") {
      has_dates = true;
      set_date(dates.start_date, c, "BT-73");
    } else if (name == "EndDate") {
      has_dates = true;
      set_date(dates.end_date, c, "BT-74");
    } else if (name == "DescriptionCode") {
      has_code = true;
      terms_.set_text(invoice_.vat_point_date_code, c, "BT-8");
    }
  });
  // A period carrying only BT-8 is the syntax's place for BT-8, not a BG-14.
  if (has_dates || !has_code)
    invoice_.invoicing_period = dates;
}

void DocumentReader::read_order_reference(XmlElement reference) {
  XmlElement id = reference.child(kCbcNamespace, "ID");
  XmlElement sales_order = reference.child(kCbcNamespace, "SalesOrderID");
  terms_.set_text(invoice_.sales_order_reference, sales_order, "BT-14");
  if (id && sales_order && trim_xml_space(id.text()) == kNoOrderReference)
    return;
  terms_.set_text(invoice_.purchase_order_reference, id, "BT-13");
}

void DocumentReader::read_billing_reference(XmlElement reference) {
  XmlElement document = reference.child(kCacNamespace, "InvoiceDocumentReference");
  if (!document) {
    drop(reference, "BG-3",
         "a billing reference without cac:InvoiceDocumentReference is not a preceding invoice");
    return;
  }
  model::PrecedingInvoiceReference out;
  set_child_text(out.reference, document, "ID", "BT-25");
  set_date(out.issue_date, document.child(kCbcNamespace, "IssueDate"), "BT-26");
  invoice_.preceding_invoices.push_back(std::move(out));
}

void DocumentReader::read_additional_document(XmlElement reference) {
  XmlElement id = reference.child(kCbcNamespace, "ID");
  XmlElement type = reference.child(kCbcNamespace, "DocumentTypeCode");
  std::string code = type ? std::string(trim_xml_space(type.text())) : std::string();
  if (code == kInvoicedObjectDocumentType) {
    terms_.set_identifier(invoice_.invoiced_object_identifier, id, "BT-18");
    return;
  }
  if (code == kProjectDocumentType && credit_note_) {
    terms_.set_text(invoice_.project_reference, id, "BT-11");
    return;
  }
  model::SupportingDocument document;
  bool described = false;
  for_each_component(reference, [&](XmlElement c, Component component, std::string_view name) {
    if (component == Component::kBasic) {
      if (name == "ID") {
        terms_.set_text(document.reference, c, "BT-122");
        if (c.attribute("schemeID")) {
          terms_.dropped(c, "BT-122",
                         "the schemeID of a supporting document reference is not an EN 16931 "
                         "term and was ignored");
        }
      } else if (name == "DocumentDescription") {
        if (described) {
          terms_.drop_repeated(c, "BT-123");
        } else {
          described = true;
          document.description = c.text();
        }
      } else if (name == "DocumentTypeCode") {
        drop(c, "BG-24",
             "EN 16931 uses DocumentTypeCode 130 (BT-18)" +
                 std::string(credit_note_ ? " and 50 (BT-11)" : "") +
                 " only; the reference is kept as a supporting document");
      }
    } else if (component == Component::kAggregate && name == "Attachment") {
      XmlElement embedded = c.child(kCbcNamespace, "EmbeddedDocumentBinaryObject");
      if (embedded) {
        model::BinaryObject attachment;
        attachment.content = embedded.text();
        attachment.mime_code = embedded.attribute("mimeCode");
        attachment.filename = embedded.attribute("filename");
        document.attachment = std::move(attachment);
      }
      if (XmlElement external = c.child(kCacNamespace, "ExternalReference")) {
        set_child_text(document.external_location, external, "URI", "BT-124");
      }
    }
  });
  invoice_.supporting_documents.push_back(std::move(document));
}

void DocumentReader::read_delivery(XmlElement delivery) {
  if (delivery_seen_) {
    drop(delivery, "BG-13", "EN 16931 allows one delivery and the first is kept");
    return;
  }
  delivery_seen_ = true;
  model::DeliveryInformation& out = invoice_.delivery.emplace();
  for_each_component(delivery, [&](XmlElement c, Component component, std::string_view name) {
    if (component == Component::kBasic && name == "ActualDeliveryDate") {
      set_date(out.actual_delivery_date, c, "BT-72");
    } else if (component == Component::kAggregate && name == "DeliveryLocation") {
      terms_.set_identifier(out.location_identifier, c.child(kCbcNamespace, "ID"), "BT-71");
      if (XmlElement address = c.child(kCacNamespace, "Address")) {
        read_address(address, out.address.emplace(),
                     {"BG-15", "BT-75", "BT-76", "BT-165", "BT-77", "BT-78", "BT-79", "BT-80"});
      }
    } else if (component == Component::kAggregate && name == "DeliveryParty") {
      for_each_component(c, [&](XmlElement p, Component pc, std::string_view pn) {
        if (pc == Component::kAggregate && pn == "PartyName")
          read_party_name(p, out.party_name, "BT-70");
      });
    }
  });
}

}  // namespace einvoice::ubl
