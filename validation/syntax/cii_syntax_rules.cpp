#include "validation/rule_families.h"

namespace einvoice::validation {

// Not yet written: this family reports nothing so far.
void check_cii_syntax_rules(RuleContext&) {}

std::span<const Rule> cii_syntax_rules() {
  return {};
}

}  // namespace einvoice::validation
