#pragma once

// Shared pieces of the conversion tests: the corpus, the two binding tables,
// the conversions under test and the term-by-term comparison.

#include <filesystem>
#include <string>
#include <vector>

#include "model/invoice.h"
#include "tests/conversion/binding_table.h"
#include "tests/conversion/term_probe.h"

namespace einvoice::conversion_test {

enum class Syntax { kCii, kUbl };

const char* to_string(Syntax syntax);
Syntax other(Syntax syntax);

// The official examples of `syntax` in the shared corpus, sorted by name.
std::vector<std::filesystem::path> examples(Syntax syntax);

// The file's bytes; REQUIRES (checked with Catch): readable.
std::string load(const std::filesystem::path& path);

// testdata/bindings/<syntax>.tsv, loaded once. Fails the running test when
// the table cannot be read (the message names file and line).
const BindingTable& table(Syntax syntax);

// The terms of `xml` found with table(syntax); fails the running test when
// the document is not well-formed or an XPath is invalid.
TermValues probe(Syntax syntax, const std::string& xml, const std::string& name);

// One conversion step: `xml` in syntax `from` read with its reader. Fails the
// running test when the reader returns an Error.
model::Invoice read(Syntax from, const std::string& xml, const std::string& name);
// `invoice` written in `to` with its writer.
std::string write(Syntax to, const model::Invoice& invoice);

// The XSD (CII D16B or UBL 2.1) issues of `xml` written in `syntax`, one per
// line, each naming `name`; empty when the document is valid.
std::string schema_issues(Syntax syntax, const std::string& xml, const std::string& name);

// A term of `file` that cannot survive one direction of conversion, for a
// reason of the syntaxes themselves (not of our code).
struct KnownLoss {
  Syntax from;
  const char* file;
  const char* term;
  const char* reason;
};
const std::vector<KnownLoss>& known_losses();

// A difference the round trip from -> other -> from cannot avoid, for a
// reason of the syntaxes: model::diff_terms lines of `file` containing
// `path_part` (e.g. "BG-3[") are explained by `reason`.
struct KnownRoundTripDifference {
  Syntax from;
  const char* file;
  const char* path_part;
  const char* reason;
};
const std::vector<KnownRoundTripDifference>& known_round_trip_differences();

// The lines of `differences` (model::diff_terms of a round trip of `file`)
// that no known_round_trip_differences() entry explains; the explained ones
// are appended to `explained` with their reason.
std::vector<std::string> unexplained_differences(const std::string& file, Syntax from,
                                                 const std::vector<std::string>& differences,
                                                 std::vector<std::string>& explained);

// Outcome of comparing a source's terms with those of its conversion.
struct TermComparison {
  std::vector<std::string> failures;         // "file: BT-xx: source [..] vs converted [..]"
  std::vector<std::string> expected_losses;  // known_losses() that occurred, with the reason
  std::vector<std::string> extra_terms;      // terms only in the converted document
  std::vector<std::string> checked_terms;    // term ids found in the source and compared
};

// Compares the terms of `source` (syntax `from`) with those of `converted`
// (the other syntax): every term found in the source must be found in the
// conversion with the same multiset of values, after the documented
// equivalences between the syntaxes (UBL "#CODE#text" notes for BT-21, the
// BT-8 code lists) and except known_losses().
TermComparison compare_terms(const std::string& file, Syntax from, TermValues source,
                             TermValues converted);

// `xml` (syntax `from`, named `name`) read with its reader, written with the
// other syntax's writer, and compare_terms() applied to both documents.
TermComparison convert_and_compare(Syntax from, const std::string& name, const std::string& xml);

// UBL has no note subject (BT-21): the XRechnung convention writes it in
// front of the note, "#AAI#text". Splits such BT-22 values of a UBL
// document's terms into BT-21 and BT-22, so that they compare with CII.
void apply_note_subject_convention(TermValues& terms);

// "[a, b]" for messages.
std::string show(const std::vector<std::string>& values);

}  // namespace einvoice::conversion_test
