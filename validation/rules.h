#pragma once

#include <string_view>
#include <vector>

#include "formats/detect/document_kind.h"
#include "formats/xml/xml_document.h"
#include "model/diagnostic.h"
#include "model/invoice.h"
#include "validation/rule.h"

namespace einvoice::validation {

// Which rules apply: EN 16931 (with the syntax rules of the document's
// binding), or EN 16931 plus the French rules of the 2026 reform.
enum class Profile { kEn16931, kFrance };

const char* to_string(Profile profile);
// "en16931" or "fr"; nullopt otherwise.
std::optional<Profile> parse_profile(std::string_view text);

// How the French rules report: with their published flags, or all as
// warnings (the transition mode, while suppliers adapt).
enum class FrenchMode { kAsPublished, kWarnings };

struct RuleOptions {
  Profile profile = Profile::kEn16931;
  FrenchMode french_mode = FrenchMode::kAsPublished;
};

// Every rule of `profile` that does not hold for `invoice`, in family order
// (core, calculations, decimals, VAT categories, code lists, syntax, French),
// each with its official id, flag, message, business term and location.
//
// `document` is the XML `invoice` was read from (CII or UBL, as `syntax`
// says), used for the syntax rules and to locate findings; it may be null for
// an invoice built from data, and then only the semantic rules run. `file`
// names the document in every location. Thread-safe: no shared state.
model::Diagnostics check_rules(const model::Invoice& invoice, detect::Syntax syntax,
                               const xml::XmlDocument* document, std::string_view file,
                               const RuleOptions& options = {});

// Every rule `profile` can report for `syntax`, for documentation and SVRL (for
// kCdar, the BR-FR-CDV rules, whatever the profile).
std::vector<Rule> rules_of(Profile profile, detect::Syntax syntax);

}  // namespace einvoice::validation
