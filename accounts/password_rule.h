#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace einvoice::accounts {

// The characters a password may hold (portal.md 1: accents and the euro sign
// broke mail clients): ASCII digits, unaccented letters and these.
inline constexpr std::string_view kPasswordSpecials = "!\"#$%^&*()_+={[]};@~\\|<,>./";

// Lengths in characters (all allowed characters are one byte). The minimum
// is ours, not the portal's: configurable.
struct PasswordRule {
  std::size_t min_length = 12;
  std::size_t max_length = 128;
};

// Why `password` is refused, nullopt when it is accepted: "PWD-CHAR: ..."
// naming the first refused character (as itself and as U+XXXX; a byte that
// is not UTF-8 by its value), else "PWD-LENGTH: ...".
std::optional<std::string> password_problem(std::string_view password, const PasswordRule& rule);

}  // namespace einvoice::accounts
