// BR-S, BR-Z, BR-E, BR-AE, BR-IC, BR-G, BR-O, BR-AF, BR-AG and BR-B (VAT
// categories) of EN 16931, validation-1.3.16.
//
// With a document, each rule runs on the contexts and with the tests of the
// artefact of the document's syntax (vat_category_ubl.h, vat_category_cii.h):
// the two artefacts differ in where a rule applies and in how they compare.
// Without a document (an invoice built from data), the rules run on the model
// (vat_category_model.h).

#include "validation/en16931/vat_category_cii.h"
#include "validation/en16931/vat_category_model.h"
#include "validation/en16931/vat_category_table.h"
#include "validation/en16931/vat_category_ubl.h"
#include "validation/rule_families.h"

namespace einvoice::validation {

void check_vat_category_rules(RuleContext& context) {
  const xml::XmlDocument* document = context.document();
  if (document == nullptr)
    vat_category::ModelVatCategories(context).run();
  else if (context.is_cii())
    vat_category::CiiVatCategories(context, document->root()).run();
  else if (context.is_ubl())
    vat_category::UblVatCategories(context, document->root()).run();
}

std::span<const Rule> vat_category_rules() {
  return vat_category::kRules;
}

}  // namespace einvoice::validation
