#pragma once

#include <string>

#include "model/source_location.h"

namespace einvoice::model {

// What kind of failure ended an operation. Problems *inside* a document that
// can be reported and skipped are Diagnostics, not Errors.
enum class ErrorCode {
  kInvalidArgument,  // the caller asked for something impossible (bad option)
  kIo,               // a file could not be read or written
  kMalformed,        // input is not well-formed (XML syntax, truncated, forbidden DTD)
  kUnsupported,      // well-formed but not a document this engine handles
  kLimitExceeded,    // input exceeds a configured size/depth/count limit
  kInvalid,          // schema or business validation failed
  kInternal,         // a bug or an unexpected library failure
};

const char* to_string(ErrorCode code);

// An error that ends an operation, with enough context to find the problem:
// the file, and where known the XPath, line and column inside it.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  SourceLocation where;

  // "file:line:col: message (at /xpath)" with the parts that are known.
  std::string describe() const;
};

}  // namespace einvoice::model
