#include "env/output_folder.h"

#include <cctype>
#include <charconv>
#include <string>

namespace einvoice::env {
namespace fs = std::filesystem;
using model::Error;
using model::ErrorCode;

bool is_temporary_name(std::string_view name) {
  return temporary_owner(name) > 0;
}

long temporary_owner(std::string_view name) {
  if (name.size() < 2 || name.front() != '.')
    return 0;
  auto marker = name.rfind(kTemporaryMarker);
  if (marker == std::string_view::npos || marker < 2)
    return 0;
  std::string_view tail = name.substr(marker + kTemporaryMarker.size());  // PID-RANDOM
  auto dash = tail.find('-');
  if (dash == std::string_view::npos || tail.size() - dash - 1 != kRandomDigits)
    return 0;
  for (char c : tail.substr(dash + 1)) {
    if (!std::isxdigit(static_cast<unsigned char>(c)))
      return 0;
  }
  long pid = 0;
  auto [end, error] = std::from_chars(tail.data(), tail.data() + dash, pid);
  if (error != std::errc() || end != tail.data() + dash || pid <= 0)
    return 0;
  return pid;
}

fs::path without_trailing_separators(const fs::path& path) {
  std::string text = path.string();
  while (text.size() > 1 && text.back() == '/')
    text.pop_back();
  return text;
}

model::Status check_relative(const fs::path& relative) {
  if (relative.empty() || relative.is_absolute() || relative.has_root_path())
    return Error{ErrorCode::kInvalidArgument, "is not a path below the output folder", {}};
  for (const auto& component : relative) {
    if (component.empty() || component == "." || component == "..") {
      return Error{ErrorCode::kInvalidArgument,
                   "has a '" + component.string() + "' component; outputs stay below their folder",
                   {}};
    }
  }
  return model::Status::Ok();
}

}  // namespace einvoice::env
