// Unit tests of one rule family on hand-built invoices and documents.
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/converter.h"
#include "validation/rule_families.h"
#include "validation/rules.h"
#include "validation/syntax/cii_syntax_table.h"

namespace einvoice {
namespace {

constexpr std::string_view kRoot =
    R"(<rsm:CrossIndustryInvoice)"
    R"( xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100")"
    R"( xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100")"
    R"( xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100")"
    R"( xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100")"
    R"( xmlns:x="urn:example:other")";

std::string document(const std::string& body, const std::string& root_attributes = {}) {
  return std::string(kRoot) + root_attributes + ">\n" + body + "\n</rsm:CrossIndustryInvoice>";
}

// A valid document context and document header.
const std::string kHeader =
    "<rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter>"
    "<ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>"
    "</rsm:ExchangedDocumentContext><rsm:ExchangedDocument><ram:ID>1</ram:ID>"
    "<ram:TypeCode>380</ram:TypeCode></rsm:ExchangedDocument>";

std::string transaction(const std::string& body) {
  return kHeader + "<rsm:SupplyChainTradeTransaction>" + body +
         "</rsm:SupplyChainTradeTransaction>";
}

// Rule id -> number of CII syntax findings of the rules on `xml`.
std::map<std::string, int> cii_counts(const std::string& xml) {
  auto read = engine::read_invoice(xml, "test.xml");
  REQUIRE(read);
  REQUIRE(read->document);
  std::map<std::string, int> out;
  for (const auto& d : validation::check_rules(read->parsed.invoice, read->source_syntax,
                                               &*read->document, "test.xml")) {
    if (d.rule_id.rfind("CII-", 0) == 0)
      ++out[d.rule_id];
  }
  return out;
}

bool fired(const std::map<std::string, int>& counts, const std::string& id) {
  return counts.count(id) != 0;
}

using Counts = std::map<std::string, int>;

// ---------------------------------------------------------------------------
// The table's path rules, checked from their text: for each context of the
// pattern, a chain of elements (below the root) that is such a context.

const std::map<int, std::vector<std::string>>& context_chains() {
  static const std::vector<std::string> line = {"rsm:SupplyChainTradeTransaction",
                                                "ram:IncludedSupplyChainTradeLineItem"};
  static const std::vector<std::string> settlement = {"rsm:SupplyChainTradeTransaction",
                                                      "ram:ApplicableHeaderTradeSettlement"};
  static const std::vector<std::string> agreement = {"rsm:SupplyChainTradeTransaction",
                                                     "ram:ApplicableHeaderTradeAgreement"};
  auto plus = [](std::vector<std::string> chain, std::initializer_list<std::string> more) {
    chain.insert(chain.end(), more);
    return chain;
  };
  static const std::map<int, std::vector<std::string>> chains = {
      {0, plus(settlement, {"ram:SpecifiedTradeSettlementPaymentMeans"})},
      {1, {"rsm:ExchangedDocumentContext"}},
      {2, {"rsm:ExchangedDocument"}},
      {3, {"rsm:ExchangedDocument", "ram:IncludedNote"}},
      {4, line},
      {5, plus(line, {"ram:AssociatedDocumentLineDocument"})},
      {6, plus(line, {"ram:SpecifiedTradeProduct"})},
      {7, plus(line, {"ram:SpecifiedTradeProduct", "ram:ApplicableProductCharacteristic"})},
      {8, plus(line, {"ram:SpecifiedLineTradeAgreement"})},
      {9, plus(settlement, {"ram:SpecifiedTradeAllowanceCharge"})},
      {10, plus(line, {"ram:SpecifiedLineTradeAgreement", "ram:GrossPriceProductTradePrice",
                       "ram:AppliedTradeAllowanceCharge"})},
      {11, plus(line, {"ram:SpecifiedLineTradeDelivery"})},
      {12, plus(line, {"ram:SpecifiedLineTradeSettlement"})},
      {13, agreement},
      {14, {"rsm:SupplyChainTradeTransaction", "ram:ApplicableHeaderTradeDelivery"}},
      {15, settlement},
      {16, plus(settlement, {"ram:SpecifiedTradeSettlementHeaderMonetarySummation"})},
      {17, {}},
      {18,
       {"rsm:ExchangedDocumentContext", "ram:BusinessProcessSpecifiedDocumentContextParameter"}},
      {19, {"rsm:ExchangedDocument", "ram:ID"}},
      {20, plus(agreement, {"ram:SellerTradeParty", "ram:ID"})},
      {21, plus(agreement, {"ram:AdditionalReferencedDocument", "ram:TypeCode"})},
      {22, {"rsm:ExchangedDocument", "ram:TypeCode"}},
      {23, plus(line, {"ram:SpecifiedLineTradeSettlement", "ram:ApplicableTradeTax",
                       "ram:CategoryCode"})},
      {24, plus(agreement, {"ram:ContractReferencedDocument"})},
      {25, plus(settlement,
                {"ram:SpecifiedTradeSettlementHeaderMonetarySummation", "ram:LineTotalAmount"})},
      {26, plus(line, {"ram:SpecifiedLineTradeDelivery", "ram:BilledQuantity"})},
      {27, plus(settlement, {"ram:ApplicableTradeTax"})},
      {28, plus(settlement, {"ram:BillingSpecifiedPeriod"})},
      {29, plus(agreement, {"ram:SellerTradeParty", "ram:PostalTradeAddress"})},
  };
  return chains;
}

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    auto at = text.find(separator, start);
    out.emplace_back(text.substr(start, at - start));
    if (at == std::string_view::npos)
      return out;
    start = at + 1;
  }
}

// Nested elements `chain`, the last one `copies` times, the last with
// attribute `attribute`; the root's attributes when the chain is empty.
std::string nest(const std::vector<std::string>& chain, const std::string& attribute, int copies) {
  if (chain.empty())
    return document(kHeader, attribute.empty() ? "" : " " + attribute + "=\"x\"");
  std::string inner;
  for (int i = 0; i < copies; ++i) {
    inner += "<" + chain.back() + (attribute.empty() ? "" : " " + attribute + "=\"x\"") + ">1</" +
             chain.back() + ">";
  }
  for (std::size_t i = chain.size() - 1; i-- > 0;)
    inner = "<" + chain[i] + ">" + inner + "</" + chain[i] + ">";
  return document(kHeader + inner);
}

TEST_CASE("CII-SR/DT: the rule table holds each official rule once, with its flag") {
  std::set<std::string_view> ids;
  int fatal = 0;
  for (const auto& rule : validation::cii_syntax_rules()) {
    CHECK(ids.insert(rule.id).second);
    CHECK(rule.message.find(rule.id.substr(rule.id.size() - 2)) != std::string_view::npos);
    fatal += rule.flag == model::Severity::kFatal;
  }
  CHECK(ids.size() == 583);
  CHECK(ids.count("CII-SR-04") == 1);  // spelled so in the artefact
  CHECK(ids.count("CII-DT-097") == 1);
  for (const auto& check : validation::cii_syntax::kPathChecks)
    CHECK(ids.count(check.rule) == 1);
  CHECK(fatal > 100);
}

TEST_CASE("CII-SR/DT: every path rule fires when its path is in its context") {
  const auto& chains = context_chains();
  for (const auto& check : validation::cii_syntax::kPathChecks) {
    auto chain = chains.at(check.context);
    std::string attribute;
    for (const auto& step : split(check.path, '/')) {
      if (step[0] == '@')
        attribute = step.substr(1);
      else
        chain.push_back(step);
    }
    INFO(std::string(check.rule) + " " + std::string(check.path));
    const std::string rule(check.rule);
    // The context rsm:ExchangedDocument/ram:TypeCode comes after //ram:TypeCode:
    // its rules never apply.
    const bool shadowed = check.context == 22;
    using validation::cii_syntax::Count;
    switch (check.count) {
      case Count::kAbsent:
        CHECK(fired(cii_counts(nest(chain, attribute, 1)), rule) == !shadowed);
        break;
      case Count::kAtMostOne:
        CHECK_FALSE(fired(cii_counts(nest(chain, attribute, 1)), rule));
        CHECK(fired(cii_counts(nest(chain, attribute, 2)), rule));
        break;
      case Count::kExactlyOne:
        CHECK_FALSE(fired(cii_counts(nest(chain, attribute, 1)), rule));
        CHECK(fired(cii_counts(nest(chain, attribute, 2)), rule));
        break;
    }
  }
}

TEST_CASE("CII-SR: a complete header breaks no syntax rule") {
  CHECK(cii_counts(document(kHeader)).empty());
}

TEST_CASE("CII-SR: exactly-once rules fire when their element is absent") {
  Counts counts =
      cii_counts(document("<rsm:ExchangedDocumentContext/><rsm:ExchangedDocument><ram:ID>1</ram:ID>"
                          "</rsm:ExchangedDocument>"));
  CHECK(counts == Counts{{"CII-SR-009", 1}, {"CII-SR-010", 1}, {"CII-SR-014", 1}});
  // Without their context element, they do not apply.
  CHECK(cii_counts(document("")).empty());
}

TEST_CASE("CII-SR: each context element reports its own finding") {
  std::string notes;
  for (int i = 0; i < 3; ++i)
    notes +=
        "<ram:IncludedNote><ram:Content>a</ram:Content><ram:Content>b</ram:Content>"
        "</ram:IncludedNote>";
  Counts counts = cii_counts(document(
      "<rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter>"
      "<ram:ID>x</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>"
      "</rsm:ExchangedDocumentContext><rsm:ExchangedDocument><ram:TypeCode>380</ram:TypeCode>" +
      notes + "</rsm:ExchangedDocument>"));
  CHECK(counts == Counts{{"CII-SR-030", 3}});
}

TEST_CASE("CII-DT: the first matching context of the pattern wins") {
  // ExchangedDocument/ram:TypeCode is a //ram:TypeCode: CII-DT-008 applies,
  // CII-DT-010 (its own, later context) never does.
  Counts counts = cii_counts(document(
      "<rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter>"
      "<ram:ID>x</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>"
      "</rsm:ExchangedDocumentContext><rsm:ExchangedDocument>"
      "<ram:TypeCode name=\"n\" listID=\"1001\">380</ram:TypeCode></rsm:ExchangedDocument>"));
  CHECK(counts == Counts{{"CII-DT-008", 1}});
  // The four key identifiers get CII-DT-001 ... 007, not CII-DT-101 ... 104.
  counts = cii_counts(document(
      "<rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter>"
      "<ram:ID schemeName=\"s\">x</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>"
      "</rsm:ExchangedDocumentContext><rsm:ExchangedDocument><ram:ID schemeURI=\"u\">1</ram:ID>"
      "<ram:TypeCode>380</ram:TypeCode></rsm:ExchangedDocument>"));
  CHECK(counts == Counts{{"CII-DT-001", 1}, {"CII-DT-004", 1}});
  // Another identifier gets CII-DT-101 and may carry a scheme id.
  counts = cii_counts(document(transaction(
      "<ram:ApplicableHeaderTradeAgreement><ram:SellerTradeParty><ram:GlobalID schemeID=\"0088\" "
      "schemeName=\"n\">1</ram:GlobalID></ram:SellerTradeParty></"
      "ram:ApplicableHeaderTradeAgreement>")));
  CHECK(counts == Counts{{"CII-DT-101", 1}});
  // Elements of other namespaces are no ram:* context.
  CHECK(cii_counts(document(kHeader + "<x:SomeID schemeName=\"n\">1</x:SomeID>")).empty());
}

TEST_CASE("CII-DT-097: a date of format 102 is YYYYMMDD with a plausible month and day") {
  auto date = [](const std::string& value, const std::string& format = "102") {
    return cii_counts(document(
        "<rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter>"
        "<ram:ID>x</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>"
        "</rsm:ExchangedDocumentContext><rsm:ExchangedDocument><ram:TypeCode>380</ram:TypeCode>"
        "<ram:IssueDateTime><udt:DateTimeString format=\"" +
        format + "\">" + value +
        "</udt:DateTimeString></ram:IssueDateTime></rsm:ExchangedDocument>"));
  };
  CHECK(date("20240131").empty());
  CHECK(date(" 20240230\n").empty());  // the pattern does not know month lengths
  CHECK(date("20241231").empty());
  CHECK(date("20241301") == Counts{{"CII-DT-097", 1}});
  CHECK(date("20240100") == Counts{{"CII-DT-097", 1}});
  CHECK(date("20240132") == Counts{{"CII-DT-097", 1}});
  CHECK(date("2024-01-31") == Counts{{"CII-DT-097", 1}});
  CHECK(date("202401311") == Counts{{"CII-DT-097", 1}});
  CHECK(date("") == Counts{{"CII-DT-097", 1}});
  // \d is any decimal digit; the month and day are ASCII in the pattern.
  CHECK(date("\u0662\u0660\u0662\u06640131").empty());
  CHECK(date("\uFF12\uFF10\uFF12\uFF140131").empty());
  CHECK(date("2024\uFF10\uFF11\uFF13\uFF11") == Counts{{"CII-DT-097", 1}});
  CHECK(date("202A0131") == Counts{{"CII-DT-097", 1}});
  CHECK(date("2024-01-31", "204").empty());  // only format 102 is checked
}

std::string trade_tax(const std::string& body) {
  return "<ram:ApplicableTradeTax>" + body + "</ram:ApplicableTradeTax>";
}

std::string line_settlement(const std::string& body) {
  return "<ram:IncludedSupplyChainTradeLineItem><ram:SpecifiedLineTradeSettlement>" + body +
         "</ram:SpecifiedLineTradeSettlement></ram:IncludedSupplyChainTradeLineItem>";
}

TEST_CASE("CII-DT: trade tax elements allowed only in the header or in ApplicableTradeTax") {
  const std::string header_only =
      "<ram:TypeCode>VAT</ram:TypeCode><ram:BasisAmount>1</ram:BasisAmount>"
      "<ram:TaxPointDate><udt:DateString format=\"102\">20240101</udt:DateString>"
      "</ram:TaxPointDate><ram:DueDateTypeCode>5</ram:DueDateTypeCode>";
  // In the header settlement: allowed.
  CHECK(cii_counts(
            document(transaction("<ram:ApplicableHeaderTradeSettlement>" + trade_tax(header_only) +
                                 "</ram:ApplicableHeaderTradeSettlement>")))
            .empty());
  // On a line: CII-DT-041, 054 and 058.
  Counts counts = cii_counts(document(transaction(line_settlement(trade_tax(header_only)))));
  CHECK(counts == Counts{{"CII-DT-041", 1}, {"CII-DT-054", 1}, {"CII-DT-058", 1}});
  // Exemption reasons only in an ApplicableTradeTax; the type code is VAT.
  counts = cii_counts(document(
      transaction("<ram:ApplicableHeaderTradeSettlement><ram:SpecifiedTradeAllowanceCharge>"
                  "<ram:ChargeIndicator><udt:Indicator>true</udt:Indicator></ram:ChargeIndicator>"
                  "<ram:CategoryTradeTax><ram:TypeCode>GST</ram:TypeCode><ram:ExemptionReason>r"
                  "</ram:ExemptionReason><ram:ExemptionReasonCode>c</ram:ExemptionReasonCode>"
                  "</ram:CategoryTradeTax></ram:SpecifiedTradeAllowanceCharge>" +
                  trade_tax("<ram:ExemptionReason>r</ram:ExemptionReason>") +
                  "</ram:ApplicableHeaderTradeSettlement>")));
  CHECK(counts == Counts{{"CII-DT-037", 1}, {"CII-DT-052", 1}, {"CII-DT-098", 1}});
}

TEST_CASE("CII-DT: referenced documents") {
  auto agreement = [](const std::string& body) {
    return cii_counts(document(transaction("<ram:ApplicableHeaderTradeAgreement>" + body +
                                           "</ram:ApplicableHeaderTradeAgreement>")));
  };
  // An additional document of type 916 may have a URI, a name and an attachment.
  CHECK(agreement("<ram:AdditionalReferencedDocument><ram:IssuerAssignedID>a</ram:IssuerAssignedID>"
                  "<ram:URIID>u</ram:URIID><ram:TypeCode>916</ram:TypeCode><ram:Name>n</ram:Name>"
                  "<ram:AttachmentBinaryObject mimeCode=\"m\" "
                  "filename=\"f\">AA==</ram:AttachmentBinaryObject>"
                  "</ram:AdditionalReferencedDocument>")
            .empty());
  // Of type 50, it may not; of type 130 it may have a reference type code.
  CHECK(agreement("<ram:AdditionalReferencedDocument><ram:URIID>u</ram:URIID>"
                  "<ram:TypeCode>50</ram:TypeCode><ram:Name>n</ram:Name>"
                  "<ram:ReferenceTypeCode>AAA</ram:ReferenceTypeCode>"
                  "</ram:AdditionalReferencedDocument>") ==
        Counts{{"CII-DT-015", 1}, {"CII-DT-021", 1}, {"CII-DT-024", 1}});
  CHECK(agreement("<ram:AdditionalReferencedDocument><ram:TypeCode>130</ram:TypeCode>"
                  "<ram:ReferenceTypeCode>AAA</ram:ReferenceTypeCode>"
                  "</ram:AdditionalReferencedDocument>")
            .empty());
  // A type code, other than 50, 130 or 916 or on another document, is not allowed.
  CHECK(agreement("<ram:AdditionalReferencedDocument><ram:TypeCode>916 </ram:TypeCode>"
                  "</ram:AdditionalReferencedDocument>") == Counts{{"CII-DT-018", 1}});
  CHECK(agreement("<ram:ContractReferencedDocument><ram:TypeCode>50</ram:TypeCode>"
                  "<ram:FormattedIssueDateTime/></ram:ContractReferencedDocument>") ==
        Counts{{"CII-DT-018", 1}, {"CII-DT-027", 1}});
  // Two additional documents of type 130: CII-SR-458 on the agreement.
  CHECK(agreement("<ram:AdditionalReferencedDocument><ram:TypeCode>130</ram:TypeCode>"
                  "</ram:AdditionalReferencedDocument><ram:AdditionalReferencedDocument>"
                  "<ram:TypeCode>130</ram:TypeCode></ram:AdditionalReferencedDocument>") ==
        Counts{{"CII-SR-458", 1}});
}

TEST_CASE("CII-SR: payment means agree across the document") {
  auto means = [](const std::string& code, const std::string& text) {
    return "<ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>" + code +
           "</ram:TypeCode><ram:Information>" + text +
           "</ram:Information><ram:PayeePartyCreditorFinancialAccount><ram:IBANID>X</ram:IBANID>"
           "</ram:PayeePartyCreditorFinancialAccount></ram:SpecifiedTradeSettlementPaymentMeans>";
  };
  auto settlement = [](const std::string& body) {
    return cii_counts(document(transaction("<ram:ApplicableHeaderTradeSettlement>" + body +
                                           "</ram:ApplicableHeaderTradeSettlement>")));
  };
  CHECK(settlement(means("30", "a b") + means(" 30 ", " a  b")).empty());
  CHECK(settlement(means("30", "a") + means("58", "a") + means("30", "a")) ==
        Counts{{"CII-SR-467", 1}});
  CHECK(settlement(means("30", "a") + means("30", "b")) == Counts{{"CII-SR-468", 1}});
  CHECK(settlement("<ram:PaymentReference>1</ram:PaymentReference>"
                   "<ram:PaymentReference>2</ram:PaymentReference>") == Counts{{"CII-SR-469", 1}});
  // A credit transfer needs an IBAN or a proprietary id.
  CHECK(settlement("<ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>58</ram:TypeCode>"
                   "</ram:SpecifiedTradeSettlementPaymentMeans>") == Counts{{"CII-SR-470", 1}});
  CHECK(settlement("<ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>49</ram:TypeCode>"
                   "</ram:SpecifiedTradeSettlementPaymentMeans>")
            .empty());
}

TEST_CASE("CII-SR-462: due date type codes have one value across the document") {
  auto tax = [](const std::string& code) {
    return trade_tax("<ram:DueDateTypeCode>" + code + "</ram:DueDateTypeCode>");
  };
  auto settlement = [](const std::string& body) {
    return cii_counts(document(transaction("<ram:ApplicableHeaderTradeSettlement>" + body +
                                           "</ram:ApplicableHeaderTradeSettlement>")));
  };
  CHECK(settlement(tax("5") + tax("5")).empty());
  CHECK(settlement(tax("5") + tax("29")) == Counts{{"CII-SR-462", 1}});
}

TEST_CASE("CII-SR-119: only allowances on the gross price") {
  auto price = [](const std::string& charge) {
    return cii_counts(document(transaction(
        "<ram:IncludedSupplyChainTradeLineItem><ram:SpecifiedLineTradeAgreement>"
        "<ram:GrossPriceProductTradePrice><ram:ChargeAmount>10</ram:ChargeAmount>" +
        charge +
        "</ram:GrossPriceProductTradePrice><ram:NetPriceProductTradePrice><ram:ChargeAmount>9"
        "</ram:ChargeAmount></ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>"
        "</ram:IncludedSupplyChainTradeLineItem>")));
  };
  auto charge = [](const std::string& indicator, bool amount) {
    return "<ram:AppliedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>" + indicator +
           "</udt:Indicator></ram:ChargeIndicator>" +
           (amount ? "<ram:ActualAmount>1</ram:ActualAmount>" : "") +
           "</ram:AppliedTradeAllowanceCharge>";
  };
  CHECK(price("").empty());
  CHECK(price(charge("false", true)).empty());
  CHECK(price(charge(" 0 ", true)).empty());
  CHECK(price(charge("true", true)) == Counts{{"CII-SR-119", 1}});
  CHECK(price(charge("false", false)) == Counts{{"CII-SR-119", 1}});
}

TEST_CASE("CII-SR: parties, products and allowances") {
  auto agreement = [](const std::string& body) {
    return cii_counts(document(transaction("<ram:ApplicableHeaderTradeAgreement>" + body +
                                           "</ram:ApplicableHeaderTradeAgreement>")));
  };
  CHECK(agreement("<ram:BuyerTradeParty><ram:ID>1</ram:ID></ram:BuyerTradeParty>").empty());
  CHECK(agreement("<ram:BuyerTradeParty><ram:ID>1</ram:ID><ram:GlobalID schemeID=\"0088\">2"
                  "</ram:GlobalID></ram:BuyerTradeParty>") == Counts{{"CII-SR-450", 1}});
  CHECK(agreement("<ram:SellerTradeParty><ram:DefinedTradeContact><ram:PersonName>p"
                  "</ram:PersonName><ram:DepartmentName>d</ram:DepartmentName>"
                  "</ram:DefinedTradeContact></ram:SellerTradeParty>") ==
        Counts{{"CII-SR-465", 1}});

  auto product = [](const std::string& body) {
    return cii_counts(document(
        transaction("<ram:IncludedSupplyChainTradeLineItem><ram:SpecifiedTradeProduct>" + body +
                    "</ram:SpecifiedTradeProduct></ram:IncludedSupplyChainTradeLineItem>")));
  };
  CHECK(product("<ram:GlobalID schemeID=\"0160\">1</ram:GlobalID>").empty());
  CHECK(product("<ram:GlobalID>1</ram:GlobalID>") == Counts{{"CII-SR-046", 1}});
  CHECK(product("<ram:OriginTradeCountry><ram:ID>NL</ram:ID></ram:OriginTradeCountry>").empty());
  CHECK(product("<ram:OriginTradeCountry/>") == Counts{{"CII-SR-090", 1}});

  CHECK(cii_counts(document(transaction("<ram:ApplicableHeaderTradeSettlement>"
                                        "<ram:SpecifiedTradeAllowanceCharge><ram:ActualAmount>1"
                                        "</ram:ActualAmount></ram:SpecifiedTradeAllowanceCharge>"
                                        "</ram:ApplicableHeaderTradeSettlement>"))) ==
        Counts{{"CII-SR-463", 1}});
}

TEST_CASE("CII-DT-033: a unit code only when some billed quantity has one") {
  auto quantities = [](bool billed_unit) {
    return cii_counts(document(transaction(
        std::string("<ram:IncludedSupplyChainTradeLineItem><ram:SpecifiedLineTradeDelivery>"
                    "<ram:BilledQuantity") +
        (billed_unit ? " unitCode=\"C62\"" : "") +
        ">1</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>"
        "<ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice><ram:ChargeAmount>1"
        "</ram:ChargeAmount><ram:BasisQuantity unitCode=\"C62\">1</ram:BasisQuantity>"
        "</ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>"
        "</ram:IncludedSupplyChainTradeLineItem>")));
  };
  CHECK(quantities(true).empty());
  CHECK(quantities(false) == Counts{{"CII-DT-033", 1}});
}

}  // namespace
}  // namespace einvoice
