#include "render/embedded_font.h"

#include <algorithm>
#include <cstdio>
#include <utility>

namespace einvoice::render {
namespace {

void append_hex16(std::string& out, std::uint32_t value) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4)
    out.push_back(kDigits[(value >> shift) & 0xF]);
}

void append_utf16_hex(std::string& out, char32_t c) {
  if (c >= 0x10000 && c <= 0x10FFFF) {
    const std::uint32_t v = static_cast<std::uint32_t>(c) - 0x10000;
    append_hex16(out, 0xD800 + (v >> 10));
    append_hex16(out, 0xDC00 + (v & 0x3FF));
  } else {
    append_hex16(out, static_cast<std::uint32_t>(c) & 0xFFFF);
  }
}

}  // namespace

EmbeddedFont::EmbeddedFont(std::shared_ptr<const TrueTypeFont> font)
    : font_(std::move(font)), glyphs_{0}, unicode_{0} {
  fallback_glyph_ = font_->glyph_for(U'?');
}

std::uint16_t EmbeddedFont::glyph_of(char32_t code_point) const {
  const std::uint16_t glyph = font_->glyph_for(code_point);
  return glyph != 0 ? glyph : fallback_glyph_;
}

double EmbeddedFont::width(char32_t code_point, double size) const {
  return font_->advance(glyph_of(code_point)) * size / font_->units_per_em();
}

double EmbeddedFont::width(std::u32string_view text, double size) const {
  long units = 0;
  for (char32_t c : text)
    units += font_->advance(glyph_of(c));
  return static_cast<double>(units) * size / font_->units_per_em();
}

void EmbeddedFont::encode(std::u32string_view text, std::string& out) {
  out.push_back('<');
  for (char32_t c : text) {
    std::uint16_t glyph = font_->glyph_for(c);
    if (glyph == 0) {
      glyph = fallback_glyph_;
      c = U'?';
    }
    auto [it, inserted] = cids_.emplace(glyph, static_cast<std::uint16_t>(glyphs_.size()));
    if (inserted) {
      glyphs_.push_back(glyph);
      unicode_.push_back(c);
    }
    append_hex16(out, it->second);
  }
  out.push_back('>');
}

std::vector<int> EmbeddedFont::cid_widths() const {
  std::vector<int> widths;
  widths.reserve(glyphs_.size());
  for (std::uint16_t glyph : glyphs_)
    widths.push_back((font_->advance(glyph) * 1000 + font_->units_per_em() / 2) /
                     font_->units_per_em());
  return widths;
}

std::string EmbeddedFont::to_unicode_cmap() const {
  std::string out =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<std::size_t> mapped;
  for (std::size_t cid = 1; cid < unicode_.size(); ++cid) {
    if (unicode_[cid] != 0)
      mapped.push_back(cid);
  }
  for (std::size_t begin = 0; begin < mapped.size(); begin += 100) {
    const std::size_t end = std::min(mapped.size(), begin + 100);
    out += std::to_string(end - begin) + " beginbfchar\n";
    for (std::size_t i = begin; i < end; ++i) {
      out.push_back('<');
      append_hex16(out, static_cast<std::uint32_t>(mapped[i]));
      out += "> <";
      append_utf16_hex(out, unicode_[mapped[i]]);
      out += ">\n";
    }
    out += "endbfchar\n";
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

model::Result<FontSubset> EmbeddedFont::subset() const {
  return subset_font(font_->program(), glyphs_, unicode_, font_->postscript_name());
}

std::string EmbeddedFont::subset_tag() const {
  std::uint32_t hash = 2166136261u;  // FNV-1a over the glyph list
  for (std::uint16_t glyph : glyphs_) {
    hash = (hash ^ (glyph & 0xFF)) * 16777619u;
    hash = (hash ^ (glyph >> 8)) * 16777619u;
  }
  std::string tag;
  for (int i = 0; i < 6; ++i) {
    tag.push_back(static_cast<char>('A' + hash % 26));
    hash /= 26;
  }
  return tag;
}

}  // namespace einvoice::render
