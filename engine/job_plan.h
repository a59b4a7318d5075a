#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "engine/batch_converter.h"
#include "engine/file_system.h"

namespace einvoice::engine {

// Turns command-line inputs (files and folders) into conversion jobs.
//
// A folder contributes every *.xml file below it (recursively, sorted); its
// outputs mirror the folder's structure under `out_dir`. A file given by name
// is always taken, whatever its extension, and lands directly in `out_dir`.
// Output files keep the input's name. Errors (kInvalidArgument, kIo): a
// missing input, two inputs mapping to the same output, an output that would
// overwrite its own input.
model::Result<std::vector<BatchJob>> plan_jobs(const std::vector<std::filesystem::path>& inputs,
                                               const std::filesystem::path& out_dir,
                                               const FileSystem& files);

}  // namespace einvoice::engine
