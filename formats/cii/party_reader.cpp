#include <string>

#include "formats/cii/document_reader.h"

namespace einvoice::cii {

using xml::XmlElement;

namespace {

// The ram:ID of a ram:SpecifiedTaxRegistration and its scheme ("VA", "FC").
struct TaxRegistration {
  XmlElement id;
  std::string scheme;
};

TaxRegistration tax_registration(XmlElement registration) {
  TaxRegistration out;
  out.id = registration.child(kRamNamespace, "ID");
  if (out.id)
    out.scheme = out.id.attribute("schemeID").value_or("");
  return out;
}

}  // namespace

void DocumentReader::read_legal_organization(XmlElement organization,
                                             std::optional<model::Identifier>& id,
                                             std::string_view id_term, model::Text* trading_name,
                                             std::string_view name_term) {
  for_each_ram_child(organization, [&](XmlElement c, std::string_view name) {
    if (name == "ID") {
      terms_.set_identifier(id, c, id_term);
    } else if (name == "TradingBusinessName" && trading_name) {
      terms_.set_text(*trading_name, c, name_term);
    }
  });
}

// BG-5, BG-8, BG-12, BG-15: the BT ids depend on the group.
void DocumentReader::read_address(XmlElement address, model::PostalAddress& out,
                                  std::string_view group) {
  struct Ids {
    std::string_view line1, line2, line3, city, post_code, subdivision, country;
  };
  Ids ids;
  if (group == "BG-5") {
    ids = {"BT-35", "BT-36", "BT-162", "BT-37", "BT-38", "BT-39", "BT-40"};
  } else if (group == "BG-8") {
    ids = {"BT-50", "BT-51", "BT-163", "BT-52", "BT-53", "BT-54", "BT-55"};
  } else if (group == "BG-12") {
    ids = {"BT-64", "BT-65", "BT-164", "BT-66", "BT-67", "BT-68", "BT-69"};
  } else {
    ids = {"BT-75", "BT-76", "BT-165", "BT-77", "BT-78", "BT-79", "BT-80"};
  }
  for_each_ram_child(address, [&](XmlElement c, std::string_view name) {
    if (name == "PostcodeCode") {
      terms_.set_text(out.post_code, c, ids.post_code);
    } else if (name == "LineOne") {
      terms_.set_text(out.line1, c, ids.line1);
    } else if (name == "LineTwo") {
      terms_.set_text(out.line2, c, ids.line2);
    } else if (name == "LineThree") {
      terms_.set_text(out.line3, c, ids.line3);
    } else if (name == "CityName") {
      terms_.set_text(out.city, c, ids.city);
    } else if (name == "CountryID") {
      terms_.set_text(out.country_code, c, ids.country);
    } else if (name == "CountrySubDivisionName") {
      terms_.set_text(out.country_subdivision, c, ids.subdivision);
    }
  });
}

// BG-6 (seller) or BG-9 (buyer). BT-41/BT-56 is ram:PersonName, or
// ram:DepartmentName when no person is named.
void DocumentReader::read_contact(XmlElement contact, std::optional<model::Contact>& out,
                                  std::string_view group) {
  if (out)
    return terms_.drop_repeated(contact, group);
  const bool seller = group == "BG-6";
  const std::string_view point_term = seller ? "BT-41" : "BT-56";
  out.emplace();
  XmlElement department;
  for_each_ram_child(contact, [&](XmlElement c, std::string_view name) {
    if (name == "PersonName") {
      terms_.set_text(out->point, c, point_term);
    } else if (name == "DepartmentName") {
      if (!department)
        department = c;
    } else if (name == "TelephoneUniversalCommunication") {
      if (XmlElement number = c.child(kRamNamespace, "CompleteNumber")) {
        terms_.set_text(out->telephone, number, seller ? "BT-42" : "BT-57");
      }
    } else if (name == "EmailURIUniversalCommunication") {
      if (XmlElement uri = c.child(kRamNamespace, "URIID")) {
        terms_.set_text(out->email, uri, seller ? "BT-43" : "BT-58");
      }
    }
  });
  if (department)
    terms_.set_text(out->point, department, point_term);
}

void DocumentReader::read_seller(XmlElement party) {
  model::Seller& seller = invoice_.seller;
  for_each_ram_child(party, [&](XmlElement c, std::string_view name) {
    if (name == "ID" || name == "GlobalID") {
      seller.identifiers.push_back(*terms_.identifier(c));
    } else if (name == "Name") {
      terms_.set_text(seller.name, c, "BT-27");
    } else if (name == "Description") {
      terms_.set_text(seller.additional_legal_information, c, "BT-33");
    } else if (name == "SpecifiedLegalOrganization") {
      read_legal_organization(c, seller.legal_registration_identifier, "BT-30",
                              &seller.trading_name, "BT-28");
    } else if (name == "DefinedTradeContact") {
      read_contact(c, seller.contact, "BG-6");
    } else if (name == "PostalTradeAddress") {
      read_address(c, seller.address, "BG-5");
    } else if (name == "URIUniversalCommunication") {
      if (XmlElement uri = c.child(kRamNamespace, "URIID")) {
        terms_.set_identifier(seller.electronic_address, uri, "BT-34");
      }
    } else if (name == "SpecifiedTaxRegistration") {
      TaxRegistration registration = tax_registration(c);
      if (!registration.id)
        return;
      if (registration.scheme == "VA") {
        terms_.set_text(seller.vat_identifier, registration.id, "BT-31");
      } else if (registration.scheme == "FC") {
        terms_.set_text(seller.tax_registration_identifier, registration.id, "BT-32");
      } else {
        terms_.dropped(registration.id, "BT-31",
                       "seller tax registration '" + registration.id.text() +
                           "' ignored: its schemeID must be VA (BT-31) or FC (BT-32)");
      }
    }
  });
}

void DocumentReader::read_buyer(XmlElement party) {
  model::Buyer& buyer = invoice_.buyer;
  for_each_ram_child(party, [&](XmlElement c, std::string_view name) {
    if (name == "ID" || name == "GlobalID") {
      terms_.set_identifier(buyer.identifier, c, "BT-46");
    } else if (name == "Name") {
      terms_.set_text(buyer.name, c, "BT-44");
    } else if (name == "SpecifiedLegalOrganization") {
      read_legal_organization(c, buyer.legal_registration_identifier, "BT-47", &buyer.trading_name,
                              "BT-45");
    } else if (name == "DefinedTradeContact") {
      read_contact(c, buyer.contact, "BG-9");
    } else if (name == "PostalTradeAddress") {
      read_address(c, buyer.address, "BG-8");
    } else if (name == "URIUniversalCommunication") {
      if (XmlElement uri = c.child(kRamNamespace, "URIID")) {
        terms_.set_identifier(buyer.electronic_address, uri, "BT-49");
      }
    } else if (name == "SpecifiedTaxRegistration") {
      TaxRegistration registration = tax_registration(c);
      if (registration.id && registration.scheme == "VA") {
        terms_.set_text(buyer.vat_identifier, registration.id, "BT-48");
      }
    }
  });
}

void DocumentReader::read_tax_representative(XmlElement party) {
  model::SellerTaxRepresentative& representative = invoice_.tax_representative.emplace();
  for_each_ram_child(party, [&](XmlElement c, std::string_view name) {
    if (name == "Name") {
      terms_.set_text(representative.name, c, "BT-62");
    } else if (name == "PostalTradeAddress") {
      read_address(c, representative.address, "BG-12");
    } else if (name == "SpecifiedTaxRegistration") {
      TaxRegistration registration = tax_registration(c);
      if (registration.id && registration.scheme == "VA") {
        terms_.set_text(representative.vat_identifier, registration.id, "BT-63");
      }
    }
  });
}

void DocumentReader::read_payee(XmlElement party) {
  if (invoice_.payee)
    return terms_.drop_repeated(party, "BG-10");
  model::Payee& payee = invoice_.payee.emplace();
  for_each_ram_child(party, [&](XmlElement c, std::string_view name) {
    if (name == "ID" || name == "GlobalID") {
      terms_.set_identifier(payee.identifier, c, "BT-60");
    } else if (name == "Name") {
      terms_.set_text(payee.name, c, "BT-59");
    } else if (name == "SpecifiedLegalOrganization") {
      read_legal_organization(c, payee.legal_registration_identifier, "BT-61", nullptr, "");
    }
  });
}

void DocumentReader::read_ship_to(XmlElement party, model::DeliveryInformation& delivery) {
  for_each_ram_child(party, [&](XmlElement c, std::string_view name) {
    if (name == "ID" || name == "GlobalID") {
      terms_.set_identifier(delivery.location_identifier, c, "BT-71");
    } else if (name == "Name") {
      terms_.set_text(delivery.party_name, c, "BT-70");
    } else if (name == "PostalTradeAddress") {
      if (!delivery.address)
        delivery.address.emplace();
      read_address(c, *delivery.address, "BG-15");
    }
  });
}

}  // namespace einvoice::cii
