#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "env/file_system.h"
#include "env/output_folder.h"
#include "model/result.h"

namespace einvoice::archive {

// Where archived bytes live, addressed by a key (the hex SHA-256 of the
// plaintext). Behind an interface so that object storage with a retention
// lock can follow. Implementations are thread-safe and process-safe: several
// processes may put the same key at once (each put is atomic).
class ObjectStore {
 public:
  virtual ~ObjectStore() = default;

  // Stores `bytes` under `key`, durable (flushed to disk) on return; readers
  // never see a partial object. Replaces what was there.
  virtual model::Status put(std::string_view key, std::string_view bytes) const = 0;
  // The whole object (at most `max_bytes`). kIo when missing or unreadable.
  virtual model::Result<std::string> get(std::string_view key, std::size_t max_bytes) const = 0;
  // Feeds the object to `sink` in pieces, in flat memory.
  virtual model::Status read_chunks(std::string_view key, std::size_t max_bytes,
                                    const env::FileSystem::ChunkSink& sink) const = 0;
  // Removes the object, durably; a missing one is no error.
  virtual model::Status remove(std::string_view key) const = 0;
  virtual bool contains(std::string_view key) const = 0;
  // Where the object is, for messages ("objects/ab/cd/abcd...").
  virtual std::string describe(std::string_view key) const = 0;
};

// The content-addressed folder tree: `root`/ab/cd/<key> for key "abcd...",
// written through an env::OutputFolder (exclusive O_NOFOLLOW temporary,
// fsync, rename, fsync of the folder) and read through env::FileSystem.
class FolderObjectStore final : public ObjectStore {
 public:
  // `files` must outlive the store. Removes what killed writers left behind
  // (temporaries). Errors: the folder cannot be opened or created (kIo).
  static model::Result<std::unique_ptr<FolderObjectStore>> open(const env::FileSystem& files,
                                                                const std::filesystem::path& root);

  model::Status put(std::string_view key, std::string_view bytes) const override;
  model::Result<std::string> get(std::string_view key, std::size_t max_bytes) const override;
  model::Status read_chunks(std::string_view key, std::size_t max_bytes,
                            const env::FileSystem::ChunkSink& sink) const override;
  model::Status remove(std::string_view key) const override;
  bool contains(std::string_view key) const override;
  std::string describe(std::string_view key) const override;

  // The path of `key` below the root: "ab/cd/abcd...". REQUIRES: key of >= 4
  // hex digits.
  static std::filesystem::path relative_path(std::string_view key);

 private:
  FolderObjectStore(const env::FileSystem& files, std::unique_ptr<env::OutputFolder> folder)
      : files_(files), folder_(std::move(folder)) {}
  const env::FileSystem& files_;
  std::unique_ptr<env::OutputFolder> folder_;
};

}  // namespace einvoice::archive
