#include "archive/export_verifier.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "archive/evidence_record.h"
#include "archive/export_layout.h"
#include "archive/securing_record.h"
#include "archive/sha256.h"
#include "archive/timestamp_check.h"
#include "env/clock.h"
#include "signing/digest.h"
#include "signing/revocation.h"
#include "signing/timestamp_token.h"
#include "signing/verification.h"

namespace einvoice::archive {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxSegmentBytes = std::size_t{256} << 20;
constexpr std::size_t kMaxSmallFileBytes = 1 << 20;
constexpr std::size_t kMaxDocumentBytes = std::size_t{1} << 30;

// A securing run found in the export, once its checks passed.
struct Run {
  SecuringRecord record;
  std::string record_json;
  std::string token;
  std::map<std::string, JournalEntry> deposits;  // archive id -> deposit entry
};

class Verifier {
 public:
  Verifier(const fs::path& dir, const env::FileSystem& files,
           const std::optional<signing::TrustStore>& trust, bool require_seal)
      : dir_(dir), files_(files), trust_(trust), require_seal_(require_seal) {}

  ExportVerification run();

 private:
  void check(const std::string& subject, const std::string& what, const std::string& problem) {
    result_.checks.push_back({subject, what, problem.empty(), problem});
  }
  std::optional<std::string> read(const std::string& path, std::size_t limit) {
    expected_.insert(path);
    auto bytes = files_.read(dir_ / path, limit);
    if (!bytes) {
      check(path, "present and readable", bytes.error().message);
      return std::nullopt;
    }
    return std::move(*bytes);
  }
  std::optional<signing::TrustStore> anchors();
  void verify_run(std::int64_t number);
  void verify_document(const std::string& id);
  void verify_generated(const std::vector<std::string>& all_files);
  // When the manifest is not what the contents make it: names each file it
  // lists that is missing or changed, and each file it does not list.
  void name_unlisted(const std::string& manifest,
                     const std::map<std::string, ExportedFile>& hashes);
  void verify_seals(const std::vector<std::string>& all_files);
  // The CRLs kept with run `number`: each one issued by the TSA
  // certificate's issuer, not revoking it at or before the token's time.
  void verify_crls(std::int64_t number, const signing::TimestampToken& token,
                   const std::optional<signing::TrustStore>& store);

  fs::path dir_;
  const env::FileSystem& files_;
  const std::optional<signing::TrustStore>& trust_;
  bool require_seal_ = false;
  ExportVerification result_;
  std::set<std::string> expected_;
  std::set<std::string> present_;  // every file of the export
  std::map<std::int64_t, Run> runs_;
  std::vector<ExportedDocument> documents_;
};

std::optional<signing::TrustStore> Verifier::anchors() {
  if (trust_) {
    result_.trust_note = "timestamps and seals judged against the trust anchors given (--trust)";
    return trust_;
  }
  std::vector<signing::Certificate> certificates;
  auto listed = files_.list_files(dir_ / "certificates");
  for (const auto& path : listed ? *listed : std::vector<fs::path>{}) {
    auto pem = files_.read(path, kMaxSmallFileBytes);
    if (!pem)
      continue;
    auto parsed = signing::Certificate::from_pem(signing::as_bytes(*pem), path.string());
    if (parsed)
      certificates.insert(certificates.end(), parsed->begin(), parsed->end());
  }
  result_.trust_note =
      "no --trust given: timestamps and seals judged against the export's own certificates "
      "(this proves integrity, not who the TSA is)";
  if (certificates.empty())
    return std::nullopt;
  auto store = signing::TrustStore::from_certificates(std::move(certificates));
  return store ? std::optional<signing::TrustStore>(std::move(*store)) : std::nullopt;
}

void Verifier::verify_crls(std::int64_t number, const signing::TimestampToken& token,
                           const std::optional<signing::TrustStore>& store) {
  for (std::size_t k = 1; present_.count(ExportLayout::crl_path(number, k)); ++k) {
    const std::string path = ExportLayout::crl_path(number, k);
    auto bytes = read(path, kMaxSegmentBytes);
    if (!bytes)
      continue;
    auto crl = signing::read_crl(signing::as_bytes(*bytes), path);
    std::optional<signing::Certificate> issuer;
    if (store && token.tsa_certificate)
      issuer = signing::find_issuer(*token.tsa_certificate, store->anchors());
    std::string problem;
    if (!crl) {
      problem = crl.error().message;
    } else if (!token.tsa_certificate) {
      problem = "the token carries no TSA certificate to check against it";
    } else if (!issuer) {
      problem = "the issuer of the TSA certificate is not among the trusted certificates";
    } else {
      signing::RevocationData data;
      data.crls.push_back(std::move(*crl));
      const auto status = signing::check_revocation(*token.tsa_certificate, *issuer, data, *store);
      if (status.status == signing::RevocationStatus::kUnknown)
        problem = "not a CRL of the TSA certificate's issuer (or its signature does not verify)";
      else if (status.status == signing::RevocationStatus::kRevoked && status.revocation_time &&
               *status.revocation_time <= token.gen_time)
        problem = "revokes the TSA certificate on " + env::utc_timestamp(*status.revocation_time) +
                  ", before its timestamp of " + env::utc_timestamp(token.gen_time);
    }
    check(path,
          "the TSA certificate of securing " + std::to_string(number) +
              " not revoked at its timestamp (CRL)",
          problem);
  }
}

void Verifier::verify_run(std::int64_t number) {
  const std::string record_path = ExportLayout::record_path(number);
  auto record_json = read(record_path, kMaxSecuringRecordBytes);
  auto token = read(ExportLayout::token_path(number), kMaxSmallFileBytes);
  auto segment = read(ExportLayout::segment_path(number), kMaxSegmentBytes);
  auto certificate = read(ExportLayout::certificate_path(number), kMaxSmallFileBytes);
  if (!record_json || !token || !segment)
    return;
  auto record = parse_securing_record(*record_json, record_path);
  if (!record || record->number != number) {
    check(record_path, "securing record well-formed",
          record ? "its number is not " + std::to_string(number) : record.error().message);
    return;
  }
  check(ExportLayout::token_path(number), "token is the one the record names",
        Sha256::hex(*token) == record->timestamp_token_sha256 ? "" : "SHA-256 differs");
  auto store = anchors();
  check(ExportLayout::token_path(number), "RFC 3161 timestamp over the record's root",
        store ? check_timestamp(*token, from_hex(record->root), *store)
              : "no TSA certificate to check it with");
  auto parsed = signing::TimestampToken::parse(signing::as_bytes(*token), "token");
  if (certificate) {
    const bool same =
        parsed && parsed->tsa_certificate && parsed->tsa_certificate->pem() == *certificate;
    check(ExportLayout::certificate_path(number), "the certificate carried in the token",
          same ? "" : "differs from the token's TSA certificate");
  }
  if (parsed)
    verify_crls(number, *parsed, store);
  std::vector<JournalEntry> entries;
  std::size_t start = 0, line_number = 0;
  std::string problem;
  while (start < segment->size() && problem.empty()) {
    const auto end = segment->find('\n', start);
    ++line_number;
    if (end == std::string::npos) {
      problem = "line " + std::to_string(line_number) + " has no newline";
      break;
    }
    auto entry = parse_journal_line(std::string_view(*segment).substr(start, end - start),
                                    ExportLayout::segment_path(number));
    if (!entry)
      problem = "line " + std::to_string(line_number) + ": " + entry.error().message;
    else
      entries.push_back(std::move(*entry));
    start = end + 1;
  }
  if (problem.empty())
    problem = check_segment(*record, entries);
  check(ExportLayout::segment_path(number), "journal segment: order, chain, hash tree, root",
        problem);
  if (!problem.empty())
    return;
  Run run{*record, *record_json, *token, {}};
  for (const auto& entry : entries) {
    if (entry.draft.event == "deposit")
      run.deposits[entry.draft.archive_id] = entry;
  }
  runs_[number] = std::move(run);
}

void Verifier::verify_document(const std::string& id) {
  const std::string metadata_path = ExportLayout::metadata_path(id);
  auto metadata = read(metadata_path, 64 * 1024);
  auto receipt = read(ExportLayout::receipt_path(id), kMaxSmallFileBytes);
  auto evidence = read(ExportLayout::evidence_path(id), kMaxEvidenceRecordBytes);
  if (!metadata)
    return;
  auto object = parse_metadata_json(*metadata, metadata_path);
  if (!object || object->id != id) {
    check(metadata_path, "metadata well-formed",
          object ? "names another id" : object.error().message);
    return;
  }
  const std::string document_path = ExportLayout::document_path(*object);
  expected_.insert(document_path);
  Sha256 hasher;
  std::uint64_t size = 0;
  auto hashed =
      files_.read_chunks(dir_ / document_path, kMaxDocumentBytes, [&](std::string_view piece) {
        hasher.update(piece);
        size += piece.size();
        return model::Status::Ok();
      });
  const std::string document_sha256 = hasher.finish_hex();
  check(document_path, "SHA-256 is the deposit fingerprint of the metadata",
        !hashed                             ? hashed.error().message
        : document_sha256 != object->sha256 ? "SHA-256 differs: the document was changed"
        : size != object->size              ? "size differs"
                                            : "");
  const Run* run = nullptr;
  const JournalEntry* deposit = nullptr;
  for (const auto& [number, r] : runs_) {
    auto it = r.deposits.find(id);
    if (it != r.deposits.end())
      run = &r, deposit = &it->second;
  }
  if (!deposit) {
    check(id, "deposit entry in a secured journal segment", "none found");
    return;
  }
  const auto detail = nlohmann::json::parse(deposit->draft.detail, nullptr, false);
  const bool recorded = detail.is_object() && detail.value("sha256", "") == object->sha256 &&
                        detail.value("metadata_sha256", "") == Sha256::hex(*metadata);
  check(metadata_path, "fingerprint and metadata hash are those the deposit entry recorded",
        recorded ? "" : "differ from journal entry " + std::to_string(deposit->sequence));
  if (receipt)
    check(ExportLayout::receipt_path(id), "receipt matches metadata and deposit entry",
          *receipt == ExportLayout::receipt(*object, *deposit) ? "" : "differs");
  if (evidence) {
    auto parsed = parse_evidence_record(*evidence, ExportLayout::evidence_path(id));
    std::string problem;
    if (!parsed)
      problem = parsed.error().message;
    else if (parsed->timestamp_token != run->token)
      problem = "its timestamp is not the token of securing " + std::to_string(run->record.number);
    else if (to_hex(parsed->root_for(from_hex(document_sha256))) != run->record.root)
      problem = "its reduced hash tree does not lead from the document to the timestamped root";
    check(ExportLayout::evidence_path(id), "RFC 4998 evidence record of the document", problem);
  }
  documents_.push_back({*object, run->record.number});
}

void Verifier::name_unlisted(const std::string& manifest,
                             const std::map<std::string, ExportedFile>& hashes) {
  const auto json = nlohmann::json::parse(manifest, nullptr, false);
  if (!json.is_object() || !json.contains("files") || !json["files"].is_array())
    return;
  std::set<std::string> listed;
  for (const auto& file : json["files"]) {
    if (!file.is_object() || !file.contains("path") || !file["path"].is_string())
      continue;
    const std::string path = file["path"].get<std::string>();
    listed.insert(path);
    const auto found = hashes.find(path);
    if (found == hashes.end())
      check(path, "listed in the manifest", "missing from the export");
    else if (!file.contains("sha256") || file["sha256"] != found->second.sha256)
      check(path, "listed in the manifest", "its SHA-256 is not the one the manifest lists");
  }
  for (const auto& [path, file] : hashes) {
    if (!listed.count(path))
      check(path, "listed in the manifest", "not listed");
  }
}

void Verifier::verify_generated(const std::vector<std::string>& all_files) {
  std::map<std::string, ExportedFile> hashes, manifest_seal;
  for (const auto& path : all_files) {
    if (path == ExportLayout::kManifest || path == ExportLayout::kManifestSha256)
      continue;
    auto& into = path == ExportLayout::kManifestSeal ? manifest_seal : hashes;
    Sha256 hasher;
    std::uint64_t size = 0;
    auto read = files_.read_chunks(dir_ / path, kMaxDocumentBytes, [&](std::string_view piece) {
      hasher.update(piece);
      size += piece.size();
      return model::Status::Ok();
    });
    if (read)
      into[path] = {hasher.finish_hex(), size};
  }
  for (const char* path : {ExportLayout::kReadme, ExportLayout::kManifest}) {
    auto bytes = read(path, kMaxSegmentBytes);
    if (!bytes)
      continue;
    const std::string expected = std::string(path) == ExportLayout::kReadme
                                     ? ExportLayout::readme()
                                     : ExportLayout::manifest(documents_, hashes);
    check(path, "is what the verified contents make it", *bytes == expected ? "" : "differs");
    if (*bytes != expected && std::string(path) == ExportLayout::kManifest)
      name_unlisted(*bytes, hashes);
    hashes[path] = {Sha256::hex(*bytes), bytes->size()};
  }
  hashes.insert(manifest_seal.begin(), manifest_seal.end());
  if (auto sums = read(ExportLayout::kManifestSha256, kMaxSegmentBytes))
    check(ExportLayout::kManifestSha256, "is what the verified contents make it",
          *sums == ExportLayout::manifest_sha256(hashes) ? "" : "differs");
}

void Verifier::verify_seals(const std::vector<std::string>& all_files) {
  const std::set<std::string> present(all_files.begin(), all_files.end());
  if (present.count(ExportLayout::kSealCertificates))
    expected_.insert(ExportLayout::kSealCertificates);
  std::optional<signing::TrustStore> store;
  bool store_read = false;
  for (const auto& path : all_files) {
    const std::string suffix = ".p7s";
    if (path.size() <= suffix.size() || path.compare(path.size() - 4, 4, suffix) != 0)
      continue;
    const std::string sealed = path.substr(0, path.size() - suffix.size());
    if (!ExportLayout::sealable(sealed) || !present.count(sealed))
      continue;  // left to the check for unexpected files
    auto seal = read(path, signing::kMaxSealBytes);
    auto data = read(sealed, kMaxSegmentBytes);
    if (!seal || !data)
      continue;
    if (!store_read)
      store = anchors(), store_read = true;
    std::string problem;
    if (!store) {
      problem = "no certificate to check it with (give --trust)";
    } else {
      signing::VerificationOptions options;
      options.validation_time =
          std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
      auto reports = signing::verify_detached_cades(
          signing::as_bytes(*seal), signing::as_bytes(*data), *store, options, path);
      if (!reports)
        problem = reports.error().message;
      else if (reports->empty())
        problem = "no signature in it";
      for (const auto& report : reports ? *reports : std::vector<signing::SignatureReport>{}) {
        for (const auto& error : report.errors)
          problem += (problem.empty() ? "" : "; ") + error;
        if (!report.passed() && report.errors.empty())
          problem += (problem.empty() ? "" : "; ") + std::string(to_string(report.indication));
      }
    }
    check(path, "platform seal (CAdES) over " + sealed, problem);
    if (sealed == ExportLayout::kManifest && problem.empty())
      result_.manifest_sealed = true;
  }
  if (require_seal_ && !present.count(ExportLayout::kManifestSeal))
    check(ExportLayout::kManifest, "sealed by the platform (--require-seal)",
          "no manifest.json.p7s: that no document was removed cannot be proven");
}

ExportVerification Verifier::run() {
  auto listed = files_.list_files(dir_);
  if (!listed) {
    check(dir_.string(), "export folder readable", listed.error().message);
    return std::move(result_);
  }
  std::vector<std::string> all;
  std::set<std::int64_t> numbers;
  std::vector<std::string> ids;
  for (const auto& path : *listed) {
    const std::string relative = path.lexically_relative(dir_).generic_string();
    all.push_back(relative);
    present_.insert(relative);
    const std::string prefix = "securing/securing-", suffix = ".json";
    if (relative.rfind(prefix, 0) == 0 && relative.size() > prefix.size() + suffix.size() &&
        relative.compare(relative.size() - suffix.size(), suffix.size(), suffix) == 0) {
      const std::string digits =
          relative.substr(prefix.size(), relative.size() - prefix.size() - suffix.size());
      if (digits.size() <= 9 && digits.find_first_not_of("0123456789") == std::string::npos &&
          digits[0] != '0')
        numbers.insert(std::stoll(digits));
    }
    if (relative.rfind("metadata/", 0) == 0 && relative.size() > 14 &&
        relative.compare(relative.size() - 5, 5, ".json") == 0 &&
        relative.find('/', 9) == std::string::npos)
      ids.push_back(relative.substr(9, relative.size() - 14));
  }
  if (numbers.empty())
    check(dir_.string(), "holds securing records", "none found");
  if (ids.empty())
    check(dir_.string(), "holds documents", "none found");
  for (auto number : numbers)
    verify_run(number);
  for (const auto& [number, run] : runs_) {
    auto before = runs_.find(number - 1);
    if (before != runs_.end())
      check(ExportLayout::record_path(number), "chained to the previous securing record",
            run.record.previous_record_sha256 == Sha256::hex(before->second.record_json)
                ? ""
                : "does not hold the SHA-256 of securing " + std::to_string(number - 1));
  }
  for (const auto& id : ids)
    verify_document(id);
  verify_generated(all);
  verify_seals(all);
  for (const auto& path : all) {
    if (!expected_.count(path))
      check(path, "belongs to the export", "unexpected file: not part of any checked item");
  }
  return std::move(result_);
}

}  // namespace

bool ExportVerification::passed() const {
  if (checks.empty())
    return false;
  for (const auto& c : checks) {
    if (!c.passed)
      return false;
  }
  return true;
}

ExportVerification verify_export(const fs::path& dir, const env::FileSystem& files,
                                 const std::optional<signing::TrustStore>& trust,
                                 bool require_seal) {
  return Verifier(dir, files, trust, require_seal).run();
}

}  // namespace einvoice::archive
