#include "formats/cii/document_writer.h"

namespace einvoice::cii {

void DocumentWriter::write_party_identifier(const std::optional<model::Identifier>& id) {
  if (!id)
    return;
  identifier(id->scheme_id ? "ram:GlobalID" : "ram:ID", *id);
}

void DocumentWriter::write_legal_organization(const std::optional<model::Identifier>& id,
                                              const model::Text& trading_name) {
  if (!id && !trading_name)
    return;
  out_.start("ram:SpecifiedLegalOrganization");
  if (id)
    identifier("ram:ID", *id);
  text("ram:TradingBusinessName", trading_name);
  out_.end();
}

void DocumentWriter::write_contact(const std::optional<model::Contact>& contact) {
  if (!contact)
    return;
  out_.start("ram:DefinedTradeContact");
  text("ram:PersonName", contact->point);
  wrapped("ram:TelephoneUniversalCommunication", "ram:CompleteNumber", contact->telephone);
  wrapped("ram:EmailURIUniversalCommunication", "ram:URIID", contact->email);
  out_.end();
}

void DocumentWriter::write_address(const model::PostalAddress& address) {
  out_.start("ram:PostalTradeAddress");
  text("ram:PostcodeCode", address.post_code);
  text("ram:LineOne", address.line1);
  text("ram:LineTwo", address.line2);
  text("ram:LineThree", address.line3);
  text("ram:CityName", address.city);
  text("ram:CountryID", address.country_code);
  text("ram:CountrySubDivisionName", address.country_subdivision);
  out_.end();
}

void DocumentWriter::write_vat_registration(const model::Text& vat_identifier,
                                            std::string_view scheme) {
  if (!vat_identifier)
    return;
  out_.start("ram:SpecifiedTaxRegistration");
  out_.start("ram:ID").attribute("schemeID", scheme).text(*vat_identifier).end();
  out_.end();
}

void DocumentWriter::write_seller() {
  const model::Seller& seller = invoice_.seller;
  out_.start("ram:SellerTradeParty");
  for (const model::Identifier& id : seller.identifiers) {
    if (!id.scheme_id)
      identifier("ram:ID", id);
  }
  for (const model::Identifier& id : seller.identifiers) {
    if (id.scheme_id)
      identifier("ram:GlobalID", id);
  }
  text("ram:Name", seller.name);
  text("ram:Description", seller.additional_legal_information);
  write_legal_organization(seller.legal_registration_identifier, seller.trading_name);
  write_contact(seller.contact);
  if (!seller.address.empty())
    write_address(seller.address);
  if (seller.electronic_address) {
    out_.start("ram:URIUniversalCommunication");
    identifier("ram:URIID", *seller.electronic_address);
    out_.end();
  }
  write_vat_registration(seller.vat_identifier, "VA");
  write_vat_registration(seller.tax_registration_identifier, "FC");
  out_.end();
}

void DocumentWriter::write_buyer() {
  const model::Buyer& buyer = invoice_.buyer;
  out_.start("ram:BuyerTradeParty");
  write_party_identifier(buyer.identifier);
  text("ram:Name", buyer.name);
  write_legal_organization(buyer.legal_registration_identifier, buyer.trading_name);
  write_contact(buyer.contact);
  if (!buyer.address.empty())
    write_address(buyer.address);
  if (buyer.electronic_address) {
    out_.start("ram:URIUniversalCommunication");
    identifier("ram:URIID", *buyer.electronic_address);
    out_.end();
  }
  write_vat_registration(buyer.vat_identifier, "VA");
  out_.end();
}

void DocumentWriter::write_tax_representative() {
  if (!invoice_.tax_representative)
    return;
  const model::SellerTaxRepresentative& representative = *invoice_.tax_representative;
  out_.start("ram:SellerTaxRepresentativeTradeParty");
  text("ram:Name", representative.name);
  if (!representative.address.empty())
    write_address(representative.address);
  write_vat_registration(representative.vat_identifier, "VA");
  out_.end();
}

void DocumentWriter::write_payee() {
  if (!invoice_.payee)
    return;
  const model::Payee& payee = *invoice_.payee;
  out_.start("ram:PayeeTradeParty");
  write_party_identifier(payee.identifier);
  text("ram:Name", payee.name);
  write_legal_organization(payee.legal_registration_identifier, std::nullopt);
  out_.end();
}

void DocumentWriter::write_ship_to(const model::DeliveryInformation& delivery) {
  out_.start("ram:ShipToTradeParty");
  write_party_identifier(delivery.location_identifier);
  text("ram:Name", delivery.party_name);
  if (delivery.address)
    write_address(*delivery.address);
  out_.end();
}

}  // namespace einvoice::cii
