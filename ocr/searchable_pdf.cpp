#include "ocr/searchable_pdf.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "formats/pdf/podofo.h"

namespace einvoice::ocr {
namespace {

using model::Error;
using model::ErrorCode;

Error failure(ErrorCode code, const std::string& name, const std::string& what) {
  return Error{code, what, {name, "", 0, 0}};
}

// The word drawn so that its width matches the box it was read in.
void draw_word(PoDoFo::PdfPainter& painter, PoDoFo::PdfFont& font, const Word& word,
               double page_height) {
  const PoDoFo::PdfString text(reinterpret_cast<const PoDoFo::pdf_utf8*>(word.text.c_str()));
  const double size = std::clamp(word.box.height * 0.85, 1.0, 200.0);
  font.SetFontSize(static_cast<float>(size));
  font.SetFontScale(100.0f);
  const double natural = font.GetFontMetrics()->StringWidth(text);
  if (natural > 0)
    font.SetFontScale(static_cast<float>(std::clamp(word.box.width / natural * 100, 10.0, 400.0)));
  painter.SetFont(&font);
  // Baseline a fifth of the box above its bottom (descenders below).
  const double baseline = page_height - word.box.bottom() + word.box.height * 0.2;
  painter.DrawText(word.box.x, baseline, text);
}

}  // namespace

model::Result<std::string> page_jpeg(const PageInput& input, int rotation,
                                     const std::string& name) {
  if (!input.image)
    return failure(ErrorCode::kInternal, name,
                   "page " + std::to_string(input.page) + " has no image to keep");
  PixPtr upright;
  Pix* pix = input.image.get();
  if (rotation % 360 != 0) {
    upright.reset(pixRotateOrth(pix, (rotation / 90) % 4));
    if (!upright)
      return failure(ErrorCode::kInternal, name, "cannot turn the page upright");
    pix = upright.get();
  }
  PixPtr encodable;
  if (pixGetDepth(pix) != 8 && pixGetDepth(pix) != 32) {
    encodable.reset(pixConvertTo32(pix));
    if (!encodable)
      return failure(ErrorCode::kInternal, name, "cannot convert the page for JPEG");
    pix = encodable.get();
  }
  l_uint8* bytes = nullptr;
  size_t size = 0;
  if (pixWriteMemJpeg(&bytes, &size, pix, 85, 0) != 0 || bytes == nullptr)
    return failure(ErrorCode::kInternal, name,
                   "cannot encode page " + std::to_string(input.page) + " as JPEG");
  std::string out(reinterpret_cast<const char*>(bytes), size);
  lept_free(bytes);
  return out;
}

model::Result<std::string> write_searchable_pdf(const std::vector<ScanPage>& pages,
                                                const std::string& font_file,
                                                const std::string& name) {
  if (!std::filesystem::exists(font_file))
    return failure(ErrorCode::kIo, name, "the font " + font_file + " is missing");
  try {
    PoDoFo::PdfMemDocument document;
    PoDoFo::PdfFont* font =
        document.CreateFont("DejaVuSans", false, false, false,
                            PoDoFo::PdfEncodingFactory::GlobalWinAnsiEncodingInstance(),
                            PoDoFo::PdfFontCache::eFontCreationFlags_None, true, font_file.c_str());
    if (!font)
      return failure(ErrorCode::kIo, name, "the font " + font_file + " cannot be loaded");
    for (const auto& scan : pages) {
      const double width = scan.text.width > 0 ? scan.text.width : 595;
      const double height = scan.text.height > 0 ? scan.text.height : 842;
      PoDoFo::PdfPage* page = document.CreatePage(PoDoFo::PdfRect(0, 0, width, height));
      PoDoFo::PdfImage image(&document);
      image.LoadFromJpegData(reinterpret_cast<const unsigned char*>(scan.jpeg.data()),
                             static_cast<PoDoFo::pdf_long>(scan.jpeg.size()));
      PoDoFo::PdfPainter painter;
      painter.SetPage(page);
      painter.DrawImage(0, 0, &image, width / image.GetWidth(), height / image.GetHeight());
      painter.SetTextRenderingMode(PoDoFo::ePdfTextRenderingMode_Invisible);
      for (const auto& line : scan.text.lines) {
        for (const auto& word : line.words)
          draw_word(painter, *font, word, height);
      }
      painter.FinishPage();
    }
    std::ostringstream stream;
    PoDoFo::PdfOutputDevice device(&stream);
    document.Write(&device);
    return stream.str();
  } catch (const PoDoFo::PdfError& error) {
    return failure(ErrorCode::kInternal, name,
                   std::string("the searchable PDF cannot be written: ") +
                       PoDoFo::PdfError::ErrorName(error.GetError()));
  }
}

}  // namespace einvoice::ocr
