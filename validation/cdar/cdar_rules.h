#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "formats/xml/xml_document.h"
#include "model/diagnostic.h"
#include "validation/rule.h"

namespace einvoice::validation {

// The BR-FR-CDV rules of the French lifecycle statuses (CDAR D22B,
// CrossDomainAcknowledgementAndResponse), as the release named in
// cdar/cdar_table.h publishes them.
//
// Every rule that does not hold for `document`, in the order the Schematron
// reports them (pattern by pattern, each in document order), each with its
// official id, flag, term (MDT-*/MDG-*), the published message with the
// values it quotes, and the location (`file`, XPath and line) of the element
// the rule's context matched. The rules apply the Schematron's semantics as
// published, including within a pattern only the first rule whose context
// matches a node, so a rule the Schematron can never report is never
// reported here either (docs/rules-release.md lists them). `as_warnings`
// reports every finding as a warning (the French transition mode).
// A document of another vocabulary gets the findings its elements happen to
// match (usually none). Thread-safe: no shared mutable state.
model::Diagnostics check_cdar(const xml::XmlDocument& document, std::string_view file,
                              bool as_warnings = false);

// Every BR-FR-CDV rule, in Schematron order (documentation, SVRL).
std::vector<Rule> cdar_rules();

// What is wrong with the implementation against the generated table: a
// rule of the release with no test in the code, a test in the code for a
// rule the release lacks, a message whose number of quoted values differs
// from what the code supplies, a code list the code needs that the table
// lacks. Empty when they agree (checked by the tests).
std::vector<std::string> cdar_table_problems();

}  // namespace einvoice::validation
