// einvoice accounts role: grants per (SIREN, service), their history, and the
// adhesion and substitution codes sent by post (docs/accounts.md "Roles").
#include "cli/accounts_role_command.h"

#include <iostream>
#include <nlohmann/json.hpp>
#include <utility>

#include "accounts/roles.h"
#include "cli/accounts_cli_support.h"
#include "cli/cli_support.h"
#include "cli/commands.h"

namespace einvoice::cli {
namespace {

using accounts::Role;
using accounts::RoleEvent;

constexpr std::size_t kMaxCodeBytes = 256;

int fail(const std::string& command, const model::Error& error) {
  return accounts_failure(command, error);
}

nlohmann::json held_json(const std::optional<accounts::RoleHeld>& held) {
  if (!held)
    return nullptr;
  return {{"role", accounts::to_string(held->role)}, {"state", accounts::to_string(held->state)}};
}

void print_transition(const accounts::RoleTransition& t, bool json) {
  const std::string by = t.by ? std::to_string(*t.by) : "administrator";
  if (json) {
    std::cout << dump_line({{"id", t.id},
                            {"siren", t.siren},
                            {"service", t.service},
                            {"account", t.account_id},
                            {"by", t.by ? nlohmann::json(*t.by) : nlohmann::json(nullptr)},
                            {"event", accounts::to_string(t.event)},
                            {"before", held_json(t.before)},
                            {"after", held_json(t.after)},
                            {"at", utc_seconds(t.at)}})
              << '\n';
    return;
  }
  std::cout << utc_seconds(t.at) << '\t' << t.siren << '\t' << t.service << "\taccount "
            << t.account_id << '\t' << accounts::to_string(t.event) << " by " << by << '\t'
            << accounts::to_string(t.before) << " -> " << accounts::to_string(t.after) << '\n';
}

void print_grant(const accounts::RoleGrant& g, bool json) {
  if (json)
    std::cout << dump_line({{"siren", g.siren},
                            {"service", g.service},
                            {"account", g.account_id},
                            {"role", accounts::to_string(g.role)},
                            {"state", accounts::to_string(g.state)},
                            {"changed_at", utc_seconds(g.changed_at)}})
              << '\n';
  else
    std::cout << g.siren << '\t' << g.service << "\taccount " << g.account_id << '\t'
              << accounts::to_string(g.role) << '\t' << accounts::to_string(g.state) << '\n';
}

// The code typed on stdin: its first line, at most 256 bytes.
model::Result<std::string> read_code() {
  return read_stdin_line(kMaxCodeBytes, "CODE-WRONG");
}

void scope_options(CLI::App& sub, RoleOptions& o) {
  sub.add_option("--account", o.account, "the account whose role it is")->required();
  sub.add_option("--siren", o.siren, "the company's SIREN")->required();
  sub.add_option("--service", o.service, "the online service (default einvoicing)");
  sub.add_flag("--json", o.json, "print the transitions as JSON lines");
}

}  // namespace

void add_role_commands(CLI::App& app, RoleOptions& o) {
  auto* role = app.add_subcommand("role", "roles per (SIREN, service): AT, AS, actors");
  auto* grant = role->add_subcommand("grant", "appoint an AS, acteur-delegue or acteur");
  scope_options(*grant, o);
  grant->add_option("--role", o.role, "AS, acteur-delegue or acteur (an AT comes by a code)")
      ->required()
      ->check(CLI::IsMember({"AT", "AS", "acteur-delegue", "acteur"}));
  grant->add_option("--by", o.by, "the account appointing (default: the administrator)");
  for (const auto& [name, help] : {std::pair{"standby", "put a grant on standby"},
                                   std::pair{"reactivate", "reactivate a grant on standby"},
                                   std::pair{"revoke", "delete a grant"}}) {
    auto* sub = role->add_subcommand(name, help);
    scope_options(*sub, o);
    sub->add_option("--by", o.by, "the account acting (default: the administrator)");
  }
  auto* list = role->add_subcommand("list", "the grants, by SIREN, service, account");
  list->add_option("--siren", o.siren, "of this SIREN");
  list->add_option("--account", o.account, "of this account");
  list->add_flag("--json", o.json, "one JSON line per grant");
  auto* history = role->add_subcommand("history", "the transitions recorded");
  history->add_option("--siren", o.siren, "of this SIREN");
  history->add_flag("--json", o.json, "one JSON line per transition");
  for (const auto& [name, help] :
       {std::pair{"adhesion", "ask to become AT of an unmanaged service (code by post)"},
        std::pair{"substitution", "ask to replace the AT (code by post, valid 60 days)"}}) {
    auto* sub = role->add_subcommand(name, help);
    scope_options(*sub, o);
  }
  auto* redeem = role->add_subcommand("redeem", "enter the code received by post (stdin)");
  scope_options(*redeem, o);
  role->require_subcommand(1);
}

int run_role(const std::string& verb, const RoleOptions& o, const engine::AccountsSession& session,
             const env::Env& env) {
  const std::string command = "accounts role " + verb;
  const accounts::StoredOutbox letters(session.store());
  const accounts::Roles roles(session.store(), session.accounts(), letters, env.clock, env.random);
  const accounts::Actor by = o.by ? accounts::Actor(o.by) : std::nullopt;
  if (verb == "list" || verb == "history") {
    if (verb == "list") {
      auto grants = roles.list(o.siren, o.account);
      if (!grants)
        return fail(command, grants.error());
      for (const auto& g : *grants)
        print_grant(g, o.json);
      return kExitOk;
    }
    auto history = roles.history(o.siren);
    if (!history)
      return fail(command, history.error());
    for (const auto& t : *history)
      print_transition(t, o.json);
    return kExitOk;
  }
  if (verb == "adhesion" || verb == "substitution") {
    auto request = roles.request_code(
        verb == "adhesion" ? accounts::CodeKind::kAdhesion : accounts::CodeKind::kSubstitution,
        o.account, o.siren, o.service);
    if (!request)
      return fail(command, request.error());
    std::cout << (o.json ? dump_line({{"request", request->code.id},
                                      {"expires_at", utc_seconds(request->code.expires_at)}})
                         : "a code went by post to the company (outbox), valid until " +
                               utc_seconds(request->code.expires_at))
              << '\n';
    return kExitOk;
  }
  std::vector<accounts::RoleTransition> done;
  if (verb == "redeem") {
    auto code = read_code();
    if (!code)
      return fail(command, code.error());
    auto made = roles.redeem_code(o.account, o.siren, o.service, *code);
    if (!made)
      return fail(command, made.error());
    done = std::move(*made);
  } else {
    auto changed = verb == "grant" ? roles.grant(by, o.account, o.siren, o.service,
                                                 *accounts::parse_role(o.role))
                                   : roles.change(by, o.account, o.siren, o.service,
                                                  verb == "standby"      ? RoleEvent::kStandby
                                                  : verb == "reactivate" ? RoleEvent::kReactivate
                                                                         : RoleEvent::kDelete);
    if (!changed)
      return fail(command, changed.error());
    done.push_back(std::move(*changed));
  }
  for (const auto& t : done)
    print_transition(t, o.json);
  return kExitOk;
}

}  // namespace einvoice::cli
