// The validate job on the batch runner (engine/validate_job.h): verdicts in
// input order whatever the threads do, an input that is no invoice refused
// with a report, a read failure failing its input only, cancellation.
#include "engine/validate_job.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "env/memory_file_system.h"
#include "formats/xsd/schema_validator.h"
#include "tests/engine/test_inputs.h"

using namespace einvoice;
using namespace einvoice::engine;
using einvoice::testing::corpus;
using einvoice::testing::read_file;

namespace {

const DocumentValidator& validator() {
  static const DocumentValidator shared(
      std::make_shared<const xsd::SchemaValidator>(EINVOICE_SCHEMA_DIR), ValidationOptions{});
  return shared;
}

// 12 inputs: valid CII and UBL examples, a CII that breaks a rule, and
// files that are no invoice, in a fixed pattern.
std::vector<InputFile> add_inputs(env::MemoryFileSystem& files) {
  const std::string cii = read_file(corpus("en16931/cii/examples/CII_example1.xml"));
  const std::string ubl = read_file(corpus("en16931/ubl/examples/ubl-tc434-example1.xml"));
  // The amount due no longer follows from the totals (BR-CO-16).
  std::string broken = cii;
  const std::string due = "<ram:DuePayableAmount>250.33</ram:DuePayableAmount>";
  REQUIRE(broken.find(due) != std::string::npos);
  broken.replace(broken.find(due), due.size(),
                 "<ram:DuePayableAmount>999.00</ram:DuePayableAmount>");
  std::vector<InputFile> inputs;
  for (int i = 0; i < 12; ++i) {
    const std::string name = "in/" + std::to_string(i) + ".xml";
    files.files[name] = i % 4 == 0   ? cii
                        : i % 4 == 1 ? ubl
                        : i % 4 == 2 ? broken
                                     : "<notes>no invoice</notes>";
    inputs.push_back({name, std::to_string(i) + ".xml"});
  }
  return inputs;
}

}  // namespace

TEST_CASE("Validate job: verdicts in input order, each input judged on its own",
          "[engine][validate]") {
  env::MemoryFileSystem files;
  const auto inputs = add_inputs(files);
  files.failing_reads.insert("in/5.xml");
  RunnerOptions runner;
  runner.jobs = 4;
  std::vector<std::size_t> order;
  std::vector<ValidationVerdict> verdicts;
  const BatchTotals totals = validate_all(validator(), inputs, files, ReportFormat::kJson, runner,
                                          [&](std::size_t i, ValidationVerdict&& verdict) {
                                            order.push_back(i);
                                            verdicts.push_back(std::move(verdict));
                                          });
  REQUIRE(order.size() == 12);
  for (std::size_t i = 0; i < order.size(); ++i)
    CHECK(order[i] == i);
  CHECK(totals.done == 5);     // 0, 4, 8 (CII) and 1, 9 (UBL)
  CHECK(totals.refused == 6);  // 2, 6, 10 break a rule; 3, 7, 11 are no invoice
  CHECK(totals.failed == 1);   // 5 could not be read
  CHECK(verdicts[0].state == ItemState::kDone);
  CHECK(verdicts[2].state == ItemState::kRefused);
  CHECK(verdicts[2].report.find("BR-CO-16") != std::string::npos);
  CHECK(verdicts[3].state == ItemState::kRefused);
  CHECK(verdicts[3].report.find("EINV-INPUT-01") != std::string::npos);
  REQUIRE(verdicts[5].system_error);
  CHECK(verdicts[5].system_error->where.file == "in/5.xml");
  CHECK(verdicts[5].report.empty());
}

TEST_CASE("Validate job: a cancelled batch validates nothing more", "[engine][validate]") {
  env::MemoryFileSystem files;
  const auto inputs = add_inputs(files);
  std::atomic<bool> cancel{true};
  RunnerOptions runner;
  runner.jobs = 2;
  runner.cancel = &cancel;
  std::size_t delivered = 0;
  const BatchTotals totals = validate_all(validator(), inputs, files, ReportFormat::kText, runner,
                                          [&](std::size_t, ValidationVerdict&& verdict) {
                                            ++delivered;
                                            CHECK(verdict.state == ItemState::kCancelled);
                                            CHECK(verdict.report.empty());
                                          });
  CHECK(delivered == 12);
  CHECK(totals.cancelled == 12);
}

TEST_CASE("Validate job: report formats and their extensions", "[engine][validate]") {
  CHECK(parse_report_format("svrl") == ReportFormat::kSvrl);
  CHECK_FALSE(parse_report_format("xml"));
  CHECK(std::string(report_extension(ReportFormat::kText)) == ".txt");
  CHECK(std::string(report_extension(ReportFormat::kJson)) == ".json");
}
