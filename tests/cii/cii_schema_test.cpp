#include <catch2/catch.hpp>
#include <string>

#include "cii_test_support.h"
#include "formats/cii/cii_reader.h"
#include "formats/cii/cii_writer.h"
#include "formats/xsd/schema_validator.h"

using namespace einvoice;
using cii::testing::read_file;

namespace {

const xsd::SchemaValidator& validator() {
  static xsd::SchemaValidator shared(EINVOICE_SCHEMA_DIR);
  return shared;
}

std::string describe(const xsd::XsdReport& report) {
  std::string out;
  for (const auto& issue : report.issues) {
    out += std::to_string(issue.location.line) + ":" + std::to_string(issue.location.column) + " " +
           issue.message + "\n";
  }
  return out;
}

// The written form of `invoice` is valid against the CII D16B XSD.
void check_written_is_valid(const model::Invoice& invoice, const std::string& source) {
  INFO(source);
  const std::string written = cii::write_cii(invoice);
  auto report = validator().validate(written, xsd::SchemaId::kCiiD16B, "written.xml");
  REQUIRE(report.ok());
  INFO("XSD issues:\n" << describe(*report));
  CHECK(report->valid);
}

}  // namespace

TEST_CASE("Written official examples and Factur-X samples are XSD-valid", "[cii][xsd]") {
  auto files = cii::testing::official_examples();
  for (const auto& path : cii::testing::facturx_cii_samples())
    files.push_back(path);
  for (const auto& path : files) {
    auto parsed = cii::read_cii(read_file(path), path);
    REQUIRE(parsed.ok());
    check_written_is_valid(parsed->invoice, path);
  }
}

TEST_CASE("An invoice with every business term is written XSD-valid", "[cii][xsd]") {
  check_written_is_valid(cii::testing::full_invoice(), "full_invoice()");
}

TEST_CASE("Written mutants are XSD-valid unless BT-1 or BT-2 is missing", "[cii][xsd]") {
  // The D16B XSD requires ram:ID and ram:IssueDateTime; the writer omits
  // absent terms, so only invoices that have both are expected valid.
  for (const auto& path : cii::testing::xml_files("en16931-mutants/cii")) {
    auto parsed = cii::read_cii(read_file(path), path);
    if (!parsed.ok())
      continue;
    const model::Invoice& invoice = parsed->invoice;
    if (!invoice.number || !invoice.issue_date)
      continue;
    check_written_is_valid(invoice, path);
  }
}

TEST_CASE("The XSD check has teeth: a written invoice with two elements swapped is invalid",
          "[cii][xsd]") {
  std::string written = cii::write_cii(cii::testing::full_invoice());
  const std::string in_order =
      "<ram:ID>INV-2024-001</ram:ID>\n    <ram:TypeCode>380</ram:TypeCode>";
  const std::string swapped = "<ram:TypeCode>380</ram:TypeCode>\n    <ram:ID>INV-2024-001</ram:ID>";
  const auto at = written.find(in_order);
  REQUIRE(at != std::string::npos);
  written.replace(at, in_order.size(), swapped);
  auto report = validator().validate(written, xsd::SchemaId::kCiiD16B, "swapped.xml");
  REQUIRE(report.ok());
  CHECK_FALSE(report->valid);
}
