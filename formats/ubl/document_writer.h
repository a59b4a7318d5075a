#pragma once

// Internal to formats/ubl: not part of the public API.

#include <optional>
#include <string>
#include <string_view>

#include "formats/xml/xml_writer.h"
#include "model/invoice.h"

namespace einvoice::ubl {

// Writes one invoice as a UBL 2.1 Invoice or CreditNote. One instance per
// document, used once; not thread-safe. The invoice must outlive the writer.
// Split by concern over document_writer.cpp (root, header, references,
// delivery), party_writer.cpp, payment_writer.cpp (payment means and terms,
// allowances and charges, VAT totals, document totals) and line_writer.cpp.
//
// Every write_* method emits its elements in the order of the UBL 2.1 XSD
// sequence it belongs to, and nothing for absent terms.
class DocumentWriter {
 public:
  DocumentWriter(const model::Invoice& invoice, bool credit_note);

  std::string write();

 private:
  // Leaves: nothing when the value is absent.
  void text(std::string_view qname, const model::Text& value);
  void date(std::string_view qname, const std::optional<model::Date>& value);
  void decimal(std::string_view qname, const model::Amount& value);
  // An amount with currencyID BT-5, or `currency` when given.
  void amount(std::string_view qname, const model::Amount& value,
              const model::Code* currency = nullptr);
  void identifier(std::string_view qname, const model::Identifier& value,
                  std::string_view scheme_attribute = "schemeID");
  void identifier(std::string_view qname, const std::optional<model::Identifier>& value);
  // <aggregate><cbc:child>value</cbc:child></aggregate> when value is present.
  void wrapped_text(std::string_view aggregate, std::string_view child, const model::Text& value);
  // <cac:TaxScheme><cbc:ID>scheme</cbc:ID></cac:TaxScheme>
  void tax_scheme(std::string_view scheme);

  // document_writer.cpp
  void write_header();
  void write_invoice_period();
  void write_order_reference();
  void write_additional_documents();
  void write_delivery();

  // party_writer.cpp
  void write_seller();
  void write_buyer();
  void write_payee();
  void write_tax_representative();
  void write_party_identification(const model::Identifier& id);
  void write_creditor_identification();
  void write_party_name(const model::Text& name);
  void write_address(std::string_view qname, const model::PostalAddress& address);
  void write_contact(const std::optional<model::Contact>& contact);
  void write_party_tax_scheme(const model::Text& company_id, std::string_view scheme);

  // payment_writer.cpp
  void write_payment_means();
  void write_allowance_charge(const model::AllowanceCharge& value, bool charge,
                              bool document_level);
  void write_tax_totals();
  model::Amount implied_vat_total() const;
  void write_monetary_total();

  // line_writer.cpp
  void write_line(const model::InvoiceLine& line);
  void write_item(const model::InvoiceLine& line);
  void write_price(const model::PriceDetails& price);

  const model::Invoice& invoice_;
  const bool credit_note_;
  // BT-90 when present, else nullptr.
  const std::string* creditor_ = nullptr;
  xml::XmlWriter out_;
};

}  // namespace einvoice::ubl
