#include "engine/seen_invoice_store.h"

#include <openssl/evp.h>
#include <sqlite3.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace einvoice::engine {
namespace {

using model::Error;
using model::ErrorCode;

constexpr const char* kSchema =
    "PRAGMA journal_mode=WAL;"
    "CREATE TABLE IF NOT EXISTS einvoice_seen_invoice ("
    "  seller TEXT NOT NULL,"
    "  year INTEGER NOT NULL,"
    "  number TEXT NOT NULL,"
    "  document TEXT NOT NULL,"
    "  fingerprint TEXT NOT NULL,"
    "  recorded_at TEXT NOT NULL,"
    "  PRIMARY KEY (seller, year, number));";

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

std::string utc_now() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
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

model::Result<std::unique_ptr<SeenInvoiceStore>> SeenInvoiceStore::open(
    const std::filesystem::path& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    Error error = store_error(path, db, "cannot open");
    sqlite3_close(db);
    return error;
  }
  sqlite3_busy_timeout(db, 10000);
  if (sqlite3_exec(db, kSchema, nullptr, nullptr, nullptr) != SQLITE_OK) {
    Error error = store_error(path, db, "cannot prepare the store (is it an einvoice store?)");
    sqlite3_close(db);
    return error;
  }
  return std::unique_ptr<SeenInvoiceStore>(new SeenInvoiceStore(db, path));
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

model::Status SeenInvoiceStore::record(const model::Invoice& invoice, const std::string& document,
                                       const std::string& fingerprint) {
  auto key = key_of(invoice);
  if (!key)
    return model::Status::Ok();
  std::lock_guard<std::mutex> lock(mutex_);
  Statement insert(db_,
                   "INSERT OR IGNORE INTO einvoice_seen_invoice "
                   "(seller, year, number, document, fingerprint, recorded_at) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (!insert)
    return store_error(path_, db_, "cannot record");
  insert.bind(1, key->seller);
  insert.bind(2, key->year);
  insert.bind(3, key->number);
  insert.bind(4, document);
  insert.bind(5, fingerprint);
  insert.bind(6, utc_now());
  if (sqlite3_step(insert.get()) != SQLITE_DONE)
    return store_error(path_, db_, "cannot record");
  return model::Status::Ok();
}

}  // namespace einvoice::engine
