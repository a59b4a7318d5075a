#include "formats/xsd/schema_validator.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <thread>

#include "formats/xsd/schema_directory.h"

using einvoice::model::ErrorCode;
using einvoice::xsd::SchemaId;
using einvoice::xsd::SchemaValidator;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

const SchemaValidator& validator() {
  static SchemaValidator shared(EINVOICE_SCHEMA_DIR);
  return shared;
}

std::vector<fs::path> examples() {
  std::vector<fs::path> files;
  for (const char* dir : {"en16931/cii/examples", "en16931/ubl/examples"}) {
    for (auto& e : fs::directory_iterator(fs::path(EINVOICE_CORPUS_DIR) / dir)) {
      files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string corpus_file(const std::string& relative) {
  return slurp(fs::path(EINVOICE_CORPUS_DIR) / relative);
}

}  // namespace

TEST_CASE("Every official example is XSD-valid", "[xsd]") {
  auto files = examples();
  REQUIRE(files.size() == 63);
  for (const auto& file : files) {
    auto report = validator().validate_detected(slurp(file), file.string());
    REQUIRE(report);
    INFO(file.string() << ": " << (report->issues.empty() ? "" : report->issues[0].message));
    CHECK(report->valid);
  }
}

TEST_CASE("Schema errors are reported with line and column", "[xsd]") {
  std::string xml = corpus_file("en16931/cii/examples/CII_example1.xml");
  SECTION("an unknown element") {
    auto pos = xml.find("</rsm:ExchangedDocument>");
    xml.insert(pos, "<ram:Unknown>1</ram:Unknown>");
  }
  SECTION("text in a decimal") {
    auto pos = xml.find("<ram:GrandTotalAmount>");
    xml.insert(pos + 22, "abc");
  }
  SECTION("a mandatory element removed") {
    auto start = xml.find("<rsm:ExchangedDocument>");
    auto end = xml.find("</rsm:ExchangedDocument>");
    REQUIRE(start != std::string::npos);
    REQUIRE(end != std::string::npos);
    xml.erase(start, end + std::string("</rsm:ExchangedDocument>").size() - start);
  }
  auto report = validator().validate(xml, SchemaId::kCiiD16B, "broken.xml");
  REQUIRE(report);
  CHECK_FALSE(report->valid);
  REQUIRE_FALSE(report->issues.empty());
  CHECK(report->issues[0].rule_id == "XSD");
  CHECK(report->issues[0].location.file == "broken.xml");
  CHECK(report->issues[0].location.line > 1);
  CHECK(report->issues[0].location.column > 0);
}

TEST_CASE("Documents cannot make the validator load anything", "[xsd][hostile]") {
  const char* xxe =
      "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
      "<rsm:CrossIndustryInvoice xmlns:rsm='urn:un:unece:uncefact:data:standard:"
      "CrossIndustryInvoice:100'>&x;</rsm:CrossIndustryInvoice>";
  auto report = validator().validate(xxe, SchemaId::kCiiD16B, "xxe.xml");
  REQUIRE(report);
  CHECK_FALSE(report->valid);
  CHECK(report->issues[0].message.find("DOCTYPE") != std::string::npos);

  // A schemaLocation hint naming another schema is ignored: still invalid
  // against the official grammar, never fetched.
  std::string hinted =
      "<x:Invoice xmlns:x='urn:oasis:names:specification:ubl:schema:xsd:Invoice-2' "
      "xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance' "
      "xsi:schemaLocation='urn:oasis:names:specification:ubl:schema:xsd:Invoice-2 "
      "http://127.0.0.1:9/evil.xsd'/>";
  auto hint = validator().validate(hinted, SchemaId::kUbl21, "hint.xml");
  REQUIRE(hint);
  CHECK_FALSE(hint->valid);  // an empty Invoice breaks UBL 2.1
}

TEST_CASE("Malformed and oversized documents give findings or limits, not crashes",
          "[xsd][hostile]") {
  std::string xml = corpus_file("en16931/ubl/examples/ubl-tc434-example1.xml");
  auto truncated = validator().validate(xml.substr(0, xml.size() / 2), SchemaId::kUbl21, "t.xml");
  REQUIRE(truncated);
  CHECK_FALSE(truncated->valid);
  CHECK(truncated->issues[0].location.line > 0);

  auto empty = validator().validate("", SchemaId::kUbl21, "empty.xml");
  REQUIRE(empty);
  CHECK_FALSE(empty->valid);

  SchemaValidator small(EINVOICE_SCHEMA_DIR, 1000);
  auto big = small.validate(xml, SchemaId::kUbl21, "big.xml");
  REQUIRE_FALSE(big);
  CHECK(big.error().code == ErrorCode::kLimitExceeded);

  auto other = validator().validate_detected("<Order xmlns='urn:x'/>", "order.xml");
  REQUIRE_FALSE(other);
  CHECK(other.error().code == ErrorCode::kUnsupported);
}

TEST_CASE("Concurrent validation gives the same verdicts", "[xsd][threads]") {
  auto files = examples();
  std::vector<std::string> contents;
  for (const auto& f : files)
    contents.push_back(slurp(f));
  // Two invalid variants among them.
  contents.push_back(contents[0].substr(0, 500));
  contents.push_back(
      "<rsm:CrossIndustryInvoice xmlns:rsm='urn:un:unece:uncefact:data:standard:"
      "CrossIndustryInvoice:100'/>");
  std::vector<bool> expected;
  for (const auto& c : contents) {
    auto r = validator().validate_detected(c, "x");
    expected.push_back(r && r->valid);
  }
  CHECK(expected[contents.size() - 1] == false);
  CHECK(expected[contents.size() - 2] == false);
  std::vector<std::vector<bool>> seen(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 3; ++round) {
        for (const auto& c : contents) {
          auto r = validator().validate_detected(c, "x");
          if (round == 0)
            seen[t].push_back(r && r->valid);
        }
      }
    });
  }
  for (auto& th : threads)
    th.join();
  for (const auto& s : seen)
    CHECK(s == expected);
}

TEST_CASE("Factur-X profile schemas load and check their samples", "[xsd][facturx]") {
  const std::map<std::string, SchemaId> samples = {
      {"factur-x-minimum.xml", SchemaId::kFacturXMinimum},
      {"factur-x-basicwl.xml", SchemaId::kFacturXBasicWl},
      {"factur-x-basic.xml", SchemaId::kFacturXBasic},
      {"factur-x-en16931.xml", SchemaId::kFacturXEn16931},
      {"factur-x-extended.xml", SchemaId::kFacturXExtended},
  };
  for (const auto& [file, schema] : samples) {
    auto report = validator().validate(corpus_file("facturx/xml/" + file), schema, file);
    REQUIRE(report);
    INFO(file << ": " << (report->issues.empty() ? "" : report->issues[0].message));
    CHECK(report->valid);
  }
  // The MINIMUM profile refuses what EN16931 allows: invoice lines.
  auto lines = validator().validate(corpus_file("facturx/xml/factur-x-en16931.xml"),
                                    SchemaId::kFacturXMinimum, "en16931-as-minimum.xml");
  REQUIRE(lines);
  CHECK_FALSE(lines->valid);
}

TEST_CASE("The schema folder is found and a wrong one is named", "[xsd]") {
  auto explicit_dir = einvoice::xsd::resolve_schema_directory(fs::path(EINVOICE_SCHEMA_DIR));
  REQUIRE(explicit_dir);
  auto wrong = einvoice::xsd::resolve_schema_directory(fs::path("/nonexistent-schemas"));
  REQUIRE_FALSE(wrong);
  CHECK(wrong.error().message.find("/nonexistent-schemas") != std::string::npos);

  SchemaValidator missing("/nonexistent-schemas");
  auto report = missing.validate("<a/>", SchemaId::kCiiD16B, "a.xml");
  REQUIRE_FALSE(report);
  CHECK(report.error().where.file.find("CrossIndustryInvoice_100pD16B.xsd") != std::string::npos);
}

TEST_CASE("An installed program's schemas are found beside it, wherever the prefix is",
          "[xsd][install]") {
  using einvoice::xsd::schema_directory_beside;
  CHECK(schema_directory_beside("/opt/einvoice/bin/einvoice") ==
        fs::path("/opt/einvoice/share/einvoice/schemas"));
  CHECK(schema_directory_beside("/home/a/moved prefix/bin/einvoice") ==
        fs::path("/home/a/moved prefix/share/einvoice/schemas"));
  CHECK(schema_directory_beside("/usr/bin/einvoice") == fs::path("/usr/share/einvoice/schemas"));
}

TEST_CASE("The repository's schemas/ is the fallback and holds every schema set",
          "[xsd][install]") {
  // Run from a build folder with no --schemas and no EINVOICE_SCHEMAS, the
  // test program (build/tests/xsd/xsd_test) has no share/ beside it.
  const einvoice::env::MapEnvironment no_variables;
  auto found = einvoice::xsd::resolve_schema_directory(std::nullopt, no_variables);
  REQUIRE(found);
  CHECK(fs::equivalent(*found, fs::path(EINVOICE_SCHEMA_DIR)));
  SchemaValidator shipped(*found);
  for (auto id :
       {SchemaId::kCiiD16B, SchemaId::kUbl21, SchemaId::kFacturXMinimum, SchemaId::kFacturXBasicWl,
        SchemaId::kFacturXBasic, SchemaId::kFacturXEn16931, SchemaId::kFacturXExtended}) {
    INFO(einvoice::xsd::to_string(id));
    CHECK(shipped.preload(id).ok());
  }
}

TEST_CASE("EINVOICE_SCHEMAS names the schema folder, and a wrong one is an error",
          "[xsd][install]") {
  const einvoice::env::MapEnvironment named({{"EINVOICE_SCHEMAS", EINVOICE_SCHEMA_DIR}});
  auto found = einvoice::xsd::resolve_schema_directory(std::nullopt, named);
  REQUIRE(found);
  CHECK(fs::equivalent(*found, fs::path(EINVOICE_SCHEMA_DIR)));
  const einvoice::env::MapEnvironment wrong({{"EINVOICE_SCHEMAS", "/nonexistent/schemas"}});
  auto refused = einvoice::xsd::resolve_schema_directory(std::nullopt, wrong);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message.find("EINVOICE_SCHEMAS") != std::string::npos);
  // An explicit folder wins over the variable.
  auto explicit_dir = einvoice::xsd::resolve_schema_directory(fs::path(EINVOICE_SCHEMA_DIR), wrong);
  CHECK(explicit_dir);
}
