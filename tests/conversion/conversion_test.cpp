// Conversion keeps every business term: for each official example, the terms
// the source's binding table finds must be found, with the same values, by
// the other syntax's table in the converted document. Round trips give back
// the model first read, and every written document is XSD-valid.

#include <catch2/catch.hpp>
#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>
#include <string>

#include "model/term_list.h"
#include "tests/conversion/conversion_support.h"

namespace einvoice::conversion_test {
namespace {

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines)
    out += line + "\n";
  return out;
}

// Converts every example of `from` to the other syntax and compares terms.
void check_terms_survive(Syntax from) {
  const Syntax to = other(from);
  std::vector<std::string> failures, expected, extra;
  std::set<std::string> checked;
  const auto files = examples(from);
  for (const auto& path : files) {
    const std::string name = path.filename().string();
    auto result = convert_and_compare(from, name, load(path));
    failures.insert(failures.end(), result.failures.begin(), result.failures.end());
    expected.insert(expected.end(), result.expected_losses.begin(), result.expected_losses.end());
    extra.insert(extra.end(), result.extra_terms.begin(), result.extra_terms.end());
    checked.insert(result.checked_terms.begin(), result.checked_terms.end());
  }
  std::cout << to_string(from) << " -> " << to_string(to) << ": " << files.size() << " files, "
            << checked.size() << " distinct term ids checked, " << failures.size()
            << " lost or changed, " << expected.size() << " known losses\n"
            << (expected.empty() ? "" : "  known losses:\n" + joined(expected))
            << (extra.empty() ? ""
                              : "  terms only in the conversion (not checked):\n" + joined(extra))
            << std::flush;
  CHECK(checked.size() >= 60);
  if (!failures.empty())
    FAIL_CHECK(to_string(from) << " -> " << to_string(to) << " lost or changed:\n"
                               << joined(failures));
}

// X -> Y -> X: the model read back at the end equals the model first read,
// and both written documents are XSD-valid.
void check_round_trips(Syntax from) {
  const Syntax via = other(from);
  std::vector<std::string> explained;
  for (const auto& path : examples(from)) {
    const std::string name = path.filename().string();
    INFO(to_string(from) << " -> " << to_string(via) << " -> " << to_string(from) << ": " << name);
    const model::Invoice first = read(from, load(path), name);
    const std::string converted = write(via, first);
    const std::string back = write(from, read(via, converted, name + " (converted)"));
    const model::Invoice last = read(from, back, name + " (round trip)");
    if (!(first == last)) {
      auto unexplained =
          unexplained_differences(name, from, model::diff_terms(first, last), explained);
      if (!unexplained.empty())
        FAIL_CHECK(joined(unexplained));
    }
    const std::string issues = schema_issues(via, converted, name + " (converted)") +
                               schema_issues(from, back, name + " (round trip)");
    if (!issues.empty())
      FAIL_CHECK(issues);
  }
  if (!explained.empty()) {
    std::cout << to_string(from) << " -> " << to_string(via) << " -> " << to_string(from)
              << " known differences:\n"
              << joined(explained) << std::flush;
  }
}

TEST_CASE("CII to UBL keeps every business term of the source", "[conversion]") {
  check_terms_survive(Syntax::kCii);
}

TEST_CASE("UBL to CII keeps every business term of the source", "[conversion]") {
  check_terms_survive(Syntax::kUbl);
}

TEST_CASE("CII to UBL to CII gives back the model first read, XSD-valid on the way",
          "[conversion][round-trip][xsd]") {
  check_round_trips(Syntax::kCii);
}

TEST_CASE("UBL to CII to UBL gives back the model first read, XSD-valid on the way",
          "[conversion][round-trip][xsd]") {
  check_round_trips(Syntax::kUbl);
}

TEST_CASE("the term comparison catches a lost or changed value", "[conversion]") {
  TermValues source{{"BT-1", {"INV-1"}}, {"BT-131", {"10.00", "20.00"}}};
  CHECK(compare_terms("f.xml", Syntax::kCii, source, source).failures.empty());
  TermValues changed{{"BT-1", {"INV-1"}}, {"BT-131", {"10.00", "20.0"}}};
  auto result = compare_terms("f.xml", Syntax::kCii, source, changed);
  REQUIRE(result.failures.size() == 1);
  CHECK(result.failures[0] == "f.xml: BT-131: source [10.00, 20.00] vs converted [10.00, 20.0]");
  TermValues lost{{"BT-131", {"20.00", "10.00"}}};
  result = compare_terms("f.xml", Syntax::kCii, source, lost);
  REQUIRE(result.failures.size() == 1);
  CHECK(result.failures[0] == "f.xml: BT-1: source [INV-1] vs converted []");
}

TEST_CASE("the term comparison applies the documented syntax equivalences", "[conversion]") {
  // BT-21 in a UBL note prefix; BT-8 in UNTDID 2475 (CII) vs 2005 (UBL).
  TermValues cii{{"BT-21", {"AAI"}}, {"BT-22", {"Note one", "Note two"}}, {"BT-8", {"29"}}};
  TermValues ubl{{"BT-22", {"#AAI#Note one", "Note two"}}, {"BT-8", {"35"}}};
  CHECK(compare_terms("f.xml", Syntax::kCii, cii, ubl).failures.empty());
  CHECK(compare_terms("f.xml", Syntax::kUbl, ubl, cii).failures.empty());
  TermValues untranslated{
      {"BT-21", {"AAI"}}, {"BT-22", {"Note one", "Note two"}}, {"BT-8", {"35"}}};
  CHECK(compare_terms("f.xml", Syntax::kUbl, ubl, untranslated).failures.size() == 1);
}

}  // namespace
}  // namespace einvoice::conversion_test
