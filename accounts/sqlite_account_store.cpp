#include "accounts/sqlite_account_store.h"

#include <sqlite3.h>

#include <array>
#include <chrono>
#include <thread>

#include "accounts/sqlite_statement.h"

namespace einvoice::accounts {
namespace {

using model::Error;
using model::ErrorCode;

// The schema, one step per version. A released step never changes: a new
// column or table is a new step (docs/accounts.md lists them).
constexpr std::array<Migration, 5> kMigrations{{
    {1, "accounts and companies", R"sql(
CREATE TABLE accounts(
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK(kind IN ('main', 'secondary')),
  main_id INTEGER REFERENCES accounts(id), name TEXT NOT NULL, profile TEXT NOT NULL,
  siret TEXT NOT NULL, email TEXT NOT NULL, responsible TEXT NOT NULL, address TEXT NOT NULL,
  max_secondary INTEGER NOT NULL, services TEXT NOT NULL, autonomous INTEGER NOT NULL,
  mailbox INTEGER NOT NULL, active INTEGER NOT NULL, created_at INTEGER NOT NULL,
  CHECK((kind = 'main') = (main_id IS NULL)));
CREATE INDEX accounts_by_main ON accounts(main_id);
CREATE TABLE companies(
  id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts(id),
  identifier_type TEXT NOT NULL CHECK(identifier_type IN ('SIREN', 'SIRET')),
  identifier TEXT NOT NULL UNIQUE, name TEXT NOT NULL, employees TEXT NOT NULL,
  purchase INTEGER NOT NULL, payment INTEGER NOT NULL, sales INTEGER NOT NULL,
  duplicates INTEGER NOT NULL, created_at INTEGER NOT NULL);
CREATE INDEX companies_by_account ON companies(account_id);
)sql"},
    {2, "passwords, failed logins, recovery links", R"sql(
ALTER TABLE accounts ADD COLUMN password_reset_required INTEGER NOT NULL DEFAULT 0;
CREATE TABLE credentials(
  account_id INTEGER PRIMARY KEY REFERENCES accounts(id), password_hash TEXT NOT NULL,
  changed_at INTEGER NOT NULL, failures INTEGER NOT NULL DEFAULT 0,
  last_failure_at INTEGER NOT NULL DEFAULT 0, locked_until INTEGER NOT NULL DEFAULT 0);
CREATE TABLE recovery_links(
  secret_sha256 TEXT PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts(id),
  purpose TEXT NOT NULL CHECK(purpose IN ('password', 'identifier')),
  created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, used_at INTEGER);
)sql"},
    {3, "API tokens, outbox", R"sql(
CREATE TABLE api_tokens(
  id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts(id),
  label TEXT NOT NULL, secret_sha256 TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL, revoked_at INTEGER);
CREATE INDEX api_tokens_by_account ON api_tokens(account_id);
CREATE TABLE outbox(
  id INTEGER PRIMARY KEY, created_at INTEGER NOT NULL, recipient TEXT NOT NULL,
  subject TEXT NOT NULL, body TEXT NOT NULL);
)sql"},
    {4, "roles per (SIREN, service), their transitions, adhesion and substitution codes", R"sql(
CREATE TABLE role_grants(
  account_id INTEGER NOT NULL REFERENCES accounts(id), siren TEXT NOT NULL,
  service TEXT NOT NULL,
  role TEXT NOT NULL CHECK(role IN ('AT', 'AS', 'acteur-delegue', 'acteur')),
  state TEXT NOT NULL CHECK(state IN ('active', 'standby')), changed_at INTEGER NOT NULL,
  PRIMARY KEY(account_id, siren, service));
CREATE UNIQUE INDEX role_grants_one_at ON role_grants(siren, service) WHERE role = 'AT';
CREATE UNIQUE INDEX role_grants_one_as ON role_grants(siren, service) WHERE role = 'AS';
CREATE INDEX role_grants_by_siren ON role_grants(siren, service);
CREATE TABLE role_transitions(
  id INTEGER PRIMARY KEY, siren TEXT NOT NULL, service TEXT NOT NULL,
  account_id INTEGER NOT NULL REFERENCES accounts(id), by_account INTEGER REFERENCES accounts(id),
  event TEXT NOT NULL, role_before TEXT, state_before TEXT, role_after TEXT, state_after TEXT,
  at INTEGER NOT NULL);
CREATE INDEX role_transitions_by_siren ON role_transitions(siren);
CREATE TABLE role_codes(
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK(kind IN ('adhesion', 'substitution')),
  account_id INTEGER NOT NULL REFERENCES accounts(id), siren TEXT NOT NULL,
  service TEXT NOT NULL, code_sha256 TEXT NOT NULL, created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL, used_at INTEGER);
CREATE INDEX role_codes_by_requester ON role_codes(account_id, siren, service);
)sql"},
    {5,
     "the hash-chained journal, formal agreements (enrolment), company address and VAT, "
     "wrong role codes counted",
     R"sql(
ALTER TABLE companies ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE companies ADD COLUMN vat_subject INTEGER NOT NULL DEFAULT 1;
ALTER TABLE role_codes ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
CREATE TABLE journal(seq INTEGER PRIMARY KEY, line TEXT NOT NULL);
CREATE TABLE agreements(
  id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts(id),
  bulk INTEGER NOT NULL, stage TEXT NOT NULL, authority TEXT NOT NULL,
  signer_first_name TEXT NOT NULL, signer_last_name TEXT NOT NULL,
  signer_function TEXT NOT NULL, signer_email TEXT NOT NULL,
  link_sha256 TEXT NOT NULL, link_expires_at INTEGER NOT NULL,
  code_sha256 TEXT NOT NULL, code_sent_at INTEGER NOT NULL, code_expires_at INTEGER NOT NULL,
  code_tries INTEGER NOT NULL, codes_sent INTEGER NOT NULL, created_at INTEGER NOT NULL,
  signed_at INTEGER NOT NULL, certificate_sha256 TEXT NOT NULL, certificate BLOB);
CREATE INDEX agreements_by_link ON agreements(link_sha256) WHERE link_sha256 <> '';
CREATE TABLE agreement_companies(
  agreement_id INTEGER NOT NULL REFERENCES agreements(id),
  company_id INTEGER NOT NULL REFERENCES companies(id), position INTEGER NOT NULL,
  identifier_type TEXT NOT NULL, identifier TEXT NOT NULL, name TEXT NOT NULL,
  address TEXT NOT NULL, PRIMARY KEY(agreement_id, company_id));
CREATE INDEX agreement_companies_by_company ON agreement_companies(company_id);
)sql"},
}};

constexpr const char* kAccountColumns =
    "a.id, a.kind, a.main_id, a.name, COALESCE(m.name, ''), a.profile, a.siret, a.email, "
    "a.responsible, a.address, a.max_secondary, a.services, a.autonomous, a.mailbox, a.active, "
    "a.password_reset_required, a.created_at";
constexpr const char* kCompanyColumns =
    "id, account_id, identifier_type, identifier, name, employees, purchase, payment, sales, "
    "duplicates, created_at, address, vat_subject";

// The schema step that adds the journal.
constexpr int kJournalVersion = 5;

// Waits for another process's write transaction, 1 ms at a time, for at
// most a minute.
int wait_for_lock(void*, int attempts) {
  if (attempts >= 60000)
    return 0;
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return 1;
}

}  // namespace

std::span<const Migration> schema_migrations() {
  return kMigrations;
}

int current_schema_version() {
  return kMigrations.back().version;
}

const char* to_string(LinkPurpose purpose) {
  return purpose == LinkPurpose::kPassword ? "password" : "identifier";
}

model::Result<std::unique_ptr<SqliteAccountStore>> SqliteAccountStore::open(
    const std::filesystem::path& path, Options options) {
  const int target =
      options.schema_version == 0 ? current_schema_version() : options.schema_version;
  if (target < 1 || target > current_schema_version())
    return Error{ErrorCode::kInvalidArgument,
                 "no accounts schema version " + std::to_string(target),
                 {path.string(), "", 0, 0}};
  sqlite3* db = nullptr;
  const int flags =
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_FULLMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Error{
        ErrorCode::kIo, "cannot open the accounts database: " + message, {path.string(), "", 0, 0}};
  }
  std::unique_ptr<SqliteAccountStore> store(new SqliteAccountStore(db, path));
  sqlite3_busy_handler(db, wait_for_lock, nullptr);
  for (const char* pragma :
       {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
    if (sqlite3_exec(db, pragma, nullptr, nullptr, nullptr) != SQLITE_OK)
      return store->failure(std::string("cannot open the accounts database (") + pragma + ")");
  }
  std::lock_guard<std::mutex> lock(store->mutex_);
  if (auto migrated = store->migrate(target); !migrated)
    return migrated.error();
  return store;
}

SqliteAccountStore::~SqliteAccountStore() {
  sqlite3_close(db_);
}

Error SqliteAccountStore::failure(const std::string& what) const {
  return Error{ErrorCode::kIo, what + ": " + sqlite3_errmsg(db_), {path_.string(), "", 0, 0}};
}

model::Result<int> SqliteAccountStore::version_locked() const {
  Query select(db_, "SELECT version FROM schema_version");
  const int rc = select.step();
  if (rc == SQLITE_ROW)
    return static_cast<int>(select.number(0));
  if (rc == SQLITE_DONE)
    return 0;
  return failure("cannot read the schema version");
}

model::Result<int> SqliteAccountStore::schema_version() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return version_locked();
}

model::Status SqliteAccountStore::migrate(int target) const {
  for (const auto& step : kMigrations) {
    // Each step re-reads the version inside its transaction: of two
    // processes opening an old database at once, one migrates, the other
    // finds it done.
    WriteTransaction transaction(db_);
    if (!transaction.began())
      return failure("cannot open the accounts database");
    if (sqlite3_exec(db_, "CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)",
                     nullptr, nullptr, nullptr) != SQLITE_OK)
      return failure("cannot open the accounts database");
    auto version = version_locked();
    if (!version)
      return version.error();
    if (*version > current_schema_version())
      return Error{ErrorCode::kUnsupported,
                   "the accounts database has schema version " + std::to_string(*version) +
                       ", written by a newer einvoice; this one knows versions up to " +
                       std::to_string(current_schema_version()) + ": use a newer einvoice",
                   {path_.string(), "", 0, 0}};
    if (*version >= step.version || step.version > target)
      continue;
    if (*version != step.version - 1)
      return Error{ErrorCode::kMalformed,
                   "the accounts database has schema version " + std::to_string(*version) +
                       " but no step " + std::to_string(step.version - 1) + " was recorded",
                   {path_.string(), "", 0, 0}};
    if (sqlite3_exec(db_, step.sql, nullptr, nullptr, nullptr) != SQLITE_OK)
      return failure("cannot migrate the accounts database to version " +
                     std::to_string(step.version) + " (" + step.description + ")");
    // The journal starts with the transitions recorded before it existed.
    if (step.version == kJournalVersion) {
      if (auto chained = journal_earlier_transitions(); !chained)
        return chained.error();
    }
    Query write(db_,
                *version == 0 ? "INSERT INTO schema_version(version) VALUES(?1)"
                              : "UPDATE schema_version SET version = ?1",
                {std::int64_t{step.version}});
    if (!write.run() || !transaction.commit())
      return failure("cannot record schema version " + std::to_string(step.version));
  }
  return model::Status::Ok();
}

model::Status SqliteAccountStore::check_mailbox_limit(const Account& account,
                                                      std::optional<int> limit) const {
  if (!limit || account.kind != AccountKind::kSecondary || !account.mailbox || !account.main_id)
    return model::Status::Ok();
  Query count(db_, "SELECT COUNT(*) FROM accounts WHERE main_id = ?1 AND mailbox = 1 AND id != ?2",
              {*account.main_id, account.id});
  if (count.step() != SQLITE_ROW)
    return failure("cannot count secondary accounts");
  const std::int64_t with_mailbox = count.number(0);
  if (with_mailbox >= *limit)
    return Error{ErrorCode::kInvalid,
                 "ACC-LIMIT: main account " + std::to_string(*account.main_id) + " may have " +
                     std::to_string(*limit) + " secondary accounts with a mailbox and has " +
                     std::to_string(with_mailbox) +
                     " (secondary accounts without a mailbox are not counted)",
                 {}};
  return model::Status::Ok();
}

model::Status SqliteAccountStore::write_account(const Account& a, bool insert,
                                                AccountId* id) const {
  const std::string sql =
      insert ? "INSERT INTO accounts(kind, main_id, name, profile, siret, email, responsible, "
               "address, max_secondary, services, autonomous, mailbox, active, "
               "password_reset_required, created_at) "
               "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
             : "UPDATE accounts SET kind = ?1, main_id = ?2, name = ?3, profile = ?4, siret = ?5, "
               "email = ?6, responsible = ?7, address = ?8, max_secondary = ?9, services = ?10, "
               "autonomous = ?11, mailbox = ?12, active = ?13, password_reset_required = ?14, "
               "created_at = ?15 WHERE id = ?16";
  Query write(
      db_, sql,
      {std::string(to_string(a.kind)), a.main_id.value_or(0), a.name, a.profile, a.siret, a.email,
       a.responsible, a.address, std::int64_t{a.max_secondary}, format_services(a.services),
       std::int64_t{a.autonomous}, std::int64_t{a.mailbox}, std::int64_t{a.active},
       std::int64_t{a.password_reset_required}, a.created_at, a.id});
  if (!a.main_id)
    write.bind_null(2);
  if (!write.run())
    return failure("cannot store account " + a.name);
  if (id)
    *id = sqlite3_last_insert_rowid(db_);
  return model::Status::Ok();
}

model::Result<AccountId> SqliteAccountStore::insert_account(
    const Account& account, std::optional<int> mailbox_limit) const {
  std::lock_guard<std::mutex> lock(mutex_);
  WriteTransaction transaction(db_);
  if (!transaction.began())
    return failure("cannot start a transaction");
  if (auto allowed = check_mailbox_limit(account, mailbox_limit); !allowed)
    return allowed.error();
  AccountId id = 0;
  if (auto written = write_account(account, true, &id); !written)
    return written.error();
  if (!transaction.commit())
    return failure("cannot commit account " + account.name);
  return id;
}

model::Status SqliteAccountStore::update_account(const Account& account,
                                                 std::optional<int> mailbox_limit) const {
  std::lock_guard<std::mutex> lock(mutex_);
  WriteTransaction transaction(db_);
  if (!transaction.began())
    return failure("cannot start a transaction");
  if (auto allowed = check_mailbox_limit(account, mailbox_limit); !allowed)
    return allowed;
  if (auto written = write_account(account, false, nullptr); !written)
    return written;
  if (!transaction.commit())
    return failure("cannot commit account " + account.name);
  return model::Status::Ok();
}

model::Result<std::vector<Account>> SqliteAccountStore::select_accounts(
    const std::string& where, const std::vector<SqlValue>& args) const {
  Query select(db_,
               std::string("SELECT ") + kAccountColumns +
                   " FROM accounts a LEFT JOIN accounts m ON m.id = a.main_id WHERE " + where +
                   " ORDER BY a.id",
               args);
  std::vector<Account> accounts;
  int rc = SQLITE_ERROR;
  while ((rc = select.step()) == SQLITE_ROW) {
    Account a;
    a.id = select.number(0);
    a.kind = select.text(1) == "main" ? AccountKind::kMain : AccountKind::kSecondary;
    a.main_id = select.optional_number(2);
    a.name = select.text(3);
    a.main_name = select.text(4);
    a.profile = select.text(5);
    a.siret = select.text(6);
    a.email = select.text(7);
    a.responsible = select.text(8);
    a.address = select.text(9);
    a.max_secondary = static_cast<int>(select.number(10));
    auto services = parse_services(select.text(11));
    if (!services)
      return Error{ErrorCode::kMalformed,
                   "account " + std::to_string(a.id) + ": " + services.error().message,
                   {path_.string(), "", 0, 0}};
    a.services = std::move(*services);
    a.autonomous = select.number(12) != 0;
    a.mailbox = select.number(13) != 0;
    a.active = select.number(14) != 0;
    a.password_reset_required = select.number(15) != 0;
    a.created_at = select.number(16);
    accounts.push_back(std::move(a));
  }
  if (rc != SQLITE_DONE)
    return failure("cannot read accounts");
  return accounts;
}

model::Result<std::optional<Account>> SqliteAccountStore::find_account(AccountId id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = select_accounts("a.id = ?1", {id});
  if (!found)
    return found.error();
  if (found->empty())
    return std::optional<Account>();
  return std::optional<Account>(std::move(found->front()));
}

model::Result<std::vector<Account>> SqliteAccountStore::list_accounts(
    const AccountFilter& filter) const {
  std::string where = "1";
  std::vector<SqlValue> args;
  auto add = [&](const std::string& condition, SqlValue value) {
    args.push_back(std::move(value));
    where += " AND " + condition + std::to_string(args.size());
  };
  if (filter.kind)
    add("a.kind = ?", std::string(to_string(*filter.kind)));
  if (filter.main_id)
    add("a.main_id = ?", *filter.main_id);
  if (filter.active)
    add("a.active = ?", std::int64_t{*filter.active});
  if (filter.mailbox)
    add("a.mailbox = ?", std::int64_t{*filter.mailbox});
  if (!filter.siret.empty())
    add("a.siret = ?", filter.siret);
  if (!filter.name_contains.empty()) {
    args.push_back(filter.name_contains);
    where += " AND instr(lower(a.name), lower(?" + std::to_string(args.size()) + ")) > 0";
  }
  std::lock_guard<std::mutex> lock(mutex_);
  return select_accounts(where, args);
}

model::Result<int> SqliteAccountStore::count_mailbox_secondaries(AccountId main_id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  Query count(db_, "SELECT COUNT(*) FROM accounts WHERE main_id = ?1 AND mailbox = 1", {main_id});
  if (count.step() != SQLITE_ROW)
    return failure("cannot count secondary accounts");
  return static_cast<int>(count.number(0));
}

model::Result<std::optional<CredentialState>> SqliteAccountStore::credential(AccountId id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  Query select(db_,
               "SELECT password_hash, changed_at, failures, last_failure_at, locked_until "
               "FROM credentials WHERE account_id = ?1",
               {id});
  const int rc = select.step();
  if (rc == SQLITE_DONE)
    return std::optional<CredentialState>();
  if (rc != SQLITE_ROW)
    return failure("cannot read credentials");
  return std::optional<CredentialState>(CredentialState{select.text(0), select.number(1),
                                                        static_cast<int>(select.number(2)),
                                                        select.number(3), select.number(4)});
}

model::Status SqliteAccountStore::set_password_hash(AccountId id, std::string_view phc,
                                                    std::int64_t now) const {
  std::lock_guard<std::mutex> lock(mutex_);
  WriteTransaction transaction(db_);
  if (!transaction.began())
    return failure("cannot start a transaction");
  Query upsert(db_,
               "INSERT INTO credentials(account_id, password_hash, changed_at) VALUES(?1, ?2, ?3) "
               "ON CONFLICT(account_id) DO UPDATE SET password_hash = ?2, changed_at = ?3, "
               "failures = 0, last_failure_at = 0, locked_until = 0",
               {id, std::string(phc), now});
  Query clear(db_, "UPDATE accounts SET password_reset_required = 0 WHERE id = ?1", {id});
  if (!upsert.run() || !clear.run() || !transaction.commit())
    return failure("cannot store the password of account " + std::to_string(id));
  return model::Status::Ok();
}

model::Status SqliteAccountStore::record_login_failures(AccountId id, int failures, std::int64_t at,
                                                        std::int64_t locked_until) const {
  std::lock_guard<std::mutex> lock(mutex_);
  Query update(db_,
               "UPDATE credentials SET failures = ?2, last_failure_at = ?3, locked_until = ?4 "
               "WHERE account_id = ?1",
               {id, std::int64_t{failures}, at, locked_until});
  if (!update.run())
    return failure("cannot record a login of account " + std::to_string(id));
  return model::Status::Ok();
}

model::Status SqliteAccountStore::insert_link(const RecoveryLink& link) const {
  std::lock_guard<std::mutex> lock(mutex_);
  Query insert(db_,
               "INSERT INTO recovery_links(secret_sha256, account_id, purpose, created_at, "
               "expires_at) VALUES(?1, ?2, ?3, ?4, ?5)",
               {link.secret_sha256, link.account_id, std::string(to_string(link.purpose)),
                link.created_at, link.expires_at});
  if (!insert.run())
    return failure("cannot store a recovery link");
  return model::Status::Ok();
}

model::Result<std::optional<RecoveryLink>> SqliteAccountStore::consume_link(
    std::string_view secret_sha256, LinkPurpose purpose, std::int64_t now) const {
  std::lock_guard<std::mutex> lock(mutex_);
  WriteTransaction transaction(db_);
  if (!transaction.began())
    return failure("cannot start a transaction");
  Query select(db_,
               "SELECT account_id, purpose, created_at, expires_at, used_at FROM recovery_links "
               "WHERE secret_sha256 = ?1 AND purpose = ?2",
               {std::string(secret_sha256), std::string(to_string(purpose))});
  const int rc = select.step();
  if (rc == SQLITE_DONE)
    return std::optional<RecoveryLink>();
  if (rc != SQLITE_ROW)
    return failure("cannot read recovery links");
  RecoveryLink link{
      std::string(secret_sha256),
      select.number(0),
      select.text(1) == "password" ? LinkPurpose::kPassword : LinkPurpose::kIdentifier,
      select.number(2),
      select.number(3),
      select.optional_number(4)};
  if (!link.used_at) {
    Query use(db_, "UPDATE recovery_links SET used_at = ?2 WHERE secret_sha256 = ?1",
              {std::string(secret_sha256), now});
    if (!use.run() || !transaction.commit())
      return failure("cannot use a recovery link");
  }
  return std::optional<RecoveryLink>(std::move(link));
}

model::Result<std::int64_t> SqliteAccountStore::insert_token(const ApiToken& token) const {
  std::lock_guard<std::mutex> lock(mutex_);
  Query insert(
      db_,
      "INSERT INTO api_tokens(account_id, label, secret_sha256, created_at, expires_at) "
      "VALUES(?1, ?2, ?3, ?4, ?5)",
      {token.account_id, token.label, token.secret_sha256, token.created_at, token.expires_at});
  if (!insert.run())
    return failure("cannot store an API token");
  return sqlite3_last_insert_rowid(db_);
}

model::Result<std::vector<ApiToken>> SqliteAccountStore::select_tokens(
    const std::string& where, const std::vector<SqlValue>& args) const {
  Query select(db_,
               "SELECT id, account_id, label, secret_sha256, created_at, expires_at, revoked_at "
               "FROM api_tokens WHERE " +
                   where + " ORDER BY id",
               args);
  std::vector<ApiToken> found;
  int rc = SQLITE_ERROR;
  while ((rc = select.step()) == SQLITE_ROW)
    found.push_back({select.number(0), select.number(1), select.text(2), select.text(3),
                     select.number(4), select.number(5), select.optional_number(6)});
  if (rc != SQLITE_DONE)
    return failure("cannot read API tokens");
  return found;
}

model::Result<std::optional<ApiToken>> SqliteAccountStore::find_token(
    std::string_view secret_sha256) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = select_tokens("secret_sha256 = ?1", {std::string(secret_sha256)});
  if (!found)
    return found.error();
  if (found->empty())
    return std::optional<ApiToken>();
  return std::optional<ApiToken>(found->front());
}

model::Result<std::vector<ApiToken>> SqliteAccountStore::list_tokens(AccountId account_id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return select_tokens("account_id = ?1", {account_id});
}

model::Result<bool> SqliteAccountStore::revoke_token(std::int64_t token_id,
                                                     std::int64_t now) const {
  std::lock_guard<std::mutex> lock(mutex_);
  Query update(db_, "UPDATE api_tokens SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL",
               {token_id, now});
  if (!update.run())
    return failure("cannot revoke API token " + std::to_string(token_id));
  return sqlite3_changes(db_) > 0;
}

model::Result<std::vector<CompanyInsert>> SqliteAccountStore::insert_companies(
    const std::vector<Company>& companies) const {
  std::lock_guard<std::mutex> lock(mutex_);
  WriteTransaction transaction(db_);
  if (!transaction.began())
    return failure("cannot start a transaction");
  Query insert(db_,
               "INSERT INTO companies(account_id, identifier_type, identifier, name, employees, "
               "purchase, payment, sales, duplicates, created_at, address, vat_subject) "
               "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  Query holder(db_, "SELECT account_id FROM companies WHERE identifier = ?1");
  if (!insert.ok() || !holder.ok())
    return failure("cannot store companies");
  std::vector<CompanyInsert> outcomes;
  outcomes.reserve(companies.size());
  for (const auto& c : companies) {
    insert.bind({c.account_id, std::string(to_string(c.identifier_type)), c.identifier, c.name,
                 std::string(to_string(c.employees)), std::int64_t{c.options.purchase},
                 std::int64_t{c.options.payment}, std::int64_t{c.options.sales},
                 std::int64_t{c.options.duplicates}, c.created_at, c.address,
                 std::int64_t{c.vat_subject}});
    if (insert.step() == SQLITE_DONE) {
      outcomes.push_back({sqlite3_last_insert_rowid(db_), std::nullopt});
      continue;
    }
    if (sqlite3_extended_errcode(db_) != SQLITE_CONSTRAINT_UNIQUE)
      return failure("cannot store company " + c.identifier);
    holder.bind({c.identifier});
    if (holder.step() != SQLITE_ROW)
      return failure("cannot store company " + c.identifier);
    outcomes.push_back({0, holder.number(0)});
  }
  if (!transaction.commit())
    return failure("cannot commit companies");
  return outcomes;
}

model::Status SqliteAccountStore::update_company(const Company& c) const {
  std::lock_guard<std::mutex> lock(mutex_);
  Query update(db_,
               "UPDATE companies SET name = ?2, employees = ?3, purchase = ?4, payment = ?5, "
               "sales = ?6, duplicates = ?7, address = ?8, vat_subject = ?9 WHERE id = ?1",
               {c.id, c.name, std::string(to_string(c.employees)), std::int64_t{c.options.purchase},
                std::int64_t{c.options.payment}, std::int64_t{c.options.sales},
                std::int64_t{c.options.duplicates}, c.address, std::int64_t{c.vat_subject}});
  if (!update.run())
    return failure("cannot store company " + c.identifier);
  return model::Status::Ok();
}

model::Result<std::vector<Company>> SqliteAccountStore::select_companies(
    const std::string& where, const std::vector<SqlValue>& args) const {
  Query select(
      db_,
      std::string("SELECT ") + kCompanyColumns + " FROM companies WHERE " + where + " ORDER BY id",
      args);
  std::vector<Company> companies;
  int rc = SQLITE_ERROR;
  while ((rc = select.step()) == SQLITE_ROW) {
    Company c;
    c.id = select.number(0);
    c.account_id = select.number(1);
    const auto type = parse_identifier_type(select.text(2));
    const auto employees = parse_employee_bracket(select.text(5));
    if (!type || !employees)
      return Error{ErrorCode::kMalformed,
                   "company " + std::to_string(c.id) +
                       " has an unknown identifier type or "
                       "employee bracket",
                   {path_.string(), "", 0, 0}};
    c.identifier_type = *type;
    c.identifier = select.text(3);
    c.name = select.text(4);
    c.employees = *employees;
    c.options = {select.number(6) != 0, select.number(7) != 0, select.number(8) != 0,
                 select.number(9) != 0};
    c.created_at = select.number(10);
    c.address = select.text(11);
    c.vat_subject = select.number(12) != 0;
    companies.push_back(std::move(c));
  }
  if (rc != SQLITE_DONE)
    return failure("cannot read companies");
  return companies;
}

model::Result<std::optional<Company>> SqliteAccountStore::find_company(CompanyId id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = select_companies("id = ?1", {id});
  if (!found)
    return found.error();
  if (found->empty())
    return std::optional<Company>();
  return std::optional<Company>(std::move(found->front()));
}

model::Result<std::vector<Company>> SqliteAccountStore::search_companies(
    const CompanyFilter& filter) const {
  std::string where = "1";
  std::vector<SqlValue> args;
  if (!filter.account_ids.empty()) {
    where += " AND account_id IN (";
    for (std::size_t i = 0; i < filter.account_ids.size(); ++i) {
      args.push_back(filter.account_ids[i]);
      where += (i ? ", ?" : "?") + std::to_string(args.size());
    }
    where += ")";
  }
  if (!filter.identifier_prefix.empty()) {
    args.push_back(filter.identifier_prefix);
    const std::string n = std::to_string(args.size());
    where += " AND substr(identifier, 1, length(?" + n + ")) = ?" + n;
  }
  if (!filter.name_contains.empty()) {
    args.push_back(filter.name_contains);
    where += " AND instr(lower(name), lower(?" + std::to_string(args.size()) + ")) > 0";
  }
  std::lock_guard<std::mutex> lock(mutex_);
  return select_companies(where, args);
}

model::Status SqliteAccountStore::queue_message(const Message& message) const {
  std::lock_guard<std::mutex> lock(mutex_);
  Query insert(db_,
               "INSERT INTO outbox(created_at, recipient, subject, body) VALUES(?1, ?2, ?3, ?4)",
               {message.created_at, message.recipient, message.subject, message.body});
  if (!insert.run())
    return failure("cannot queue a message to " + message.recipient);
  return model::Status::Ok();
}

model::Result<std::vector<Message>> SqliteAccountStore::messages() const {
  std::lock_guard<std::mutex> lock(mutex_);
  Query select(db_, "SELECT recipient, subject, body, created_at FROM outbox ORDER BY id");
  std::vector<Message> found;
  int rc = SQLITE_ERROR;
  while ((rc = select.step()) == SQLITE_ROW)
    found.push_back({select.text(0), select.text(1), select.text(2), select.number(3)});
  if (rc != SQLITE_DONE)
    return failure("cannot read the outbox");
  return found;
}

}  // namespace einvoice::accounts
