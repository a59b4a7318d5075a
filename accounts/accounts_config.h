#pragma once

#include <chrono>
#include <string>

#include "accounts/company_csv.h"
#include "accounts/password_hasher.h"
#include "accounts/password_rule.h"

namespace einvoice::accounts {

// Failed logins: the first `free_failures` in a row cost nothing; each
// further one makes the next attempt wait, `first_delay` doubled per
// failure up to `max_delay`; at `lockout_failures` the account is locked for
// `lockout` (or until a password is set). None of these numbers is
// confirmed by the portal's documents: ours, configurable.
struct LoginPolicy {
  int free_failures = 3;
  std::chrono::seconds first_delay{1};
  std::chrono::seconds max_delay{300};
  int lockout_failures = 10;
  std::chrono::seconds lockout{30 * 60};
};

// Every number of the accounts module that a platform may tune.
struct AccountsConfig {
  PasswordRule password;
  Argon2Parameters argon2;
  LoginPolicy login;
  // portal.md 1: "forgot my identifier" / "forgot my password" links.
  std::chrono::seconds recovery_link_validity{60 * 60};
  // The portal page that takes a recovery link's secret (?secret=...).
  std::string recovery_url = "https://portal.invalid/recover";
  std::chrono::seconds default_token_validity{90 * 24 * 3600};
  std::chrono::seconds max_token_validity{366 * 24 * 3600};
  // The largest --max-secondary an administrator may give (a typing guard).
  int max_secondary_ceiling = 10000;
  CsvLimits csv;
};

}  // namespace einvoice::accounts
