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

namespace einvoice::facturx {

// `pdf` read with qpdf's recovery and written again into `out`: every object
// and stream as it is (streams neither decoded nor recompressed), no object
// streams, a new cross-reference table; encryption with an empty user
// password removed. False, with qpdf's reason in `error`, when qpdf cannot
// read it either. `name` names the file in qpdf's messages.
bool repair_with_qpdf(std::string_view pdf, std::string_view name, std::string& out,
                      std::string& error);

}  // namespace einvoice::facturx
