// Every document write_ubl produces is valid against the official UBL 2.1
// XSD (Invoice or CreditNote), checked with formats/xsd.

#include <catch2/catch.hpp>
#include <string>

#include "formats/ubl/ubl_reader.h"
#include "formats/ubl/ubl_writer.h"
#include "formats/xsd/schema_validator.h"
#include "tests/ubl/ubl_test_support.h"

namespace einvoice::ubl {
namespace {

const xsd::SchemaValidator& validator() {
  static const xsd::SchemaValidator instance{std::filesystem::path(EINVOICE_SCHEMA_DIR)};
  return instance;
}

std::string describe(const xsd::XsdReport& report) {
  std::string out;
  for (const auto& issue : report.issues) {
    out += std::to_string(issue.location.line) + ":" + std::to_string(issue.location.column) + " " +
           issue.message + "\n";
  }
  return out;
}

// Validates `xml` and reports whether the XSD accepts it.
bool schema_valid(const std::string& xml, const std::string& name) {
  auto report = validator().validate(xml, xsd::SchemaId::kUbl21, name);
  if (!report.ok())
    FAIL(report.error().describe());
  INFO(name << ":\n" << describe(*report));
  CHECK(report->valid);
  return report->valid;
}

model::Invoice read_example(const std::string& name) {
  auto parsed = read_ubl(test::load(test::ubl_example(name)), name);
  REQUIRE(parsed.ok());
  return std::move(parsed->invoice);
}

TEST_CASE("the XSD check has teeth: elements out of order are refused", "[ubl][xsd]") {
  std::string xml = write_ubl(read_example("Invoice-Min_content_with_VAT.xml"));
  REQUIRE(schema_valid(xml, "control.xml"));
  // cbc:IssueDate moved in front of cbc:ID breaks the Invoice sequence.
  auto id = xml.find("  <cbc:ID>");
  auto issue = xml.find("  <cbc:IssueDate>");
  REQUIRE(id < issue);
  auto issue_end = xml.find('\n', issue) + 1;
  std::string issue_line = xml.substr(issue, issue_end - issue);
  xml.erase(issue, issue_end - issue);
  xml.insert(id, issue_line);
  auto report = validator().validate(xml, xsd::SchemaId::kUbl21, "reordered.xml");
  if (!report.ok())
    FAIL(report.error().describe());
  CHECK_FALSE(report->valid);
}

TEST_CASE("every official example is written as a schema-valid document", "[ubl][xsd]") {
  auto examples = test::ubl_examples();
  REQUIRE(examples.size() == 48);
  for (const auto& path : examples) {
    const std::string name = path.filename().string();
    CHECK(schema_valid(write_ubl(read_example(name)), name));
  }
}

TEST_CASE("placeholders and moved terms keep the output schema-valid", "[ubl][xsd]") {
  model::Invoice in = read_example("Invoice-Max_content.xml");
  // Terms whose UBL carrier needs care: BT-21, BT-8 without BG-14, BT-14
  // without BT-13, BG-18 (NetworkID), BG-19 with BT-90, BT-148 without BT-147.
  in.notes.push_back({"AAI", "coded note"});
  in.invoicing_period.reset();
  in.vat_point_date.reset();
  in.vat_point_date_code = "432";
  in.purchase_order_reference.reset();
  auto& payment = in.payment_instructions.value();
  payment.card = model::PaymentCard{"1234", "Card Holder"};
  payment.direct_debit =
      model::DirectDebit{"MANDATE-1", "DE98ZZZ09999999999", "DE02120300000000202051"};
  in.lines[0].price.discount.reset();

  for (const char* type : {"380", "381", "396", "389"}) {
    in.type_code = type;
    CHECK(schema_valid(write_ubl(in), std::string("type ") + type + " with payee"));
  }
  in.payee.reset();
  for (const char* type : {"380", "381"}) {
    in.type_code = type;
    CHECK(schema_valid(write_ubl(in), std::string("type ") + type + " without payee"));
  }
}

}  // namespace
}  // namespace einvoice::ubl
