#pragma once

// Internal to formats/ubl: not part of the public API.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/ubl/binding.h"
#include "formats/ubl/ubl_namespaces.h"
#include "formats/xml/term_reader.h"
#include "formats/xml/xml_document.h"
#include "model/invoice.h"

namespace einvoice::ubl {

// The two UBL component namespaces an element can belong to.
enum class Component { kBasic, kAggregate, kOther };

inline Component component_of(xml::XmlElement element) {
  std::string_view ns = element.namespace_uri();
  if (ns == kCbcNamespace)
    return Component::kBasic;
  if (ns == kCacNamespace)
    return Component::kAggregate;
  return Component::kOther;
}

// Calls f(child, component, local_name) for each child element of `parent`,
// in document order. One pass over the children.
template <class F>
void for_each_component(xml::XmlElement parent, F&& f) {
  for (xml::XmlElement c = parent.first_element_child(); c; c = c.next_element_sibling()) {
    f(c, component_of(c), c.local_name());
  }
}

// ASCII case-insensitive equality (scheme and tax scheme identifiers).
bool equals_ignoring_case(std::string_view a, std::string_view b);

// Ids of one use of the shared PostalAddress, Contact and AllowanceCharge
// shapes, for findings.
struct AddressTerms {
  std::string_view group, line1, line2, line3, city, post_code, subdivision, country;
};
struct ContactTerms {
  std::string_view group, point, telephone, email;
};
struct AllowanceChargeTerms {
  std::string_view group, amount, base_amount, percentage, vat_category, vat_rate, reason,
      reason_code;
};

// Turns one UBL Invoice or CreditNote element into the model. One instance
// per document, used once; not thread-safe. Split by concern over
// document_reader.cpp (header, references, delivery, notes),
// party_reader.cpp, payment_reader.cpp (payment means and terms, allowances
// and charges, VAT totals and breakdown, document totals) and
// line_reader.cpp.
//
// Conventions: a BT whose EN 16931 cardinality is 0..1 is read with a set_*
// helper that keeps the first occurrence and reports any further one with
// TermReader::dropped; elements the binding does not use are skipped without
// a finding.
class DocumentReader {
 public:
  // `report_unread`: also report every element no term was read from.
  explicit DocumentReader(std::string document_name, bool report_unread = false)
      : terms_(std::move(document_name)), report_unread_(report_unread) {}

  // REQUIRES: is_ubl_invoice(root).
  model::ParsedInvoice read(xml::XmlElement root);

 private:
  // One reading of a date BT whose EN 16931 cardinality is 0..1 (the other
  // kinds use TermReader's set_* helpers).
  void set_date(std::optional<model::Date>& field, xml::XmlElement element, std::string_view term);
  // The text of the first child `local` (cbc) of `parent` into `field`.
  void set_child_text(model::Text& field, xml::XmlElement parent, std::string_view local,
                      std::string_view term);
  // Reports `element` as content the model has no room for, with the reason.
  void drop(xml::XmlElement element, std::string_view term, std::string_view reason);

  // document_reader.cpp
  void read_note(xml::XmlElement note);
  void read_invoice_period(xml::XmlElement period);
  void read_order_reference(xml::XmlElement reference);
  void read_billing_reference(xml::XmlElement reference);
  void read_additional_document(xml::XmlElement reference);
  void read_delivery(xml::XmlElement delivery);
  // BG-14 or BG-26 dates of a cac:InvoicePeriod into `out`.
  void read_period_dates(xml::XmlElement period, model::Period& out, std::string_view start_term,
                         std::string_view end_term);

  // party_reader.cpp
  void read_seller(xml::XmlElement party);
  void read_buyer(xml::XmlElement party);
  void read_payee(xml::XmlElement party);
  void read_tax_representative(xml::XmlElement party);
  void read_address(xml::XmlElement address, model::PostalAddress& out, const AddressTerms& terms);
  void read_contact(xml::XmlElement contact, std::optional<model::Contact>& out,
                    const ContactTerms& terms);
  // The first cac:PartyName/cbc:Name into `field`.
  void read_party_name(xml::XmlElement party_name, model::Text& field, std::string_view term);
  // Moves the SEPA identifier chosen as BT-90 out of the seller and payee
  // identifiers; settles BT-60 from what the payee had.
  void resolve_creditor_identifier();

  // payment_reader.cpp
  void read_payment_means(xml::XmlElement means);
  void read_payment_terms(xml::XmlElement terms);
  void read_document_allowance_charge(xml::XmlElement allowance_charge);
  // REQUIRES: BT-5 and BT-6 already read (they tell BT-110 from BT-111).
  void read_tax_totals();
  void read_vat_breakdown(xml::XmlElement subtotal);
  void read_monetary_total(xml::XmlElement total);
  // True for a charge, false for an allowance, from the cbc:ChargeIndicator of
  // `allowance_charge`; nullopt, with a finding naming `group`, when absent
  // or not an xs:boolean.
  std::optional<bool> charge_indicator(xml::XmlElement allowance_charge, std::string_view group);
  // The children of a cac:AllowanceCharge into `out`; a cac:TaxCategory is
  // read only when terms.vat_category is set (document level).
  void read_allowance_charge_fields(xml::XmlElement allowance_charge, model::AllowanceCharge& out,
                                    const AllowanceChargeTerms& terms);
  model::PaymentInstructions& payment_instructions();

  // line_reader.cpp
  void read_line(xml::XmlElement line_element);
  void read_line_allowance_charge(xml::XmlElement allowance_charge, model::InvoiceLine& line);
  void read_item(xml::XmlElement item, model::InvoiceLine& line);
  void read_price(xml::XmlElement price, model::PriceDetails& details);

  // Diagnostics recorded while reading one invoice line, to be labelled with it.
  struct LineSpan {
    std::size_t begin;
    std::size_t end;
    std::string label;
  };
  // One party identifier as read, with its element for findings.
  struct PartyIdentifier {
    model::Identifier id;
    xml::XmlElement element;
  };

  xml::TermReader terms_;

  bool report_unread_ = false;
  model::Invoice invoice_;
  bool credit_note_ = false;
  std::vector<LineSpan> line_spans_;
  std::vector<xml::XmlElement> tax_totals_;         // read once BT-5 and BT-6 are known
  std::vector<PartyIdentifier> payee_identifiers_;  // BT-60 and perhaps BT-90
  bool invoice_period_seen_ = false;
  bool payment_means_seen_ = false;
  bool payment_mandate_seen_ = false;
  bool payment_terms_seen_ = false;
  bool delivery_seen_ = false;
};

}  // namespace einvoice::ubl
