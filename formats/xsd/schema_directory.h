#pragma once

#include <filesystem>
#include <optional>

#include "env/env.h"
#include "model/result.h"

namespace einvoice::xsd {

// Finds the folder holding the official schemas (with cii-d16b/ or ubl-2.1/
// inside). Tried in order:
//   1. `explicit_dir` (e.g. --schemas);
//   2. the environment variable EINVOICE_SCHEMAS;
//   3. share/einvoice/schemas beside the running program
//      (schema_directory_beside(/proc/self/exe)), so an installed prefix works
//      wherever it is moved;
//   4. the repository's schemas/ folder (EINVOICE_SOURCE_SCHEMA_DIR, for
//      programs run from a build tree);
//   5. the configured install prefix's share/einvoice/schemas.
// An explicit folder or variable that does not hold schemas is an error (not
// silently skipped). kInvalidArgument lists every place tried.
// EINVOICE_SCHEMAS is read from `variables` (the process's by default).
model::Result<std::filesystem::path> resolve_schema_directory(
    const std::optional<std::filesystem::path>& explicit_dir,
    const env::Environment& variables = env::system_env().variables);

// The schema folder of an installed program: `executable`'s folder, then
// ../share/einvoice/schemas (lexically normalised). Does not touch the disk.
std::filesystem::path schema_directory_beside(const std::filesystem::path& executable);

}  // namespace einvoice::xsd
