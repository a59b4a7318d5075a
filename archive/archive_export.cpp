// Archive::export_package: the self-contained folder an auditor checks
// offline (docs/archive.md, "Export package").
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>

#include "archive/archive.h"
#include "archive/export_layout.h"
#include "archive/parallel_writes.h"
#include "archive/sha256.h"
#include "signing/digest.h"
#include "signing/timestamp_token.h"

namespace einvoice::archive {
namespace {

using model::Error;
using model::ErrorCode;

// A securing run with the documents exported from it.
struct Covered {
  const StoredSecuring* securing = nullptr;
  std::vector<std::size_t> documents;  // indexes into the export's documents
};

}  // namespace

// Writes files into the export folder, keeping each one's hash and size.
class ExportWriter {
 public:
  explicit ExportWriter(const env::OutputFolder& folder) : folder_(folder) {}
  // Thread-safe.
  model::Status write(const std::string& path, std::string_view bytes) {
    ExportedFile file{Sha256::hex(bytes), bytes.size()};
    {
      std::lock_guard<std::mutex> lock(mutex_);
      files_[path] = file;
    }
    return folder_.write(path, bytes);
  }
  const std::map<std::string, ExportedFile>& files() const { return files_; }

 private:
  const env::OutputFolder& folder_;
  std::mutex mutex_;
  std::map<std::string, ExportedFile> files_;
};

namespace {

// certificates/...: the TSA certificate `token_der` carries, when it does.
model::Status write_certificate(const std::string& token_der, const std::string& path,
                                ExportWriter& writer) {
  auto token = signing::TimestampToken::parse(signing::as_bytes(token_der), "token");
  if (token && token->tsa_certificate)
    return writer.write(path, token->tsa_certificate->pem());
  return model::Status::Ok();
}

// securing/renewal-K.json and .tst, and its TSA certificate.
model::Status write_renewal(const StoredRenewal& renewal, ExportWriter& writer) {
  const auto k = renewal.record.number;
  for (auto [path, content] :
       {std::pair{ExportLayout::renewal_record_path(k), std::string_view(renewal.record_json)},
        std::pair{ExportLayout::renewal_token_path(k), std::string_view(renewal.token_der)}}) {
    if (auto written = writer.write(path, content); !written)
      return written;
  }
  if (!renewal.seal.empty()) {
    const auto path = ExportLayout::seal_path(ExportLayout::renewal_record_path(k));
    if (auto written = writer.write(path, renewal.seal); !written)
      return written;
  }
  return write_certificate(renewal.token_der, ExportLayout::renewal_certificate_path(k), writer);
}

}  // namespace

model::Status Archive::export_run(const StoredSecuring& securing,
                                  const std::vector<std::size_t>& chosen,
                                  const std::vector<StoredRenewal>& renewals,
                                  std::vector<ExportedDocument>& documents,
                                  ExportWriter& writer) const {
  const auto& r = securing.record;
  auto entries = segment(r);
  if (!entries)
    return entries.error();
  std::vector<Hash> leaves;
  std::string lines;
  for (const auto& entry : *entries) {
    leaves.push_back(journal_leaf(entry));
    lines += entry.line() + "\n";
  }
  const MerkleTree tree(std::move(leaves));
  const std::vector<ArchiveTimeStamp> renewed = renewal_time_stamps(renewals, r.number);
  auto export_one = [&](std::size_t n) -> model::Status {
    const ArchivedObject& object = documents[chosen[n]].object;
    const auto index = static_cast<std::size_t>(object.deposit_sequence - r.first_sequence);
    auto bytes = stored_bytes(object);
    if (!bytes)
      return bytes.error();
    const std::string metadata = object.metadata_json();
    auto receipt = this->receipt(object);
    if (!receipt)
      return receipt.error();
    const std::string evidence =
        evidence_record_der(r, *entries, tree, index, securing.token_der, renewed);
    const std::string receipt_path = ExportLayout::receipt_path(object.id);
    for (auto [path, content] :
         {std::pair{ExportLayout::document_path(object), std::string_view(*bytes)},
          std::pair{ExportLayout::metadata_path(object.id), std::string_view(metadata)},
          std::pair{receipt_path, std::string_view(receipt->receipt)},
          std::pair{ExportLayout::evidence_path(object.id), std::string_view(evidence)}}) {
      if (auto written = writer.write(path, content); !written)
        return written;
    }
    if (!receipt->seal.empty())
      return writer.write(ExportLayout::seal_path(receipt_path), receipt->seal);
    return model::Status::Ok();
  };
  if (auto done = parallel_writes(chosen.size(), kExportWriteThreads, export_one); !done)
    return done;
  for (auto [path, content] :
       {std::pair{ExportLayout::segment_path(r.number), std::string_view(lines)},
        std::pair{ExportLayout::record_path(r.number), std::string_view(securing.record_json)},
        std::pair{ExportLayout::token_path(r.number), std::string_view(securing.token_der)}}) {
    if (auto written = writer.write(path, content); !written)
      return written;
  }
  if (!securing.seal.empty()) {
    const auto path = ExportLayout::seal_path(ExportLayout::record_path(r.number));
    if (auto written = writer.write(path, securing.seal); !written)
      return written;
  }
  for (std::size_t k = 0; k < securing.tsa_crls.size(); ++k) {
    if (auto written = writer.write(ExportLayout::crl_path(r.number, k + 1), securing.tsa_crls[k]);
        !written)
      return written;
  }
  return write_certificate(securing.token_der, ExportLayout::certificate_path(r.number), writer);
}

model::Result<ExportSummary> Archive::export_package(const std::vector<std::string>& ids,
                                                     const std::filesystem::path& out_dir,
                                                     std::string_view actor) const {
  if (env_->files.exists(out_dir)) {
    auto present = env_->files.list_files(out_dir);
    if (!present || !present->empty())
      return Error{ErrorCode::kInvalidArgument,
                   "the export folder must be empty or missing",
                   {out_dir.string(), "", 0, 0}};
  }
  auto all = securings();
  if (!all)
    return all.error();
  std::vector<ExportedDocument> documents;
  std::map<std::int64_t, Covered> runs;
  std::set<std::string> seen;
  for (const auto& id : ids) {
    if (!seen.insert(id).second)
      continue;
    auto object = live(id);
    if (!object)
      return object.error();
    const StoredSecuring* covering = nullptr;
    for (const auto& s : *all) {
      if (object->deposit_sequence >= s.record.first_sequence &&
          object->deposit_sequence <= s.record.last_sequence)
        covering = &s;
    }
    if (!covering)
      return Error{ErrorCode::kInvalid,
                   id + " is not secured yet: run 'einvoice archive secure'",
                   {id, "", 0, 0}};
    auto& run = runs[covering->record.number];
    run.securing = covering;
    run.documents.push_back(documents.size());
    documents.push_back({std::move(*object), covering->record.number});
  }
  auto renewed = renewals();
  if (!renewed)
    return renewed.error();
  auto folder = env_->files.open_output_folder(out_dir);
  if (!folder)
    return folder.error();
  ExportWriter writer(**folder);
  for (const auto& [number, run] : runs) {
    if (auto exported = export_run(*run.securing, run.documents, *renewed, documents, writer);
        !exported)
      return exported.error();
  }
  // Every renewal covering an exported run (each covers every run before
  // it, so these are the last ones, in order).
  std::vector<std::int64_t> renewal_numbers;
  for (const auto& renewal : *renewed) {
    if (runs.empty() || !renewal.record.covers(runs.begin()->first))
      continue;
    if (auto written = write_renewal(renewal, writer); !written)
      return written.error();
    renewal_numbers.push_back(renewal.record.number);
  }
  if (auto written = writer.write(ExportLayout::kReadme, ExportLayout::readme()); !written)
    return written.error();
  if (sealer_) {
    if (auto written = writer.write(ExportLayout::kSealCertificates, sealer_->certificates_pem());
        !written)
      return written.error();
  }
  const std::string manifest = ExportLayout::manifest(documents, writer.files(), renewal_numbers);
  if (auto written = writer.write(ExportLayout::kManifest, manifest); !written)
    return written.error();
  auto manifest_seal = seal(manifest, ExportLayout::kManifest);
  if (!manifest_seal)
    return manifest_seal.error();
  if (!manifest_seal->empty()) {
    if (auto written = writer.write(ExportLayout::kManifestSeal, *manifest_seal); !written)
      return written.error();
  }
  const std::string sums = ExportLayout::manifest_sha256(writer.files());
  if (auto written = writer.write(ExportLayout::kManifestSha256, sums); !written)
    return written.error();
  std::vector<JournalDraft> drafts;
  ExportSummary summary;
  for (const auto& document : documents) {
    const nlohmann::json detail = {{"to", out_dir.string()}, {"sha256", document.object.sha256}};
    drafts.push_back(draft("access", "export", document.object.id, actor,
                           detail.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
    summary.bytes += document.object.size;
  }
  if (auto appended = catalog_->append_all(drafts); !appended)
    return appended.error();
  summary.documents = documents.size();
  summary.files = writer.files().size();
  return summary;
}

}  // namespace einvoice::archive
