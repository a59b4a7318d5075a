#pragma once

// Runs the einvoice program in a scratch folder: real processes, real files.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "tests/scratch_folder.h"

namespace einvoice::testing {

namespace fs = std::filesystem;

struct Run {
  int exit_code;
  std::string out;
  std::string err;
};

inline std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A fresh scratch folder per test case, removed afterwards, where einvoice runs.
class Scratch {
 public:
  const fs::path& dir() const { return folder_.dir(); }

  Run run(const std::string& arguments) const {
    std::string command = std::string(EINVOICE_EXE) + " " + arguments + " >" +
                          (dir() / "stdout").string() + " 2>" + (dir() / "stderr").string();
    int status = std::system(command.c_str());
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return {code, slurp(dir() / "stdout"), slurp(dir() / "stderr")};
  }

 private:
  ScratchFolder folder_{"einvoice-cli-"};
};

inline std::string corpus(const std::string& relative) {
  return (fs::path(EINVOICE_CORPUS_DIR) / relative).string();
}

inline std::string schemas() {
  return std::string(" --schemas ") + EINVOICE_SCHEMA_DIR;
}

}  // namespace einvoice::testing
