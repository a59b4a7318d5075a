#include "official_verdicts.h"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string_view>

#include "engine/converter.h"

namespace einvoice::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

json load_json(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error("cannot open " + path.string());
  return json::parse(in);
}

std::set<std::string> id_set(const json& list) {
  std::set<std::string> out;
  for (const auto& id : list)
    out.insert(id.get<std::string>());
  return out;
}

RuleTestExpectation expectation_of(const json& expect) {
  RuleTestExpectation out;
  const json scope = expect.value("scope", json::array());
  const json not_fire = expect.value("not_fire", json::array());
  const json fire = expect.value("fire", json::object());
  for (const auto& id : scope)
    out.scope.push_back(id.get<std::string>());
  for (const auto& id : not_fire)
    out.not_fire.push_back(id.get<std::string>());
  for (const auto& [flag, rules] : fire.items()) {
    for (const auto& [rule, count] : rules.items())
      out.fire[rule] = {flag, count.is_number() ? count.get<int>() : 0};
  }
  return out;
}

std::string join(const std::set<std::string>& ids) {
  std::string out = "[";
  for (const auto& id : ids)
    out += (out.size() > 1 ? " " : "") + id;
  return out + "]";
}

std::set<std::string> filtered(const std::set<std::string>& ids) {
  std::set<std::string> out;
  for (const auto& id : ids) {
    if (compared(id))
      out.insert(id);
  }
  return out;
}

std::set<std::string> minus(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::set<std::string> out;
  for (const auto& id : a) {
    if (!b.count(id))
      out.insert(id);
  }
  return out;
}

}  // namespace

std::vector<OfficialVerdict> en16931_verdicts() {
  const fs::path root = fs::path(EINVOICE_CORPUS_DIR) / "en16931";
  json manifest = load_json(root / "manifest.json");
  std::vector<OfficialVerdict> out;
  for (const auto& [name, entry] : manifest.at("files").items()) {
    OfficialVerdict v;
    v.name = name;
    v.path = root / name;
    v.fatal = id_set(entry.at("official").at("fatal"));
    v.warning = id_set(entry.at("official").at("warning"));
    if (entry.value("kind", "") == "rule-test")
      v.expectation = expectation_of(entry.at("expect"));
    out.push_back(std::move(v));
  }
  return out;
}

std::vector<OfficialVerdict> mutant_verdicts() {
  const fs::path root = fs::path(EINVOICE_CORPUS_DIR) / "en16931-mutants";
  json manifest = load_json(root / "manifest.json");
  std::vector<OfficialVerdict> out;
  for (const auto& entry : manifest.at("files")) {
    OfficialVerdict v;
    v.name = entry.at("file").get<std::string>();
    v.path = root / v.name;
    const json& oracle = entry.at("oracle");
    if (oracle.contains("error")) {
      v.aborted = oracle.at("error").get<std::string>();
    } else {
      v.fatal = id_set(oracle.at("fatal"));
      v.warning = id_set(oracle.at("warning"));
    }
    out.push_back(std::move(v));
  }
  return out;
}

OwnVerdict own_verdict(const fs::path& file, validation::Profile profile) {
  OwnVerdict out;
  std::ifstream in(file, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto read = engine::read_invoice(bytes, file.filename().string());
  if (!read) {
    out.unreadable = read.error().message;
    return out;
  }
  validation::RuleOptions options;
  options.profile = profile;
  model::Diagnostics findings = read->parsed.diagnostics;
  model::Diagnostics rules = validation::check_rules(read->parsed.invoice, read->source_syntax,
                                                     read->document ? &*read->document : nullptr,
                                                     file.filename().string(), options);
  findings.insert(findings.end(), rules.begin(), rules.end());
  for (const auto& d : findings) {
    const bool fatal = d.severity == model::Severity::kFatal;
    if (d.rule_id.rfind("EINV-", 0) == 0) {
      if (fatal)
        out.own_fatal.insert(d.rule_id);
      continue;
    }
    (fatal ? out.fatal : out.warning).insert(d.rule_id);
    ++out.counts[d.rule_id + (fatal ? "/fatal" : "/warning")];
  }
  return out;
}

// Every family is complete: all ids are compared unless
// EINVOICE_RULE_FILTER names some (to measure one family while working on it).
constexpr const char* kDefaultFilter = "all";

bool compared(const std::string& rule_id) {
  const char* filter = std::getenv("EINVOICE_RULE_FILTER");
  if (filter == nullptr || *filter == '\0')
    filter = kDefaultFilter;
  if (std::string_view(filter) == "all")
    return true;
  std::stringstream prefixes(filter);
  std::string prefix;
  while (std::getline(prefixes, prefix, ',')) {
    if (!prefix.empty() && rule_id.rfind(prefix, 0) == 0)
      return true;
  }
  return false;
}

std::string disagreement(const OfficialVerdict& official, const OwnVerdict& own) {
  if (own.unreadable)
    return official.name + ": unreadable: " + *own.unreadable;
  auto want_fatal = filtered(official.fatal), got_fatal = filtered(own.fatal);
  auto want_warning = filtered(official.warning), got_warning = filtered(own.warning);
  if (want_fatal == got_fatal && want_warning == got_warning)
    return {};
  std::string out = official.name + ":";
  auto part = [&](const char* what, const std::set<std::string>& want,
                  const std::set<std::string>& got) {
    auto missing = minus(want, got), extra = minus(got, want);
    if (!missing.empty())
      out += std::string(" ") + what + " missing " + join(missing);
    if (!extra.empty())
      out += std::string(" ") + what + " extra " + join(extra);
  };
  part("fatal", want_fatal, got_fatal);
  part("warning", want_warning, got_warning);
  return out;
}

std::string summary_by_rule(const std::vector<std::pair<OfficialVerdict, OwnVerdict>>& results) {
  std::map<std::string, std::pair<int, int>> by_rule;  // id -> {missed, extra}
  for (const auto& [official, own] : results) {
    if (own.unreadable)
      continue;
    auto want = filtered(official.fatal), got = filtered(own.fatal);
    want.insert(official.warning.begin(), official.warning.end());
    got.insert(own.warning.begin(), own.warning.end());
    want = filtered(want);
    got = filtered(got);
    for (const auto& id : minus(want, got))
      ++by_rule[id].first;
    for (const auto& id : minus(got, want))
      ++by_rule[id].second;
  }
  std::string out;
  for (const auto& [id, counts] : by_rule) {
    out += "  " + id + ": missed in " + std::to_string(counts.first) + ", extra in " +
           std::to_string(counts.second) + "\n";
  }
  return out;
}

}  // namespace einvoice::test
