#pragma once

// What the archive tests share: an environment with a clock they move, real
// files in a scratch folder, direct access to the catalog to tamper with it,
// and the einvoice program run as a real process.

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "archive/archive.h"
#include "archive/export_verifier.h"
#include "env/clock.h"
#include "env/env.h"
#include "env/environment.h"
#include "env/file_system.h"
#include "env/random_source.h"

namespace einvoice::archive::testing {

// The local file system and randomness, a manual clock (15 March 2026 unless
// told), no environment variables.
struct TestEnv {
  explicit TestEnv(std::chrono::sys_days start = std::chrono::sys_days(std::chrono::year(2026) /
                                                                       std::chrono::March / 15))
      : clock(start) {}
  env::ManualClock clock;
  env::LocalFileSystem files{env::system_random()};
  env::MapEnvironment variables;
  env::Env env{files, clock, env::system_random(), variables,
               std::filesystem::temp_directory_path()};
};

// An invoice of SIREN 832147656 dated 5 January 2026, to deposit.
inline DepositItem invoice_item(std::string bytes, std::string name) {
  DocumentMetadata metadata;
  metadata.file_name = std::move(name);
  metadata.siren = "832147656";
  metadata.document_class = DocumentClass::kInvoice;
  metadata.invoice_date = "2026-01-05";
  return {std::move(bytes), metadata};
}

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline void spit(const std::filesystem::path& path, const std::string& content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

// Runs one SQL statement on the archive's catalog behind its back (tampering).
inline bool tamper_sql(const std::filesystem::path& archive, const std::string& sql) {
  sqlite3* db = nullptr;
  bool ok = sqlite3_open((archive / "catalog.sqlite").c_str(), &db) == SQLITE_OK &&
            sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
  sqlite3_close(db);
  return ok;
}

// Starts `einvoice` with `arguments`, stdout to `out`, stderr to `err`.
// Returns the child's pid.
inline pid_t start_einvoice(const std::vector<std::string>& arguments,
                            const std::filesystem::path& out, const std::filesystem::path& err) {
  const pid_t child = ::fork();
  if (child == 0) {
    const int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(out_fd, 1);
    ::dup2(err_fd, 2);
    std::vector<char*> argv;
    static std::string program = EINVOICE_EXE;
    argv.push_back(program.data());
    for (const auto& argument : arguments)
      argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    ::execv(program.c_str(), argv.data());
    ::_exit(127);
  }
  return child;
}

inline int wait_exit_code(pid_t child) {
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

struct Run {
  int exit_code = -1;
  std::string out, err;
};

// Runs `einvoice` with `arguments` to its end, its output kept in `dir`.
inline Run run_einvoice(const std::vector<std::string>& arguments,
                        const std::filesystem::path& dir) {
  const auto out = dir / "stdout.txt", err = dir / "stderr.txt";
  Run run;
  run.exit_code = wait_exit_code(start_einvoice(arguments, out, err));
  run.out = slurp(out);
  run.err = slurp(err);
  return run;
}

// The failed checks of `verification`, one "subject: check -- detail" line
// each; empty when it passed.
inline std::string failed_checks(const ExportVerification& verification) {
  std::string text;
  for (const auto& c : verification.checks) {
    if (!c.passed)
      text += c.subject + ": " + c.check + " -- " + c.detail + "\n";
  }
  return text;
}

}  // namespace einvoice::archive::testing
