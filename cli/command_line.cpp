#include "cli/command_line.h"

#include <algorithm>
#include <csignal>
#include <iostream>
#include <vector>

#include "cli/commands.h"

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void einvoice_cancel_on_interrupt(int) {
  g_interrupted.store(true);
}

}  // namespace

namespace einvoice::cli {

CancelOnInterrupt::CancelOnInterrupt() {
  g_interrupted.store(false);
  std::signal(SIGINT, einvoice_cancel_on_interrupt);
}

CancelOnInterrupt::~CancelOnInterrupt() {
  std::signal(SIGINT, SIG_DFL);
}

const std::atomic<bool>* CancelOnInterrupt::flag() const {
  return &g_interrupted;
}

std::optional<int> parse_command_line(CLI::App& app, int argc, char** argv, int first) {
  try {
    // CLI11 takes the arguments last first.
    std::vector<std::string> args(argv + first, argv + argc);
    std::reverse(args.begin(), args.end());
    app.parse(args);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    return usage_problem(app, e.what());
  }
  return std::nullopt;
}

void add_jobs_option(CLI::App& app, unsigned& jobs) {
  app.add_option_function<std::string>(
      "--jobs,--threads",
      [&jobs](const std::string& value) {
        const bool digits = !value.empty() && value.size() <= 4 &&
                            value.find_first_not_of("0123456789") == std::string::npos;
        if (!digits) {
          throw CLI::ValidationError("--jobs needs a whole number of threads, not '" + value + "'");
        }
        jobs = static_cast<unsigned>(std::stoul(value));
      },
      "worker threads (default: all cores)");
}

int usage_problem(const CLI::App& app, const std::string& problem) {
  std::string name = app.get_name();
  for (const CLI::App* parent = app.get_parent(); parent != nullptr; parent = parent->get_parent())
    name = parent->get_name() + " " + name;
  std::cerr << name << ": " << problem << "\nRun with --help for more information.\n";
  return kExitUsage;
}

}  // namespace einvoice::cli
