#include <algorithm>
#include <iostream>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "env/file_system.h"
#include "formats/xsd/schema_validator.h"

namespace einvoice::cli {
namespace {

constexpr const char* kUsage =
    "usage: einvoice xsd IN... [--schemas DIR]\n"
    "\n"
    "Checks each document against its official XSD, chosen from its root element\n"
    "(CII D16B, UBL 2.1 Invoice or CreditNote). Prints one line per document and one\n"
    "per schema error with its line and column.\n"
    "\n"
    "  --schemas DIR   folder of the official XSDs (default: $EINVOICE_SCHEMAS, the\n"
    "                  installed schemas, then the source tree's ../shared/schemas)\n"
    "\n"
    "Exit codes: 0 all valid, 1 some invalid, 2 usage or I/O error.\n";

}  // namespace

int run_xsd(int argc, char** argv, int first) {
  ArgumentSpec spec{{"--schemas"}, {"--help", "-h"}};
  std::string error;
  auto args = parse_arguments(argc, argv, first, spec, error);
  if (!args)
    return usage_error("xsd", error, kUsage);
  if (args->has("--help") || args->has("-h")) {
    std::cout << kUsage;
    return kExitOk;
  }
  if (args->positional.empty())
    return usage_error("xsd", "no input given", kUsage);
  auto validator = make_validator(*args);
  if (!validator) {
    print_error("xsd", validator.error());
    return kExitUsage;
  }
  env::LocalFileSystem files;
  int exit_code = kExitOk;
  for (const auto& path : args->positional) {
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
