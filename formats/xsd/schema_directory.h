#pragma once

#include <filesystem>
#include <optional>

#include "model/result.h"

namespace einvoice::xsd {

// Finds the folder holding the official schemas (with cii-d16b/ or ubl-2.1/
// inside). Tried in order: `explicit_dir` (e.g. --schemas), the environment
// variable EINVOICE_SCHEMAS, the installed share/einvoice/schemas, the source
// tree's ../shared/schemas. An explicit folder or variable that does not hold
// schemas is an error (not silently skipped). kInvalidArgument lists every
// place tried.
model::Result<std::filesystem::path> resolve_schema_directory(
    const std::optional<std::filesystem::path>& explicit_dir);

}  // namespace einvoice::xsd
