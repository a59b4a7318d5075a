#include "accounts/accounts.h"

#include "accounts/company_identifier.h"
#include "accounts/refusal.h"

namespace einvoice::accounts {
namespace {

constexpr std::size_t kMaxText = 200;

std::optional<model::Error> email_problem(std::string_view email, bool required) {
  if (email.empty() && !required)
    return std::nullopt;
  if (auto problem = text_problem("the e-mail address", email, true))
    return problem;
  const auto at = email.find('@');
  if (at == 0 || at == std::string_view::npos || at + 1 >= email.size() ||
      email.find('@', at + 1) != std::string_view::npos ||
      email.find(' ') != std::string_view::npos)
    return refusal("ACC-EMAIL", "'" + std::string(email) + "' is not an e-mail address");
  return std::nullopt;
}

// ACC-INHERIT when `services` go beyond the main account's.
std::optional<model::Error> inherit_problem(const Services& services, const Account& main) {
  if (services_within(services, main.services))
    return std::nullopt;
  return refusal("ACC-INHERIT",
                 "a secondary account cannot hold services or document types its main account " +
                     std::to_string(main.id) + " does not have (main account: '" +
                     format_services(main.services) + "', asked: '" + format_services(services) +
                     "')");
}

model::Error unknown(AccountId id) {
  return refusal("ACC-UNKNOWN", "no account " + std::to_string(id));
}

}  // namespace

std::optional<model::Error> text_problem(std::string_view what, std::string_view text,
                                         bool required) {
  if (required && text.find_first_not_of(' ') == std::string_view::npos)
    return refusal("ACC-FIELD", std::string(what) + " is required");
  if (text.size() > kMaxText)
    return refusal("ACC-FIELD", std::string(what) + " has more than 200 bytes");
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
      return refusal("ACC-FIELD", std::string(what) + " holds a control character");
  }
  return std::nullopt;
}

std::int64_t Accounts::now() const {
  return std::chrono::duration_cast<std::chrono::seconds>(clock_.now().time_since_epoch()).count();
}

model::Result<Account> Accounts::account(AccountId id) const {
  auto found = store_.find_account(id);
  if (!found)
    return found.error();
  if (!*found)
    return unknown(id);
  return std::move(**found);
}

model::Result<Account> Accounts::main_of(const Account& account) const {
  if (account.is_main())
    return account;
  return this->account(*account.main_id);
}

model::Result<bool> Accounts::can_act(AccountId id) const {
  auto found = account(id);
  if (!found)
    return found.error();
  auto main = main_of(*found);
  if (!main)
    return main.error();
  return found->active && main->active;
}

model::Result<Account> Accounts::active_account(AccountId id) const {
  auto found = account(id);
  if (!found)
    return found.error();
  auto active = can_act(id);
  if (!active)
    return active.error();
  if (!*active)
    return refusal("ACC-INACTIVE", "account " + std::to_string(id) +
                                       (found->active ? " belongs to a deactivated main account"
                                                      : " is deactivated") +
                                       ": it can do nothing");
  return found;
}

model::Result<std::vector<Account>> Accounts::list(const AccountFilter& filter) const {
  return store_.list_accounts(filter);
}

model::Result<Account> Accounts::create_main(const NewMainAccount& request) const {
  for (auto problem :
       {text_problem("the name", request.name, true),
        text_problem("the person responsible", request.responsible, false),
        text_problem("the address", request.address, false),
        text_problem("the profile", request.profile, true), email_problem(request.email, true)}) {
    if (problem)
      return *problem;
  }
  if (auto problem = siret_problem(request.siret))
    return model::Error{model::ErrorCode::kInvalid, *problem, {}};
  if (request.max_secondary < 0 || request.max_secondary > config_.max_secondary_ceiling)
    return refusal("ACC-LIMIT", "the number of secondary accounts allowed must be 0 to " +
                                    std::to_string(config_.max_secondary_ceiling));
  if (auto problem = password_problem(request.password, config_.password))
    return model::Error{model::ErrorCode::kInvalid, *problem, {}};
  Account a;
  a.kind = AccountKind::kMain;
  a.name = request.name;
  a.profile = request.profile;
  a.siret = request.siret;
  a.email = request.email;
  a.responsible = request.responsible;
  a.address = request.address;
  a.max_secondary = request.max_secondary;
  a.services = request.services;
  a.mailbox = true;
  a.created_at = now();
  auto hash = hash_password(request.password, config_.argon2, random_);
  if (!hash)
    return hash.error();
  auto id = store_.insert_account(a, std::nullopt);
  if (!id)
    return id.error();
  if (auto stored = store_.set_password_hash(*id, *hash, a.created_at); !stored)
    return stored.error();
  return account(*id);
}

model::Result<Account> Accounts::create_secondary(const NewSecondaryAccount& request) const {
  for (auto problem :
       {text_problem("the name", request.name, true), email_problem(request.email, false)}) {
    if (problem)
      return *problem;
  }
  auto main = account(request.main_id);
  if (!main)
    return main.error();
  if (!main->is_main())
    return refusal("ACC-NESTED", "account " + std::to_string(main->id) +
                                     " is a secondary account; secondary accounts cannot have "
                                     "secondary accounts");
  if (!main->active)
    return refusal("ACC-INACTIVE", "main account " + std::to_string(main->id) +
                                       " is deactivated: it can do nothing");
  Account a;
  a.kind = AccountKind::kSecondary;
  a.main_id = main->id;
  a.name = request.name;
  a.profile = main->profile;
  a.email = request.email;
  a.services = request.services.value_or(main->services);
  if (auto problem = inherit_problem(a.services, *main))
    return *problem;
  a.autonomous = request.autonomous;
  a.mailbox = request.mailbox;
  // Created with a mailbox, it has no password yet: one must be set.
  a.password_reset_required = request.mailbox;
  a.created_at = now();
  auto id = store_.insert_account(a, main->max_secondary);
  if (!id)
    return id.error();
  return account(*id);
}

model::Result<AccountChange> Accounts::set_mailbox(AccountId id, bool on) const {
  auto a = active_account(id);
  if (!a)
    return a.error();
  if (a->is_main())
    return refusal("ACC-MAILBOX", "account " + std::to_string(id) +
                                      " is a main account: it always has its mailbox");
  if (a->mailbox == on)
    return AccountChange{std::move(*a), ""};
  auto main = main_of(*a);
  if (!main)
    return main.error();
  std::string warning;
  a->mailbox = on;
  if (on) {
    a->password_reset_required = true;
    warning = "account " + std::to_string(id) +
              " now has a mailbox: its password must be reset before it is used "
              "(einvoice accounts password set " +
              std::to_string(id) + ")";
  }
  if (auto stored = store_.update_account(*a, main->max_secondary); !stored)
    return stored.error();
  auto updated = account(id);
  if (!updated)
    return updated.error();
  return AccountChange{std::move(*updated), warning};
}

model::Result<Account> Accounts::set_autonomous(AccountId id, bool on, Actor actor) const {
  auto a = active_account(id);
  if (!a)
    return a.error();
  if (a->is_main())
    return refusal("ACC-AUTONOMY", "only secondary accounts are made autonomous");
  if (actor && *actor != *a->main_id)
    return refusal("ACC-AUTONOMY", "only the main account " + std::to_string(*a->main_id) +
                                       " sets the autonomy of account " + std::to_string(id));
  a->autonomous = on;
  if (auto stored = store_.update_account(*a, std::nullopt); !stored)
    return stored.error();
  return account(id);
}

model::Result<Account> Accounts::set_services(AccountId id, const Services& services,
                                              Actor actor) const {
  auto a = active_account(id);
  if (!a)
    return a.error();
  if (a->is_main()) {
    if (actor && *actor != id)
      return refusal("ACC-SERVICES", "only the administrator or account " + std::to_string(id) +
                                         " itself chooses its services");
  } else {
    const bool by_main = !actor || *actor == *a->main_id;
    const bool by_itself = actor && *actor == id && a->autonomous;
    if (!by_main && !by_itself)
      return refusal("ACC-AUTONOMY", "the services of account " + std::to_string(id) +
                                         " are chosen by its main account " +
                                         std::to_string(*a->main_id) +
                                         (actor && *actor == id ? " (it is not autonomous)" : ""));
    auto main = main_of(*a);
    if (!main)
      return main.error();
    if (auto problem = inherit_problem(services, *main))
      return *problem;
  }
  a->services = services;
  if (auto stored = store_.update_account(*a, std::nullopt); !stored)
    return stored.error();
  return account(id);
}

model::Result<Account> Accounts::set_siret(AccountId id, std::string_view siret) const {
  auto a = active_account(id);
  if (!a)
    return a.error();
  if (!a->is_main())
    return refusal("ACC-SIRET", "account " + std::to_string(id) +
                                    " is a secondary account: it acts under its main account's "
                                    "SIRET");
  if (auto problem = siret_problem(siret))
    return model::Error{model::ErrorCode::kInvalid, *problem, {}};
  if (siret.substr(0, 9) != std::string_view(a->siret).substr(0, 9))
    return refusal("ACC-SIRET",
                   "only the NIC part of a main account's SIRET changes: " + std::string(siret) +
                       " is not of SIREN " + a->siret.substr(0, 9));
  a->siret = std::string(siret);
  if (auto stored = store_.update_account(*a, std::nullopt); !stored)
    return stored.error();
  return account(id);
}

model::Result<Services> Accounts::effective_services(AccountId id) const {
  auto a = account(id);
  if (!a)
    return a.error();
  if (a->is_main())
    return a->services;
  auto main = main_of(*a);
  if (!main)
    return main.error();
  return services_intersection(a->services, main->services);
}

model::Result<Account> Accounts::set_active(AccountId id, bool active) const {
  auto a = account(id);
  if (!a)
    return a.error();
  if (a->active == active)
    return a;
  a->active = active;
  if (auto stored = store_.update_account(*a, std::nullopt); !stored)
    return stored.error();
  return account(id);
}

}  // namespace einvoice::accounts
