#pragma once

// CLI11 glue shared by the subcommands: parsing argv from the subcommand's
// first own argument, and the exit code when parsing ends the command.

#include <CLI/CLI.hpp>
#include <atomic>
#include <optional>
#include <string>

namespace einvoice::cli {

// Parses argv[first..argc) into `app`. nullopt when the command goes on;
// otherwise the exit code: kExitOk after --help (printed on stdout), kExitUsage
// after a parse error (printed on stderr as "einvoice <command>: problem" with
// a pointer to --help).
std::optional<int> parse_command_line(CLI::App& app, int argc, char** argv, int first);

// --jobs N (also --threads N, its older name): worker threads, 0 or absent
// for all cores. A value that is not a whole number (up to 9999) is a parse
// error: "--jobs needs a whole number of threads, not 'two'".
void add_jobs_option(CLI::App& app, unsigned& jobs);

// A usage problem found after parsing (options that exclude each other...),
// printed like a parse error. Returns kExitUsage.
int usage_problem(const CLI::App& app, const std::string& problem);

// While alive, Ctrl-C (SIGINT) sets flag() instead of ending the process,
// for a batch to stop starting new documents; the default is restored after.
// One at a time.
class CancelOnInterrupt {
 public:
  CancelOnInterrupt();
  ~CancelOnInterrupt();
  CancelOnInterrupt(const CancelOnInterrupt&) = delete;
  CancelOnInterrupt& operator=(const CancelOnInterrupt&) = delete;
  const std::atomic<bool>* flag() const;
};

}  // namespace einvoice::cli
