#include <chrono>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>

#include "cli/cli_support.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "engine/seal_jobs.h"
#include "env/env.h"

namespace einvoice::cli {
namespace {

constexpr const char* kDescription =
    "Verifies the seals of FILE: the PAdES signatures of a PDF, the XAdES of a signed UBL\n"
    "invoice, or the detached CAdES SIG over FILE. Prints one result per signature:\n"
    "indication, sub-indication, level, signing time, signer and SIREN.\n"
    "Exit codes: 0 every signature TOTAL_PASSED, 1 otherwise, 2 usage or I/O error.";

struct VerifyArguments {
  std::string input, detached, trust, format = "text";
};

// The trust anchors of --trust DIR, else of $EINVOICE_TRUST_DIR.
model::Result<signing::TrustStore> anchors_of(const VerifyArguments& a, const env::Env& env) {
  std::string trust_dir = a.trust;
  if (trust_dir.empty())
    trust_dir = env.variables.get("EINVOICE_TRUST_DIR").value_or("");
  if (trust_dir.empty())
    return model::Error{model::ErrorCode::kInvalidArgument, "no trust anchors (--trust DIR)", {}};
  return signing::TrustStore::load_folder(trust_dir);
}

int fail(const model::Error& error, int exit_code = kExitUsage) {
  print_error("verify", error);
  return exit_code;
}

}  // namespace

int run_verify(int argc, char** argv, int first) {
  CLI::App app(kDescription, "einvoice verify");
  VerifyArguments a;
  app.add_option("input", a.input, "the sealed file")->required();
  app.add_option("--detached", a.detached, "a detached CAdES (.p7s) over FILE");
  app.add_option("--trust", a.trust,
                 "folder of trusted root certificates (PEM); default $EINVOICE_TRUST_DIR");
  app.add_option("--format", a.format, "text (default) or json");
  if (auto exit_code = parse_command_line(app, argc, argv, first))
    return *exit_code;
  if (a.format != "text" && a.format != "json")
    return usage_problem(app, "unknown format '" + a.format + "'");
  const env::Env& env = env::system_env();
  auto anchors = anchors_of(a, env);
  if (!anchors && anchors.error().code == model::ErrorCode::kInvalidArgument)
    return usage_problem(app, anchors.error().message);
  if (!anchors)
    return fail(anchors.error());
  auto bytes = env.files.read(a.input, 256u << 20);
  if (!bytes)
    return fail(bytes.error());
  std::optional<std::string> detached;
  if (!a.detached.empty()) {
    auto sig_bytes = env.files.read(a.detached, 32u << 20);
    if (!sig_bytes)
      return fail(sig_bytes.error());
    detached = std::move(*sig_bytes);
  }
  const auto now = std::chrono::time_point_cast<std::chrono::seconds>(env.clock.now());
  auto verdicts = engine::verify_document(
      *bytes, detached ? std::optional<std::string_view>(*detached) : std::nullopt, a.input,
      *anchors, now);
  if (!verdicts)
    return fail(verdicts.error(), kExitInvalid);
  std::cout << (a.format == "json" ? engine::verdicts_json(a.input, *verdicts)
                                   : engine::verdicts_text(a.input, *verdicts));
  for (const auto& v : *verdicts) {
    if (!v.passed)
      return kExitInvalid;
  }
  return kExitOk;
}

}  // namespace einvoice::cli
