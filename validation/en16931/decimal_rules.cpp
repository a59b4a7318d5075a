#include "validation/rule_families.h"

namespace einvoice::validation {

// Not yet written: this family reports nothing so far.
void check_decimal_rules(RuleContext&) {}

std::span<const Rule> decimal_rules() {
  return {};
}

}  // namespace einvoice::validation
