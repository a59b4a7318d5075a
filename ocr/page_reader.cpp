#include "ocr/page_reader.h"

#include <leptonica/allheaders.h>
#include <omp.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
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

// The words Tesseract recognised, as lines, in points; a recognition of a
// rectangle gives its words in the whole image's pixels.
std::vector<TextLine> recognised_lines(tesseract::TessBaseAPI& api, double to_points) {
  std::vector<TextLine> lines;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (!it)
    return lines;
  do {
    if (it->Empty(tesseract::RIL_WORD))
      continue;
    if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE) || lines.empty())
      lines.emplace_back();
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
    TextLine& line = lines.back();
    for (auto& piece : split_at_spaces(w)) {
      line.box = unite(line.box, piece.box);
      line.words.push_back(std::move(piece));
    }
  } while (it->Next(tesseract::RIL_WORD));
  return lines;
}

void collect_words(tesseract::TessBaseAPI& api, double to_points, PageText& text) {
  text.lines = recognised_lines(api, to_points);
}

// A segment of an OCR line: words closer than three text heights.
struct Segment {
  std::size_t line = 0;
  std::size_t first = 0;
  std::size_t end = 0;  // one past the last word
};

double mean_confidence(const std::vector<Word>& words, std::size_t first, std::size_t end) {
  double sum = 0;
  for (std::size_t i = first; i < end; ++i)
    sum += words[i].confidence;
  return end > first ? sum / static_cast<double>(end - first) : 0;
}

// Segments of `text` that Tesseract read badly: a word under
// kWeakWordConfidence. The page segmentation that keeps a totals label on
// its amount's line also merges the lines of two columns whose baselines
// differ by a little ("Tél. 01 23 45 67 89" beside "Date : 2025-03-24"),
// and reads the second as noise; alone, the segment reads well.
constexpr float kWeakWordConfidence = 60;
constexpr int kMaxRereadsPerPage = 12;

std::vector<Segment> weak_segments(const PageText& text) {
  std::vector<Segment> out;
  for (std::size_t l = 0; l < text.lines.size(); ++l) {
    const auto& words = text.lines[l].words;
    std::size_t first = 0;
    for (std::size_t i = 1; i <= words.size(); ++i) {
      const bool ends =
          i == words.size() || words[i].box.x - words[i - 1].box.right() >=
                                   3 * std::max(words[i].box.height, words[i - 1].box.height);
      if (!ends)
        continue;
      const bool weak = std::any_of(
          words.begin() + static_cast<long>(first), words.begin() + static_cast<long>(i),
          [](const Word& w) { return w.confidence < kWeakWordConfidence; });
      if (weak)
        out.push_back(Segment{l, first, i});
      first = i;
    }
  }
  // The weakest first, when there are more than a page may re-read.
  std::stable_sort(out.begin(), out.end(), [&](const Segment& a, const Segment& b) {
    return mean_confidence(text.lines[a.line].words, a.first, a.end) <
           mean_confidence(text.lines[b.line].words, b.first, b.end);
  });
  if (out.size() > kMaxRereadsPerPage)
    out.resize(kMaxRereadsPerPage);
  return out;
}

// Reads each weak segment again alone, as one line of text, and keeps the
// new reading when Tesseract is surer of it (by ten points of mean word
// confidence). The image must still be set on `api`.
void reread_weak_segments(tesseract::TessBaseAPI& api, double to_points, PageText& text) {
  const auto segments = weak_segments(text);
  if (segments.empty())
    return;
  const auto mode = api.GetPageSegMode();
  api.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
  // Replacements per line, applied from the right so indexes stay valid.
  std::vector<std::pair<Segment, std::vector<Word>>> replacements;
  for (const Segment& segment : segments) {
    const auto& words = text.lines[segment.line].words;
    Box box;
    for (std::size_t i = segment.first; i < segment.end; ++i)
      box = unite(box, words[i].box);
    const double pad = 0.3 * box.height;
    const int left = std::max(0, static_cast<int>((box.x - pad) / to_points));
    const int top = std::max(0, static_cast<int>((box.y - pad) / to_points));
    const int width = static_cast<int>((box.width + 2 * pad) / to_points);
    const int height = static_cast<int>((box.height + 2 * pad) / to_points);
    if (width <= 0 || height <= 0)
      continue;
    api.SetRectangle(left, top, width, height);
    if (api.Recognize(nullptr) != 0)
      continue;
    std::vector<Word> again;
    Box again_box;
    for (auto& line : recognised_lines(api, to_points)) {
      for (auto& word : line.words) {
        again_box = unite(again_box, word.box);
        again.push_back(std::move(word));
      }
    }
    // A reading that leaves part of the segment out (a word dropped makes
    // the rest look surer) is no better.
    const bool covers =
        again_box.x <= box.x + box.height && again_box.right() >= box.right() - box.height;
    if (again.empty() || !covers ||
        mean_confidence(again, 0, again.size()) <
            mean_confidence(words, segment.first, segment.end) + 10)
      continue;
    replacements.emplace_back(segment, std::move(again));
  }
  api.SetPageSegMode(mode);
  std::sort(replacements.begin(), replacements.end(), [](const auto& a, const auto& b) {
    return a.first.line != b.first.line ? a.first.line < b.first.line
                                        : a.first.first > b.first.first;
  });
  for (auto& [segment, again] : replacements) {
    TextLine& line = text.lines[segment.line];
    line.words.erase(line.words.begin() + static_cast<long>(segment.first),
                     line.words.begin() + static_cast<long>(segment.end));
    line.words.insert(line.words.begin() + static_cast<long>(segment.first), again.begin(),
                      again.end());
    line.box = {};
    for (const auto& word : line.words)
      line.box = unite(line.box, word.box);
  }
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
  collect_words(api, to_points, text);
  std::erase_if(text.lines, [](const TextLine& l) { return l.words.empty(); });
  if (options_.reread_weak_segments)
    reread_weak_segments(api, to_points, text);
  api.Clear();
  for (auto& line : text.lines)
    doubt_overlapping_words(line);
  text.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return text;
}

}  // namespace einvoice::ocr
