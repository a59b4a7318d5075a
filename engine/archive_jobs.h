#pragma once

// The archive's jobs (docs/archive.md): opening an archive from what the
// command line names, reading the metadata of documents to deposit (the
// formats modules recognise invoices; the archive itself knows none), and
// depositing many files in durable groups.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "archive/archive.h"
#include "archive/export_verifier.h"
#include "env/env.h"
#include "model/result.h"
#include "signing/timestamp_authority.h"

namespace einvoice::engine {

// Where the archive is and how to open it.
struct ArchiveLocation {
  std::filesystem::path dir;                      // --archive, else $EINVOICE_ARCHIVE
  std::optional<std::filesystem::path> key_file;  // master key of an encrypted archive
};

// The folder named by `option`, else $EINVOICE_ARCHIVE (env.variables).
// kInvalidArgument when neither names one.
model::Result<std::filesystem::path> archive_folder(const std::string& option, const env::Env& env);

// A key file read through env.files (at most 4 KiB) and parsed.
model::Result<archive::MasterKey> read_master_key(const std::filesystem::path& file,
                                                  const env::Env& env);

// Opens the archive at `location` with its key, if any.
model::Result<std::unique_ptr<archive::Archive>> open_archive(const ArchiveLocation& location,
                                                              const env::Env& env);

// Who acts, for the journal: $EINVOICE_ARCHIVE_ACTOR, else $USER, else "unknown".
std::string archive_actor(const env::Env& env);

// True when `error` is the archive refusing (retention, hold, wrong key,
// unknown id: exit code 1), not a failure underneath (exit code 2).
bool is_refusal(const model::Error& error);

// What a document says of itself: a CII or UBL invoice, or the invoice XML
// of a Factur-X PDF, gives seller SIREN, number, date, type, format and
// profile, and class invoice; anything else is "other" (format "PDF", "XML"
// or "other"). Never fails: unreadable content is simply not described.
archive::DocumentMetadata read_document_metadata(std::string_view bytes,
                                                 std::string_view file_name);

// `einvoice archive deposit`: the files, with what the depositor states
// (it overrides what the documents say).
struct ArchiveDepositJob {
  std::vector<std::filesystem::path> files;
  std::string siren;
  std::optional<archive::DocumentClass> document_class;
  std::size_t group_size = 16;  // files recorded per catalog transaction
};

// The fate of one file, reported once it is durable (or has failed).
struct DepositLine {
  std::string file;
  archive::DocumentMetadata metadata;
  model::Result<archive::DepositResult> outcome;
};

struct DepositTotals {
  std::size_t deposited = 0;
  std::size_t existing = 0;
  std::size_t failed = 0;
  std::size_t refused = 0;  // over the size limit
};

// Reads and deposits the files in groups of job.group_size (group commit),
// calling `on_durable` for each file in input order, only after its group's
// objects, catalog rows and journal entries are flushed to disk. A file
// that cannot be read fails alone; a group the archive cannot record fails
// as a whole.
DepositTotals run_archive_deposit(const archive::Archive& archive, const ArchiveDepositJob& job,
                                  const env::Env& env,
                                  const std::function<void(const DepositLine&)>& on_durable);

// `einvoice archive secure`: the timestamp authority to use, an RFC 3161
// server or the in-process test TSA (optionally kept in a folder, so that
// its certificate can be trusted across runs).
struct ArchiveSecureJob {
  std::string tsa_url;
  bool test_tsa = false;
  std::filesystem::path test_tsa_dir;
  // CRLs (DER or PEM) of the TSA certificate's issuer, kept with the run.
  std::vector<std::filesystem::path> tsa_crl_files;
  // Without CRL files: fetch the CRLs the TSA certificate's distribution
  // points name (http, https), once the token is in hand.
  bool fetch_tsa_crls = true;
};

// The timestamp authority `job` names (the test TSA's clock is env.clock).
// kInvalidArgument when it names none.
model::Result<std::unique_ptr<signing::TimestampAuthority>> archive_timestamp_authority(
    const ArchiveSecureJob& job, const env::Env& env);

struct ArchiveSecureOutcome {
  std::optional<archive::StoredSecuring> securing;  // nullopt: nothing new to secure
  std::vector<std::string> warnings;                // e.g. a CRL that could not be fetched
};

// Secures the journal (Archive::secure) through the authority `job` names,
// keeping the TSA's CRLs (the files given, else those fetched; a fetch that
// fails is a warning: the run is kept without them). kInvalidArgument when
// `job` names no authority; errors naming a CRL file that cannot be read or
// is not a CRL.
model::Result<ArchiveSecureOutcome> run_archive_secure(const archive::Archive& archive,
                                                       const ArchiveSecureJob& job,
                                                       const env::Env& env);

// `einvoice archive renew`: renews the timestamps of every securing run
// (Archive::renew) through the authority `job` names (the same options as
// secure). kInvalidArgument when it names none.
model::Result<std::optional<archive::StoredRenewal>> run_archive_renew(
    const archive::Archive& archive, const ArchiveSecureJob& job, const env::Env& env);

// `einvoice archive export`: the objects of `siren` (every live one of that
// SIREN) or the given ids, written to `out_dir`.
model::Result<archive::ExportSummary> run_archive_export(const archive::Archive& archive,
                                                         const std::string& siren,
                                                         const std::vector<std::string>& ids,
                                                         const std::filesystem::path& out_dir,
                                                         const env::Env& env);

// `einvoice archive verify-export`: the export checked offline, timestamps
// and seals against the certificates of `trust_dir` when given, the latest
// ones at env.clock's time; with `require_seal`, an unsealed manifest fails.
// Errors only when `dir` is not a folder (kIo) or the trust folder cannot
// be read.
model::Result<archive::ExportVerification> run_verify_export(
    const std::filesystem::path& dir, const std::optional<std::filesystem::path>& trust_dir,
    bool require_seal, const env::Env& env);

}  // namespace einvoice::engine
