#pragma once

#include <string>
#include <vector>

#include "model/source_location.h"

namespace einvoice::model {

enum class Severity { kFatal, kWarning, kInformation };

const char* to_string(Severity severity);

// One finding about a document: a broken business rule, a value that could not
// be read, a term dropped in conversion, an OCR doubt. Findings are data
// appended to the document's report; they never stop a batch.
struct Diagnostic {
  std::string rule_id;  // official id (e.g. "BR-CO-10") or einvoice's own ("EINV-NUM-01")
  Severity severity = Severity::kFatal;
  std::string message;        // in words a supplier understands
  std::string business_term;  // "BT-112", "BG-23", or empty when not tied to one
  SourceLocation location;

  bool operator==(const Diagnostic&) const = default;
};

using Diagnostics = std::vector<Diagnostic>;

bool has_fatal(const Diagnostics& diagnostics);

}  // namespace einvoice::model
