#include "formats/xsd/schema_directory.h"

#include <cstdlib>
#include <string>
#include <system_error>
#include <vector>

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

// The running program's path; empty when /proc is not mounted.
std::filesystem::path running_executable() {
  std::error_code ec;
  auto path = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : path;
}

}  // namespace

std::filesystem::path schema_directory_beside(const std::filesystem::path& executable) {
  return (executable.parent_path() / ".." / "share" / "einvoice" / "schemas").lexically_normal();
}

model::Result<std::filesystem::path> resolve_schema_directory(
    const std::optional<std::filesystem::path>& explicit_dir, const env::Environment& variables) {
  if (explicit_dir) {
    if (holds_schemas(*explicit_dir))
      return *explicit_dir;
    return not_schemas(*explicit_dir, "schema folder");
  }
  if (const auto named = variables.get("EINVOICE_SCHEMAS"); named && !named->empty()) {
    if (holds_schemas(*named))
      return std::filesystem::path(*named);
    return not_schemas(*named, "EINVOICE_SCHEMAS");
  }
  std::vector<std::filesystem::path> tried;
  if (const auto executable = running_executable(); !executable.empty())
    tried.push_back(schema_directory_beside(executable));
  tried.emplace_back(EINVOICE_SOURCE_SCHEMA_DIR);
  tried.emplace_back(EINVOICE_INSTALLED_SCHEMA_DIR);
  std::string places;
  for (const auto& dir : tried) {
    if (holds_schemas(dir))
      return dir;
    places += dir.string();
    places += ", ";
  }
  return model::Error{model::ErrorCode::kInvalidArgument,
                      "no schema folder found; tried EINVOICE_SCHEMAS (unset), " + places +
                          "give one with --schemas DIR",
                      {"", "", 0, 0}};
}

}  // namespace einvoice::xsd
