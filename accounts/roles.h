#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/accounts.h"
#include "accounts/role.h"

namespace einvoice::accounts {

struct RolesConfig {
  // portal.md 5: an adhesion or substitution code is valid 60 days.
  std::chrono::seconds code_validity{60 * 24 * 3600};
  // Characters of a code (from 32 unambiguous ones: 5 bits each).
  int code_length = 12;
  // Wrong codes a request takes before it is locked (ours: not in the
  // portal's documents). Each wrong entry counts against every open request
  // of that requester and (SIREN, service).
  int max_wrong_codes = 5;
};

// A code request just made: the code itself went by post (the letters
// outbox) and is not returned; only its SHA-256 is kept.
struct CodeRequest {
  RoleCode code;
};

// Roles per (SIREN, service) (portal.md 5, docs/accounts.md "Roles"): grants
// appointed by an administrator of the service, and the AT made by an
// adhesion or substitution code sent by post. Every change goes through the
// pure rules of role_rules.h inside one store transaction and is recorded
// (actor, time, before, after) in role_transitions. Refusals (refusal.h):
// the rules of role_rules.h, CO-IDENTIFIER (a SIREN is 9 digits), ACC-FIELD
// (the service name), ACC-UNKNOWN / ACC-INACTIVE (the account and the
// actor must be able to act), CODE-WRONG, CODE-EXPIRED, CODE-USED.
// Borrowed parts must outlive this object.
class Roles {
 public:
  Roles(const AccountStore& store, const Accounts& accounts, const Outbox& letters,
        const env::Clock& clock, const env::RandomSource& random, RolesConfig config = {})
      : store_(store),
        accounts_(accounts),
        letters_(letters),
        clock_(clock),
        random_(random),
        config_(config) {}

  // Appoints `account` as `role` (not AT) on (siren, service).
  model::Result<RoleTransition> grant(Actor by, AccountId account, std::string_view siren,
                                      std::string_view service, Role role) const;
  // kStandby, kReactivate or kDelete of `account`'s grant.
  model::Result<RoleTransition> change(Actor by, AccountId account, std::string_view siren,
                                       std::string_view service, RoleEvent event) const;
  // The grants of `siren` (empty: all) and/or `account` (0: all).
  model::Result<std::vector<RoleGrant>> list(std::string_view siren, AccountId account) const;
  model::Result<std::vector<RoleTransition>> history(std::string_view siren) const;

  // Asks for the AT role of (siren, service) for `account`: checked now
  // (ROLE-MANAGED, ROLE-NO-AT, ROLE-COMBINE), then a code valid
  // config().code_validity is sent by post to the company's registered
  // address (the letters outbox).
  model::Result<CodeRequest> request_code(CodeKind kind, AccountId account, std::string_view siren,
                                          std::string_view service) const;
  // Enters the code received by post: compared in constant time with the
  // hashes of `account`'s codes for (siren, service); CODE-WRONG when none
  // matches (counted against the open requests), CODE-LOCKED once a request
  // took config().max_wrong_codes wrong codes (even for its right code: ask
  // again), CODE-EXPIRED from its expiry on, CODE-USED the second time.
  // The rules are checked again, the code used and the AT made in one
  // transaction.
  model::Result<std::vector<RoleTransition>> redeem_code(AccountId account, std::string_view siren,
                                                         std::string_view service,
                                                         std::string_view code) const;

 private:
  using OnePlan =
      std::function<model::Result<RoleTransition>(const std::vector<RoleGrant>&, std::int64_t now)>;
  // Checks the scope and the actor, then applies the one transition `plan`
  // makes from the SIREN's grants, in one store transaction.
  model::Result<RoleTransition> apply_one(Actor by, std::string_view siren,
                                          std::string_view service, const OnePlan& plan) const;
  model::Status check_scope(std::string_view siren, std::string_view service) const;
  std::int64_t now() const;

  const AccountStore& store_;
  const Accounts& accounts_;
  const Outbox& letters_;
  const env::Clock& clock_;
  const env::RandomSource& random_;
  RolesConfig config_;
};

// The canonical form of a code as typed: letters upper-cased, spaces and
// dashes dropped.
std::string normalise_code(std::string_view typed);

}  // namespace einvoice::accounts
