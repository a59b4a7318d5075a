#include "cli/arguments.h"

namespace einvoice::cli {

std::optional<std::string> Arguments::value(const std::string& option) const {
  auto it = values.find(option);
  if (it == values.end())
    return std::nullopt;
  return it->second;
}

std::vector<std::string> Arguments::values_of(const std::string& option) const {
  auto it = all_values.find(option);
  return it == all_values.end() ? std::vector<std::string>{} : it->second;
}

std::optional<Arguments> parse_arguments(int argc, char** argv, int first, const ArgumentSpec& spec,
                                         std::string& error) {
  Arguments args;
  bool options_ended = false;
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    if (options_ended || arg.size() < 2 || arg[0] != '-') {
      args.positional.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_ended = true;
      continue;
    }
    std::string name = arg;
    std::optional<std::string> inline_value;
    if (auto eq = arg.find('='); eq != std::string::npos && arg.rfind("--", 0) == 0) {
      name = arg.substr(0, eq);
      inline_value = arg.substr(eq + 1);
    }
    if (spec.flags.count(name)) {
      if (inline_value) {
        error = "option " + name + " takes no value";
        return std::nullopt;
      }
      args.flags.insert(name);
    } else if (spec.with_value.count(name)) {
      if (inline_value) {
        args.values[name] = *inline_value;
      } else if (i + 1 < argc) {
        args.values[name] = argv[++i];
      } else {
        error = "option " + name + " needs a value";
        return std::nullopt;
      }
      args.all_values[name].push_back(args.values[name]);
    } else {
      error = "unknown option " + name;
      return std::nullopt;
    }
  }
  return args;
}

}  // namespace einvoice::cli
