#pragma once

// A syntax binding table (testdata/bindings/*.tsv): for each EN 16931
// business term, the XPath that finds it in one syntax. The tables are
// written from EN 16931-3-2/-3-3, independently of the readers, so that the
// conversion test can see terms the readers would not.

#include <filesystem>
#include <string>
#include <vector>

#include "model/result.h"

namespace einvoice::conversion_test {

// How a term's raw text is normalised before values are compared.
enum class TermKind {
  kText,  // trimmed of XML whitespace
  // Trimmed, then only the xs:decimal spellings that change neither value nor
  // scale are unified: a leading '+' and a trailing '.' are dropped, a
  // missing leading zero is added ("+64." -> "64", "-.5" -> "-0.5").
  // Trailing zeros are kept: "100.00" and "100.0" differ.
  kDecimal,
  kDate,  // trimmed; CII format 102 (YYYYMMDD) becomes YYYY-MM-DD
  kCode,  // trimmed
};

// One table row: `xpath` is an absolute XPath 1.0 expression selecting the
// elements or attributes that carry `term` ("BT-29", "BT-29-1", ...).
struct Binding {
  std::string term;
  TermKind kind = TermKind::kText;
  std::string xpath;
  std::string comment;
};

// A term the table leaves out on purpose: a comment line "# BT-xx<TAB>..."
// whose last column says why no XPath can express it.
struct UnboundTerm {
  std::string term;
  std::string reason;
};

struct BindingTable {
  std::string name;  // the file name, for messages
  std::vector<Binding> bindings;
  std::vector<UnboundTerm> unbound;
};

// Reads a table: tab-separated "term kind xpath comment", a header line
// starting with "term", comment lines starting with '#', blank lines ignored.
// Errors: kIo when the file cannot be read; kMalformed naming file and line
// for a row with the wrong column count, an unknown kind, a term id that is
// not "BT-<n>" or "BT-<n>-<m>", or a term bound twice.
model::Result<BindingTable> load_binding_table(const std::filesystem::path& path);

// "BT-29-1" -> true; "BG-4", "BT-", "BT-29-" -> false.
bool is_term_id(const std::string& text);

}  // namespace einvoice::conversion_test
