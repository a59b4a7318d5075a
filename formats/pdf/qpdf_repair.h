#pragma once

// Damaged PDFs repaired by qpdf (Debian's libqpdf), which reads what many
// writers get wrong (a missing endobj, wrong offsets, a broken or absent
// cross-reference table) and writes the same document cleanly, for a reader
// that is strict (PoDoFo).
//
// This header and its source include nothing of the project: qpdf 11's
// headers compile only as C++17 with clang, so qpdf_repair.cpp is built as
// C++17 on its own.

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

}  // namespace einvoice::pdf
