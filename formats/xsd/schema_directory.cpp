#include "formats/xsd/schema_directory.h"

#include <cstdlib>
#include <string>

namespace einvoice::xsd {
namespace {

bool holds_schemas(const std::filesystem::path& dir) {
  std::error_code ec;
  return std::filesystem::is_directory(dir / "cii-d16b", ec) ||
         std::filesystem::is_directory(dir / "ubl-2.1", ec);
}

model::Error not_schemas(const std::filesystem::path& dir, const char* origin) {
  return model::Error{model::ErrorCode::kInvalidArgument,
                      std::string(origin) + " '" + dir.string() +
                          "' holds no official schemas (expected cii-d16b/ or ubl-2.1/ inside)",
                      {dir.string(), "", 0, 0}};
}

}  // namespace

model::Result<std::filesystem::path> resolve_schema_directory(
    const std::optional<std::filesystem::path>& explicit_dir) {
  if (explicit_dir) {
    if (holds_schemas(*explicit_dir))
      return *explicit_dir;
    return not_schemas(*explicit_dir, "schema folder");
  }
  if (const char* env = std::getenv("EINVOICE_SCHEMAS"); env && *env) {
    if (holds_schemas(env))
      return std::filesystem::path(env);
    return not_schemas(env, "EINVOICE_SCHEMAS");
  }
  const std::filesystem::path installed = EINVOICE_INSTALLED_SCHEMA_DIR;
  if (holds_schemas(installed))
    return installed;
  const std::filesystem::path source = EINVOICE_SOURCE_SCHEMA_DIR;
  if (holds_schemas(source))
    return source;
  return model::Error{model::ErrorCode::kInvalidArgument,
                      "no schema folder found; tried EINVOICE_SCHEMAS (unset), " +
                          installed.string() + " and " + source.string() +
                          "; give one with --schemas DIR",
                      {"", "", 0, 0}};
}

}  // namespace einvoice::xsd
