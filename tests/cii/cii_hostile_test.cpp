#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "cii_test_support.h"
#include "formats/cii/cii_reader.h"
#include "formats/xml/term_reader.h"

using namespace einvoice;
using cii::testing::corpus_path;
using cii::testing::dec;
using cii::testing::read_file;

namespace {

const std::string kExample02 = "en16931/cii/examples/CII_business_example_02.xml";

std::string example02() {
  return read_file(corpus_path(kExample02));
}

// `text` with the n-th (1-based) occurrence of `needle` replaced.
// REQUIRES: the occurrence exists.
std::string replace_nth(std::string text, const std::string& needle, const std::string& replacement,
                        int n) {
  std::size_t at = std::string::npos;
  for (int i = 0; i < n; ++i) {
    at = text.find(needle, at == std::string::npos ? 0 : at + 1);
    REQUIRE(at != std::string::npos);
  }
  text.replace(at, needle.size(), replacement);
  return text;
}

int line_of(const std::string& text, const std::string& needle) {
  std::size_t at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
}

model::ParsedInvoice read_ok(const std::string& xml) {
  auto parsed = cii::read_cii(xml, "mutated.xml");
  REQUIRE(parsed.ok());
  return std::move(parsed).value();
}

std::vector<model::Diagnostic> with_rule(const model::Diagnostics& all, std::string_view rule) {
  std::vector<model::Diagnostic> out;
  for (const auto& d : all) {
    if (d.rule_id == rule)
      out.push_back(d);
  }
  return out;
}

}  // namespace

TEST_CASE("Truncated CII is a malformed-document error", "[cii][hostile]") {
  const std::string full = example02();
  auto parsed = cii::read_cii(full.substr(0, full.size() / 2), "cut.xml");
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.error().code == model::ErrorCode::kMalformed);
  CHECK(parsed.error().where.file == "cut.xml");
}

TEST_CASE("A UBL invoice or a ZUGFeRD 1.0 document is refused as unsupported, naming the root",
          "[cii][hostile]") {
  auto ubl = cii::read_cii(read_file(corpus_path("facturx/xml/ubl-21-en16931.xml")), "ubl.xml");
  REQUIRE_FALSE(ubl.ok());
  CHECK(ubl.error().code == model::ErrorCode::kUnsupported);
  CHECK_THAT(ubl.error().message,
             Catch::Contains("{urn:oasis:names:specification:ubl:schema:xsd:Invoice-2}Invoice"));
  CHECK_THAT(ubl.error().message, Catch::Contains("rsm:CrossIndustryInvoice"));

  auto zugferd1 =
      cii::read_cii(read_file(corpus_path("facturx/xml/zugferd-comfort.xml")), "z1.xml");
  REQUIRE_FALSE(zugferd1.ok());
  CHECK(zugferd1.error().code == model::ErrorCode::kUnsupported);
  CHECK_THAT(zugferd1.error().message, Catch::Contains("CrossIndustryDocument"));

  // Right local name, wrong namespace.
  auto other = cii::read_cii("<CrossIndustryInvoice xmlns='urn:example'/>", "ns.xml");
  REQUIRE_FALSE(other.ok());
  CHECK(other.error().code == model::ErrorCode::kUnsupported);
  CHECK_THAT(other.error().message, Catch::Contains("{urn:example}CrossIndustryInvoice"));
}

TEST_CASE("Reading a parsed non-CII document gives one fatal finding", "[cii][hostile]") {
  auto document =
      xml::XmlDocument::parse(read_file(corpus_path("facturx/xml/ubl-21-en16931.xml")), "ubl.xml");
  REQUIRE(document.ok());
  const model::ParsedInvoice parsed = cii::read_cii(*document);
  CHECK(parsed.invoice == model::Invoice{});
  REQUIRE(parsed.diagnostics.size() == 1);
  CHECK(parsed.diagnostics[0].rule_id == cii::kRuleNotCii);
  CHECK(parsed.diagnostics[0].severity == model::Severity::kFatal);
  CHECK(parsed.diagnostics[0].location.file == "ubl.xml");
}

TEST_CASE("A DOCTYPE with an external entity is refused before reading", "[cii][hostile]") {
  const std::string xxe =
      "<?xml version='1.0'?>\n"
      "<!DOCTYPE rsm:CrossIndustryInvoice [<!ENTITY secret SYSTEM 'file:///etc/passwd'>]>\n"
      "<rsm:CrossIndustryInvoice "
      "xmlns:rsm='urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100' "
      "xmlns:ram='urn:un:unece:uncefact:data:standard:"
      "ReusableAggregateBusinessInformationEntity:100'>\n"
      "<rsm:ExchangedDocument><ram:ID>&secret;</ram:ID></rsm:ExchangedDocument>\n"
      "</rsm:CrossIndustryInvoice>\n";
  auto parsed = cii::read_cii(xxe, "xxe.xml");
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.error().code == model::ErrorCode::kMalformed);
  CHECK_THAT(parsed.error().message, Catch::Contains("DOCTYPE"));
}

TEST_CASE("Documents over the size limit are refused", "[cii][hostile]") {
  xml::XmlLimits limits;
  limits.max_bytes = 1000;
  auto parsed = cii::read_cii(example02(), "big.xml", limits);
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.error().code == model::ErrorCode::kLimitExceeded);
}

TEST_CASE("'12,50' as a line amount is a finding naming BT-131 and the line; the rest is read",
          "[cii][hostile]") {
  const std::string xml =
      replace_nth(example02(), "<ram:LineTotalAmount>1.26</ram:LineTotalAmount>",
                  "<ram:LineTotalAmount>12,50</ram:LineTotalAmount>", 2);
  const model::ParsedInvoice parsed = read_ok(xml);
  REQUIRE(parsed.diagnostics.size() == 1);
  const model::Diagnostic& d = parsed.diagnostics[0];
  CHECK(d.rule_id == xml::kRuleUnreadableDecimal);
  CHECK(d.severity == model::Severity::kFatal);
  CHECK(d.business_term == "BT-131");
  CHECK_THAT(d.message, Catch::Contains("12,50"));
  CHECK_THAT(d.message, Catch::Contains("invoice line 2"));
  CHECK(d.location.file == "mutated.xml");
  CHECK(d.location.line == line_of(xml, "12,50"));
  CHECK_THAT(d.location.xpath, Catch::Contains("ram:IncludedSupplyChainTradeLineItem[2]"));
  CHECK_THAT(d.location.xpath, Catch::EndsWith("ram:LineTotalAmount"));

  const model::Invoice& inv = parsed.invoice;
  REQUIRE(inv.lines.size() == 3);
  CHECK_FALSE(inv.lines[1].net_amount);
  CHECK(inv.lines[1].identifier == "2");
  CHECK(inv.lines[1].item.name == "Poti 100k");
  CHECK(inv.lines[0].net_amount == dec("1.26"));
  CHECK(inv.lines[2].net_amount == dec("7.48"));
  CHECK(inv.number == "INV000013");
  CHECK(inv.totals.total_with_vat == dec("11.90"));
}

TEST_CASE("An impossible issue date is a finding naming BT-2; the rest is read", "[cii][hostile]") {
  for (const std::string bad : {"2024-13-45", "20241345"}) {
    INFO(bad);
    const std::string xml = replace_nth(example02(), ">20130825<", ">" + bad + "<", 1);
    const model::ParsedInvoice parsed = read_ok(xml);
    REQUIRE(parsed.diagnostics.size() == 1);
    const model::Diagnostic& d = parsed.diagnostics[0];
    CHECK(d.rule_id == xml::kRuleUnreadableDate);
    CHECK(d.severity == model::Severity::kFatal);
    CHECK(d.business_term == "BT-2");
    CHECK_THAT(d.message, Catch::Contains(bad));
    CHECK(d.location.line == line_of(xml, bad));
    CHECK_FALSE(parsed.invoice.issue_date);
    CHECK(parsed.invoice.number == "INV000013");
    CHECK(parsed.invoice.payment_due_date == model::Date{2013, 5, 10});
  }
}

TEST_CASE("A date in another format than 102 is a finding", "[cii][hostile]") {
  const std::string xml = replace_nth(example02(), "<udt:DateTimeString format=\"102\">20130510",
                                      "<udt:DateTimeString format=\"610\">201305", 1);
  const model::ParsedInvoice parsed = read_ok(xml);
  REQUIRE(parsed.diagnostics.size() == 1);
  CHECK(parsed.diagnostics[0].rule_id == xml::kRuleUnreadableDate);
  CHECK(parsed.diagnostics[0].business_term == "BT-9");
  CHECK_THAT(parsed.diagnostics[0].message, Catch::Contains("610"));
  CHECK_FALSE(parsed.invoice.payment_due_date);
}

TEST_CASE("Second occurrences of single terms are kept out and reported", "[cii][hostile]") {
  std::string xml = example02();
  xml = replace_nth(xml, "<ram:PaymentReference>INV000013</ram:PaymentReference>",
                    "<ram:PaymentReference>INV000013</ram:PaymentReference>"
                    "<ram:PaymentReference>OTHER-REF</ram:PaymentReference>",
                    1);
  xml = replace_nth(xml, "<ram:SpecifiedTradeSettlementHeaderMonetarySummation>",
                    "<ram:SpecifiedTradePaymentTerms><ram:Description>Second terms"
                    "</ram:Description></ram:SpecifiedTradePaymentTerms>"
                    "<ram:SpecifiedTradeSettlementHeaderMonetarySummation>",
                    1);
  const std::string representative =
      "<ram:SellerTaxRepresentativeTradeParty><ram:Name>REP</ram:Name>"
      "</ram:SellerTaxRepresentativeTradeParty>";
  xml = replace_nth(xml, "<ram:ContractReferencedDocument>",
                    representative + representative + "<ram:ContractReferencedDocument>", 1);

  const model::ParsedInvoice parsed = read_ok(xml);
  const auto dropped = with_rule(parsed.diagnostics, xml::kRuleDroppedContent);
  CHECK(dropped.size() == parsed.diagnostics.size());
  REQUIRE(dropped.size() == 3);
  for (const auto& d : dropped)
    CHECK(d.severity == model::Severity::kWarning);
  CHECK(dropped[0].business_term == "BG-11");
  CHECK_THAT(dropped[0].location.xpath,
             Catch::EndsWith("ram:SellerTaxRepresentativeTradeParty[2]"));
  CHECK(dropped[1].business_term == "BT-83");
  CHECK_THAT(dropped[1].message, Catch::Contains("OTHER-REF"));
  CHECK(dropped[2].business_term == "BT-20");
  CHECK_THAT(dropped[2].location.xpath, Catch::EndsWith("ram:SpecifiedTradePaymentTerms[2]"));

  const model::Invoice& inv = parsed.invoice;
  CHECK(inv.payment_instructions->remittance_information == "INV000013");
  CHECK(inv.payment_due_date == model::Date{2013, 5, 10});
  CHECK_FALSE(inv.payment_terms);
  REQUIRE(inv.tax_representative);
  CHECK(inv.tax_representative->name == "REP");
}

TEST_CASE("EXTENDED-only content without an EN 16931 term is skipped quietly", "[cii][hostile]") {
  std::string xml = example02();
  xml = replace_nth(xml, "<ram:ApplicableHeaderTradeDelivery/>",
                    "<ram:ApplicableHeaderTradeDelivery><ram:ShipFromTradeParty><ram:Name>Depot"
                    "</ram:Name></ram:ShipFromTradeParty></ram:ApplicableHeaderTradeDelivery>",
                    1);
  xml = replace_nth(xml, "<ram:LineID>1</ram:LineID>",
                    "<ram:LineID>1</ram:LineID><ram:LineStatusCode>TYPE_LINE</ram:LineStatusCode>"
                    "<ram:IncludedNote><ram:Content>n</ram:Content><ram:SubjectCode>AAI"
                    "</ram:SubjectCode></ram:IncludedNote>",
                    1);
  xml = replace_nth(xml, "<ram:CategoryCode>S</ram:CategoryCode>",
                    "<ram:CategoryCode>S</ram:CategoryCode>"
                    "<ram:ExemptionReason>line-level reason</ram:ExemptionReason>",
                    1);
  const model::ParsedInvoice parsed = read_ok(xml);
  CHECK(parsed.diagnostics.empty());
  CHECK(parsed.invoice.lines.at(0).note == "n");
  CHECK_FALSE(parsed.invoice.delivery);
}

TEST_CASE("An allowance without a readable ChargeIndicator is reported and skipped",
          "[cii][hostile]") {
  const std::string xml = replace_nth(example02(), "<udt:Indicator>false</udt:Indicator>",
                                      "<udt:Indicator>maybe</udt:Indicator>", 1);
  const model::ParsedInvoice parsed = read_ok(xml);
  REQUIRE(parsed.diagnostics.size() == 1);
  CHECK(parsed.diagnostics[0].rule_id == xml::kRuleDroppedContent);
  CHECK(parsed.diagnostics[0].business_term == "BG-20");
  CHECK_THAT(parsed.diagnostics[0].message, Catch::Contains("maybe"));
  CHECK(parsed.invoice.allowances.empty());
  CHECK(parsed.invoice.charges.empty());
}

TEST_CASE("Repeated EN 16931 terms in the Factur-X EXTENDED sample are reported",
          "[cii][hostile]") {
  // factur-x-extended.xml: four buyer GlobalIDs (lines 412-415), three lines with
  // two notes each, line 1 with two AdditionalReferencedDocument of TypeCode 130.
  const std::string path = corpus_path("facturx/xml/factur-x-extended.xml");
  auto parsed = cii::read_cii(read_file(path), path);
  REQUIRE(parsed.ok());
  int buyer_ids = 0, line_notes = 0, line_objects = 0;
  for (const auto& d : parsed->diagnostics) {
    CHECK(d.rule_id == xml::kRuleDroppedContent);
    buyer_ids += d.business_term == "BT-46";
    line_notes += d.business_term == "BT-127";
    line_objects += d.business_term == "BT-128";
  }
  CHECK(parsed->diagnostics.size() == 7);
  CHECK(buyer_ids == 3);
  CHECK(line_notes == 3);
  CHECK(line_objects == 1);
  CHECK(parsed->invoice.buyer.identifier == model::Identifier{"3654789851", "0088", std::nullopt});
}
