// The binding tables themselves: well-formed, complete over BT-1 ... BT-165,
// and finding on every official example the terms every invoice has, so that
// a broken XPath cannot make the conversion test pass by finding nothing.

#include <catch2/catch.hpp>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "tests/conversion/conversion_support.h"

namespace einvoice::conversion_test {
namespace {

constexpr Syntax kSyntaxes[] = {Syntax::kCii, Syntax::kUbl};

// Terms present in every valid EN 16931 invoice with at least one line.
constexpr const char* kAlwaysPresent[] = {
    "BT-1",   "BT-2",   "BT-3",   "BT-5",   "BT-24",  "BT-27",  "BT-40",  "BT-44",
    "BT-55",  "BT-106", "BT-109", "BT-112", "BT-115", "BT-116", "BT-117", "BT-118",
    "BT-126", "BT-129", "BT-130", "BT-131", "BT-146", "BT-151", "BT-153"};

TEST_CASE("binding tables load and every XPath compiles", "[conversion][bindings]") {
  for (Syntax syntax : kSyntaxes) {
    const BindingTable& t = table(syntax);
    INFO(t.name);
    CHECK(t.bindings.size() > 170);
    auto bad = uncompilable_bindings(t);
    INFO(show(bad));
    CHECK(bad.empty());
  }
}

TEST_CASE("binding tables bind or explain every term BT-1 ... BT-165", "[conversion][bindings]") {
  for (Syntax syntax : kSyntaxes) {
    const BindingTable& t = table(syntax);
    std::set<std::string> covered;
    for (const auto& binding : t.bindings)
      covered.insert(binding.term);
    for (const auto& unbound : t.unbound) {
      INFO(t.name << ": " << unbound.term);
      CHECK_FALSE(unbound.reason.empty());
      CHECK(covered.insert(unbound.term).second);
    }
    std::vector<std::string> missing;
    for (int n = 1; n <= 165; ++n) {
      if (n == 4)  // EN 16931-1 has no BT-4.
        continue;
      const std::string id = "BT-" + std::to_string(n);
      if (!covered.count(id))
        missing.push_back(id);
    }
    INFO(t.name << " lacks " << show(missing));
    CHECK(missing.empty());
  }
}

TEST_CASE("binding tables find the mandatory terms on every official example",
          "[conversion][bindings]") {
  for (Syntax syntax : kSyntaxes) {
    const auto files = examples(syntax);
    REQUIRE(files.size() >= 15);
    for (const auto& path : files) {
      const std::string name = path.filename().string();
      const TermValues terms = probe(syntax, load(path), name);
      for (const char* term : kAlwaysPresent) {
        INFO(to_string(syntax) << " " << name << ": " << term);
        CHECK(terms.count(term) == 1);
      }
      // One BT-131 per line, one line id per line.
      INFO(to_string(syntax) << " " << name);
      CHECK(terms.count("BT-126") == 1);
      CHECK(terms.count("BT-131") == 1);
      if (terms.count("BT-126") && terms.count("BT-131"))
        CHECK(terms.at("BT-126").size() == terms.at("BT-131").size());
      CHECK(terms.size() >= 25);
    }
  }
}

TEST_CASE("the term probe normalises values as documented", "[conversion][bindings]") {
  CHECK(normalise(TermKind::kDate, " 20240131\n") == "2024-01-31");
  CHECK(normalise(TermKind::kDate, "2024-01-31") == "2024-01-31");
  CHECK(normalise(TermKind::kDecimal, " 100.50 ") == "100.50");
  CHECK(normalise(TermKind::kDecimal, "+0.10") == "0.10");
  CHECK(normalise(TermKind::kDecimal, "64.") == "64");
  CHECK(normalise(TermKind::kDecimal, "-.5") == "-0.5");
  CHECK(normalise(TermKind::kDecimal, "100.0") != normalise(TermKind::kDecimal, "100"));
  CHECK(normalise(TermKind::kText, "\n  Seller \t") == "Seller");
  CHECK(normalise(TermKind::kCode, "  ") == "");
}

TEST_CASE("coverage of the binding tables over the official examples",
          "[conversion][bindings][coverage]") {
  std::ostringstream summary;
  summary << "Business terms found by the binding tables in the official examples:\n";
  for (Syntax syntax : kSyntaxes) {
    std::map<std::string, int> files_per_term;
    const auto files = examples(syntax);
    for (const auto& path : files) {
      for (const auto& [term, values] : probe(syntax, load(path), path.filename().string()))
        ++files_per_term[term];
    }
    std::set<std::string> main_terms, sub_terms;
    for (const auto& [term, count] : files_per_term)
      (term.find('-', 3) == std::string::npos ? main_terms : sub_terms).insert(term);
    std::vector<std::string> never;
    for (const auto& binding : table(syntax).bindings) {
      if (!files_per_term.count(binding.term))
        never.push_back(binding.term);
    }
    summary << "  " << to_string(syntax) << ": " << files.size() << " files, "
            << files_per_term.size() << " distinct term ids of " << table(syntax).bindings.size()
            << " bound (" << main_terms.size() << " BT, " << sub_terms.size()
            << " sub-terms); never found: " << show(never) << "\n";
    CHECK(files_per_term.size() >= 60);
  }
  std::cout << summary.str() << std::flush;
}

}  // namespace
}  // namespace einvoice::conversion_test
