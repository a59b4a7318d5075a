// einvoice facturx build | extract | check
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>
#include <vector>

#include "cli/cli_support.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "engine/facturx_jobs.h"
#include "env/env.h"
#include "formats/xsd/schema_validator.h"
#ifdef EINVOICE_HAS_SEAL
#include "engine/seal_jobs.h"
#endif

namespace einvoice::cli {
namespace {

constexpr const char* kDescription =
    "Factur-X: build one from an invoice, extract the invoice of one, check one.\n"
    "Exit codes: 0 success (check: no fatal finding), 1 invalid input, 2 usage or I/O error.";

constexpr const char* kBuildDescription =
    "Embeds the invoice (CII as is; UBL converted to CII) into the PDF as factur-x.xml\n"
    "(without --pdf, a readable invoice rendered from the data, French labels unless\n"
    "--lang en) and makes it a PDF/A-3 Factur-X: XMP, output intent, /AF. A PDF that is\n"
    "already PDF/A keeps its bytes (incremental update); otherwise every change made to it\n"
    "is listed. The profile comes from the XML's guideline id unless --profile is given.\n"
    "SOURCE_DATE_EPOCH fixes the build time for reproducible output. An XML that breaks the\n"
    "XSD of the profile is refused with the reason (nothing is written).";

struct BuildArguments {
  std::string xml, pdf, out, lang, profile, relationship, icc, schemas;
};

struct ReadArguments {
  std::vector<std::string> inputs;
  std::string out, schemas;
};

std::optional<std::filesystem::path> schema_folder(const std::string& given) {
  return given.empty() ? std::nullopt : std::optional<std::filesystem::path>(given);
}

void add_build(CLI::App& app, BuildArguments& a) {
  CLI::App* build = app.add_subcommand("build", kBuildDescription);
  build->add_option("--xml", a.xml, "the invoice, CII or UBL")->required();
  build->add_option("--pdf", a.pdf, "the visual part; without it, one is rendered from the data");
  build->add_option("-o", a.out, "the Factur-X written")->required();
  build->add_option("--lang", a.lang, "labels of a rendered invoice: fr (default) or en");
  build->add_option("--profile", a.profile, "minimum, basicwl, basic, en16931 or extended");
  build->add_option("--relationship", a.relationship,
                    "/AFRelationship of the XML: data (default), alternative or source");
  build->add_option("--icc", a.icc, "the ICC profile of the PDF/A output intent");
  build->add_option("--schemas", a.schemas, "the official XSD folder");
}

void add_extract(CLI::App& app, ReadArguments& a) {
  CLI::App* extract = app.add_subcommand(
      "extract",
      "Writes the invoice XML (factur-x.xml, xrechnung.xml, zugferd-invoice.xml) to OUT (or\n"
      "stdout) and lists the profile, the XMP claims and every attachment on stderr.");
  extract->add_option("input", a.inputs, "the PDF")->required()->expected(1);
  extract->add_option("-o", a.out, "where the XML is written (default: stdout)");
}

void add_check(CLI::App& app, ReadArguments& a) {
  CLI::App* check = app.add_subcommand(
      "check",
      "The Factur-X checklist (FX-01..FX-22), the XML against the XSD of its profile, and\n"
      "the EN 16931 rules; one line per finding.");
  check->add_option("inputs", a.inputs, "the PDFs")->required();
  check->add_option("--schemas", a.schemas, "the official XSD folder");
}

int fail(const model::Error& error) {
  print_error("facturx", error);
  return error.code == model::ErrorCode::kIo ? kExitUsage : kExitInvalid;
}

// The build options of the arguments, or the usage problem.
model::Result<engine::FacturxBuildOptions> build_options_of(const BuildArguments& a) {
  auto problem = [](std::string message) {
    return model::Error{model::ErrorCode::kInvalidArgument, std::move(message), {}};
  };
  engine::FacturxBuildOptions options;
  if (!a.lang.empty()) {
    if (a.lang != "fr" && a.lang != "en")
      return problem("--lang is fr or en, not '" + a.lang + "'");
    options.language = a.lang == "fr" ? render::Language::kFrench : render::Language::kEnglish;
  }
  if (!a.profile.empty()) {
    options.profile = facturx::parse_profile_option(a.profile);
    if (!options.profile)
      return problem("unknown profile '" + a.profile + "'");
  }
  if (!a.relationship.empty()) {
    options.relationship = facturx::parse_relationship(a.relationship);
    if (!options.relationship)
      return problem("unknown relationship '" + a.relationship + "'");
  }
  if (!a.icc.empty())
    options.icc_profile = a.icc;
  return options;
}

void print_built(const BuildArguments& a, const engine::FacturxBuildOutcome& built) {
  std::cout << a.out << ": Factur-X " << facturx::to_string(built.profile) << ", "
            << built.pdf.size() << " bytes"
            << (built.incremental ? ", the given PDF/A kept as is (incremental update)" : "")
            << (a.pdf.empty() ? ", rendered from the data" : "") << '\n';
  // What was changed in a given PDF; a rendered page is made PDF/A by design.
  if (!a.pdf.empty()) {
    for (const auto& change : built.changes)
      std::cout << "  changed: " << change << '\n';
  }
  for (const auto& problem : built.remaining_problems)
    std::cout << "  warning: " << problem << '\n';
}

int run_build(const CLI::App& app, const BuildArguments& a) {
  auto options = build_options_of(a);
  if (!options)
    return usage_problem(app, options.error().message);
  auto validator = make_validator(schema_folder(a.schemas));
  if (!validator) {
    print_error("facturx", validator.error());
    return kExitUsage;
  }
  options->schemas = validator->get();
  const env::FileSystem& files = env::system_env().files;
  auto xml = files.read(a.xml, 64u << 20);
  if (!xml)
    return fail(xml.error());
  std::string pdf;
  if (!a.pdf.empty()) {
    auto given = files.read(a.pdf, 256u << 20);
    if (!given)
      return fail(given.error());
    if (given->empty())
      return fail(
          model::Error{model::ErrorCode::kMalformed, "the PDF is empty", {a.pdf, "", 0, 0}});
    pdf = std::move(*given);
  }
  auto built = engine::build_facturx(*xml, a.xml, pdf, a.pdf, *options);
  if (!built)
    return fail(built.error());
  if (auto written = files.write_atomic(a.out, built->pdf); !written)
    return fail(written.error());
  print_built(a, *built);
  return kExitOk;
}

// For a signed PDF, "revision: reads revision N of N; ..." (which revision
// was read and whether it is the signed one); nothing for an unsigned PDF or
// a build without the signing module.
void print_revision_note(std::ostream& out, std::string_view pdf, const std::string& path) {
#ifdef EINVOICE_HAS_SEAL
  if (auto note = engine::signed_revision_note(pdf, path))
    out << "revision: " << *note << '\n';
#else
  (void)out;
  (void)pdf;
  (void)path;
#endif
}

int run_extract(const ReadArguments& args) {
  const std::string& path = args.inputs.front();
  const env::FileSystem& files = env::system_env().files;
  auto pdf = files.read(path, 256u << 20);
  if (!pdf)
    return fail(pdf.error());
  auto extracted = engine::extract_facturx(*pdf, path);
  if (!extracted)
    return fail(extracted.error());
  const facturx::FacturxContent& c = extracted->content;
  for (const auto& a : c.attachments) {
    std::cerr << "attachment " << a.name << " (" << (a.mime_type.empty() ? "?" : a.mime_type)
              << ", /AFRelationship " << (a.relationship.empty() ? "none" : a.relationship) << ", "
              << a.data.size() << " bytes)" << (a.problem ? ": " + *a.problem : "") << '\n';
  }
  if (c.xmp) {
    std::cerr << "XMP: PDF/A-" << (c.xmp->pdfa_part ? std::to_string(*c.xmp->pdfa_part) : "?")
              << c.xmp->pdfa_conformance.value_or("") << ", profile "
              << c.xmp->conformance_level.value_or("(none)") << '\n';
  }
  print_revision_note(std::cerr, *pdf, path);
  const facturx::Attachment* invoice = c.invoice_attachment();
  if (!invoice) {
    std::cerr << "einvoice facturx: " << path << ": no invoice XML attached\n";
    return kExitInvalid;
  }
  std::cerr << "invoice " << invoice->name << ": guideline " << c.guideline_id.value_or("(none)")
            << ", profile "
            << (c.xml_profile ? std::string(facturx::to_string(c.xml_profile->profile)) + " (" +
                                    facturx::to_string(c.xml_profile->family) + ")"
                              : std::string("unknown"))
            << '\n';
  if (invoice->problem) {
    std::cerr << "einvoice facturx: " << path << ": " << *invoice->problem << '\n';
    return kExitInvalid;
  }
  if (!args.out.empty()) {
    if (auto written = files.write_atomic(args.out, invoice->data); !written)
      return fail(written.error());
  } else {
    std::cout << invoice->data;
  }
  return kExitOk;
}

int run_check(const ReadArguments& a) {
  auto validator = make_validator(schema_folder(a.schemas));
  if (!validator) {
    print_error("facturx", validator.error());
    return kExitUsage;
  }
  const env::FileSystem& files = env::system_env().files;
  int exit_code = kExitOk;
  for (const auto& path : a.inputs) {
    auto pdf = files.read(path, 256u << 20);
    if (!pdf) {
      exit_code = std::max(exit_code, fail(pdf.error()));
      continue;
    }
    auto check = engine::check_facturx(*pdf, path, validator->get());
    if (!check) {
      exit_code = std::max(exit_code, fail(check.error()));
      continue;
    }
    std::cout << path << ": " << (check->accepted() ? "valid Factur-X" : "INVALID") << '\n';
    print_revision_note(std::cout, *pdf, path);
    for (const auto& finding : check->findings)
      print_diagnostic(std::cout, finding);
    if (!check->accepted())
      exit_code = std::max(exit_code, kExitInvalid);
  }
  return exit_code;
}

}  // namespace

int run_facturx(int argc, char** argv, int first) {
  CLI::App app(kDescription, "einvoice facturx");
  app.require_subcommand(1);
  BuildArguments build;
  ReadArguments extract, check;
  add_build(app, build);
  add_extract(app, extract);
  add_check(app, check);
  if (auto exit_code = parse_command_line(app, argc, argv, first))
    return *exit_code;
  if (app.got_subcommand("build"))
    return run_build(*app.get_subcommand("build"), build);
  if (app.got_subcommand("extract"))
    return run_extract(extract);
  return run_check(check);
}

}  // namespace einvoice::cli
