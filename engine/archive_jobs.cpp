#include "engine/archive_jobs.h"

#include "engine/converter.h"
#include "engine/facturx_jobs.h"
#include "formats/detect/document_kind.h"
#include "formats/facturx/facturx_profile.h"
#include "signing/crl_fetch.h"
#include "signing/digest.h"
#include "signing/http_timestamp_authority.h"
#include "signing/local_timestamp_authority.h"
#include "signing/revocation.h"
#include "signing/timestamp_token.h"

namespace einvoice::engine {
namespace {

using model::Error;
using model::ErrorCode;

constexpr std::size_t kMaxKeyFileBytes = 4096;
constexpr std::size_t kMaxCrlFileBytes = std::size_t{64} << 20;

bool all_digits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// The SIREN of a seller: its legal registration identifier (SIREN, or the
// SIREN of a SIRET), else a French VAT number's last nine digits.
std::string siren_of(const model::Invoice& invoice) {
  const auto& seller = invoice.seller;
  if (seller.legal_registration_identifier) {
    const std::string& value = seller.legal_registration_identifier->value;
    if (all_digits(value) && (value.size() == 9 || value.size() == 14))
      return value.substr(0, 9);
  }
  if (seller.vat_identifier && seller.vat_identifier->size() == 13 &&
      seller.vat_identifier->compare(0, 2, "FR") == 0 &&
      all_digits(seller.vat_identifier->substr(4)))
    return seller.vat_identifier->substr(4);
  return {};
}

void describe_invoice(const model::Invoice& invoice, archive::DocumentMetadata& metadata) {
  metadata.document_class = archive::DocumentClass::kInvoice;
  metadata.siren = siren_of(invoice);
  metadata.invoice_number = invoice.number.value_or("");
  metadata.invoice_date = invoice.issue_date ? invoice.issue_date->to_iso() : "";
  metadata.type_code = invoice.type_code.value_or("");
  metadata.profile = invoice.process_control.specification_identifier.value_or("");
}

}  // namespace

model::Result<std::filesystem::path> archive_folder(const std::string& option,
                                                    const env::Env& env) {
  if (!option.empty())
    return std::filesystem::path(option);
  if (auto variable = env.variables.get("EINVOICE_ARCHIVE"); variable && !variable->empty())
    return std::filesystem::path(*variable);
  return Error{
      ErrorCode::kInvalidArgument, "no archive: give --archive DIR or set EINVOICE_ARCHIVE", {}};
}

model::Result<archive::MasterKey> read_master_key(const std::filesystem::path& file,
                                                  const env::Env& env) {
  auto text = env.files.read(file, kMaxKeyFileBytes);
  if (!text)
    return text.error();
  return archive::MasterKey::parse(*text, file.string());
}

model::Result<std::unique_ptr<archive::Archive>> open_archive(const ArchiveLocation& location,
                                                              const env::Env& env) {
  if (!location.key_file)
    return archive::Archive::open(location.dir, nullptr, env);
  auto key = read_master_key(*location.key_file, env);
  if (!key)
    return key.error();
  return archive::Archive::open(location.dir, &*key, env);
}

std::string archive_actor(const env::Env& env) {
  for (const char* name : {"EINVOICE_ARCHIVE_ACTOR", "USER"}) {
    if (auto value = env.variables.get(name); value && !value->empty())
      return value->substr(0, 200);
  }
  return "unknown";
}

bool is_refusal(const model::Error& error) {
  return error.code == ErrorCode::kInvalid;
}

archive::DocumentMetadata read_document_metadata(std::string_view bytes,
                                                 std::string_view file_name) {
  archive::DocumentMetadata metadata;
  metadata.file_name = std::filesystem::path(std::string(file_name)).filename().string();
  metadata.format = "other";
  const auto container = detect::sniff_container(bytes);
  if (container == detect::ContainerKind::kXml) {
    metadata.format = "XML";
    auto read = read_invoice(bytes, file_name);
    if (read) {
      metadata.format = detect::is_ubl(read->source_syntax) ? "UBL" : "CII";
      describe_invoice(read->parsed.invoice, metadata);
    }
  } else if (container == detect::ContainerKind::kPdf) {
    metadata.format = "PDF";
    auto extract = extract_facturx(bytes, file_name);
    if (extract && extract->invoice) {
      metadata.format = "Factur-X";
      describe_invoice(*extract->invoice, metadata);
      if (extract->content.xml_profile)
        metadata.profile = facturx::to_string(extract->content.xml_profile->profile);
    }
  }
  return metadata;
}

DepositTotals run_archive_deposit(const archive::Archive& archive, const ArchiveDepositJob& job,
                                  const env::Env& env,
                                  const std::function<void(const DepositLine&)>& on_durable) {
  DepositTotals totals;
  const std::string actor = archive_actor(env);
  const std::size_t group = std::max<std::size_t>(1, job.group_size);
  for (std::size_t begin = 0; begin < job.files.size(); begin += group) {
    const std::size_t end = std::min(job.files.size(), begin + group);
    std::vector<DepositLine> lines;
    std::vector<archive::DepositItem> items;
    std::vector<std::size_t> item_of_line;
    for (std::size_t i = begin; i < end; ++i) {
      const auto& file = job.files[i];
      auto bytes = env.files.read(file, archive::Archive::kMaxObjectBytes);
      DepositLine line{file.string(), {}, model::Result<archive::DepositResult>(Error{})};
      if (!bytes) {
        line.outcome = bytes.error();
        item_of_line.push_back(SIZE_MAX);
        lines.push_back(std::move(line));
        continue;
      }
      line.metadata = read_document_metadata(*bytes, file.string());
      if (!job.siren.empty())
        line.metadata.siren = job.siren;
      if (job.document_class)
        line.metadata.document_class = *job.document_class;
      item_of_line.push_back(items.size());
      items.push_back({std::move(*bytes), line.metadata});
      lines.push_back(std::move(line));
    }
    auto deposited = items.empty() ? model::Result<std::vector<archive::DepositResult>>(
                                         std::vector<archive::DepositResult>{})
                                   : archive.deposit(items, actor);
    for (std::size_t l = 0; l < lines.size(); ++l) {
      auto& line = lines[l];
      if (item_of_line[l] != SIZE_MAX)
        line.outcome = deposited
                           ? model::Result<archive::DepositResult>((*deposited)[item_of_line[l]])
                           : model::Result<archive::DepositResult>(deposited.error());
      if (!line.outcome)
        ++(line.outcome.error().code == ErrorCode::kLimitExceeded ? totals.refused : totals.failed);
      else
        ++(line.outcome->existing ? totals.existing : totals.deposited);
      on_durable(line);
    }
  }
  return totals;
}

model::Result<std::unique_ptr<signing::TimestampAuthority>> archive_timestamp_authority(
    const ArchiveSecureJob& job, const env::Env& env) {
  std::unique_ptr<signing::TimestampAuthority> authority;
  if (!job.tsa_url.empty()) {
    auto http = signing::HttpTimestampAuthority::create(job.tsa_url);
    if (!http)
      return http.error();
    authority = std::move(*http);
  } else if (job.test_tsa) {
    const env::Clock* clock = &env.clock;
    auto now = [clock] { return clock->now(); };
    auto local = job.test_tsa_dir.empty()
                     ? signing::LocalTimestampAuthority::create(nullptr, now)
                     : signing::LocalTimestampAuthority::load_or_create(job.test_tsa_dir, now);
    if (!local)
      return local.error();
    authority = std::move(*local);
  } else {
    return Error{ErrorCode::kInvalidArgument, "give --tsa-url URL or --test-tsa", {}};
  }
  return authority;
}

model::Result<ArchiveSecureOutcome> run_archive_secure(const archive::Archive& archive,
                                                       const ArchiveSecureJob& job,
                                                       const env::Env& env) {
  auto authority = archive_timestamp_authority(job, env);
  if (!authority)
    return authority.error();
  std::vector<std::string> crls;
  for (const auto& file : job.tsa_crl_files) {
    auto bytes = env.files.read(file, kMaxCrlFileBytes);
    if (!bytes)
      return bytes.error();
    auto crl = signing::read_crl(signing::as_bytes(*bytes), file.string());
    if (!crl)
      return crl.error();
    crls.emplace_back(crl->begin(), crl->end());
  }
  ArchiveSecureOutcome outcome;
  const bool fetch = crls.empty() && job.fetch_tsa_crls;
  auto revocation =
      [&](const signing::TimestampToken& token) -> model::Result<std::vector<std::string>> {
    if (!fetch || !token.tsa_certificate)
      return crls;
    for (const auto& url : signing::crl_distribution_urls(*token.tsa_certificate)) {
      auto fetched = signing::fetch_crl(url, {});
      if (fetched)
        crls.emplace_back(fetched->begin(), fetched->end());
      else
        outcome.warnings.push_back("the TSA's CRL was not kept: " + fetched.error().message);
    }
    return crls;
  };
  auto secured = archive.secure(**authority, archive_actor(env), revocation);
  if (!secured)
    return secured.error();
  outcome.securing = std::move(*secured);
  return outcome;
}

model::Result<std::optional<archive::StoredRenewal>> run_archive_renew(
    const archive::Archive& archive, const ArchiveSecureJob& job, const env::Env& env) {
  auto authority = archive_timestamp_authority(job, env);
  if (!authority)
    return authority.error();
  return archive.renew(**authority, archive_actor(env));
}

model::Result<archive::ExportSummary> run_archive_export(const archive::Archive& archive,
                                                         const std::string& siren,
                                                         const std::vector<std::string>& ids,
                                                         const std::filesystem::path& out_dir,
                                                         const env::Env& env) {
  std::vector<std::string> chosen = ids;
  if (!siren.empty()) {
    auto listed = archive.list(siren);
    if (!listed)
      return listed.error();
    for (const auto& object : *listed)
      chosen.push_back(object.id);
    if (chosen.empty())
      return Error{ErrorCode::kInvalid, "no archived object of SIREN " + siren, {}};
  }
  return archive.export_package(chosen, out_dir, archive_actor(env));
}

model::Result<archive::ExportVerification> run_verify_export(
    const std::filesystem::path& dir, const std::optional<std::filesystem::path>& trust_dir,
    bool require_seal, const env::Env& env) {
  if (!env.files.is_directory(dir))
    return Error{ErrorCode::kIo, "not a folder", {dir.string(), "", 0, 0}};
  std::optional<signing::TrustStore> trust;
  if (trust_dir) {
    auto loaded = signing::TrustStore::load_folder(*trust_dir);
    if (!loaded)
      return loaded.error();
    trust = std::move(*loaded);
  }
  return archive::verify_export(dir, env.files, trust,
                                std::chrono::floor<std::chrono::seconds>(env.clock.now()),
                                require_seal);
}

}  // namespace einvoice::engine
