#include "accounts/company.h"

#include <array>
#include <utility>

#include "accounts/company_identifier.h"
#include "accounts/refusal.h"

namespace einvoice::accounts {
namespace {

constexpr std::array<std::pair<EmployeeBracket, const char*>, 5> kBrackets{{
    {EmployeeBracket::k1To10, "1-10"},
    {EmployeeBracket::k11To20, "11-20"},
    {EmployeeBracket::k21To50, "21-50"},
    {EmployeeBracket::k51To250, "51-250"},
    {EmployeeBracket::kOver250, "250+"},
}};

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const char x = (a[i] >= 'a' && a[i] <= 'z') ? static_cast<char>(a[i] - 32) : a[i];
    const char y = (b[i] >= 'a' && b[i] <= 'z') ? static_cast<char>(b[i] - 32) : b[i];
    if (x != y)
      return false;
  }
  return true;
}

}  // namespace

const char* to_string(IdentifierType type) {
  return type == IdentifierType::kSiren ? "SIREN" : "SIRET";
}

std::optional<IdentifierType> parse_identifier_type(std::string_view text) {
  if (equals_ignoring_case(text, "SIREN"))
    return IdentifierType::kSiren;
  if (equals_ignoring_case(text, "SIRET"))
    return IdentifierType::kSiret;
  return std::nullopt;
}

const char* to_string(EmployeeBracket bracket) {
  for (const auto& [value, name] : kBrackets) {
    if (value == bracket)
      return name;
  }
  return "?";
}

std::optional<EmployeeBracket> parse_employee_bracket(std::string_view text) {
  for (const auto& [value, name] : kBrackets) {
    if (text == name)
      return value;
  }
  return std::nullopt;
}

std::optional<model::Error> options_problem(const CompanyOptions& options) {
  if (!options.purchase && !options.sales)
    return refusal("CO-OPTIONS", "a company needs purchase invoices or sales invoices (or both)");
  if (options.payment && !options.purchase)
    return refusal("CO-PAYMENT", "purchase payment needs purchase invoices");
  return std::nullopt;
}

std::optional<std::string> identifier_problem(IdentifierType type, std::string_view identifier) {
  return type == IdentifierType::kSiren ? siren_problem(identifier) : siret_problem(identifier);
}

}  // namespace einvoice::accounts
