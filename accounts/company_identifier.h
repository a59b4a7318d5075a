#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace einvoice::accounts {

// French company identifiers: a SIREN is 9 digits with a Luhn check digit;
// a SIRET is the SIREN followed by a 5-digit NIC, 14 digits, Luhn over all
// 14. La Poste (SIREN 356000000) numbers its establishments so that the sum
// of the SIRET's digits is a multiple of 5; its SIRETs pass by either rule.

// True when `digits` (ASCII digits only, any length >= 1) passes Luhn.
bool luhn_valid(std::string_view digits);

// Why `text` is not a valid SIREN (or SIRET), or nullopt when it is. The
// reason starts with its rule, CO-IDENTIFIER (a character that is not a
// digit, the length) or CO-KEY (the check digit), and names the number.
std::optional<std::string> siren_problem(std::string_view text);
std::optional<std::string> siret_problem(std::string_view text);

}  // namespace einvoice::accounts
