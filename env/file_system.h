#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "env/output_folder.h"
#include "env/random_source.h"
#include "model/result.h"

namespace einvoice::env {

// Every file access of einvoice goes through this interface, so tests can
// use in-memory or failing implementations. Implementations must be safe to
// call from several threads at once.
class FileSystem {
 public:
  virtual ~FileSystem() = default;

  // The whole file. kIo when unreadable, kLimitExceeded past `max_bytes`.
  virtual model::Result<std::string> read(const std::filesystem::path& path,
                                          std::size_t max_bytes) const = 0;
  // The folder outputs are written into, created with its parents when
  // missing. Errors (kIo): the folder itself is a symbolic link (the message
  // names where it points: outputs are only written into a real folder), it
  // is not a folder, or it cannot be created or opened.
  virtual model::Result<std::unique_ptr<OutputFolder>> open_output_folder(
      const std::filesystem::path& dir) const = 0;
  // One file written atomically into its parent folder (opened as by
  // open_output_folder, "." when there is none), as OutputFolder::write does:
  // readers never see a partial file, and neither the parent folder nor
  // `path` may be a symbolic link.
  model::Status write_atomic(const std::filesystem::path& path, std::string_view content) const;
  // Feeds the file to `sink` piece by piece, in order, so that a large file
  // is read in flat memory. Stops at the first error `sink` returns and
  // returns it. Errors as read(), kLimitExceeded past `max_bytes` (nothing fed
  // then). This default reads the whole file first; LocalFileSystem streams.
  using ChunkSink = std::function<model::Status(std::string_view)>;
  virtual model::Status read_chunks(const std::filesystem::path& path, std::size_t max_bytes,
                                    const ChunkSink& sink) const;
  virtual bool exists(const std::filesystem::path& path) const = 0;
  virtual bool is_directory(const std::filesystem::path& path) const = 0;
  // Regular files below `dir` (recursive), sorted by path, each named by
  // its path below `dir` as given. A symbolic link to a file is listed under
  // its own name (never its target's); links to folders are not descended;
  // temporary files of atomic writes (is_temporary_name) are left out.
  virtual model::Result<std::vector<std::filesystem::path>> list_files(
      const std::filesystem::path& dir) const = 0;
};

// The real file system.
class LocalFileSystem final : public FileSystem {
 public:
  // Temporary names of atomic writes draw on `random` (which must outlive
  // this file system and the folders it opens).
  explicit LocalFileSystem(const RandomSource& random = system_random()) : random_(random) {}

  model::Result<std::string> read(const std::filesystem::path& path,
                                  std::size_t max_bytes) const override;
  // Reads in pieces of 1 MiB through one descriptor (O_NOFOLLOW: a link is
  // refused), advising the kernel of sequential access.
  model::Status read_chunks(const std::filesystem::path& path, std::size_t max_bytes,
                            const ChunkSink& sink) const override;
  model::Result<std::unique_ptr<OutputFolder>> open_output_folder(
      const std::filesystem::path& dir) const override;
  bool exists(const std::filesystem::path& path) const override;
  bool is_directory(const std::filesystem::path& path) const override;
  model::Result<std::vector<std::filesystem::path>> list_files(
      const std::filesystem::path& dir) const override;

 private:
  const RandomSource& random_;
};

}  // namespace einvoice::env
