#include <iostream>

#include "cli/cli_support.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "engine/converter.h"
#include "env/env.h"
#include "model/invoice_json.h"

namespace einvoice::cli {
namespace {

constexpr const char* kDescription =
    "Reads a CII or UBL 2.1 invoice and prints it as JSON keyed by EN 16931 ids\n"
    "(\"BT-1\": \"F-001\", groups as objects \"BG-4\": {...}, repeating groups as arrays;\n"
    "amounts as written, dates YYYY-MM-DD). Problems met while reading go to stderr.\n"
    "See docs/inspect-json.md.\n"
    "Exit codes: 0 read completely, 1 some value unreadable or input not an invoice,\n"
    "2 usage or I/O error.";

}  // namespace

int run_inspect(int argc, char** argv, int first) {
  CLI::App app(kDescription, "einvoice inspect");
  std::string path;
  bool compact = false;
  app.add_option("input", path, "the invoice, CII or UBL")->required();
  app.add_flag("--compact", compact, "one line instead of indented JSON");
  if (auto exit_code = parse_command_line(app, argc, argv, first))
    return *exit_code;
  const env::FileSystem& files = env::system_env().files;
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
  std::cout << model::to_json(read->parsed.invoice, !compact) << '\n';
  for (const auto& d : read->parsed.diagnostics)
    print_diagnostic(std::cerr, d);
  return model::has_fatal(read->parsed.diagnostics) ? kExitInvalid : kExitOk;
}

}  // namespace einvoice::cli
