#include "validation/rule_families.h"

namespace einvoice::validation {

// Not yet written: this family reports nothing so far.
void check_code_list_rules(RuleContext&) {}

std::span<const Rule> code_list_rules() {
  return {};
}

}  // namespace einvoice::validation
