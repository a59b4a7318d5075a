#include "validation/rule_families.h"

namespace einvoice::validation {

// Not yet written: this family reports nothing so far.
void check_vat_category_rules(RuleContext&) {}

std::span<const Rule> vat_category_rules() {
  return {};
}

}  // namespace einvoice::validation
