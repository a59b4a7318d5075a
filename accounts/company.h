#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/account.h"
#include "model/result.h"

namespace einvoice::accounts {

using CompanyId = std::int64_t;

// SIREN: all invoices of the company; SIRET: one establishment.
enum class IdentifierType { kSiren, kSiret };
const char* to_string(IdentifierType type);
// "SIREN" or "SIRET" (ASCII case ignored); nullopt otherwise.
std::optional<IdentifierType> parse_identifier_type(std::string_view text);

// The number of employees, in the portal's five brackets.
enum class EmployeeBracket { k1To10, k11To20, k21To50, k51To250, kOver250 };
const char* to_string(EmployeeBracket bracket);  // "1-10" ... "250+"
std::optional<EmployeeBracket> parse_employee_bracket(std::string_view text);
inline constexpr const char* kEmployeeBrackets = "1-10, 11-20, 21-50, 51-250 or 250+";

// What the platform does for a company.
struct CompanyOptions {
  bool purchase = false;    // purchase invoices retrieved automatically (implies enrolment)
  bool payment = false;     // supplier invoices paid on the portal
  bool sales = false;       // sales invoices deposited
  bool duplicates = false;  // duplicate control
};

// The rule `options` break (a refusal naming it), or nullopt: at least one
// of purchase or sales; payment only with purchase.
std::optional<model::Error> options_problem(const CompanyOptions& options);

// A company an account handles invoices for.
struct Company {
  CompanyId id = 0;
  AccountId account_id = 0;
  IdentifierType identifier_type = IdentifierType::kSiren;
  std::string identifier;  // 9 or 14 digits, check digits verified
  std::string name;
  EmployeeBracket employees = EmployeeBracket::k1To10;
  CompanyOptions options;
  std::int64_t created_at = 0;  // Unix seconds
  // The postal address a formal agreement lists (portal.md 2); empty until given.
  std::string address;
  // False for a company not subject to VAT: enrolment does not apply to it.
  bool vat_subject = true;

  std::string siren() const { return identifier.substr(0, 9); }
};

// The identifier's problem for its type (digits, length, check digit), or
// nullopt.
std::optional<std::string> identifier_problem(IdentifierType type, std::string_view identifier);

// What a company search returns; every condition set must hold.
struct CompanyFilter {
  std::vector<AccountId> account_ids;  // empty: every account
  std::string identifier_prefix;       // SIREN or SIRET, or their start
  std::string name_contains;           // case-insensitive (ASCII)
};

}  // namespace einvoice::accounts
