#include "ocr/input_document.h"

#include <leptonica/allheaders.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <mutex>

#include "formats/pdf/pdf_content_budget.h"

namespace einvoice::ocr {
namespace {

using model::Error;
using model::ErrorCode;

void quiet_libraries() {
  static std::once_flag once;
  std::call_once(once, [] {
    setMsgSeverity(L_SEVERITY_NONE);
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  });
}

Error error_of(ErrorCode code, std::string message, const std::string& name, int page = 0) {
  std::string place = page > 0 ? "page " + std::to_string(page) : "";
  return Error{code, std::move(message), {name, place, 0, 0}};
}

bool starts_with(std::string_view bytes, std::string_view magic) {
  return bytes.substr(0, magic.size()) == magic;
}

// A PDF page's text layer as words. Poppler gives boxes in points from the
// top-left corner of the (unrotated) page.
PageText text_layer_of(const poppler::page& page, int number) {
  PageText text;
  text.page = number;
  text.from_text_layer = true;
  const poppler::rectf rect = page.page_rect();
  text.width = rect.width();
  text.height = rect.height();
  std::vector<Word> words;
  // Poppler cuts words at wide kerning ("Br uttosumme"); a box it says has
  // no space after it, or that touches the next, continues into it.
  bool glue_next = false;
  for (const auto& box : page.text_list()) {
    poppler::byte_array utf8 = box.text().to_utf8();
    std::string value(utf8.begin(), utf8.end());
    if (value.empty())
      continue;
    const poppler::rectf b = box.bbox();
    Box here{b.x(), b.y(), b.width(), b.height()};
    const bool same_line =
        !words.empty() &&
        std::abs(words.back().box.center_y() - here.center_y()) < here.height / 2 &&
        here.x >= words.back().box.x;
    // Some producers space letters so that a word comes as two boxes with a
    // gap far below a space's width (about a quarter of the text height).
    const double gap = same_line ? here.x - words.back().box.right() : 0;
    const bool touching = same_line && gap < 0.14 * here.height;
    // A missing space across a column gap is not a word going on.
    const bool continues = same_line && glue_next && gap < 0.5 * here.height;
    if (touching || continues) {
      Word& previous = words.back();
      previous.text += value;
      const double top = std::min(previous.box.y, here.y);
      const double bottom = std::max(previous.box.bottom(), here.bottom());
      previous.box = {previous.box.x, top, here.right() - previous.box.x, bottom - top};
    } else {
      words.push_back({std::move(value), here, 100});
    }
    glue_next = !box.has_space_after();
  }
  text.lines = group_into_lines(std::move(words));
  return text;
}

std::size_t character_count(const PageText& text) {
  std::size_t n = 0;
  for (const auto& line : text.lines) {
    for (const auto& word : line.words)
      n += word.text.size();
  }
  return n;
}

// A rendered page (ARGB32 or RGB24) as a Leptonica 32 bpp image.
PixPtr pix_of(const poppler::image& image) {
  const int w = image.width();
  const int h = image.height();
  PixPtr pix(pixCreate(w, h, 32));
  if (!pix)
    return pix;
  const char* data = image.const_data();
  const int stride = image.bytes_per_row();
  const bool argb = image.format() == poppler::image::format_argb32;
  for (int y = 0; y < h; ++y) {
    const auto* row = reinterpret_cast<const unsigned char*>(data + static_cast<long>(y) * stride);
    l_uint32* out = pixGetData(pix.get()) + static_cast<long>(y) * pixGetWpl(pix.get());
    for (int x = 0; x < w; ++x) {
      unsigned char r, g, b;
      if (argb) {  // little-endian BGRA in memory
        b = row[4 * x];
        g = row[4 * x + 1];
        r = row[4 * x + 2];
      } else {
        r = row[3 * x];
        g = row[3 * x + 1];
        b = row[3 * x + 2];
      }
      composeRGBPixel(r, g, b, out + x);
    }
  }
  return pix;
}

}  // namespace

void PixDeleter::operator()(Pix* pix) const {
  pixDestroy(&pix);
}

const char* to_string(InputKind kind) {
  switch (kind) {
    case InputKind::kJpeg:
      return "JPEG";
    case InputKind::kPng:
      return "PNG";
    case InputKind::kTiff:
      return "TIFF";
    case InputKind::kPdf:
      return "PDF";
    case InputKind::kUnknown:
      break;
  }
  return "unknown";
}

InputKind detect_input(std::string_view bytes) {
  if (starts_with(bytes, "\xFF\xD8\xFF"))
    return InputKind::kJpeg;
  if (starts_with(bytes, "\x89PNG\r\n\x1A\n"))
    return InputKind::kPng;
  if (starts_with(bytes, std::string_view("II*\0", 4)) ||
      starts_with(bytes, std::string_view("MM\0*", 4)))
    return InputKind::kTiff;
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos)
    return InputKind::kPdf;
  return InputKind::kUnknown;
}

struct InputDocument::State {
  std::string bytes;
  std::string name;
  InputLimits limits;
  InputKind kind = InputKind::kUnknown;
  int pages = 0;
  std::unique_ptr<poppler::document> pdf;
};

InputDocument::InputDocument(std::unique_ptr<State> state) : state_(std::move(state)) {}
InputDocument::InputDocument(InputDocument&&) noexcept = default;
InputDocument& InputDocument::operator=(InputDocument&&) noexcept = default;
InputDocument::~InputDocument() = default;

InputKind InputDocument::kind() const {
  return state_->kind;
}
int InputDocument::page_count() const {
  return state_->pages;
}
const std::string& InputDocument::name() const {
  return state_->name;
}

model::Result<InputDocument> InputDocument::open(std::string bytes, std::string name,
                                                 const InputLimits& limits) {
  quiet_libraries();
  auto state = std::make_unique<State>();
  state->limits = limits;
  state->name = std::move(name);
  if (bytes.empty())
    return error_of(ErrorCode::kMalformed, "the file is empty", state->name);
  if (bytes.size() > limits.max_bytes) {
    return error_of(ErrorCode::kLimitExceeded,
                    "the file is " + std::to_string(bytes.size()) + " bytes; the limit is " +
                        std::to_string(limits.max_bytes),
                    state->name);
  }
  state->kind = detect_input(bytes);
  state->bytes = std::move(bytes);
  switch (state->kind) {
    case InputKind::kUnknown:
      return error_of(ErrorCode::kUnsupported,
                      "not a JPEG, PNG, TIFF or PDF file (judged from its first bytes)",
                      state->name);
    case InputKind::kJpeg:
    case InputKind::kPng:
      state->pages = 1;
      break;
    case InputKind::kTiff: {
      FILE* memory = fmemopen(state->bytes.data(), state->bytes.size(), "rb");
      l_int32 count = 0;
      if (!memory || tiffGetCount(memory, &count) != 0 || count <= 0) {
        if (memory)
          std::fclose(memory);
        return error_of(ErrorCode::kMalformed, "corrupt TIFF: no readable page", state->name);
      }
      std::fclose(memory);
      state->pages = count;
      break;
    }
    case InputKind::kPdf: {
      // poppler interprets page content with no bound of its own: the work
      // of rendering each page is measured first, within the limits, and
      // poppler reads the copy that was measured (pdf_content_budget.h).
      pdf::ContentLimits content;
      content.max_page_content_bytes = limits.max_page_content_bytes;
      content.max_content_bytes = limits.max_content_bytes;
      content.max_pages = limits.max_pages;
      content.render_dpi = limits.render_dpi;
      content.max_image_samples = static_cast<double>(limits.max_pixels);
      content.max_page_image_samples = 2 * static_cast<double>(limits.max_pixels);
      pdf::PdfLimits pdf_limits;
      pdf_limits.max_file_bytes = limits.max_bytes;
      auto copy = pdf::bounded_render_copy(state->bytes, state->name, content, pdf_limits);
      if (!copy)
        return copy.error();
      state->bytes = std::move(*copy);
      state->pdf.reset(poppler::document::load_from_raw_data(
          state->bytes.data(), static_cast<int>(state->bytes.size())));
      if (!state->pdf)
        return error_of(ErrorCode::kMalformed, "corrupt PDF: it cannot be opened", state->name);
      if (state->pdf->is_locked()) {
        return error_of(ErrorCode::kUnsupported,
                        "the PDF is encrypted with a password; send it unprotected", state->name);
      }
      state->pages = state->pdf->pages();
      if (state->pages <= 0)
        return error_of(ErrorCode::kMalformed, "the PDF has no page", state->name);
      break;
    }
  }
  if (state->pages > limits.max_pages) {
    return error_of(ErrorCode::kLimitExceeded,
                    "the document has " + std::to_string(state->pages) + " pages; the limit is " +
                        std::to_string(limits.max_pages) + " pages per invoice (max_pages)",
                    state->name);
  }
  return InputDocument(std::move(state));
}

model::Result<PageInput> InputDocument::page(int number) const {
  const State& s = *state_;
  if (number < 1 || number > s.pages)
    return error_of(ErrorCode::kInvalidArgument, "no such page", s.name, number);
  PageInput input;
  input.page = number;
  const auto* data = reinterpret_cast<const l_uint8*>(s.bytes.data());

  if (s.kind == InputKind::kPdf) {
    std::unique_ptr<poppler::page> page(s.pdf->create_page(number - 1));
    if (!page)
      return error_of(ErrorCode::kMalformed, "the page cannot be read", s.name, number);
    PageText text = text_layer_of(*page, number);
    if (character_count(text) >= static_cast<std::size_t>(s.limits.min_text_layer_chars)) {
      input.text_layer = std::move(text);
      return input;
    }
    const poppler::rectf rect = page->page_rect();
    const double scale = s.limits.render_dpi / 72.0;
    const double pixels = rect.width() * scale * rect.height() * scale;
    if (!(pixels > 0) || pixels > static_cast<double>(s.limits.max_pixels)) {
      return error_of(ErrorCode::kLimitExceeded,
                      "the page is too large to render at " + std::to_string(s.limits.render_dpi) +
                          " dpi (max_pixels)",
                      s.name, number);
    }
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    poppler::image image =
        renderer.render_page(page.get(), s.limits.render_dpi, s.limits.render_dpi);
    if (!image.is_valid())
      return error_of(ErrorCode::kMalformed, "the page cannot be rendered", s.name, number);
    input.image = pix_of(image);
    input.dpi = s.limits.render_dpi;
  } else {
    // The size from the header, before anything is decoded.
    l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, colormap = 0, resolution = 0;
    const bool header_read =
        s.kind == InputKind::kTiff
            ? readHeaderMemTiff(data, s.bytes.size(), number - 1, &w, &h, &bps, &spp, &resolution,
                                &colormap, &format) == 0
            : pixReadHeaderMem(data, s.bytes.size(), &format, &w, &h, &bps, &spp, &colormap) == 0;
    if (!header_read)
      return error_of(ErrorCode::kMalformed,
                      std::string("corrupt ") + to_string(s.kind) + ": unreadable header", s.name,
                      number);
    if (static_cast<long long>(w) * h > s.limits.max_pixels) {
      return error_of(ErrorCode::kLimitExceeded,
                      "the image is " + std::to_string(w) + "x" + std::to_string(h) +
                          " pixels; the limit is " + std::to_string(s.limits.max_pixels) +
                          " pixels (max_pixels)",
                      s.name, number);
    }
    Pix* pix = s.kind == InputKind::kTiff ? pixReadMemTiff(data, s.bytes.size(), number - 1)
                                          : pixReadMem(data, s.bytes.size());
    if (!pix) {
      return error_of(ErrorCode::kMalformed,
                      std::string("corrupt ") + to_string(s.kind) + ": the image cannot be decoded",
                      s.name, number);
    }
    input.image.reset(pix);
    const long long pixels = static_cast<long long>(pixGetWidth(pix)) * pixGetHeight(pix);
    if (pixels > s.limits.max_pixels) {
      return error_of(ErrorCode::kLimitExceeded,
                      "the image is larger than " + std::to_string(s.limits.max_pixels) +
                          " pixels (max_pixels)",
                      s.name, number);
    }
    // Resolution: as recorded, else guessed from an A4 portrait width.
    int dpi = pixGetXRes(pix);
    if (dpi < 50 || dpi > 1200) {
      const int longer = std::max(pixGetWidth(pix), pixGetHeight(pix));
      dpi = static_cast<int>(std::lround(longer / 11.69));
    }
    input.dpi = std::max(dpi, 1);
  }
  if (pixGetWidth(input.image.get()) < s.limits.min_side ||
      pixGetHeight(input.image.get()) < s.limits.min_side) {
    return error_of(ErrorCode::kUnsupported,
                    "the image is " + std::to_string(pixGetWidth(input.image.get())) + "x" +
                        std::to_string(pixGetHeight(input.image.get())) +
                        " pixels: too small to hold readable text",
                    s.name, number);
  }
  return input;
}

}  // namespace einvoice::ocr
