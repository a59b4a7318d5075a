#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/account.h"
#include "accounts/account_store.h"
#include "accounts/accounts_config.h"
#include "accounts/company.h"
#include "accounts/company_csv.h"
#include "accounts/decision.h"
#include "accounts/outbox.h"
#include "env/clock.h"
#include "env/random_source.h"
#include "model/result.h"

namespace einvoice::accounts {

// Who asks for a change: an account acting on the portal, or the platform's
// administrator (nullopt: the command line).
using Actor = std::optional<AccountId>;

struct NewMainAccount {
  std::string name;
  std::string siret;
  std::string email;
  std::string responsible;
  std::string address;
  std::string profile = "main";
  int max_secondary = 0;
  Services services;
  std::string password;  // checked by the password rule
};

struct NewSecondaryAccount {
  AccountId main_id = 0;
  std::string name;
  std::string email;  // optional: its mailbox address
  bool mailbox = false;
  bool autonomous = false;
  std::optional<Services> services;  // default: the main account's
};

// A change that went through, with a warning that does not block it.
struct AccountChange {
  Account account;
  std::string warning;
};

// An API token just issued: the secret is shown once, only its hash is kept.
struct IssuedToken {
  ApiToken token;
  std::string secret;
};

struct NewCompany {
  AccountId account_id = 0;
  IdentifierType identifier_type = IdentifierType::kSiren;
  std::string identifier;
  std::string name;
  EmployeeBracket employees = EmployeeBracket::k1To10;
  CompanyOptions options;
  std::string address{};  // (initialised: older callers list the fields before it)
  bool vat_subject = true;
};

struct CompanyEdit {
  std::optional<std::string> name;
  std::optional<EmployeeBracket> employees;
  std::optional<CompanyOptions> options;
  std::optional<std::string> address;
  std::optional<bool> vat_subject;
};

// What an import did: good lines imported together (one transaction),
// every refused line with its reason.
struct ImportReport {
  std::size_t imported = 0;
  std::vector<CompanyId> imported_ids;  // in line order
  std::vector<LineError> errors;
};

// The accounts module's facade (portal.md 1 and 2): main and secondary
// accounts, credentials, companies. Every rule refuses with a refusal
// (refusal.h: kInvalid, "RULE-ID: reason"); failures underneath keep their
// codes. The store, outbox, clock and randomness are borrowed and must
// outlive this object. Thread-safe as its parts are (each call is a few
// store transactions; two concurrent calls on one account are serialised
// by the store, not merged).
class Accounts {
 public:
  Accounts(const AccountStore& store, const Outbox& outbox, const env::Clock& clock,
           const env::RandomSource& random, AccountsConfig config = {})
      : store_(store),
        outbox_(outbox),
        clock_(clock),
        random_(random),
        config_(std::move(config)) {}

  const AccountsConfig& config() const { return config_; }

  // --- accounts (accounts.cpp)
  model::Result<Account> create_main(const NewMainAccount& request) const;
  // A secondary of `main_id`: it must be an active main account (no
  // secondary of a secondary); with a mailbox, within the main's limit
  // (counting only secondaries with a mailbox); services within the main's.
  model::Result<Account> create_secondary(const NewSecondaryAccount& request) const;
  model::Result<Account> account(AccountId id) const;
  model::Result<std::vector<Account>> list(const AccountFilter& filter) const;
  // A secondary's mailbox. Switching it on counts against the limit and
  // requires a password reset (the warning says so; the account cannot log
  // in until a password is set).
  model::Result<AccountChange> set_mailbox(AccountId id, bool on) const;
  // Only the secondary's main account (or the administrator) sets it.
  model::Result<Account> set_autonomous(AccountId id, bool on, Actor actor) const;
  // A main account's services are set by the administrator or itself; a
  // secondary's by its main account, or by itself when autonomous, never
  // beyond its main account's.
  model::Result<Account> set_services(AccountId id, const Services& services, Actor actor) const;
  // What an account may use: its services, and for a secondary only those
  // its main account still holds.
  model::Result<Services> effective_services(AccountId id) const;
  // A main account's SIRET: only its NIC part (the last 5 digits) changes,
  // check digits verified. Refusals: ACC-SIRET (a secondary account, another
  // SIREN), CO-IDENTIFIER, CO-KEY.
  model::Result<Account> set_siret(AccountId id, std::string_view siret) const;
  // Deactivated accounts stay listed with their state and can do nothing
  // (no login, no token, no change); both are idempotent.
  model::Result<Account> deactivate(AccountId id) const { return set_active(id, false); }
  model::Result<Account> reactivate(AccountId id) const { return set_active(id, true); }
  // True when the account and, for a secondary, its main account are active.
  model::Result<bool> can_act(AccountId id) const;

  // --- credentials (account_credentials.cpp)
  // Checks the password rule, stores an Argon2id hash, clears failures, lock
  // and any required reset, and notifies the responsible person.
  model::Status set_password(AccountId id, std::string_view password) const;
  // The account when `password` is right and the account may act. Refusals:
  // PWD-WRONG (unknown account, no password or wrong: one message for all,
  // and as long to come),
  // PWD-DELAY (too soon after repeated failures: not checked, not counted),
  // PWD-LOCKED, PWD-RESET (a reset is required), ACC-INACTIVE. A hash made
  // with weaker parameters than configured is replaced.
  model::Result<Account> login(AccountId id, std::string_view password) const;
  // Sends a single-use recovery link (valid config().recovery_link_validity)
  // to the responsible person; only the SHA-256 of its secret is stored.
  model::Status send_recovery_link(AccountId id, LinkPurpose purpose) const;
  // "Forgot my identifier": the account the link was sent for.
  model::Result<Account> redeem_identifier_link(std::string_view secret) const;
  // "Forgot my password": checks the new password first (a refused password
  // does not use the link up), then uses the link and sets the password.
  // Refusals: LINK-UNKNOWN, LINK-USED, LINK-EXPIRED, PWD-CHAR / PWD-LENGTH.
  model::Status reset_password_with_link(std::string_view secret,
                                         std::string_view new_password) const;
  // A 256-bit random token for programs, valid `validity` (default and
  // maximum from the config).
  model::Result<IssuedToken> issue_token(AccountId id, std::string_view label,
                                         std::optional<std::chrono::seconds> validity) const;
  // The account a token secret belongs to. Refusals: TOKEN-UNKNOWN,
  // TOKEN-EXPIRED, TOKEN-REVOKED, ACC-INACTIVE.
  model::Result<Account> authenticate_token(std::string_view secret) const;
  model::Status revoke_token(std::int64_t token_id) const;
  model::Result<std::vector<ApiToken>> tokens(AccountId id) const;

  // --- companies (account_companies.cpp)
  // Refusals: ACC-UNKNOWN, ACC-INACTIVE, CO-IDENTIFIER, CO-KEY, CO-OPTIONS,
  // CO-PAYMENT, CO-DUPLICATE (no two companies with one identifier).
  model::Result<Company> add_company(const NewCompany& request) const;
  model::Result<Company> edit_company(CompanyId id, const CompanyEdit& edit) const;
  model::Result<Company> company(CompanyId id) const;
  // The companies of `account` (and of its secondaries when
  // `with_secondaries`), by SIREN/SIRET prefix and/or name.
  model::Result<std::vector<Company>> search_companies(AccountId account, bool with_secondaries,
                                                       std::string_view identifier_prefix,
                                                       std::string_view name) const;
  // The CSV mass import (company_csv.h): every bad line reported, a duplicate
  // (in the file or already stored) too, the good lines imported in one
  // transaction. Errors for the whole file as parse_company_csv, and the
  // account's refusals.
  model::Result<ImportReport> import_companies(AccountId account, std::string_view csv,
                                               bool has_header, std::string_view file_name) const;

  // --- decisions (account_companies.cpp)
  // What may() reads for `account` and `siren` (9 digits): the account, its
  // main account, the companies of that SIREN it handles (for a main
  // account, its secondaries' too), and its role grants on that SIREN.
  // Refusals: ACC-UNKNOWN, CO-IDENTIFIER.
  model::Result<DecisionSnapshot> decision_snapshot(AccountId account,
                                                    std::string_view siren) const;

 private:
  model::Result<Account> set_active(AccountId id, bool active) const;
  // The account when it can act (can_act), else ACC-INACTIVE.
  model::Result<Account> active_account(AccountId id) const;
  model::Result<Account> main_of(const Account& account) const;
  // The address of the account's responsible person (the main account's).
  model::Result<std::string> responsible_address(const Account& account) const;
  model::Status notify(const std::string& to, std::string subject, std::string body) const;
  std::int64_t now() const;

  const AccountStore& store_;
  const Outbox& outbox_;
  const env::Clock& clock_;
  const env::RandomSource& random_;
  AccountsConfig config_;
};

}  // namespace einvoice::accounts
