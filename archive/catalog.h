#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "archive/archived_object.h"
#include "archive/journal_entry.h"
#include "model/result.h"

namespace einvoice::archive {

// A deposit as recorded: the id it has (a new one, or the id of the same
// bytes deposited before), and whether it was there already.
struct RecordedDeposit {
  std::string id;
  bool existing = false;
  std::int64_t sequence = 0;  // its deposit journal entry
};

// A deposit receipt as issued: its JSON and the detached CAdES seal (DER)
// over those exact bytes, empty when no platform seal was configured.
struct StoredReceipt {
  std::string id;
  std::string receipt;
  std::string seal;
};

// The archive's metadata and journal. Behind an interface so that a
// PostgreSQL catalog can follow (SqliteCatalog today). Every method is one
// transaction, durable on return, atomic against concurrent processes: the
// journal chain stays whole however many write at once. Thread-safe.
class Catalog {
 public:
  virtual ~Catalog() = default;

  virtual model::Result<std::optional<std::string>> setting(std::string_view key) const = 0;
  virtual model::Status set_setting(std::string_view key, std::string_view value) const = 0;

  // Records each object with its deposit entry (`drafts[i]` for
  // `objects[i]`), unless a live object of the same sha256 and siren is
  // there, whose id is returned instead (idempotent deposit). One
  // transaction for all: a group commit.
  virtual model::Result<std::vector<RecordedDeposit>> record_deposits(
      const std::vector<ArchivedObject>& objects,
      const std::vector<JournalDraft>& drafts) const = 0;

  // Keeps receipts, one transaction for all; a receipt issued before for the
  // same id is kept as it was (a receipt once issued never changes).
  virtual model::Status store_receipts(const std::vector<StoredReceipt>& receipts) const = 0;
  virtual model::Result<std::optional<StoredReceipt>> receipt(std::string_view id) const = 0;

  virtual model::Result<std::optional<ArchivedObject>> find(std::string_view id) const = 0;
  // A live (not destroyed) object of these bytes and SIREN.
  virtual model::Result<std::optional<ArchivedObject>> find_live(std::string_view sha256,
                                                                 std::string_view siren) const = 0;
  // Objects in deposit order; only those of `siren` when given; destroyed
  // ones only when `include_destroyed`.
  virtual model::Result<std::vector<ArchivedObject>> list(std::optional<std::string> siren,
                                                          bool include_destroyed) const = 0;

  // Stores `updated` (found by its id) and appends `draft`, together;
  // returns the entry.
  virtual model::Result<JournalEntry> update(const ArchivedObject& updated,
                                             const JournalDraft& draft) const = 0;
  // Stores every object of `updated` and the setting, and appends `draft`,
  // together (key rotation).
  virtual model::Result<JournalEntry> update_all(const std::vector<ArchivedObject>& updated,
                                                 std::pair<std::string, std::string> setting,
                                                 const JournalDraft& draft) const = 0;
  // Appends one entry; returns it.
  virtual model::Result<JournalEntry> append(const JournalDraft& draft) const = 0;
  // Appends `draft` unless an entry of `event` has a sequence >= `from`,
  // checked and appended in one transaction (two securing runs at once: the
  // second to finish is refused). Returns the entry, or nothing when refused.
  virtual model::Result<std::optional<JournalEntry>> append_unless(
      const JournalDraft& draft, std::int64_t from, std::string_view event) const = 0;
  // Appends every draft, in order, in one transaction.
  virtual model::Status append_all(const std::vector<JournalDraft>& drafts) const = 0;
  // At most `count` entries (all when negative) with sequence >= `from`, in order, as stored (each
  // line parsed; a line that does not parse is an error naming its sequence number).
  virtual model::Result<std::vector<JournalEntry>> journal(std::int64_t from,
                                                           std::int64_t count) const = 0;
};

}  // namespace einvoice::archive
