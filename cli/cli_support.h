#pragma once

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "cli/arguments.h"
#include "model/diagnostic.h"
#include "model/error.h"
#include "model/result.h"

namespace einvoice::xsd {
class SchemaValidator;
}

namespace einvoice::cli {

// The validator over the schema folder named by --schemas, EINVOICE_SCHEMAS,
// the installed location or the source tree (in that order).
model::Result<std::shared_ptr<const xsd::SchemaValidator>> make_validator(const Arguments& args);
// The same for a folder given (or not) by other means.
model::Result<std::shared_ptr<const xsd::SchemaValidator>> make_validator(
    const std::optional<std::filesystem::path>& explicit_dir);

// The worker threads of --jobs N (or --threads N, its older name): 0 (all
// cores) when neither is given; an error message naming the option when the
// value is not a whole number.
model::Result<unsigned> jobs_option(const Arguments& args);

// "file:line: fatal [RULE] BT-x: message (at /xpath)"
void print_diagnostic(std::ostream& out, const model::Diagnostic& diagnostic);
// "einvoice <command>: file:line: problem" on stderr.
void print_error(std::string_view command, const model::Error& error);
// The exit code for an input file that could not be read: kExitInvalid when
// the file itself is refused (over the size limit), kExitUsage for I/O.
int read_failure_exit_code(const model::Error& error);
// Prints "einvoice <command>: message" and the command's usage on stderr.
int usage_error(std::string_view command, const std::string& message, const char* usage);

}  // namespace einvoice::cli
