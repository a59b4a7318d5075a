#include "accounts/role.h"

#include <array>
#include <utility>

namespace einvoice::accounts {
namespace {

constexpr std::array<std::pair<Role, const char*>, 4> kRoles{{
    {Role::kAt, "AT"},
    {Role::kAs, "AS"},
    {Role::kDelegate, "acteur-delegue"},
    {Role::kActor, "acteur"},
}};

}  // namespace

const char* to_string(Role role) {
  for (const auto& [value, name] : kRoles) {
    if (value == role)
      return name;
  }
  return "?";
}

std::optional<Role> parse_role(std::string_view text) {
  for (const auto& [value, name] : kRoles) {
    if (text == name)
      return value;
  }
  return std::nullopt;
}

const char* to_string(GrantState state) {
  return state == GrantState::kActive ? "active" : "standby";
}

std::string to_string(const std::optional<RoleHeld>& held) {
  if (!held)
    return "none";
  return std::string(to_string(held->role)) + " (" + to_string(held->state) + ")";
}

const char* to_string(RoleEvent event) {
  switch (event) {
    case RoleEvent::kCreate:
      return "create";
    case RoleEvent::kStandby:
      return "standby";
    case RoleEvent::kReactivate:
      return "reactivate";
    case RoleEvent::kDelete:
      return "delete";
    case RoleEvent::kAdhesion:
      return "adhesion";
    case RoleEvent::kSubstitution:
      return "substitution";
  }
  return "?";
}

const char* to_string(CodeKind kind) {
  return kind == CodeKind::kAdhesion ? "adhesion" : "substitution";
}

}  // namespace einvoice::accounts
