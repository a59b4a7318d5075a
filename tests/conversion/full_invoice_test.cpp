// A synthetic invoice with every term present, for what the official examples
// never use (payment card, direct debit, BT-90, BT-158-2, ...): each writer
// puts every term exactly where the independent binding table looks, and the
// conversion keeps every term. Run as an Invoice (380) and a CreditNote (381).

#include "tests/conversion/full_invoice.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <utility>

#include "model/term_list.h"
#include "tests/conversion/conversion_support.h"

namespace einvoice::conversion_test {
namespace {

constexpr Syntax kSyntaxes[] = {Syntax::kCii, Syntax::kUbl};
constexpr const char* kTypeCodes[] = {"380", "381"};

// The model's terms as the binding table of `syntax` would find them.
TermValues expected_terms(Syntax syntax, const model::Invoice& invoice) {
  std::map<std::string, TermKind> kinds;
  for (const auto& binding : table(syntax).bindings)
    kinds[binding.term] = binding.kind;
  TermValues out;
  for (const auto& term : model::flatten_terms(invoice)) {
    auto kind = kinds.find(term.id);
    out[term.id].push_back(
        normalise(kind == kinds.end() ? TermKind::kText : kind->second, term.value));
  }
  return out;
}

std::vector<std::string> sorted(std::vector<std::string> values) {
  std::sort(values.begin(), values.end());
  return values;
}

TEST_CASE("each writer puts every term of a full invoice where its binding table looks",
          "[conversion][full]") {
  for (const char* type_code : kTypeCodes) {
    const model::Invoice invoice = full_invoice(type_code);
    for (Syntax syntax : kSyntaxes) {
      const std::string name = std::string("full-") + type_code + "." + to_string(syntax);
      const TermValues expected = expected_terms(syntax, invoice);
      const std::string xml = write(syntax, invoice);
      const std::string issues = schema_issues(syntax, xml, name);
      if (!issues.empty())
        FAIL_CHECK(issues);
      TermValues found = probe(syntax, xml, name);
      if (syntax == Syntax::kUbl)
        apply_note_subject_convention(found);
      std::vector<std::string> wrong;
      for (const auto& [term, values] : expected) {
        auto it = found.find(term);
        const std::vector<std::string> got =
            it == found.end() ? std::vector<std::string>{} : it->second;
        if (sorted(values) != sorted(got))
          wrong.push_back(name + ": " + term + ": model " + show(values) + " vs written " +
                          show(got));
      }
      for (const auto& [term, values] : found) {
        if (!expected.count(term))
          wrong.push_back(name + ": " + term + ": not in the model, written " + show(values));
      }
      INFO(name);
      CHECK(expected.size() >= 170);
      if (!wrong.empty()) {
        std::string message;
        for (const auto& line : wrong)
          message += line + "\n";
        FAIL_CHECK(message);
      }
    }
  }
}

TEST_CASE("a full invoice converts both ways without losing a term", "[conversion][full]") {
  for (const char* type_code : kTypeCodes) {
    const model::Invoice invoice = full_invoice(type_code);
    for (Syntax from : kSyntaxes) {
      const std::string name = std::string("full-") + type_code + "." + to_string(from);
      auto result = convert_and_compare(from, name, write(from, invoice));
      INFO(name);
      CHECK(result.checked_terms.size() >= 170);
      std::string message;
      for (const auto& line : result.failures)
        message += line + "\n";
      if (!message.empty())
        FAIL_CHECK(message);
    }
  }
}

TEST_CASE("BT-8 is translated between UNTDID 2475 (CII) and UNTDID 2005 (UBL)",
          "[conversion][full]") {
  // BR-CL-06 of each syntax: CII 5/29/72, UBL 3/35/432 (invoice, delivery,
  // payment date). The official CII examples never use BT-8.
  const std::pair<const char*, const char*> kCodes[] = {{"5", "3"}, {"29", "35"}, {"72", "432"}};
  for (const auto& [cii_code, ubl_code] : kCodes) {
    for (Syntax from : kSyntaxes) {
      model::Invoice invoice = full_invoice("380");
      invoice.vat_point_date.reset();  // BR-CO-3: BT-7 and BT-8 exclude each other
      invoice.vat_point_date_code = from == Syntax::kCii ? cii_code : ubl_code;
      const std::string name =
          std::string("full-bt8-") + *invoice.vat_point_date_code + "." + to_string(from);
      auto result = convert_and_compare(from, name, write(from, invoice));
      INFO(name);
      CHECK(std::count(result.checked_terms.begin(), result.checked_terms.end(), "BT-8") == 1);
      for (const auto& line : result.failures)
        FAIL_CHECK(line);
    }
  }
}

}  // namespace
}  // namespace einvoice::conversion_test
