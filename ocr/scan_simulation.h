#pragma once

// Turns born-digital invoices into the scans suppliers upload: pages
// rasterised at 150-300 dpi, turned by a degree or two, with sensor noise,
// blur and JPEG compression. Deterministic for a given seed, so that
// accuracy figures can be reproduced. Used by the OCR tests and the
// evaluation tool; the presets are the parameters the closing figures cite.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/result.h"

namespace einvoice::ocr {

struct ScanDegradation {
  std::string name;
  int dpi = 300;                // rasterisation resolution
  double rotation_degrees = 0;  // skew, positive clockwise
  double noise_sigma = 0;       // Gaussian noise on 0..255 grey levels
  int blur_radius = 0;          // box blur half-width in pixels (0: none)
  int jpeg_quality = 85;        // 1..100
  unsigned seed = 1;
};

// "clean" (300 dpi, nothing else), "light", "medium", "heavy": see the
// table in scan_simulation.cpp.
std::span<const ScanDegradation> scan_presets();
const ScanDegradation* find_scan_preset(std::string_view name);

// Every page of `pdf` as a degraded grey JPEG. Errors as InputDocument::open
// (kMalformed, kLimitExceeded, ...), and kInternal when Leptonica fails.
model::Result<std::vector<std::string>> simulate_scan(std::string pdf, const std::string& name,
                                                      const ScanDegradation& degradation);

// The same for one image (any format Leptonica reads): degraded as above.
model::Result<std::string> degrade_image(std::string_view image, const std::string& name,
                                         const ScanDegradation& degradation);

}  // namespace einvoice::ocr
