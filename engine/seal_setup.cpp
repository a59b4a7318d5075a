#include "engine/seal_setup.h"

#include <chrono>
#include <utility>

#include "signing/digest.h"
#include "signing/http_timestamp_authority.h"
#include "signing/local_timestamp_authority.h"
#include "signing/revocation.h"

namespace einvoice::engine {
namespace {

using model::Error;
using model::ErrorCode;

constexpr std::size_t kMaxKeyFileBytes = 1u << 20;
constexpr std::size_t kMaxCrlBytes = 64u << 20;
constexpr std::size_t kMaxOcspBytes = 1u << 20;

Error invalid(std::string message) {
  return Error{ErrorCode::kInvalidArgument, std::move(message), {}};
}

model::Result<std::unique_ptr<signing::SoftwareSigner>> load_signer(const SealRequest& r,
                                                                    const env::Env& env) {
  const std::string password = env.variables.get(r.password_variable).value_or("");
  if (!r.p12.empty()) {
    auto der = env.files.read(r.p12, kMaxKeyFileBytes);
    if (!der)
      return der.error();
    return signing::load_pkcs12_signer_from_memory(signing::as_bytes(*der), password, r.p12);
  }
  auto key = env.files.read(r.key, kMaxKeyFileBytes);
  if (!key)
    return key.error();
  auto certificates = env.files.read(r.cert, kMaxKeyFileBytes);
  if (!certificates)
    return certificates.error();
  if (!r.chain.empty()) {
    auto chain = env.files.read(r.chain, kMaxKeyFileBytes);
    if (!chain)
      return chain.error();
    *certificates += "\n" + *chain;
  }
  return signing::load_pem_signer_from_memory(signing::as_bytes(*key),
                                              signing::as_bytes(*certificates), password, r.cert);
}

model::Result<std::unique_ptr<signing::TimestampAuthority>> make_authority(const SealRequest& r,
                                                                           const env::Env& env) {
  if (!r.tsa_url.empty()) {
    signing::HttpTimestampAuthority::Options options;
    options.ca_file = r.tsa_ca;
    options.proxy = r.tsa_proxy;
    options.client_certificate = r.tsa_cert;
    options.client_key = r.tsa_key;
    if (!r.tsa_user.empty()) {
      options.user = r.tsa_user;
      options.password = env.variables.get(r.tsa_password_variable).value_or("");
    }
    if (r.tsa_timeout_seconds)
      options.timeout = std::chrono::seconds(*r.tsa_timeout_seconds);
    auto http = signing::HttpTimestampAuthority::create(r.tsa_url, options);
    if (!http)
      return http.error();
    return std::unique_ptr<signing::TimestampAuthority>(std::move(*http));
  }
  if (!r.test_tsa)
    return std::unique_ptr<signing::TimestampAuthority>();
  const env::Clock* clock = &env.clock;
  auto now = [clock] { return clock->now(); };
  auto local = r.test_tsa_dir.empty()
                   ? signing::LocalTimestampAuthority::create(nullptr, now)
                   : signing::LocalTimestampAuthority::load_or_create(r.test_tsa_dir, now);
  if (!local)
    return local.error();
  return std::unique_ptr<signing::TimestampAuthority>(std::move(*local));
}

// The DER revocation data of `files`, each read within `max_bytes`.
model::Result<std::vector<signing::Bytes>> read_revocation(
    const std::vector<std::string>& files, std::size_t max_bytes, const env::Env& env,
    model::Result<signing::Bytes> (*decode)(std::span<const std::uint8_t>, std::string_view)) {
  std::vector<signing::Bytes> out;
  for (const std::string& file : files) {
    auto bytes = env.files.read(file, max_bytes);
    if (!bytes)
      return bytes.error();
    auto der = decode(signing::as_bytes(*bytes), file);
    if (!der)
      return der.error();
    out.push_back(std::move(*der));
  }
  return out;
}

void apply_level(const std::string& level, SealJobOptions& options) {
  options.level =
      level == "B-B" ? signing::CadesLevel::kBaselineB : signing::CadesLevel::kBaselineT;
  options.long_term = level == "B-LT"    ? signing::PadesLongTerm::kLT
                      : level == "B-LTA" ? signing::PadesLongTerm::kLTA
                                         : signing::PadesLongTerm::kNone;
}

SealFormat format_named(const std::string& name) {
  return name == "pades"   ? SealFormat::kPades
         : name == "cades" ? SealFormat::kCades
         : name == "xades" ? SealFormat::kXades
                           : SealFormat::kAuto;
}

constexpr std::size_t kMaxSealFileBytes = 64 * 1024;

// `name` taken from `folder` when relative.
void from_folder(std::string& name, const std::filesystem::path& folder) {
  if (!name.empty() && std::filesystem::path(name).is_relative())
    name = (folder / name).string();
}

}  // namespace

struct SealSetup::Keys {
  std::unique_ptr<signing::SoftwareSigner> signer;
  std::unique_ptr<signing::TimestampAuthority> authority;
};

std::string SealSetup::certificates_pem() const {
  std::string pem = keys_->signer->certificate().pem();
  for (const auto& certificate : keys_->signer->chain())
    pem += certificate.pem();
  return pem;
}

model::Result<SealSetup> SealSetup::create(const SealRequest& request, const env::Env& env) {
  if (auto problem = seal_request_problem(request))
    return invalid(*problem);
  SealSetup setup;
  setup.keys_ = std::make_unique<Keys>();
  auto signer = load_signer(request, env);
  if (!signer)
    return signer.error();
  setup.keys_->signer = std::move(*signer);
  auto authority = make_authority(request, env);
  if (!authority)
    return authority.error();
  setup.keys_->authority = std::move(*authority);
  auto crls = read_revocation(request.crl_files, kMaxCrlBytes, env, &signing::read_crl);
  if (!crls)
    return crls.error();
  auto ocsp = read_revocation(request.ocsp_files, kMaxOcspBytes, env, &signing::read_ocsp_response);
  if (!ocsp)
    return ocsp.error();
  const bool has_tsa = setup.keys_->authority != nullptr;
  setup.level_name_ = request.level.empty() ? (has_tsa ? "B-T" : "B-B") : request.level;
  apply_level(setup.level_name_, setup.options_);
  setup.options_.format = format_named(request.format);
  setup.options_.timestamp_authority = setup.keys_->authority.get();
  setup.options_.revocation.crls = std::move(*crls);
  setup.options_.revocation.ocsp_responses = std::move(*ocsp);
  setup.test_tsa_ = request.test_tsa;
  setup.clock_ = &env.clock;
  return setup;
}

SealSetup::SealSetup(SealSetup&&) noexcept = default;
SealSetup& SealSetup::operator=(SealSetup&&) noexcept = default;
SealSetup::~SealSetup() = default;

model::Result<SealOutcome> SealSetup::seal(std::string_view input, std::string_view name) const {
  SealJobOptions options = options_;
  options.signing_time = std::chrono::time_point_cast<std::chrono::seconds>(clock_->now());
  return seal_document(*keys_->signer, input, name, options);
}

const char* to_string(SealFormat format) {
  switch (format) {
    case SealFormat::kPades:
      return "PAdES";
    case SealFormat::kXades:
      return "XAdES";
    case SealFormat::kCades:
    case SealFormat::kAuto:
      break;
  }
  return "CAdES";
}

model::Result<SealSetup> load_seal_file(const std::filesystem::path& seal_file,
                                        std::string_view format, std::string_view purpose,
                                        const env::Env& env) {
  auto text = env.files.read(seal_file, kMaxSealFileBytes);
  if (!text)
    return text.error();
  auto request = parse_seal_request(*text, seal_file.string());
  if (!request)
    return request.error();
  if (!request->format.empty() && request->format != format)
    return model::Error{
        model::ErrorCode::kInvalidArgument,
        std::string(purpose) + ": \"as\" must be \"" + std::string(format) + "\" or absent",
        {seal_file.string(), "", 0, 0}};
  request->format = std::string(format);
  const auto folder = seal_file.parent_path();
  for (std::string* name :
       {&request->p12, &request->key, &request->cert, &request->chain, &request->tsa_ca,
        &request->tsa_cert, &request->tsa_key, &request->test_tsa_dir})
    from_folder(*name, folder);
  for (auto* list : {&request->crl_files, &request->ocsp_files}) {
    for (auto& name : *list)
      from_folder(name, folder);
  }
  auto setup = SealSetup::create(*request, env);
  if (!setup) {
    model::Error error = setup.error();
    if (error.where.file.empty())
      error.where.file = seal_file.string();
    return error;
  }
  return setup;
}

}  // namespace einvoice::engine
