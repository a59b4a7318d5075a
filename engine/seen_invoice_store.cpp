#include "engine/seen_invoice_store.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>

namespace einvoice::engine {
namespace {

using model::Error;
using model::ErrorCode;

// The store's identity: SQLite's application_id ("EISV") and the schema
// version in user_version. A file without them is not a store of ours (a store
// written before they were set is recognised by its table, then stamped).
constexpr int kApplicationId = 0x45495356;
constexpr int kSchemaVersion = 1;
constexpr const char* kTable = "einvoice_seen_invoice";

constexpr const char* kCreateTable =
    "CREATE TABLE IF NOT EXISTS einvoice_seen_invoice ("
    "  seller TEXT NOT NULL,"
    "  year INTEGER NOT NULL,"
    "  number TEXT NOT NULL,"
    "  document TEXT NOT NULL,"
    "  fingerprint TEXT NOT NULL,"
    "  recorded_at TEXT NOT NULL,"
    "  PRIMARY KEY (seller, year, number));";

// How long a statement waits for another process's lock before failing.
constexpr int kBusyTimeoutMs = 30000;

std::string normalised(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string trimmed(std::string_view text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos)
    return {};
  auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

Error store_error(const std::filesystem::path& path, sqlite3* db, const std::string& doing) {
  std::string why = db ? sqlite3_errmsg(db) : "out of memory";
  return Error{
      ErrorCode::kIo, "seen-invoice store: " + doing + ": " + why, {path.string(), "", 0, 0}};
}

// The key of an invoice, or nullopt when it cannot be told apart.
struct Key {
  std::string seller;
  int year;
  std::string number;
};

std::optional<Key> key_of(const model::Invoice& invoice) {
  std::string seller = seller_key(invoice);
  if (seller.empty() || !invoice.number || !invoice.issue_date)
    return std::nullopt;
  std::string number = trimmed(*invoice.number);
  if (number.empty())
    return std::nullopt;
  return Key{std::move(seller), invoice.issue_date->year, std::move(number)};
}

// A prepared statement, finalised on scope exit.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  explicit operator bool() const { return stmt_ != nullptr; }
  sqlite3_stmt* get() const { return stmt_; }
  void bind(int index, const std::string& text) {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  }
  void bind(int index, int value) { sqlite3_bind_int(stmt_, index, value); }
  std::string column(int index) const {
    const unsigned char* text = sqlite3_column_text(stmt_, index);
    return text ? reinterpret_cast<const char*>(text) : "";
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace

std::string seller_key(const model::Invoice& invoice) {
  const model::Seller& seller = invoice.seller;
  if (seller.vat_identifier && !normalised(*seller.vat_identifier).empty())
    return "VAT:" + normalised(*seller.vat_identifier);
  if (seller.legal_registration_identifier &&
      !normalised(seller.legal_registration_identifier->value).empty()) {
    const auto& id = *seller.legal_registration_identifier;
    return "LEGAL:" + normalised(id.scheme_id.value_or("")) + ":" + normalised(id.value);
  }
  for (const auto& id : seller.identifiers) {
    if (!normalised(id.value).empty())
      return "ID:" + normalised(id.scheme_id.value_or("")) + ":" + normalised(id.value);
  }
  if (seller.name && !normalised(*seller.name).empty())
    return "NAME:" + normalised(*seller.name);
  return {};
}

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xF];
  }
  return out;
}

namespace {

Error system_error(const std::filesystem::path& path, const std::string& doing, int number) {
  return Error{ErrorCode::kIo,
               "seen-invoice store: " + doing + ": " + std::strerror(number),
               {path.string(), "", 0, 0}};
}

Error refusal(const std::filesystem::path& path, const std::string& why) {
  return Error{ErrorCode::kInvalidArgument,
               "seen-invoice store: refused: " + why + " (give a new path or an einvoice store)",
               {path.string(), "", 0, 0}};
}

// The first column of the first row of `sql` as an integer; nullopt on error.
std::optional<long long> query_integer(sqlite3* db, const char* sql) {
  Statement statement(db, sql);
  if (!statement || sqlite3_step(statement.get()) != SQLITE_ROW)
    return std::nullopt;
  return sqlite3_column_int64(statement.get(), 0);
}

// The column names of the store's table, in order ("" when it is absent).
std::string table_columns(sqlite3* db) {
  Statement statement(db, "SELECT name FROM pragma_table_info('einvoice_seen_invoice')");
  std::string columns;
  while (statement && sqlite3_step(statement.get()) == SQLITE_ROW)
    columns += statement.column(0) + ",";
  return columns;
}

constexpr const char* kColumns = "seller,year,number,document,fingerprint,recorded_at,";

bool execute(sqlite3* db, const std::string& sql) {
  return sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
}

// Writes the schema and the identity into the empty database `db`.
bool initialise(sqlite3* db) {
  return execute(db, "PRAGMA journal_mode=WAL") && execute(db, "BEGIN IMMEDIATE") &&
         execute(db, kCreateTable) &&
         execute(db, "PRAGMA application_id=" + std::to_string(kApplicationId)) &&
         execute(db, "PRAGMA user_version=" + std::to_string(kSchemaVersion)) &&
         execute(db, "COMMIT");
}

// Creates a new store at `path` without ever replacing or following anything
// there: the store is built in a temporary file of the same folder (created
// with O_EXCL|O_NOFOLLOW) and linked into place, which fails if `path` has
// appeared meanwhile. Returns false (and no error) when another process won
// the race: the caller then opens what is there.
model::Result<bool> create_store(const std::filesystem::path& path) {
  std::filesystem::path temporary = path;
  temporary += ".tmp-" + std::to_string(::getpid()) + "-" +
               std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) {
    return system_error(path, "cannot create", errno);
  }
  ::close(fd);
  sqlite3* db = nullptr;
  bool built = sqlite3_open_v2(temporary.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW,
                               nullptr) == SQLITE_OK &&
               initialise(db);
  Error error = store_error(path, db, "cannot create");
  sqlite3_close(db);
  bool linked = false;
  int link_errno = 0;
  if (built) {
    linked = ::link(temporary.c_str(), path.c_str()) == 0;
    link_errno = errno;
  }
  std::error_code ignored;
  std::filesystem::remove(temporary, ignored);
  std::filesystem::remove(temporary.string() + "-wal", ignored);
  std::filesystem::remove(temporary.string() + "-shm", ignored);
  if (!built)
    return error;
  if (!linked && link_errno != EEXIST) {
    return system_error(path, "cannot create", link_errno);
  }
  return linked;
}

// Why the open database `db` is not an einvoice store; empty when it is one.
// Stamps a store written before the identity was introduced.
std::string check_identity(sqlite3* db) {
  auto application_id = query_integer(db, "PRAGMA application_id");
  if (!application_id)
    return std::string("not an SQLite database: ") + sqlite3_errmsg(db);
  auto version = query_integer(db, "PRAGMA user_version");
  const std::string columns = table_columns(db);
  if (*application_id == 0 && version == 0 && columns == kColumns) {
    // A store of an earlier einvoice: same table, no identity yet.
    if (!execute(db, "PRAGMA application_id=" + std::to_string(kApplicationId)) ||
        !execute(db, "PRAGMA user_version=" + std::to_string(kSchemaVersion)))
      return std::string("cannot mark the store: ") + sqlite3_errmsg(db);
    return {};
  }
  if (*application_id != kApplicationId)
    return "an SQLite database of another application (application_id " +
           std::to_string(*application_id) + "), not an einvoice store";
  if (version != kSchemaVersion)
    return "an einvoice store of schema version " + std::to_string(version.value_or(-1)) +
           ", this einvoice reads version " + std::to_string(kSchemaVersion);
  if (columns != kColumns)
    return std::string("an einvoice store without its table ") + kTable;
  return {};
}

}  // namespace

model::Result<std::unique_ptr<SeenInvoiceStore>> SeenInvoiceStore::open(
    const std::filesystem::path& path, const env::Clock& clock) {
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0) {
    if (errno != ENOENT) {
      return system_error(path, "cannot open", errno);
    }
    auto created = create_store(path);
    if (!created)
      return created.error();
    if (::lstat(path.c_str(), &info) != 0)
      return refusal(path, "the store vanished while it was being created");
  }
  if (S_ISLNK(info.st_mode))
    return refusal(path, "it is a symbolic link; a store is named by its own path");
  if (!S_ISREG(info.st_mode))
    return refusal(path, "it is not a regular file");
  if (info.st_size == 0)
    return refusal(path, "it is an empty file, not an einvoice store");

  sqlite3* db = nullptr;
  int rc =
      sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, nullptr);
  if (rc != SQLITE_OK) {
    Error error = store_error(path, db, "cannot open");
    sqlite3_close(db);
    return error;
  }
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  const std::string why = check_identity(db);
  if (!why.empty()) {
    sqlite3_close(db);
    return refusal(path, why);
  }
  return std::unique_ptr<SeenInvoiceStore>(new SeenInvoiceStore(db, path, clock));
}

SeenInvoiceStore::~SeenInvoiceStore() {
  sqlite3_close(db_);
}

model::Result<std::optional<SeenInvoice>> SeenInvoiceStore::find_duplicate(
    const model::Invoice& invoice, const std::string& fingerprint) const {
  auto key = key_of(invoice);
  if (!key)
    return std::optional<SeenInvoice>();
  std::lock_guard<std::mutex> lock(mutex_);
  Statement query(db_,
                  "SELECT document, fingerprint, recorded_at FROM einvoice_seen_invoice "
                  "WHERE seller = ?1 AND year = ?2 AND number = ?3");
  if (!query)
    return store_error(path_, db_, "cannot query");
  query.bind(1, key->seller);
  query.bind(2, key->year);
  query.bind(3, key->number);
  int rc = sqlite3_step(query.get());
  if (rc == SQLITE_DONE)
    return std::optional<SeenInvoice>();
  if (rc != SQLITE_ROW)
    return store_error(path_, db_, "cannot query");
  SeenInvoice seen{query.column(0), query.column(1), query.column(2)};
  if (seen.fingerprint == fingerprint)
    return std::optional<SeenInvoice>();
  return std::optional<SeenInvoice>(std::move(seen));
}

model::Result<std::optional<SeenInvoice>> SeenInvoiceStore::claim(const model::Invoice& invoice,
                                                                  const std::string& document,
                                                                  const std::string& fingerprint) {
  auto key = key_of(invoice);
  if (!key)
    return std::optional<SeenInvoice>();
  std::lock_guard<std::mutex> lock(mutex_);
  // BEGIN IMMEDIATE takes the write lock first (waiting up to the busy
  // timeout), so the statement below never meets a stale snapshot.
  if (!execute(db_, "BEGIN IMMEDIATE"))
    return store_error(path_, db_, "cannot record");
  // One statement inserts the key or, when it is already held, leaves the row
  // as it is and returns it: the row returned is the first acceptance.
  Statement claim(db_,
                  "INSERT INTO einvoice_seen_invoice "
                  "(seller, year, number, document, fingerprint, recorded_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                  "ON CONFLICT (seller, year, number) DO UPDATE SET seller = excluded.seller "
                  "RETURNING document, fingerprint, recorded_at");
  std::optional<SeenInvoice> first;
  bool stepped = false;
  if (claim) {
    claim.bind(1, key->seller);
    claim.bind(2, key->year);
    claim.bind(3, key->number);
    claim.bind(4, document);
    claim.bind(5, fingerprint);
    claim.bind(6, env::utc_timestamp(clock_.now()));
    if (sqlite3_step(claim.get()) == SQLITE_ROW) {
      first = SeenInvoice{claim.column(0), claim.column(1), claim.column(2)};
      stepped = sqlite3_step(claim.get()) == SQLITE_DONE;
    }
  }
  if (!stepped || !first) {
    Error error = store_error(path_, db_, "cannot record");
    execute(db_, "ROLLBACK");
    return error;
  }
  sqlite3_reset(claim.get());
  if (!execute(db_, "COMMIT")) {
    Error error = store_error(path_, db_, "cannot record");
    execute(db_, "ROLLBACK");
    return error;
  }
  if (first->fingerprint == fingerprint)
    return std::optional<SeenInvoice>();
  return first;
}

model::Status SeenInvoiceStore::record(const model::Invoice& invoice, const std::string& document,
                                       const std::string& fingerprint) {
  auto claimed = claim(invoice, document, fingerprint);
  if (!claimed)
    return claimed.error();
  return model::Status::Ok();
}

}  // namespace einvoice::engine
