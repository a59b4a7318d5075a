#include "ocr/scan_simulation.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <random>

#include "ocr/input_document.h"

namespace einvoice::ocr {
namespace {

using model::Error;
using model::ErrorCode;

// The presets. Ranges from what suppliers' scanners and phones produce:
// 150-300 dpi, up to 2 degrees of skew, noise, slight blur, JPEG 40-90.
constexpr double kPi = 3.14159265358979323846;
const ScanDegradation kPresets[] = {
    {"clean", 300, 0.0, 0.0, 0, 90, 1},
    {"light", 300, 0.7, 6.0, 0, 85, 2},
    {"medium", 200, -1.5, 12.0, 1, 60, 3},
    {"heavy", 150, 2.0, 18.0, 1, 40, 4},
};

Error failure(const std::string& name, const std::string& what) {
  return Error{ErrorCode::kInternal, what, {name, "", 0, 0}};
}

model::Result<std::string> degrade(Pix* source, const std::string& name, const ScanDegradation& d) {
  PixPtr grey(pixConvertTo8(source, 0));
  if (!grey)
    return failure(name, "cannot convert the page to grey levels");
  if (d.rotation_degrees != 0) {
    PixPtr turned(pixRotate(grey.get(), static_cast<l_float32>(d.rotation_degrees * kPi / 180),
                            L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
    if (!turned)
      return failure(name, "cannot rotate the page");
    grey = std::move(turned);
  }
  if (d.blur_radius > 0) {
    PixPtr blurred(pixBlockconv(grey.get(), d.blur_radius, d.blur_radius));
    if (!blurred)
      return failure(name, "cannot blur the page");
    grey = std::move(blurred);
  }
  if (d.noise_sigma > 0) {
    std::mt19937 random(d.seed);
    std::normal_distribution<double> noise(0.0, d.noise_sigma);
    const int w = static_cast<int>(pixGetWidth(grey.get()));
    const int h = static_cast<int>(pixGetHeight(grey.get()));
    const int wpl = pixGetWpl(grey.get());
    l_uint32* data = pixGetData(grey.get());
    for (int y = 0; y < h; ++y) {
      l_uint32* row = data + static_cast<long>(y) * wpl;
      for (int x = 0; x < w; ++x) {
        const int value =
            static_cast<int>(GET_DATA_BYTE(row, x)) + static_cast<int>(std::lround(noise(random)));
        SET_DATA_BYTE(row, x, std::clamp(value, 0, 255));
      }
    }
  }
  pixSetResolution(grey.get(), d.dpi, d.dpi);
  l_uint8* bytes = nullptr;
  size_t size = 0;
  if (pixWriteMemJpeg(&bytes, &size, grey.get(), std::clamp(d.jpeg_quality, 1, 100), 0) != 0 ||
      bytes == nullptr)
    return failure(name, "cannot encode the page as JPEG");
  std::string out(reinterpret_cast<const char*>(bytes), size);
  lept_free(bytes);
  return out;
}

}  // namespace

std::span<const ScanDegradation> scan_presets() {
  return kPresets;
}

const ScanDegradation* find_scan_preset(std::string_view name) {
  for (const auto& preset : kPresets) {
    if (preset.name == name)
      return &preset;
  }
  return nullptr;
}

model::Result<std::vector<std::string>> simulate_scan(std::string pdf, const std::string& name,
                                                      const ScanDegradation& degradation) {
  InputLimits limits;
  limits.render_dpi = degradation.dpi;
  limits.min_text_layer_chars = INT_MAX;  // always render, never read the text layer
  auto document = InputDocument::open(std::move(pdf), name, limits);
  if (!document)
    return document.error();
  std::vector<std::string> pages;
  for (int number = 1; number <= document->page_count(); ++number) {
    auto page = document->page(number);
    if (!page)
      return page.error();
    if (!page->image)
      return failure(name, "page " + std::to_string(number) + " could not be rendered");
    ScanDegradation per_page = degradation;
    per_page.seed = degradation.seed * 7919u + static_cast<unsigned>(number);
    auto jpeg = degrade(page->image.get(), name, per_page);
    if (!jpeg)
      return jpeg.error();
    pages.push_back(std::move(*jpeg));
  }
  return pages;
}

model::Result<std::string> degrade_image(std::string_view image, const std::string& name,
                                         const ScanDegradation& degradation) {
  PixPtr pix(pixReadMem(reinterpret_cast<const l_uint8*>(image.data()), image.size()));
  if (!pix)
    return Error{ErrorCode::kMalformed, "not an image Leptonica can read", {name, "", 0, 0}};
  return degrade(pix.get(), name, degradation);
}

}  // namespace einvoice::ocr
