#include "archive/sqlite_catalog.h"

#include <sqlite3.h>

#include <chrono>
#include <thread>

#include "archive/sha256.h"

namespace einvoice::archive {
namespace {

using model::Error;
using model::ErrorCode;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS objects(
  id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, size INTEGER NOT NULL,
  stored_sha256 TEXT NOT NULL, deposited_at TEXT NOT NULL, file_name TEXT NOT NULL,
  siren TEXT NOT NULL, invoice_number TEXT NOT NULL, invoice_date TEXT NOT NULL,
  type_code TEXT NOT NULL, format TEXT NOT NULL, profile TEXT NOT NULL, class TEXT NOT NULL,
  key_id TEXT NOT NULL, wrapped_key TEXT NOT NULL, on_hold INTEGER NOT NULL,
  destroyed INTEGER NOT NULL, deposit_seq INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS objects_by_content ON objects(sha256, siren);
CREATE INDEX IF NOT EXISTS objects_by_siren ON objects(siren);
CREATE TABLE IF NOT EXISTS journal(seq INTEGER PRIMARY KEY, line TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS receipts(id TEXT PRIMARY KEY, receipt TEXT NOT NULL,
  seal_hex TEXT NOT NULL);
)sql";

// Waits for another process's write transaction in steps of 1 ms (SQLite's
// own busy handler backs off to 100 ms sleeps, which leaves concurrent
// depositors idle), for at most two minutes.
int wait_for_lock(void*, int attempts) {
  if (attempts >= 120000)
    return 0;
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return 1;
}

constexpr const char* kObjectColumns =
    "id, sha256, size, stored_sha256, deposited_at, file_name, siren, invoice_number, "
    "invoice_date, type_code, format, profile, class, key_id, wrapped_key, on_hold, destroyed, "
    "deposit_seq";

}  // namespace

// A prepared statement, finalised on destruction.
class SqliteCatalog::Statement {
 public:
  Statement(sqlite3* db, const std::string& sql) {
    ok_ = sqlite3_prepare_v2(db, sql.c_str(), -1, &statement_, nullptr) == SQLITE_OK;
  }
  ~Statement() { sqlite3_finalize(statement_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  bool ok() const { return ok_; }
  void bind(int index, std::string_view text) {
    sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
  }
  void bind(int index, std::int64_t value) { sqlite3_bind_int64(statement_, index, value); }
  int step() { return sqlite3_step(statement_); }
  std::string text(int column) const {
    const auto* bytes = sqlite3_column_text(statement_, column);
    return bytes ? std::string(reinterpret_cast<const char*>(bytes),
                               static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)))
                 : std::string();
  }
  std::int64_t integer(int column) const { return sqlite3_column_int64(statement_, column); }

 private:
  sqlite3_stmt* statement_ = nullptr;
  bool ok_ = false;
};

// BEGIN IMMEDIATE ... COMMIT; rolled back unless committed.
class SqliteCatalog::Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) {
    began_ = sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
  }
  ~Transaction() {
    if (began_ && !committed_)
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
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

model::Result<std::unique_ptr<SqliteCatalog>> SqliteCatalog::open(
    const std::filesystem::path& path) {
  sqlite3* db = nullptr;
  const int flags =
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_FULLMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Error{
        ErrorCode::kIo, "cannot open the archive catalog: " + message, {path.string(), "", 0, 0}};
  }
  std::unique_ptr<SqliteCatalog> catalog(new SqliteCatalog(db, path));
  sqlite3_busy_handler(db, wait_for_lock, nullptr);
  for (const char* pragma :
       {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
    if (sqlite3_exec(db, pragma, nullptr, nullptr, nullptr) != SQLITE_OK)
      return catalog->failure(pragma);
  }
  if (sqlite3_exec(db, kSchema, nullptr, nullptr, nullptr) != SQLITE_OK)
    return catalog->failure("cannot create the tables");
  return catalog;
}

SqliteCatalog::~SqliteCatalog() {
  sqlite3_close(db_);
}

Error SqliteCatalog::failure(const std::string& what) const {
  return Error{ErrorCode::kIo, what + ": " + sqlite3_errmsg(db_), {path_.string(), "", 0, 0}};
}

model::Result<std::optional<std::string>> SqliteCatalog::setting(std::string_view key) const {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement select(db_, "SELECT value FROM settings WHERE key = ?");
  if (!select.ok())
    return failure("cannot read settings");
  select.bind(1, key);
  const int rc = select.step();
  if (rc == SQLITE_ROW)
    return std::optional<std::string>(select.text(0));
  if (rc != SQLITE_DONE)
    return failure("cannot read settings");
  return std::optional<std::string>();
}

model::Status SqliteCatalog::set_setting(std::string_view key, std::string_view value) const {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement insert(db_, "INSERT OR REPLACE INTO settings(key, value) VALUES(?, ?)");
  if (!insert.ok())
    return failure("cannot write settings");
  insert.bind(1, key);
  insert.bind(2, value);
  if (insert.step() != SQLITE_DONE)
    return failure("cannot write settings");
  return model::Status::Ok();
}

model::Status SqliteCatalog::store_receipts(const std::vector<StoredReceipt>& receipts) const {
  std::lock_guard<std::mutex> lock(mutex_);
  Transaction transaction(db_);
  if (!transaction.began())
    return failure("cannot start a transaction");
  for (const auto& r : receipts) {
    Statement insert(db_, "INSERT OR IGNORE INTO receipts(id, receipt, seal_hex) VALUES(?, ?, ?)");
    if (!insert.ok())
      return failure("cannot store the receipt of " + r.id);
    insert.bind(1, r.id);
    insert.bind(2, r.receipt);
    insert.bind(3, to_hex(r.seal));
    if (insert.step() != SQLITE_DONE)
      return failure("cannot store the receipt of " + r.id);
  }
  if (!transaction.commit())
    return failure("cannot commit the receipts");
  return model::Status::Ok();
}

model::Result<std::optional<StoredReceipt>> SqliteCatalog::receipt(std::string_view id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement select(db_, "SELECT receipt, seal_hex FROM receipts WHERE id = ?");
  if (!select.ok())
    return failure("cannot read receipts");
  select.bind(1, id);
  const int rc = select.step();
  if (rc == SQLITE_DONE)
    return std::optional<StoredReceipt>();
  if (rc != SQLITE_ROW)
    return failure("cannot read receipts");
  const std::string hex = select.text(1);
  if (hex.size() % 2 != 0 || hex.find_first_not_of("0123456789abcdef") != std::string::npos)
    return Error{ErrorCode::kMalformed,
                 "the stored seal of the receipt of " + std::string(id) + " is not hex",
                 {path_.string(), "", 0, 0}};
  return std::optional<StoredReceipt>(
      StoredReceipt{std::string(id), select.text(0), from_hex(hex)});
}

model::Result<JournalEntry> SqliteCatalog::append_locked(const JournalDraft& draft) const {
  std::optional<JournalEntry> last;
  {
    Statement select(db_, "SELECT seq, line FROM journal ORDER BY seq DESC LIMIT 1");
    if (!select.ok())
      return failure("cannot read the journal");
    const int rc = select.step();
    if (rc == SQLITE_ROW) {
      auto parsed = parse_journal_line(select.text(1), path_.string());
      if (!parsed || parsed->sequence != select.integer(0))
        return Error{ErrorCode::kMalformed,
                     "journal entry " + std::to_string(select.integer(0)) +
                         " is damaged; nothing is appended after it",
                     {path_.string(), "", 0, 0}};
      last = std::move(*parsed);
    } else if (rc != SQLITE_DONE) {
      return failure("cannot read the journal");
    }
  }
  const JournalEntry entry = journal::next_entry(last ? &*last : nullptr, draft);
  Statement insert(db_, "INSERT INTO journal(seq, line) VALUES(?, ?)");
  if (!insert.ok())
    return failure("cannot append to the journal");
  insert.bind(1, entry.sequence);
  insert.bind(2, entry.line());
  if (insert.step() != SQLITE_DONE)
    return failure("cannot append to the journal");
  return entry;
}

model::Status SqliteCatalog::write_object(const ArchivedObject& o, bool insert) const {
  const std::string sql =
      insert ? std::string("INSERT INTO objects(") + kObjectColumns +
                   ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
             : "UPDATE objects SET sha256=?2, size=?3, stored_sha256=?4, deposited_at=?5, "
               "file_name=?6, siren=?7, invoice_number=?8, invoice_date=?9, type_code=?10, "
               "format=?11, profile=?12, class=?13, key_id=?14, wrapped_key=?15, on_hold=?16, "
               "destroyed=?17, deposit_seq=?18 WHERE id=?1";
  Statement statement(db_, sql);
  if (!statement.ok())
    return failure("cannot store object " + o.id);
  const auto& m = o.metadata;
  int i = 0;
  for (const std::string* text : {&o.id, &o.sha256})
    statement.bind(++i, *text);
  statement.bind(++i, static_cast<std::int64_t>(o.size));
  for (const std::string* text :
       {&o.stored_sha256, &o.deposited_at, &m.file_name, &m.siren, &m.invoice_number,
        &m.invoice_date, &m.type_code, &m.format, &m.profile})
    statement.bind(++i, *text);
  statement.bind(++i, std::string_view(to_string(m.document_class)));
  statement.bind(++i, o.key_id);
  statement.bind(++i, o.wrapped_key);
  statement.bind(++i, std::int64_t{o.on_hold ? 1 : 0});
  statement.bind(++i, std::int64_t{o.destroyed ? 1 : 0});
  statement.bind(++i, o.deposit_sequence);
  if (statement.step() != SQLITE_DONE)
    return failure("cannot store object " + o.id);
  return model::Status::Ok();
}

model::Result<std::vector<RecordedDeposit>> SqliteCatalog::record_deposits(
    const std::vector<ArchivedObject>& objects, const std::vector<JournalDraft>& drafts) const {
  std::lock_guard<std::mutex> lock(mutex_);
  Transaction transaction(db_);
  if (!transaction.began())
    return failure("cannot start a transaction");
  std::vector<RecordedDeposit> out;
  for (std::size_t i = 0; i < objects.size() && i < drafts.size(); ++i) {
    Statement existing(db_,
                       "SELECT id, deposit_seq FROM objects WHERE sha256 = ? AND siren = ? AND "
                       "destroyed = 0 ORDER BY deposit_seq LIMIT 1");
    if (!existing.ok())
      return failure("cannot read objects");
    existing.bind(1, objects[i].sha256);
    existing.bind(2, objects[i].metadata.siren);
    if (existing.step() == SQLITE_ROW) {
      out.push_back({existing.text(0), true, existing.integer(1)});
      continue;
    }
    auto entry = append_locked(drafts[i]);
    if (!entry)
      return entry.error();
    ArchivedObject object = objects[i];
    object.deposit_sequence = entry->sequence;
    if (auto written = write_object(object, /*insert=*/true); !written)
      return written.error();
    out.push_back({object.id, false, entry->sequence});
  }
  if (!transaction.commit())
    return failure("cannot commit the deposits");
  return out;
}

model::Result<std::vector<ArchivedObject>> SqliteCatalog::select_objects(
    const std::string& where, const std::vector<std::string>& args) const {
  Statement select(db_, std::string("SELECT ") + kObjectColumns + " FROM objects " + where);
  if (!select.ok())
    return failure("cannot read objects");
  for (std::size_t i = 0; i < args.size(); ++i)
    select.bind(static_cast<int>(i + 1), args[i]);
  std::vector<ArchivedObject> out;
  int rc = SQLITE_ROW;
  while ((rc = select.step()) == SQLITE_ROW) {
    ArchivedObject o;
    auto& m = o.metadata;
    int c = 0;
    o.id = select.text(c++);
    o.sha256 = select.text(c++);
    o.size = static_cast<std::uint64_t>(select.integer(c++));
    for (std::string* text :
         {&o.stored_sha256, &o.deposited_at, &m.file_name, &m.siren, &m.invoice_number,
          &m.invoice_date, &m.type_code, &m.format, &m.profile})
      *text = select.text(c++);
    m.document_class = parse_document_class(select.text(c++)).value_or(DocumentClass::kOther);
    o.key_id = select.text(c++);
    o.wrapped_key = select.text(c++);
    o.on_hold = select.integer(c++) != 0;
    o.destroyed = select.integer(c++) != 0;
    o.deposit_sequence = select.integer(c++);
    out.push_back(std::move(o));
  }
  if (rc != SQLITE_DONE)
    return failure("cannot read objects");
  return out;
}

model::Result<std::optional<ArchivedObject>> SqliteCatalog::find(std::string_view id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = select_objects("WHERE id = ?", {std::string(id)});
  if (!found)
    return found.error();
  if (found->empty())
    return std::optional<ArchivedObject>();
  return std::optional<ArchivedObject>(std::move(found->front()));
}

model::Result<std::optional<ArchivedObject>> SqliteCatalog::find_live(
    std::string_view sha256, std::string_view siren) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found =
      select_objects("WHERE sha256 = ? AND siren = ? AND destroyed = 0 ORDER BY deposit_seq",
                     {std::string(sha256), std::string(siren)});
  if (!found)
    return found.error();
  if (found->empty())
    return std::optional<ArchivedObject>();
  return std::optional<ArchivedObject>(std::move(found->front()));
}

model::Result<std::vector<ArchivedObject>> SqliteCatalog::list(std::optional<std::string> siren,
                                                               bool include_destroyed) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string where = include_destroyed ? "WHERE 1" : "WHERE destroyed = 0";
  std::vector<std::string> args;
  if (siren) {
    where += " AND siren = ?";
    args.push_back(*siren);
  }
  return select_objects(where + " ORDER BY deposit_seq", args);
}

model::Result<JournalEntry> SqliteCatalog::update(const ArchivedObject& updated,
                                                  const JournalDraft& draft) const {
  return update_all({updated}, {}, draft);
}

model::Result<JournalEntry> SqliteCatalog::update_all(const std::vector<ArchivedObject>& updated,
                                                      std::pair<std::string, std::string> setting,
                                                      const JournalDraft& draft) const {
  std::lock_guard<std::mutex> lock(mutex_);
  Transaction transaction(db_);
  if (!transaction.began())
    return failure("cannot start a transaction");
  for (const auto& object : updated) {
    if (auto written = write_object(object, /*insert=*/false); !written)
      return written.error();
  }
  if (!setting.first.empty()) {
    Statement insert(db_, "INSERT OR REPLACE INTO settings(key, value) VALUES(?, ?)");
    insert.bind(1, setting.first);
    insert.bind(2, setting.second);
    if (!insert.ok() || insert.step() != SQLITE_DONE)
      return failure("cannot write settings");
  }
  auto entry = append_locked(draft);
  if (!entry)
    return entry.error();
  if (!transaction.commit())
    return failure("cannot commit");
  return entry;
}

model::Result<JournalEntry> SqliteCatalog::append(const JournalDraft& draft) const {
  JournalEntry last;
  if (auto appended = append_drafts({draft}, &last); !appended)
    return appended.error();
  return last;
}

model::Result<std::optional<JournalEntry>> SqliteCatalog::append_unless(
    const JournalDraft& draft, std::int64_t from, std::string_view event) const {
  std::lock_guard<std::mutex> lock(mutex_);
  Transaction transaction(db_);
  if (!transaction.began())
    return failure("cannot start a transaction");
  auto later = journal_locked(from, -1);
  if (!later)
    return later.error();
  for (const auto& entry : *later) {
    if (entry.draft.event == event)
      return std::optional<JournalEntry>();
  }
  auto entry = append_locked(draft);
  if (!entry)
    return entry.error();
  if (!transaction.commit())
    return failure("cannot commit the journal entry");
  return std::optional<JournalEntry>(std::move(*entry));
}

model::Status SqliteCatalog::append_all(const std::vector<JournalDraft>& drafts) const {
  return append_drafts(drafts, nullptr);
}

model::Status SqliteCatalog::append_drafts(const std::vector<JournalDraft>& drafts,
                                           JournalEntry* last) const {
  std::lock_guard<std::mutex> lock(mutex_);
  Transaction transaction(db_);
  if (!transaction.began())
    return failure("cannot start a transaction");
  for (const auto& draft : drafts) {
    auto entry = append_locked(draft);
    if (!entry)
      return entry.error();
    if (last)
      *last = std::move(*entry);
  }
  if (!transaction.commit())
    return failure("cannot commit the journal entries");
  return model::Status::Ok();
}

model::Result<std::vector<JournalEntry>> SqliteCatalog::journal(std::int64_t from,
                                                                std::int64_t count) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return journal_locked(from, count);
}

model::Result<std::vector<JournalEntry>> SqliteCatalog::journal_locked(std::int64_t from,
                                                                       std::int64_t count) const {
  Statement select(db_, "SELECT seq, line FROM journal WHERE seq >= ? ORDER BY seq LIMIT ?");
  if (!select.ok())
    return failure("cannot read the journal");
  select.bind(1, from);
  select.bind(2, count);
  std::vector<JournalEntry> out;
  int rc = SQLITE_ROW;
  while ((rc = select.step()) == SQLITE_ROW) {
    auto entry = parse_journal_line(select.text(1), path_.string());
    if (!entry)
      return Error{
          ErrorCode::kMalformed,
          "journal entry " + std::to_string(select.integer(0)) + ": " + entry.error().message,
          {path_.string(), "", 0, 0}};
    out.push_back(std::move(*entry));
  }
  if (rc != SQLITE_DONE)
    return failure("cannot read the journal");
  return out;
}

}  // namespace einvoice::archive
