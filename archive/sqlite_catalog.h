#pragma once

#include <filesystem>
#include <memory>
#include <mutex>

#include "archive/catalog.h"

struct sqlite3;

namespace einvoice::archive {

// The catalog in one SQLite database (WAL, synchronous=FULL, so a committed
// transaction survives a crash; busy timeout for concurrent processes;
// BEGIN IMMEDIATE, so the last journal entry read is the last one written).
// Tables: settings, objects, journal, receipts (docs/archive.md). One connection,
// serialised by a mutex; other processes open their own.
class SqliteCatalog final : public Catalog {
 public:
  // Opens or creates `path` and its tables. Errors: kIo naming the file.
  static model::Result<std::unique_ptr<SqliteCatalog>> open(const std::filesystem::path& path);
  ~SqliteCatalog() override;

  model::Result<std::optional<std::string>> setting(std::string_view key) const override;
  model::Status set_setting(std::string_view key, std::string_view value) const override;
  model::Result<std::vector<RecordedDeposit>> record_deposits(
      const std::vector<ArchivedObject>& objects,
      const std::vector<JournalDraft>& drafts) const override;
  model::Status store_receipts(const std::vector<StoredReceipt>& receipts) const override;
  model::Result<std::optional<StoredReceipt>> receipt(std::string_view id) const override;
  model::Result<std::optional<ArchivedObject>> find(std::string_view id) const override;
  model::Result<std::optional<ArchivedObject>> find_live(std::string_view sha256,
                                                         std::string_view siren) const override;
  model::Result<std::vector<ArchivedObject>> list(std::optional<std::string> siren,
                                                  bool include_destroyed) const override;
  model::Result<JournalEntry> update(const ArchivedObject& updated,
                                     const JournalDraft& draft) const override;
  model::Result<JournalEntry> update_all(const std::vector<ArchivedObject>& updated,
                                         std::pair<std::string, std::string> setting,
                                         const JournalDraft& draft) const override;
  model::Result<JournalEntry> append(const JournalDraft& draft) const override;
  model::Result<std::optional<JournalEntry>> append_unless(const JournalDraft& draft,
                                                           std::int64_t from,
                                                           std::string_view event) const override;
  model::Status append_all(const std::vector<JournalDraft>& drafts) const override;
  model::Result<std::vector<JournalEntry>> journal(std::int64_t from,
                                                   std::int64_t count) const override;

 private:
  SqliteCatalog(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}
  class Statement;
  class Transaction;
  model::Error failure(const std::string& what) const;
  // REQUIRES: mutex_ held.
  model::Result<std::vector<JournalEntry>> journal_locked(std::int64_t from,
                                                          std::int64_t count) const;
  model::Result<JournalEntry> append_locked(const JournalDraft& draft) const;
  // Appends `drafts` in one transaction; the last entry into `last` when given.
  model::Status append_drafts(const std::vector<JournalDraft>& drafts, JournalEntry* last) const;
  model::Status write_object(const ArchivedObject& object, bool insert) const;
  model::Result<std::vector<ArchivedObject>> select_objects(
      const std::string& where, const std::vector<std::string>& args) const;

  sqlite3* db_;
  std::filesystem::path path_;
  mutable std::mutex mutex_;
};

}  // namespace einvoice::archive
