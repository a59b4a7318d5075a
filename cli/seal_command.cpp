// einvoice seal IN -o OUT (--p12 FILE | --key K --cert C) [--tsa URL | --test-tsa] ...
#include <iostream>

#include "cli/cli_support.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/seal_options.h"
#include "engine/seal_setup.h"
#include "env/env.h"

namespace einvoice::cli {
namespace {

constexpr const char* kDescription =
    "Seals IN: a PDF (Factur-X included) gets a PAdES seal added by incremental update,\n"
    "a UBL invoice an enveloped XAdES (OUT is the signed invoice), any other file (CII...)\n"
    "a detached CAdES written to OUT (a .p7s).\n"
    "Exit codes: 0 sealed, 2 usage, I/O, key or TSA error.";

}  // namespace

int run_seal(int argc, char** argv, int first) {
  CLI::App app(kDescription, "einvoice seal");
  std::string input, out;
  engine::SealRequest request;
  app.add_option("input", input, "the file to seal")->required();
  app.add_option("-o", out, "where the sealed file (or the .p7s) is written")->required();
  add_seal_options(app, request, "Seal");
  if (auto exit_code = parse_command_line(app, argc, argv, first))
    return *exit_code;
  if (auto problem = engine::seal_request_problem(request))
    return usage_problem(app, *problem);

  const env::Env& env = env::system_env();
  auto setup = engine::SealSetup::create(request, env);
  if (!setup) {
    print_error("seal", setup.error());
    return kExitUsage;
  }
  if (setup->uses_test_tsa())
    std::cerr << "seal: warning: --test-tsa timestamps prove nothing (self-signed test TSA)\n";
  auto bytes = env.files.read(input, 256u << 20);
  auto sealed =
      bytes ? setup->seal(*bytes, input) : model::Result<engine::SealOutcome>(bytes.error());
  if (!sealed) {
    print_error("seal", sealed.error());
    return kExitUsage;
  }
  if (auto written = env.files.write_atomic(out, sealed->bytes); !written) {
    print_error("seal", written.error());
    return kExitUsage;
  }
  std::cout << input << ": sealed (" << engine::to_string(sealed->format) << ", "
            << setup->level_name() << ") -> " << out << '\n';
  return kExitOk;
}

}  // namespace einvoice::cli
