#include "engine/archive_sealer.h"

#include "engine/seal_request.h"
#include "engine/seal_setup.h"

namespace einvoice::engine {
namespace {

using model::Error;
using model::ErrorCode;

constexpr std::size_t kMaxSealFileBytes = 64 * 1024;

// Seals through a SealSetup made for detached CAdES.
class SetupSealer final : public archive::Sealer {
 public:
  explicit SetupSealer(SealSetup setup) : setup_(std::move(setup)) {}
  model::Result<std::string> seal(std::string_view bytes, std::string_view name) const override {
    auto outcome = setup_.seal(bytes, name);
    if (!outcome)
      return outcome.error();
    return std::move(outcome->bytes);
  }
  std::string certificates_pem() const override { return setup_.certificates_pem(); }

 private:
  SealSetup setup_;
};

// `name` taken from `folder` when relative.
void from_folder(std::string& name, const std::filesystem::path& folder) {
  if (!name.empty() && std::filesystem::path(name).is_relative())
    name = (folder / name).string();
}

}  // namespace

std::optional<std::filesystem::path> archive_seal_file(const std::string& option,
                                                       const env::Env& env) {
  if (!option.empty())
    return std::filesystem::path(option);
  auto variable = env.variables.get("EINVOICE_ARCHIVE_SEAL");
  if (variable && !variable->empty())
    return std::filesystem::path(*variable);
  return std::nullopt;
}

model::Result<std::unique_ptr<archive::Sealer>> load_archive_sealer(
    const std::filesystem::path& seal_file, const env::Env& env) {
  auto text = env.files.read(seal_file, kMaxSealFileBytes);
  if (!text)
    return text.error();
  auto request = parse_seal_request(*text, seal_file.string());
  if (!request)
    return request.error();
  if (!request->format.empty() && request->format != "cades")
    return Error{ErrorCode::kInvalidArgument,
                 "an archive seals as detached CAdES: \"as\" must be \"cades\" or absent",
                 {seal_file.string(), "", 0, 0}};
  request->format = "cades";
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
    Error error = setup.error();
    if (error.where.file.empty())
      error.where.file = seal_file.string();
    return error;
  }
  return std::unique_ptr<archive::Sealer>(new SetupSealer(std::move(*setup)));
}

}  // namespace einvoice::engine
