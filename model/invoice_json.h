#pragma once

#include <string>

#include "model/invoice.h"

namespace einvoice::model {

// The invoice as a JSON object keyed by EN 16931 ids: terms are strings
// ("BT-1": "F-2024-001", amounts as written, dates ISO 8601), groups are
// objects ("BG-4": {...}), repeating groups and terms are arrays of objects
// ("BG-25": [{"BT-126": "1", ...}]). Absent terms are omitted.
// Format documented in docs/inspect-json.md.
std::string to_json(const Invoice& invoice, bool pretty = true);

}  // namespace einvoice::model
