#include <iostream>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "engine/converter.h"
#include "env/file_system.h"
#include "model/invoice_json.h"

namespace einvoice::cli {
namespace {

constexpr const char* kUsage =
    "usage: einvoice inspect IN [--compact]\n"
    "\n"
    "Reads a CII or UBL 2.1 invoice and prints it as JSON keyed by EN 16931 ids\n"
    "(\"BT-1\": \"F-001\", groups as objects \"BG-4\": {...}, repeating groups as arrays;\n"
    "amounts as written, dates YYYY-MM-DD). Problems met while reading go to stderr.\n"
    "See docs/inspect-json.md.\n"
    "\n"
    "  --compact   one line instead of indented JSON\n"
    "\n"
    "Exit codes: 0 read completely, 1 some value unreadable or input not an invoice,\n"
    "2 usage or I/O error.\n";

}  // namespace

int run_inspect(int argc, char** argv, int first) {
  ArgumentSpec spec{{}, {"--compact", "--help", "-h"}};
  std::string error;
  auto args = parse_arguments(argc, argv, first, spec, error);
  if (!args)
    return usage_error("inspect", error, kUsage);
  if (args->has("--help") || args->has("-h")) {
    std::cout << kUsage;
    return kExitOk;
  }
  if (args->positional.size() != 1)
    return usage_error("inspect", "give exactly one input", kUsage);
  const std::string& path = args->positional[0];
  env::LocalFileSystem files;
  xml::XmlLimits limits;
  auto bytes = files.read(path, limits.max_bytes);
  if (!bytes) {
    print_error("inspect", bytes.error());
    return read_failure_exit_code(bytes.error());
  }
  auto read = engine::read_invoice(*bytes, path, limits);
  if (!read) {
    print_error("inspect", read.error());
    return kExitInvalid;
  }
  std::cout << model::to_json(read->parsed.invoice, !args->has("--compact")) << '\n';
  for (const auto& d : read->parsed.diagnostics)
    print_diagnostic(std::cerr, d);
  return model::has_fatal(read->parsed.diagnostics) ? kExitInvalid : kExitOk;
}

}  // namespace einvoice::cli
