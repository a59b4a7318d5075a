#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/result.h"

namespace einvoice::render {

// A TrueType font program (glyf outlines) read from a file: its Unicode cmap,
// horizontal metrics and its program (render/font_subset.h cuts it down).
//
// Immutable once built: a loaded font may be shared by any number of threads.
class TrueTypeFont {
 public:
  // Reads and parses `path`. Loaded fonts are cached for the life of the
  // process, keyed by path (thread-safe). Errors: kIo (unreadable file),
  // kUnsupported (not a TrueType font with glyf outlines), kMalformed
  // (tables out of bounds).
  static model::Result<std::shared_ptr<const TrueTypeFont>> load(const std::string& path);
  // Parses font bytes; `name` only labels errors.
  static model::Result<std::shared_ptr<const TrueTypeFont>> parse(std::string bytes,
                                                                  std::string_view name);

  // The glyph drawing `code_point`, 0 (.notdef) when the font has none.
  std::uint16_t glyph_for(char32_t code_point) const;
  // Advance width of `glyph` in font units; 0 for glyphs out of range.
  int advance(std::uint16_t glyph) const;

  int units_per_em() const { return units_per_em_; }
  int ascent() const { return ascent_; }    // font units, positive
  int descent() const { return descent_; }  // font units, negative
  int cap_height() const { return cap_height_; }
  int italic_angle() const { return italic_angle_; }
  bool bold() const { return bold_; }
  const std::vector<int>& bounding_box() const { return bbox_; }  // xMin yMin xMax yMax
  const std::string& postscript_name() const { return postscript_name_; }
  std::uint16_t glyph_count() const { return glyph_count_; }

  // The whole font program as read (for the subsetter).
  const std::string& program() const { return data_; }

 private:
  struct Table {
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
  };

  TrueTypeFont() = default;
  std::string_view table(const char* tag) const;

  std::string data_;
  std::map<std::string, Table> tables_;
  std::unordered_map<char32_t, std::uint16_t> cmap_;
  std::vector<std::uint16_t> advances_;
  std::vector<std::int16_t> left_side_bearings_;
  std::vector<std::uint32_t> glyph_offsets_;  // glyph_count_ + 1 offsets into glyf
  std::uint16_t glyph_count_ = 0;
  int units_per_em_ = 1000;
  int ascent_ = 800;
  int descent_ = -200;
  int cap_height_ = 700;
  int italic_angle_ = 0;
  bool bold_ = false;
  std::vector<int> bbox_ = {0, 0, 0, 0};
  std::string postscript_name_;
};

}  // namespace einvoice::render
