#pragma once

// The accounts module's jobs (docs/accounts.md): opening the accounts
// database the command line names, with the configuration the environment
// gives, and importing a companies file.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "accounts/accounts.h"
#include "accounts/certificate_sealer.h"
#include "accounts/enrolments.h"
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

// The enrolment's configuration: defaults, with
// $EINVOICE_ACCOUNTS_ENROL ("code=600,resend=60,tries=5,link=259200":
// seconds a one-time code is valid, seconds before a new one may be sent,
// codes an agreement takes, seconds the representative link is valid; any
// subset) and the platform's name from $EINVOICE_PLATFORM_NAME. kInvalidArgument
// naming the variable when one does not parse or is out of range.
model::Result<accounts::EnrolmentConfig> enrolment_config(const env::Env& env);

// The platform seal file of the enrolment certificates: `option` (--seal),
// else $EINVOICE_ACCOUNTS_SEAL; nullopt when neither names one (certificates
// are not sealed).
std::optional<std::filesystem::path> accounts_seal_file(const std::string& option,
                                                        const env::Env& env);

// The certificate sealer a seal file describes (the archive's seal file
// format, engine/archive_sealer.h): PAdES by an incremental update, B-B, or
// B-T with a timestamp authority. "as", when given, must be "pades". Errors
// name the seal file.
model::Result<std::unique_ptr<accounts::CertificateSealer>> load_certificate_sealer(
    const std::filesystem::path& seal_file, const env::Env& env);

// An open accounts database: its store, the outbox kept in it, the Accounts
// and Enrolments facades over them, on env's clock and randomness (`env`
// must outlive the session).
class AccountsSession {
 public:
  // Opens (creating or migrating) `database`; certificates are sealed by
  // `sealer` when given. Errors as SqliteAccountStore::open.
  static model::Result<std::unique_ptr<AccountsSession>> open(
      const std::filesystem::path& database, const env::Env& env, accounts::AccountsConfig config,
      accounts::EnrolmentConfig enrolment = {},
      std::unique_ptr<accounts::CertificateSealer> sealer = nullptr);

  const accounts::Accounts& accounts() const { return accounts_; }
  const accounts::Enrolments& enrolments() const { return enrolments_; }
  const accounts::AccountStore& store() const { return *store_; }

 private:
  AccountsSession(std::unique_ptr<accounts::SqliteAccountStore> store, const env::Env& env,
                  accounts::AccountsConfig config, accounts::EnrolmentConfig enrolment,
                  std::unique_ptr<accounts::CertificateSealer> sealer)
      : store_(std::move(store)),
        sealer_(std::move(sealer)),
        outbox_(*store_),
        accounts_(*store_, outbox_, env.clock, env.random, std::move(config)),
        enrolments_(*store_, accounts_, outbox_, env.clock, env.random, sealer_.get(),
                    std::move(enrolment)) {}

  std::unique_ptr<accounts::SqliteAccountStore> store_;
  std::unique_ptr<accounts::CertificateSealer> sealer_;
  accounts::StoredOutbox outbox_;
  accounts::Accounts accounts_;
  accounts::Enrolments enrolments_;
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
