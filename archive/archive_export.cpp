// Archive::export_package: the self-contained folder an auditor checks
// offline (docs/archive.md, "Export package").
#include <nlohmann/json.hpp>
#include <set>

#include "archive/archive.h"
#include "archive/export_layout.h"
#include "archive/sha256.h"
#include "signing/digest.h"
#include "signing/timestamp_token.h"

namespace einvoice::archive {
namespace {

using model::Error;
using model::ErrorCode;

// Writes files into the export folder, keeping each one's hash and size.
class ExportWriter {
 public:
  explicit ExportWriter(const env::OutputFolder& folder) : folder_(folder) {}
  model::Status write(const std::string& path, std::string_view bytes) {
    files_[path] = {Sha256::hex(bytes), bytes.size()};
    return folder_.write(path, bytes);
  }
  const std::map<std::string, ExportedFile>& files() const { return files_; }

 private:
  const env::OutputFolder& folder_;
  std::map<std::string, ExportedFile> files_;
};

}  // namespace

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
  std::vector<std::string> evidence;
  for (const auto& id : ids) {
    auto object = live(id);
    if (!object)
      return object.error();
    auto record = evidence_record(id);
    if (!record)
      return record.error();
    ExportedDocument document{*object, 0};
    for (const auto& s : *all) {
      if (object->deposit_sequence >= s.record.first_sequence &&
          object->deposit_sequence <= s.record.last_sequence)
        document.securing = s.record.number;
    }
    documents.push_back(std::move(document));
    evidence.push_back(std::move(*record));
  }
  auto folder = env_->files.open_output_folder(out_dir);
  if (!folder)
    return folder.error();
  ExportWriter writer(**folder);
  ExportSummary summary;
  std::set<std::int64_t> used;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const ArchivedObject& object = documents[i].object;
    used.insert(documents[i].securing);
    auto bytes = stored_bytes(object);
    if (!bytes)
      return bytes.error();
    auto receipt_json = receipt(object);
    if (!receipt_json)
      return receipt_json.error();
    const std::string metadata = object.metadata_json();
    for (auto [path, content] :
         {std::pair{ExportLayout::document_path(object), std::string_view(*bytes)},
          std::pair{ExportLayout::metadata_path(object.id), std::string_view(metadata)},
          std::pair{ExportLayout::receipt_path(object.id), std::string_view(*receipt_json)},
          std::pair{ExportLayout::evidence_path(object.id), std::string_view(evidence[i])}}) {
      if (auto written = writer.write(path, content); !written)
        return written.error();
    }
    summary.bytes += bytes->size();
  }
  for (const auto& s : *all) {
    if (!used.count(s.record.number))
      continue;
    const auto& r = s.record;
    auto entries = catalog_->journal(r.first_sequence, r.last_sequence - r.first_sequence + 1);
    if (!entries)
      return entries.error();
    std::string lines;
    for (const auto& entry : *entries)
      lines += entry.line() + "\n";
    if (auto written = writer.write(ExportLayout::segment_path(r.number), lines); !written)
      return written.error();
    if (auto written = writer.write(ExportLayout::record_path(r.number), s.record_json); !written)
      return written.error();
    if (auto written = writer.write(ExportLayout::token_path(r.number), s.token_der); !written)
      return written.error();
    auto token = signing::TimestampToken::parse(signing::as_bytes(s.token_der), "token");
    if (token && token->tsa_certificate) {
      if (auto written =
              writer.write(ExportLayout::certificate_path(r.number), token->tsa_certificate->pem());
          !written)
        return written.error();
    }
  }
  if (auto written = writer.write(ExportLayout::kReadme, ExportLayout::readme()); !written)
    return written.error();
  const std::string manifest = ExportLayout::manifest(documents, writer.files());
  if (auto written = writer.write(ExportLayout::kManifest, manifest); !written)
    return written.error();
  const std::string sums = ExportLayout::manifest_sha256(writer.files());
  if (auto written = writer.write(ExportLayout::kManifestSha256, sums); !written)
    return written.error();
  for (const auto& document : documents) {
    const nlohmann::json detail = {{"to", out_dir.string()}, {"sha256", document.object.sha256}};
    auto entry = catalog_->append(
        draft("access", "export", document.object.id, actor,
              detail.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
    if (!entry)
      return entry.error();
  }
  summary.documents = documents.size();
  summary.files = writer.files().size();
  return summary;
}

}  // namespace einvoice::archive
