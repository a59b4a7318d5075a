#include "accounts/company_identifier.h"

namespace einvoice::accounts {
namespace {

constexpr std::string_view kLaPosteSiren = "356000000";

// Why `text` is not `length` ASCII digits, or nullopt.
std::optional<std::string> digits_problem(std::string_view text, std::size_t length,
                                          std::string_view what) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < '0' || c > '9')
      return "CO-IDENTIFIER: " + std::string(what) + " must hold digits only; character " +
             std::to_string(i + 1) + " is not a digit";
  }
  if (text.size() != length)
    return "CO-IDENTIFIER: " + std::string(what) + " must have " + std::to_string(length) +
           " digits, not " + std::to_string(text.size());
  return std::nullopt;
}

}  // namespace

bool luhn_valid(std::string_view digits) {
  if (digits.empty())
    return false;
  int sum = 0;
  bool doubled = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (*it < '0' || *it > '9')
      return false;
    int digit = *it - '0';
    if (doubled) {
      digit *= 2;
      if (digit > 9)
        digit -= 9;
    }
    sum += digit;
    doubled = !doubled;
  }
  return sum % 10 == 0;
}

std::optional<std::string> siren_problem(std::string_view text) {
  if (auto problem = digits_problem(text, 9, "a SIREN"))
    return problem;
  if (!luhn_valid(text))
    return "CO-KEY: SIREN " + std::string(text) + " has a wrong check digit (Luhn)";
  return std::nullopt;
}

std::optional<std::string> siret_problem(std::string_view text) {
  if (auto problem = digits_problem(text, 14, "a SIRET"))
    return problem;
  if (text.substr(0, 9) == kLaPosteSiren) {
    int sum = 0;
    for (char c : text)
      sum += c - '0';
    if (sum % 5 == 0 || luhn_valid(text))
      return std::nullopt;
    return "CO-KEY: SIRET " + std::string(text) +
           " has a wrong check digit (La Poste: the sum of its digits must be a multiple of 5)";
  }
  if (!luhn_valid(text.substr(0, 9)))
    return "CO-KEY: SIRET " + std::string(text) + " starts with SIREN " +
           std::string(text.substr(0, 9)) + ", whose check digit is wrong (Luhn)";
  if (!luhn_valid(text))
    return "CO-KEY: SIRET " + std::string(text) + " has a wrong check digit (Luhn)";
  return std::nullopt;
}

}  // namespace einvoice::accounts
