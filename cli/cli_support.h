#pragma once

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "model/diagnostic.h"
#include "model/error.h"
#include "model/result.h"

namespace einvoice::xsd {
class SchemaValidator;
}

namespace einvoice::cli {

// The validator over the schema folder `explicit_dir` (--schemas), else
// EINVOICE_SCHEMAS, the installed location or the source tree (in that
// order), both grammars loaded.
model::Result<std::shared_ptr<const xsd::SchemaValidator>> make_validator(
    const std::optional<std::filesystem::path>& explicit_dir);

// "file:line: fatal [RULE] BT-x: message (at /xpath)"
void print_diagnostic(std::ostream& out, const model::Diagnostic& diagnostic);
// "einvoice <command>: file:line: problem" on stderr.
void print_error(std::string_view command, const model::Error& error);
// The exit code of any batch (convert, validate, ocr, process): kExitUsage
// when a document failed (the system's fault: I/O, a broken installation)
// or the batch was cancelled, kExitInvalid when one was refused (the
// input's fault), else kExitOk.
int batch_exit_code(std::size_t failed, std::size_t cancelled, std::size_t refused);
// The exit code for an input file that could not be read: kExitInvalid when
// the file itself is refused (over the size limit), kExitUsage for I/O.
int read_failure_exit_code(const model::Error& error);

}  // namespace einvoice::cli
