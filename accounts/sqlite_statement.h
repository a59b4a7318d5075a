#pragma once

// SqliteAccountStore's statement and transaction helpers, shared by the
// files implementing it (sqlite_account_store.cpp, sqlite_role_store.cpp);
// nothing else includes this.

#include <sqlite3.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/sqlite_account_store.h"

namespace einvoice::accounts {

// A prepared statement with positional arguments; finalised on destruction.
class SqliteAccountStore::Query {
 public:
  Query(sqlite3* db, const std::string& sql, const std::vector<SqlValue>& args = {}) {
    ok_ = sqlite3_prepare_v2(db, sql.c_str(), -1, &statement_, nullptr) == SQLITE_OK;
    bind(args);
  }
  ~Query() { sqlite3_finalize(statement_); }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  bool ok() const { return ok_; }
  // Binds `args` to ?1.., after a reset when the statement ran before.
  void bind(const std::vector<SqlValue>& args) {
    if (!ok_)
      return;
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
    int index = 1;
    for (const auto& arg : args) {
      if (const auto* number = std::get_if<std::int64_t>(&arg))
        sqlite3_bind_int64(statement_, index++, *number);
      else {
        const auto& text = std::get<std::string>(arg);
        sqlite3_bind_text(statement_, index++, text.data(), static_cast<int>(text.size()),
                          SQLITE_TRANSIENT);
      }
    }
  }
  void bind_null(int index) { sqlite3_bind_null(statement_, index); }
  void bind_blob(int index, std::string_view bytes) {
    sqlite3_bind_blob64(statement_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  }
  int step() { return ok_ ? sqlite3_step(statement_) : SQLITE_ERROR; }
  // Runs a statement that returns no rows.
  bool run() { return step() == SQLITE_DONE; }
  std::string text(int column) const {
    const auto* bytes = sqlite3_column_text(statement_, column);
    return bytes ? std::string(reinterpret_cast<const char*>(bytes),
                               static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)))
                 : std::string();
  }
  std::string blob(int column) const {
    const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement_, column));
    return bytes ? std::string(bytes,
                               static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)))
                 : std::string();
  }
  std::int64_t number(int column) const { return sqlite3_column_int64(statement_, column); }
  bool is_null(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }
  std::optional<std::int64_t> optional_number(int column) const {
    return is_null(column) ? std::nullopt : std::optional<std::int64_t>(number(column));
  }

 private:
  sqlite3_stmt* statement_ = nullptr;
  bool ok_ = false;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back unless committed.
class SqliteAccountStore::WriteTransaction {
 public:
  explicit WriteTransaction(sqlite3* db) : db_(db) {
    began_ = sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
  }
  ~WriteTransaction() {
    if (began_ && !committed_)
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  bool began() const { return began_; }
  bool commit() {
    committed_ = sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
    return committed_;
  }

 private:
  sqlite3* db_;
  bool began_ = false;
  bool committed_ = false;
};

}  // namespace einvoice::accounts
