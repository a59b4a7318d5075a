#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/result.h"

namespace einvoice::render {

// A TrueType program cut down to the glyphs one document draws, by
// HarfBuzz's subsetter (hb-subset: components of composite glyphs, metrics,
// hinting and a cmap for the code points kept), and where each CID's glyph
// landed in it.
struct FontSubset {
  std::string program;                    // TrueType font program (a PDF FontFile2)
  std::vector<std::uint16_t> cid_to_gid;  // CID -> glyph id in `program`
};

// `font`: the whole TrueType program; `glyphs`: CID -> glyph id in `font`
// (CID 0 is .notdef); `unicode`: CID -> the code point the subset's cmap
// keeps for it (0 for none; may be shorter than `glyphs`). `name` labels
// errors. Errors: kMalformed when the font cannot be subset (damaged tables).
model::Result<FontSubset> subset_font(std::string_view font,
                                      const std::vector<std::uint16_t>& glyphs,
                                      const std::vector<char32_t>& unicode, std::string_view name);

}  // namespace einvoice::render
