#pragma once

// What qpdf (Debian's libqpdf) does for einvoice: repairing damaged PDFs
// (it reads what many writers get wrong: a missing endobj, wrong offsets, a
// broken or absent cross-reference table, and writes the same document
// cleanly for a strict reader, PoDoFo), and telling where the
// cross-reference puts an object.
//
// This header and its source include nothing of the project: qpdf 11's
// headers compile only as C++17 with clang, so qpdf_repair.cpp is built as
// C++17 on its own.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace einvoice::pdf {

// `pdf` read with qpdf's recovery and written again into `out`: every object
// and stream as it is (streams neither decoded nor recompressed), no object
// streams, a new cross-reference table; encryption with an empty user
// password removed. False, with qpdf's reason in `error`, when qpdf cannot
// read it either. `name` names the file in qpdf's messages. `warnings`
// receives what qpdf had to repair, each naming the object and the byte
// offset where qpdf knows them ("object 12 0 at offset 3456: ...").
bool repair_with_qpdf(std::string_view pdf, std::string_view name, std::string& out,
                      std::string& error, std::vector<std::string>& warnings);

// Where the cross-reference a reader follows (the last revision's, through
// its /Prev chain) puts object `number` `generation` of `pdf`: its byte
// offset, or for an object kept in an object stream the offset of that
// stream. nullopt when the object is not in the cross-reference or qpdf
// cannot read the file (no recovery: a damaged table is not guessed at).
std::optional<std::size_t> xref_offset(std::string_view pdf, std::string_view name,
                                       std::uint32_t number, std::uint16_t generation);

}  // namespace einvoice::pdf
