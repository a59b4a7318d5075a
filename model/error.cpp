#include "model/error.h"

#include "model/diagnostic.h"

namespace einvoice::model {

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return "invalid argument";
    case ErrorCode::kIo:
      return "I/O error";
    case ErrorCode::kMalformed:
      return "malformed input";
    case ErrorCode::kUnsupported:
      return "unsupported input";
    case ErrorCode::kLimitExceeded:
      return "limit exceeded";
    case ErrorCode::kInvalid:
      return "invalid";
    case ErrorCode::kInternal:
      return "internal error";
  }
  return "unknown error";
}

const char* to_string(Severity severity) {
  switch (severity) {
    case Severity::kFatal:
      return "fatal";
    case Severity::kWarning:
      return "warning";
    case Severity::kInformation:
      return "information";
  }
  return "unknown";
}

bool has_fatal(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics) {
    if (d.severity == Severity::kFatal)
      return true;
  }
  return false;
}

std::string SourceLocation::describe() const {
  std::string out = file;
  if (line > 0) {
    if (!out.empty())
      out += ':';
    out += std::to_string(line);
    if (column > 0)
      out += ':' + std::to_string(column);
  }
  if (!xpath.empty()) {
    if (!out.empty())
      out += ' ';
    out += "at " + xpath;
  }
  return out;
}

std::string Error::describe() const {
  std::string where_text = where.describe();
  if (where_text.empty())
    return message;
  return where_text + ": " + message;
}

}  // namespace einvoice::model
