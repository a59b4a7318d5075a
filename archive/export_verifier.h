#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "env/file_system.h"
#include "signing/trust_store.h"

namespace einvoice::archive {

// One check of an export and its verdict.
struct ExportCheck {
  std::string subject;  // the file or document checked
  std::string check;    // what was checked
  bool passed = false;
  std::string detail;  // why it failed (empty when passed)
};

// The verdict on a whole export: it passes only when every check does and
// every file of the folder was covered by one.
struct ExportVerification {
  std::vector<ExportCheck> checks;
  std::string trust_note;  // which trust anchors judged the timestamps
  // The platform sealed manifest.json, and the seal verified: the export is
  // proven whole (no document removed). Unsealed, a document removed with
  // its files and the manifests rewritten goes unnoticed.
  bool manifest_sealed = false;
  bool passed() const;
};

// Checks an export folder offline, without the archive (docs/archive.md):
// each securing record against its journal segment (order, chain, hash tree,
// root) and its timestamp token (imprint = root, signature, TSA chain to
// `trust`, else to the export's own TSA certificates, which the note then
// says); each renewal record against the tokens it renews (leaves, tree
// root, chain of renewals) and its token (imprint = tree root); each token
// valid at the genTime of the renewal after it, the latest ones at `now`
// (RFC 4998 5.3); each document's SHA-256 against its metadata, the
// metadata's hash and the fingerprint against its deposit entry, its
// evidence record against the document and the chain of tokens; receipts,
// certificates, README and manifests against what they must be, byte for
// byte; each platform seal (FILE.p7s, detached CAdES) over its file, its
// signer chaining to `trust` (else to the export's own certificates) at
// `now`; the TSA's CRLs kept with each run; and that no file is missing or
// extra. With `require_seal`, an export whose manifest is not sealed fails.
// Every file read is hostile input, read within limits through `files`.
// Never fails: problems are failed checks.
ExportVerification verify_export(const std::filesystem::path& dir, const env::FileSystem& files,
                                 const std::optional<signing::TrustStore>& trust,
                                 std::chrono::sys_seconds now, bool require_seal = false);

}  // namespace einvoice::archive
