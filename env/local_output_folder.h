#pragma once

#include <filesystem>
#include <memory>

#include "env/output_folder.h"
#include "env/random_source.h"

namespace einvoice::env {

// The OutputFolder of the real file system (POSIX): the folder is opened with
// O_DIRECTORY|O_NOFOLLOW and held; sub-folders are reached with openat and
// O_NOFOLLOW, temporaries created with O_CREAT|O_EXCL|O_NOFOLLOW under an
// unpredictable name (digits from `random`, which must outlive the folder),
// renamed with renameat, and both file and folder are fsync'ed. `dir` and its parents are created
// when missing ("." when empty). Errors as FileSystem::open_output_folder.
model::Result<std::unique_ptr<OutputFolder>> open_local_output_folder(
    const std::filesystem::path& dir, const RandomSource& random);

}  // namespace einvoice::env
