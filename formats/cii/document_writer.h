#pragma once

// Internal to formats/cii: not part of the public API.

#include <optional>
#include <string>
#include <string_view>

#include "formats/xml/xml_writer.h"
#include "model/invoice.h"

namespace einvoice::cii {

// Writes one invoice as CII D16B. Each write_* method emits its elements in
// the order of the XSD sequence of the enclosing type. One instance per
// document, used once; not thread-safe. Split by concern over
// document_writer.cpp (root, context, header agreement and delivery),
// party_writer.cpp, settlement_writer.cpp and line_writer.cpp.
class DocumentWriter {
 public:
  explicit DocumentWriter(const model::Invoice& invoice) : invoice_(invoice) {}

  std::string write();

 private:
  // Leaves; each writes nothing when the value is absent.
  void text(std::string_view qname, const std::optional<std::string>& value);
  void amount(std::string_view qname, const model::Amount& value);
  // <wrapper><udt:DateTimeString format="102">YYYYMMDD</udt:DateTimeString></wrapper>;
  // `string_qname` selects udt:DateString (TaxPointDate) or qdt:DateTimeString.
  void date(std::string_view wrapper, const std::optional<model::Date>& value,
            std::string_view string_qname = "udt:DateTimeString");
  void indicator(std::string_view qname, bool value);
  // <wrapper><qname>value</qname></wrapper> when the value is present.
  void wrapped(std::string_view wrapper, std::string_view qname,
               const std::optional<std::string>& value);
  // An identifier with its scheme in `scheme_attribute`.
  void identifier(std::string_view qname, const model::Identifier& value,
                  std::string_view scheme_attribute = "schemeID");

  // document_writer.cpp
  void write_context();
  void write_exchanged_document();
  void write_agreement();
  void write_additional_documents();
  void write_delivery();

  // party_writer.cpp
  void write_seller();
  void write_buyer();
  void write_tax_representative();
  void write_payee();
  void write_ship_to(const model::DeliveryInformation& delivery);
  // A single party identifier: ram:GlobalID when it has a scheme, else ram:ID.
  void write_party_identifier(const std::optional<model::Identifier>& id);
  void write_legal_organization(const std::optional<model::Identifier>& id,
                                const model::Text& trading_name);
  void write_contact(const std::optional<model::Contact>& contact);
  void write_address(const model::PostalAddress& address);
  void write_vat_registration(const model::Text& vat_identifier, std::string_view scheme);

  // settlement_writer.cpp
  void write_settlement();
  void write_payment_means();
  void write_vat_breakdown(const model::VatBreakdown& breakdown, bool first);
  void write_document_allowance_charge(const model::AllowanceCharge& allowance_charge, bool charge);
  void write_payment_terms();
  void write_totals();
  void write_period(const model::Period& period);

  // line_writer.cpp
  void write_line(const model::InvoiceLine& line);
  void write_product(const model::ItemInformation& item);
  void write_line_agreement(const model::InvoiceLine& line);
  static model::Amount implied_gross_price(const model::PriceDetails& price);
  void write_line_settlement(const model::InvoiceLine& line);
  void write_line_allowance_charge(const model::AllowanceCharge& allowance_charge, bool charge);
  void write_basis_quantity(const model::PriceDetails& price);

  const model::Invoice& invoice_;
  xml::XmlWriter out_;
};

}  // namespace einvoice::cii
