#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>
#include <vector>

#include "cli/cli_support.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "env/env.h"
#include "formats/xsd/schema_validator.h"

namespace einvoice::cli {
namespace {

constexpr const char* kDescription =
    "Checks each document against its official XSD, chosen from its root element\n"
    "(CII D16B, UBL 2.1 Invoice or CreditNote). Prints one line per document and one\n"
    "per schema error with its line and column.\n"
    "Exit codes: 0 all valid, 1 some invalid, 2 usage or I/O error.";

}  // namespace

int run_xsd(int argc, char** argv, int first) {
  CLI::App app(kDescription, "einvoice xsd");
  std::vector<std::string> inputs;
  std::string schemas;
  app.add_option("inputs", inputs, "CII and UBL documents")->required();
  app.add_option("--schemas", schemas,
                 "folder of the official XSDs (default: $EINVOICE_SCHEMAS, the installed "
                 "schemas, then the source tree's)");
  if (auto exit_code = parse_command_line(app, argc, argv, first))
    return *exit_code;
  auto validator = make_validator(schemas.empty() ? std::nullopt
                                                  : std::optional<std::filesystem::path>(schemas));
  if (!validator) {
    print_error("xsd", validator.error());
    return kExitUsage;
  }
  const env::FileSystem& files = env::system_env().files;
  int exit_code = kExitOk;
  for (const auto& path : inputs) {
    auto bytes = files.read(path, 64u << 20);
    if (!bytes) {
      print_error("xsd", bytes.error());
      exit_code = std::max(exit_code, read_failure_exit_code(bytes.error()));
      continue;
    }
    auto report = (*validator)->validate_detected(*bytes, path);
    if (!report) {
      print_error("xsd", report.error());
      if (exit_code == kExitOk)
        exit_code = kExitInvalid;
      continue;
    }
    std::cout << path << ": " << (report->valid ? "valid" : "INVALID") << '\n';
    for (const auto& issue : report->issues)
      print_diagnostic(std::cout, issue);
    if (!report->valid && exit_code == kExitOk)
      exit_code = kExitInvalid;
  }
  return exit_code;
}

}  // namespace einvoice::cli
