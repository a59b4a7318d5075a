#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "archive/archived_object.h"
#include "archive/audit_report.h"
#include "archive/catalog.h"
#include "archive/export_layout.h"
#include "archive/master_key.h"
#include "archive/object_store.h"
#include "archive/renewal_record.h"
#include "archive/retention_policy.h"
#include "archive/sealer.h"
#include "archive/securing_record.h"
#include "env/env.h"
#include "model/result.h"

namespace einvoice::signing {
class TimestampAuthority;
struct TimestampToken;
}  // namespace einvoice::signing

namespace einvoice::archive {

// A securing run as stored: the record, its exact bytes, its token, the
// platform seal over the record (empty when none was configured) and the
// revocation data of the TSA certificate gathered with it (DER CRLs).
struct StoredSecuring {
  SecuringRecord record;
  std::string record_json;
  std::string token_der;
  std::string seal;
  std::vector<std::string> tsa_crls;
};

// What an export wrote.
struct ExportSummary {
  std::size_t documents = 0;
  std::size_t files = 0;
  std::uint64_t bytes = 0;
};

// One file to deposit: its exact bytes and what is known of it.
struct DepositItem {
  std::string bytes;
  DocumentMetadata metadata;
};

// What a deposit gave: the object's id (that of the same bytes deposited
// before, for the same SIREN, when `existing`).
struct DepositResult {
  std::string id;
  std::string sha256;
  std::uint64_t size = 0;
  std::string deposited_at;
  bool existing = false;
  std::int64_t sequence = 0;  // the deposit's journal entry
};

// The revocation data (DER CRLs) to keep with a securing run, gathered once
// its timestamp token, and so the TSA certificate, is known.
using TsaRevocation =
    std::function<model::Result<std::vector<std::string>>(const signing::TimestampToken& token)>;

class ExportWriter;  // archive_export.cpp

// The evidentiary archive (docs/archive.md): objects in a content-addressed
// folder tree (`objects/`), metadata and the hash-chained journal in the
// catalog (`catalog.sqlite`), destruction certificates in `certificates/`.
// Several processes may use one archive at once. Errors follow one rule:
// kInvalid when the archive refuses (retention, hold, wrong key, unknown or
// destroyed id: the message says why), kInvalidArgument for a misuse, kIo
// and kMalformed for what went wrong underneath. Thread-safe.
class Archive {
 public:
  // Largest object accepted (bytes).
  static constexpr std::size_t kMaxObjectBytes = std::size_t{1} << 30;

  // Creates the archive in `dir` (created when missing): its catalog with
  // `retention` and, when `key` is given, encryption at rest under it.
  // Errors: kInvalid when `dir` holds an archive already.
  static model::Status init(const std::filesystem::path& dir, const RetentionPolicy& retention,
                            const MasterKey* key, const env::Env& env);

  // Opens the archive in `dir`. `key` is required for an encrypted archive
  // and must be its master key (kInvalid naming both key ids otherwise), and
  // refused for a plain one. `env` must outlive the archive; times come from
  // env.clock, ids and nonces from env.random.
  static model::Result<std::unique_ptr<Archive>> open(const std::filesystem::path& dir,
                                                      const MasterKey* key, const env::Env& env);

  // Seals what the archive issues from now on (receipts, securing records,
  // export manifests) with `sealer`, borrowed: it must outlive the archive.
  // Null: nothing is sealed. Not to be called while other calls run.
  void use_sealer(const Sealer* sealer) { sealer_ = sealer; }
  const Sealer* sealer() const { return sealer_; }

  // Deposits `items` as one group: every object is written and flushed
  // first, then all are recorded in one catalog transaction with their
  // journal entries, then their receipts are issued (sealed with the
  // sealer, if any) and kept. On return every result is durable.
  // Idempotent: bytes already live for the same SIREN give the existing id
  // (and the receipt a crash kept from being issued is issued now).
  model::Result<std::vector<DepositResult>> deposit(const std::vector<DepositItem>& items,
                                                    std::string_view actor) const;

  // The exact deposited bytes of `id`, checked against its fingerprint;
  // journaled as an access by `actor`. kInvalid: unknown, destroyed, altered.
  model::Result<std::string> get(std::string_view id, std::string_view actor) const;
  model::Result<ArchivedObject> find(std::string_view id) const;
  // Live objects in deposit order, only `siren`'s when given.
  model::Result<std::vector<ArchivedObject>> list(std::optional<std::string> siren) const;

  // Legal hold: suspends the retention rule of `id` until released.
  model::Status hold(std::string_view id, std::string_view reason, std::string_view actor) const;
  model::Status release(std::string_view id, std::string_view reason, std::string_view actor) const;

  // Destroys `id` once its retention has expired and no hold stands
  // (kInvalid with the reason otherwise): the catalog and journal record the
  // destruction with fingerprint and metadata, every stored copy is removed,
  // and a destruction certificate (JSON) is written to
  // certificates/destruction-<id>.json. Returns the certificate.
  model::Result<std::string> destroy(std::string_view id, std::string_view authorized_by) const;

  // Re-hashes every stored object (in pieces, on `threads` threads), checks
  // the journal chain, every securing run (its segment, tree, root, chain to
  // the previous run, token imprint), every renewal (its leaves are the
  // latest tokens, tree root, chain to the previous renewal, token imprint)
  // and that every catalog row agrees with
  // the journal (metadata hash, hold, destruction). The result is journaled. Errors only
  // when the audit cannot run; problems are in the report.
  model::Result<AuditReport> audit(std::string_view actor, unsigned threads) const;

  // Re-wraps every data key under `new_key` (objects untouched), records the
  // new key id, and journals the rotation. REQUIRES: opened with its key.
  model::Status rotate_key(const MasterKey& new_key, std::string_view actor) const;

  // Closes the journal entries since the last securing run into a hash tree
  // (RFC 4998), has its root, tied to the previous run's record,
  // timestamped by `authority` (RFC 3161, imprint = root), stores record
  // and token as archive objects and journals the run. nullopt when no entry
  // is new. `revocation`, when given, is asked for the TSA certificate's
  // revocation data once the token is in hand; the CRLs it gives are kept
  // with the run (their hashes journaled with it, exports carry them); its
  // error fails the run before anything is journaled. Two runs at once
  // (processes or threads): the second to journal its run is refused
  // (kInvalid, "run secure again"), so that the records never fork; its
  // stored record and token stay as unreferenced objects.
  model::Result<std::optional<StoredSecuring>> secure(signing::TimestampAuthority& authority,
                                                      std::string_view actor,
                                                      const TsaRevocation& revocation = {}) const;
  // Every securing run so far, in order (records and tokens read back from
  // the object store and checked against the hashes the journal recorded).
  model::Result<std::vector<StoredSecuring>> securings() const;
  // Timestamp renewal (RFC 4998 5.2): the SHA-256 of the latest token of
  // every securing run so far (its own, or that of the last renewal) become
  // the leaves of a hash tree whose root `authority` timestamps (imprint =
  // root), before the TSA certificates of those tokens expire. Record and
  // token are stored as archive objects and a `renew` entry journals their
  // hashes. nullopt when no run is secured yet. kInvalid when the new token's
  // TSA certificate is not valid at its own time, or when another renewal
  // was journaled meanwhile ("run renew again": renewals never fork).
  model::Result<std::optional<StoredRenewal>> renew(signing::TimestampAuthority& authority,
                                                    std::string_view actor) const;
  // Every renewal so far, in order, read back and checked like securings().
  model::Result<std::vector<StoredRenewal>> renewals() const;
  // The RFC 4998 evidence record (DER) of `id`'s deposit: one chain whose
  // first ArchiveTimeStamp is its reduced hash tree up to the root of the
  // securing run that covers the deposit, with that run's timestamp, then
  // one ArchiveTimeStamp per renewal of that run. kInvalid before the
  // deposit is secured.
  model::Result<std::string> evidence_record(std::string_view id) const;

  // Writes the self-contained export of `ids` (docs/archive.md) into the
  // empty or missing folder `out_dir`: documents (decrypted), metadata,
  // receipts, evidence records, the journal segments and securing records
  // that cover them, the renewal records of those runs, timestamp tokens
  // (*.tst), TSA certificates, manifest and README. Each export is
  // journaled as an access. kInvalid for an id unknown, destroyed or not yet
  // secured; kInvalidArgument when `out_dir` is not empty.
  model::Result<ExportSummary> export_package(const std::vector<std::string>& ids,
                                              const std::filesystem::path& out_dir,
                                              std::string_view actor) const;

  // The deposit receipt of `object` as issued (JSON: id, fingerprint, time,
  // metadata hash and the journal entry that recorded the deposit, with its
  // seal); if none was kept (a crash between the deposit and its receipt),
  // the receipt as it would be issued, unsealed.
  model::Result<StoredReceipt> receipt(const ArchivedObject& object) const;

  const RetentionPolicy& retention() const { return retention_; }
  const std::filesystem::path& dir() const { return dir_; }
  const Catalog& catalog() const { return *catalog_; }
  const ObjectStore& objects() const { return *store_; }
  const std::optional<MasterKey>& key() const { return key_; }
  const env::Env& env() const { return *env_; }

 private:
  Archive() = default;
  model::Result<ArchivedObject> live(std::string_view id) const;
  model::Status set_hold(std::string_view id, bool on_hold, std::string_view reason,
                         std::string_view actor) const;
  model::Result<std::string> stored_bytes(const ArchivedObject& object) const;
  model::Result<std::string> prepare(const DepositItem& item, ArchivedObject& object) const;
  model::Result<std::string> new_id() const;
  // Issues and keeps the receipts of `objects` (deposited, or found again
  // without a receipt), sealed when a sealer is set.
  model::Status issue_receipts(const std::vector<ArchivedObject>& objects) const;
  // The sealer's seal over `bytes`; empty when there is no sealer.
  model::Result<std::string> seal(std::string_view bytes, std::string_view name) const;
  std::string now() const;
  model::Error refused_securing(std::int64_t sequence) const;
  // The record and token a `secure` or `renew` entry journaled, read back
  // from the object store and checked against the hashes it recorded.
  model::Status read_recorded(const JournalEntry& entry, std::size_t record_limit,
                              std::string& record, std::string& token) const;
  model::Result<std::vector<StoredSecuring>> securings_in(
      const std::vector<JournalEntry>& journal) const;
  model::Result<std::vector<StoredRenewal>> renewals_in(
      const std::vector<JournalEntry>& journal) const;
  // Writes the documents `chosen` (indexes into `documents`) of one
  // securing run, with the run's segment, record, token and certificate;
  // `renewals` are every renewal so far (their timestamps join the evidence
  // records).
  model::Status export_run(const StoredSecuring& securing, const std::vector<std::size_t>& chosen,
                           const std::vector<StoredRenewal>& renewals,
                           std::vector<ExportedDocument>& documents, ExportWriter& writer) const;
  // The checked journal segment of a securing run.
  model::Result<std::vector<JournalEntry>> segment(const SecuringRecord& record) const;
  JournalDraft draft(std::string category, std::string event, std::string id,
                     std::string_view actor, std::string detail) const;

  std::filesystem::path dir_;
  const env::Env* env_ = nullptr;
  std::unique_ptr<Catalog> catalog_;
  std::unique_ptr<ObjectStore> store_;
  std::unique_ptr<env::OutputFolder> folder_;
  std::optional<MasterKey> key_;
  RetentionPolicy retention_;
  const Sealer* sealer_ = nullptr;
};

}  // namespace einvoice::archive
