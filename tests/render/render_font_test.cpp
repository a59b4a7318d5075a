// The TrueType subsetter: a subset is itself a font that parses and maps the
// characters it was built for to the right glyphs.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

#include "render/embedded_font.h"
#include "render/page_composer.h"
#include "render/true_type_font.h"

namespace {

using namespace einvoice::render;

const std::string kRegular = std::string(EINVOICE_FONT_DIR) + "/DejaVuSans.ttf";

}  // namespace

TEST_CASE("a subset keeps the glyphs and metrics it was built for", "[render][font]") {
  auto font = TrueTypeFont::load(kRegular);
  REQUIRE(font.ok());
  EmbeddedFont used(font.value());
  std::string encoded;
  const std::u32string text = U"Façade été € Œ ǅ";
  used.encode(text, encoded);
  auto cut = used.subset();
  REQUIRE(cut.ok());
  CHECK(cut->program.size() < 100000);
  CHECK(cut->program.size() < font.value()->program().size() / 10);
  auto subset = TrueTypeFont::parse(cut->program, "subset");
  REQUIRE(subset.ok());
  CHECK(subset.value()->units_per_em() == font.value()->units_per_em());
  for (char32_t c : text) {
    const std::uint16_t glyph = subset.value()->glyph_for(c);
    INFO(static_cast<unsigned>(c));
    REQUIRE(glyph != 0);
    CHECK(subset.value()->advance(glyph) == font.value()->advance(font.value()->glyph_for(c)));
  }
  // The CIDToGIDMap sends each CID to the glyph of its character in the
  // subset, and .notdef stays at 0.
  std::string cids;
  used.encode(text, cids);
  REQUIRE(cut->cid_to_gid.size() >= 2);
  CHECK(cut->cid_to_gid[0] == 0);
  for (std::size_t at = 1; at + 4 <= cids.size() - 1; at += 4) {
    const auto cid = static_cast<std::size_t>(std::stoul(cids.substr(at, 4), nullptr, 16));
    REQUIRE(cid < cut->cid_to_gid.size());
    CHECK(cut->cid_to_gid[cid] != 0);
  }
  CHECK(used.to_unicode_cmap().find("<20AC>") != std::string::npos);
}

TEST_CASE("bad font bytes are an error", "[render][font]") {
  CHECK(!TrueTypeFont::parse("", "empty").ok());
  CHECK(!TrueTypeFont::parse(std::string(64, '\0'), "zeros").ok());
  std::ifstream in(kRegular, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(bytes.size() > 1000);
  for (std::size_t size : {std::size_t{12}, std::size_t{100}, bytes.size() / 2}) {
    auto truncated = TrueTypeFont::parse(bytes.substr(0, size), "truncated");
    CHECK(!truncated.ok());
  }
}

TEST_CASE("wrapping respects the width", "[render][wrap]") {
  auto regular = TrueTypeFont::load(kRegular);
  REQUIRE(regular.ok());
  EmbeddedFont a(regular.value());
  EmbeddedFont b(regular.value());
  PageComposer composer(a, b);
  const auto lines = composer.wrap(U"un deux trois quatre cinq six sept huit neuf dix\nonze",
                                   FontStyle::kRegular, 10, 60);
  REQUIRE(lines.size() > 2);
  for (const auto& line : lines)
    CHECK(composer.text_width(line, FontStyle::kRegular, 10) <= 60);
  CHECK(lines.back() == U"onze");
  const auto cut = composer.wrap(std::u32string(100, U'W'), FontStyle::kRegular, 10, 50);
  CHECK(cut.size() > 5);
  CHECK(composer.wrap(U"", FontStyle::kRegular, 10, 50).size() == 1);
}

TEST_CASE("damaged font bytes never crash the parser or the subsetter", "[render][font]") {
  std::ifstream in(kRegular, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(bytes.size() > 1000);
  std::mt19937 random(20240301);
  int parsed = 0;
  for (int round = 0; round < 60; ++round) {
    std::string damaged = bytes;
    // Damage the table directory and the start of the tables, where offsets live.
    const std::size_t span = round % 2 == 0 ? 400 : damaged.size();
    for (int k = 0; k < 20; ++k)
      damaged[random() % span] = static_cast<char>(random() & 0xFF);
    auto font = TrueTypeFont::parse(damaged, "damaged");
    if (!font.ok())
      continue;
    ++parsed;
    EmbeddedFont used(font.value());
    std::string encoded;
    used.encode(U"Facture n° 42 — été, œuvre, 1 234,56 €", encoded);
    // Either a usable program or an error naming the font: never a crash.
    auto cut = used.subset();
    if (cut.ok())
      CHECK(!cut->program.empty());
    else
      CHECK(!cut.error().message.empty());
  }
  CHECK(parsed >= 0);
}
