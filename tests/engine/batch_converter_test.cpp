#include "engine/batch_converter.h"

#include <atomic>
#include <catch2/catch.hpp>

#include "env/memory_file_system.h"
#include "formats/xsd/schema_validator.h"
#include "test_inputs.h"

using namespace einvoice;
using einvoice::env::MemoryFileSystem;
using einvoice::testing::corpus;
using einvoice::testing::read_file;

namespace {

std::shared_ptr<const xsd::SchemaValidator> validator() {
  static auto shared = std::make_shared<const xsd::SchemaValidator>(EINVOICE_SCHEMA_DIR);
  return shared;
}

}  // namespace

TEST_CASE("A batch converts the good, reports the bad and never stops", "[batch]") {
  MemoryFileSystem files;
  files.files["in/cii.xml"] = read_file(corpus("en16931/cii/examples/CII_example2.xml"));
  files.files["in/ubl.xml"] = read_file(corpus("en16931/ubl/examples/ubl-tc434-example2.xml"));
  files.files["in/broken.xml"] = "<rsm:CrossIndustryInvoice";
  files.files["in/scan.xml"] = "%PDF-1.4 not xml";
  files.files["in/unreadable.xml"] = "x";
  files.failing_reads.insert("in/unreadable.xml");
  files.files["in/full-disk.xml"] = files.files["in/cii.xml"];
  files.failing_writes.insert("out/full-disk.xml");

  engine::ConversionOptions options;
  options.target = engine::TargetSyntax::kUbl;
  engine::Converter converter(validator(), options);
  engine::BatchConverter batch(converter, files);
  std::vector<engine::BatchJob> jobs;
  for (const auto& [path, content] : std::map(files.files)) {
    jobs.push_back({path, path.filename()});
  }
  auto out = files.open_output_folder("out");
  REQUIRE(out);
  std::map<std::string, engine::JobState> states;
  engine::BatchOptions batch_options;
  batch_options.threads = 3;
  batch_options.on_result = [&](const engine::JobResult& r) {
    states[r.job.input.string()] = r.state;
    if (r.state == engine::JobState::kFailed || r.state == engine::JobState::kInvalid) {
      bool explained = r.error.has_value() || !r.diagnostics.empty();
      CHECK(explained);
    }
  };
  int progress_calls = 0;
  engine::BatchProgress last;
  batch_options.on_progress = [&](const engine::BatchProgress& p) {
    ++progress_calls;
    last = p;
  };
  auto summary = batch.run(**out, jobs, batch_options);

  CHECK(summary.total == 6);
  CHECK(summary.converted == 2);
  CHECK(summary.invalid == 2);
  CHECK(summary.failed == 2);
  CHECK(states["in/cii.xml"] == engine::JobState::kConverted);
  CHECK(states["in/ubl.xml"] == engine::JobState::kConverted);
  CHECK(states["in/broken.xml"] == engine::JobState::kInvalid);
  CHECK(states["in/scan.xml"] == engine::JobState::kInvalid);
  CHECK(states["in/unreadable.xml"] == engine::JobState::kFailed);
  CHECK(states["in/full-disk.xml"] == engine::JobState::kFailed);
  CHECK(progress_calls >= 1);
  CHECK(last.done == 6);

  // What was written is a UBL invoice that reads back.
  REQUIRE(files.files.count("out/cii.xml"));
  auto back = engine::read_invoice(files.files["out/cii.xml"], "out/cii.xml");
  REQUIRE(back);
  CHECK(back->source_syntax == detect::Syntax::kUblInvoice);
  CHECK_FALSE(files.files.count("out/broken.xml"));
  CHECK_FALSE(files.files.count("out/full-disk.xml"));

  SECTION("a resumed batch skips what is done and retries the rest") {
    files.failing_writes.clear();
    files.failing_reads.clear();
    batch_options.on_result = nullptr;
    batch_options.resume = true;
    auto resumed = batch.run(**out, jobs, batch_options);
    CHECK(resumed.skipped == 2);    // cii.xml and ubl.xml were done
    CHECK(resumed.converted == 1);  // full-disk.xml, now that writes succeed
    CHECK(resumed.invalid == 3);    // broken, scan, and unreadable.xml now read as "x"
    CHECK(resumed.failed == 0);
    CHECK(files.files.count("out/full-disk.xml"));
  }
}

TEST_CASE("An XSD-invalid input is refused with the schema's line", "[batch]") {
  std::string xml = read_file(corpus("en16931/cii/examples/CII_example2.xml"));
  auto pos = xml.find("</rsm:ExchangedDocument>");
  REQUIRE(pos != std::string::npos);
  xml.insert(pos, "<ram:Unexpected>1</ram:Unexpected>");
  engine::ConversionOptions options;
  options.target = engine::TargetSyntax::kUbl;
  engine::Converter converter(validator(), options);
  auto outcome = converter.convert(xml, "bad-schema.xml");
  REQUIRE(outcome);
  CHECK_FALSE(outcome->converted);
  CHECK(outcome->output.empty());
  // The reader reports the unknown element first (EINV-READ-03), then the XSD.
  const model::Diagnostic* schema_issue = nullptr;
  for (const auto& d : outcome->diagnostics) {
    if (!schema_issue && d.rule_id == "XSD")
      schema_issue = &d;
  }
  REQUIRE(schema_issue != nullptr);
  CHECK(schema_issue->location.line > 0);

  options.validate_input_schema = false;
  engine::Converter lenient(validator(), options);
  auto converted = lenient.convert(xml, "bad-schema.xml");
  REQUIRE(converted);
  CHECK(converted->converted);
}
