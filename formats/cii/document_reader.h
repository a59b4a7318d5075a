#pragma once

// Internal to formats/cii: not part of the public API.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/cii/cii_namespaces.h"
#include "formats/xml/term_reader.h"
#include "formats/xml/xml_document.h"
#include "model/invoice.h"

namespace einvoice::cii {

// Calls f(child, local_name) for each child element of `parent` in the ram
// namespace, in document order. One pass over the children.
template <class F>
void for_each_ram_child(xml::XmlElement parent, F&& f) {
  for (xml::XmlElement c = parent.first_element_child(); c; c = c.next_element_sibling()) {
    if (c.in_namespace(kRamNamespace))
      f(c, c.local_name());
  }
}

using xml::trim_xml_space;

// Turns one rsm:CrossIndustryInvoice element into the model. One instance per
// document, used once; not thread-safe. Split by concern over
// document_reader.cpp (context, header agreement and delivery),
// party_reader.cpp, settlement_reader.cpp and line_reader.cpp.
//
// Conventions: every BT is read with a set_* helper that keeps the first
// occurrence and reports any further one with TermReader::dropped; elements
// the EN 16931 binding does not use are left unread and reported at the end
// (TermReader::report_unread).
class DocumentReader {
 public:
  // `report_unread`: also report every element no term was read from.
  explicit DocumentReader(std::string document_name, bool report_unread = false)
      : terms_(std::move(document_name)), report_unread_(report_unread) {}

  // REQUIRES: is_cii_invoice(root).
  model::ParsedInvoice read(xml::XmlElement root);

 private:
  // One reading of a date BT whose EN 16931 cardinality is 0..1 (the other
  // kinds use TermReader's set_* helpers). `wrapper` holds a
  // udt:DateTimeString, udt:DateString or qdt:DateTimeString.
  void set_date(std::optional<model::Date>& field, xml::XmlElement wrapper, std::string_view term);
  // True for a charge, false for an allowance, from the ram:ChargeIndicator of
  // `allowance_charge`; nullopt, with a finding naming `group`, when absent or unreadable.
  std::optional<bool> charge_indicator(xml::XmlElement allowance_charge, std::string_view group);

  // document_reader.cpp
  void read_context(xml::XmlElement context);
  void read_exchanged_document(xml::XmlElement document);
  void read_note(xml::XmlElement note);
  void read_transaction(xml::XmlElement transaction);
  void read_agreement(xml::XmlElement agreement);
  void read_additional_document(xml::XmlElement document);
  void read_delivery(xml::XmlElement delivery);

  // party_reader.cpp
  void read_seller(xml::XmlElement party);
  void read_buyer(xml::XmlElement party);
  void read_tax_representative(xml::XmlElement party);
  void read_payee(xml::XmlElement party);
  void read_ship_to(xml::XmlElement party, model::DeliveryInformation& delivery);
  void read_address(xml::XmlElement address, model::PostalAddress& out, std::string_view group);
  void read_contact(xml::XmlElement contact, std::optional<model::Contact>& out,
                    std::string_view group);
  void read_legal_organization(xml::XmlElement organization, std::optional<model::Identifier>& id,
                               std::string_view id_term, model::Text* trading_name,
                               std::string_view name_term);

  // settlement_reader.cpp
  void read_settlement(xml::XmlElement settlement);
  void read_payment_means(xml::XmlElement means);
  void read_vat_breakdown(xml::XmlElement tax);
  void read_document_allowance_charge(xml::XmlElement allowance_charge);
  void read_payment_terms(xml::XmlElement terms);
  // REQUIRES: BT-5 and BT-6 already read (they tell BT-110 from BT-111).
  void read_totals(xml::XmlElement summation);
  void read_preceding_invoice(xml::XmlElement document);
  // BG-14 or BG-26 from a ram:BillingSpecifiedPeriod.
  void read_period(xml::XmlElement period, std::optional<model::Period>& out,
                   std::string_view start_term, std::string_view end_term);
  model::PaymentInstructions& payment_instructions();
  model::DirectDebit& direct_debit();

  // line_reader.cpp
  void read_line(xml::XmlElement item);
  void read_line_document(xml::XmlElement document, model::InvoiceLine& line);
  void read_product(xml::XmlElement product, model::ItemInformation& item);
  void read_line_agreement(xml::XmlElement agreement, model::InvoiceLine& line);
  void read_gross_price(xml::XmlElement price, model::PriceDetails& details);
  void read_line_settlement(xml::XmlElement settlement, model::InvoiceLine& line);
  void read_line_allowance_charge(xml::XmlElement allowance_charge, model::InvoiceLine& line);

  // Diagnostics recorded while reading one invoice line, to be labelled with it.
  struct LineSpan {
    std::size_t begin;
    std::size_t end;
    std::string label;
  };

  xml::TermReader terms_;

  bool report_unread_ = false;
  model::Invoice invoice_;
  std::vector<LineSpan> line_spans_;
};

}  // namespace einvoice::cii
