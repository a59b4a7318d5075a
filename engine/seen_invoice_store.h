#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "env/env.h"
#include "model/invoice.h"
#include "model/result.h"

struct sqlite3;

namespace einvoice::engine {

// Who issued an invoice, for duplicate control: the seller's VAT identifier
// (BT-31), else its legal registration identifier with scheme (BT-30), else
// its first identifier (BT-29), else its name (BT-27), normalised (no spaces,
// upper case). Empty when the invoice names no seller at all.
std::string seller_key(const model::Invoice& invoice);

// The first acceptance of an invoice number, as the store remembers it.
struct SeenInvoice {
  std::string document;     // name of the document accepted first
  std::string fingerprint;  // SHA-256 (hex) of its bytes
  std::string recorded_at;  // UTC, ISO 8601
};

// The "duplicate control" option: remembers every accepted invoice by
// (seller, year of issue, number) in a small SQLite file, so that the same
// number from the same seller in the same year is refused the second time.
// Submitting the very same document again (same fingerprint) is not a
// duplicate: re-running a batch is safe.
//
// Thread-safe: one connection, serialised by a mutex; the file may be shared
// by several processes (SQLite locking, WAL journal, busy timeout): claim()
// checks and records in one statement of one write transaction, so of two
// processes submitting the same key at once exactly one is the first.
//
// The file carries an identity (SQLite application_id and user_version, and
// its table), so that nothing else is ever taken for a store; the format is
// described in docs/seen-store.md.
class SeenInvoiceStore {
 public:
  // Opens the store at `path`, or creates it when nothing exists there.
  // Refuses (kInvalidArgument, naming the path and why) a symbolic link
  // (dangling or not), anything but a regular file, an empty file, a file
  // that is not SQLite, an SQLite database of another application or of
  // another schema version. kIo when the file cannot be opened or created.
  // Acceptance times (recorded_at) are read from `clock`, which must outlive
  // the store.
  static model::Result<std::unique_ptr<SeenInvoiceStore>> open(
      const std::filesystem::path& path, const env::Clock& clock = env::system_env().clock);
  ~SeenInvoiceStore();
  SeenInvoiceStore(const SeenInvoiceStore&) = delete;
  SeenInvoiceStore& operator=(const SeenInvoiceStore&) = delete;

  // The earlier acceptance of the same (seller, year, number) with another
  // fingerprint, if any. nullopt also when the invoice lacks a number, an
  // issue date or a seller (other rules report those).
  model::Result<std::optional<SeenInvoice>> find_duplicate(const model::Invoice& invoice,
                                                           const std::string& fingerprint) const;
  // Check and record in one transaction: records the invoice as accepted
  // when its (seller, year, number) is new and returns nullopt; when the key
  // is already held, changes nothing and returns the earlier acceptance if
  // its fingerprint differs (a duplicate), nullopt if it is the same document.
  // Does nothing for an invoice without number, issue date or seller.
  model::Result<std::optional<SeenInvoice>> claim(const model::Invoice& invoice,
                                                  const std::string& document,
                                                  const std::string& fingerprint);
  // claim() without its answer (first acceptance wins).
  model::Status record(const model::Invoice& invoice, const std::string& document,
                       const std::string& fingerprint);

 private:
  SeenInvoiceStore(sqlite3* db, std::filesystem::path path, const env::Clock& clock)
      : db_(db), path_(std::move(path)), clock_(clock) {}

  sqlite3* db_;
  std::filesystem::path path_;
  const env::Clock& clock_;
  mutable std::mutex mutex_;
};

// SHA-256 of `bytes`, lower-case hex.
std::string sha256_hex(std::string_view bytes);

}  // namespace einvoice::engine
