#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "accounts/role.h"
#include "model/result.h"

namespace einvoice::accounts {

// The rules of roles per (SIREN, service) (portal.md 5, docs/accounts.md
// "Roles"), pure: each plans one change from the grants of one SIREN (every
// service) as they stand, and returns the transitions to record, or a
// refusal naming the rule. `by` is the account acting (nullopt: the
// platform's administrator, who may do what an AT may, but never makes an
// AT: only an adhesion or substitution code does). Rules:
// - ROLE-APPOINT: who appoints (or puts on standby, reactivates, deletes)
//   whom: the AT the AS, acteurs délégués and acteurs; the AS all but the
//   AS; an acteur délégué plain acteurs; an acteur nobody; only with an
//   active grant on that (SIREN, service). Nobody appoints an AT.
// - ROLE-UNIQUE: at most one AT and one AS per (SIREN, service), a grant on
//   standby keeping its place.
// - ROLE-COMBINE: roles never combine for one user on one SIREN (portal.md
//   5): one grant per (SIREN, service), and the same role on every service
//   of the SIREN.
// - ROLE-UNKNOWN: no such grant; ROLE-STATE: standby needs an active grant,
//   reactivate one on standby.
// - ROLE-MANAGED: an adhesion only while nobody (no AT, no AS) manages the
//   service; ROLE-NO-AT: a substitution replaces an AT, so one must exist.

using RoleGrants = std::vector<RoleGrant>;
using RoleActor = std::optional<AccountId>;

// A new grant of `role` to `account` on (siren, service).
model::Result<RoleTransition> plan_grant(const RoleGrants& grants, RoleActor by, AccountId account,
                                         std::string_view siren, std::string_view service,
                                         Role role, std::int64_t now);

// kStandby, kReactivate or kDelete of `account`'s grant on (siren, service).
model::Result<RoleTransition> plan_change(const RoleGrants& grants, RoleActor by, AccountId account,
                                          std::string_view siren, std::string_view service,
                                          RoleEvent event, std::int64_t now);

// `account` becoming AT of (siren, service) by an adhesion or substitution
// code: the current AT's grant deleted (substitution), the requester's grant
// on that service, if any, replaced by an active AT.
model::Result<std::vector<RoleTransition>> plan_code(const RoleGrants& grants, CodeKind kind,
                                                     AccountId account, std::string_view siren,
                                                     std::string_view service, std::int64_t now);

}  // namespace einvoice::accounts
