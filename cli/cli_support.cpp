#include "cli/cli_support.h"

#include <iostream>

#include "cli/commands.h"
#include "formats/xsd/schema_directory.h"
#include "formats/xsd/schema_validator.h"

namespace einvoice::cli {

model::Result<std::shared_ptr<const xsd::SchemaValidator>> make_validator(
    const std::optional<std::filesystem::path>& explicit_dir) {
  auto dir = xsd::resolve_schema_directory(explicit_dir);
  if (!dir)
    return dir.error();
  auto validator = std::make_shared<xsd::SchemaValidator>(*dir);
  // Load both grammars now: a broken schema folder is reported once, before
  // any document, instead of once per document.
  for (auto id : {xsd::SchemaId::kCiiD16B, xsd::SchemaId::kUbl21}) {
    auto loaded = validator->preload(id);
    if (!loaded)
      return loaded.error();
  }
  return std::shared_ptr<const xsd::SchemaValidator>(std::move(validator));
}

void print_diagnostic(std::ostream& out, const model::Diagnostic& d) {
  const auto& at = d.location;
  out << at.file;
  if (at.line > 0)
    out << ':' << at.line;
  if (at.column > 0)
    out << ':' << at.column;
  out << ": " << model::to_string(d.severity) << " [" << d.rule_id << "]";
  if (!d.business_term.empty())
    out << ' ' << d.business_term;
  out << ": " << d.message;
  if (!at.xpath.empty())
    out << " (at " << at.xpath << ")";
  out << '\n';
}

void print_error(std::string_view command, const model::Error& error) {
  std::cerr << "einvoice " << command << ": " << error.describe() << '\n';
}

int batch_exit_code(std::size_t failed, std::size_t cancelled, std::size_t refused) {
  if (failed > 0 || cancelled > 0)
    return kExitUsage;
  return refused > 0 ? kExitInvalid : kExitOk;
}

int read_failure_exit_code(const model::Error& error) {
  return error.code == model::ErrorCode::kLimitExceeded ? kExitInvalid : kExitUsage;
}

}  // namespace einvoice::cli
