// BR-FR-* (French CTC rules, XP Z12-012, FNFE-MPE BR-FR Flux 2 Schematrons
// v1.4.0.03), profile "fr": the rule tables and the dispatch to the family of
// the document's syntax. Ids, flags, terms, messages and the path rules are
// generated (french_tables.h, tools/generate_french_tables.py); the checks
// are code. CII (french_cii.h): every rule of BR-FR-01 to BR-FR-32,
// BR-FR-CO-* and BR-FR-DEC-*, the path rules from the table. UBL (french_ubl.h): the same families
// on the UBL artefact's contexts. BR-FR-27 on UBL never applies: the artefact's contexts for it
// (ubl:Invoice/cac:Item/...) name no element of a UBL invoice. Not
// implemented yet, for both syntaxes: the rules of the multi-vendor and
// bi-directional billing modes (BR-FR-MV-*, BR-FR-BD-*, billing modes
// B8/S8/M8 and B9/S9/M9).
// rules_of() lists only what is checked.

#include <algorithm>
#include <iterator>
#include <string_view>
#include <vector>

#include "validation/fr/french_cii.h"
#include "validation/fr/french_ubl.h"
#include "validation/rule_families.h"

namespace einvoice::validation {
namespace french {
namespace {

// The published rules not checked (rules_of() lists only what is checked):
// the multi-vendor and bi-directional billing modes (not implemented yet),
// and two rules the artefacts never report: BR-FR-16_BT-103 (UBL: a second
// rule on the context of BR-FR-16_BT-96 in the same pattern) and
// BR-FR-DEC-01_BT-111 (CII: the context of the BT-110 rule, see
// french_cii.h).
constexpr std::string_view kUnchecked[] = {"BR-FR-MV-", "BR-FR-BD-", "BR-FR-DEC-01_BT-111",
                                           "BR-FR-16_BT-103"};

bool checked(std::string_view id) {
  return std::none_of(std::begin(kUnchecked), std::end(kUnchecked), [&](std::string_view prefix) {
    return id.substr(0, prefix.size()) == prefix;
  });
}

// Every rule of the family the code checks: the CII artefact's, then the
// UBL artefact's whose ids CII does not have.
const std::vector<Rule>& all_rules() {
  static const std::vector<Rule> rules = [] {
    std::vector<Rule> out;
    for (const auto& r : kCiiRules) {
      if (checked(r.id))
        out.push_back(r);
    }
    for (const auto& r : kUblRules) {
      const bool known =
          std::any_of(out.begin(), out.end(), [&](const Rule& o) { return o.id == r.id; });
      if (!known && checked(r.id))
        out.push_back(r);
    }
    return out;
  }();
  return rules;
}

}  // namespace

const Rule& rule(std::string_view id) {
  for (const auto& r : kCiiRules) {
    if (r.id == id)
      return r;
  }
  for (const auto& r : kUblRules) {
    if (r.id == id)
      return r;
  }
  return kCiiRules[0];
}

const Rule& ubl_rule(std::string_view id) {
  for (const auto& r : kUblRules) {
    if (r.id == id)
      return r;
  }
  return rule(id);
}

}  // namespace french

void check_french_rules(RuleContext& context) {
  const xml::XmlDocument* document = context.document();
  if (document == nullptr)
    return;
  xml::XmlElement root = document->root();
  if (!root)
    return;
  if (context.is_cii() && root.is(cii::kRsmNamespace, cii::kRootElement))
    french::CiiFrench(context, root).run();
  else if (context.is_ubl() && (root.is(ubl::kInvoiceNamespace, ubl::kInvoiceRoot) ||
                                root.is(ubl::kCreditNoteNamespace, ubl::kCreditNoteRoot)))
    french::UblFrench(context, root).run();
}

std::span<const Rule> french_rules() {
  return french::all_rules();
}

}  // namespace einvoice::validation
