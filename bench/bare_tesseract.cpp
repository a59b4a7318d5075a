#include "bench/bare_tesseract.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

extern char** environ;

namespace einvoice::bench {
namespace {

// A temporary file removed when it goes out of scope.
class TemporaryImage {
 public:
  explicit TemporaryImage(const std::string& bytes) {
    const char* dir = std::getenv("TMPDIR");
    path_ = std::string(dir && *dir ? dir : "/tmp") + "/einvoice-bare-tesseract-XXXXXX";
    const int fd = mkstemp(path_.data());
    if (fd < 0) {
      path_.clear();
      return;
    }
    std::size_t written = 0;
    while (written < bytes.size()) {
      const ssize_t n = write(fd, bytes.data() + written, bytes.size() - written);
      if (n <= 0)
        break;
      written += static_cast<std::size_t>(n);
    }
    close(fd);
    if (written != bytes.size()) {
      unlink(path_.c_str());
      path_.clear();
    }
  }
  ~TemporaryImage() {
    if (!path_.empty())
      unlink(path_.c_str());
  }
  TemporaryImage(const TemporaryImage&) = delete;
  TemporaryImage& operator=(const TemporaryImage&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

std::optional<double> time_bare_tesseract(const std::string& image, const std::string& languages,
                                          int page_segmentation) {
  TemporaryImage file(image);
  if (file.path().empty())
    return std::nullopt;
  const std::string psm = std::to_string(page_segmentation);
  std::vector<std::string> args = {"tesseract", file.path(), "stdout", "-l",
                                   languages,   "--psm",     psm};
  std::vector<char*> argv;
  for (auto& arg : args)
    argv.push_back(arg.data());
  argv.push_back(nullptr);
  // One thread, as einvoice reads a page; the environment otherwise as ours.
  std::vector<std::string> env_strings = {"OMP_THREAD_LIMIT=1"};
  for (char** e = environ; *e; ++e) {
    if (std::string(*e).rfind("OMP_THREAD_LIMIT=", 0) != 0)
      env_strings.emplace_back(*e);
  }
  std::vector<char*> envp;
  for (auto& entry : env_strings)
    envp.push_back(entry.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  const auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, "tesseract", &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0)
    return std::nullopt;
  int status = 0;
  if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return std::nullopt;
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace einvoice::bench
