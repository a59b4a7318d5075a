#include "env/local_output_folder.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <system_error>

#include "env/random_source.h"

namespace einvoice::env {
namespace fs = std::filesystem;
using model::Error;
using model::ErrorCode;

namespace {

// Keeps ".NAME.einvoice-tmp-PID-RANDOM" within NAME_MAX (255).
constexpr std::size_t kMaxNameInTemporary = 200;
// Folders deeper than this below an output folder are not swept for leftovers.
constexpr int kMaxSweepDepth = 64;

Error io_error(const fs::path& path, const std::string& what) {
  return Error{ErrorCode::kIo, what, {path.string(), "", 0, 0}};
}

std::string errno_text(int error) {
  return std::strerror(error);
}

// An owned file descriptor, closed on destruction.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(Fd&& other) noexcept : fd_(other.release()) {}
  Fd& operator=(Fd&& other) noexcept {
    if (this != &other) {
      reset();
      fd_ = other.release();
    }
    return *this;
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }

  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  int release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }
  void reset() {
    if (fd_ >= 0)
      ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

constexpr int kDirectoryFlags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;

// What a path that could not be opened as a folder is, for the message.
std::string not_a_folder_reason(int dir_fd, const char* name, int open_errno) {
  struct stat st {};
  if (::fstatat(dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
    if (S_ISLNK(st.st_mode))
      return "is a symbolic link; outputs are never written through a link";
    if (!S_ISDIR(st.st_mode))
      return "is not a folder";
  }
  return "cannot open folder: " + errno_text(open_errno);
}

// kRandomDigits hex digits from `random`. Should the source fail, only the
// name's unpredictability suffers (O_EXCL keeps the creation safe): the
// standard library's device fills in.
std::string random_digits(const RandomSource& random) {
  if (auto hex = random_hex(random, kRandomDigits / 2))
    return *hex;
  std::random_device device;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < kRandomDigits; ++i)
    out += kHex[device() & 15];
  return out;
}

std::string temporary_name_for(const std::string& name, const RandomSource& random) {
  // Appended piece by piece: "." + std::string&& trips GCC 12's -O3
  // -Wrestrict false positive (GCC bug 105329).
  std::string temporary = ".";
  temporary += name.substr(0, kMaxNameInTemporary);
  temporary += kTemporaryMarker;
  temporary += std::to_string(::getpid());
  temporary += '-';
  temporary += random_digits(random);
  return temporary;
}

// True when the process that wrote temporary `name` is gone.
bool owner_has_ended(std::string_view name) {
  long owner = temporary_owner(name);
  if (owner <= 0 || owner > std::numeric_limits<pid_t>::max())
    return false;
  if (owner == static_cast<long>(::getpid()))
    return false;
  return ::kill(static_cast<pid_t>(owner), 0) != 0 && errno == ESRCH;
}

model::Status write_all(int fd, std::string_view content, const fs::path& where) {
  std::size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      const int error = errno;
      if (error == EINTR)
        continue;
      return io_error(where, "write failed: " + errno_text(error));
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    const int error = errno;
    return io_error(where, "cannot flush to disk: " + errno_text(error));
  }
  return model::Status::Ok();
}

class LocalOutputFolder final : public OutputFolder {
 public:
  LocalOutputFolder(fs::path path, Fd dir, const RandomSource& random)
      : path_(std::move(path)), dir_(std::move(dir)), random_(random) {}

  const fs::path& path() const override { return path_; }

  model::Status write(const fs::path& relative, std::string_view content) const override {
    if (auto checked = check_relative(relative); !checked)
      return io_error(path_ / relative, checked.error().message);
    const fs::path target = path_ / relative;
    auto parent = open_parent(relative, /*create=*/true);
    if (!parent)
      return parent.error();
    const std::string name = relative.filename().string();
    struct stat st {};
    if (::fstatat(parent->get(), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
      if (S_ISLNK(st.st_mode))
        return io_error(target, "is a symbolic link; refusing to replace it (remove it first)");
      if (S_ISDIR(st.st_mode))
        return io_error(target, "is a folder, not a file");
    }
    std::string temporary;
    Fd file;
    for (int attempt = 0; attempt < 8 && !file.valid(); ++attempt) {
      temporary = temporary_name_for(name, random_);
      file = Fd(::openat(parent->get(), temporary.c_str(),
                         O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666));
      if (!file.valid() && errno != EEXIST)
        break;
    }
    if (!file.valid()) {
      const int error = errno;
      return io_error(target.parent_path() / temporary,
                      "cannot create temporary file: " + errno_text(error));
    }
    auto discard = [&] { ::unlinkat(parent->get(), temporary.c_str(), 0); };
    if (auto written = write_all(file.get(), content, target.parent_path() / temporary); !written) {
      discard();
      return written;
    }
    if (::close(file.release()) != 0) {
      int error = errno;
      discard();
      return io_error(target, "write failed: " + errno_text(error));
    }
    if (::renameat(parent->get(), temporary.c_str(), parent->get(), name.c_str()) != 0) {
      int error = errno;
      discard();
      return io_error(target, "cannot replace file: " + errno_text(error));
    }
    if (::fsync(parent->get()) != 0) {
      const int error = errno;
      return io_error(target.parent_path(), "cannot flush folder to disk: " + errno_text(error));
    }
    return model::Status::Ok();
  }

  bool has_file(const fs::path& relative) const override {
    if (!check_relative(relative))
      return false;
    auto parent = open_parent(relative, /*create=*/false);
    if (!parent)
      return false;
    struct stat st {};
    return ::fstatat(parent->get(), relative.filename().c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
           S_ISREG(st.st_mode);
  }

  model::Status remove(const fs::path& relative) const override {
    if (auto checked = check_relative(relative); !checked)
      return io_error(path_ / relative, checked.error().message);
    const fs::path target = path_ / relative;
    auto parent = open_parent(relative, /*create=*/false);
    if (!parent)
      return errno == ENOENT ? model::Status::Ok() : model::Status(parent.error());
    const std::string name = relative.filename().string();
    struct stat st {};
    if (::fstatat(parent->get(), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
      return model::Status::Ok();
    if (S_ISDIR(st.st_mode))
      return io_error(target, "is a folder, not a file");
    if (::unlinkat(parent->get(), name.c_str(), 0) != 0 && errno != ENOENT) {
      const int error = errno;
      return io_error(target, "cannot remove: " + errno_text(error));
    }
    if (::fsync(parent->get()) != 0) {
      const int error = errno;
      return io_error(target.parent_path(), "cannot flush folder to disk: " + errno_text(error));
    }
    return model::Status::Ok();
  }

  std::size_t remove_leftovers() const override { return sweep(dir_.get(), 0); }

 private:
  // The folder holding `relative`, reached component by component without
  // following links; missing folders are created when `create`.
  model::Result<Fd> open_parent(const fs::path& relative, bool create) const {
    Fd current(::fcntl(dir_.get(), F_DUPFD_CLOEXEC, 0));
    if (!current.valid()) {
      const int error = errno;
      return io_error(path_, "cannot open folder: " + errno_text(error));
    }
    fs::path reached = path_;
    for (const auto& component : relative.parent_path()) {
      const std::string name = component.string();
      reached /= component;
      if (create && ::mkdirat(current.get(), name.c_str(), 0777) != 0 && errno != EEXIST) {
        const int error = errno;
        return io_error(reached, "cannot create folder: " + errno_text(error));
      }
      Fd next(::openat(current.get(), name.c_str(), kDirectoryFlags));
      if (!next.valid()) {
        const int error = errno;
        return io_error(reached, not_a_folder_reason(current.get(), name.c_str(), error));
      }
      current = std::move(next);
    }
    return current;
  }

  // Removes ended writers' temporaries in the folder `dir_fd` and below.
  static std::size_t sweep(int dir_fd, int depth) {
    Fd copy(::openat(dir_fd, ".", kDirectoryFlags));
    if (!copy.valid())
      return 0;
    DIR* listing = ::fdopendir(copy.get());
    if (!listing)
      return 0;
    copy.release();  // owned by `listing` now
    std::size_t removed = 0;
    while (const dirent* entry = ::readdir(listing)) {
      std::string_view name = entry->d_name;
      if (name == "." || name == "..")
        continue;
      struct stat st {};
      if (::fstatat(dir_fd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        continue;
      if (S_ISDIR(st.st_mode) && depth < kMaxSweepDepth) {
        Fd sub(::openat(dir_fd, entry->d_name, kDirectoryFlags));
        if (sub.valid())
          removed += sweep(sub.get(), depth + 1);
      } else if (S_ISREG(st.st_mode) && is_temporary_name(name) && owner_has_ended(name)) {
        if (::unlinkat(dir_fd, entry->d_name, 0) == 0)
          ++removed;
      }
    }
    ::closedir(listing);
    return removed;
  }

  fs::path path_;
  Fd dir_;
  const RandomSource& random_;
};

}  // namespace

model::Result<std::unique_ptr<OutputFolder>> open_local_output_folder(const fs::path& dir,
                                                                      const RandomSource& random) {
  const fs::path path = dir.empty() ? fs::path(".") : without_trailing_separators(dir);
  Fd fd(::open(path.c_str(), kDirectoryFlags));
  if (!fd.valid() && errno == ENOENT) {
    std::error_code ec;
    fs::create_directories(path, ec);
    if (ec)
      return io_error(path, "cannot create folder: " + ec.message());
    fd = Fd(::open(path.c_str(), kDirectoryFlags));
  }
  if (!fd.valid()) {
    int error = errno;
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
      std::error_code ec;
      fs::path real = fs::canonical(path, ec);
      return io_error(path, "is a symbolic link" +
                                (ec ? std::string(" (dangling)") : " to " + real.string()) +
                                "; outputs are only written into a real folder: name it "
                                "directly");
    }
    return io_error(path, not_a_folder_reason(AT_FDCWD, path.c_str(), error));
  }
  return std::unique_ptr<OutputFolder>(new LocalOutputFolder(dir, std::move(fd), random));
}

}  // namespace einvoice::env
