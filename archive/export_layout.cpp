#include "archive/export_layout.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "archive/sha256.h"

namespace einvoice::archive {
namespace {

using model::Error;
using model::ErrorCode;

std::string n(std::int64_t number) {
  return std::to_string(number);
}

}  // namespace

std::string ExportLayout::safe_file_name(std::string_view name) {
  const auto slash = name.find_last_of('/');
  if (slash != std::string_view::npos)
    name.remove_prefix(slash + 1);
  std::string out;
  for (char c : name.substr(0, 100)) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '_' || c == '-';
    out += plain ? c : '_';
  }
  while (!out.empty() && out.front() == '.')
    out.front() = '_';
  return out.empty() ? "document" : out;
}

std::string ExportLayout::document_path(const ArchivedObject& object) {
  return "documents/" + object.id + "/" + safe_file_name(object.metadata.file_name);
}
std::string ExportLayout::metadata_path(std::string_view id) {
  return "metadata/" + std::string(id) + ".json";
}
std::string ExportLayout::receipt_path(std::string_view id) {
  return "receipts/" + std::string(id) + ".json";
}
std::string ExportLayout::evidence_path(std::string_view id) {
  return "evidence/" + std::string(id) + ".ers";
}
std::string ExportLayout::segment_path(std::int64_t s) {
  return "journal/segment-" + n(s) + ".jsonl";
}
std::string ExportLayout::record_path(std::int64_t s) {
  return "securing/securing-" + n(s) + ".json";
}
std::string ExportLayout::token_path(std::int64_t s) {
  return "securing/securing-" + n(s) + ".tst";
}
std::string ExportLayout::certificate_path(std::int64_t s) {
  return "certificates/tsa-" + n(s) + ".pem";
}
std::string ExportLayout::renewal_record_path(std::int64_t k) {
  return "securing/renewal-" + n(k) + ".json";
}
std::string ExportLayout::renewal_token_path(std::int64_t k) {
  return "securing/renewal-" + n(k) + ".tst";
}
std::string ExportLayout::renewal_certificate_path(std::int64_t k) {
  return "certificates/tsa-renewal-" + n(k) + ".pem";
}

std::string ExportLayout::crl_path(std::int64_t s, std::size_t index) {
  return "certificates/tsa-" + n(s) + "-" + std::to_string(index) + ".crl";
}

bool ExportLayout::earlier_readme(std::string_view text) {
  // SHA-256 of each README text earlier releases wrote, oldest first.
  static constexpr const char* kEarlier[] = {
      "e11c8d967942355f34a6c3f4979d54fcb48dd615fbe818f454f8e86250a9c706",
  };
  const std::string sha256 = Sha256::hex(text);
  for (const char* earlier : kEarlier) {
    if (sha256 == earlier)
      return true;
  }
  return false;
}

std::string ExportLayout::seal_path(std::string_view path) {
  return std::string(path) + ".p7s";
}

bool ExportLayout::sealable(std::string_view path) {
  auto within = [&](std::string_view folder, std::string_view prefix) {
    const std::string_view suffix = ".json";
    if (path.size() <= folder.size() + prefix.size() + suffix.size() || path.rfind(folder, 0) != 0)
      return false;
    const auto name = path.substr(folder.size());
    return name.rfind(prefix, 0) == 0 && name.find('/') == std::string_view::npos &&
           name.substr(name.size() - suffix.size()) == suffix;
  };
  return path == kManifest || within("receipts/", "") || within("securing/", "securing-") ||
         within("securing/", "renewal-");
}

std::string ExportLayout::receipt(const ArchivedObject& object, const JournalEntry& entry) {
  const nlohmann::json receipt = {{"receipt", "deposit"},
                                  {"id", object.id},
                                  {"sha256", object.sha256},
                                  {"size", object.size},
                                  {"deposited_at", object.deposited_at},
                                  {"metadata", nlohmann::json::parse(object.metadata_json())},
                                  {"metadata_sha256", object.metadata_sha256()},
                                  {"journal_sequence", entry.sequence},
                                  {"journal_entry_sha256", entry.hash()}};
  return receipt.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string ExportLayout::manifest(const std::vector<ExportedDocument>& documents,
                                   const std::map<std::string, ExportedFile>& files,
                                   const std::vector<std::int64_t>& renewals) {
  nlohmann::json units = nlohmann::json::array();
  std::set<std::int64_t> securings;
  std::vector<const ExportedDocument*> by_id;
  for (const auto& d : documents)
    by_id.push_back(&d);
  std::sort(by_id.begin(), by_id.end(),
            [](const auto* a, const auto* b) { return a->object.id < b->object.id; });
  for (const auto* document : by_id) {
    const auto& d = *document;
    const auto& o = d.object;
    const auto& m = o.metadata;
    securings.insert(d.securing);
    units.push_back({{"ArchiveUnit", o.id},
                     {"Content",
                      {{"DescriptionLevel", "Item"},
                       {"Title", m.file_name},
                       {"DocumentType", to_string(m.document_class)},
                       {"OriginatingAgencyIdentifier", m.siren},
                       {"OriginatingSystemId", m.invoice_number},
                       {"CreatedDate", m.invoice_date},
                       {"ReceivedDate", o.deposited_at}}},
                     {"DataObject",
                      {{"Uri", document_path(o)},
                       {"MessageDigest", o.sha256},
                       {"Algorithm", "SHA-256"},
                       {"Size", o.size},
                       {"FormatId", m.format},
                       {"Profile", m.profile}}},
                     {"Evidence",
                      {{"Metadata", metadata_path(o.id)},
                       {"Receipt", receipt_path(o.id)},
                       {"EvidenceRecord", evidence_path(o.id)},
                       {"Securing", d.securing}}}});
  }
  nlohmann::json runs = nlohmann::json::array();
  for (auto s : securings)
    runs.push_back({{"Securing", s},
                    {"Record", record_path(s)},
                    {"TimestampToken", token_path(s)},
                    {"JournalSegment", segment_path(s)},
                    {"TsaCertificate", certificate_path(s)}});
  nlohmann::json listed = nlohmann::json::array();
  for (const auto& [path, file] : files) {
    if (path != kManifest && path != kManifestSha256 && path != kManifestSeal)
      listed.push_back({{"path", path}, {"sha256", file.sha256}, {"size", file.size}});
  }
  nlohmann::json manifest = {{"export", "einvoice archive export"},
                             {"format", 1},
                             {"hash", "SHA-256"},
                             {"ArchiveUnits", units},
                             {"Securings", runs},
                             {"files", listed}};
  for (auto k : renewals)
    manifest["Renewals"].push_back({{"Renewal", k},
                                    {"Record", renewal_record_path(k)},
                                    {"TimestampToken", renewal_token_path(k)},
                                    {"TsaCertificate", renewal_certificate_path(k)}});
  return manifest.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string ExportLayout::manifest_sha256(const std::map<std::string, ExportedFile>& files) {
  std::string out;
  for (const auto& [path, file] : files) {
    if (path != kManifestSha256)
      out += file.sha256 + "  " + path + "\n";
  }
  return out;
}

model::Result<ArchivedObject> parse_metadata_json(std::string_view text, std::string_view origin) {
  const model::SourceLocation where{std::string(origin), "", 0, 0};
  if (text.size() > 64 * 1024)
    return Error{ErrorCode::kLimitExceeded, "metadata larger than 64 KiB", where};
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (text[i] == '{' || text[i] == '[')
      return Error{ErrorCode::kMalformed, "metadata: nested value", where};
  }
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object())
    return Error{ErrorCode::kMalformed, "metadata: not a JSON object", where};
  ArchivedObject o;
  auto& m = o.metadata;
  try {
    o.id = json.at("id").get<std::string>();
    o.sha256 = json.at("sha256").get<std::string>();
    // A float or a negative number is no size (and converting one is undefined).
    if (!json.at("size").is_number_unsigned())
      return Error{ErrorCode::kMalformed, "metadata: size is not a whole number of bytes", where};
    o.size = json.at("size").get<std::uint64_t>();
    o.stored_sha256 = json.at("stored_sha256").get<std::string>();
    o.deposited_at = json.at("deposited_at").get<std::string>();
    m.file_name = json.at("file").get<std::string>();
    m.siren = json.at("siren").get<std::string>();
    m.invoice_number = json.at("invoice_number").get<std::string>();
    m.invoice_date = json.at("invoice_date").get<std::string>();
    m.type_code = json.at("type_code").get<std::string>();
    m.format = json.at("format").get<std::string>();
    m.profile = json.at("profile").get<std::string>();
    const auto document_class = parse_document_class(json.at("class").get<std::string>());
    if (!document_class)
      return Error{ErrorCode::kMalformed, "metadata: unknown class", where};
    m.document_class = *document_class;
  } catch (const nlohmann::json::exception&) {
    return Error{ErrorCode::kMalformed, "metadata: missing or mistyped fields", where};
  }
  if (o.metadata_json() != text)
    return Error{ErrorCode::kMalformed, "metadata: not in canonical form", where};
  return o;
}

}  // namespace einvoice::archive

namespace einvoice::archive {

std::string ExportLayout::readme() {
  return R"(# einvoice archive export

This folder is a self-contained export of archived documents with the
evidence that they are exactly what was deposited, when, and that the
archive's journal holds them. `einvoice archive verify-export DIR` checks
all of it; the steps below do the same with `sha256sum`, `openssl` and
ordinary shell tools (sed, sort, tr, xxd). Formats: `docs/archive.md` of
einvoice.

## Contents

- `documents/ID/NAME`: the deposited bytes (decrypted).
- `metadata/ID.json`: the metadata the deposit fixed (canonical JSON, no
  trailing newline), including `sha256`, the fingerprint of the document.
- `receipts/ID.json`: the deposit receipt.
- `evidence/ID.ers`: the RFC 4998 evidence record (DER) of the document.
- `journal/segment-N.jsonl`: journal entries closed by securing run N, one
  canonical JSON line each; each line's `prev` is the SHA-256 of the line
  before it (without its newline).
- `securing/securing-N.json`: the securing record (canonical JSON, no
  trailing newline); `securing/securing-N.tst`: its RFC 3161 timestamp
  token (DER), whose message imprint is the record's `root`.
- `securing/renewal-K.json`: timestamp renewal K (RFC 4998 5.2; canonical
  JSON, no trailing newline): `leaves` holds, for each securing run 1..n,
  the SHA-256 of the latest token covering it before the renewal (its
  `securing-N.tst`, or `renewal-(K-1).tst`), `tree_root` the root of those
  leaves' hash tree; `securing/renewal-K.tst`: its RFC 3161 token (DER),
  whose message imprint is `tree_root`.
- `certificates/tsa-N.pem`: the certificate of the TSA that signed token N;
  `certificates/tsa-renewal-K.pem`: that of renewal token K;
  `certificates/tsa-N-K.crl`: CRLs (DER) of the issuer of TSA certificate N
  gathered when run N was secured, showing it was not revoked.
- `manifest.json`: archive units (SEDA 2-like) and every file with its
  SHA-256; `manifest.sha256`: the same for `sha256sum -c`.
- `FILE.p7s`, when the platform seals what it issues: its seal (detached
  CAdES, DER) over `FILE`, for receipts, securing and renewal records and
  `manifest.json`; `certificates/seal.pem`: the sealing certificate and its
  chain. A sealed manifest proves the export whole: no document can be
  removed from it without breaking the seal.

## Checking by hand

    # 0. Files against the manifest (the manifest itself is checked by the
    #    steps below, which need nothing but the files).
    sha256sum -c manifest.sha256

    # 1. The document is what was deposited: its SHA-256 is the metadata's.
    sha256sum documents/ID/*
    grep -o '"sha256":"[0-9a-f]*"' metadata/ID.json

    # 2. The metadata is what the journal recorded at the deposit.
    sha256sum metadata/ID.json
    grep '"event":"deposit"' journal/segment-N.jsonl | grep '"id":"ID"'
    #    (its "metadata_sha256" and "sha256")

    # 3. The journal chain: line k's "prev" is the SHA-256 of line k-1.
    sed -n 'Kp' journal/segment-N.jsonl | tr -d '\n' | sha256sum
    sed -n 'K+1p' journal/segment-N.jsonl | grep -o '"prev":"[0-9a-f]*"'

    # 4. The timestamp: genuine, and over the record's root.
    openssl ts -reply -in securing/securing-N.tst -token_in -text
    openssl ts -verify -digest ROOT -in securing/securing-N.tst -token_in \
        -CAfile certificates/tsa-N.pem
    #    ROOT is "root" in securing/securing-N.json. Against a real TSA, give
    #    -CAfile the TSA's root certificate from its trust list instead.

    #    With the TSA's CRLs (certificates/tsa-N-K.crl), its certificate was
    #    not revoked (TSA-ROOT.pem: the issuer of the TSA certificate):
    openssl crl -inform DER -in certificates/tsa-N-1.crl -out tsa-N-1.crl.pem
    openssl verify -crl_check -CRLfile tsa-N-1.crl.pem -CAfile TSA-ROOT.pem \
        -purpose any certificates/tsa-N.pem

    # 5. The evidence record leads from the document's hash to ROOT.
    openssl asn1parse -inform DER -in evidence/ID.ers
    #    The OCTET STRINGs before the token are the reduced hash tree: first
    #    the document's SHA-256 and the SHA-256 of its deposit line, then one
    #    hash per level. Each step hashes the sorted, concatenated values:
    h() { printf '%s\n' "$@" | tr A-F a-f | sort | tr -d '\n' | xxd -r -p | sha256sum | cut -c1-64; }
    #    node=$(h DOC_SHA256 LINE_SHA256); node=$(h $node NEXT); ... = ROOT

    # 6. Renewals (when securing/renewal-K.json exist): each leaf is the
    #    SHA-256 of the latest token of its run, the leaves' tree gives
    #    tree_root (pair the nodes of each level in order with h, a last
    #    one alone moves up), and token K timestamps tree_root:
    sha256sum securing/securing-N.tst securing/renewal-*.tst
    openssl ts -verify -digest TREE_ROOT -in securing/renewal-K.tst -token_in \
        -CAfile certificates/tsa-renewal-K.pem
    #    Token N (or renewal K-1) must be checked at the time of the renewal
    #    that covers it, which proves it valid then, even if its TSA
    #    certificate expired since: add -attime SECONDS (the renewal token's
    #    genTime, from `openssl ts -reply -in ... -token_in -text`, as
    #    `date -d TIME +%s`) to step 4's command. The evidence record holds one
    #    ArchiveTimeStamp per renewal after the first: its first hash is the
    #    SHA-256 of the previous token, then one hash per level up to
    #    TREE_ROOT.

    # 7. The platform's seals (when the export has .p7s files): each one
    #    verifies over its file, signed by the platform's certificate.
    openssl cms -verify -binary -inform DER -in manifest.json.p7s \
        -content manifest.json -CAfile PLATFORM_ROOT.pem -purpose any >/dev/null
    #    PLATFORM_ROOT.pem: the root of the platform's sealing certificate,
    #    from its trust list (certificates/seal.pem shows the chain carried).
    #    Then every file the sealed manifest lists must have its SHA-256.

A change to any byte of a document, metadata file, journal line, record,
token or evidence record breaks one of these equalities.
)";
}

}  // namespace einvoice::archive
