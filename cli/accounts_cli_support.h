#pragma once

// What the einvoice accounts subcommands share: JSON lines, UTC times, exit
// codes from errors, a line read on stdin.

#include <chrono>
#include <cstdint>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "engine/accounts_jobs.h"
#include "env/clock.h"

namespace einvoice::cli {

inline std::string dump_line(const nlohmann::json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

inline std::string utc_seconds(std::int64_t seconds) {
  return env::utc_timestamp(std::chrono::system_clock::time_point(std::chrono::seconds(seconds)));
}

// Prints `error`; exit 1 for a rule refusing, 2 for usage and I/O.
inline int accounts_failure(std::string_view command, const model::Error& error) {
  print_error(command, error);
  return engine::is_accounts_refusal(error) ? kExitInvalid : kExitUsage;
}

// The first line on stdin, at most `limit` bytes, its CR dropped; `rule`
// names the refusal when it is longer.
inline model::Result<std::string> read_stdin_line(std::size_t limit, std::string_view rule) {
  std::string line;
  std::getline(std::cin, line);
  if (line.size() > limit)
    return model::Error{
        model::ErrorCode::kLimitExceeded,
        std::string(rule) + ": more than " + std::to_string(limit) + " bytes on stdin",
        {}};
  if (!line.empty() && line.back() == '\r')
    line.pop_back();
  return line;
}

}  // namespace einvoice::cli
