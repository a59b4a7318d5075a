#include "cli/cli_support.h"

#include <iostream>

#include "cli/commands.h"
#include "formats/xsd/schema_directory.h"
#include "formats/xsd/schema_validator.h"

namespace einvoice::cli {

model::Result<std::shared_ptr<const xsd::SchemaValidator>> make_validator(const Arguments& args) {
  std::optional<std::filesystem::path> explicit_dir;
  if (auto dir = args.value("--schemas")) explicit_dir = *dir;
  auto dir = xsd::resolve_schema_directory(explicit_dir);
  if (!dir) return dir.error();
  return std::shared_ptr<const xsd::SchemaValidator>(
      std::make_shared<xsd::SchemaValidator>(*dir));
}

void print_diagnostic(std::ostream& out, const model::Diagnostic& d) {
  const auto& at = d.location;
  out << at.file;
  if (at.line > 0) out << ':' << at.line;
  if (at.column > 0) out << ':' << at.column;
  out << ": " << model::to_string(d.severity) << " [" << d.rule_id << "]";
  if (!d.business_term.empty()) out << ' ' << d.business_term;
  out << ": " << d.message;
  if (!at.xpath.empty()) out << " (at " << at.xpath << ")";
  out << '\n';
}

void print_error(std::string_view command, const model::Error& error) {
  std::cerr << "einvoice " << command << ": " << error.describe() << '\n';
}

int usage_error(std::string_view command, const std::string& message, const char* usage) {
  std::cerr << "einvoice " << command << ": " << message << "\n\n" << usage;
  return kExitUsage;
}

}  // namespace einvoice::cli
