// Conversion throughput on one core: parse (detect + read into the model),
// write (CII and UBL from the model) and XSD validation, measured separately,
// plus parse+write of the 25 KB reference CII invoice and its conversion
// through the engine's Converter: with the output rules check (the output read
// back and checked against EN 16931 and syntax rules, a finding the input did
// not have refused), then also with the input and output XSD checks.
//
// usage: convert_bench [--seconds S] [--schemas DIR] [FILE|DIR ...]
// Default inputs: the official CII and UBL examples of the shared corpus.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "bench_support.h"
#include "engine/converter.h"
#include "formats/cii/cii_writer.h"
#include "formats/ubl/ubl_writer.h"
#include "formats/xsd/schema_directory.h"
#include "formats/xsd/schema_validator.h"

namespace {

namespace fs = std::filesystem;
using einvoice::bench::collect_xml;
using einvoice::bench::per_second;
using einvoice::bench::slurp;

struct Input {
  std::string name;
  std::string bytes;
  einvoice::detect::Syntax syntax;
  einvoice::model::Invoice invoice;
};

}  // namespace

int main(int argc, char** argv) {
  double seconds = 3;
  std::optional<fs::path> schemas;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--seconds" && i + 1 < argc) {
      seconds = std::atof(argv[++i]);
    } else if (arg == "--schemas" && i + 1 < argc) {
      schemas = argv[++i];
    } else {
      collect_xml(arg, files);
    }
  }
  const fs::path corpus = EINVOICE_CORPUS_DIR;
  if (files.empty()) {
    collect_xml(corpus / "en16931/cii/examples", files);
    collect_xml(corpus / "en16931/ubl/examples", files);
  }
  std::sort(files.begin(), files.end());

  std::vector<Input> inputs;
  std::size_t total_bytes = 0;
  for (const auto& path : files) {
    Input input;
    input.name = path.string();
    input.bytes = slurp(path);
    auto read = einvoice::engine::read_invoice(input.bytes, input.name);
    if (!read) {
      std::fprintf(stderr, "skipped %s: %s\n", input.name.c_str(), read.error().describe().c_str());
      continue;
    }
    input.syntax = read->source_syntax;
    input.invoice = read->parsed.invoice;
    total_bytes += input.bytes.size();
    inputs.push_back(std::move(input));
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "no inputs\n");
    return 2;
  }
  auto schema_dir = einvoice::xsd::resolve_schema_directory(schemas);
  if (!schema_dir) {
    std::fprintf(stderr, "%s\n", schema_dir.error().describe().c_str());
    return 2;
  }
  einvoice::xsd::SchemaValidator validator(*schema_dir);

  std::printf("convert_bench: %zu invoices, %.1f KB average, %.0f s per stage, one thread\n",
              inputs.size(), static_cast<double>(total_bytes) / 1024.0 / inputs.size(), seconds);

  std::size_t sink = 0;
  double parse = per_second(inputs, seconds, [&](const Input& in) {
    auto read = einvoice::engine::read_invoice(in.bytes, in.name);
    sink += read ? read->parsed.invoice.lines.size() : 0;
  });
  double write_cii = per_second(inputs, seconds, [&](const Input& in) {
    sink += einvoice::cii::write_cii(in.invoice).size();
  });
  double write_ubl = per_second(inputs, seconds, [&](const Input& in) {
    sink += einvoice::ubl::write_ubl(in.invoice).size();
  });
  double xsd = per_second(inputs, seconds, [&](const Input& in) {
    auto report = validator.validate_detected(in.bytes, in.name);
    sink += report && report->valid ? 1 : 0;
  });
  std::printf("  parse (detect + read into model)   %8.0f invoices/s per core\n", parse);
  std::printf("  write CII from model               %8.0f invoices/s per core\n", write_cii);
  std::printf("  write UBL from model               %8.0f invoices/s per core\n", write_ubl);
  std::printf("  XSD validation (Xerces, cached)    %8.0f invoices/s per core\n", xsd);

  // The reference: a 25 KB CII invoice, parse + write (the target).
  fs::path reference = corpus / "en16931/cii/examples/CII_business_example_01.xml";
  if (fs::exists(reference)) {
    std::vector<Input> one;
    Input input;
    input.name = reference.string();
    input.bytes = slurp(reference);
    one.push_back(std::move(input));
    double cii_to_ubl = per_second(one, seconds, [&](const Input& in) {
      auto read = einvoice::engine::read_invoice(in.bytes, in.name);
      if (read)
        sink += einvoice::ubl::write_ubl(read->parsed.invoice).size();
    });
    double cii_to_cii = per_second(one, seconds, [&](const Input& in) {
      auto read = einvoice::engine::read_invoice(in.bytes, in.name);
      if (read)
        sink += einvoice::cii::write_cii(read->parsed.invoice).size();
    });
    // Conversions through the engine's Converter: with the output rules
    // check alone (read, write, read the output back, EN 16931 + syntax
    // rules on it), and as `einvoice convert` runs it by default, adding the
    // input and output XSD checks (two Xerces validations).
    auto shared = std::make_shared<const einvoice::xsd::SchemaValidator>(*schema_dir);
    double checked[2] = {0, 0};
    double converted[2] = {0, 0};
    const einvoice::engine::TargetSyntax targets[2] = {einvoice::engine::TargetSyntax::kUbl,
                                                       einvoice::engine::TargetSyntax::kCii};
    for (int t = 0; t < 2; ++t) {
      for (bool with_xsd : {false, true}) {
        einvoice::engine::ConversionOptions options;
        options.target = targets[t];
        options.validate_input_schema = with_xsd;
        options.validate_output_schema = with_xsd;
        einvoice::engine::Converter converter(shared, options);
        (with_xsd ? converted : checked)[t] = per_second(one, seconds, [&](const Input& in) {
          auto outcome = converter.convert(in.bytes, in.name);
          sink += outcome && outcome->converted ? outcome->output.size() : 0;
        });
      }
    }
    std::printf("  %s (%.1f KB):\n", reference.filename().c_str(),
                static_cast<double>(one[0].bytes.size()) / 1024.0);
    std::printf("    parse + write UBL                %8.0f invoices/s per core (target >= 2000)\n",
                cii_to_ubl);
    std::printf("    parse + write CII                %8.0f invoices/s per core (target >= 2000)\n",
                cii_to_cii);
    std::printf("    convert to UBL, output rules     %8.0f invoices/s per core (target >= 1500)\n",
                checked[0]);
    std::printf("    convert to CII, output rules     %8.0f invoices/s per core (target >= 1500)\n",
                checked[1]);
    std::printf("    convert to UBL, + in/out XSD     %8.0f invoices/s per core\n", converted[0]);
    std::printf("    convert to CII, + in/out XSD     %8.0f invoices/s per core\n", converted[1]);
  }
  std::printf("  max resident memory %ld MB\n", einvoice::bench::peak_rss_mb());
  std::printf(
      "reproduce: cmake --build build --target convert_bench && "
      "./build/bench/convert_bench --seconds %.0f\n",
      seconds);
  return sink == 0 ? 1 : 0;
}
