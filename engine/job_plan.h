#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "engine/batch_converter.h"
#include "env/file_system.h"

namespace einvoice::engine {

// One input file and its name relative to the folder it was found in (its
// file name when it was given by name). `relative` is computed lexically from
// the path as given, never through a link's target, and passes check_relative:
// it can only name something below an output folder.
struct InputFile {
  std::filesystem::path path;
  std::filesystem::path relative;
};

// The files named by command-line inputs: a file given by name is always
// taken, whatever its extension; a folder contributes every file below it
// with one of `extensions` (lower case, with the dot; recursively, sorted).
// Error (kInvalidArgument) for a missing input.
model::Result<std::vector<InputFile>> list_inputs(const std::vector<std::filesystem::path>& inputs,
                                                  const env::FileSystem& files,
                                                  const std::vector<std::string>& extensions = {
                                                      ".xml"});

// Turns command-line inputs (files and folders) into conversion jobs.
//
// A folder contributes every *.xml file below it (recursively, sorted); its
// outputs mirror the folder's structure under `out_dir`. A file given by name
// is always taken, whatever its extension, and lands directly in `out_dir`.
// Output files keep the input's name; each job's output is relative to
// `out_dir` (for OutputFolder::write). Errors (kInvalidArgument, kIo): a
// missing input, two inputs mapping to the same output, an output that would
// overwrite its own input.
model::Result<std::vector<BatchJob>> plan_jobs(const std::vector<std::filesystem::path>& inputs,
                                               const std::filesystem::path& out_dir,
                                               const env::FileSystem& files);

}  // namespace einvoice::engine
