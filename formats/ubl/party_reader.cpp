#include <string>

#include "formats/ubl/document_reader.h"

namespace einvoice::ubl {

using xml::XmlElement;

namespace {

constexpr AddressTerms kSellerAddress{"BG-5",  "BT-35", "BT-36", "BT-162",
                                      "BT-37", "BT-38", "BT-39", "BT-40"};
constexpr AddressTerms kBuyerAddress{"BG-8",  "BT-50", "BT-51", "BT-163",
                                     "BT-52", "BT-53", "BT-54", "BT-55"};
constexpr AddressTerms kTaxRepresentativeAddress{"BG-12", "BT-64", "BT-65", "BT-164",
                                                 "BT-66", "BT-67", "BT-68", "BT-69"};
constexpr ContactTerms kSellerContact{"BG-6", "BT-41", "BT-42", "BT-43"};
constexpr ContactTerms kBuyerContact{"BG-9", "BT-56", "BT-57", "BT-58"};

// The trimmed cac:TaxScheme/cbc:ID of a cac:PartyTaxScheme, empty when absent.
std::string tax_scheme_of(XmlElement party_tax_scheme) {
  XmlElement id = party_tax_scheme.child(kCacNamespace, "TaxScheme").child(kCbcNamespace, "ID");
  return std::string(trim_xml_space(id.text()));
}

bool is_sepa(const model::Identifier& id) {
  return id.scheme_id && equals_ignoring_case(trim_xml_space(*id.scheme_id), kSepaScheme);
}

}  // namespace

void DocumentReader::read_party_name(XmlElement party_name, model::Text& field,
                                     std::string_view term) {
  set_child_text(field, party_name, "Name", term);
}

void DocumentReader::read_address(XmlElement address, model::PostalAddress& out,
                                  const AddressTerms& terms) {
  for_each_component(address, [&](XmlElement c, Component component, std::string_view name) {
    if (component == Component::kBasic) {
      if (name == "StreetName") {
        terms_.set_text(out.line1, c, terms.line1);
      } else if (name == "AdditionalStreetName") {
        terms_.set_text(out.line2, c, terms.line2);
      } else if (name == "CityName") {
        terms_.set_text(out.city, c, terms.city);
      } else if (name == "PostalZone") {
        terms_.set_text(out.post_code, c, terms.post_code);
      } else if (name == "CountrySubentity") {
        terms_.set_text(out.country_subdivision, c, terms.subdivision);
      }
    } else if (component == Component::kAggregate) {
      if (name == "AddressLine") {
        set_child_text(out.line3, c, "Line", terms.line3);
      } else if (name == "Country") {
        set_child_text(out.country_code, c, "IdentificationCode", terms.country);
      }
    }
  });
}

void DocumentReader::read_contact(XmlElement contact, std::optional<model::Contact>& out,
                                  const ContactTerms& terms) {
  if (out) {
    drop(contact, terms.group, "EN 16931 allows one contact and the first is kept");
    return;
  }
  model::Contact& c = out.emplace();
  for_each_component(contact, [&](XmlElement e, Component component, std::string_view name) {
    if (component != Component::kBasic)
      return;
    if (name == "Name") {
      terms_.set_text(c.point, e, terms.point);
    } else if (name == "Telephone") {
      terms_.set_text(c.telephone, e, terms.telephone);
    } else if (name == "ElectronicMail") {
      terms_.set_text(c.email, e, terms.email);
    }
  });
}

void DocumentReader::read_seller(XmlElement party) {
  model::Seller& seller = invoice_.seller;
  for_each_component(party, [&](XmlElement c, Component component, std::string_view name) {
    if (component == Component::kBasic) {
      if (name == "EndpointID")
        terms_.set_identifier(seller.electronic_address, c, "BT-34");
      return;
    }
    if (component != Component::kAggregate)
      return;
    if (name == "PartyIdentification") {
      // SEPA identifiers stay here until resolve_creditor_identifier().
      if (auto id = terms_.identifier(c.child(kCbcNamespace, "ID"))) {
        seller.identifiers.push_back(std::move(*id));
      }
    } else if (name == "PartyName") {
      read_party_name(c, seller.trading_name, "BT-28");
    } else if (name == "PostalAddress") {
      read_address(c, seller.address, kSellerAddress);
    } else if (name == "PartyTaxScheme") {
      std::string scheme = tax_scheme_of(c);
      XmlElement company = c.child(kCbcNamespace, "CompanyID");
      if (equals_ignoring_case(scheme, kVatScheme)) {
        terms_.set_text(seller.vat_identifier, company, "BT-31");
      } else if (!scheme.empty()) {
        terms_.set_text(seller.tax_registration_identifier, company, "BT-32");
      } else {
        drop(c, "BT-32",
             "a party tax scheme without cac:TaxScheme/cbc:ID is neither BT-31 nor BT-32");
      }
    } else if (name == "PartyLegalEntity") {
      for_each_component(c, [&](XmlElement e, Component ec, std::string_view en) {
        if (ec != Component::kBasic)
          return;
        if (en == "RegistrationName") {
          terms_.set_text(seller.name, e, "BT-27");
        } else if (en == "CompanyID") {
          terms_.set_identifier(seller.legal_registration_identifier, e, "BT-30");
        } else if (en == "CompanyLegalForm") {
          terms_.set_text(seller.additional_legal_information, e, "BT-33");
        }
      });
    } else if (name == "Contact") {
      read_contact(c, seller.contact, kSellerContact);
    }
  });
}

void DocumentReader::read_buyer(XmlElement party) {
  model::Buyer& buyer = invoice_.buyer;
  for_each_component(party, [&](XmlElement c, Component component, std::string_view name) {
    if (component == Component::kBasic) {
      if (name == "EndpointID")
        terms_.set_identifier(buyer.electronic_address, c, "BT-49");
      return;
    }
    if (component != Component::kAggregate)
      return;
    if (name == "PartyIdentification") {
      terms_.set_identifier(buyer.identifier, c.child(kCbcNamespace, "ID"), "BT-46");
    } else if (name == "PartyName") {
      read_party_name(c, buyer.trading_name, "BT-45");
    } else if (name == "PostalAddress") {
      read_address(c, buyer.address, kBuyerAddress);
    } else if (name == "PartyTaxScheme") {
      if (equals_ignoring_case(tax_scheme_of(c), kVatScheme)) {
        terms_.set_text(buyer.vat_identifier, c.child(kCbcNamespace, "CompanyID"), "BT-48");
      } else {
        drop(c, "BT-48", "EN 16931 has no buyer tax registration other than the VAT identifier");
      }
    } else if (name == "PartyLegalEntity") {
      for_each_component(c, [&](XmlElement e, Component ec, std::string_view en) {
        if (ec != Component::kBasic)
          return;
        if (en == "RegistrationName") {
          terms_.set_text(buyer.name, e, "BT-44");
        } else if (en == "CompanyID") {
          terms_.set_identifier(buyer.legal_registration_identifier, e, "BT-47");
        }
      });
    } else if (name == "Contact") {
      read_contact(c, buyer.contact, kBuyerContact);
    }
  });
}

void DocumentReader::read_payee(XmlElement party) {
  if (invoice_.payee) {
    drop(party, "BG-10", "EN 16931 allows one payee and the first is kept");
    return;
  }
  model::Payee& payee = invoice_.payee.emplace();
  for_each_component(party, [&](XmlElement c, Component component, std::string_view name) {
    if (component != Component::kAggregate)
      return;
    if (name == "PartyIdentification") {
      XmlElement id = c.child(kCbcNamespace, "ID");
      if (auto value = terms_.identifier(id))
        payee_identifiers_.push_back({std::move(*value), id});
    } else if (name == "PartyName") {
      read_party_name(c, payee.name, "BT-59");
    } else if (name == "PartyLegalEntity") {
      terms_.set_identifier(payee.legal_registration_identifier,
                            c.child(kCbcNamespace, "CompanyID"), "BT-61");
    }
  });
}

void DocumentReader::read_tax_representative(XmlElement party) {
  if (invoice_.tax_representative) {
    drop(party, "BG-11", "EN 16931 allows one seller tax representative and the first is kept");
    return;
  }
  model::SellerTaxRepresentative& representative = invoice_.tax_representative.emplace();
  for_each_component(party, [&](XmlElement c, Component component, std::string_view name) {
    if (component != Component::kAggregate)
      return;
    if (name == "PartyName") {
      read_party_name(c, representative.name, "BT-62");
    } else if (name == "PostalAddress") {
      read_address(c, representative.address, kTaxRepresentativeAddress);
    } else if (name == "PartyTaxScheme") {
      if (equals_ignoring_case(tax_scheme_of(c), kVatScheme)) {
        terms_.set_text(representative.vat_identifier, c.child(kCbcNamespace, "CompanyID"),
                        "BT-63");
      } else {
        drop(c, "BT-63", "EN 16931 has only the VAT identifier of the seller tax representative");
      }
    }
  });
}

void DocumentReader::resolve_creditor_identifier() {
  std::optional<std::string> creditor;
  for (auto it = payee_identifiers_.begin(); it != payee_identifiers_.end(); ++it) {
    if (is_sepa(it->id)) {
      creditor = std::move(it->id.value);
      payee_identifiers_.erase(it);
      break;
    }
  }
  if (invoice_.payee) {
    for (PartyIdentifier& id : payee_identifiers_) {
      if (invoice_.payee->identifier) {
        terms_.drop_repeated(id.element, "BT-60");
      } else {
        invoice_.payee->identifier = std::move(id.id);
      }
    }
  }
  if (!creditor) {
    auto& ids = invoice_.seller.identifiers;
    for (auto it = ids.begin(); it != ids.end(); ++it) {
      if (is_sepa(*it)) {
        creditor = std::move(it->value);
        ids.erase(it);
        break;
      }
    }
  }
  if (!creditor)
    return;
  auto& instructions = payment_instructions();
  if (!instructions.direct_debit)
    instructions.direct_debit.emplace();
  instructions.direct_debit->bank_assigned_creditor_id = std::move(creditor);
}

}  // namespace einvoice::ubl
