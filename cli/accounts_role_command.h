#pragma once

// einvoice accounts role ...: roles per (SIREN, service) (docs/accounts.md
// "Roles"), a thin layer over accounts/roles.h.

#include <CLI/CLI.hpp>
#include <string>

#include "engine/accounts_jobs.h"
#include "env/env.h"

namespace einvoice::cli {

struct RoleOptions {
  accounts::AccountId account = 0, by = 0;
  std::string siren, service = "einvoicing", role;
  bool json = false;
};

// Adds the `role` group (grant, standby, reactivate, revoke, list, history,
// adhesion, substitution, redeem) to `app`, filling `o`.
void add_role_commands(CLI::App& app, RoleOptions& o);

// Runs `role <verb>` on an open session; exit codes as every accounts
// command (0 done, 1 refused by a rule, 2 usage or I/O).
int run_role(const std::string& verb, const RoleOptions& o, const engine::AccountsSession& session,
             const env::Env& env);

}  // namespace einvoice::cli
