#pragma once

#include <string_view>

#include "model/diagnostic.h"

namespace einvoice::validation {

// One business or syntax rule as its publisher defines it: the official id
// ("BR-CO-10", "CII-SR-009", "BR-FR-05_BT-22_PMT"), its flag, the business
// term it is about (empty for syntax rules without one) and the official
// message. Rule tables are constexpr arrays of these, one per rule family.
struct Rule {
  std::string_view id;
  model::Severity flag;
  std::string_view term;
  std::string_view message;
};

inline constexpr model::Severity kFatal = model::Severity::kFatal;
inline constexpr model::Severity kWarning = model::Severity::kWarning;

}  // namespace einvoice::validation
