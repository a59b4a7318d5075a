// Every sample of the shared Factur-X corpus is read as its manifest says:
// attachments (name, relationship, MIME type), the XML's guideline id, the
// XMP profile and PDF/A claim; corrupt samples give an error, never a crash.
#include <catch2/catch.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "formats/facturx/facturx_reader.h"

namespace {

namespace fs = std::filesystem;
using einvoice::facturx::FacturxContent;
using einvoice::facturx::read_facturx;

const fs::path kCorpus = fs::path(EINVOICE_CORPUS_DIR) / "facturx";

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// "a.xml[/Data|/text/xml];b.xml[...]" -> {"a.xml|Data|text/xml", ...}
std::set<std::string> expected_attachments(const nlohmann::json& field) {
  std::set<std::string> out;
  if (!field.is_string())
    return out;
  std::stringstream list(field.get<std::string>());
  std::string item;
  while (std::getline(list, item, ';')) {
    auto open = item.find('[');
    auto bar = item.find('|', open);
    std::string name = item.substr(0, open);
    std::string relationship = item.substr(open + 2, bar - open - 2);
    std::string mime = item.substr(bar + 2, item.size() - bar - 3);
    out.insert(name + "|" + relationship + "|" + mime);
  }
  return out;
}

std::set<std::string> actual_attachments(const FacturxContent& content) {
  std::set<std::string> out;
  for (const auto& a : content.attachments)
    out.insert(a.name + "|" + a.relationship + "|" + a.mime_type);
  return out;
}

std::string pdfa_claim(const FacturxContent& content) {
  if (!content.xmp || !content.xmp->pdfa_part)
    return "none";
  // The manifest writes the level in capitals; some files use lower case.
  std::string level = content.xmp->pdfa_conformance.value_or("");
  for (char& c : level)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return "PDF/A-" + std::to_string(*content.xmp->pdfa_part) + level;
}

}  // namespace

TEST_CASE("facturx corpus: every sample is read as its manifest says", "[facturx][corpus]") {
  std::ifstream in(kCorpus / "manifest.json");
  REQUIRE(in);
  auto manifest = nlohmann::json::parse(in);
  int checked = 0;
  for (const auto& entry : manifest["files"]) {
    const std::string file = entry["file"];
    INFO(file);
    auto read = read_facturx(slurp(kCorpus / file), file);
    if (!entry["note"].is_null() || !read) {
      // Broken on purpose: a clear error naming the file, nothing to recover
      // but what the raw XMP packet says.
      REQUIRE_FALSE(read);
      CHECK(read.error().where.file == file);
      CHECK_FALSE(read.error().message.empty());
      CHECK(entry["attachments"].is_null());
      auto salvaged = einvoice::facturx::salvage_xmp(slurp(kCorpus / file), file);
      if (entry["profile_xmp"].is_string()) {
        REQUIRE(salvaged);
        CHECK(salvaged->conformance_level.value_or("") == entry["profile_xmp"].get<std::string>());
      }
      ++checked;
      continue;
    }
    REQUIRE(read);
    CHECK(actual_attachments(*read) == expected_attachments(entry["attachments"]));
    if (entry["guideline_id"].is_string())
      CHECK(read->guideline_id.value_or("") == entry["guideline_id"].get<std::string>());
    else
      CHECK_FALSE(read->guideline_id);
    if (entry["profile_xmp"].is_string()) {
      REQUIRE(read->xmp);
      CHECK(read->xmp->conformance_level.value_or("") == entry["profile_xmp"].get<std::string>());
    }
    CHECK(pdfa_claim(*read) == entry["pdfa_claim"].get<std::string>());
    ++checked;
  }
  CHECK(checked == static_cast<int>(manifest["files"].size()));
}
