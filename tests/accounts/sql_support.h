#pragma once

// Raw SQL on an accounts database, for tests that write what the store
// never would (old schema rows, tampering).

#include <sqlite3.h>

#include <filesystem>
#include <string>

namespace einvoice::accounts::testing {

// Runs `sql` on the database `db` with a connection of its own; true when
// every statement succeeded.
inline bool run_sql(const std::filesystem::path& db, const std::string& sql) {
  sqlite3* handle = nullptr;
  const bool ok = sqlite3_open(db.c_str(), &handle) == SQLITE_OK &&
                  sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
  sqlite3_close(handle);
  return ok;
}

}  // namespace einvoice::accounts::testing
