#pragma once

// The official EN 16931 verdicts of the shared corpus (manifest.json of
// en16931/ and en16931-mutants/), and einvoice's own verdict on the same
// files, reduced to what the official artefacts report: the sets of fatal
// and warning rule ids.

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "validation/rules.h"

namespace einvoice::test {

// What the official test suite expects of a rule-test file.
struct RuleTestExpectation {
  std::vector<std::string> scope;
  // rule id -> {flag ("fatal"/"warning"), count (0 when not stated)}
  std::map<std::string, std::pair<std::string, int>> fire;
  std::vector<std::string> not_fire;
};

struct OfficialVerdict {
  std::string name;             // manifest key, e.g. "ubl/rule-tests/Invoice-BR-01-t1.xml"
  std::filesystem::path path;   // absolute
  std::set<std::string> fatal;  // official fatal rule ids
  std::set<std::string> warning;
  std::optional<std::string> aborted;  // the official run failed (e.g. non-numeric amount)
  std::optional<RuleTestExpectation> expectation;
};

std::vector<OfficialVerdict> en16931_verdicts();  // 1,203 files
std::vector<OfficialVerdict> mutant_verdicts();   // en16931-mutants

struct OwnVerdict {
  std::optional<std::string> unreadable;  // why the file could not be read at all
  std::set<std::string> fatal;            // official-style ids only (EINV-* left out)
  std::set<std::string> warning;
  std::set<std::string> own_fatal;    // EINV-* ids reported fatal
  std::map<std::string, int> counts;  // "BR-CO-10/fatal" -> number of findings
};

OwnVerdict own_verdict(const std::filesystem::path& file,
                       validation::Profile profile = validation::Profile::kEn16931);

// Rule ids to compare: those starting with one of the comma-separated
// prefixes of the EINVOICE_RULE_FILTER environment variable; every id when it
// is unset or "all".
bool compared(const std::string& rule_id);

// "name: fatal missing [..] extra [..]; warning missing [..] extra [..]", or
// empty when the verdicts agree on the compared ids.
std::string disagreement(const OfficialVerdict& official, const OwnVerdict& own);

// Per rule id: how many files the official artefacts flag and einvoice does
// not (missed), and the reverse (extra), over `lines` of disagreement().
std::string summary_by_rule(const std::vector<std::pair<OfficialVerdict, OwnVerdict>>& results);

}  // namespace einvoice::test
