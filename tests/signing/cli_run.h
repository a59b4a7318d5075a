#pragma once

// Runs the einvoice program built with the tests (EINVOICE_EXE) as a real
// process, with the test PKCS#12's password in its environment.

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "tests/signing/test_pki.h"

namespace einvoice::signing::testing {

struct Outcome {
  int status = -1;
  std::string output;  // stdout and stderr together
};

// Runs `einvoice <arguments>` with EINVOICE_P12_PASSWORD=test-only-password;
// its output goes through `dir`/run.log.
inline Outcome einvoice_run(const TempDir& dir, const std::string& arguments) {
  const std::filesystem::path log = dir.path() / "run.log";
  const std::string command = "EINVOICE_P12_PASSWORD=test-only-password " +
                              std::string(EINVOICE_EXE) + " " + arguments + " >" + quote(log) +
                              " 2>&1";
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_text(log)};
}

}  // namespace einvoice::signing::testing
