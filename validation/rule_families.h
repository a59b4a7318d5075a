#pragma once

#include <span>

#include "validation/rule.h"
#include "validation/rule_context.h"

namespace einvoice::validation {

// The rule families. Each checks one published set of rules against the
// context's invoice (or document) and reports every rule that does not hold,
// once per place it fails at; none stops at a first finding, none throws.
// Each family's rules() lists every rule it can report, with official ids,
// flags and messages (for documentation, SVRL and the rule-listing command).

// EN 16931-1 BR-01 ... BR-65 (mandatory terms and conditional presence).
void check_core_rules(RuleContext& context);
std::span<const Rule> core_rules();

// BR-CO-* (calculations and co-occurrence), with the official rounding.
void check_calculation_rules(RuleContext& context);
std::span<const Rule> calculation_rules();

// BR-DEC-* (number of decimals of amounts).
void check_decimal_rules(RuleContext& context);
std::span<const Rule> decimal_rules();

// BR-S, BR-Z, BR-E, BR-AE, BR-IC, BR-G, BR-O, BR-AF, BR-AG (VAT categories)
// and BR-B (split payment).
void check_vat_category_rules(RuleContext& context);
std::span<const Rule> vat_category_rules();

// BR-CL-* (code lists).
void check_code_list_rules(RuleContext& context);
std::span<const Rule> code_list_rules();

// CII-SR-*, CII-DT-* (CII syntax binding), on the document; CII only.
void check_cii_syntax_rules(RuleContext& context);
std::span<const Rule> cii_syntax_rules();

// UBL-SR-*, UBL-CR-*, UBL-DT-* (UBL syntax binding), on the document; UBL only.
void check_ubl_syntax_rules(RuleContext& context);
std::span<const Rule> ubl_syntax_rules();

// BR-FR-* (French CTC rules, XP Z12-012 / FNFE-MPE Flux 2), profile "fr".
void check_french_rules(RuleContext& context);
std::span<const Rule> french_rules();

}  // namespace einvoice::validation
