#pragma once

#include <filesystem>
#include <vector>

namespace einvoice::xsd {

// The schema sets einvoice validates against. Each is loaded into its own
// grammar pool: the Factur-X profiles and CII D16B share one target namespace.
enum class SchemaId {
  kCiiD16B,
  kUbl21,  // Invoice and CreditNote
  kFacturXMinimum,
  kFacturXBasicWl,
  kFacturXBasic,
  kFacturXEn16931,
  kFacturXExtended,
};

inline constexpr int kSchemaIdCount = 7;

const char* to_string(SchemaId id);

// Root schema files of `id`, relative to the schema folder.
std::vector<std::filesystem::path> schema_files(SchemaId id);

}  // namespace einvoice::xsd
