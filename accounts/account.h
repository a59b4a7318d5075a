#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "model/result.h"

namespace einvoice::accounts {

using AccountId = std::int64_t;

enum class AccountKind { kMain, kSecondary };
const char* to_string(AccountKind kind);

// The online services an account subscribes to, each with the document types
// it may send there ("einvoicing" -> {"invoice", "credit-note"}). Names are
// 1 to 64 characters of [a-z0-9_.-].
using Services = std::map<std::string, std::set<std::string>, std::less<>>;

// "service:type,type;service2" (services sorted, types sorted, a service
// without types written alone); "" for none. Deterministic.
std::string format_services(const Services& services);
// The inverse of format_services; kInvalidArgument naming the bad part.
model::Result<Services> parse_services(std::string_view text);
// True when every service of `inner` is in `outer`, with all its types.
bool services_within(const Services& inner, const Services& outer);
// The services and types both hold.
Services services_intersection(const Services& a, const Services& b);

// A main account (one company: its SIRET, the person responsible, its
// options, the number of secondary accounts with a mailbox it may have) or a
// secondary account (created by a main account, inheriting its profile and
// never holding more; billed through it, no secondaries of its own).
struct Account {
  AccountId id = 0;
  AccountKind kind = AccountKind::kMain;
  std::optional<AccountId> main_id;  // secondary accounts only
  std::string name;                  // its own name, without the suffix
  std::string main_name;             // the main account's name (secondary accounts)
  std::string profile;               // main, web-declarations, central-bank (inherited)
  std::string siret;                 // main accounts; secondaries act under the main's
  std::string email;                 // the mailbox address, or the responsible person's
  std::string responsible;           // the person responsible (main accounts)
  std::string address;
  int max_secondary = 0;  // secondary accounts *with a mailbox* allowed (main accounts)
  Services services;
  bool autonomous = false;  // a secondary choosing its own services (set by the main only)
  bool mailbox = true;      // secondaries: billed with a mailbox, free and routed without
  bool active = true;       // a deactivated account stays listed and can do nothing
  bool password_reset_required = false;
  std::int64_t created_at = 0;  // Unix seconds

  // The name shown everywhere: a secondary's name always ends with its main
  // account's name ("Paie - ACME SAS").
  std::string display_name() const;
  bool is_main() const { return kind == AccountKind::kMain; }
};

// What list and search return; every condition set must hold.
struct AccountFilter {
  std::optional<AccountKind> kind;
  std::optional<AccountId> main_id;  // the secondaries of this main account
  std::optional<bool> active;        // true: active only; false: deactivated only
  std::optional<bool> mailbox;
  std::string name_contains;  // case-insensitive (ASCII), in the own name
  std::string siret;          // exact
};

}  // namespace einvoice::accounts
