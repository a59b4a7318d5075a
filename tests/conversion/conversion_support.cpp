#include "tests/conversion/conversion_support.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <string_view>
#include <utility>

#include "formats/cii/cii_reader.h"
#include "formats/cii/cii_writer.h"
#include "formats/ubl/ubl_reader.h"
#include "formats/ubl/ubl_writer.h"
#include "formats/xsd/schema_validator.h"

namespace einvoice::conversion_test {
namespace {

// BT-8 uses UNTDID 2475 in CII and UNTDID 2005 in UBL (BR-CL-06 of each
// syntax): invoice date, delivery date, payment date.
constexpr std::pair<std::string_view, std::string_view> kCiiToUblTaxPointCodes[] = {
    {"5", "3"}, {"29", "35"}, {"72", "432"}};

std::string translate_tax_point_code(Syntax from, const std::string& code) {
  for (const auto& [cii, ubl] : kCiiToUblTaxPointCodes) {
    if (from == Syntax::kCii && code == cii)
      return std::string(ubl);
    if (from == Syntax::kUbl && code == ubl)
      return std::string(cii);
  }
  return code;
}

bool is_subject_code(std::string_view code) {
  return code.size() == 3 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

const KnownLoss* find_known_loss(const std::string& file, Syntax from, const std::string& term) {
  for (const KnownLoss& loss : known_losses()) {
    if (loss.from == from && term == loss.term && file == loss.file)
      return &loss;
  }
  return nullptr;
}

const xsd::SchemaValidator& validator() {
  static const xsd::SchemaValidator instance{std::filesystem::path(EINVOICE_SCHEMA_DIR)};
  return instance;
}

}  // namespace

const char* to_string(Syntax syntax) {
  return syntax == Syntax::kCii ? "CII" : "UBL";
}

Syntax other(Syntax syntax) {
  return syntax == Syntax::kCii ? Syntax::kUbl : Syntax::kCii;
}

std::vector<std::filesystem::path> examples(Syntax syntax) {
  const auto folder = std::filesystem::path(EINVOICE_CORPUS_DIR) / "en16931" /
                      (syntax == Syntax::kCii ? "cii" : "ubl") / "examples";
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.is_regular_file() && entry.path().extension() == ".xml")
      out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

const BindingTable& table(Syntax syntax) {
  const auto folder = std::filesystem::path(EINVOICE_TESTDATA_DIR) / "bindings";
  static const model::Result<BindingTable> cii = load_binding_table(folder / "cii.tsv");
  static const model::Result<BindingTable> ubl = load_binding_table(folder / "ubl.tsv");
  const model::Result<BindingTable>& loaded = syntax == Syntax::kCii ? cii : ubl;
  if (!loaded.ok())
    FAIL(loaded.error().describe());
  return loaded.value();
}

TermValues probe(Syntax syntax, const std::string& xml, const std::string& name) {
  auto found = probe_terms(xml, table(syntax), name);
  if (!found.ok())
    FAIL(found.error().describe());
  return std::move(found).value();
}

model::Invoice read(Syntax from, const std::string& xml, const std::string& name) {
  auto parsed = from == Syntax::kCii ? cii::read_cii(xml, name) : ubl::read_ubl(xml, name);
  if (!parsed.ok())
    FAIL(name << ": " << parsed.error().describe());
  return std::move(parsed).value().invoice;
}

std::string write(Syntax to, const model::Invoice& invoice) {
  return to == Syntax::kCii ? cii::write_cii(invoice) : ubl::write_ubl(invoice);
}

std::string schema_issues(Syntax syntax, const std::string& xml, const std::string& name) {
  auto report = validator().validate(
      xml, syntax == Syntax::kCii ? xsd::SchemaId::kCiiD16B : xsd::SchemaId::kUbl21, name);
  if (!report.ok())
    return report.error().describe();
  std::string out;
  for (const auto& issue : report->issues) {
    out += name + ":" + std::to_string(issue.location.line) + ":" +
           std::to_string(issue.location.column) + " " + issue.message + "\n";
  }
  if (!report->valid && out.empty())
    out = name + ": invalid\n";
  return report->valid ? std::string() : out;
}

const std::vector<KnownLoss>& known_losses() {
  static const char* const kOnePrecedingInvoice =
      "CII D16B has one ram:InvoiceReferencedDocument (0..1): BG-3 beyond the first has no place";
  static const char* const kDerivedGrossPrice =
      "CII carries BT-147 only with a ram:ChargeAmount (BT-148): a BT-147 without BT-148 gets "
      "the gross price it implies (BT-146 + BT-147)";
  static const std::vector<KnownLoss> losses = {
      {Syntax::kUbl, "guide-example2.xml", "BT-148", kDerivedGrossPrice},
      {Syntax::kUbl, "ubl-tc434-example2.xml", "BT-148", kDerivedGrossPrice},
      {Syntax::kUbl, "ubl-tc434-test-1.xml", "BT-148", kDerivedGrossPrice},
      {Syntax::kUbl, "Invoice-Max_content.xml", "BT-25", kOnePrecedingInvoice},
      {Syntax::kUbl, "CreditNote-Max_content.xml", "BT-25", kOnePrecedingInvoice},
  };
  return losses;
}

const std::vector<KnownRoundTripDifference>& known_round_trip_differences() {
  static const char* const kOnePrecedingInvoice =
      "CII D16B has one ram:InvoiceReferencedDocument (0..1): BG-3 beyond the first is lost";
  static const char* const kIdBeforeGlobalId =
      "the D16B sequence puts every ram:ID (BT-29 without scheme) before every ram:GlobalID";
  static const char* const kDiscountNeedsGrossPrice =
      "CII holds BT-147 only inside ram:GrossPriceProductTradePrice, whose ram:ChargeAmount "
      "(BT-148) D16B requires: a BT-147 without BT-148 is lost, or comes back with a derived "
      "BT-148";
  static const char* const kAllowanceNeedsAmount =
      "a UBL cac:AllowanceCharge requires cbc:Amount: a BT-148 without BT-147 comes back with "
      "the discount it implies (BT-148 - BT-146) as BT-147";
  static const char* const kTaxTotalNeedsAmount =
      "a UBL cac:TaxTotal requires cbc:TaxAmount: a source without BT-110 comes back with the "
      "sum of its BT-117 as BT-110";
  static const std::vector<KnownRoundTripDifference> differences = {
      {Syntax::kCii, "CII_example7.xml", "BT-110", kTaxTotalNeedsAmount},
      {Syntax::kCii, "XRechnung-O.xml", "BT-110", kTaxTotalNeedsAmount},
      {Syntax::kUbl, "Invoice-Max_content.xml", "BG-3[", kOnePrecedingInvoice},
      {Syntax::kUbl, "CreditNote-Max_content.xml", "BG-3[", kOnePrecedingInvoice},
      {Syntax::kUbl, "Invoice-Max_content.xml", "BG-4/BT-29[", kIdBeforeGlobalId},
      {Syntax::kUbl, "CreditNote-Max_content.xml", "BG-4/BT-29[", kIdBeforeGlobalId},
      {Syntax::kUbl, "guide-example2.xml", "/BG-29/BT-147", kDiscountNeedsGrossPrice},
      {Syntax::kUbl, "guide-example2.xml", "/BG-29/BT-148", kDiscountNeedsGrossPrice},
      {Syntax::kUbl, "ubl-tc434-example2.xml", "/BG-29/BT-147", kDiscountNeedsGrossPrice},
      {Syntax::kUbl, "ubl-tc434-example2.xml", "/BG-29/BT-148", kDiscountNeedsGrossPrice},
      {Syntax::kUbl, "ubl-tc434-test-1.xml", "/BG-29/BT-147", kDiscountNeedsGrossPrice},
      {Syntax::kUbl, "ubl-tc434-test-1.xml", "/BG-29/BT-148", kDiscountNeedsGrossPrice},
      {Syntax::kCii, "CII-BR-CO-10-RoundingIssue.xml", "/BG-29/BT-147", kAllowanceNeedsAmount},
  };
  return differences;
}

std::vector<std::string> unexplained_differences(const std::string& file, Syntax from,
                                                 const std::vector<std::string>& differences,
                                                 std::vector<std::string>& explained) {
  std::vector<std::string> out;
  for (const std::string& line : differences) {
    const KnownRoundTripDifference* known = nullptr;
    for (const auto& candidate : known_round_trip_differences()) {
      if (candidate.from == from && file == candidate.file &&
          line.find(candidate.path_part) != std::string::npos)
        known = &candidate;
    }
    if (known != nullptr)
      explained.push_back(file + ": " + line + " (" + known->reason + ")");
    else
      out.push_back(line);
  }
  return out;
}

TermComparison compare_terms(const std::string& file, Syntax from, TermValues source,
                             TermValues converted) {
  apply_note_subject_convention(from == Syntax::kUbl ? source : converted);
  std::vector<std::string> untranslated_codes;
  if (auto codes = source.find("BT-8"); codes != source.end()) {
    untranslated_codes = codes->second;
    for (std::string& code : codes->second)
      code = translate_tax_point_code(from, code);
  }
  TermComparison out;
  for (auto& [term, values] : source) {
    out.checked_terms.push_back(term);
    std::vector<std::string> got;
    if (auto it = converted.find(term); it != converted.end())
      got = it->second;
    std::vector<std::string> want = values;
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    if (want == got)
      continue;
    std::string line = file + ": " + term + ": source ";
    if (term == "BT-8")
      line += show(untranslated_codes) + " (" + to_string(other(from)) + " " + show(values) + ")";
    else
      line += show(values);
    line += " vs converted " + show(converted.count(term) ? converted.at(term) : got);
    if (const KnownLoss* loss = find_known_loss(file, from, term))
      out.expected_losses.push_back(line + " (" + loss->reason + ")");
    else
      out.failures.push_back(line);
  }
  for (const auto& [term, values] : converted) {
    if (!source.count(term))
      out.extra_terms.push_back(file + ": " + term + ": converted " + show(values));
  }
  return out;
}

void apply_note_subject_convention(TermValues& terms) {
  auto notes = terms.find("BT-22");
  if (notes == terms.end())
    return;
  for (std::string& note : notes->second) {
    if (note.size() < 5 || note[0] != '#' || note[4] != '#' ||
        !is_subject_code(std::string_view(note).substr(1, 3)))
      continue;
    terms["BT-21"].push_back(note.substr(1, 3));
    note = normalise(TermKind::kText, std::string_view(note).substr(5));
  }
  // A note that held only its subject leaves no BT-22 value.
  auto& values = terms["BT-22"];
  values.erase(std::remove(values.begin(), values.end(), std::string()), values.end());
  if (values.empty())
    terms.erase("BT-22");
}

TermComparison convert_and_compare(Syntax from, const std::string& name, const std::string& xml) {
  const Syntax to = other(from);
  const std::string converted = write(to, read(from, xml, name));
  return compare_terms(name, from, probe(from, xml, name),
                       probe(to, converted, name + " (converted)"));
}

std::string show(const std::vector<std::string>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0)
      out += ", ";
    out += values[i].size() > 60 ? values[i].substr(0, 57) + "..." : values[i];
  }
  return out + "]";
}

}  // namespace einvoice::conversion_test
