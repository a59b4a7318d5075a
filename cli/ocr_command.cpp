// einvoice ocr IN [--json OUT.json] [--facturx OUT.pdf] [--set BT-xx=value ...]
#include <iostream>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "engine/file_system.h"
#include "engine/ocr_job.h"
#include "formats/xsd/schema_validator.h"

namespace einvoice::cli {
namespace {

constexpr const char* kUsage =
    "usage: einvoice ocr IN [--json OUT.json] [--facturx OUT.pdf] [--set BT-xx=value ...]\n"
    "\n"
    "Reads a scanned or printed invoice (JPEG, PNG, TIFF or PDF): PDF text layers\n"
    "directly, images by OCR (French and English models). Extracts the invoice\n"
    "fields by their labels and checks them against each other (totals, VAT rows,\n"
    "SIREN/SIRET/VAT keys, IBAN). Prints each field with its confidence and every\n"
    "mandatory mention that is missing or doubtful.\n"
    "\n"
    "--json F      the report as JSON: fields by business term with value,\n"
    "              confidence, page and box; findings; validation\n"
    "--facturx F   a PDF/A-3 Factur-X (EN 16931 profile) whose visual part is the\n"
    "              scan (made searchable) and whose XML is the invoice read\n"
    "              (built only when the invoice is complete, kept only when it\n"
    "              passes its own check: container, XSD, EN 16931 rules)\n"
    "--schemas DIR the official XSD folder (default: as for einvoice validate)\n"
    "--set T=V     gives a term the supplier knows (repeatable), e.g.\n"
    "              --set BT-44=\"Boulangerie Martin SAS\" --set BT-2=2026-10-14\n"
    "\n"
    "Exit codes: 0 every mandatory mention read and valid, 1 some missing or\n"
    "invalid, 2 usage or I/O error.\n";

}  // namespace

int run_ocr(int argc, char** argv, int first) {
  ArgumentSpec spec{{"--json", "--facturx", "--set", "--schemas"}, {"--help", "-h"}};
  std::string error;
  auto args = parse_arguments(argc, argv, first, spec, error);
  if (!args)
    return usage_error("ocr", error, kUsage);
  if (args->has("--help") || args->has("-h")) {
    std::cout << kUsage;
    return kExitOk;
  }
  if (args->positional.size() != 1)
    return usage_error("ocr", "exactly one input file is expected", kUsage);
  const std::string input = args->positional.front();

  engine::OcrJobOptions options;
  for (const auto& set : args->values_of("--set")) {
    const auto eq = set.find('=');
    if (eq == std::string::npos || eq == 0)
      return usage_error("ocr", "--set expects BT-xx=value, not '" + set + "'", kUsage);
    options.sets.emplace_back(set.substr(0, eq), set.substr(eq + 1));
  }
  const auto facturx_path = args->value("--facturx");
  options.build_facturx = facturx_path.has_value();

  std::shared_ptr<const xsd::SchemaValidator> schemas;
  if (options.build_facturx) {
    auto validator = make_validator(*args);
    if (!validator) {
      print_error("ocr", validator.error());
      return kExitUsage;
    }
    schemas = *validator;
    options.schemas = schemas.get();
  }
  engine::LocalFileSystem files;
  auto bytes = files.read(input, options.limits.max_bytes);
  if (!bytes) {
    print_error("ocr", bytes.error());
    return kExitUsage;
  }
  auto reader = ocr::PageReader::create();
  if (!reader) {
    print_error("ocr", reader.error());
    return kExitUsage;
  }
  auto outcome = engine::run_ocr(std::move(*bytes), input, **reader, options);
  if (!outcome) {
    print_error("ocr", outcome.error());
    return outcome.error().code == model::ErrorCode::kInvalidArgument ? kExitUsage : kExitInvalid;
  }
  std::cout << engine::ocr_report_text(*outcome, input);
  if (auto json_path = args->value("--json")) {
    if (auto written = files.write_atomic(*json_path, engine::ocr_report_json(*outcome, input));
        !written) {
      print_error("ocr", written.error());
      return kExitUsage;
    }
  }
  if (facturx_path && outcome->facturx) {
    if (auto written = files.write_atomic(*facturx_path, outcome->facturx->pdf); !written) {
      print_error("ocr", written.error());
      return kExitUsage;
    }
    std::cout << "  Factur-X written to " << *facturx_path << " (" << outcome->facturx->pdf.size()
              << " bytes)\n";
  }
  return outcome->complete ? kExitOk : kExitInvalid;
}

}  // namespace einvoice::cli
