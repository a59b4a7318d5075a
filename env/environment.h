#pragma once

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace einvoice::env {

// The process environment's variables, behind an interface so that tests set
// them without touching the process. Implementations are thread-safe.
class Environment {
 public:
  virtual ~Environment() = default;
  // The value of `name`; nullopt when unset (an empty value is returned as is).
  virtual std::optional<std::string> get(std::string_view name) const = 0;
};

// The process's own variables (getenv). Safe while nothing calls setenv or
// putenv, which einvoice never does after start-up.
class ProcessEnvironment final : public Environment {
 public:
  std::optional<std::string> get(std::string_view name) const override;
};

// Variables from a map, for tests.
class MapEnvironment final : public Environment {
 public:
  MapEnvironment() = default;
  MapEnvironment(std::initializer_list<std::pair<const std::string, std::string>> variables)
      : variables_(variables) {}
  std::optional<std::string> get(std::string_view name) const override {
    auto it = variables_.find(name);
    return it == variables_.end() ? std::nullopt : std::optional<std::string>(it->second);
  }

 private:
  std::map<std::string, std::string, std::less<>> variables_;
};

}  // namespace einvoice::env
