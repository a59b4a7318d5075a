#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "archive/archived_object.h"
#include "archive/journal_entry.h"
#include "model/result.h"

namespace einvoice::archive {

// A file of an export: its SHA-256 (hex) and size.
struct ExportedFile {
  std::string sha256;
  std::uint64_t size = 0;
};

// A document of an export, with the securing run that covers its deposit.
struct ExportedDocument {
  ArchivedObject object;
  std::int64_t securing = 0;
};

// The export package's layout and its generated files (docs/archive.md),
// shared by the writer (Archive::export_package) and the verifier, so that
// what is not checked cryptographically is regenerated and compared byte for
// byte. All functions are pure.
class ExportLayout {
 public:
  // [A-Za-z0-9._-] of `name`'s last component, others '_', no leading '.',
  // at most 100 characters; "document" when nothing is left.
  static std::string safe_file_name(std::string_view name);
  static std::string document_path(const ArchivedObject& object);
  static std::string metadata_path(std::string_view id);
  static std::string receipt_path(std::string_view id);
  static std::string evidence_path(std::string_view id);
  static std::string segment_path(std::int64_t securing);
  static std::string record_path(std::int64_t securing);
  static std::string token_path(std::int64_t securing);
  static std::string certificate_path(std::int64_t securing);
  // The `index`th (1, 2...) CRL kept with securing run `securing` (DER).
  static std::string crl_path(std::int64_t securing, std::size_t index);
  // The platform seal (detached CAdES, DER) over the file at `path`.
  static std::string seal_path(std::string_view path);
  // True for the files an export may carry a seal for: receipts, securing
  // and renewal records, and manifest.json.
  static bool sealable(std::string_view path);
  static std::string renewal_record_path(std::int64_t renewal);
  static std::string renewal_token_path(std::int64_t renewal);
  static std::string renewal_certificate_path(std::int64_t renewal);

  // The deposit receipt (JSON) of `object`, whose deposit `entry` recorded.
  static std::string receipt(const ArchivedObject& object, const JournalEntry& entry);
  // The auditor's README (fixed text: how to check with sha256sum and openssl).
  static std::string readme();
  // True when `text` is the README of an earlier release, so that exports
  // written then still verify.
  static bool earlier_readme(std::string_view text);
  // manifest.json: SEDA 2-like archive units (by id), the securing runs, the
  // timestamp renewals `renewals` (numbers, in order; the key is left out
  // when there is none), and every file but the manifests and the
  // manifest's seal with its SHA-256 and size.
  static std::string manifest(const std::vector<ExportedDocument>& documents,
                              const std::map<std::string, ExportedFile>& files,
                              const std::vector<std::int64_t>& renewals = {});
  // manifest.sha256: `sha256sum -c` lines of every file but itself.
  static std::string manifest_sha256(const std::map<std::string, ExportedFile>& files);

  static constexpr const char* kReadme = "README.md";
  static constexpr const char* kManifest = "manifest.json";
  static constexpr const char* kManifestSha256 = "manifest.sha256";
  static constexpr const char* kManifestSeal = "manifest.json.p7s";
  // The platform's sealing certificate and its chain, when anything is sealed.
  static constexpr const char* kSealCertificates = "certificates/seal.pem";
};

// Reads metadata as ArchivedObject::metadata_json() writes it, and nothing
// else (canonical form checked): id, fingerprints, time, metadata. Hostile
// input (at most 64 KiB, flat). Errors: kMalformed, kLimitExceeded.
model::Result<ArchivedObject> parse_metadata_json(std::string_view text, std::string_view origin);

}  // namespace einvoice::archive
