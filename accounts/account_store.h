#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/account.h"
#include "accounts/agreement.h"
#include "accounts/company.h"
#include "accounts/outbox.h"
#include "accounts/role.h"
#include "journal/journal_entry.h"
#include "model/result.h"

namespace einvoice::accounts {

// The password of an account and its failed logins.
struct CredentialState {
  std::string password_hash;  // PHC string (password_hasher.h)
  std::int64_t changed_at = 0;
  int failures = 0;  // consecutive failed logins
  std::int64_t last_failure_at = 0;
  std::int64_t locked_until = 0;  // 0: not locked
};

enum class LinkPurpose { kPassword, kIdentifier };
const char* to_string(LinkPurpose purpose);

// A recovery link as stored: only the SHA-256 of its secret.
struct RecoveryLink {
  std::string secret_sha256;
  AccountId account_id = 0;
  LinkPurpose purpose = LinkPurpose::kPassword;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
  std::optional<std::int64_t> used_at;
};

// An API token as stored: only the SHA-256 of its secret.
struct ApiToken {
  std::int64_t id = 0;
  AccountId account_id = 0;
  std::string label;
  std::string secret_sha256;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
  std::optional<std::int64_t> revoked_at;
};

// The fate of one company of insert_companies: its new id, or the account
// already holding a company of that identifier (then nothing was inserted).
struct CompanyInsert {
  CompanyId id = 0;
  std::optional<AccountId> held_by;
};

// Plans a change of roles from the grants of one SIREN (every service) as
// they stand inside the store's transaction (role_rules.h).
using RolePlan =
    std::function<model::Result<std::vector<RoleTransition>>(const std::vector<RoleGrant>&)>;

// A change of one formal agreement, planned from its stored state inside
// the store's transaction.
struct AgreementChange {
  Agreement updated;                    // stored whole (its companies never change)
  journal::JournalDraft event;          // journaled in the same transaction
  std::optional<model::Error> refusal;  // returned once the change is committed
                                        // (a wrong code is counted, then refused)
};
using AgreementPlan = std::function<model::Result<AgreementChange>(const Agreement& current)>;
// Checks a new agreement against the agreements that list any of its
// companies, inside the store's transaction.
using AgreementCheck = std::function<model::Status(const std::vector<Agreement>& listing)>;

// One row of the accounts journal as stored: its sequence and its line
// (journal/journal_entry.h), read back without judging it.
struct JournalRow {
  std::int64_t seq = 0;
  std::string line;
};

// The accounts module's storage. Behind an interface so that a PostgreSQL
// store can follow (SqliteAccountStore today). Every method is one
// transaction, durable on return. Thread-safe. Times are Unix seconds.
// Errors are kIo (or kInternal) for failures underneath, except the
// refusals documented (refusal.h).
class AccountStore {
 public:
  virtual ~AccountStore() = default;

  // Stores a new account; returns its id. When `mailbox_limit` is given and
  // the account is a secondary with a mailbox, its main account's secondary
  // accounts with a mailbox are counted in the same transaction and the
  // insert is refused (ACC-LIMIT) when they already number `mailbox_limit`.
  virtual model::Result<AccountId> insert_account(const Account& account,
                                                  std::optional<int> mailbox_limit) const = 0;
  // Stores `account` (found by its id), with the same limit check as
  // insert_account (the account itself not counted).
  virtual model::Status update_account(const Account& account,
                                       std::optional<int> mailbox_limit) const = 0;
  virtual model::Result<std::optional<Account>> find_account(AccountId id) const = 0;
  // In id order.
  virtual model::Result<std::vector<Account>> list_accounts(const AccountFilter& filter) const = 0;
  // Secondary accounts of `main_id` with a mailbox (active or not).
  virtual model::Result<int> count_mailbox_secondaries(AccountId main_id) const = 0;

  virtual model::Result<std::optional<CredentialState>> credential(AccountId id) const = 0;
  // Sets the password hash, clears failures, lock and the account's
  // password_reset_required.
  virtual model::Status set_password_hash(AccountId id, std::string_view phc,
                                          std::int64_t now) const = 0;
  // Records the failure count, its time and the lock end (0: none).
  virtual model::Status record_login_failures(AccountId id, int failures, std::int64_t at,
                                              std::int64_t locked_until) const = 0;

  virtual model::Status insert_link(const RecoveryLink& link) const = 0;
  // The link of this secret hash and purpose, as it was before this call;
  // when it was unused it is now marked used at `now` (atomically: of two
  // callers, one sees it unused). nullopt when there is no such link.
  virtual model::Result<std::optional<RecoveryLink>> consume_link(std::string_view secret_sha256,
                                                                  LinkPurpose purpose,
                                                                  std::int64_t now) const = 0;

  virtual model::Result<std::int64_t> insert_token(const ApiToken& token) const = 0;
  virtual model::Result<std::optional<ApiToken>> find_token(
      std::string_view secret_sha256) const = 0;
  virtual model::Result<std::vector<ApiToken>> list_tokens(AccountId account_id) const = 0;
  // False when there is no such token or it was revoked already.
  virtual model::Result<bool> revoke_token(std::int64_t token_id, std::int64_t now) const = 0;

  // Inserts every company in one transaction, outcomes in input order; a
  // company whose identifier is stored already (or earlier in `companies`)
  // is not inserted. Nothing is written when an error is returned.
  virtual model::Result<std::vector<CompanyInsert>> insert_companies(
      const std::vector<Company>& companies) const = 0;
  // Stores the company's name, employees and options (found by its id).
  virtual model::Status update_company(const Company& company) const = 0;
  virtual model::Result<std::optional<Company>> find_company(CompanyId id) const = 0;
  // In id order.
  virtual model::Result<std::vector<Company>> search_companies(
      const CompanyFilter& filter) const = 0;

  // --- roles per (SIREN, service)
  // In one transaction: loads the grants of `siren`, asks `plan`, applies
  // each transition it returns (its `after` stored, or the grant deleted)
  // and records it in role_transitions; when `consume_code` is given, that
  // code is marked used at `now` in the same transaction, and CODE-USED is
  // refused when it was used already (of two callers, one wins). Returns
  // the transitions with their ids; nothing is written on an error.
  virtual model::Result<std::vector<RoleTransition>> change_roles(
      std::string_view siren, const RolePlan& plan, std::optional<std::int64_t> consume_code,
      std::int64_t now) const = 0;
  // The grants of `siren` (empty: every SIREN) and/or `account` (0: every
  // account), by SIREN, service, account.
  virtual model::Result<std::vector<RoleGrant>> list_roles(std::string_view siren,
                                                           AccountId account) const = 0;
  // The transitions of `siren` (empty: all), in the order recorded.
  virtual model::Result<std::vector<RoleTransition>> role_transitions(
      std::string_view siren) const = 0;
  virtual model::Result<std::int64_t> insert_role_code(const RoleCode& code) const = 0;
  // `account`'s codes for (siren, service), used or not, newest first.
  virtual model::Result<std::vector<RoleCode>> role_codes(AccountId account, std::string_view siren,
                                                          std::string_view service) const = 0;

  // `account`'s open codes (unused, unexpired at `now`) for (siren, service)
  // each count one more wrong code.
  virtual model::Status count_wrong_code(AccountId account, std::string_view siren,
                                         std::string_view service, std::int64_t now) const = 0;

  // --- formal agreements (enrolment)
  // In one transaction: `check` sees the agreements listing any of
  // `agreement`'s companies, then the agreement is stored and `event`
  // journaled (its subject completed with the new id). Returns it with its id.
  virtual model::Result<Agreement> insert_agreement(const Agreement& agreement,
                                                    const AgreementCheck& check,
                                                    journal::JournalDraft event) const = 0;
  virtual model::Result<std::optional<Agreement>> find_agreement(AgreementId id) const = 0;
  // The agreement whose representative link has this hash.
  virtual model::Result<std::optional<Agreement>> find_agreement_by_link(
      std::string_view link_sha256) const = 0;
  // The agreements listing any of `companies`, by id.
  virtual model::Result<std::vector<Agreement>> agreements_listing(
      const std::vector<CompanyId>& companies) const = 0;
  // In one transaction: loads agreement `id` (ENROL-UNKNOWN when there is
  // none), asks `plan`, stores its `updated` and journals its event; then
  // returns the plan's refusal if it has one, else the agreement stored.
  // Nothing is written when `plan` returns an error.
  virtual model::Result<Agreement> change_agreement(AgreementId id,
                                                    const AgreementPlan& plan) const = 0;
  // Keeps the certificate PDF of a signed agreement (and its SHA-256), and
  // journals `event`, in one transaction.
  virtual model::Status store_certificate(AgreementId id, std::string_view pdf,
                                          const journal::JournalDraft& event) const = 0;
  // The certificate kept for agreement `id`; nullopt when none is.
  virtual model::Result<std::optional<std::string>> certificate(AgreementId id) const = 0;

  // --- the journal (hash-chained: role transitions, enrolment events)
  // Every row, in sequence order.
  virtual model::Result<std::vector<JournalRow>> journal_rows() const = 0;

  // The outbox kept with the accounts (until a mail transport takes them).
  virtual model::Status queue_message(const Message& message) const = 0;
  virtual model::Result<std::vector<Message>> messages() const = 0;
};

// An Outbox whose messages wait in the store (queue_message).
class StoredOutbox final : public Outbox {
 public:
  explicit StoredOutbox(const AccountStore& store) : store_(store) {}
  model::Status send(const Message& message) const override {
    return store_.queue_message(message);
  }

 private:
  const AccountStore& store_;
};

}  // namespace einvoice::accounts
