#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace einvoice::cli {

// What a subcommand accepts: options taking a value ("--to cii", "--to=cii",
// "-o out") and flags without value ("--resume").
struct ArgumentSpec {
  std::set<std::string> with_value;
  std::set<std::string> flags;
};

// Parsed command-line arguments of one subcommand.
struct Arguments {
  std::vector<std::string> positional;
  std::map<std::string, std::string> values;                   // the last value of each option
  std::map<std::string, std::vector<std::string>> all_values;  // every value, in order
  std::set<std::string> flags;

  bool has(const std::string& flag) const { return flags.count(flag) > 0; }
  std::optional<std::string> value(const std::string& option) const;
  // Every value of a repeatable option ("--set A=1 --set B=2").
  std::vector<std::string> values_of(const std::string& option) const;
};

// Parses argv[first..argc). On a usage problem returns nullopt and sets
// `error` to a sentence naming the offending argument. "--" ends options.
std::optional<Arguments> parse_arguments(int argc, char** argv, int first, const ArgumentSpec& spec,
                                         std::string& error);

}  // namespace einvoice::cli
