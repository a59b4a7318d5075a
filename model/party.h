#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/identifier.h"

namespace einvoice::model {

using Text = std::optional<std::string>;
using Code = std::optional<std::string>;  // a coded value, kept as written even when unknown

// BG-5, BG-8, BG-12, BG-15: a postal address. BT ids depend on the party.
struct PostalAddress {
  Text line1;                // BT-35 / BT-50 / BT-64 / BT-75
  Text line2;                // BT-36 / BT-51 / BT-65 / BT-76
  Text line3;                // BT-162 / BT-163 / BT-164 / BT-165
  Text city;                 // BT-37 / BT-52 / BT-66 / BT-77
  Text post_code;            // BT-38 / BT-53 / BT-67 / BT-78
  Text country_subdivision;  // BT-39 / BT-54 / BT-68 / BT-79
  Code country_code;         // BT-40 / BT-55 / BT-69 / BT-80

  bool empty() const { return *this == PostalAddress{}; }
  bool operator==(const PostalAddress&) const = default;
};

// BG-6, BG-9: a contact.
struct Contact {
  Text point;      // BT-41 / BT-56
  Text telephone;  // BT-42 / BT-57
  Text email;      // BT-43 / BT-58

  bool operator==(const Contact&) const = default;
};

// BG-4 SELLER (1..1).
struct Seller {
  Text name;                                                // BT-27 (1..1)
  Text trading_name;                                        // BT-28
  std::vector<Identifier> identifiers;                      // BT-29 (0..n), scheme BT-29-1
  std::optional<Identifier> legal_registration_identifier;  // BT-30, scheme BT-30-1
  Text vat_identifier;                                      // BT-31
  Text tax_registration_identifier;                         // BT-32
  Text additional_legal_information;                        // BT-33
  std::optional<Identifier> electronic_address;             // BT-34, scheme BT-34-1
  PostalAddress address;                                    // BG-5 (1..1)
  std::optional<Contact> contact;                           // BG-6

  bool operator==(const Seller&) const = default;
};

// BG-7 BUYER (1..1).
struct Buyer {
  Text name;                                                // BT-44 (1..1)
  Text trading_name;                                        // BT-45
  std::optional<Identifier> identifier;                     // BT-46, scheme BT-46-1
  std::optional<Identifier> legal_registration_identifier;  // BT-47, scheme BT-47-1
  Text vat_identifier;                                      // BT-48
  std::optional<Identifier> electronic_address;             // BT-49, scheme BT-49-1
  PostalAddress address;                                    // BG-8 (1..1)
  std::optional<Contact> contact;                           // BG-9

  bool operator==(const Buyer&) const = default;
};

// BG-10 PAYEE (0..1).
struct Payee {
  Text name;                                                // BT-59 (1..1)
  std::optional<Identifier> identifier;                     // BT-60, scheme BT-60-1
  std::optional<Identifier> legal_registration_identifier;  // BT-61, scheme BT-61-1

  bool operator==(const Payee&) const = default;
};

// BG-11 SELLER TAX REPRESENTATIVE PARTY (0..1).
struct SellerTaxRepresentative {
  Text name;              // BT-62 (1..1)
  Text vat_identifier;    // BT-63 (1..1)
  PostalAddress address;  // BG-12 (1..1)

  bool operator==(const SellerTaxRepresentative&) const = default;
};

}  // namespace einvoice::model
