#include "validation/rule_families.h"

namespace einvoice::validation {

// Not yet written: this family reports nothing so far.
void check_calculation_rules(RuleContext&) {}

std::span<const Rule> calculation_rules() {
  return {};
}

}  // namespace einvoice::validation
