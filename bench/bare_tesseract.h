#pragma once

// The bare `tesseract` command on the page einvoice reads, timed, so that
// bench/ocr_eval can show what einvoice costs beside Tesseract alone on the
// same pages in the same run (the same languages and page segmentation, one
// thread: OMP_THREAD_LIMIT=1).

#include <optional>
#include <string>

namespace einvoice::bench {

// Writes `image` (encoded, e.g. JPEG) to a private temporary file, runs
// `tesseract FILE stdout -l LANGUAGES --psm PSM` with its output discarded,
// and returns the wall seconds it took; nothing when the command could not
// be started or failed.
std::optional<double> time_bare_tesseract(const std::string& image, const std::string& languages,
                                          int page_segmentation);

}  // namespace einvoice::bench
