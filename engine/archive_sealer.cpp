#include "engine/archive_sealer.h"

#include "engine/seal_request.h"
#include "engine/seal_setup.h"

namespace einvoice::engine {
namespace {

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
  auto setup = load_seal_file(seal_file, "cades", "an archive seals as detached CAdES", env);
  if (!setup)
    return setup.error();
  return std::unique_ptr<archive::Sealer>(new SetupSealer(std::move(*setup)));
}

}  // namespace einvoice::engine
