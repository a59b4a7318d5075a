#include "env/environment.h"

#include <cstdlib>

namespace einvoice::env {

std::optional<std::string> ProcessEnvironment::get(std::string_view name) const {
  const std::string key(name);
  if (const char* value = std::getenv(key.c_str()))
    return std::string(value);
  return std::nullopt;
}

}  // namespace einvoice::env
