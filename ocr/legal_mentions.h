#pragma once

// The seller as its legal mentions name it: the line that gives a company's
// name with its registration ("Atelier Dupré SASU au capital de 22 000 € -
// RCS Lyon 630 893 105 - SIRET ..."), most often the page's footer, and the
// same name found again in the letterhead, where it is printed larger.

#include <optional>
#include <string_view>
#include <vector>

#include "ocr/extracted_invoice.h"
#include "ocr/layout.h"

namespace einvoice::ocr {

struct LegalName {
  Field name;  // the words before the registration, as printed
  const LayoutLine* line = nullptr;
};

// Every company name a legal mention of the document introduces, from the
// bottom of the last page up (a footer closes the page). A name is the run
// of words before the first registration words of a line ("au capital",
// "RCS", "SIRET", "Company no.", "HRB", ...), after any separator before
// it; it has letters, no more than eight words, few digits, and either a
// legal form or its place in the lower part of the page.
std::vector<LegalName> names_in_legal_mentions(const Layout& layout);

// `folded_name` (folded by fold_for_labels) printed in the letterhead, the
// top two fifths of the first page: a column segment's words, or a segment
// continued in its column on the next lines ("Imprimerie Géraud" over
// "SASU"). The words as printed, with their boxes and the lowest of their
// confidences.
std::optional<Field> in_letterhead(const Layout& layout, std::string_view folded_name);

}  // namespace einvoice::ocr
