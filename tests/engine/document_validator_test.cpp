#include "engine/document_validator.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "engine/seen_invoice_store.h"
#include "formats/xml/parse_count.h"
#include "formats/xsd/schema_validator.h"
#include "formats/xsd/validation_count.h"
#include "test_inputs.h"

using einvoice::engine::DocumentValidator;
using einvoice::engine::SeenInvoiceStore;
using einvoice::engine::ValidationOptions;
using einvoice::testing::read_file;
namespace fs = std::filesystem;

namespace {

std::shared_ptr<const einvoice::xsd::SchemaValidator> schemas() {
  static auto validator =
      std::make_shared<const einvoice::xsd::SchemaValidator>(EINVOICE_SCHEMA_DIR);
  return validator;
}

std::string sample(const char* name) {
  return read_file(fs::path(EINVOICE_TESTDATA_DIR) / "samples" / name);
}

bool has_rule(const einvoice::engine::ValidationOutcome& outcome, std::string_view rule) {
  for (const auto& d : outcome.findings) {
    if (d.rule_id == rule)
      return true;
  }
  return false;
}

}  // namespace

TEST_CASE("A valid sample passes XSD and rules", "[validate]") {
  DocumentValidator validator(schemas(), ValidationOptions{});
  for (const char* name : {"fr-invoice-multirate.cii.xml", "fr-credit-note.ubl.xml"}) {
    INFO(name);
    auto outcome = validator.validate(sample(name), name);
    REQUIRE(outcome);
    CHECK(outcome->schema_checked);
    CHECK(outcome->schema_valid);
    CHECK(outcome->accepted());
  }
}

TEST_CASE("An XSD error is reported with its line and the rules still run", "[validate]") {
  std::string xml = sample("fr-invoice-services.ubl.xml");
  auto at = xml.find("<cbc:IssueDate>");
  REQUIRE(at != std::string::npos);
  xml.insert(at, "<cbc:Unexpected>x</cbc:Unexpected>\n  ");
  DocumentValidator validator(schemas(), ValidationOptions{});
  auto outcome = validator.validate(xml, "broken.xml");
  REQUIRE(outcome);
  CHECK_FALSE(outcome->schema_valid);
  CHECK_FALSE(outcome->accepted());
  REQUIRE(has_rule(*outcome, "XSD"));
  for (const auto& d : outcome->findings) {
    if (d.rule_id == "XSD")
      CHECK(d.location.line > 0);
  }
}

TEST_CASE("What is not an invoice is an error naming the file", "[validate]") {
  DocumentValidator validator(schemas(), ValidationOptions{});
  auto outcome = validator.validate("<Order xmlns='urn:x'/>", "order.xml");
  REQUIRE_FALSE(outcome);
  CHECK(outcome.error().describe().find("order.xml") != std::string::npos);
}

TEST_CASE("Duplicate control refuses a second invoice with the same number", "[validate]") {
  fs::path path = fs::temp_directory_path() / ("einvoice-dup-" + std::to_string(::getpid()));
  fs::remove(path);
  auto store = SeenInvoiceStore::open(path);
  REQUIRE(store);
  DocumentValidator validator(schemas(), ValidationOptions{}, store->get());
  const std::string original = sample("fr-invoice-multirate.cii.xml");
  auto first = validator.validate(original, "first.xml");
  REQUIRE(first);
  CHECK(first->accepted());
  auto again = validator.validate(original, "first-again.xml");
  REQUIRE(again);
  CHECK(again->accepted());  // the same document twice is not a duplicate

  std::string changed = original;
  auto at = changed.find("<ram:LineID>1</ram:LineID>");
  REQUIRE(at != std::string::npos);
  changed.replace(at, 26, "<ram:LineID>01</ram:LineID>");
  auto duplicate = validator.validate(changed, "second.xml");
  REQUIRE(duplicate);
  CHECK_FALSE(duplicate->accepted());
  REQUIRE(has_rule(*duplicate, einvoice::engine::kRuleDuplicateInvoice));
  CHECK(duplicate->findings.back().message.find("first.xml") != std::string::npos);
  store->reset();
  fs::remove(path);
  fs::remove(path.string() + "-wal");
  fs::remove(path.string() + "-shm");
}

TEST_CASE("Validation parses the document once per parser", "[validate]") {
  DocumentValidator validator(schemas(), ValidationOptions{});
  const std::string xml = sample("fr-invoice-multirate.cii.xml");
  REQUIRE(validator.validate(xml, "warm-up.xml"));  // grammars loaded first
  const auto parses = einvoice::xml::parses_on_this_thread();
  const auto validations = einvoice::xsd::validations_on_this_thread();
  auto outcome = validator.validate(xml, "fr-invoice-multirate.cii.xml");
  REQUIRE(outcome);
  CHECK(outcome->accepted());
  CHECK(einvoice::xml::parses_on_this_thread() - parses == 1);
  CHECK(einvoice::xsd::validations_on_this_thread() - validations == 1);
}
