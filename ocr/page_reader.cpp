#include "ocr/page_reader.h"

#include <leptonica/allheaders.h>
#include <omp.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <chrono>
#include <cmath>
#include <mutex>

namespace einvoice::ocr {
namespace {

using model::Error;
using model::ErrorCode;

// Tesseract's OpenMP threads fight with ours: one thread per page is faster
// (1.0-1.9 s a page instead of 5.8-6.8 s). OMP_THREAD_LIMIT would have to be
// set before the process starts; making every parallel region inactive does
// the same at run time.
void single_threaded_tesseract() {
  static std::once_flag once;
  std::call_once(once, [] { omp_set_max_active_levels(0); });
}

struct Prepared {
  PixPtr pix;
  double scale = 1;  // working pixels per source pixel
  int rotation = 0;
  double skew = 0;
};

// Above this background noise a page is smoothed before OCR.
constexpr float kNoiseToSmooth = 1.0f;

// Mean absolute difference between a grey page and its 3x3 mean `smooth`,
// over the background (pixels the mean keeps at 200 or lighter): 0 on a
// perfectly flat page; 0 when Leptonica cannot compute it.
float background_noise(Pix* gray, Pix* smooth) {
  PixPtr diff(pixAbsDifference(gray, smooth));
  PixPtr ink(pixThresholdToBinary(smooth, 200));
  if (!diff || !ink)
    return 0;
  PixPtr background(pixInvert(nullptr, ink.get()));
  l_float32 value = 0;
  if (pixGetAverageMasked(diff.get(), background.get(), 0, 0, 2, L_MEAN_ABSVAL, &value) != 0)
    return 0;
  return value;
}

// Grey, 300 dpi, upright, deskewed.
Prepared prepare(Pix* source, int dpi, int working_dpi, bool binarise) {
  Prepared out;
  PixPtr gray(pixConvertTo8(source, 0));
  if (!gray)
    return out;
  if (dpi < working_dpi * 9 / 10 || dpi > working_dpi * 11 / 10) {
    out.scale = static_cast<double>(working_dpi) / dpi;
    PixPtr scaled(
        pixScale(gray.get(), static_cast<float>(out.scale), static_cast<float>(out.scale)));
    if (scaled)
      gray = std::move(scaled);
  }
  // Orientation, judged on a binary image.
  PixPtr binary(pixConvertTo1(gray.get(), 160));
  if (binary) {
    l_float32 up = 0, left = 0;
    l_int32 orientation = L_TEXT_ORIENT_UNKNOWN;
    if (pixOrientDetect(binary.get(), &up, &left, 0, 0) == 0 &&
        makeOrientDecision(up, left, 0, 0, &orientation, 0) == 0) {
      int quads = orientation == L_TEXT_ORIENT_LEFT    ? 1
                  : orientation == L_TEXT_ORIENT_DOWN  ? 2
                  : orientation == L_TEXT_ORIENT_RIGHT ? 3
                                                       : 0;
      if (quads != 0) {
        PixPtr turned(pixRotateOrth(gray.get(), quads));
        if (turned) {
          gray = std::move(turned);
          out.rotation = quads * 90;
        }
      }
    }
  }
  // Visible grain (sensor noise, JPEG speckle) breaks characters apart once
  // binarised: a mean filter removes it. Clean pages measure 0.2-0.3, real
  // scans 0.2-0.8, the simulated light/medium/heavy scans 1.3-2.0. Grain
  // scanned at the working resolution is smoothed over 5x5 pixels; a page
  // scaled up to it (150-200 dpi) already has its grain spread by the
  // interpolation, and 3x3 is enough (5x5 there blurs commas away). Measured
  // with ocr_eval (docs/ocr.md): light 81% -> 97%, heavy 88% -> 95% on the
  // first ten corpus invoices, clean unchanged.
  if (PixPtr smooth(pixBlockconv(gray.get(), 1, 1)); smooth) {
    if (background_noise(gray.get(), smooth.get()) > kNoiseToSmooth) {
      if (out.scale < 1.25) {
        if (PixPtr wider(pixBlockconv(gray.get(), 2, 2)); wider)
          smooth = std::move(wider);
      }
      gray = std::move(smooth);
    }
  }
  l_float32 angle = 0, confidence = 0;
  PixPtr straight(pixFindSkewAndDeskew(gray.get(), 2, &angle, &confidence));
  if (straight) {
    gray = std::move(straight);
    out.skew = confidence > 0 ? angle : 0;
  }
  if (binarise) {
    Pix* bin = nullptr;
    if (pixSauvolaBinarizeTiled(gray.get(), 25, 0.35f, 1, 1, nullptr, &bin) == 0 && bin)
      gray.reset(bin);
  }
  out.pix = std::move(gray);
  return out;
}

}  // namespace

struct PageReader::Engine {
  tesseract::TessBaseAPI api;
};

PageReader::PageReader(std::unique_ptr<Engine> engine, ReaderOptions options)
    : engine_(std::move(engine)), options_(std::move(options)) {}
PageReader::~PageReader() {
  if (engine_)
    engine_->api.End();
}

model::Result<std::unique_ptr<PageReader>> PageReader::create(const ReaderOptions& options) {
  single_threaded_tesseract();
  auto engine = std::make_unique<Engine>();
  const std::string datapath = options.tessdata.string();
  if (engine->api.Init(datapath.empty() ? nullptr : datapath.c_str(), options.languages.c_str(),
                       tesseract::OEM_LSTM_ONLY) != 0) {
    return Error{ErrorCode::kIo,
                 "cannot load the OCR language models '" + options.languages +
                     "' (install tesseract-ocr-fra and tesseract-ocr-eng)",
                 {datapath, "", 0, 0}};
  }
  engine->api.SetPageSegMode(static_cast<tesseract::PageSegMode>(options.page_segmentation));
  engine->api.SetVariable("debug_file", "/dev/null");
  return std::unique_ptr<PageReader>(new PageReader(std::move(engine), options));
}

model::Result<PageText> PageReader::read(const PageInput& page, const std::string& document_name) {
  const auto start = std::chrono::steady_clock::now();
  if (page.text_layer)
    return *page.text_layer;
  if (!page.image) {
    return Error{ErrorCode::kInvalidArgument,
                 "the page has neither text nor image",
                 {document_name, "page " + std::to_string(page.page), 0, 0}};
  }
  Prepared prepared =
      prepare(page.image.get(), page.dpi, options_.working_dpi, options_.local_binarisation);
  if (!prepared.pix) {
    return Error{ErrorCode::kMalformed,
                 "the page image cannot be prepared for OCR",
                 {document_name, "page " + std::to_string(page.page), 0, 0}};
  }
  tesseract::TessBaseAPI& api = engine_->api;
  api.SetImage(prepared.pix.get());
  api.SetSourceResolution(options_.working_dpi);
  if (api.Recognize(nullptr) != 0) {
    api.Clear();
    return Error{ErrorCode::kInternal,
                 "OCR failed on the page",
                 {document_name, "page " + std::to_string(page.page), 0, 0}};
  }
  PageText text;
  text.page = page.page;
  text.rotation = prepared.rotation;
  text.skew = prepared.skew;
  // Points from the pixels actually read (the scan's resolution, scaled).
  const double to_points = 72.0 / (page.dpi * prepared.scale);
  text.width = pixGetWidth(prepared.pix.get()) * to_points;
  text.height = pixGetHeight(prepared.pix.get()) * to_points;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (it) {
    do {
      if (it->Empty(tesseract::RIL_WORD))
        continue;
      if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE) || text.lines.empty())
        text.lines.emplace_back();
      std::unique_ptr<char[]> word(it->GetUTF8Text(tesseract::RIL_WORD));
      if (!word || word[0] == 0)
        continue;
      int left = 0, top = 0, right = 0, bottom = 0;
      it->BoundingBox(tesseract::RIL_WORD, &left, &top, &right, &bottom);
      Word w;
      w.text = word.get();
      w.box = {left * to_points, top * to_points, (right - left) * to_points,
               (bottom - top) * to_points};
      w.confidence = it->Confidence(tesseract::RIL_WORD);
      TextLine& line = text.lines.back();
      for (auto& piece : split_at_spaces(w)) {
        line.box = unite(line.box, piece.box);
        line.words.push_back(std::move(piece));
      }
    } while (it->Next(tesseract::RIL_WORD));
  }
  api.Clear();
  std::erase_if(text.lines, [](const TextLine& l) { return l.words.empty(); });
  for (auto& line : text.lines)
    doubt_overlapping_words(line);
  text.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return text;
}

}  // namespace einvoice::ocr
