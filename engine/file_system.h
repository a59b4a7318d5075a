#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "model/result.h"

namespace einvoice::engine {

// Every file access of the engine goes through this interface, so tests can
// use in-memory or failing implementations. Implementations must be safe to
// call from several threads at once.
class FileSystem {
 public:
  virtual ~FileSystem() = default;

  // The whole file. kIo when unreadable, kLimitExceeded past `max_bytes`.
  virtual model::Result<std::string> read(const std::filesystem::path& path,
                                          std::size_t max_bytes) const = 0;
  // Writes to a temporary file beside `path`, then renames it over `path`:
  // readers never see a partial file. Creates missing parent folders.
  virtual model::Status write_atomic(const std::filesystem::path& path,
                                     std::string_view content) const = 0;
  virtual bool exists(const std::filesystem::path& path) const = 0;
  virtual bool is_directory(const std::filesystem::path& path) const = 0;
  // Regular files below `dir` (recursive), sorted by path.
  virtual model::Result<std::vector<std::filesystem::path>> list_files(
      const std::filesystem::path& dir) const = 0;
};

// The real file system.
class LocalFileSystem final : public FileSystem {
 public:
  model::Result<std::string> read(const std::filesystem::path& path,
                                  std::size_t max_bytes) const override;
  model::Status write_atomic(const std::filesystem::path& path,
                             std::string_view content) const override;
  bool exists(const std::filesystem::path& path) const override;
  bool is_directory(const std::filesystem::path& path) const override;
  model::Result<std::vector<std::filesystem::path>> list_files(
      const std::filesystem::path& dir) const override;
};

}  // namespace einvoice::engine
