#pragma once

// The accounts module's jobs (docs/accounts.md): opening the accounts
// database the command line names, with the configuration the environment
// gives, and importing a companies file.

#include <filesystem>
#include <memory>
#include <string>

#include "accounts/accounts.h"
#include "accounts/sqlite_account_store.h"
#include "env/env.h"
#include "model/result.h"

namespace einvoice::engine {

// The database named by `option`, else $EINVOICE_ACCOUNTS_DB (env.variables).
// kInvalidArgument when neither names one.
model::Result<std::filesystem::path> accounts_database(const std::string& option,
                                                       const env::Env& env);

// The configuration: defaults, with the Argon2id cost from
// $EINVOICE_ACCOUNTS_ARGON2 ("m=65536,t=2,p=1": memory in KiB, iterations,
// lanes) and the minimum password length from
// $EINVOICE_ACCOUNTS_PASSWORD_MIN_LENGTH when set. kInvalidArgument naming
// the variable when one does not parse or is out of range.
model::Result<accounts::AccountsConfig> accounts_config(const env::Env& env);

// An open accounts database: its store, the outbox kept in it, and the
// Accounts facade over them, on env's clock and randomness (`env` must
// outlive the session).
class AccountsSession {
 public:
  // Opens (creating or migrating) `database`. Errors as
  // SqliteAccountStore::open.
  static model::Result<std::unique_ptr<AccountsSession>> open(const std::filesystem::path& database,
                                                              const env::Env& env,
                                                              accounts::AccountsConfig config);

  const accounts::Accounts& accounts() const { return accounts_; }
  const accounts::AccountStore& store() const { return *store_; }

 private:
  AccountsSession(std::unique_ptr<accounts::SqliteAccountStore> store, const env::Env& env,
                  accounts::AccountsConfig config)
      : store_(std::move(store)),
        outbox_(*store_),
        accounts_(*store_, outbox_, env.clock, env.random, std::move(config)) {}

  std::unique_ptr<accounts::SqliteAccountStore> store_;
  accounts::StoredOutbox outbox_;
  accounts::Accounts accounts_;
};

// `einvoice accounts company import`: `file` read through env.files (at most
// the configured CSV size) and imported for `account`.
model::Result<accounts::ImportReport> run_company_import(const accounts::Accounts& accounts,
                                                         accounts::AccountId account,
                                                         const std::filesystem::path& file,
                                                         bool has_header, const env::Env& env);

// True when `error` is a rule refusing (exit code 1: the reason names the
// rule), or an input over a limit; false for usage and I/O (exit code 2).
bool is_accounts_refusal(const model::Error& error);

}  // namespace einvoice::engine
