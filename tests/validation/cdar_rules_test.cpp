// BR-FR-CDV rules on the lifecycle status messages of the shared corpus
// (../shared/corpus/cdar, the French rules' public examples, which pass the
// 1.4.0.03 Schematron) and on copies of each broken in one place at test
// time: the official rule id must come out.
#include "validation/cdar/cdar_rules.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "engine/document_validator.h"
#include "formats/xml/xml_document.h"

namespace einvoice {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> cdar_examples() {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(fs::path(EINVOICE_CORPUS_DIR) / "cdar")) {
    if (entry.path().extension() == ".xml")
      out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

model::Diagnostics check(const std::string& bytes) {
  auto document = xml::XmlDocument::parse(bytes, "cdar.xml");
  REQUIRE(document);
  return validation::check_cdar(*document, "cdar.xml");
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items)
    out += item + "\n";
  return out;
}

std::vector<std::string> ids_of(const model::Diagnostics& findings) {
  std::vector<std::string> ids;
  for (const auto& d : findings)
    ids.push_back(d.rule_id);
  return ids;
}

bool reports(const model::Diagnostics& findings, const std::string& id) {
  return std::any_of(findings.begin(), findings.end(), [&](const model::Diagnostic& d) {
    return d.rule_id == id && d.severity == model::Severity::kFatal;
  });
}

// The bounds of the text of the first `element` after `after` (both found).
std::pair<std::size_t, std::size_t> text_of(const std::string& xml, const std::string& after,
                                            const std::string& element) {
  const std::size_t from = xml.find(after);
  REQUIRE(from != std::string::npos);
  const std::string open = "<" + element + ">";
  const std::size_t start = xml.find(open, from);
  REQUIRE(start != std::string::npos);
  const std::size_t end = xml.find("</" + element + ">", start);
  REQUIRE(end != std::string::npos);
  return {start + open.size(), end};
}

std::string with_text(std::string xml, const std::string& after, const std::string& element,
                      const std::string& value) {
  const auto [start, end] = text_of(xml, after, element);
  return xml.replace(start, end - start, value);
}

std::string text(const std::string& xml, const std::string& after, const std::string& element) {
  const auto [start, end] = text_of(xml, after, element);
  return xml.substr(start, end - start);
}

// Every ram:ReasonCode element removed.
std::string without_reasons(std::string xml) {
  for (std::size_t at = xml.find("<ram:ReasonCode>"); at != std::string::npos;
       at = xml.find("<ram:ReasonCode>")) {
    const std::string close = "</ram:ReasonCode>";
    xml.erase(at, xml.find(close, at) + close.size() - at);
  }
  return xml;
}

constexpr const char* kAcknowledgement = "<rsm:AcknowledgementDocument>";
constexpr const char* kRecipient = "<ram:RecipientTradeParty>";
constexpr const char* kSender = "<ram:SenderTradeParty>";
constexpr const char* kReferenced = "<ram:ReferenceReferencedDocument>";

TEST_CASE("the generated BR-FR-CDV table and the code agree", "[cdar]") {
  const auto problems = validation::cdar_table_problems();
  INFO(joined(problems));
  CHECK(problems.empty());
  CHECK(validation::cdar_rules().size() == 42);
}

TEST_CASE("every CDAR example of the corpus passes the BR-FR-CDV rules", "[cdar]") {
  const auto examples = cdar_examples();
  REQUIRE(examples.size() == 11);
  for (const auto& path : examples) {
    INFO(path.filename().string());
    const auto findings = check(read(path));
    INFO(joined(ids_of(findings)));
    CHECK(findings.empty());
  }
}

TEST_CASE("a CDAR example with a wrong MDT-77 type code fails BR-FR-CDV-09", "[cdar]") {
  for (const auto& path : cdar_examples()) {
    INFO(path.filename().string());
    const auto findings = check(with_text(read(path), kAcknowledgement, "ram:TypeCode", "999"));
    INFO(joined(ids_of(findings)));
    CHECK(reports(findings, "BR-FR-CDV-09_MDT-77"));
    for (const auto& d : findings) {
      if (d.rule_id == "BR-FR-CDV-09_MDT-77") {
        CHECK(d.message.find("Valeur actuelle : \"999\"") != std::string::npos);
        CHECK(
            d.location.xpath ==
            "/rsm:CrossDomainAcknowledgementAndResponse/rsm:AcknowledgementDocument/ram:TypeCode");
        CHECK(d.location.line > 0);
        CHECK(d.business_term == "MDT-77");
      }
    }
  }
}

TEST_CASE("findings locate repeated elements as the XML reader's XPath does", "[cdar]") {
  const std::string xml =
      read(fs::path(EINVOICE_CORPUS_DIR) / "cdar" / "UC1_F202500003_05-CDV-205_Approuvee.xml");
  const auto [start, end] = text_of(xml, kAcknowledgement, "ram:TypeCode");
  std::string twice = xml;
  twice.replace(start, end - start, "1</ram:TypeCode><ram:TypeCode>2");
  auto document = xml::XmlDocument::parse(twice, "cdar.xml");
  REQUIRE(document);
  std::vector<std::string> expected;
  document->root()
      .child("urn:un:unece:uncefact:data:standard:CrossDomainAcknowledgementAndResponse:100",
             "AcknowledgementDocument")
      .for_each_child(
          "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
          "TypeCode", [&](xml::XmlElement e) { expected.push_back(e.xpath()); });
  REQUIRE(expected.size() == 2);
  CHECK(expected[1].substr(expected[1].size() - 3) == "[2]");
  std::vector<std::string> located;
  for (const auto& d : validation::check_cdar(*document, "cdar.xml")) {
    if (d.rule_id == "BR-FR-CDV-09_MDT-77")
      located.push_back(d.location.xpath);
  }
  CHECK(located == expected);
}

TEST_CASE("a CDAR example with a wrong role code fails BR-FR-CDV-CL-04 and CL-02", "[cdar]") {
  for (const auto& path : cdar_examples()) {
    INFO(path.filename().string());
    const std::string xml = read(path);
    const auto recipient = check(with_text(xml, kRecipient, "ram:RoleCode", "XX"));
    INFO(joined(ids_of(recipient)));
    CHECK(reports(recipient, "BR-FR-CDV-CL-04_MDT-59"));
    // The sender's role is checked against the list of the message's type.
    const std::string type = text(xml, kAcknowledgement, "ram:TypeCode");
    const auto sender = check(with_text(xml, kSender, "ram:RoleCode", "XX"));
    INFO(joined(ids_of(sender)));
    CHECK(reports(sender, "BR-FR-CDV-CL-02_MDT-21_" + type));
  }
}

TEST_CASE("a CDAR example refused without a reason fails BR-FR-CDV-15", "[cdar]") {
  for (const auto& path : cdar_examples()) {
    INFO(path.filename().string());
    const std::string refused =
        without_reasons(with_text(read(path), kReferenced, "ram:ProcessConditionCode", "210"));
    const auto findings = check(refused);
    INFO(joined(ids_of(findings)));
    CHECK(reports(findings, "BR-FR-CDV-15_MDT-113"));
  }
}

TEST_CASE("a refusal with a reason not allowed for it fails BR-FR-CDV-CL-09_MDT-113_210",
          "[cdar]") {
  const std::string xml =
      read(fs::path(EINVOICE_CORPUS_DIR) / "cdar" / "UC4_F202500006_04-CDV-207_En_litige.xml");
  const std::string refused = with_text(xml, kReferenced, "ram:ProcessConditionCode", "210");
  CHECK(check(refused).empty());  // TX_TVA_ERR is a reason for a refusal
  const auto findings = check(with_text(refused, kReferenced, "ram:ReasonCode", "ROUTAGE_ERR"));
  CHECK(ids_of(findings) == std::vector<std::string>{"BR-FR-CDV-CL-09_MDT-113_210"});
  const std::string withdrawn =
      with_text(refused, kReferenced, "ram:ReasonCode", "RETRAIT_MAN_SERV");
  CHECK(ids_of(check(withdrawn)) == std::vector<std::string>{"BR-FR-CDV-CL-09_MDT-113_210"});
  // From the State's platform (B2G: sender 9999 in scheme 0238), the B2G list
  // applies instead.
  std::string b2g = withdrawn;
  b2g.insert(b2g.find(kSender) + std::string(kSender).size(),
             "<ram:GlobalID schemeID=\"0238\">9999</ram:GlobalID>");
  CHECK(check(b2g).empty());
  CHECK(ids_of(check(with_text(b2g, kReferenced, "ram:ReasonCode", "ROUTAGE_ERR"))) ==
        std::vector<std::string>{"BR-FR-CDV-CL-09_MDT-113_210B2G"});
}

TEST_CASE("einvoicingF2 is for a message to the PPF alone (BR-FR-CDV-02)", "[cdar]") {
  const std::string xml = read(fs::path(EINVOICE_CORPUS_DIR) / "cdar" /
                               "UC1_F202500003_01-CDV-200_Deposee_POUR_PPF.xml");
  std::string other = xml;
  const std::string ppf = ">0000</ram:GlobalID>";
  REQUIRE(other.find(ppf) != std::string::npos);
  other.replace(other.find(ppf), ppf.size(), ">0001</ram:GlobalID>");
  const auto findings = check(other);
  REQUIRE(ids_of(findings) ==
          std::vector<std::string>{"BR-FR-CDV-02_MDT-3", "BR-FR-CDV-CL-01_MDT-2"});
  CHECK(findings[0].message.find(
            "GlobalID : \"0001\" - @shemeID : \"0238\" - CodeRole : \"DFH\"") != std::string::npos);
}

TEST_CASE("a cashed status needs its MEN amounts and VAT rates (BR-FR-CDV-14)", "[cdar]") {
  const std::string xml =
      read(fs::path(EINVOICE_CORPUS_DIR) / "cdar" / "UC1_F202500003_07-CDV-212_Encaissee.xml");
  REQUIRE(xml.find("<ram:ValuePercent>") != std::string::npos);
  std::string broken = xml;
  const std::size_t at = broken.find("<ram:ValuePercent>");
  broken.erase(at, broken.find("</ram:ValuePercent>", at) + 19 - at);
  CHECK(ids_of(check(broken)) == std::vector<std::string>{"BR-FR-CDV-14_MDT-207"});
}

TEST_CASE("einvoice validate recognises a CDAR message and applies the BR-FR-CDV rules", "[cdar]") {
  engine::ValidationOptions options;
  options.check_schema = false;
  engine::DocumentValidator validator(nullptr, options);
  const auto examples = cdar_examples();
  const std::string xml = read(examples.front());
  auto outcome = validator.validate(xml, "status.xml");
  REQUIRE(outcome);
  CHECK(outcome->syntax == detect::Syntax::kCdar);
  CHECK(outcome->accepted());
  CHECK(outcome->findings.empty());

  auto broken = validator.validate(with_text(xml, kAcknowledgement, "ram:TypeCode", "1"), "s.xml");
  REQUIRE(broken);
  CHECK_FALSE(broken->accepted());
  CHECK(reports(broken->findings, "BR-FR-CDV-09_MDT-77"));

  options.rules.french_mode = validation::FrenchMode::kWarnings;
  engine::DocumentValidator transition(nullptr, options);
  auto warned = transition.validate(with_text(xml, kAcknowledgement, "ram:TypeCode", "1"), "s.xml");
  REQUIRE(warned);
  CHECK(warned->accepted());
  CHECK_FALSE(warned->findings.empty());
}

}  // namespace
}  // namespace einvoice
