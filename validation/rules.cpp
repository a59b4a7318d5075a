#include "validation/rules.h"

#include <optional>
#include <string>

#include "validation/cdar/cdar_rules.h"
#include "validation/rule_families.h"

namespace einvoice::validation {

const char* to_string(Profile profile) {
  return profile == Profile::kFrance ? "fr" : "en16931";
}

std::optional<Profile> parse_profile(std::string_view text) {
  if (text == "en16931")
    return Profile::kEn16931;
  if (text == "fr")
    return Profile::kFrance;
  return std::nullopt;
}

model::Diagnostics check_rules(const model::Invoice& invoice, detect::Syntax syntax,
                               const xml::XmlDocument* document, std::string_view file,
                               const RuleOptions& options) {
  model::Diagnostics out;
  RuleContext context(invoice, syntax, document, std::string(file), out);
  check_core_rules(context);
  check_calculation_rules(context);
  check_decimal_rules(context);
  check_vat_category_rules(context);
  check_code_list_rules(context);
  if (document != nullptr) {
    if (context.is_cii())
      check_cii_syntax_rules(context);
    else if (context.is_ubl())
      check_ubl_syntax_rules(context);
  }
  if (options.profile == Profile::kFrance) {
    if (options.french_mode == FrenchMode::kWarnings)
      context.override_severity(model::Severity::kWarning);
    check_french_rules(context);
    context.override_severity(std::nullopt);
  }
  return out;
}

std::vector<Rule> rules_of(Profile profile, detect::Syntax syntax) {
  if (syntax == detect::Syntax::kCdar)
    return cdar_rules();
  std::vector<Rule> out;
  auto add = [&](std::span<const Rule> rules) {
    out.insert(out.end(), rules.begin(), rules.end());
  };
  add(core_rules());
  add(calculation_rules());
  add(decimal_rules());
  add(vat_category_rules());
  add(code_list_rules());
  if (syntax == detect::Syntax::kCii)
    add(cii_syntax_rules());
  else if (detect::is_ubl(syntax))
    add(ubl_syntax_rules());
  if (profile == Profile::kFrance)
    add(french_rules());
  return out;
}

}  // namespace einvoice::validation
