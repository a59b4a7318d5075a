// Hostile and broken input: errors for what cannot be read at all,
// diagnostics (and reading on) for bad values inside a document.

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "formats/ubl/ubl_reader.h"
#include "formats/xml/term_reader.h"
#include "tests/ubl/ubl_test_support.h"

namespace einvoice::ubl {
namespace {

const model::Diagnostic* find_rule(const model::Diagnostics& diagnostics, std::string_view rule,
                                   std::string_view term) {
  auto it = std::find_if(diagnostics.begin(), diagnostics.end(), [&](const auto& d) {
    return d.rule_id == rule && d.business_term == term;
  });
  return it == diagnostics.end() ? nullptr : &*it;
}

TEST_CASE("truncated XML is a kMalformed error with a location", "[ubl][malformed]") {
  std::string bytes = test::load(test::ubl_example("Invoice-Min_content_with_VAT.xml"));
  REQUIRE(bytes.size() > 200);
  bytes.resize(bytes.size() / 2);
  auto result = read_ubl(bytes, "truncated.xml");
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code == model::ErrorCode::kMalformed);
  CHECK(result.error().where.file == "truncated.xml");
  CHECK(result.error().where.line > 0);
}

TEST_CASE("empty input is a kMalformed error", "[ubl][malformed]") {
  auto result = read_ubl("", "empty.xml");
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code == model::ErrorCode::kMalformed);
}

TEST_CASE("a CII document is unsupported, naming its root and namespace", "[ubl][malformed]") {
  const auto path = std::filesystem::path(EINVOICE_CORPUS_DIR) / "en16931" / "cii" / "examples" /
                    "CII_business_example_01.xml";
  auto result = read_ubl(test::load(path), "cii.xml");
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code == model::ErrorCode::kUnsupported);
  CHECK_THAT(result.error().message, Catch::Contains("CrossIndustryInvoice"));
  CHECK_THAT(result.error().message,
             Catch::Contains("urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"));

  // The same document already parsed: an empty invoice and one fatal finding.
  auto document = xml::XmlDocument::parse(test::load(path), "cii.xml");
  REQUIRE(document.ok());
  model::ParsedInvoice parsed = read_ubl(*document);
  CHECK(parsed.invoice == model::Invoice{});
  REQUIRE(parsed.diagnostics.size() == 1);
  CHECK(parsed.diagnostics[0].rule_id == kRuleNotUbl);
  CHECK(parsed.diagnostics[0].severity == model::Severity::kFatal);
}

TEST_CASE("an Invoice element in the wrong namespace is unsupported", "[ubl][malformed]") {
  auto result = read_ubl("<Invoice xmlns=\"urn:example:not-ubl\"><ID>1</ID></Invoice>",
                         "wrong-namespace.xml");
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code == model::ErrorCode::kUnsupported);
  CHECK_THAT(result.error().message, Catch::Contains("urn:example:not-ubl"));
}

TEST_CASE("a DOCTYPE with an external entity is refused", "[ubl][malformed]") {
  const std::string bytes =
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE Invoice [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
      "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\" "
      "xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">"
      "<cbc:ID>&secret;</cbc:ID></Invoice>";
  auto result = read_ubl(bytes, "xxe.xml");
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code == model::ErrorCode::kMalformed);
  CHECK_THAT(result.error().message, Catch::Contains("DOCTYPE"));
}

TEST_CASE("'12,50' in a line amount is EINV-READ-01 naming BT-131 and the line",
          "[ubl][malformed]") {
  const std::string original = test::load(test::ubl_example("Invoice-Max_content.xml"));
  // Line 2 is the only one whose net amount is 0.
  const std::string from =
      "<cbc:LineExtensionAmount currencyID=\"SEK\">0</cbc:LineExtensionAmount>";
  const std::string to =
      "<cbc:LineExtensionAmount currencyID=\"SEK\">12,50</cbc:LineExtensionAmount>";
  REQUIRE(original.find(from) != std::string::npos);
  const std::string bytes = test::replace_once(original, from, to);

  auto result = read_ubl(bytes, "comma.xml");
  REQUIRE(result.ok());
  const model::Diagnostic* finding =
      find_rule(result->diagnostics, xml::kRuleUnreadableDecimal, "BT-131");
  REQUIRE(finding != nullptr);
  CHECK(finding->severity == model::Severity::kFatal);
  CHECK_THAT(finding->message, Catch::Contains("12,50"));
  CHECK_THAT(finding->message, Catch::Contains("invoice line 2"));
  CHECK(finding->location.file == "comma.xml");
  CHECK(finding->location.line == test::line_of(bytes, to));
  CHECK_THAT(finding->location.xpath, Catch::Contains("InvoiceLine[2]"));

  // Everything else is still read.
  const model::Invoice& in = result->invoice;
  REQUIRE(in.lines.size() == 2);
  CHECK_FALSE(in.lines[1].net_amount);
  CHECK(in.lines[1].invoiced_quantity == model::Decimal::parse("10000"));
  CHECK(in.lines[0].net_amount == model::Decimal::parse("10000"));
  CHECK(in.number == "2018210");
  CHECK(in.totals.total_with_vat == model::Decimal::parse("12500"));
}

TEST_CASE("'12,50' in a document total is EINV-READ-01 naming BT-112", "[ubl][malformed]") {
  const std::string bytes =
      test::replace_once(test::load(test::ubl_example("Invoice-Max_content.xml")),
                         "<cbc:TaxInclusiveAmount currencyID=\"SEK\">12500<",
                         "<cbc:TaxInclusiveAmount currencyID=\"SEK\">12,50<");
  auto result = read_ubl(bytes, "comma-total.xml");
  REQUIRE(result.ok());
  const model::Diagnostic* finding =
      find_rule(result->diagnostics, xml::kRuleUnreadableDecimal, "BT-112");
  REQUIRE(finding != nullptr);
  CHECK_THAT(finding->message, !Catch::Contains("invoice line"));
  CHECK_FALSE(result->invoice.totals.total_with_vat);
  CHECK(result->invoice.totals.amount_due == model::Decimal::parse("12500"));
}

TEST_CASE("an impossible issue date is EINV-READ-02 naming BT-2", "[ubl][malformed]") {
  const std::string bytes = test::replace_once(
      test::load(test::ubl_example("Invoice-Max_content.xml")),
      "<cbc:IssueDate>2018-02-08</cbc:IssueDate>", "<cbc:IssueDate>2018-02-30</cbc:IssueDate>");
  auto result = read_ubl(bytes, "date.xml");
  REQUIRE(result.ok());
  const model::Diagnostic* finding =
      find_rule(result->diagnostics, xml::kRuleUnreadableDate, "BT-2");
  REQUIRE(finding != nullptr);
  CHECK(finding->severity == model::Severity::kFatal);
  CHECK_THAT(finding->message, Catch::Contains("2018-02-30"));
  CHECK(finding->location.line == test::line_of(bytes, "<cbc:IssueDate>2018-02-30"));
  CHECK_FALSE(result->invoice.issue_date);
  CHECK(result->invoice.number == "2018210");
  CHECK(result->invoice.payment_due_date == model::Date::parse_iso("2018-03-07"));
}

TEST_CASE("a date in another format is EINV-READ-02", "[ubl][malformed]") {
  const std::string bytes = test::replace_once(
      test::load(test::ubl_example("Invoice-Max_content.xml")),
      "<cbc:DueDate>2018-03-07</cbc:DueDate>", "<cbc:DueDate>07.03.2018</cbc:DueDate>");
  auto result = read_ubl(bytes, "date-format.xml");
  REQUIRE(result.ok());
  CHECK(find_rule(result->diagnostics, xml::kRuleUnreadableDate, "BT-9") != nullptr);
  CHECK_FALSE(result->invoice.payment_due_date);
  CHECK(result->invoice.issue_date == model::Date::parse_iso("2018-02-08"));
}

}  // namespace
}  // namespace einvoice::ubl
