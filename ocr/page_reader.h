#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "model/result.h"
#include "ocr/input_document.h"
#include "ocr/ocr_text.h"

namespace einvoice::ocr {

struct ReaderOptions {
  std::string languages = "fra+eng";
  std::filesystem::path tessdata;  // empty: Tesseract's default location
  // Page segmentation: 4 (one column of text of variable sizes) reads
  // invoices far better than the default 3 (fully automatic).
  int page_segmentation = 4;
  // Binarise with Sauvola (local thresholds) before OCR; helps noisy or
  // unevenly lit scans. Otherwise Tesseract's own Otsu threshold is used.
  bool local_binarisation = false;
  // Images are scaled to this resolution before OCR: small print (7-8 pt,
  // common on invoices) reads better above 300 dpi.
  int working_dpi = 300;
  // Read again, alone as one line, the parts of lines Tesseract read badly
  // (a word under 60% confidence; at most 12 a page): the page segmentation
  // above merges the lines of two columns a little apart in height and
  // garbles the second.
  bool reread_weak_segments = true;
};

// Reads page images with Tesseract after preparing them with Leptonica:
// resolution brought to 300 dpi, orientation (0/90/180/270) and skew
// corrected, optionally binarised.
//
// Thread safety: one PageReader per thread (Tesseract's models are loaded
// once per reader, and its own OpenMP threading is switched off so that
// pages spread over the cores instead).
class PageReader {
 public:
  // Errors: kIo when the language models cannot be loaded (names them).
  static model::Result<std::unique_ptr<PageReader>> create(const ReaderOptions& options = {});
  ~PageReader();
  PageReader(const PageReader&) = delete;
  PageReader& operator=(const PageReader&) = delete;

  // The words of a page: from its text layer when it has one, else by OCR.
  model::Result<PageText> read(const PageInput& page, const std::string& document_name);

 private:
  struct Engine;
  explicit PageReader(std::unique_ptr<Engine> engine, ReaderOptions options);
  std::unique_ptr<Engine> engine_;
  ReaderOptions options_;
};

}  // namespace einvoice::ocr
