#include <chrono>
#include <cstdlib>
#include <iostream>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "engine/seal_jobs.h"
#include "env/env.h"
#include "env/file_system.h"

namespace einvoice::cli {
namespace {

constexpr const char* kUsage =
    "usage: einvoice verify FILE [--detached SIG] [--trust DIR] [--format text|json]\n"
    "\n"
    "Verifies the seals of FILE: the PAdES signatures of a PDF, the XAdES of a signed UBL\n"
    "invoice, or the detached CAdES SIG over FILE. Prints one result per signature: indication, "
    "sub-indication, level,\n"
    "signing time, signer and SIREN.\n"
    "\n"
    "  --detached SIG      a detached CAdES (.p7s) over FILE\n"
    "  --trust DIR         folder of trusted root certificates (PEM); default\n"
    "                      $EINVOICE_TRUST_DIR\n"
    "  --format text|json  output format (default text)\n"
    "\n"
    "Exit codes: 0 every signature TOTAL_PASSED, 1 otherwise, 2 usage or I/O error.\n";

}  // namespace

int run_verify(int argc, char** argv, int first) {
  ArgumentSpec spec{{"--detached", "--trust", "--format"}, {"--help", "-h"}};
  std::string error;
  auto args = parse_arguments(argc, argv, first, spec, error);
  if (!args)
    return usage_error("verify", error, kUsage);
  if (args->has("--help") || args->has("-h")) {
    std::cout << kUsage;
    return kExitOk;
  }
  if (args->positional.size() != 1)
    return usage_error("verify", "exactly one file expected", kUsage);
  const std::string format = args->value("--format").value_or("text");
  if (format != "text" && format != "json")
    return usage_error("verify", "unknown format '" + format + "'", kUsage);
  std::string trust_dir = args->value("--trust").value_or("");
  if (trust_dir.empty()) {
    if (auto named = env::system_env().variables.get("EINVOICE_TRUST_DIR"))
      trust_dir = *named;
  }
  if (trust_dir.empty())
    return usage_error("verify", "no trust anchors (--trust DIR)", kUsage);
  auto anchors = signing::TrustStore::load_folder(trust_dir);
  if (!anchors) {
    print_error("verify", anchors.error());
    return kExitUsage;
  }

  env::LocalFileSystem files;
  const std::string& input = args->positional.front();
  auto bytes = files.read(input, 256u << 20);
  if (!bytes) {
    print_error("verify", bytes.error());
    return kExitUsage;
  }
  std::optional<std::string> detached;
  if (auto sig = args->value("--detached")) {
    auto sig_bytes = files.read(*sig, 32u << 20);
    if (!sig_bytes) {
      print_error("verify", sig_bytes.error());
      return kExitUsage;
    }
    detached = std::move(*sig_bytes);
  }
  const auto now =
      std::chrono::time_point_cast<std::chrono::seconds>(env::system_env().clock.now());
  auto verdicts = engine::verify_document(
      *bytes, detached ? std::optional<std::string_view>(*detached) : std::nullopt, input, *anchors,
      now);
  if (!verdicts) {
    print_error("verify", verdicts.error());
    return kExitInvalid;
  }
  std::cout << (format == "json" ? engine::verdicts_json(input, *verdicts)
                                 : engine::verdicts_text(input, *verdicts));
  for (const auto& v : *verdicts) {
    if (!v.passed)
      return kExitInvalid;
  }
  return kExitOk;
}

}  // namespace einvoice::cli
