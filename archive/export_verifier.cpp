#include "archive/export_verifier.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "archive/evidence_check.h"
#include "archive/evidence_record.h"
#include "archive/export_layout.h"
#include "archive/renewal_record.h"
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

// A timestamp renewal found in the export, well-formed, its token the one
// it names (its other checks are failed checks when they fail).
struct Renewal {
  RenewalRecord record;
  std::string record_json;
  std::string token;
  std::optional<std::chrono::sys_seconds> gen_time;  // the token's, when it parses
};

class Verifier {
 public:
  Verifier(const fs::path& dir, const env::FileSystem& files,
           const std::optional<signing::TrustStore>& trust, std::chrono::sys_seconds now,
           bool require_seal)
      : dir_(dir), files_(files), trust_(trust), require_seal_(require_seal), now_(now) {}

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
  void read_renewal(std::int64_t number);
  void verify_renewal(const Renewal& renewal);
  // When a token covering securing run `securing` (renewal `renewal`'s when
  // given) must be valid: at the genTime of the renewal after it, else now.
  std::chrono::sys_seconds valid_until(std::int64_t securing, std::int64_t renewal = 0) const;
  void verify_run(std::int64_t number);
  void verify_document(const std::string& id);
  std::string evidence_problem(const std::string& der, const Run& run,
                               const std::string& document_sha256) const;
  void verify_generated(const std::vector<std::string>& all_files);
  // When the manifest is not what the contents make it: names each file it
  // lists that is missing or changed, and each file it does not list.
  void name_unlisted(const std::string& manifest,
                     const std::map<std::string, ExportedFile>& hashes);
  void verify_seals(const std::vector<std::string>& all_files);
  // The CRLs kept with run `number`: each one issued by the TSA
  // certificate's issuer, not revoking it at or before the token's time.
  void verify_crls(std::int64_t number, const signing::TimestampToken& token);

  fs::path dir_;
  const env::FileSystem& files_;
  const std::optional<signing::TrustStore>& trust_;
  bool require_seal_ = false;
  std::chrono::sys_seconds now_;
  std::optional<signing::TrustStore> store_;  // anchors(), once
  ExportVerification result_;
  std::set<std::string> expected_;
  std::set<std::string> present_;  // every file of the export
  // Verdicts of check_timestamp_at by token, imprint and time.
  mutable std::map<std::string, std::string> token_checks_;
  std::map<std::int64_t, Run> runs_;
  std::map<std::int64_t, Renewal> renewals_;
  std::vector<ExportedDocument> documents_;
};

// N of `relative` when it is PREFIX + N + ".json", N a run number.
std::optional<std::int64_t> numbered(const std::string& relative, const std::string& prefix) {
  const std::string suffix = ".json";
  if (relative.rfind(prefix, 0) != 0 || relative.size() <= prefix.size() + suffix.size() ||
      relative.compare(relative.size() - suffix.size(), suffix.size(), suffix) != 0)
    return std::nullopt;
  const std::string digits =
      relative.substr(prefix.size(), relative.size() - prefix.size() - suffix.size());
  if (digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos ||
      digits[0] == '0')
    return std::nullopt;
  return std::stoll(digits);
}

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

void Verifier::verify_crls(std::int64_t number, const signing::TimestampToken& token) {
  const auto& store = store_;
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

void Verifier::read_renewal(std::int64_t number) {
  const std::string record_path = ExportLayout::renewal_record_path(number);
  const std::string token_path = ExportLayout::renewal_token_path(number);
  auto record_json = read(record_path, kMaxRenewalRecordBytes);
  auto token = read(token_path, kMaxSmallFileBytes);
  auto certificate = read(ExportLayout::renewal_certificate_path(number), kMaxSmallFileBytes);
  if (!record_json || !token)
    return;
  auto record = parse_renewal_record(*record_json, record_path);
  if (!record || record->number != number) {
    check(record_path, "renewal record well-formed",
          record ? "its number is not " + std::to_string(number) : record.error().message);
    return;
  }
  check(record_path, "hash tree of the tokens it renews", check_renewal_tree(*record));
  const bool named = Sha256::hex(*token) == record->timestamp_token_sha256;
  check(token_path, "token is the one the record names", named ? "" : "SHA-256 differs");
  if (!named)
    return;
  auto parsed = signing::TimestampToken::parse(signing::as_bytes(*token), "token");
  Renewal renewal{*record, *record_json, *token, std::nullopt};
  if (parsed)
    renewal.gen_time = parsed->gen_time;
  check(record_path, "gen_time is the token's",
        parsed && env::utc_timestamp(parsed->gen_time) == record->gen_time ? "" : "differs");
  if (certificate) {
    const bool same =
        parsed && parsed->tsa_certificate && parsed->tsa_certificate->pem() == *certificate;
    check(ExportLayout::renewal_certificate_path(number), "the certificate carried in the token",
          same ? "" : "differs from the token's TSA certificate");
  }
  renewals_[number] = std::move(renewal);
}

std::chrono::sys_seconds Verifier::valid_until(std::int64_t securing, std::int64_t renewal) const {
  for (const auto& [number, r] : renewals_) {
    if (number > renewal && r.record.covers(securing))
      return r.gen_time.value_or(now_);
  }
  return now_;
}

// A renewal against what it renews: its token over its tree root, valid
// until the next renewal (or now); chained to the renewal before; each leaf
// the latest token of its securing run where the export holds that token.
void Verifier::verify_renewal(const Renewal& renewal) {
  const RenewalRecord& r = renewal.record;
  const std::string record_path = ExportLayout::renewal_record_path(r.number);
  // Each renewal covers every securing run before it: the last one names
  // when the token must still be valid.
  check(
      ExportLayout::renewal_token_path(r.number), "RFC 3161 timestamp over the record's tree root",
      store_ ? check_timestamp_at(renewal.token, from_hex(r.tree_root), *store_,
                                  valid_until(static_cast<std::int64_t>(r.leaves.size()), r.number))
             : "no TSA certificate to check it with");
  const auto before = renewals_.find(r.number - 1);
  const Renewal* previous = before == renewals_.end() ? nullptr : &before->second;
  if (previous)
    check(record_path, "chained to the previous renewal record",
          r.previous_renewal_sha256 == Sha256::hex(previous->record_json)
              ? ""
              : "does not hold the SHA-256 of renewal " + std::to_string(r.number - 1));
  else if (r.number != renewals_.begin()->first)
    check(record_path, "the renewal before it is in the export",
          "renewal " + std::to_string(r.number - 1) + " is missing");
  if (previous && previous->record.leaves.size() > r.leaves.size())
    check(record_path, "covers every securing run the renewal before covered", "fewer leaves");
  std::string problem;
  for (const auto& leaf : r.leaves) {
    const auto run = runs_.find(leaf.securing);
    const bool renewed_before = previous && previous->record.covers(leaf.securing);
    if (!renewed_before && run == runs_.end())
      continue;  // neither token is in the export
    const std::string expected =
        expected_leaf(previous ? &previous->record : nullptr, leaf.securing,
                      run == runs_.end() ? "" : run->second.record.timestamp_token_sha256);
    if (leaf.token_sha256 != expected && problem.empty())
      problem = "the leaf of securing " + std::to_string(leaf.securing) +
                " is not the SHA-256 of its latest token (" +
                (renewed_before ? ExportLayout::renewal_token_path(r.number - 1)
                                : ExportLayout::token_path(leaf.securing)) +
                ")";
  }
  check(record_path, "its leaves are the latest tokens of the securing runs", problem);
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
  check(ExportLayout::token_path(number), "RFC 3161 timestamp over the record's root",
        store_ ? check_timestamp_at(*token, from_hex(record->root), *store_, valid_until(number))
               : "no TSA certificate to check it with");
  auto parsed = signing::TimestampToken::parse(signing::as_bytes(*token), "token");
  if (certificate) {
    const bool same =
        parsed && parsed->tsa_certificate && parsed->tsa_certificate->pem() == *certificate;
    check(ExportLayout::certificate_path(number), "the certificate carried in the token",
          same ? "" : "differs from the token's TSA certificate");
  }
  if (parsed)
    verify_crls(number, *parsed);
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
      run.deposits[entry.draft.subject] = entry;
  }
  runs_[number] = std::move(run);
}

// The evidence record of a document of `run`: its chain is the run's token,
// then the token of each renewal of the run in the export, in order; it
// leads from the document's hash through each of them (RFC 4998 5.3).
std::string Verifier::evidence_problem(const std::string& der, const Run& run,
                                       const std::string& document_sha256) const {
  auto parsed = parse_evidence_record(der, "evidence record");
  if (!parsed)
    return parsed.error().message;
  std::vector<std::pair<std::string, const std::string*>> tokens = {
      {ExportLayout::token_path(run.record.number), &run.token}};
  for (const auto& [number, renewal] : renewals_) {
    if (renewal.record.covers(run.record.number))
      tokens.push_back({ExportLayout::renewal_token_path(number), &renewal.token});
  }
  if (parsed->chain.size() != tokens.size())
    return "it holds " + std::to_string(parsed->chain.size()) + " ArchiveTimeStamps, the export " +
           std::to_string(tokens.size()) + " timestamps of securing " +
           std::to_string(run.record.number);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (parsed->chain[i].timestamp_token != *tokens[i].second)
      return "the timestamp of its ArchiveTimeStamp " + std::to_string(i + 1) + " is not " +
             tokens[i].first;
  }
  const Hash document = from_hex(document_sha256);
  if (to_hex(parsed->chain.front().root_for(document)) != run.record.root)
    return "its reduced hash tree does not lead from the document to the timestamped root";
  if (!store_)
    return "no TSA certificate to check its timestamps with";
  // The documents of one run share its tokens: each (token, root, time) is
  // checked once.
  auto memo = [this](std::string_view token, const Hash& imprint, std::chrono::sys_seconds at) {
    const std::string key =
        Sha256::hex(token) + to_hex(imprint) + std::to_string(at.time_since_epoch().count());
    auto found = token_checks_.find(key);
    if (found == token_checks_.end())
      found = token_checks_.emplace(key, check_timestamp_at(token, imprint, *store_, at)).first;
    return found->second;
  };
  return check_evidence_record(*parsed, document, memo, now_);
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
  if (evidence)
    check(ExportLayout::evidence_path(id), "RFC 4998 evidence record of the document",
          evidence_problem(*evidence, *run, document_sha256));
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
    std::vector<std::int64_t> renewals;
    for (const auto& [number, renewal] : renewals_)
      renewals.push_back(number);
    const std::string expected = std::string(path) == ExportLayout::kReadme
                                     ? ExportLayout::readme()
                                     : ExportLayout::manifest(documents_, hashes, renewals);
    const bool readme = std::string(path) == ExportLayout::kReadme;
    const bool same = *bytes == expected || (readme && ExportLayout::earlier_readme(*bytes));
    check(path,
          readme ? "is the auditor's README an einvoice release wrote"
                 : "is what the verified contents make it",
          same ? "" : "differs");
    if (!same && !readme)
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
    std::string problem;
    if (!store_) {
      problem = "no certificate to check it with (give --trust)";
    } else {
      signing::VerificationOptions options;
      options.validation_time = now_;
      auto reports = signing::verify_detached_cades(
          signing::as_bytes(*seal), signing::as_bytes(*data), *store_, options, path);
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
  std::set<std::int64_t> numbers, renewal_numbers;
  std::vector<std::string> ids;
  for (const auto& path : *listed) {
    const std::string relative = path.lexically_relative(dir_).generic_string();
    all.push_back(relative);
    present_.insert(relative);
    if (auto number = numbered(relative, "securing/securing-"))
      numbers.insert(*number);
    if (auto number = numbered(relative, "securing/renewal-"))
      renewal_numbers.insert(*number);
    if (relative.rfind("metadata/", 0) == 0 && relative.size() > 14 &&
        relative.compare(relative.size() - 5, 5, ".json") == 0 &&
        relative.find('/', 9) == std::string::npos)
      ids.push_back(relative.substr(9, relative.size() - 14));
  }
  if (numbers.empty())
    check(dir_.string(), "holds securing records", "none found");
  if (ids.empty())
    check(dir_.string(), "holds documents", "none found");
  store_ = anchors();
  for (auto number : renewal_numbers)
    read_renewal(number);
  for (auto number : numbers)
    verify_run(number);
  for (const auto& [number, renewal] : renewals_)
    verify_renewal(renewal);
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
                                 std::chrono::sys_seconds now, bool require_seal) {
  return Verifier(dir, files, trust, now, require_seal).run();
}

}  // namespace einvoice::archive
