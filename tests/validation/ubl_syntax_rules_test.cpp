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
#include "validation/syntax/ubl_syntax_table.h"

namespace einvoice {
namespace {

constexpr std::string_view kNamespaces =
    R"( xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2")"
    R"( xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2")"
    R"( xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2")"
    R"( xmlns:x="urn:example:other")";

std::string invoice(const std::string& body) {
  return "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"" +
         std::string(kNamespaces) + ">\n" + body + "\n</Invoice>";
}

std::string credit_note(const std::string& body) {
  return "<CreditNote xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\"" +
         std::string(kNamespaces) + ">\n" + body + "\n</CreditNote>";
}

// The UBL syntax findings of the rules on `xml`.
model::Diagnostics ubl_findings(const std::string& xml) {
  auto read = engine::read_invoice(xml, "test.xml");
  REQUIRE(read);
  REQUIRE(read->document);
  model::Diagnostics out;
  for (auto& d : validation::check_rules(read->parsed.invoice, read->source_syntax,
                                         &*read->document, "test.xml")) {
    if (d.rule_id.rfind("UBL-", 0) == 0)
      out.push_back(std::move(d));
  }
  return out;
}

// Rule id -> number of findings.
std::map<std::string, int> counts(const model::Diagnostics& findings) {
  std::map<std::string, int> out;
  for (const auto& d : findings)
    ++out[d.rule_id];
  return out;
}

std::map<std::string, int> ubl_counts(const std::string& xml) {
  return counts(ubl_findings(xml));
}

const model::Diagnostic* finding(const model::Diagnostics& findings, std::string_view id) {
  for (const auto& d : findings) {
    if (d.rule_id == id)
      return &d;
  }
  return nullptr;
}

using Counts = std::map<std::string, int>;

// A line that breaks none of the line rules.
std::string line(const std::string& extra = {}) {
  return "<cac:InvoiceLine><cbc:ID>1</cbc:ID>" + extra +
         "<cac:Item><cbc:Name>x</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID>"
         "<cbc:Percent>20</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>"
         "</cac:ClassifiedTaxCategory></cac:Item></cac:InvoiceLine>";
}

// ---------------------------------------------------------------------------
// The forbidden paths, checked from their XPath text: a document holding
// exactly one chain of elements, and which of the table's paths it contains,
// worked out here independently of the walk.

struct Chain {
  std::vector<std::string> elements;  // qualified names, outermost first
  std::string attribute;              // on the last element, or empty
};

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

struct ParsedPath {
  bool anywhere = false;
  std::vector<std::vector<std::string>> steps;  // each step's alternatives
  std::string attribute;
};

ParsedPath parse(std::string_view xpath) {
  ParsedPath out;
  if (xpath.substr(0, 2) == "//") {
    out.anywhere = true;
    xpath.remove_prefix(2);
  }
  for (std::string step : split(xpath, '/')) {
    if (step[0] == '@') {
      out.attribute = step.substr(1);
      continue;
    }
    if (step[0] == '(')
      step = step.substr(1, step.size() - 2);
    out.steps.push_back(split(step, '|'));
  }
  return out;
}

bool step_matches(const std::vector<std::string>& step, const std::string& name) {
  for (const auto& alternative : step) {
    if (alternative == name)
      return true;
  }
  return false;
}

// Whether the document whose root holds `chain` has a node `path` selects.
bool contains(const ParsedPath& path, const Chain& chain) {
  const auto& c = chain.elements;
  const std::size_t m = path.steps.size();
  auto ends_at = [&](std::size_t end) {  // path's last step on c[end - 1]
    if (end < m)
      return false;
    for (std::size_t i = 0; i < m; ++i) {
      if (!step_matches(path.steps[i], c[end - m + i]))
        return false;
    }
    return path.attribute.empty() || (end == c.size() && path.attribute == chain.attribute);
  };
  if (!path.anywhere)
    return m > 0 && ends_at(m);
  for (std::size_t end = 1; end <= c.size(); ++end) {
    if (ends_at(end))
      return true;
  }
  return false;
}

std::string document_of(const Chain& chain, bool credit) {
  std::string open, close;
  for (std::size_t i = 0; i < chain.elements.size(); ++i) {
    open += "<" + chain.elements[i];
    if (i + 1 == chain.elements.size() && !chain.attribute.empty())
      open += " " + chain.attribute + "=\"a\"";
    open += ">";
    close = "</" + chain.elements[i] + ">" + close;
  }
  return credit ? credit_note(open + close) : invoice(open + close);
}

// Ids of the table's rules, and the rules outside the table (coded).
std::set<std::string> table_ids() {
  std::set<std::string> out;
  for (const auto& path : validation::ubl_syntax::kForbiddenPaths)
    out.insert(std::string(path.rule));
  return out;
}

TEST_CASE("UBL syntax: each forbidden path fires its rule once, only where it is forbidden",
          "[validation][ubl-syntax]") {
  const std::set<std::string> in_table = table_ids();
  std::vector<std::pair<std::string, ParsedPath>> paths;
  for (const auto& path : validation::ubl_syntax::kForbiddenPaths)
    paths.emplace_back(std::string(path.rule), parse(path.xpath));

  int documents = 0;
  for (const auto& [id, path] : paths) {
    // One chain per alternative of each step (only the line step has two),
    // at the root and one level deeper, in an Invoice and a CreditNote.
    std::vector<Chain> chains(1);
    for (const auto& step : path.steps) {
      std::vector<Chain> next;
      for (const auto& chain : chains) {
        for (const auto& alternative : step) {
          Chain longer = chain;
          longer.elements.push_back(alternative);
          next.push_back(longer);
        }
      }
      chains = next;
    }
    for (auto& chain : chains)
      chain.attribute = path.attribute.empty() ? "" : path.attribute;
    if (path.steps.empty())
      chains = {Chain{{"cbc:Note"}, path.attribute}};
    for (const auto& base : chains) {
      for (bool deeper : {false, true}) {
        Chain chain = base;
        if (deeper)
          chain.elements.insert(chain.elements.begin(), "cac:Wrapper");
        for (bool credit : {false, true}) {
          ++documents;
          const std::string xml = document_of(chain, credit);
          INFO(id << " in " << xml);
          const model::Diagnostics found = ubl_findings(xml);
          std::set<std::string> want, got;
          for (const auto& [other, other_path] : paths) {
            if (contains(other_path, chain))
              want.insert(other);
          }
          for (const auto& d : found) {
            if (in_table.count(d.rule_id)) {
              got.insert(d.rule_id);
              CHECK(d.severity == model::Severity::kWarning);
            }
          }
          CHECK(got == want);
          CHECK(want.count(id) == (!deeper || path.anywhere ? 1u : 0u));
          if (got.count(id)) {
            CHECK(counts(found)[id] == 1);
            // Located at the element (or the element carrying the attribute).
            const model::Diagnostic* d = finding(found, id);
            REQUIRE(d != nullptr);
            const std::string last = chain.elements.back();
            CHECK(d->location.xpath.size() >= last.size());
            CHECK(d->location.xpath.compare(d->location.xpath.size() - last.size(), last.size(),
                                            last) == 0);
            CHECK(d->location.line == 2);
          }
        }
      }
    }
  }
  CHECK(documents > 2700);
}

TEST_CASE("UBL syntax: a clean document and one without XML report nothing",
          "[validation][ubl-syntax]") {
  const std::string body =
      "<cbc:UBLVersionID>2.1</cbc:UBLVersionID><cbc:CustomizationID>urn:cen.eu:en16931:2017"
      "</cbc:CustomizationID><cbc:ID>1</cbc:ID><cbc:IssueDate>2024-01-01</cbc:IssueDate>"
      "<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode><cbc:DocumentCurrencyCode>EUR"
      "</cbc:DocumentCurrencyCode><cac:AccountingSupplierParty><cac:Party><cac:PartyTaxScheme>"
      "<cbc:CompanyID>FR1</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>"
      "</cac:PartyTaxScheme><cac:PartyLegalEntity><cbc:RegistrationName>S</cbc:RegistrationName>"
      "</cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>"
      "<cac:PaymentMeans><cbc:PaymentMeansCode name=\"Transfer\">30</cbc:PaymentMeansCode>"
      "<cbc:PaymentID>R1</cbc:PaymentID></cac:PaymentMeans>"
      "<cac:TaxTotal><cbc:TaxAmount currencyID=\"EUR\">2.00</cbc:TaxAmount></cac:TaxTotal>"
      "<cac:LegalMonetaryTotal><cbc:PayableAmount currencyID=\"EUR\">12.00</cbc:PayableAmount>"
      "</cac:LegalMonetaryTotal>" +
      line("<cbc:LineExtensionAmount currencyID=\"EUR\">10.00</cbc:LineExtensionAmount>");
  CHECK(ubl_counts(invoice(body)).empty());

  auto read = engine::read_invoice(invoice("<cbc:UUID>1</cbc:UUID>"), "test.xml");
  REQUIRE(read);
  for (const auto& d :
       validation::check_rules(read->parsed.invoice, read->source_syntax, nullptr, "test.xml"))
    CHECK(d.rule_id.rfind("UBL-", 0) != 0);
}

TEST_CASE("UBL syntax: the rule table", "[validation][ubl-syntax]") {
  auto rules = validation::ubl_syntax_rules();
  CHECK(rules.size() == 756);
  std::set<std::string> ids;
  int fatal = 0;
  for (const auto& rule : rules) {
    ids.insert(std::string(rule.id));
    fatal += rule.flag == model::Severity::kFatal;
    CHECK(rule.message.rfind("[" + std::string(rule.id) + "]-", 0) == 0);
  }
  CHECK(ids.size() == rules.size());
  // Every UBL-SR, UBL-DT-01/06/07 and UBL-CR-666/673 are fatal.
  CHECK(fatal == 54 + 3 + 2);
  for (const auto& path : validation::ubl_syntax::kForbiddenPaths)
    CHECK(ids.count(std::string(path.rule)) == 1);
}

TEST_CASE("UBL syntax: root rules fire once per document, at the first offending element",
          "[validation][ubl-syntax]") {
  // Two lines with a forbidden line-level Delivery: UBL-CR-550 once, at the first.
  const std::string body =
      "<cbc:ID>1</cbc:ID>\n" + line("<cac:Delivery/>") + "\n" + line("<cac:Delivery/>");
  const model::Diagnostics found = ubl_findings(invoice(body));
  CHECK(counts(found) == Counts{{"UBL-CR-550", 1}});
  const model::Diagnostic* d = finding(found, "UBL-CR-550");
  REQUIRE(d != nullptr);
  CHECK(d->location.line == 3);
  CHECK(d->location.xpath.find("cac:InvoiceLine[1]/cac:Delivery") != std::string::npos);
  CHECK(d->severity == model::Severity::kWarning);

  // Attributes anywhere: UBL-DT-08 (schemeName) once for two occurrences.
  CHECK(ubl_counts(invoice("<cbc:ID schemeName=\"a\">1</cbc:ID><cac:X><cbc:Y schemeName=\"b\"/>"
                           "</cac:X>")) == Counts{{"UBL-DT-08", 1}});
  // An attribute of the same name in a namespace is another attribute.
  CHECK(ubl_counts(invoice("<cbc:ID x:schemeName=\"a\">1</cbc:ID>")).empty());
  // The same local names in another namespace are other elements.
  CHECK(ubl_counts(invoice("<x:UUID>1</x:UUID><cac:UUID>1</cac:UUID>")).empty());
  CHECK(ubl_counts(invoice("<cbc:UUID>1</cbc:UUID>")) == Counts{{"UBL-CR-005", 1}});
}

TEST_CASE("UBL syntax: UBL-CR-002 version, UBL-CR-412 due date of an invoice",
          "[validation][ubl-syntax]") {
  CHECK(ubl_counts(invoice("<cbc:UBLVersionID>2.1</cbc:UBLVersionID>")).empty());
  CHECK(ubl_counts(invoice("<cbc:UBLVersionID>2.2</cbc:UBLVersionID>")) ==
        Counts{{"UBL-CR-002", 1}});
  // Compared as written.
  CHECK(ubl_counts(invoice("<cbc:UBLVersionID> 2.1</cbc:UBLVersionID>")) ==
        Counts{{"UBL-CR-002", 1}});

  const std::string due =
      "<cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>"
      "<cbc:PaymentDueDate>2024-01-01</cbc:PaymentDueDate></cac:PaymentMeans>";
  CHECK(ubl_counts(invoice(due)) == Counts{{"UBL-CR-412", 1}});
  CHECK(ubl_counts(credit_note(due)).empty());
}

TEST_CASE("UBL syntax: supporting documents (UBL-SR-33, UBL-SR-43, UBL-CR-665/666/673)",
          "[validation][ubl-syntax]") {
  auto doc = [](const std::string& content) {
    return "<cac:AdditionalDocumentReference>" + content + "</cac:AdditionalDocumentReference>";
  };
  CHECK(ubl_counts(invoice(doc("<cbc:ID>A</cbc:ID>"))).empty());
  CHECK(ubl_counts(invoice(doc("<cbc:ID schemeID=\"AAA\">A</cbc:ID>"
                               "<cbc:DocumentTypeCode>130</cbc:DocumentTypeCode>")))
            .empty());
  // A scheme on a supporting document (no type code): UBL-SR-43 and UBL-CR-665.
  CHECK(ubl_counts(invoice(doc("<cbc:ID schemeID=\"AAA\">A</cbc:ID>"))) ==
        Counts{{"UBL-CR-665", 1}, {"UBL-SR-43", 1}});
  // Type code 50 is an invoiced object only in a credit note.
  const std::string fifty =
      doc("<cbc:ID schemeID=\"AAA\">A</cbc:ID><cbc:DocumentTypeCode>50</cbc:DocumentTypeCode>");
  CHECK(ubl_counts(invoice(fifty)) == Counts{{"UBL-CR-665", 1}, {"UBL-SR-43", 1}});
  CHECK(ubl_counts(credit_note(fifty)) == Counts{{"UBL-CR-665", 1}});
  // A type code other than 130 without a scheme still breaks UBL-SR-43.
  CHECK(ubl_counts(invoice(doc("<cbc:ID>A</cbc:ID><cbc:DocumentTypeCode>916"
                               "</cbc:DocumentTypeCode>"))) == Counts{{"UBL-SR-43", 1}});
  // The invoiced object has neither attachment nor description (fatal).
  const auto found = ubl_findings(
      invoice(doc("<cbc:ID>A</cbc:ID><cbc:DocumentTypeCode>130</cbc:DocumentTypeCode>"
                  "<cbc:DocumentDescription>d</cbc:DocumentDescription>"
                  "<cbc:DocumentDescription>e</cbc:DocumentDescription><cac:Attachment/>")));
  CHECK(counts(found) == Counts{{"UBL-CR-666", 1}, {"UBL-CR-673", 1}, {"UBL-SR-33", 1}});
  for (const auto& d : found)
    CHECK(d.severity == model::Severity::kFatal);
  // UBL-SR-04: one invoiced object identifier.
  CHECK(ubl_counts(invoice(doc("<cbc:ID>A</cbc:ID><cbc:DocumentTypeCode>130"
                               "</cbc:DocumentTypeCode>") +
                           doc("<cbc:ID>B</cbc:ID><cbc:DocumentTypeCode>130"
                               "</cbc:DocumentTypeCode>"))) == Counts{{"UBL-SR-04", 1}});
}

TEST_CASE("UBL syntax: UBL-DT-01 amounts have at most two decimals", "[validation][ubl-syntax]") {
  CHECK(ubl_counts(invoice("<cac:LegalMonetaryTotal><cbc:PayableAmount>10.12</cbc:PayableAmount>"
                           "<cbc:TaxExclusiveAmount>10</cbc:TaxExclusiveAmount>"
                           "</cac:LegalMonetaryTotal>"))
            .empty());
  // One finding per amount; characters after the first '.', spaces included.
  const auto found =
      ubl_findings(invoice("<cac:LegalMonetaryTotal><cbc:PayableAmount>10.123</cbc:PayableAmount>"
                           "<cbc:TaxExclusiveAmount>10.10 </cbc:TaxExclusiveAmount>"
                           "<cbc:AllowanceTotalAmount>1.2.3</cbc:AllowanceTotalAmount>"
                           "<cbc:ChargeTotalAmount>1.2</cbc:ChargeTotalAmount>"
                           "</cac:LegalMonetaryTotal>"));
  CHECK(counts(found) == Counts{{"UBL-DT-01", 3}});
  REQUIRE(!found.empty());
  CHECK(found[0].location.xpath.find("cbc:PayableAmount") != std::string::npos);
  // Any element whose name ends with Amount, in any namespace.
  CHECK(ubl_counts(invoice("<x:SomeAmount>1.001</x:SomeAmount>")) == Counts{{"UBL-DT-01", 1}});
  // Not prices, nor anything in a price that has an allowance.
  CHECK(ubl_counts(invoice(line("<cac:Price><cbc:PriceAmount>1.2345</cbc:PriceAmount>"
                                "<cbc:BaseQuantity>1</cbc:BaseQuantity>"
                                "<cac:AllowanceCharge><cbc:ChargeIndicator>false"
                                "</cbc:ChargeIndicator><cbc:Amount>0.005</cbc:Amount>"
                                "<cbc:BaseAmount>1.2395</cbc:BaseAmount></cac:AllowanceCharge>"
                                "</cac:Price>")))
            .empty());
  // A line allowance is not in a price.
  CHECK(ubl_counts(invoice(line("<cac:AllowanceCharge><cbc:ChargeIndicator>false"
                                "</cbc:ChargeIndicator><cbc:Amount>0.005</cbc:Amount>"
                                "</cac:AllowanceCharge>"))) == Counts{{"UBL-DT-01", 1}});
}

TEST_CASE("UBL syntax: UBL-DT-06/07 binary objects, UBL-DT-18 name attributes",
          "[validation][ubl-syntax]") {
  auto attachment = [](const std::string& attributes) {
    return "<cac:AdditionalDocumentReference><cbc:ID>A</cbc:ID><cac:Attachment>"
           "<cbc:EmbeddedDocumentBinaryObject" +
           attributes +
           ">AAAA</cbc:EmbeddedDocumentBinaryObject></cac:Attachment>"
           "</cac:AdditionalDocumentReference>";
  };
  CHECK(
      ubl_counts(invoice(attachment(" mimeCode=\"application/pdf\" filename=\"a.pdf\""))).empty());
  CHECK(ubl_counts(invoice(attachment(" filename=\"a.pdf\""))) == Counts{{"UBL-DT-06", 1}});
  CHECK(ubl_counts(invoice(attachment(""))) == Counts{{"UBL-DT-06", 1}, {"UBL-DT-07", 1}});

  CHECK(ubl_counts(invoice("<cac:PaymentMeans><cbc:PaymentMeansCode name=\"x\">30"
                           "</cbc:PaymentMeansCode></cac:PaymentMeans>"))
            .empty());
  CHECK(ubl_counts(invoice("<cbc:InvoiceTypeCode name=\"x\">380</cbc:InvoiceTypeCode>")) ==
        Counts{{"UBL-DT-18", 1}});
}

TEST_CASE("UBL syntax: line rules UBL-SR-34 ... UBL-SR-52", "[validation][ubl-syntax]") {
  CHECK(ubl_counts(invoice(line())).empty());
  // No item tax category, or two: UBL-SR-48.
  CHECK(ubl_counts(invoice("<cac:InvoiceLine><cbc:ID>1</cbc:ID></cac:InvoiceLine>")) ==
        Counts{{"UBL-SR-48", 1}});
  CHECK(ubl_counts(credit_note("<cac:CreditNoteLine><cbc:ID>1</cbc:ID><cac:Item>"
                               "<cac:ClassifiedTaxCategory/><cac:ClassifiedTaxCategory/>"
                               "</cac:Item></cac:CreditNoteLine>")) == Counts{{"UBL-SR-48", 1}});
  CHECK(ubl_counts(invoice(line("<cbc:Note>a</cbc:Note><cbc:Note>b</cbc:Note>"
                                "<cac:InvoicePeriod/><cac:InvoicePeriod/>"
                                "<cac:OrderLineReference><cbc:LineID>1</cbc:LineID>"
                                "<cbc:LineID>2</cbc:LineID></cac:OrderLineReference>"
                                "<cac:DocumentReference/><cac:DocumentReference/>"))) ==
        Counts{{"UBL-SR-34", 1}, {"UBL-SR-35", 1}, {"UBL-SR-36", 1}, {"UBL-SR-52", 1}});
}

TEST_CASE("UBL syntax: allowances and charges UBL-SR-30/31 by their indicator",
          "[validation][ubl-syntax]") {
  auto charge = [](const std::string& indicator) {
    return "<cac:AllowanceCharge><cbc:ChargeIndicator>" + indicator +
           "</cbc:ChargeIndicator><cbc:AllowanceChargeReason>a</cbc:AllowanceChargeReason>"
           "<cbc:AllowanceChargeReason>b</cbc:AllowanceChargeReason></cac:AllowanceCharge>";
  };
  CHECK(ubl_counts(invoice(charge("false"))) == Counts{{"UBL-SR-30", 1}});
  CHECK(ubl_counts(invoice(charge("0"))) == Counts{{"UBL-SR-30", 1}});
  CHECK(ubl_counts(invoice(charge(" true "))) == Counts{{"UBL-SR-31", 1}});
  CHECK(ubl_counts(invoice(charge("1"))) == Counts{{"UBL-SR-31", 1}});
  // Not a boolean: neither context matches.
  CHECK(ubl_counts(invoice(charge("yes"))).empty());
  CHECK(ubl_counts(invoice(charge("TRUE"))).empty());
  // At any level (here a line allowance, which UBL-SR-30 also covers).
  CHECK(ubl_counts(invoice(line(charge("false")))) == Counts{{"UBL-SR-30", 1}});
}

TEST_CASE("UBL syntax: payee rules UBL-SR-19/20/21 compare with the seller's name",
          "[validation][ubl-syntax]") {
  const std::string seller =
      "<cac:AccountingSupplierParty><cac:Party><cac:PartyLegalEntity><cbc:RegistrationName>"
      "Seller</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party>"
      "</cac:AccountingSupplierParty>";
  auto payee = [](const std::string& content) {
    return "<cac:PayeeParty>" + content + "</cac:PayeeParty>";
  };
  const std::string named = "<cac:PartyName><cbc:Name>Payee</cbc:Name></cac:PartyName>";
  CHECK(ubl_counts(invoice(seller + payee(named))).empty());
  const Counts all{{"UBL-SR-19", 1}, {"UBL-SR-20", 1}, {"UBL-SR-21", 1}};
  // The seller's own name, no payee name, or no seller name: all three.
  CHECK(ubl_counts(invoice(seller + payee("<cac:PartyName><cbc:Name>Seller</cbc:Name>"
                                          "</cac:PartyName>"))) == all);
  CHECK(ubl_counts(invoice(seller + payee(""))) == all);
  CHECK(ubl_counts(invoice(payee(named))) == all);
  // The counts.
  CHECK(ubl_counts(
            invoice(seller + payee(named + "<cac:PartyIdentification><cbc:ID>1</cbc:ID>"
                                           "</cac:PartyIdentification><cac:PartyIdentification>"
                                           "<cbc:ID schemeID=\"sepa\">2</cbc:ID>"
                                           "</cac:PartyIdentification>")))
            .empty());
  CHECK(ubl_counts(invoice(seller + payee(named + "<cac:PartyIdentification><cbc:ID>1</cbc:ID>"
                                                  "<cbc:ID schemeID=\"0088\">2</cbc:ID>"
                                                  "</cac:PartyIdentification><cac:PartyLegalEntity>"
                                                  "<cbc:CompanyID>1</cbc:CompanyID><cbc:CompanyID>2"
                                                  "</cbc:CompanyID></cac:PartyLegalEntity>"))) ==
        Counts{{"UBL-SR-20", 1}, {"UBL-SR-21", 1}});
}

TEST_CASE("UBL syntax: document-wide counts UBL-SR-29, UBL-SR-44, UBL-SR-47",
          "[validation][ubl-syntax]") {
  auto means = [](const std::string& code, const std::string& id) {
    return "<cac:PaymentMeans><cbc:PaymentMeansCode>" + code +
           "</cbc:PaymentMeansCode><cbc:PaymentID>" + id + "</cbc:PaymentID></cac:PaymentMeans>";
  };
  CHECK(ubl_counts(invoice(means("30", "A") + means("30", "A"))).empty());
  CHECK(ubl_counts(invoice(means("30", "A") + means("30", "B"))) == Counts{{"UBL-SR-44", 1}});
  CHECK(ubl_counts(invoice(means("30", "A") + means("58", "A") + means("59", "A"))) ==
        Counts{{"UBL-SR-47", 1}});
  // Two values in one PaymentMeans break UBL-SR-26/27 there as well.
  CHECK(ubl_counts(invoice("<cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>"
                           "<cbc:PaymentMeansCode>31</cbc:PaymentMeansCode></cac:PaymentMeans>")) ==
        Counts{{"UBL-SR-27", 1}, {"UBL-SR-47", 1}});

  auto sepa = [](const std::string& scheme) {
    return "<cac:PartyIdentification><cbc:ID schemeID=\"" + scheme +
           "\">X</cbc:ID></cac:PartyIdentification>";
  };
  const std::string one = "<cac:AccountingSupplierParty><cac:Party>" + sepa("SEPA") +
                          "</cac:Party></cac:AccountingSupplierParty>";
  CHECK(ubl_counts(invoice(one)).empty());
  // upper-case() of U+017F (long s) is 'S'.
  const std::string long_s = "<cac:AccountingCustomerParty><cac:Party>" +
                             sepa(
                                 "\xC5\xBF"
                                 "epa") +
                             "</cac:Party></cac:AccountingCustomerParty>";
  CHECK(ubl_counts(invoice(one + long_s)) == Counts{{"UBL-SR-29", 1}});
  CHECK(ubl_counts(invoice(one + "<cac:AccountingCustomerParty><cac:Party>" + sepa(" SEPA") +
                           "</cac:Party></cac:AccountingCustomerParty>"))
            .empty());
  CHECK(ubl_counts(invoice(one + "<cac:PayeeParty>" + sepa("sepa") +
                           "<cac:PartyName><cbc:Name>P</cbc:Name></cac:PartyName>"
                           "</cac:PayeeParty>")) ==
        Counts{{"UBL-SR-19", 1}, {"UBL-SR-20", 1}, {"UBL-SR-21", 1}, {"UBL-SR-29", 1}});
}

TEST_CASE("UBL syntax: parties UBL-SR-09 ... UBL-SR-18, UBL-SR-42, UBL-SR-53",
          "[validation][ubl-syntax]") {
  auto scheme = [](const std::string& id) {
    return "<cac:PartyTaxScheme><cbc:CompanyID>C</cbc:CompanyID><cac:TaxScheme><cbc:ID>" + id +
           "</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>";
  };
  auto seller = [](const std::string& content) {
    return "<cac:AccountingSupplierParty><cac:Party>" + content +
           "</cac:Party></cac:AccountingSupplierParty>";
  };
  auto buyer = [](const std::string& content) {
    return "<cac:AccountingCustomerParty><cac:Party>" + content +
           "</cac:Party></cac:AccountingCustomerParty>";
  };
  CHECK(ubl_counts(invoice(seller(scheme("VAT") + scheme("LOC")))).empty());
  // The VAT scheme is compared in upper case.
  CHECK(ubl_counts(invoice(seller(scheme("VAT") + scheme("vat")))) == Counts{{"UBL-SR-12", 1}});
  CHECK(ubl_counts(invoice(seller(scheme("LOC") + scheme("FC")))) == Counts{{"UBL-SR-13", 1}});
  CHECK(ubl_counts(invoice(seller(scheme("VAT") + scheme("LOC") + scheme("FC")))) ==
        Counts{{"UBL-SR-13", 1}, {"UBL-SR-42", 1}});
  CHECK(ubl_counts(invoice(buyer(scheme("Vat") + scheme("VAT")))) == Counts{{"UBL-SR-18", 1}});
  // A scheme without company id, or a company id without scheme: UBL-SR-53.
  CHECK(ubl_counts(invoice(buyer("<cac:PartyTaxScheme><cac:TaxScheme><cbc:ID>VAT</cbc:ID>"
                                 "</cac:TaxScheme></cac:PartyTaxScheme>"))) ==
        Counts{{"UBL-SR-53", 1}});
  CHECK(ubl_counts(invoice(buyer("<cac:PartyTaxScheme><cbc:CompanyID>C</cbc:CompanyID>"
                                 "</cac:PartyTaxScheme>"))) == Counts{{"UBL-SR-53", 1}});
  const std::string legal =
      "<cac:PartyLegalEntity><cbc:RegistrationName>A</cbc:RegistrationName><cbc:RegistrationName>"
      "B</cbc:RegistrationName><cbc:CompanyID>1</cbc:CompanyID><cbc:CompanyID>2</cbc:CompanyID>"
      "</cac:PartyLegalEntity><cac:PartyName><cbc:Name>A</cbc:Name></cac:PartyName><cac:PartyName>"
      "<cbc:Name>B</cbc:Name></cac:PartyName>";
  CHECK(ubl_counts(invoice(seller(legal))) ==
        Counts{{"UBL-SR-09", 1}, {"UBL-SR-10", 1}, {"UBL-SR-11", 1}});
  CHECK(ubl_counts(invoice(buyer(legal))) ==
        Counts{{"UBL-SR-15", 1}, {"UBL-SR-17", 1}, {"UBL-SR-40", 1}});
}

TEST_CASE("UBL syntax: other cardinalities (UBL-SR-01 ... UBL-SR-56)", "[validation][ubl-syntax]") {
  const std::string twice =
      "<cac:ContractDocumentReference><cbc:ID>1</cbc:ID><cbc:ID>2</cbc:ID>"
      "</cac:ContractDocumentReference>"
      "<cac:ReceiptDocumentReference><cbc:ID>1</cbc:ID></cac:ReceiptDocumentReference>"
      "<cac:ReceiptDocumentReference><cbc:ID>2</cbc:ID></cac:ReceiptDocumentReference>"
      "<cac:InvoicePeriod><cbc:DescriptionCode>3</cbc:DescriptionCode></cac:InvoicePeriod>"
      "<cac:InvoicePeriod><cbc:DescriptionCode>3</cbc:DescriptionCode></cac:InvoicePeriod>"
      "<cac:Delivery><cac:DeliveryParty><cac:PartyName><cbc:Name>A</cbc:Name></cac:PartyName>"
      "<cac:PartyName><cbc:Name>B</cbc:Name></cac:PartyName></cac:DeliveryParty></cac:Delivery>"
      "<cac:Delivery/>"
      "<cac:PaymentTerms><cbc:Note>a</cbc:Note><cbc:Note>b</cbc:Note></cac:PaymentTerms>"
      "<cac:BillingReference/>"
      "<cac:TaxTotal><cac:TaxSubtotal><cac:TaxCategory><cbc:TaxExemptionReason>a"
      "</cbc:TaxExemptionReason><cbc:TaxExemptionReason>b</cbc:TaxExemptionReason>"
      "</cac:TaxCategory></cac:TaxSubtotal></cac:TaxTotal>"
      "<cac:PostalAddress><cac:AddressLine/><cac:AddressLine/></cac:PostalAddress>";
  CHECK(ubl_counts(invoice(twice)) == Counts{{"UBL-SR-01", 1},
                                             {"UBL-SR-02", 1},
                                             {"UBL-SR-05", 1},
                                             {"UBL-SR-07", 1},
                                             {"UBL-SR-08", 1},
                                             {"UBL-SR-24", 1},
                                             {"UBL-SR-25", 1},
                                             {"UBL-SR-32", 1},
                                             {"UBL-SR-49", 1},
                                             {"UBL-SR-51", 1}});
  const std::string payment =
      "<cac:PaymentMeans><cbc:PaymentMeansCode name=\"a\">48</cbc:PaymentMeansCode>"
      "<cbc:PaymentDueDate>2024-01-01</cbc:PaymentDueDate><cac:CardAccount/>"
      "<cac:PaymentMandate><cbc:ID>1</cbc:ID><cbc:ID>2</cbc:ID></cac:PaymentMandate>"
      "</cac:PaymentMeans>";
  CHECK(ubl_counts(credit_note(payment + payment)) == Counts{{"UBL-SR-28", 2},
                                                             {"UBL-SR-45", 1},
                                                             {"UBL-SR-46", 1},
                                                             {"UBL-SR-54", 1},
                                                             {"UBL-SR-55", 1}});
}

}  // namespace
}  // namespace einvoice
