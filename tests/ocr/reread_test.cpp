// The page segmentation that keeps a totals label on its amount's line
// merges the lines of two columns a little apart in height, and garbles the
// second; read again alone, it reads right. The fixture is a degraded scan
// (bench/layout_corpus, layout fr-chf-iso, preset medium: 200 dpi, skew,
// noise, blur, JPEG 60) of an invoice with its letterhead in a sidebar:
// "Tél. 01 23 45 67 89" beside "Date : 2025-03-24".
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "ocr/input_document.h"
#include "ocr/page_reader.h"

using namespace einvoice::ocr;
namespace fs = std::filesystem;

namespace {

std::string read_of(bool reread) {
  const fs::path path = fs::path(EINVOICE_TESTDATA_DIR) / "ocr" / "sidebar-scan-medium.jpg";
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  auto document = InputDocument::open(std::move(bytes), path.filename().string());
  REQUIRE(document);
  ReaderOptions options;
  options.reread_weak_segments = reread;
  auto reader = PageReader::create(options);
  REQUIRE(reader);
  auto page = document->page(1);
  REQUIRE(page);
  auto read = (*reader)->read(*page, path.filename().string());
  REQUIRE(read);
  std::string text;
  for (const auto& line : read->lines)
    text += line.text() + "\n";
  return text;
}

}  // namespace

TEST_CASE("OCR: a line garbled beside another column is read again alone", "[ocr][scan]") {
  const std::string plain = read_of(false);
  const std::string again = read_of(true);
  INFO(plain);
  INFO(again);
  CHECK(plain.find("2025-03-24") == std::string::npos);
  CHECK(again.find("2025-03-24") != std::string::npos);
  CHECK(again.find("FAC-2026-6894") != std::string::npos);
}
