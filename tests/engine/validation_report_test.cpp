#include "engine/validation_report.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "formats/xml/xml_document.h"

using einvoice::engine::report_json;
using einvoice::engine::report_svrl;
using einvoice::engine::report_text;
using einvoice::engine::ValidationOutcome;

namespace {

ValidationOutcome two_findings() {
  ValidationOutcome outcome;
  outcome.document = "in/a&b.xml";
  outcome.syntax = einvoice::detect::Syntax::kCii;
  outcome.schema_checked = true;
  outcome.schema_valid = true;
  einvoice::model::Diagnostic fatal;
  fatal.rule_id = "BR-CO-10";
  fatal.severity = einvoice::model::Severity::kFatal;
  fatal.business_term = "BT-106";
  fatal.message =
      "Sum of Invoice line net amount (BT-106) = \u03a3 Invoice line net amount <BT-131>";
  fatal.location = {"in/a&b.xml", "/rsm:CrossIndustryInvoice/x[2]", 42, 0};
  einvoice::model::Diagnostic warning;
  warning.rule_id = "CII-SR-009";
  warning.severity = einvoice::model::Severity::kWarning;
  warning.message = "\"quoted\" text";
  outcome.findings = {fatal, warning};
  return outcome;
}

}  // namespace

TEST_CASE("The text report gives the verdict, then each finding with its line and place",
          "[report]") {
  std::string text = report_text(two_findings());
  CHECK(text.rfind("in/a&b.xml: invalid (CII; 1 fatal finding, 1 warning)\n", 0) == 0);
  CHECK(text.find("line 42: fatal [BR-CO-10] BT-106: Sum of") != std::string::npos);
  CHECK(text.find("at /rsm:CrossIndustryInvoice/x[2]") != std::string::npos);
  CHECK(text.find("warning [CII-SR-009]: \"quoted\" text") != std::string::npos);

  ValidationOutcome clean;
  clean.document = "ok.xml";
  clean.syntax = einvoice::detect::Syntax::kUblInvoice;
  CHECK(report_text(clean) == "ok.xml: valid (UBL Invoice; 0 fatal findings, 0 warnings)\n");
}

TEST_CASE("The JSON report is valid JSON with every field of every finding", "[report]") {
  auto json = nlohmann::json::parse(report_json(two_findings()));
  CHECK(json["document"] == "in/a&b.xml");
  CHECK(json["valid"] == false);
  CHECK(json["schema"]["valid"] == true);
  CHECK(json["counts"]["fatal"] == 1);
  CHECK(json["counts"]["warning"] == 1);
  REQUIRE(json["findings"].size() == 2);
  CHECK(json["findings"][0]["rule"] == "BR-CO-10");
  CHECK(json["findings"][0]["severity"] == "fatal");
  CHECK(json["findings"][0]["term"] == "BT-106");
  CHECK(json["findings"][0]["line"] == 42);
  CHECK(json["findings"][0]["message"].get<std::string>().find("\u03a3") != std::string::npos);
  CHECK(json["findings"][1]["message"] == "\"quoted\" text");
}

TEST_CASE("The SVRL report has one failed-assert per finding, as the official artefacts emit",
          "[report]") {
  std::string svrl = report_svrl(two_findings());
  auto doc = einvoice::xml::XmlDocument::parse(svrl, "report.svrl");
  REQUIRE(doc);
  const std::string_view ns = "http://purl.oclc.org/dsdl/svrl";
  CHECK(doc->root().is(ns, "schematron-output"));
  std::vector<einvoice::xml::XmlElement> asserts;
  doc->root().for_each_child(ns, "failed-assert", [&](auto e) { asserts.push_back(e); });
  REQUIRE(asserts.size() == 2);
  CHECK(asserts[0].attribute("id") == "BR-CO-10");
  CHECK(asserts[0].attribute("flag") == "fatal");
  CHECK(asserts[0].attribute("location") == "/rsm:CrossIndustryInvoice/x[2]");
  CHECK(asserts[0].child(ns, "text").text().find("<BT-131>") != std::string::npos);
  CHECK(asserts[1].attribute("flag") == "warning");
  CHECK(asserts[1].attribute("location") == "/");
}
