// The process job: a job from JSON, one document through the pipeline into
// an in-memory (and failing) file system, parses counted per parser.
#include <catch2/catch.hpp>
#include <mutex>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "engine/facturx_jobs.h"
#include "engine/process_json.h"
#include "env/memory_file_system.h"
#include "formats/xml/parse_count.h"
#include "formats/xsd/schema_validator.h"
#include "formats/xsd/validation_count.h"
#include "tests/engine/test_inputs.h"

using namespace einvoice;
using namespace einvoice::engine;
using einvoice::testing::corpus;
using einvoice::testing::read_file;

namespace {

const ProcessResources& resources() {
  static const ProcessResources shared = [] {
    ProcessResources r;
    r.schemas = std::make_shared<const xsd::SchemaValidator>(EINVOICE_SCHEMA_DIR);
    return r;
  }();
  return shared;
}

// Puts into `files` the official CII example 1, UBL example 1 and a file
// that is no invoice, under in/.
void add_inputs(env::MemoryFileSystem& files) {
  files.files["in/cii.xml"] = read_file(corpus("en16931/cii/examples/CII_example1.xml"));
  files.files["in/ubl.xml"] = read_file(corpus("en16931/ubl/examples/ubl-tc434-example1.xml"));
  files.files["in/notes.xml"] = "<notes><note>not an invoice</note></notes>";
}

ProcessOptions fixed_time(OutputFormat to) {
  ProcessOptions options;
  options.to = to;
  options.timestamp = "2026-12-07T10:00:00+00:00";
  return options;
}

nlohmann::json report_of(const env::MemoryFileSystem& files, const std::string& path) {
  auto found = files.files.find(path);
  REQUIRE(found != files.files.end());
  return nlohmann::json::parse(found->second);
}

}  // namespace

TEST_CASE("Process job: a JSON job is read with every option", "[engine][process]") {
  auto job = parse_process_job(R"({"inputs": ["a.xml", "scans/"], "out_dir": "out", "to": "ubl",
      "profile": "fr", "french_rules": "warnings", "facturx_profile": "basic", "lang": "en",
      "jobs": 3, "resume": true})",
                               "job.json");
  REQUIRE(job);
  CHECK(job->inputs == std::vector<std::filesystem::path>{"a.xml", "scans/"});
  CHECK(job->out_dir == "out");
  CHECK(job->options.to == OutputFormat::kUbl);
  CHECK(job->options.rules.profile == validation::Profile::kFrance);
  CHECK(job->options.rules.french_mode == validation::FrenchMode::kWarnings);
  CHECK(job->options.facturx_profile == facturx::Profile::kBasic);
  CHECK(job->options.language == render::Language::kEnglish);
  CHECK(job->jobs == 3);
  CHECK(job->options.resume);
  // Defaults.
  auto plain = parse_process_job(R"({"inputs": ["a.xml"], "out_dir": "o"})", "plain.json");
  REQUIRE(plain);
  CHECK(plain->options.to == OutputFormat::kFacturX);
  CHECK(plain->options.rules.profile == validation::Profile::kEn16931);
}

TEST_CASE("Process job: a JSON job with a mistake names the file and the member",
          "[engine][process]") {
  const std::pair<const char*, const char*> cases[] = {
      {"[1, 2]", "a process job is a JSON object"},
      {"{", "not JSON"},
      {R"({"inputs": ["a"], "out_dir": "o", "too": "ubl"})", "unknown member \"too\""},
      {R"({"inputs": [], "out_dir": "o"})", "\"inputs\""},
      {R"({"inputs": ["a"]})", "\"out_dir\" is missing"},
      {R"({"inputs": ["a"], "out_dir": "o", "to": "pdf"})", "expected facturx, cii or ubl"},
      {R"({"inputs": ["a"], "out_dir": "o", "jobs": -1})", "\"jobs\""},
      {R"({"inputs": ["a"], "out_dir": "o", "resume": "yes"})", "\"resume\" must be true or false"},
  };
  for (const auto& [json, message] : cases) {
    INFO(json);
    auto job = parse_process_job(json, "job.json");
    REQUIRE_FALSE(job);
    CHECK(job.error().code == model::ErrorCode::kInvalidArgument);
    CHECK(job.error().where.file == "job.json");
    CHECK(job.error().message.find(message) != std::string::npos);
  }
}

TEST_CASE("Process job: CII and UBL become Factur-X with a report, a non-invoice is refused",
          "[engine][process]") {
  env::MemoryFileSystem files;
  add_inputs(files);
  auto planned = plan_process({"in"}, files);
  REQUIRE(planned);
  REQUIRE(planned->size() == 3);
  auto out = files.open_output_folder("out");
  REQUIRE(out);
  const Processor processor(resources(), fixed_time(OutputFormat::kFacturX));
  for (const InputFile& input : *planned) {
    const DocumentReport report = processor.process(input, files, **out);
    INFO(input.path.string());
    const auto json = report_of(files, "out/" + base_of(input).string() + ".report.json");
    CHECK(json["input"] == input.path.string());
    if (input.path == "in/notes.xml") {
      CHECK(report.state == ItemState::kRefused);
      CHECK(json["state"] == "refused");
      CHECK(json["output"].is_null());
      CHECK(json["error"]["message"].get<std::string>().find("neither a CII") != std::string::npos);
      continue;
    }
    CHECK(report.state == ItemState::kDone);
    CHECK(json["state"] == "done");
    CHECK(json["output"] == base_of(input).string() + ".facturx.pdf");
    const std::string pdf = files.files.at("out/" + json["output"].get<std::string>());
    CHECK(pdf.rfind("%PDF-", 0) == 0);
    auto check = check_facturx(pdf, "built.pdf", resources().schemas.get());
    REQUIRE(check);
    CHECK(check->accepted());
    // Every stage named, in order, each with its time.
    std::vector<std::string> stages;
    for (const auto& stage : json["stages"])
      stages.push_back(stage["stage"]);
    CHECK(stages == std::vector<std::string>{"read", "read-invoice", "xsd", "rules", "build",
                                             "check", "write"});
  }
}

TEST_CASE("Process job: each input is parsed once per parser", "[engine][process]") {
  env::MemoryFileSystem files;
  add_inputs(files);
  auto out = files.open_output_folder("out");
  REQUIRE(out);
  SECTION(
      "CII to UBL: the input once by libxml2 and once by Xerces; the UBL written once by "
      "Xerces") {
    const Processor processor(resources(), fixed_time(OutputFormat::kUbl));
    const auto parses = xml::parses_on_this_thread();
    const auto validations = xsd::validations_on_this_thread();
    const DocumentReport report = processor.process({"in/cii.xml", "cii.xml"}, files, **out);
    CHECK(report.state == ItemState::kDone);
    CHECK(xml::parses_on_this_thread() - parses == 1);
    CHECK(xsd::validations_on_this_thread() - validations == 2);
  }
  SECTION("UBL to UBL: the input, unchanged, once by each parser") {
    const Processor processor(resources(), fixed_time(OutputFormat::kUbl));
    const auto parses = xml::parses_on_this_thread();
    const auto validations = xsd::validations_on_this_thread();
    const DocumentReport report = processor.process({"in/ubl.xml", "ubl.xml"}, files, **out);
    CHECK(report.state == ItemState::kDone);
    CHECK(files.files.at("out/ubl.ubl.xml") == files.files.at("in/ubl.xml"));
    CHECK(xml::parses_on_this_thread() - parses == 1);
    CHECK(xsd::validations_on_this_thread() - validations == 1);
  }
}

TEST_CASE(
    "Process job: a failing disk fails the document and says where; resume skips what is "
    "done",
    "[engine][process]") {
  env::MemoryFileSystem files;
  add_inputs(files);
  files.failing_writes.insert("out/ubl.facturx.pdf");
  files.failing_reads.insert("in/cii.xml");
  auto out = files.open_output_folder("out");
  REQUIRE(out);
  ProcessOptions options = fixed_time(OutputFormat::kFacturX);
  options.resume = true;
  const Processor processor(resources(), options);

  const DocumentReport unreadable = processor.process({"in/cii.xml", "cii.xml"}, files, **out);
  CHECK(unreadable.state == ItemState::kFailed);
  REQUIRE(unreadable.error);
  CHECK(unreadable.error->where.file == "in/cii.xml");
  CHECK(report_of(files, "out/cii.report.json")["state"] == "failed");

  const DocumentReport unwritable = processor.process({"in/ubl.xml", "ubl.xml"}, files, **out);
  CHECK(unwritable.state == ItemState::kFailed);
  REQUIRE(unwritable.error);
  CHECK(unwritable.error->where.file == "out/ubl.facturx.pdf");
  CHECK(files.files.count("out/ubl.facturx.pdf") == 0);

  // With the disk back, resume skips the documents whose report exists.
  files.failing_writes.clear();
  files.files.erase("out/ubl.report.json");
  CHECK(processor.process({"in/cii.xml", "cii.xml"}, files, **out).state == ItemState::kSkipped);
  CHECK(processor.process({"in/ubl.xml", "ubl.xml"}, files, **out).state == ItemState::kDone);
}

TEST_CASE("Process job: two inputs that would share an output name are refused before any work",
          "[engine][process]") {
  env::MemoryFileSystem files;
  files.files["a/x.xml"] = "<x/>";
  files.files["b/x.pdf"] = "%PDF-";
  auto planned = plan_process({"a/x.xml", "b/x.pdf"}, files);
  REQUIRE_FALSE(planned);
  CHECK(planned.error().message.find("a/x.xml") != std::string::npos);
}

namespace {

// A file system whose reads throw, as a defect or an exhausted resource would.
class ThrowingFileSystem final : public env::FileSystem {
 public:
  explicit ThrowingFileSystem(env::MemoryFileSystem& files) : files_(files) {}
  model::Result<std::string> read(const std::filesystem::path&, std::size_t) const override {
    throw std::runtime_error("simulated failure");
  }
  model::Result<std::unique_ptr<env::OutputFolder>> open_output_folder(
      const std::filesystem::path& dir) const override {
    return files_.open_output_folder(dir);
  }
  bool exists(const std::filesystem::path& path) const override { return files_.exists(path); }
  bool is_directory(const std::filesystem::path& path) const override {
    return files_.is_directory(path);
  }
  model::Result<std::vector<std::filesystem::path>> list_files(
      const std::filesystem::path& dir) const override {
    return files_.list_files(dir);
  }

 private:
  env::MemoryFileSystem& files_;
};

}  // namespace

TEST_CASE("Process job: what throws fails its document with a report, never the batch",
          "[engine][process]") {
  env::MemoryFileSystem files;
  add_inputs(files);
  const ThrowingFileSystem throwing(files);
  auto out = files.open_output_folder("out");
  REQUIRE(out);
  const Processor processor(resources(), fixed_time(OutputFormat::kCii));
  const std::vector<InputFile> inputs = {{"in/cii.xml", "cii.xml"}, {"in/ubl.xml", "ubl.xml"}};
  std::vector<ItemState> states;
  const BatchTotals totals =
      process_all(processor, inputs, throwing, **out, RunnerOptions{},
                  [&](const DocumentReport& r) { states.push_back(r.state); });
  CHECK(totals.failed == 2);
  CHECK(states == std::vector<ItemState>{ItemState::kFailed, ItemState::kFailed});
  const auto report = report_of(files, "out/ubl.report.json");
  CHECK(report["state"] == "failed");
  CHECK(report["error"]["message"].get<std::string>().find("simulated failure") !=
        std::string::npos);
}

TEST_CASE("Process job: the authorise and archive slots run as stages of their own",
          "[engine][process]") {
  env::MemoryFileSystem files;
  add_inputs(files);
  auto out = files.open_output_folder("out");
  REQUIRE(out);
  ProcessResources with_slots = resources();
  std::vector<std::string> archived;
  std::mutex archived_mutex;
  with_slots.authorise = [](const InputFile& input) -> model::Status {
    if (input.path == "in/ubl.xml")
      return model::Error{model::ErrorCode::kInvalid,
                          "this account may not submit for seller FR12345678901",
                          {input.path.string(), "", 0, 0}};
    return model::Status::Ok();
  };
  with_slots.archive = [&](std::string_view output, const std::string& name) -> model::Status {
    std::lock_guard<std::mutex> lock(archived_mutex);
    archived.push_back(name + ":" + std::to_string(output.size()));
    if (name == "failing.cii.xml")
      return model::Error{model::ErrorCode::kIo, "archive store unavailable", {name, "", 0, 0}};
    return model::Status::Ok();
  };
  const Processor processor(with_slots, fixed_time(OutputFormat::kCii));

  // Authorised and archived: both stages in the report, the output's bytes archived.
  const DocumentReport done = processor.process({"in/cii.xml", "cii.xml"}, files, **out);
  CHECK(done.state == ItemState::kDone);
  const auto json = report_of(files, "out/cii.report.json");
  CHECK(json["stages"].front()["stage"] == "authorise");
  CHECK(json["stages"].back()["stage"] == "archive");
  REQUIRE(archived.size() == 1);
  CHECK(archived[0] == "cii.cii.xml:" + std::to_string(files.files.at("out/cii.cii.xml").size()));

  // Refused before anything is read: no output, the reason in the report.
  const DocumentReport refused = processor.process({"in/ubl.xml", "ubl.xml"}, files, **out);
  CHECK(refused.state == ItemState::kRefused);
  CHECK(files.files.count("out/ubl.cii.xml") == 0);
  const auto refused_json = report_of(files, "out/ubl.report.json");
  CHECK(refused_json["stages"].size() == 1);
  CHECK(refused_json["error"]["message"].get<std::string>().find("may not submit") !=
        std::string::npos);
  CHECK(archived.size() == 1);

  // Written but not archived: failed, and the report says why.
  files.files["in/failing.xml"] = files.files.at("in/cii.xml");
  const DocumentReport unarchived =
      processor.process({"in/failing.xml", "failing.xml"}, files, **out);
  CHECK(unarchived.state == ItemState::kFailed);
  CHECK(report_of(files, "out/failing.report.json")["error"]["message"] ==
        "archive store unavailable");
}
