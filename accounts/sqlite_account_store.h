#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <span>
#include <variant>

#include "accounts/account_store.h"

struct sqlite3;

namespace einvoice::accounts {

// One step of the database schema: applied in order, each in its own
// transaction together with the new schema_version.
struct Migration {
  int version;
  const char* description;
  const char* sql;
};

// Every migration, in order; the last one's version is the current schema.
std::span<const Migration> schema_migrations();
int current_schema_version();

// The accounts in one SQLite database (WAL, synchronous=FULL, foreign keys;
// BEGIN IMMEDIATE for every write, so concurrent processes serialise; a busy
// timeout waits for them). Tables and migrations: docs/accounts.md. One
// connection, serialised by a mutex; other processes open their own.
class SqliteAccountStore final : public AccountStore {
 public:
  struct Options {
    // Migrate up to this version only (tests of migrations; a staged
    // upgrade); 0: the current version.
    int schema_version = 0;
  };

  // Opens or creates `path`, and migrates an older schema to the current one
  // (or to options.schema_version). Errors: kIo naming the file;
  // kUnsupported when the database was written by a newer einvoice (its
  // schema_version is above current_schema_version()).
  static model::Result<std::unique_ptr<SqliteAccountStore>> open(const std::filesystem::path& path,
                                                                 Options options);
  static model::Result<std::unique_ptr<SqliteAccountStore>> open(
      const std::filesystem::path& path) {
    return open(path, Options{});
  }
  ~SqliteAccountStore() override;

  // The schema version of the open database.
  model::Result<int> schema_version() const;

  model::Result<AccountId> insert_account(const Account& account,
                                          std::optional<int> mailbox_limit) const override;
  model::Status update_account(const Account& account,
                               std::optional<int> mailbox_limit) const override;
  model::Result<std::optional<Account>> find_account(AccountId id) const override;
  model::Result<std::vector<Account>> list_accounts(const AccountFilter& filter) const override;
  model::Result<int> count_mailbox_secondaries(AccountId main_id) const override;
  model::Result<std::optional<CredentialState>> credential(AccountId id) const override;
  model::Status set_password_hash(AccountId id, std::string_view phc,
                                  std::int64_t now) const override;
  model::Status record_login_failures(AccountId id, int failures, std::int64_t at,
                                      std::int64_t locked_until) const override;
  model::Status insert_link(const RecoveryLink& link) const override;
  model::Result<std::optional<RecoveryLink>> consume_link(std::string_view secret_sha256,
                                                          LinkPurpose purpose,
                                                          std::int64_t now) const override;
  model::Result<std::int64_t> insert_token(const ApiToken& token) const override;
  model::Result<std::optional<ApiToken>> find_token(std::string_view secret_sha256) const override;
  model::Result<std::vector<ApiToken>> list_tokens(AccountId account_id) const override;
  model::Result<bool> revoke_token(std::int64_t token_id, std::int64_t now) const override;
  model::Result<std::vector<CompanyInsert>> insert_companies(
      const std::vector<Company>& companies) const override;
  model::Status update_company(const Company& company) const override;
  model::Result<std::optional<Company>> find_company(CompanyId id) const override;
  model::Result<std::vector<Company>> search_companies(const CompanyFilter& filter) const override;
  model::Result<std::vector<RoleTransition>> change_roles(std::string_view siren,
                                                          const RolePlan& plan,
                                                          std::optional<std::int64_t> consume_code,
                                                          std::int64_t now) const override;
  model::Result<std::vector<RoleGrant>> list_roles(std::string_view siren,
                                                   AccountId account) const override;
  model::Result<std::vector<RoleTransition>> role_transitions(
      std::string_view siren) const override;
  model::Result<std::int64_t> insert_role_code(const RoleCode& code) const override;
  model::Result<std::vector<RoleCode>> role_codes(AccountId account, std::string_view siren,
                                                  std::string_view service) const override;
  model::Status count_wrong_code(AccountId account, std::string_view siren,
                                 std::string_view service, std::int64_t now) const override;
  model::Result<Agreement> insert_agreement(const Agreement& agreement, const AgreementCheck& check,
                                            journal::JournalDraft event) const override;
  model::Result<std::optional<Agreement>> find_agreement(AgreementId id) const override;
  model::Result<std::optional<Agreement>> find_agreement_by_link(
      std::string_view link_sha256) const override;
  model::Result<std::vector<Agreement>> agreements_listing(
      const std::vector<CompanyId>& companies) const override;
  model::Result<Agreement> change_agreement(AgreementId id,
                                            const AgreementPlan& plan) const override;
  model::Status store_certificate(AgreementId id, std::string_view pdf,
                                  const journal::JournalDraft& event) const override;
  model::Result<std::optional<std::string>> certificate(AgreementId id) const override;
  model::Result<std::vector<JournalRow>> journal_rows() const override;
  model::Status queue_message(const Message& message) const override;
  model::Result<std::vector<Message>> messages() const override;

 private:
  class Query;
  class WriteTransaction;
  SqliteAccountStore(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}
  model::Error failure(const std::string& what) const;
  // REQUIRES: mutex_ held.
  model::Status migrate(int target) const;
  model::Result<int> version_locked() const;
  model::Status check_mailbox_limit(const Account& account, std::optional<int> limit) const;
  model::Status write_account(const Account& account, bool insert, AccountId* id) const;
  using SqlValue = std::variant<std::int64_t, std::string>;
  model::Result<std::vector<Account>> select_accounts(const std::string& where,
                                                      const std::vector<SqlValue>& args) const;
  model::Result<std::vector<ApiToken>> select_tokens(const std::string& where,
                                                     const std::vector<SqlValue>& args) const;
  model::Result<std::vector<Company>> select_companies(const std::string& where,
                                                       const std::vector<SqlValue>& args) const;

  // REQUIRES: mutex_ held.
  model::Result<std::vector<RoleGrant>> select_roles(const std::string& where,
                                                     const std::vector<SqlValue>& args) const;
  model::Status write_transition(RoleTransition& transition) const;
  // REQUIRES: mutex_ held.
  model::Result<std::vector<RoleTransition>> select_transitions(std::string_view siren) const;

  // REQUIRES: mutex_ held, inside a write transaction. Appends `draft` after
  // the last journal row (refused when that row does not parse: nothing is
  // chained to a damaged journal).
  model::Status append_journal(journal::JournalDraft draft) const;
  // REQUIRES: as append_journal. One journal entry per role_transitions row
  // (schema step 5).
  model::Status journal_earlier_transitions() const;
  // REQUIRES: mutex_ held.
  model::Result<std::vector<Agreement>> select_agreements(const std::string& where,
                                                          const std::vector<SqlValue>& args) const;
  model::Status write_agreement(const Agreement& agreement) const;

  sqlite3* db_;
  std::filesystem::path path_;
  mutable std::mutex mutex_;
};

}  // namespace einvoice::accounts
