// einvoice facturx build | extract | check
#include <algorithm>
#include <iostream>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "engine/facturx_jobs.h"
#include "env/file_system.h"
#include "formats/xsd/schema_validator.h"
#ifdef EINVOICE_HAS_SEAL
#include "engine/seal_jobs.h"
#endif

namespace einvoice::cli {
namespace {

constexpr const char* kUsage =
    "usage: einvoice facturx build --xml INVOICE.xml [--pdf VISUAL.pdf | --lang fr|en] -o OUT.pdf\n"
    "                              [--profile minimum|basicwl|basic|en16931|extended]\n"
    "                              [--relationship data|alternative|source] [--icc FILE]\n"
    "                              [--schemas DIR]\n"
    "       einvoice facturx extract IN.pdf [-o OUT.xml]\n"
    "       einvoice facturx check IN.pdf [--schemas DIR]\n"
    "\n"
    "build    embeds the invoice (CII as is; UBL converted to CII) into the PDF as\n"
    "         (without --pdf, a readable invoice rendered from the data, French\n"
    "         labels unless --lang en)\n"
    "         factur-x.xml and makes it a PDF/A-3 Factur-X: XMP, output intent, /AF.\n"
    "         A PDF that is already PDF/A keeps its bytes (incremental update);\n"
    "         otherwise every change made to it is listed. The profile comes from the\n"
    "         XML's guideline id unless --profile is given. SOURCE_DATE_EPOCH fixes\n"
    "         the build time for reproducible output. An XML that breaks the XSD of\n"
    "         the profile is refused with the reason (nothing is written).\n"
    "extract  writes the invoice XML (factur-x.xml, xrechnung.xml, zugferd-invoice.xml)\n"
    "         to OUT (or stdout) and lists the profile, the XMP claims and every\n"
    "         attachment on stderr.\n"
    "check    the Factur-X checklist (FX-01..FX-22), the XML against the XSD of its\n"
    "         profile, and the EN 16931 rules; one line per finding.\n"
    "\n"
    "Exit codes: 0 success (check: no fatal finding), 1 invalid input, 2 usage or I/O error.\n";

int fail(const model::Error& error) {
  print_error("facturx", error);
  return error.code == model::ErrorCode::kIo ? kExitUsage : kExitInvalid;
}

int run_build(const Arguments& args) {
  auto xml_path = args.value("--xml");
  auto pdf_path = args.value("--pdf");
  auto out_path = args.value("-o");
  if (!xml_path || !out_path)
    return usage_error("facturx build", "--xml and -o are required", kUsage);
  engine::FacturxBuildOptions options;
  if (auto lang = args.value("--lang")) {
    if (*lang == "fr")
      options.language = render::Language::kFrench;
    else if (*lang == "en")
      options.language = render::Language::kEnglish;
    else
      return usage_error("facturx build", "--lang is fr or en, not '" + *lang + "'", kUsage);
  }
  if (auto profile = args.value("--profile")) {
    options.profile = facturx::parse_profile_option(*profile);
    if (!options.profile)
      return usage_error("facturx build", "unknown profile '" + *profile + "'", kUsage);
  }
  if (auto relationship = args.value("--relationship")) {
    options.relationship = facturx::parse_relationship(*relationship);
    if (!options.relationship)
      return usage_error("facturx build", "unknown relationship '" + *relationship + "'", kUsage);
  }
  if (auto icc = args.value("--icc"))
    options.icc_profile = *icc;
  auto validator = make_validator(args);
  if (!validator) {
    print_error("facturx", validator.error());
    return kExitUsage;
  }
  options.schemas = validator->get();
  env::LocalFileSystem files;
  auto xml = files.read(*xml_path, 64u << 20);
  if (!xml)
    return fail(xml.error());
  std::string pdf;
  if (pdf_path) {
    auto given = files.read(*pdf_path, 256u << 20);
    if (!given)
      return fail(given.error());
    if (given->empty())
      return fail(
          model::Error{model::ErrorCode::kMalformed, "the PDF is empty", {*pdf_path, "", 0, 0}});
    pdf = std::move(*given);
  }
  auto built = engine::build_facturx(*xml, *xml_path, pdf, pdf_path.value_or(""), options);
  if (!built)
    return fail(built.error());
  if (auto written = files.write_atomic(*out_path, built->pdf); !written)
    return fail(written.error());
  std::cout << *out_path << ": Factur-X " << facturx::to_string(built->profile) << ", "
            << built->pdf.size() << " bytes"
            << (built->incremental ? ", the given PDF/A kept as is (incremental update)" : "")
            << (pdf_path ? "" : ", rendered from the data") << '\n';
  // What was changed in a given PDF; a rendered page is made PDF/A by design.
  if (pdf_path) {
    for (const auto& change : built->changes)
      std::cout << "  changed: " << change << '\n';
  }
  for (const auto& problem : built->remaining_problems)
    std::cout << "  warning: " << problem << '\n';
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

int run_extract(const Arguments& args) {
  if (args.positional.size() != 1)
    return usage_error("facturx extract", "exactly one PDF is expected", kUsage);
  const std::string& path = args.positional[0];
  env::LocalFileSystem files;
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
  if (auto out = args.value("-o")) {
    if (auto written = files.write_atomic(*out, invoice->data); !written)
      return fail(written.error());
  } else {
    std::cout << invoice->data;
  }
  return kExitOk;
}

int run_check(const Arguments& args) {
  if (args.positional.empty())
    return usage_error("facturx check", "no PDF given", kUsage);
  auto validator = make_validator(args);
  if (!validator) {
    print_error("facturx", validator.error());
    return kExitUsage;
  }
  env::LocalFileSystem files;
  int exit_code = kExitOk;
  for (const auto& path : args.positional) {
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
  ArgumentSpec spec{
      {"--xml", "--pdf", "-o", "--profile", "--relationship", "--icc", "--schemas", "--lang"},
      {"--help", "-h"}};
  if (first >= argc)
    return usage_error("facturx", "a subcommand (build, extract, check) is expected", kUsage);
  const std::string sub = argv[first];
  if (sub == "--help" || sub == "-h") {
    std::cout << kUsage;
    return kExitOk;
  }
  std::string error;
  auto args = parse_arguments(argc, argv, first + 1, spec, error);
  if (!args)
    return usage_error("facturx " + sub, error, kUsage);
  if (args->has("--help") || args->has("-h")) {
    std::cout << kUsage;
    return kExitOk;
  }
  if (sub == "build")
    return run_build(*args);
  if (sub == "extract")
    return run_extract(*args);
  if (sub == "check")
    return run_check(*args);
  return usage_error("facturx", "unknown subcommand '" + sub + "'", kUsage);
}

}  // namespace einvoice::cli
