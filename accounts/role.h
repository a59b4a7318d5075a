#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/account.h"
#include "model/result.h"

namespace einvoice::accounts {

// The tax administration's roles per (SIREN, online service) (portal.md 5,
// docs/accounts.md "Roles"): the administrateur titulaire (AT) has all
// rights and appoints the AS and the actors; the administrateur suppléant
// (AS) the same but appointing the AS; the acteur délégué uses the service
// and appoints plain actors; the acteur only uses it.
enum class Role { kAt, kAs, kDelegate, kActor };
// "AT", "AS", "acteur-delegue", "acteur".
const char* to_string(Role role);
std::optional<Role> parse_role(std::string_view text);
inline constexpr const char* kRoleNames = "AT, AS, acteur-delegue, acteur";

// A grant on standby keeps its place (one AT, one AS) and gives no right.
enum class GrantState { kActive, kStandby };
const char* to_string(GrantState state);

// One user's role on one (SIREN, service); a user holds at most one grant
// per (SIREN, service), and all its grants on one SIREN have the same role.
struct RoleGrant {
  AccountId account_id = 0;
  std::string siren;
  std::string service;
  Role role = Role::kActor;
  GrantState state = GrantState::kActive;
  std::int64_t changed_at = 0;
};

// A role and its state, as a transition records them ("AS (standby)").
struct RoleHeld {
  Role role = Role::kActor;
  GrantState state = GrantState::kActive;
};
std::string to_string(const std::optional<RoleHeld>& held);  // "none" for nullopt

// What happened to one grant, as recorded in role_transitions.
enum class RoleEvent { kCreate, kStandby, kReactivate, kDelete, kAdhesion, kSubstitution };
const char* to_string(RoleEvent event);

struct RoleTransition {
  std::int64_t id = 0;  // set by the store
  std::string siren;
  std::string service;
  AccountId account_id = 0;     // whose grant changed
  std::optional<AccountId> by;  // who changed it; nullopt: the administrator
  RoleEvent event = RoleEvent::kCreate;
  std::optional<RoleHeld> before;  // nullopt: no grant
  std::optional<RoleHeld> after;   // nullopt: no grant any more
  std::int64_t at = 0;
};

// A request for the AT role by a code sent by post (adhesion: nobody
// manages the service yet; substitution: replace the AT), as stored: only the
// SHA-256 of the code.
enum class CodeKind { kAdhesion, kSubstitution };
const char* to_string(CodeKind kind);

struct RoleCode {
  std::int64_t id = 0;  // set by the store
  CodeKind kind = CodeKind::kAdhesion;
  AccountId account_id = 0;  // the requester
  std::string siren;
  std::string service;
  std::string code_sha256;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
  std::optional<std::int64_t> used_at;
  int failures = 0;  // wrong codes entered while it was open
};

}  // namespace einvoice::accounts
