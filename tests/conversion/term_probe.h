#pragma once

// Finds business terms in a CII or UBL document by evaluating a binding
// table's XPaths with libxml2, without the einvoice readers.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/result.h"
#include "tests/conversion/binding_table.h"

namespace einvoice::conversion_test {

// Term id -> its normalised values in document order. A term is a key only
// when at least one non-empty value was found.
using TermValues = std::map<std::string, std::vector<std::string>>;

// `raw` normalised for comparison as `kind` (see TermKind). Returns "" for a
// value that is empty after trimming.
std::string normalise(TermKind kind, std::string_view raw);

// Parses `xml` (no network, no DTD loading, no entity substitution) and
// evaluates every binding of `table` on it. The prefixes rsm, ram, udt, qdt
// (CII D16B) and inv, cn, cac, cbc (UBL 2.1) are registered.
// Errors: kMalformed when the document is not well-formed; kInvalidArgument
// naming the term when an XPath does not compile or selects something other
// than nodes. Thread-compatible: no shared state beyond libxml2's own.
model::Result<TermValues> probe_terms(std::string_view xml, const BindingTable& table,
                                      std::string_view document_name);

// The terms of `table` whose XPath libxml2 refuses to compile, each as
// "BT-xx: xpath".
std::vector<std::string> uncompilable_bindings(const BindingTable& table);

}  // namespace einvoice::conversion_test
