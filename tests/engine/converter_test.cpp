// The converter on the cases of issue 13: files nobody here wrote, each
// converted with the engine's own checks (input XSD, output XSD, output rules).

#include "engine/converter.h"

#include <catch2/catch.hpp>
#include <string>

#include "formats/xml/parse_count.h"
#include "formats/xsd/schema_validator.h"
#include "formats/xsd/validation_count.h"
#include "test_inputs.h"
#include "validation/rules.h"

using namespace einvoice;
using einvoice::testing::corpus;
using einvoice::testing::read_file;

namespace {

std::shared_ptr<const xsd::SchemaValidator> validator() {
  static auto shared = std::make_shared<const xsd::SchemaValidator>(EINVOICE_SCHEMA_DIR);
  return shared;
}

engine::ConversionOutcome convert(const std::string& bytes, engine::TargetSyntax target,
                                  const std::string& name, bool input_xsd = true) {
  engine::ConversionOptions options;
  options.target = target;
  options.validate_input_schema = input_xsd;
  engine::Converter converter(validator(), options);
  auto outcome = converter.convert(bytes, name);
  REQUIRE(outcome);
  return std::move(*outcome);
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::string describe(const model::Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics)
    out += d.rule_id + " " + d.location.xpath + ": " + d.message + "\n";
  return out;
}

// The fatal findings of the official rules (EN 16931 and the output's syntax)
// on a converted document, read independently of the converter's own check.
std::string fatal_rules_on(const std::string& output, const std::string& name) {
  auto read = engine::read_invoice(output, name);
  REQUIRE(read);
  std::string out;
  for (const auto& d :
       validation::check_rules(read->parsed.invoice, read->source_syntax, &*read->document, name)) {
    if (d.severity == model::Severity::kFatal)
      out += d.rule_id + ": " + d.message + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("issue 13: a UBL date with a time zone converts, keeping its calendar date",
          "[converter][issue13]") {
  std::string ubl = read_file(corpus("en16931/ubl/examples/ubl-tc434-example2.xml"));
  ubl = replace(ubl, "<cbc:IssueDate>2013-06-30</cbc:IssueDate>",
                "<cbc:IssueDate>2016-04-04+01:00</cbc:IssueDate>");
  ubl = replace(ubl, "<cbc:DueDate>2013-07-20</cbc:DueDate>",
                "<cbc:DueDate>2016-05-04Z</cbc:DueDate>");

  auto to_cii = convert(ubl, engine::TargetSyntax::kCii, "zoned-date.xml");
  INFO(describe(to_cii.diagnostics));
  REQUIRE(to_cii.converted);
  CHECK_THAT(to_cii.output, Catch::Contains("format=\"102\">20160404</udt:DateTimeString>"));
  CHECK_THAT(to_cii.output, Catch::Contains(">20160504</udt:DateTimeString>"));

  auto to_ubl = convert(ubl, engine::TargetSyntax::kUbl, "zoned-date.xml");
  REQUIRE(to_ubl.converted);
  CHECK_THAT(to_ubl.output, Catch::Contains("<cbc:IssueDate>2016-04-04</cbc:IssueDate>"));
  CHECK_THAT(to_ubl.output, Catch::Contains("<cbc:DueDate>2016-05-04</cbc:DueDate>"));
}

TEST_CASE("issue 13: a UBL whose BT-6 equals BT-5 becomes a CII the official rules accept",
          "[converter][issue13]") {
  // An official example: TaxCurrencyCode EUR beside DocumentCurrencyCode EUR.
  const std::string ubl = read_file(corpus("en16931/ubl/examples/sample-discount-price.xml"));
  REQUIRE(fatal_rules_on(ubl, "sample-discount-price.xml").empty());

  auto outcome = convert(ubl, engine::TargetSyntax::kCii, "sample-discount-price.xml");
  INFO(describe(outcome.diagnostics));
  REQUIRE(outcome.converted);
  CHECK(fatal_rules_on(outcome.output, "sample-discount-price.cii.xml").empty());
  CHECK_THAT(outcome.output, !Catch::Contains("TaxCurrencyCode"));
  bool told = false;
  for (const auto& d : outcome.diagnostics)
    told = told || (d.business_term == "BT-6" && d.severity == model::Severity::kWarning);
  CHECK(told);
}

TEST_CASE("issue 13: convert --no-input-xsd reports every element it drops, with its path",
          "[converter][issue13]") {
  std::string cii = read_file(corpus("en16931/cii/examples/CII_example2.xml"));
  // BT-19 after the settlement block instead of inside it.
  cii = replace(cii, "</ram:ApplicableHeaderTradeSettlement>",
                "</ram:ApplicableHeaderTradeSettlement>"
                "<ram:ReceivableSpecifiedTradeAccountingAccount><ram:ID>ACC-19</ram:ID>"
                "</ram:ReceivableSpecifiedTradeAccountingAccount>");
  // BT-87 and BT-88 under a misspelt card element.
  cii = replace(cii, "<ram:TypeCode>30</ram:TypeCode>",
                "<ram:TypeCode>30</ram:TypeCode><ram:ApplicableTradeSettlementFinancialKard>"
                "<ram:ID>1234</ram:ID><ram:CardholderName>Card Holder</ram:CardholderName>"
                "</ram:ApplicableTradeSettlementFinancialKard>");

  auto outcome = convert(cii, engine::TargetSyntax::kUbl, "misplaced.xml", /*input_xsd=*/false);
  INFO(describe(outcome.diagnostics));
  CHECK(outcome.converted);
  auto reported = [&](const std::string& path_end) {
    for (const auto& d : outcome.diagnostics) {
      const std::string& xpath = d.location.xpath;
      if (d.rule_id == "EINV-READ-03" && d.severity == model::Severity::kWarning &&
          d.location.file == "misplaced.xml" && d.location.line > 0 &&
          xpath.size() >= path_end.size() &&
          xpath.compare(xpath.size() - path_end.size(), path_end.size(), path_end) == 0) {
        return true;
      }
    }
    return false;
  };
  CHECK(reported("/rsm:SupplyChainTradeTransaction/ram:ReceivableSpecifiedTradeAccountingAccount"));
  CHECK(
      reported("/ram:SpecifiedTradeSettlementPaymentMeans[1]/"
               "ram:ApplicableTradeSettlementFinancialKard"));
  CHECK_THAT(outcome.output, !Catch::Contains("ACC-19"));

  // The official example itself converts, with neither element reported.
  auto clean = convert(read_file(corpus("en16931/cii/examples/CII_example2.xml")),
                       engine::TargetSyntax::kUbl, "CII_example2.xml");
  CHECK(clean.converted);
  const std::string clean_findings = describe(clean.diagnostics);
  CHECK_THAT(clean_findings, !Catch::Contains("ReceivableSpecifiedTradeAccountingAccount"));
  CHECK_THAT(clean_findings, !Catch::Contains("FinancialKard"));
}

TEST_CASE("issue 13: a CII with a payment reference but no payment means code becomes valid UBL",
          "[converter][issue13]") {
  // BT-83 (ram:PaymentReference) sits outside the payment means in CII, so a
  // CII without ram:SpecifiedTradeSettlementPaymentMeans passes its rules; UBL
  // carries BT-83 as cac:PaymentMeans/cbc:PaymentID after a mandatory
  // cbc:PaymentMeansCode.
  std::string cii = read_file(corpus("en16931/cii/examples/CII_example2.xml"));
  const auto first = cii.find("<ram:SpecifiedTradeSettlementPaymentMeans>");
  const auto end = cii.find("<ram:ApplicableTradeTax>", first);
  REQUIRE(first != std::string::npos);
  REQUIRE(end != std::string::npos);
  cii.erase(first, end - first);
  REQUIRE(fatal_rules_on(cii, "reference-only.xml").empty());

  for (const char* type_code : {"380", "381"}) {
    const std::string input =
        replace(cii, "<ram:TypeCode>380</ram:TypeCode>",
                std::string("<ram:TypeCode>") + type_code + "</ram:TypeCode>");
    auto outcome = convert(input, engine::TargetSyntax::kUbl, "reference-only.xml");
    INFO(type_code << "\n" << describe(outcome.diagnostics));
    REQUIRE(outcome.converted);
    CHECK_THAT(outcome.output, Catch::Contains("<cbc:PaymentID>0003434323213231</cbc:PaymentID>"));
    CHECK(fatal_rules_on(outcome.output, "reference-only.ubl.xml").empty());
  }
}

TEST_CASE("A conversion parses each document once per parser", "[convert]") {
  // Issue 15: the input once with libxml2 (detect and read) and once with
  // Xerces (its XSD); the output, checked, once with each as well.
  const std::string cii = read_file(corpus("en16931/cii/examples/CII_business_example_01.xml"));
  for (auto target : {engine::TargetSyntax::kUbl, engine::TargetSyntax::kCii}) {
    engine::ConversionOptions options;
    options.target = target;
    engine::Converter converter(validator(), options);
    (void)converter.convert(cii, "warm-up.xml");  // grammars loaded first
    const auto parses = xml::parses_on_this_thread();
    const auto validations = xsd::validations_on_this_thread();
    auto outcome = converter.convert(cii, "CII_business_example_01.xml");
    REQUIRE(outcome);
    CHECK(outcome->converted);
    CHECK(xml::parses_on_this_thread() - parses == 2);
    CHECK(xsd::validations_on_this_thread() - validations == 2);
  }
  // Without the checks, the input alone, by libxml2 alone.
  engine::ConversionOptions bare;
  bare.validate_input_schema = false;
  bare.validate_output_schema = false;
  bare.validate_output_rules = false;
  engine::Converter converter(validator(), bare);
  const auto parses = xml::parses_on_this_thread();
  const auto validations = xsd::validations_on_this_thread();
  REQUIRE(converter.convert(cii, "CII_business_example_01.xml"));
  CHECK(xml::parses_on_this_thread() - parses == 1);
  CHECK(xsd::validations_on_this_thread() - validations == 0);
}
