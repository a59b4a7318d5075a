#include "env/file_system.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <system_error>

#include "env/local_output_folder.h"

namespace einvoice::env {
namespace fs = std::filesystem;
using model::Error;
using model::ErrorCode;

namespace {

Error io_error(const fs::path& path, const std::string& what) {
  return Error{ErrorCode::kIo, what, {path.string(), "", 0, 0}};
}

}  // namespace

model::Result<std::string> LocalFileSystem::read(const fs::path& path,
                                                 std::size_t max_bytes) const {
  std::error_code ec;
  if (fs::is_directory(path, ec))
    return io_error(path, "is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return io_error(path, std::string("cannot open: ") + std::strerror(errno));
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size < 0)
    return io_error(path, "cannot determine the file size");
  if (static_cast<std::size_t>(size) > max_bytes) {
    return Error{ErrorCode::kLimitExceeded,
                 "file is " + std::to_string(size) + " bytes; the limit is " +
                     std::to_string(max_bytes) + " bytes",
                 {path.string(), "", 0, 0}};
  }
  in.seekg(0, std::ios::beg);
  std::string content(static_cast<std::size_t>(size), '\0');
  if (size > 0 && !in.read(content.data(), size))
    return io_error(path, "read failed");
  return content;
}

model::Status FileSystem::read_chunks(const fs::path& path, std::size_t max_bytes,
                                      const ChunkSink& sink) const {
  auto content = read(path, max_bytes);
  if (!content)
    return content.error();
  return sink(*content);
}

model::Status LocalFileSystem::read_chunks(const fs::path& path, std::size_t max_bytes,
                                           const ChunkSink& sink) const {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    return io_error(path, std::string("cannot open: ") + std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
    return io_error(path, "is not a regular file");
  if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
    return Error{ErrorCode::kLimitExceeded,
                 "file is " + std::to_string(st.st_size) + " bytes; the limit is " +
                     std::to_string(max_bytes) + " bytes",
                 {path.string(), "", 0, 0}};
  }
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  constexpr std::size_t kChunk = 1u << 20;
  // A small file gets a small buffer: one read, then end of file.
  std::string buffer(std::min<std::size_t>(kChunk, static_cast<std::size_t>(st.st_size) + 1), '\0');
  std::uint64_t total = 0;
  for (;;) {
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      return io_error(path, std::string("read failed: ") + std::strerror(errno));
    if (n == 0)
      return model::Status::Ok();
    total += static_cast<std::uint64_t>(n);
    if (total > max_bytes)
      return Error{ErrorCode::kLimitExceeded,
                   "file grew past the limit while read",
                   {path.string(), "", 0, 0}};
    if (auto fed = sink(std::string_view(buffer.data(), static_cast<std::size_t>(n))); !fed)
      return fed;
  }
}

model::Status FileSystem::write_atomic(const fs::path& path, std::string_view content) const {
  auto folder = open_output_folder(path.parent_path());
  if (!folder)
    return folder.error();
  return (*folder)->write(path.filename(), content);
}

model::Result<std::unique_ptr<OutputFolder>> LocalFileSystem::open_output_folder(
    const fs::path& dir) const {
  return open_local_output_folder(dir, random_);
}

bool LocalFileSystem::exists(const fs::path& path) const {
  std::error_code ec;
  return fs::exists(path, ec);
}

bool LocalFileSystem::is_directory(const fs::path& path) const {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

model::Result<std::vector<fs::path>> LocalFileSystem::list_files(const fs::path& dir) const {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec)
    return io_error(dir, "cannot list folder: " + ec.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec)
      return io_error(dir, "cannot list folder: " + ec.message());
    // is_regular_file follows a link to a file: it is listed under its own
    // path. The iterator does not descend into links to folders.
    if (it->is_regular_file(ec) && !is_temporary_name(it->path().filename().string()))
      files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace einvoice::env
