#include "validation/rule_families.h"

namespace einvoice::validation {

// Not yet written: this family reports nothing so far.
void check_ubl_syntax_rules(RuleContext&) {}

std::span<const Rule> ubl_syntax_rules() {
  return {};
}

}  // namespace einvoice::validation
