#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "env/file_system.h"

namespace einvoice::env {

// In-memory FileSystem for tests. Paths in `failing_writes` fail when
// written (through an output folder), paths in `failing_reads` on read, as a
// full disk or a lost mount would; folders in `failing_folders` cannot be
// opened for output, as a folder that is a link is refused. Thread-safe.
class MemoryFileSystem final : public FileSystem {
 public:
  std::map<std::filesystem::path, std::string> files;
  std::set<std::filesystem::path> failing_reads;
  std::set<std::filesystem::path> failing_writes;
  std::set<std::filesystem::path> failing_folders;

  model::Result<std::string> read(const std::filesystem::path& path,
                                  std::size_t max_bytes) const override {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = files.find(path);
    if (it == files.end() || failing_reads.count(path)) {
      return model::Error{model::ErrorCode::kIo, "cannot open", {path.string(), "", 0, 0}};
    }
    if (it->second.size() > max_bytes) {
      return model::Error{model::ErrorCode::kLimitExceeded, "too big", {path.string(), "", 0, 0}};
    }
    return it->second;
  }
  model::Result<std::unique_ptr<OutputFolder>> open_output_folder(
      const std::filesystem::path& dir) const override {
    std::lock_guard<std::mutex> lock(mutex_);
    if (failing_folders.count(dir))
      return model::Error{model::ErrorCode::kIo, "is a symbolic link", {dir.string(), "", 0, 0}};
    return std::unique_ptr<OutputFolder>(new Folder(*this, dir));
  }
  bool exists(const std::filesystem::path& path) const override {
    std::lock_guard<std::mutex> lock(mutex_);
    if (files.count(path))
      return true;
    return is_directory_locked(path);
  }
  bool is_directory(const std::filesystem::path& path) const override {
    std::lock_guard<std::mutex> lock(mutex_);
    return is_directory_locked(path);
  }
  model::Result<std::vector<std::filesystem::path>> list_files(
      const std::filesystem::path& dir) const override {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<std::filesystem::path> out;
    for (const auto& [path, content] : files) {
      if (is_below(path, dir))
        out.push_back(path);
    }
    return out;
  }

 private:
  // Writes land in `files` under folder / relative.
  class Folder final : public OutputFolder {
   public:
    Folder(const MemoryFileSystem& owner, std::filesystem::path dir)
        : owner_(owner), dir_(std::move(dir)) {}
    const std::filesystem::path& path() const override { return dir_; }
    model::Status write(const std::filesystem::path& relative,
                        std::string_view content) const override {
      return change(relative, "disk full",
                    [&](auto& files, const auto& path) { files[path] = std::string(content); });
    }
    bool has_file(const std::filesystem::path& relative) const override {
      std::lock_guard<std::mutex> lock(owner_.mutex_);
      return owner_.files.count(dir_ / relative) > 0;
    }
    model::Status remove(const std::filesystem::path& relative) const override {
      return change(relative, "cannot remove",
                    [](auto& files, const auto& path) { files.erase(path); });
    }
    std::size_t remove_leftovers() const override { return 0; }

   private:
    // Applies `apply(files, path)` for `relative`, unless the path is
    // unusable or one of failing_writes (an error saying `failure`).
    template <class Apply>
    model::Status change(const std::filesystem::path& relative, const char* failure,
                         Apply apply) const {
      const auto path = dir_ / relative;
      if (auto checked = check_relative(relative); !checked)
        return model::Error{
            model::ErrorCode::kIo, checked.error().message, {path.string(), "", 0, 0}};
      std::lock_guard<std::mutex> lock(owner_.mutex_);
      if (owner_.failing_writes.count(path))
        return model::Error{model::ErrorCode::kIo, failure, {path.string(), "", 0, 0}};
      apply(const_cast<MemoryFileSystem&>(owner_).files, path);
      return model::Status::Ok();
    }

    const MemoryFileSystem& owner_;
    std::filesystem::path dir_;
  };

  static bool is_below(const std::filesystem::path& path, const std::filesystem::path& dir) {
    auto rel = path.lexically_relative(dir);
    return !rel.empty() && *rel.begin() != "..";
  }
  bool is_directory_locked(const std::filesystem::path& path) const {
    for (const auto& [file, content] : files) {
      if (file != path && is_below(file, path))
        return true;
    }
    return false;
  }

  mutable std::mutex mutex_;
};

}  // namespace einvoice::env
