#include "validation/rule_families.h"

namespace einvoice::validation {

// Not yet written: this family reports nothing so far.
void check_core_rules(RuleContext&) {}

std::span<const Rule> core_rules() {
  return {};
}

}  // namespace einvoice::validation
