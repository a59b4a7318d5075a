#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include "formats/xsd/schema_id.h"
#include "model/diagnostic.h"
#include "model/result.h"

namespace einvoice::xsd {

// The XSD verdict on one document. `issues` are Diagnostics with rule id
// "XSD", severity fatal for errors and warning for warnings, the document
// name as file and Xerces' line and column.
struct XsdReport {
  bool valid = true;
  std::vector<model::Diagnostic> issues;
};

// Validates documents against the official XSDs with Xerces-C++.
//
// Each schema set is parsed once, on first use, into a locked grammar pool
// shared by all later documents and threads. Documents can never make the
// validator touch the network or the file system: DOCTYPEs are refused and
// schemaLocation hints ignored.
//
// Thread safety: validate() is const and may run on any number of threads at
// once. The object must outlive those calls. Not copyable.
class SchemaValidator {
 public:
  static constexpr std::size_t kDefaultMaxBytes = 64u << 20;
  // Element nesting; the same limit as the libxml2 path (formats/xml).
  static constexpr int kDefaultMaxDepth = 256;

  explicit SchemaValidator(std::filesystem::path schema_directory,
                           std::size_t max_bytes = kDefaultMaxBytes,
                           int max_depth = kDefaultMaxDepth);
  ~SchemaValidator();
  SchemaValidator(const SchemaValidator&) = delete;
  SchemaValidator& operator=(const SchemaValidator&) = delete;

  // Both limits are applied before Xerces sees the document (the depth by
  // find_excess_depth, a linear pre-scan). Errors: kLimitExceeded past
  // max_bytes or max_depth (naming line and column of the element past the
  // limit); kIo/kInternal when the schema set
  // cannot be loaded (names the schema file). A malformed or invalid document
  // is a report with valid == false, never an Error.
  model::Result<XsdReport> validate(std::string_view xml, SchemaId schema,
                                    std::string_view document_name) const;

  // Picks CII D16B or UBL 2.1 from the root element's namespace. kUnsupported
  // when the root is neither (or the document has no readable root).
  model::Result<XsdReport> validate_detected(std::string_view xml,
                                             std::string_view document_name) const;

  // Loads a schema set now (otherwise done on first use), e.g. to fail fast.
  model::Status preload(SchemaId schema) const;

  const std::filesystem::path& schema_directory() const { return directory_; }

 private:
  struct LoadedSchema;
  LoadedSchema& load(SchemaId schema) const;  // thread-safe, loads once

  std::filesystem::path directory_;
  std::size_t max_bytes_;
  int max_depth_;
  mutable std::array<std::once_flag, kSchemaIdCount> once_;
  mutable std::array<std::unique_ptr<LoadedSchema>, kSchemaIdCount> loaded_;
};

}  // namespace einvoice::xsd
