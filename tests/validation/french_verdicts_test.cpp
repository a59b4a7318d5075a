// einvoice's French (BR-FR) verdicts against the official ones on the shared
// corpus: for each CII file of ../shared/corpus/fr-verdicts-cii.jsonl, the
// sets of BR-FR fatal and warning ids reported with the profile "fr" equal
// those of the FNFE-MPE Schematron v1.4.0.03.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "official_verdicts.h"

namespace einvoice::test {
namespace {

std::set<std::string> french_only(const std::set<std::string>& ids) {
  std::set<std::string> out;
  for (const auto& id : ids) {
    if (id.rfind("BR-FR-", 0) == 0)
      out.insert(id);
  }
  return out;
}

std::string listed(const std::set<std::string>& ids) {
  std::string out;
  for (const auto& id : ids)
    out += (out.empty() ? "" : " ") + id;
  return out;
}

}  // namespace

TEST_CASE("Every CII file gets the official French verdict", "[validation][french][corpus]") {
  const std::filesystem::path corpus = EINVOICE_CORPUS_DIR;
  std::ifstream in(corpus / "fr-verdicts-cii.jsonl");
  REQUIRE(in);
  std::string row;
  int files = 0, agreed = 0;
  std::string failures;
  while (std::getline(in, row)) {
    if (row.empty())
      continue;
    const auto entry = nlohmann::json::parse(row);
    const std::set<std::string> fatal = entry.at("fatal").get<std::set<std::string>>();
    const std::set<std::string> warning = entry.at("warning").get<std::set<std::string>>();
    const OwnVerdict own =
        own_verdict(corpus / entry.at("file").get<std::string>(), validation::Profile::kFrance);
    ++files;
    const auto own_fatal = french_only(own.fatal);
    const auto own_warning = french_only(own.warning);
    if (own_fatal == fatal && own_warning == warning) {
      ++agreed;
      continue;
    }
    failures += entry.at("file").get<std::string>() + ": official fatal [" + listed(fatal) +
                "] einvoice [" + listed(own_fatal) + "]; official warning [" + listed(warning) +
                "] einvoice [" + listed(own_warning) + "]\n";
  }
  INFO(failures);
  CHECK(files == 20);
  CHECK(agreed == files);
}

}  // namespace einvoice::test
