#pragma once

// Private to einvoice_pades: the revisions of a PDF (one per "startxref N
// %%EOF" marker) and what the revisions after a signed one change, object by
// object, judged against what PAdES allows after a signature (docs/sealing.md,
// "What may follow a signature"). Both states are read with formats/pdf's
// bounded PoDoFo loader: the signed state from the file's prefix up
// to the signed revision's end, the final state from the whole file.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/result.h"
#include "signing/pades.h"

namespace einvoice::signing::pdf {

// Bounds on the work of comparing revisions, so that a hostile PDF cannot
// make verification hang: more revisions, objects or signatures than these
// are refused (kLimitExceeded), and the signature fails.
inline constexpr std::size_t kMaxRevisions = 1000;
inline constexpr std::size_t kMaxObjects = 200000;
inline constexpr std::size_t kMaxSignatures = 32;

// One revision: where it ends and the cross-reference it names.
struct PdfRevision {
  std::size_t eof_end = 0;   // just after its "%%EOF"
  std::size_t line_end = 0;  // after the end-of-line that may follow "%%EOF"
  std::uint64_t startxref = 0;
};

// The revisions of `pdf` in file order: every "%%EOF" preceded by
// "startxref", blanks, digits and blanks. Stops after kMaxRevisions + 1, so a
// result larger than kMaxRevisions means "too many".
std::vector<PdfRevision> find_revisions(std::string_view pdf);

// The 0-based index of the revision that ends at `end` (from eof_end to
// line_end inclusive), or nullopt when `end` is not a revision's end.
std::optional<std::size_t> revision_ending_at(const std::vector<PdfRevision>& revisions,
                                              std::size_t end);

// The final state of a PDF, loaded once, compared with the state of each
// signed revision. Not thread-safe (one verification per instance).
class RevisionComparer {
 public:
  // Loads the whole of `pdf` (borrowed: it must outlive the comparer).
  // Errors: kLimitExceeded (file, revisions or objects past the limits),
  // kMalformed (unreadable, or a damaged cross-reference that had to be
  // rebuilt: the state a reader sees is then uncertain), kUnsupported
  // (encrypted). `origin` names the file in errors.
  static model::Result<RevisionComparer> load(std::string_view pdf, std::string_view origin);

  RevisionComparer(RevisionComparer&&) noexcept;
  RevisionComparer& operator=(RevisionComparer&&) noexcept;
  ~RevisionComparer();

  // Every object the bytes after `signed_end` add, change or remove compared
  // with the document `pdf[0, signed_end)` describes, each classified as
  // allowed or not; the trailer's /Root, /Info and /Encrypt count as object 0.
  // An object header written after `signed_end` that the final
  // cross-reference does not use (and that is not a later cross-reference
  // stream) is a change too ("unreferenced"). Errors: as load, for the
  // signed prefix.
  model::Result<std::vector<PdfObjectChange>> changes_after(std::size_t signed_end);

  // One loaded state of the document (defined in the .cpp).
  struct State;

 private:
  RevisionComparer() = default;
  std::string_view pdf_;
  std::string origin_;
  std::unique_ptr<State> final_;
};

}  // namespace einvoice::signing::pdf
