#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/result.h"
#include "render/font_subset.h"
#include "render/true_type_font.h"

namespace einvoice::render {

// One font as used by one document: the glyphs drawn so far, numbered in
// order of first use (these numbers are the CIDs written in the content
// streams, Identity-H), and what each stands for (the ToUnicode map).
//
// Not thread-safe: one EmbeddedFont per document being rendered.
class EmbeddedFont {
 public:
  explicit EmbeddedFont(std::shared_ptr<const TrueTypeFont> font);

  // Width of `text` drawn at `size` points, in points. Code points the
  // font cannot draw count as '?'.
  double width(std::u32string_view text, double size) const;
  double width(char32_t code_point, double size) const;
  // Appends `text` as a PDF hex string of 2-byte CIDs, registering its glyphs.
  void encode(std::u32string_view text, std::string& out);

  const TrueTypeFont& font() const { return *font_; }
  // Advance width of each CID in PDF glyph space (1/1000 em), CID order.
  std::vector<int> cid_widths() const;
  // The ToUnicode CMap program for the CIDs used.
  std::string to_unicode_cmap() const;
  // The font program cut down to the glyphs used, and the glyph each CID
  // drew in it (the CIDToGIDMap). Errors as subset_font.
  model::Result<FontSubset> subset() const;
  // "ABCDEF": a deterministic tag derived from the glyphs used.
  std::string subset_tag() const;

 private:
  std::uint16_t glyph_of(char32_t code_point) const;

  std::shared_ptr<const TrueTypeFont> font_;
  std::vector<std::uint16_t> glyphs_;  // CID -> original glyph; CID 0 is .notdef
  std::vector<char32_t> unicode_;      // CID -> code point
  std::unordered_map<std::uint16_t, std::uint16_t> cids_;  // original glyph -> CID
  std::uint16_t fallback_glyph_ = 0;
};

}  // namespace einvoice::render
