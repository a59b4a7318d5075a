// einvoice's EN 16931 verdicts against the official artefacts' verdicts on
// the shared corpus: for every file, the set of fatal rule ids and the set of
// warning rule ids must be the same.

#include <catch2/catch.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "official_verdicts.h"

namespace einvoice::test {
namespace {

// Files where einvoice deliberately differs from the official artefacts, each
// with the reason. Empty: every difference is a defect to fix.
struct KnownDisagreement {
  const char* file;
  const char* reason;
};
const std::vector<KnownDisagreement>& known_disagreements() {
  static const std::vector<KnownDisagreement> known = {};
  return known;
}

const char* known_reason(const std::string& name) {
  for (const auto& known : known_disagreements()) {
    if (name == known.file)
      return known.reason;
  }
  return nullptr;
}

std::string first_lines(const std::vector<std::string>& lines, std::size_t most = 60) {
  std::string out;
  for (std::size_t i = 0; i < lines.size() && i < most; ++i)
    out += lines[i] + "\n";
  if (lines.size() > most)
    out += "... and " + std::to_string(lines.size() - most) + " more\n";
  return out;
}

// Compares every verdict, prints the agreement figures and returns the
// unexplained disagreements.
std::vector<std::string> compare_all(const std::vector<OfficialVerdict>& verdicts,
                                     const char* corpus) {
  std::vector<std::pair<OfficialVerdict, OwnVerdict>> results;
  std::vector<std::string> failures;
  std::size_t agreed = 0, compared_files = 0;
  for (const auto& official : verdicts) {
    OwnVerdict own = own_verdict(official.path);
    if (official.aborted) {
      // The official XSLT stopped (e.g. on "12,50"): einvoice must refuse the
      // file or report a fatal finding of its own, and not crash.
      if (!own.unreadable && own.own_fatal.empty() && own.fatal.empty())
        failures.push_back(official.name + ": official run aborted (" + *official.aborted +
                           ") but einvoice found nothing fatal");
      continue;
    }
    ++compared_files;
    std::string line = disagreement(official, own);
    if (line.empty())
      ++agreed;
    else if (!known_reason(official.name))
      failures.push_back(line);
    results.emplace_back(official, std::move(own));
  }
  std::cout << corpus << ": " << agreed << " of " << compared_files
            << " files get the official verdict";
  if (!failures.empty())
    std::cout << "; by rule (files where the official verdict has it and einvoice not, and the "
                 "reverse):\n"
              << summary_by_rule(results);
  std::cout << "\n";
  return failures;
}

TEST_CASE("Every official example and rule test gets the official EN 16931 verdict",
          "[validation][corpus]") {
  auto verdicts = en16931_verdicts();
  REQUIRE(verdicts.size() == 1203);
  auto failures = compare_all(verdicts, "en16931");
  INFO(first_lines(failures));
  CHECK(failures.empty());
}

TEST_CASE("Every mutant gets the official EN 16931 verdict", "[validation][corpus]") {
  auto verdicts = mutant_verdicts();
  REQUIRE(verdicts.size() > 2000);
  auto failures = compare_all(verdicts, "en16931-mutants");
  INFO(first_lines(failures));
  CHECK(failures.empty());
}

TEST_CASE("Every rule test meets the official test suite's expectation", "[validation][corpus]") {
  std::vector<std::string> failures;
  std::size_t checked = 0;
  for (const auto& official : en16931_verdicts()) {
    if (!official.expectation)
      continue;
    ++checked;
    OwnVerdict own = own_verdict(official.path);
    if (own.unreadable) {
      failures.push_back(official.name + ": unreadable: " + *own.unreadable);
      continue;
    }
    for (const auto& [rule, want] : official.expectation->fire) {
      if (!compared(rule))
        continue;
      const auto& [flag, count] = want;
      auto it = own.counts.find(rule + "/" + flag);
      int got = it == own.counts.end() ? 0 : it->second;
      if (got == 0 || (count > 0 && got != count))
        failures.push_back(official.name + ": " + rule + " should fire " +
                           (count > 0 ? std::to_string(count) + " time(s)" : "") + " as " + flag +
                           ", fired " + std::to_string(got));
    }
    for (const auto& rule : official.expectation->not_fire) {
      if (compared(rule) && (own.fatal.count(rule) || own.warning.count(rule)))
        failures.push_back(official.name + ": " + rule + " should not fire");
    }
  }
  CHECK(checked == 1140);
  INFO(first_lines(failures));
  CHECK(failures.empty());
}

}  // namespace
}  // namespace einvoice::test
