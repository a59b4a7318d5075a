#pragma once

// The one place einvoice includes PoDoFo (Debian's libpodofo, 0.9): the
// modules that read or write PDFs (formats/facturx, render, ocr, signing)
// include this header and link einvoice_pdf, never PoDoFo directly, so the
// PoDoFo version, its logging and the hardening around its parser
// (pdf_file.h) are decided in one module. Untrusted bytes are parsed only
// through PdfFile::load or after prescan_pdf.

#include <podofo/podofo.h>

namespace einvoice::pdf {

// Turns PoDoFo's logging to stderr off, once per process: its parser
// warnings are einvoice's to report, with the file's name, not PoDoFo's to
// print. Every entry point of this module calls it; other modules call it
// before using PoDoFo on their own.
void quiet_podofo();

}  // namespace einvoice::pdf
