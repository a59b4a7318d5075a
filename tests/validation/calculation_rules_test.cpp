// BR-CO: calculations and co-occurrences, on invoices built from data (the
// model path, as the OCR job and API callers use it) and on the official
// rounding example. Every expected total is computed by hand from the rule
// text in the comments.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "engine/converter.h"
#include "model/invoice.h"
#include "validation/rules.h"

namespace einvoice {
namespace {

using model::Decimal;

Decimal d(const char* text) {
  return *Decimal::parse(text);
}

std::set<std::string> co_ids(const model::Invoice& invoice,
                             detect::Syntax syntax = detect::Syntax::kCii) {
  std::set<std::string> out;
  for (const auto& diagnostic : validation::check_rules(invoice, syntax, nullptr, "data")) {
    if (diagnostic.rule_id.rfind("BR-CO-", 0) == 0)
      out.insert(diagnostic.rule_id);
  }
  return out;
}

model::InvoiceLine line(const char* net, const char* rate) {
  model::InvoiceLine l;
  l.identifier = "1";
  l.invoiced_quantity = d("1");
  l.invoiced_quantity_unit = "C62";
  l.net_amount = d(net);
  l.price.net_price = d(net);
  l.vat.category_code = "S";
  l.vat.rate = d(rate);
  l.item.name = "item";
  return l;
}

// Two lines 100.00 + 50.00 at 20 %: BT-106 150.00, VAT 30.00, total 180.00.
model::Invoice consistent() {
  model::Invoice invoice;
  invoice.number = "F-1";
  invoice.currency_code = "EUR";
  invoice.seller.vat_identifier = "FR13542107651";
  invoice.lines = {line("100.00", "20"), line("50.00", "20")};
  model::VatBreakdown vat;
  vat.taxable_amount = d("150.00");
  vat.tax_amount = d("30.00");
  vat.category_code = "S";
  vat.rate = d("20");
  invoice.vat_breakdowns = {vat};
  invoice.totals.line_net_total = d("150.00");
  invoice.totals.total_without_vat = d("150.00");
  invoice.totals.vat_total = d("30.00");
  invoice.totals.total_with_vat = d("180.00");
  invoice.totals.amount_due = d("180.00");
  invoice.payment_due_date = model::Date{2026, 12, 31};
  return invoice;
}

}  // namespace

TEST_CASE("BR-CO: a consistent invoice breaks no calculation rule", "[calculation]") {
  CHECK(co_ids(consistent()).empty());
  CHECK(co_ids(consistent(), detect::Syntax::kUblInvoice).empty());
}

TEST_CASE("BR-CO: document totals are the sums they claim to be", "[calculation]") {
  auto invoice = consistent();
  invoice.totals.line_net_total = d("150.01");  // BR-CO-10: 100.00 + 50.00 = 150.00
  CHECK(co_ids(invoice).count("BR-CO-10") == 1);

  invoice = consistent();
  invoice.totals.total_without_vat = d("149.00");  // BR-CO-13: 150.00 - 0 + 0
  CHECK(co_ids(invoice).count("BR-CO-13") == 1);

  invoice = consistent();
  invoice.totals.total_with_vat = d("181.00");  // BR-CO-15: 150.00 + 30.00
  invoice.totals.amount_due = d("181.00");
  CHECK(co_ids(invoice).count("BR-CO-15") == 1);

  invoice = consistent();
  invoice.totals.vat_total = d("31.00");  // BR-CO-14: sum of BT-117 is 30.00
  CHECK(co_ids(invoice).count("BR-CO-14") == 1);

  invoice = consistent();
  invoice.totals.paid_amount = d("80.00");  // BR-CO-16: 180.00 - 80.00 = 100.00, not 180.00
  CHECK(co_ids(invoice).count("BR-CO-16") == 1);
  invoice.totals.amount_due = d("100.00");
  CHECK(co_ids(invoice).count("BR-CO-16") == 0);
}

TEST_CASE("BR-CO: allowances and charges enter the totals", "[calculation]") {
  auto invoice = consistent();
  model::AllowanceCharge allowance;
  allowance.amount = d("10.00");
  allowance.reason = "discount";
  allowance.vat_category_code = "S";
  allowance.vat_rate = d("20");
  invoice.allowances = {allowance};
  // BR-CO-11: BT-107 must be the sum of allowances (10.00) when present.
  invoice.totals.allowance_total = d("9.00");
  CHECK(co_ids(invoice).count("BR-CO-11") == 1);
  invoice.totals.allowance_total = d("10.00");
  CHECK(co_ids(invoice).count("BR-CO-11") == 0);
  // BR-CO-13: BT-109 = 150.00 - 10.00 = 140.00; 150.00 no longer holds.
  CHECK(co_ids(invoice).count("BR-CO-13") == 1);
  invoice.totals.total_without_vat = d("140.00");
  CHECK(co_ids(invoice).count("BR-CO-13") == 0);
}

TEST_CASE("BR-CO-17: VAT of a category is basis x rate within the artefacts' tolerance",
          "[calculation]") {
  // The artefacts compare round(BT-116 x BT-119) with BT-117 x 100 and allow
  // a difference of up to 100 (one unit of the currency): 10.05 x 5.5 =
  // 55.275 -> 55, so 0.55 and 0.56 hold (55, 56) and 2.00 (200) does not.
  auto invoice = consistent();
  auto& vat = invoice.vat_breakdowns[0];
  vat.taxable_amount = d("10.05");
  vat.rate = d("5.5");
  vat.tax_amount = d("0.55");
  CHECK(co_ids(invoice).count("BR-CO-17") == 0);
  vat.tax_amount = d("0.56");
  CHECK(co_ids(invoice).count("BR-CO-17") == 0);
  vat.tax_amount = d("2.00");
  CHECK(co_ids(invoice).count("BR-CO-17") == 1);
}

TEST_CASE("BR-CO-09: VAT identifiers start with a country prefix", "[calculation]") {
  auto invoice = consistent();
  invoice.seller.vat_identifier = "13542107651";
  CHECK(co_ids(invoice).count("BR-CO-09") == 1);
  invoice.seller.vat_identifier = "FR13542107651";
  invoice.buyer.vat_identifier = "DE123456789";
  CHECK(co_ids(invoice).count("BR-CO-09") == 0);
}

TEST_CASE("BR-CO-25 is not a rule of the CII and UBL artefacts", "[calculation]") {
  // It exists only in the EDIFACT artefact: an amount due without due date
  // or payment terms gets no BR-CO-25 here, as in the official verdicts.
  auto invoice = consistent();
  invoice.payment_due_date.reset();
  CHECK(co_ids(invoice).count("BR-CO-25") == 0);
  CHECK(co_ids(invoice, detect::Syntax::kUblInvoice).count("BR-CO-25") == 0);
}

TEST_CASE("BR-CO: absent inputs are not evaluated by the calculation rules", "[calculation]") {
  model::Invoice invoice;  // nothing at all: BR-01..65 report the absences
  const auto ids = co_ids(invoice);
  for (const char* id : {"BR-CO-10", "BR-CO-13", "BR-CO-14", "BR-CO-15", "BR-CO-16", "BR-CO-17"}) {
    INFO(id);
    CHECK(ids.count(id) == 0);
  }
}

TEST_CASE("BR-CO-10: the official rounding example is accepted", "[calculation]") {
  const auto path = std::filesystem::path(EINVOICE_CORPUS_DIR) / "en16931" / "cii" / "examples" /
                    "CII-BR-CO-10-RoundingIssue.xml";
  std::ifstream in(path, std::ios::binary);
  const std::string xml((std::istreambuf_iterator<char>(in)), {});
  auto read = engine::read_invoice(xml, path.string());
  REQUIRE(read);
  REQUIRE(read->document);
  std::set<std::string> ids;
  for (const auto& d : validation::check_rules(read->parsed.invoice, read->source_syntax,
                                               &*read->document, path.string())) {
    if (d.rule_id.rfind("BR-CO-", 0) == 0)
      ids.insert(d.rule_id);
  }
  CHECK(ids.empty());
}

TEST_CASE("BR-CO: co-occurrence rules 03, 04, 18, 19 and 26 on data", "[calculation]") {
  // BR-CO-03: BT-7 and BT-8 are mutually exclusive.
  auto invoice = consistent();
  invoice.vat_point_date = model::Date{2026, 11, 1};
  CHECK(co_ids(invoice).count("BR-CO-03") == 0);
  invoice.vat_point_date_code = "35";
  CHECK(co_ids(invoice).count("BR-CO-03") == 1);
  invoice.vat_point_date.reset();
  CHECK(co_ids(invoice).count("BR-CO-03") == 0);

  // BR-CO-04: every line has a VAT category code (BT-151).
  invoice = consistent();
  invoice.lines[1].vat.category_code.reset();
  CHECK(co_ids(invoice).count("BR-CO-04") == 1);

  // BR-CO-18: at least one VAT breakdown (BG-23).
  invoice = consistent();
  invoice.vat_breakdowns.clear();
  CHECK(co_ids(invoice).count("BR-CO-18") == 1);
  CHECK(co_ids(consistent()).count("BR-CO-18") == 0);

  // BR-CO-19: an invoicing period has a start or an end date.
  invoice = consistent();
  invoice.invoicing_period = model::Period{};
  CHECK(co_ids(invoice).count("BR-CO-19") == 1);
  invoice.invoicing_period->end_date = model::Date{2026, 11, 30};
  CHECK(co_ids(invoice).count("BR-CO-19") == 0);

  // BR-CO-26: BT-29, BT-30 or BT-31 identifies the seller.
  invoice = consistent();
  invoice.seller.vat_identifier.reset();
  CHECK(co_ids(invoice).count("BR-CO-26") == 1);
  invoice.seller.legal_registration_identifier = model::Identifier{"542107651", {}, {}};
  CHECK(co_ids(invoice).count("BR-CO-26") == 0);
}

namespace {

std::set<std::string> co_ids_of(const std::string& xml) {
  auto read = engine::read_invoice(xml, "test.xml");
  REQUIRE(read);
  REQUIRE(read->document);
  std::set<std::string> out;
  for (const auto& diagnostic : validation::check_rules(read->parsed.invoice, read->source_syntax,
                                                        &*read->document, "test.xml")) {
    if (diagnostic.rule_id.rfind("BR-CO-", 0) == 0)
      out.insert(diagnostic.rule_id);
  }
  return out;
}

// Lines 100.00 + 50.00; BT-106 as given; BT-109 150.00, VAT 30.00, BT-112 as given.
std::string ubl_totals(const std::string& line_total, const std::string& with_vat) {
  return "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\""
         " xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\""
         " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">"
         "<cbc:ID>1</cbc:ID><cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>"
         "<cac:TaxTotal><cbc:TaxAmount currencyID=\"EUR\">30.00</cbc:TaxAmount></cac:TaxTotal>"
         "<cac:LegalMonetaryTotal><cbc:LineExtensionAmount currencyID=\"EUR\">" +
         line_total +
         "</cbc:LineExtensionAmount>"
         "<cbc:TaxExclusiveAmount currencyID=\"EUR\">150.00</cbc:TaxExclusiveAmount>"
         "<cbc:TaxInclusiveAmount currencyID=\"EUR\">" +
         with_vat +
         "</cbc:TaxInclusiveAmount>"
         "<cbc:PayableAmount currencyID=\"EUR\">" +
         with_vat +
         "</cbc:PayableAmount></cac:LegalMonetaryTotal>"
         "<cac:InvoiceLine><cbc:ID>1</cbc:ID>"
         "<cbc:LineExtensionAmount currencyID=\"EUR\">100.00</cbc:LineExtensionAmount>"
         "</cac:InvoiceLine>"
         "<cac:InvoiceLine><cbc:ID>2</cbc:ID>"
         "<cbc:LineExtensionAmount currencyID=\"EUR\">50.00</cbc:LineExtensionAmount>"
         "</cac:InvoiceLine></Invoice>";
}

std::string cii_totals(const std::string& line_total, const std::string& grand_total) {
  return "<rsm:CrossIndustryInvoice"
         " xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\""
         " xmlns:ram=\"urn:un:unece:uncefact:data:standard:"
         "ReusableAggregateBusinessInformationEntity:100\""
         " xmlns:udt=\"urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100\">"
         "<rsm:SupplyChainTradeTransaction>"
         "<ram:IncludedSupplyChainTradeLineItem><ram:SpecifiedLineTradeSettlement>"
         "<ram:SpecifiedTradeSettlementLineMonetarySummation>"
         "<ram:LineTotalAmount>100.00</ram:LineTotalAmount>"
         "</ram:SpecifiedTradeSettlementLineMonetarySummation>"
         "</ram:SpecifiedLineTradeSettlement></ram:IncludedSupplyChainTradeLineItem>"
         "<ram:IncludedSupplyChainTradeLineItem><ram:SpecifiedLineTradeSettlement>"
         "<ram:SpecifiedTradeSettlementLineMonetarySummation>"
         "<ram:LineTotalAmount>50.00</ram:LineTotalAmount>"
         "</ram:SpecifiedTradeSettlementLineMonetarySummation>"
         "</ram:SpecifiedLineTradeSettlement></ram:IncludedSupplyChainTradeLineItem>"
         "<ram:ApplicableHeaderTradeSettlement>"
         "<ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>"
         "<ram:SpecifiedTradeSettlementHeaderMonetarySummation>"
         "<ram:LineTotalAmount>" +
         line_total +
         "</ram:LineTotalAmount>"
         "<ram:TaxBasisTotalAmount>150.00</ram:TaxBasisTotalAmount>"
         "<ram:TaxTotalAmount currencyID=\"EUR\">30.00</ram:TaxTotalAmount>"
         "<ram:GrandTotalAmount>" +
         grand_total +
         "</ram:GrandTotalAmount>"
         "<ram:DuePayableAmount>" +
         grand_total +
         "</ram:DuePayableAmount>"
         "</ram:SpecifiedTradeSettlementHeaderMonetarySummation>"
         "</ram:ApplicableHeaderTradeSettlement></rsm:SupplyChainTradeTransaction>"
         "</rsm:CrossIndustryInvoice>";
}

}  // namespace

TEST_CASE("BR-CO: sums on small UBL and CII documents", "[calculation]") {
  // BR-CO-10: BT-106 = 100.00 + 50.00 = 150.00; BR-CO-15: BT-112 = 150.00 + 30.00 = 180.00.
  auto ids = co_ids_of(ubl_totals("150.00", "180.00"));
  CHECK(ids.count("BR-CO-10") == 0);
  CHECK(ids.count("BR-CO-15") == 0);
  ids = co_ids_of(ubl_totals("150.01", "181.00"));
  CHECK(ids.count("BR-CO-10") == 1);
  CHECK(ids.count("BR-CO-15") == 1);

  ids = co_ids_of(cii_totals("150.00", "180.00"));
  CHECK(ids.count("BR-CO-10") == 0);
  CHECK(ids.count("BR-CO-15") == 0);
  ids = co_ids_of(cii_totals("150.01", "181.00"));
  CHECK(ids.count("BR-CO-10") == 1);
  CHECK(ids.count("BR-CO-15") == 1);
}

TEST_CASE("BR-CO-17: the one-unit tolerance is strict in UBL and inclusive in CII",
          "[calculation]") {
  // Expected: round(10.05 x 5.5 / 100 x 100) / 100 = round(55.275) / 100 = 0.55.
  // UBL: |BT-117| - 1 < 0.55 and |BT-117| + 1 > 0.55; CII: <= and >=.
  auto invoice = consistent();
  auto& vat = invoice.vat_breakdowns[0];
  vat.taxable_amount = d("10.05");
  vat.rate = d("5.5");
  vat.tax_amount = d("1.54");  // 0.54 < 0.55: holds in both
  CHECK(co_ids(invoice).count("BR-CO-17") == 0);
  CHECK(co_ids(invoice, detect::Syntax::kUblInvoice).count("BR-CO-17") == 0);
  vat.tax_amount = d("1.55");  // 0.55 < 0.55 is false in UBL, 0.55 <= 0.55 holds in CII
  CHECK(co_ids(invoice).count("BR-CO-17") == 0);
  CHECK(co_ids(invoice, detect::Syntax::kUblInvoice).count("BR-CO-17") == 1);
  vat.tax_amount = d("1.56");  // fails in both
  CHECK(co_ids(invoice).count("BR-CO-17") == 1);
  CHECK(co_ids(invoice, detect::Syntax::kUblInvoice).count("BR-CO-17") == 1);
  vat.tax_amount = d("-0.44");  // abs: 0.44, within one unit
  CHECK(co_ids(invoice, detect::Syntax::kUblInvoice).count("BR-CO-17") == 0);

  // Rate rounding to 0: BT-117 must round to 0 (XPath round: .5 goes up).
  vat.rate = d("0");
  vat.tax_amount = d("0.49");
  CHECK(co_ids(invoice).count("BR-CO-17") == 0);
  vat.tax_amount = d("0.50");
  CHECK(co_ids(invoice).count("BR-CO-17") == 1);
}

TEST_CASE("BR-CO-12: the sum of charges on document level", "[calculation]") {
  auto invoice = consistent();
  model::AllowanceCharge charge;
  charge.amount = d("5.00");
  charge.reason = "freight";
  charge.vat_category_code = "S";
  charge.vat_rate = d("20");
  invoice.charges = {charge, charge};
  invoice.totals.charge_total = d("5.00");  // 5.00 + 5.00 = 10.00
  CHECK(co_ids(invoice).count("BR-CO-12") == 1);
  invoice.totals.charge_total = d("10.00");
  CHECK(co_ids(invoice).count("BR-CO-12") == 0);
  // BR-CO-13: BT-109 = 150.00 - 0 + 10.00 = 160.00.
  CHECK(co_ids(invoice).count("BR-CO-13") == 1);
  invoice.totals.total_without_vat = d("160.00");
  CHECK(co_ids(invoice).count("BR-CO-13") == 0);
}

TEST_CASE("BR-CO-09: the buyer's VAT identifier needs a prefix too", "[calculation]") {
  auto invoice = consistent();
  invoice.buyer.vat_identifier = "123456789";
  CHECK(co_ids(invoice).count("BR-CO-09") == 1);
  CHECK(co_ids(invoice, detect::Syntax::kUblInvoice).count("BR-CO-09") == 1);
  invoice.buyer.vat_identifier = "EL123456789";  // Greece uses EL
  CHECK(co_ids(invoice).count("BR-CO-09") == 0);
}

}  // namespace einvoice

namespace einvoice {
namespace {

std::set<std::string> all_ids(const model::Invoice& invoice, detect::Syntax syntax) {
  std::set<std::string> out;
  for (const auto& diagnostic : validation::check_rules(invoice, syntax, nullptr, "data"))
    out.insert(diagnostic.rule_id);
  return out;
}

}  // namespace

// Issue 12, defect 3: the sums overflowed 36 digits and the rules needing
// them were dropped. Now they are computed exactly, on the model as on
// documents, in both flavours.
TEST_CASE("BR-CO-10 and BR-S-08 hold their ground at the limits of Decimal", "[calculation]") {
  const std::string max(36, '9');
  for (auto syntax : {detect::Syntax::kCii, detect::Syntax::kUblInvoice}) {
    INFO(static_cast<int>(syntax));
    auto invoice = consistent();
    invoice.lines[0].net_amount = d(("1" + std::string(35, '0')).c_str());  // 10^35
    auto ids = all_ids(invoice, syntax);
    CHECK(ids.count("BR-CO-10") == 1);
    CHECK(ids.count("BR-S-08") == 1);

    // Two lines of 36 nines and a line of 0.000000000000000001: no sum fits in
    // 36 digits, yet every rule is evaluated.
    invoice = consistent();
    invoice.lines = {line(max.c_str(), "20"), line(max.c_str(), "20"),
                     line("0.000000000000000001", "20")};
    ids = all_ids(invoice, syntax);
    CHECK(ids.count("BR-CO-10") == 1);
    CHECK(ids.count("BR-S-08") == 1);

    // The largest negative amounts.
    invoice = consistent();
    invoice.lines[0].net_amount = d(("-" + max).c_str());
    invoice.vat_breakdowns[0].taxable_amount = d(("-" + max).c_str());
    ids = all_ids(invoice, syntax);
    CHECK(ids.count("BR-CO-10") == 1);
    CHECK(ids.count("BR-S-08") == 1);
    CHECK(ids.count("BR-S-09") == 1);  // 30.00 is not 20 % of -10^36
    CHECK(ids.count("BR-CO-17") == 1);
  }
}

}  // namespace einvoice
