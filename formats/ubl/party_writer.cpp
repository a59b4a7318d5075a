#include "formats/ubl/binding.h"
#include "formats/ubl/document_writer.h"

namespace einvoice::ubl {

namespace {

// Tax scheme written for BT-32; the model keeps no scheme for it.
constexpr std::string_view kOtherTaxScheme = "TAX";

}  // namespace

void DocumentWriter::write_party_identification(const model::Identifier& id) {
  out_.start("cac:PartyIdentification");
  identifier("cbc:ID", id);
  out_.end();
}

void DocumentWriter::write_creditor_identification() {
  out_.start("cac:PartyIdentification");
  out_.start("cbc:ID");
  out_.attribute("schemeID", kSepaScheme);
  out_.text(*creditor_);
  out_.end();
  out_.end();
}

void DocumentWriter::write_party_name(const model::Text& name) {
  wrapped_text("cac:PartyName", "cbc:Name", name);
}

void DocumentWriter::write_address(std::string_view qname, const model::PostalAddress& address) {
  out_.start(qname);
  text("cbc:StreetName", address.line1);
  text("cbc:AdditionalStreetName", address.line2);
  text("cbc:CityName", address.city);
  text("cbc:PostalZone", address.post_code);
  text("cbc:CountrySubentity", address.country_subdivision);
  wrapped_text("cac:AddressLine", "cbc:Line", address.line3);
  wrapped_text("cac:Country", "cbc:IdentificationCode", address.country_code);
  out_.end();
}

void DocumentWriter::write_contact(const std::optional<model::Contact>& contact) {
  if (!contact)
    return;
  out_.start("cac:Contact");
  text("cbc:Name", contact->point);
  text("cbc:Telephone", contact->telephone);
  text("cbc:ElectronicMail", contact->email);
  out_.end();
}

void DocumentWriter::write_party_tax_scheme(const model::Text& company_id,
                                            std::string_view scheme) {
  if (!company_id)
    return;
  out_.start("cac:PartyTaxScheme");
  out_.leaf("cbc:CompanyID", *company_id);
  tax_scheme(scheme);
  out_.end();
}

void DocumentWriter::write_seller() {
  const model::Seller& seller = invoice_.seller;
  out_.start("cac:AccountingSupplierParty");
  out_.start("cac:Party");
  identifier("cbc:EndpointID", seller.electronic_address);
  // BT-90 goes first so that it is the first SEPA identifier read back.
  if (creditor_ && !invoice_.payee)
    write_creditor_identification();
  for (const auto& id : seller.identifiers)
    write_party_identification(id);
  write_party_name(seller.trading_name);
  if (!seller.address.empty())
    write_address("cac:PostalAddress", seller.address);
  write_party_tax_scheme(seller.vat_identifier, kVatScheme);
  write_party_tax_scheme(seller.tax_registration_identifier, kOtherTaxScheme);
  if (seller.name || seller.legal_registration_identifier || seller.additional_legal_information) {
    out_.start("cac:PartyLegalEntity");
    text("cbc:RegistrationName", seller.name);
    identifier("cbc:CompanyID", seller.legal_registration_identifier);
    text("cbc:CompanyLegalForm", seller.additional_legal_information);
    out_.end();
  }
  write_contact(seller.contact);
  out_.end();
  out_.end();
}

void DocumentWriter::write_buyer() {
  const model::Buyer& buyer = invoice_.buyer;
  out_.start("cac:AccountingCustomerParty");
  out_.start("cac:Party");
  identifier("cbc:EndpointID", buyer.electronic_address);
  if (buyer.identifier)
    write_party_identification(*buyer.identifier);
  write_party_name(buyer.trading_name);
  if (!buyer.address.empty())
    write_address("cac:PostalAddress", buyer.address);
  write_party_tax_scheme(buyer.vat_identifier, kVatScheme);
  if (buyer.name || buyer.legal_registration_identifier) {
    out_.start("cac:PartyLegalEntity");
    text("cbc:RegistrationName", buyer.name);
    identifier("cbc:CompanyID", buyer.legal_registration_identifier);
    out_.end();
  }
  write_contact(buyer.contact);
  out_.end();
  out_.end();
}

void DocumentWriter::write_payee() {
  const auto& payee = invoice_.payee;
  if (!payee)
    return;
  out_.start("cac:PayeeParty");
  // BT-90 goes first so that it is the first SEPA identifier read back.
  if (creditor_)
    write_creditor_identification();
  if (payee->identifier)
    write_party_identification(*payee->identifier);
  write_party_name(payee->name);
  if (payee->legal_registration_identifier) {
    out_.start("cac:PartyLegalEntity");
    identifier("cbc:CompanyID", payee->legal_registration_identifier);
    out_.end();
  }
  out_.end();
}

void DocumentWriter::write_tax_representative() {
  const auto& representative = invoice_.tax_representative;
  if (!representative)
    return;
  out_.start("cac:TaxRepresentativeParty");
  write_party_name(representative->name);
  if (!representative->address.empty()) {
    write_address("cac:PostalAddress", representative->address);
  }
  write_party_tax_scheme(representative->vat_identifier, kVatScheme);
  out_.end();
}

}  // namespace einvoice::ubl
