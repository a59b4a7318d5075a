#pragma once

// Helpers of the end-to-end tests that run the einvoice program as a process
// (several at once where a test needs it: each run has its own output files).

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace einvoice::test {

inline std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

struct Outcome {
  int exit_code = -1;
  std::string out, err;
};

// Runs einvoice with `arguments` (and the source tree's schemas); its output
// is kept in `dir` under `tag`, so concurrent runs need distinct tags.
inline Outcome run_einvoice(const std::filesystem::path& dir, const std::string& tag,
                            const std::string& arguments) {
  const std::filesystem::path out = dir / (tag + ".out"), err = dir / (tag + ".err");
  const std::string command = std::string(EINVOICE_EXE) + " " + arguments + " --schemas " +
                              EINVOICE_SCHEMA_DIR + " >" + out.string() + " 2>" + err.string();
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_all(out), read_all(err)};
}

inline std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t count = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++count;
  return count;
}

// A fresh folder in the temporary directory, removed with everything in it.
class Folder {
 public:
  explicit Folder(const std::string& name)
      : path_(std::filesystem::temp_directory_path() /
              ("einvoice-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~Folder() { std::filesystem::remove_all(path_); }
  Folder(const Folder&) = delete;
  Folder& operator=(const Folder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// `text` with the first `from` replaced by `to`; REQUIRES `from` in `text`.
inline std::string replace_first(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  if (at != std::string::npos)
    text.replace(at, from.size(), to);
  return text;
}

}  // namespace einvoice::test
