#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "model/result.h"
#include "ocr/ocr_text.h"

struct Pix;

namespace einvoice::ocr {

// Owns a Leptonica image.
struct PixDeleter {
  void operator()(Pix* pix) const;
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

enum class InputKind { kJpeg, kPng, kTiff, kPdf, kUnknown };
const char* to_string(InputKind kind);
// From the first bytes (magic numbers), never from the file name.
InputKind detect_input(std::string_view bytes);

struct InputLimits {
  std::size_t max_bytes = 100u << 20;
  int max_pages = 100;                     // more pages are refused, naming this limit
  long long max_pixels = 12000LL * 12000;  // per page image, after decoding
  int min_side = 32;                       // pixels: smaller images hold no readable text
  int render_dpi = 300;                    // scanned PDF pages are rendered at this resolution
  // Decoded page content (content streams and Form XObjects) of a PDF,
  // measured before poppler reads it: per page, and for the whole document.
  std::size_t max_page_content_bytes = 16u << 20;
  std::size_t max_content_bytes = 64u << 20;
  // A PDF page whose text layer has at least this many characters is read
  // from the text layer, without OCR.
  int min_text_layer_chars = 40;
};

// One page, ready to read: either the words of a PDF text layer, or an image.
struct PageInput {
  int page = 1;
  std::optional<PageText> text_layer;
  PixPtr image;
  int dpi = 300;  // of `image`
};

// An input document opened for reading page by page, so that memory stays
// bounded whatever the page count. Not thread-safe; pages of one document
// may be read in any order.
class InputDocument {
 public:
  // Errors: kUnsupported (not JPEG, PNG, TIFF or PDF; encrypted PDF),
  // kMalformed (corrupt image or PDF; a PDF the hardened Factur-X reader
  // cannot parse is refused too, as its content could not be bounded),
  // kLimitExceeded (size, pages, pixels, decoded page content, PDF nesting;
  // the message names the limit).
  static model::Result<InputDocument> open(std::string bytes, std::string name,
                                           const InputLimits& limits = {});
  InputDocument(InputDocument&&) noexcept;
  InputDocument& operator=(InputDocument&&) noexcept;
  ~InputDocument();

  InputKind kind() const;
  int page_count() const;
  const std::string& name() const;
  // The page (1-based). Errors as for open().
  model::Result<PageInput> page(int number) const;

 private:
  struct State;
  explicit InputDocument(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace einvoice::ocr
