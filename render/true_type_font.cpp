#include "render/true_type_font.h"

#include <algorithm>
#include <fstream>
#include <mutex>
#include <stdexcept>
#include <utility>

namespace einvoice::render {
namespace {

using model::Error;
using model::ErrorCode;

constexpr std::size_t kMaxFontBytes = 64u << 20;
constexpr std::uint32_t kMaxCmapEntries = 0x110000;

// Thrown inside this file only, when a table read goes out of bounds.
struct OutOfBounds : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::uint16_t u16(std::string_view data, std::size_t at) {
  if (at + 2 > data.size() || at + 2 < at)
    throw OutOfBounds("font table too short");
  return static_cast<std::uint16_t>((static_cast<unsigned char>(data[at]) << 8) |
                                    static_cast<unsigned char>(data[at + 1]));
}

std::int16_t s16(std::string_view data, std::size_t at) {
  return static_cast<std::int16_t>(u16(data, at));
}

std::uint32_t u32(std::string_view data, std::size_t at) {
  return (static_cast<std::uint32_t>(u16(data, at)) << 16) | u16(data, at + 2);
}

// Keeps only characters allowed in a PDF name without escaping.
std::string clean_name(std::string_view text) {
  std::string out;
  for (char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_')
      out.push_back(c);
  }
  return out;
}

void read_cmap_format4(std::string_view cmap, std::size_t at,
                       std::unordered_map<char32_t, std::uint16_t>& out) {
  const std::size_t seg_count = u16(cmap, at + 6) / 2;
  const std::size_t ends = at + 14;
  const std::size_t starts = ends + 2 * seg_count + 2;
  const std::size_t deltas = starts + 2 * seg_count;
  const std::size_t range_offsets = deltas + 2 * seg_count;
  std::uint32_t entries = 0;
  for (std::size_t i = 0; i < seg_count && entries < kMaxCmapEntries; ++i) {
    const std::uint32_t end = u16(cmap, ends + 2 * i);
    const std::uint32_t start = u16(cmap, starts + 2 * i);
    const std::uint16_t delta = u16(cmap, deltas + 2 * i);
    const std::uint16_t range_offset = u16(cmap, range_offsets + 2 * i);
    for (std::uint32_t c = start; c <= end && c != 0xFFFF && entries < kMaxCmapEntries;
         ++c, ++entries) {
      std::uint16_t glyph = 0;
      if (range_offset == 0) {
        glyph = static_cast<std::uint16_t>(c + delta);
      } else {
        const std::size_t where = range_offsets + 2 * i + range_offset + 2 * (c - start);
        glyph = u16(cmap, where);
        if (glyph != 0)
          glyph = static_cast<std::uint16_t>(glyph + delta);
      }
      if (glyph != 0)
        out.emplace(c, glyph);
    }
  }
}

void read_cmap_format12(std::string_view cmap, std::size_t at,
                        std::unordered_map<char32_t, std::uint16_t>& out) {
  const std::uint32_t groups = u32(cmap, at + 12);
  std::uint32_t entries = 0;
  for (std::uint32_t g = 0; g < groups; ++g) {
    const std::size_t rec = at + 16 + 12 * static_cast<std::size_t>(g);
    const std::uint32_t start = u32(cmap, rec);
    const std::uint32_t end = u32(cmap, rec + 4);
    const std::uint32_t glyph = u32(cmap, rec + 8);
    if (end < start || end > 0x10FFFF)
      continue;
    for (std::uint32_t c = start; c <= end && entries < kMaxCmapEntries; ++c, ++entries) {
      const std::uint32_t id = glyph + (c - start);
      if (id != 0 && id <= 0xFFFF)
        out.emplace(static_cast<char32_t>(c), static_cast<std::uint16_t>(id));
    }
  }
}

// The PostScript name (name id 6), from a Windows (UTF-16BE) or Mac record.
std::string read_postscript_name(std::string_view name) {
  if (name.size() < 6)
    return {};
  const std::size_t count = u16(name, 2);
  const std::size_t strings = u16(name, 4);
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t rec = 6 + 12 * i;
    const std::uint16_t platform = u16(name, rec);
    const std::uint16_t id = u16(name, rec + 6);
    const std::size_t length = u16(name, rec + 8);
    const std::size_t offset = strings + u16(name, rec + 10);
    if (id != 6 || offset + length > name.size())
      continue;
    std::string text;
    if (platform == 3 || platform == 0) {
      for (std::size_t k = 0; k + 1 < length; k += 2) {
        const std::uint16_t c = u16(name, offset + k);
        if (c < 0x80)
          text.push_back(static_cast<char>(c));
      }
    } else {
      text = std::string(name.substr(offset, length));
    }
    text = clean_name(text);
    if (!text.empty())
      return text;
  }
  return {};
}

}  // namespace

model::Result<std::shared_ptr<const TrueTypeFont>> TrueTypeFont::load(const std::string& path) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const TrueTypeFont>> cache;
  {
    std::lock_guard<std::mutex> lock(mutex);
    const auto found = cache.find(path);
    if (found != cache.end())
      return found->second;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Error{ErrorCode::kIo, "cannot open font file", {path, {}, 0, 0}};
  std::string bytes;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > kMaxFontBytes)
      return Error{ErrorCode::kLimitExceeded, "font file too large", {path, {}, 0, 0}};
  }
  if (in.bad())
    return Error{ErrorCode::kIo, "cannot read font file", {path, {}, 0, 0}};
  auto parsed = parse(std::move(bytes), path);
  if (!parsed)
    return parsed;
  std::lock_guard<std::mutex> lock(mutex);
  return cache.emplace(path, parsed.value()).first->second;
}

model::Result<std::shared_ptr<const TrueTypeFont>> TrueTypeFont::parse(std::string bytes,
                                                                       std::string_view name) {
  std::shared_ptr<TrueTypeFont> font(new TrueTypeFont());
  font->data_ = std::move(bytes);
  const std::string_view data = font->data_;
  try {
    const std::uint32_t version = u32(data, 0);
    if (version != 0x00010000 && version != 0x74727565)
      return Error{ErrorCode::kUnsupported,
                   "not a TrueType font (collections and CFF fonts are not supported)",
                   {std::string(name), {}, 0, 0}};
    const std::size_t count = u16(data, 4);
    for (std::size_t i = 0; i < count; ++i) {
      const std::size_t rec = 12 + 16 * i;
      Table table{u32(data, rec + 8), u32(data, rec + 12)};
      if (static_cast<std::uint64_t>(table.offset) + table.length > data.size())
        throw OutOfBounds("table outside the file");
      font->tables_[std::string(data.substr(rec, 4))] = table;
    }
    for (const char* tag : {"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap"}) {
      if (!font->tables_.count(tag))
        return Error{ErrorCode::kUnsupported,
                     std::string("font has no '") + tag + "' table",
                     {std::string(name), {}, 0, 0}};
    }
    const std::string_view head = font->table("head");
    font->units_per_em_ = std::max<int>(16, u16(head, 18));
    font->bbox_ = {s16(head, 36), s16(head, 38), s16(head, 40), s16(head, 42)};
    font->bold_ = (u16(head, 44) & 1) != 0;
    const bool long_offsets = s16(head, 50) != 0;

    const std::string_view hhea = font->table("hhea");
    font->ascent_ = s16(hhea, 4);
    font->descent_ = s16(hhea, 6);
    const std::size_t metric_count = u16(hhea, 34);
    font->glyph_count_ = u16(font->table("maxp"), 4);
    if (metric_count == 0 || metric_count > font->glyph_count_)
      throw OutOfBounds("bad numberOfHMetrics");

    const std::string_view hmtx = font->table("hmtx");
    font->advances_.resize(font->glyph_count_);
    font->left_side_bearings_.resize(font->glyph_count_);
    for (std::size_t g = 0; g < font->glyph_count_; ++g) {
      if (g < metric_count) {
        font->advances_[g] = u16(hmtx, 4 * g);
        font->left_side_bearings_[g] = s16(hmtx, 4 * g + 2);
      } else {
        font->advances_[g] = font->advances_[metric_count - 1];
        font->left_side_bearings_[g] = s16(hmtx, 4 * metric_count + 2 * (g - metric_count));
      }
    }

    const std::string_view loca = font->table("loca");
    const std::uint32_t glyf_length = font->tables_["glyf"].length;
    font->glyph_offsets_.resize(font->glyph_count_ + 1u);
    for (std::size_t g = 0; g <= font->glyph_count_; ++g) {
      const std::uint32_t offset = long_offsets ? u32(loca, 4 * g) : 2u * u16(loca, 2 * g);
      font->glyph_offsets_[g] = std::min(offset, glyf_length);
    }

    const std::string_view cmap = font->table("cmap");
    const std::size_t subtables = u16(cmap, 2);
    std::size_t best = 0;
    int best_rank = 0;
    for (std::size_t i = 0; i < subtables; ++i) {
      const std::size_t rec = 4 + 8 * i;
      const std::uint16_t platform = u16(cmap, rec);
      const std::uint16_t encoding = u16(cmap, rec + 2);
      const std::size_t offset = u32(cmap, rec + 4);
      const std::uint16_t format = u16(cmap, offset);
      int rank = 0;
      if (format == 12 && (platform == 3 || platform == 0))
        rank = 3;
      else if (format == 4 && platform == 3 && encoding == 1)
        rank = 2;
      else if (format == 4 && platform == 0)
        rank = 1;
      if (rank > best_rank) {
        best_rank = rank;
        best = offset;
      }
    }
    if (best_rank == 0)
      return Error{
          ErrorCode::kUnsupported, "font has no Unicode cmap", {std::string(name), {}, 0, 0}};
    if (best_rank == 3)
      read_cmap_format12(cmap, best, font->cmap_);
    else
      read_cmap_format4(cmap, best, font->cmap_);

    const std::string_view os2 = font->table("OS/2");
    if (os2.size() >= 78) {
      font->ascent_ = s16(os2, 68);
      font->descent_ = s16(os2, 70);
      font->bold_ = font->bold_ || u16(os2, 4) >= 600;
    }
    font->cap_height_ = os2.size() >= 90 && u16(os2, 0) >= 2 ? s16(os2, 88) : font->ascent_;
    const std::string_view post = font->table("post");
    if (post.size() >= 8)
      font->italic_angle_ = s16(post, 4);
    font->postscript_name_ = read_postscript_name(font->table("name"));
    if (font->postscript_name_.empty())
      font->postscript_name_ = "Font";
  } catch (const OutOfBounds& e) {
    return Error{ErrorCode::kMalformed,
                 std::string("damaged TrueType font: ") + e.what(),
                 {std::string(name), {}, 0, 0}};
  }
  return std::shared_ptr<const TrueTypeFont>(std::move(font));
}

std::string_view TrueTypeFont::table(const char* tag) const {
  const auto found = tables_.find(tag);
  if (found == tables_.end())
    return {};
  return std::string_view(data_).substr(found->second.offset, found->second.length);
}

std::uint16_t TrueTypeFont::glyph_for(char32_t code_point) const {
  const auto found = cmap_.find(code_point);
  return found == cmap_.end() || found->second >= glyph_count_ ? 0 : found->second;
}

int TrueTypeFont::advance(std::uint16_t glyph) const {
  return glyph < advances_.size() ? advances_[glyph] : 0;
}

}  // namespace einvoice::render
