#pragma once

#include <filesystem>
#include <string_view>

#include "model/result.h"

namespace einvoice::env {

// A folder that outputs are written into, opened once and held: every file is
// placed below it by a relative path, never through a symbolic link, so
// nothing written through it lands outside the folder the user named, even if
// a folder is swapped for a link while a batch runs.
//
// Thread safety: every method may be called from several threads at once.
class OutputFolder {
 public:
  virtual ~OutputFolder() = default;

  // The folder as the user named it (used in messages).
  virtual const std::filesystem::path& path() const = 0;

  // Writes `relative` atomically: a temporary file (see is_temporary_name)
  // created exclusively beside the target, written, flushed to disk, then
  // renamed over the target. Missing sub-folders are created. Errors (kIo,
  // naming the full path): an unusable relative path (empty, absolute, with
  // "..", see check_relative), a sub-folder or the target that is a symbolic
  // link, a write that fails (the temporary is removed).
  virtual model::Status write(const std::filesystem::path& relative,
                              std::string_view content) const = 0;

  // True when `relative` names a regular file below the folder, reached
  // without following any symbolic link (a link is not a finished output).
  virtual bool has_file(const std::filesystem::path& relative) const = 0;

  // Removes the file `relative` (reached without following links) and
  // flushes its folder to disk, so that the removal survives a crash. A file
  // that is already gone is no error. Errors (kIo, naming the full path): an
  // unusable relative path, a folder or link in its place, unlink failing.
  virtual model::Status remove(const std::filesystem::path& relative) const = 0;

  // Removes the temporary files (is_temporary_name) below the folder whose
  // writing process has ended: what a killed run left behind. Links are never
  // followed. Returns how many were removed.
  virtual std::size_t remove_leftovers() const = 0;
};

// Marks the temporary files of atomic writes; kRandomDigits hex digits end their name.
inline constexpr std::string_view kTemporaryMarker = ".einvoice-tmp-";
inline constexpr std::size_t kRandomDigits = 16;

// The temporary file of an atomic write of `name`: ".NAME.einvoice-tmp-PID-RANDOM",
// with 16 random hex digits. Hidden, and never an input (its extension is not one).
bool is_temporary_name(std::string_view name);
// The process id recorded in a temporary's name (0 when it is not one).
long temporary_owner(std::string_view name);

// `path` without trailing '/' ("out/" names the folder "out" itself: a trailing
// slash would make the system follow a link there).
std::filesystem::path without_trailing_separators(const std::filesystem::path& path);

// Checks that `relative` can only name something below a folder: not empty,
// not absolute, no "." or ".." component, no empty file name.
model::Status check_relative(const std::filesystem::path& relative);

}  // namespace einvoice::env
