#include "accounts/role_rules.h"

#include "accounts/refusal.h"

namespace einvoice::accounts {
namespace {

const RoleGrant* find_grant(const RoleGrants& grants, AccountId account, std::string_view service) {
  for (const auto& g : grants) {
    if (g.account_id == account && g.service == service)
      return &g;
  }
  return nullptr;
}

const RoleGrant* holder_of(const RoleGrants& grants, std::string_view service, Role role) {
  for (const auto& g : grants) {
    if (g.service == service && g.role == role)
      return &g;
  }
  return nullptr;
}

std::string scope(std::string_view siren, std::string_view service) {
  return "SIREN " + std::string(siren) + ", service " + std::string(service);
}

std::string who(AccountId account) {
  return "account " + std::to_string(account);
}

// True when `appointer` may appoint (and manage the grants of) `target`.
bool appoints(Role appointer, Role target) {
  switch (appointer) {
    case Role::kAt:
      return target != Role::kAt;
    case Role::kAs:
      return target == Role::kDelegate || target == Role::kActor;
    case Role::kDelegate:
      return target == Role::kActor;
    case Role::kActor:
      return false;
  }
  return false;
}

std::optional<model::Error> appointment_problem(const RoleGrants& grants, RoleActor by,
                                                std::string_view siren, std::string_view service,
                                                Role target) {
  if (target == Role::kAt)
    return refusal("ROLE-APPOINT",
                   "nobody appoints an AT: an adhesion or substitution code sent by post makes "
                   "the requester AT");
  if (!by)
    return std::nullopt;
  const RoleGrant* own = find_grant(grants, *by, service);
  if (!own || own->state != GrantState::kActive)
    return refusal("ROLE-APPOINT", who(*by) + " holds no active role on " + scope(siren, service) +
                                       ", so it appoints nobody there");
  if (!appoints(own->role, target))
    return refusal("ROLE-APPOINT", who(*by) + " is " + to_string(own->role) + " on " +
                                       scope(siren, service) + ": an " + to_string(own->role) +
                                       " does not appoint or manage an " + to_string(target) +
                                       " (the AT appoints the AS and actors, the AS all but the "
                                       "AS, an acteur-delegue plain acteurs)");
  return std::nullopt;
}

// ROLE-COMBINE for `account` taking `role` on (siren, service), its own
// grant on that service ignored when `replacing`.
std::optional<model::Error> combination_problem(const RoleGrants& grants, AccountId account,
                                                std::string_view siren, std::string_view service,
                                                Role role, bool replacing) {
  for (const auto& g : grants) {
    if (g.account_id != account)
      continue;
    if (g.service == service && !replacing)
      return refusal("ROLE-COMBINE", who(account) + " already holds " + to_string(g.role) + " on " +
                                         scope(siren, service) + ": one role per user and service");
    if (g.service != service && g.role != role)
      return refusal("ROLE-COMBINE", who(account) + " is " + to_string(g.role) + " on " +
                                         scope(siren, g.service) +
                                         ": roles do not combine for "
                                         "one user on one SIREN, so it cannot be " +
                                         to_string(role) + " on service " + std::string(service));
  }
  return std::nullopt;
}

std::optional<model::Error> uniqueness_problem(const RoleGrants& grants, std::string_view siren,
                                               std::string_view service, Role role) {
  if (role != Role::kAt && role != Role::kAs)
    return std::nullopt;
  if (const RoleGrant* holder = holder_of(grants, service, role))
    return refusal("ROLE-UNIQUE", std::string("at most one ") + to_string(role) +
                                      " per SIREN and " + "service: " + who(holder->account_id) +
                                      " is " + to_string(role) + " of " + scope(siren, service) +
                                      " (" + to_string(holder->state) + ")");
  return std::nullopt;
}

RoleTransition transition(std::string_view siren, std::string_view service, AccountId account,
                          RoleActor by, RoleEvent event, std::optional<RoleHeld> before,
                          std::optional<RoleHeld> after, std::int64_t now) {
  RoleTransition t;
  t.siren = siren;
  t.service = service;
  t.account_id = account;
  t.by = by;
  t.event = event;
  t.before = before;
  t.after = after;
  t.at = now;
  return t;
}

}  // namespace

model::Result<RoleTransition> plan_grant(const RoleGrants& grants, RoleActor by, AccountId account,
                                         std::string_view siren, std::string_view service,
                                         Role role, std::int64_t now) {
  if (auto problem = appointment_problem(grants, by, siren, service, role))
    return *problem;
  if (auto problem = combination_problem(grants, account, siren, service, role, false))
    return *problem;
  if (auto problem = uniqueness_problem(grants, siren, service, role))
    return *problem;
  return transition(siren, service, account, by, RoleEvent::kCreate, std::nullopt,
                    RoleHeld{role, GrantState::kActive}, now);
}

model::Result<RoleTransition> plan_change(const RoleGrants& grants, RoleActor by, AccountId account,
                                          std::string_view siren, std::string_view service,
                                          RoleEvent event, std::int64_t now) {
  const RoleGrant* grant = find_grant(grants, account, service);
  if (!grant)
    return refusal("ROLE-UNKNOWN", who(account) + " holds no role on " + scope(siren, service));
  if (by || grant->role != Role::kAt) {
    if (auto problem = appointment_problem(grants, by, siren, service, grant->role))
      return *problem;
  }
  const RoleHeld before{grant->role, grant->state};
  switch (event) {
    case RoleEvent::kStandby:
      if (grant->state != GrantState::kActive)
        return refusal("ROLE-STATE", who(account) + "'s " + to_string(grant->role) + " on " +
                                         scope(siren, service) + " is on standby already");
      return transition(siren, service, account, by, event, before,
                        RoleHeld{grant->role, GrantState::kStandby}, now);
    case RoleEvent::kReactivate:
      if (grant->state != GrantState::kStandby)
        return refusal("ROLE-STATE", who(account) + "'s " + to_string(grant->role) + " on " +
                                         scope(siren, service) +
                                         " is active: only a grant on standby is reactivated");
      return transition(siren, service, account, by, event, before,
                        RoleHeld{grant->role, GrantState::kActive}, now);
    case RoleEvent::kDelete:
      return transition(siren, service, account, by, event, before, std::nullopt, now);
    default:
      return model::Error{model::ErrorCode::kInternal,
                          std::string("plan_change: not a change: ") + to_string(event),
                          {}};
  }
}

model::Result<std::vector<RoleTransition>> plan_code(const RoleGrants& grants, CodeKind kind,
                                                     AccountId account, std::string_view siren,
                                                     std::string_view service, std::int64_t now) {
  const RoleGrant* at = holder_of(grants, service, Role::kAt);
  const RoleGrant* as = holder_of(grants, service, Role::kAs);
  std::vector<RoleTransition> plan;
  RoleEvent event = RoleEvent::kAdhesion;
  if (kind == CodeKind::kAdhesion) {
    if (at || as)
      return refusal("ROLE-MANAGED",
                     scope(siren, service) + " is managed already (" +
                         who(at ? at->account_id : as->account_id) + " is " + (at ? "AT" : "AS") +
                         "): an adhesion only while nobody manages it; ask for a substitution");
  } else {
    event = RoleEvent::kSubstitution;
    if (!at)
      return refusal("ROLE-NO-AT",
                     scope(siren, service) + " has no AT to replace: ask for an adhesion instead");
    if (at->account_id == account)
      return refusal("ROLE-COMBINE",
                     who(account) + " is the AT of " + scope(siren, service) + " already");
    plan.push_back(transition(siren, service, at->account_id, account, event,
                              RoleHeld{at->role, at->state}, std::nullopt, now));
  }
  if (auto problem = combination_problem(grants, account, siren, service, Role::kAt, true))
    return *problem;
  const RoleGrant* own = find_grant(grants, account, service);
  std::optional<RoleHeld> before;
  if (own)
    before = RoleHeld{own->role, own->state};
  plan.push_back(transition(siren, service, account, account, event, before,
                            RoleHeld{Role::kAt, GrantState::kActive}, now));
  return plan;
}

}  // namespace einvoice::accounts
