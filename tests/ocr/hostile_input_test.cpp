// Inputs a supplier's upload can be: empty, tiny, huge, corrupt, encrypted,
// far too long. Each gets a clear error naming the file and the problem
// (and the limit when one applies), never a crash. The inputs are made here.
#include <leptonica/allheaders.h>
#include <zlib.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "ocr/input_document.h"
#include "tests/ocr/test_pdf.h"

using namespace einvoice;
using namespace einvoice::ocr;
namespace fs = std::filesystem;

namespace {

std::string image_bytes(int width, int height, int format) {
  Pix* pix = pixCreate(width, height, 8);
  pixSetAllArbitrary(pix, 200);
  l_uint8* data = nullptr;
  size_t size = 0;
  pixWriteMem(&data, &size, pix, format);
  pixDestroy(&pix);
  std::string out(reinterpret_cast<const char*>(data), size);
  lept_free(data);
  return out;
}

std::uint32_t crc32(const std::string& bytes) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char c : bytes) {
    crc ^= c;
    for (int k = 0; k < 8; ++k)
      crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

void put32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8)
    out += static_cast<char>((v >> shift) & 0xFF);
}

// A PNG whose header announces width x height; the pixel data is a stub,
// never reached when the header is checked first.
std::string png_claiming(std::uint32_t width, std::uint32_t height) {
  std::string out("\x89PNG\r\n\x1A\n", 8);
  std::string ihdr = "IHDR";
  put32(ihdr, width);
  put32(ihdr, height);
  ihdr += std::string("\x08\x00\x00\x00\x00", 5);  // 8-bit grey, no interlace
  put32(out, 13);
  out += ihdr;
  put32(out, crc32(ihdr));
  std::string idat = "IDAT";
  idat += std::string("\x78\x9C\x03\x00\x00\x00\x00\x01", 8);
  put32(out, 8);
  out += idat;
  put32(out, crc32(idat));
  put32(out, 0);
  out += "IEND";
  put32(out, crc32("IEND"));
  return out;
}

// A well-formed PDF of `pages` empty A4 pages, with a correct xref table;
// each page's /Contents is `contents` (a stream object) when given.
std::string pdf_with_pages(int pages, const std::string& contents = "") {
  std::vector<std::string> bodies{"<< /Type /Catalog /Pages 2 0 R >>"};
  std::string kids;
  for (int i = 0; i < pages; ++i)
    kids += std::to_string(3 + i) + " 0 R ";
  bodies.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>");
  const std::string contents_ref =
      contents.empty() ? "" : " /Contents " + std::to_string(3 + pages) + " 0 R";
  for (int i = 0; i < pages; ++i)
    bodies.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]" + contents_ref + " >>");
  if (!contents.empty())
    bodies.push_back(contents);
  return test::pdf_of(bodies);
}

// A FlateDecode stream object whose data inflates to `size` bytes of
// drawing operators, compressed here with zlib.
std::string inflating_stream(std::size_t size) {
  std::string plain;
  plain.reserve(size);
  while (plain.size() < size)
    plain += "0 0 m 595 842 l S\n";
  uLongf packed_size = compressBound(static_cast<uLong>(plain.size()));
  std::string packed(packed_size, '\0');
  REQUIRE(compress2(reinterpret_cast<Bytef*>(packed.data()), &packed_size,
                    reinterpret_cast<const Bytef*>(plain.data()), static_cast<uLong>(plain.size()),
                    9) == Z_OK);
  packed.resize(packed_size);
  return "<< /Length " + std::to_string(packed.size()) + " /Filter /FlateDecode >>\nstream\n" +
         packed + "\nendstream";
}

model::Error open_error(std::string bytes, const std::string& name) {
  auto document = InputDocument::open(std::move(bytes), name);
  if (document) {
    auto page = document->page(1);
    REQUIRE_FALSE(page);
    return page.error();
  }
  return document.error();
}

}  // namespace

TEST_CASE("OCR input: an empty file is refused by name", "[ocr][hostile]") {
  auto error = open_error("", "empty.jpg");
  CHECK(error.code == model::ErrorCode::kMalformed);
  CHECK(error.describe().find("empty.jpg") != std::string::npos);
  CHECK(error.describe().find("empty") != std::string::npos);
}

TEST_CASE("OCR input: a 1x1 pixel image is too small to read", "[ocr][hostile]") {
  auto error = open_error(image_bytes(1, 1, IFF_PNG), "dot.png");
  CHECK(error.code == model::ErrorCode::kUnsupported);
  CHECK(error.describe().find("1x1 pixels") != std::string::npos);
  CHECK(error.describe().find("dot.png") != std::string::npos);
}

TEST_CASE("OCR input: a 20,000 x 20,000 image is refused before decoding", "[ocr][hostile]") {
  auto error = open_error(png_claiming(20000, 20000), "huge.png");
  CHECK(error.code == model::ErrorCode::kLimitExceeded);
  CHECK(error.describe().find("20000x20000") != std::string::npos);
  CHECK(error.describe().find("max_pixels") != std::string::npos);
}

TEST_CASE("OCR input: a corrupt JPEG gives an error, not a crash", "[ocr][hostile]") {
  std::string jpeg = image_bytes(300, 300, IFF_JFIF_JPEG);
  REQUIRE(jpeg.size() > 200);
  std::string truncated = jpeg.substr(0, 40);
  auto error = open_error(truncated, "cut.jpg");
  CHECK(
      (error.code == model::ErrorCode::kMalformed || error.code == model::ErrorCode::kUnsupported));
  CHECK(error.describe().find("cut.jpg") != std::string::npos);

  std::string scrambled = jpeg;
  for (std::size_t i = 20; i < scrambled.size(); i += 7)
    scrambled[i] = static_cast<char>(scrambled[i] ^ 0x5A);
  auto document = InputDocument::open(scrambled, "scrambled.jpg");
  if (document) {
    auto page = document->page(1);  // decoded as garbage or refused; never a crash
    if (!page)
      CHECK(page.error().describe().find("scrambled.jpg") != std::string::npos);
  }
}

TEST_CASE("OCR input: a PDF of 200 pages is refused naming the page limit", "[ocr][hostile]") {
  auto error = open_error(pdf_with_pages(200), "long.pdf");
  CHECK(error.code == model::ErrorCode::kLimitExceeded);
  CHECK(error.describe().find("200 pages") != std::string::npos);
  CHECK(error.describe().find("max_pages") != std::string::npos);
  // Within the limit, the same PDF opens and its pages come one at a time.
  auto ten = InputDocument::open(pdf_with_pages(10), "ten.pdf");
  REQUIRE(ten);
  CHECK(ten->page_count() == 10);
}

TEST_CASE("OCR input: page content inflating past the limit is refused before poppler reads it",
          "[ocr][hostile]") {
  // Issue 12, defect 5: a content stream inflating to 5 GB kept poppler busy
  // for 133 s. 20 MB of operators (a few kB compressed) exceed the default
  // 16 MB per page; the decoding stops at the limit.
  const auto start = std::chrono::steady_clock::now();
  auto error = open_error(pdf_with_pages(1, inflating_stream(20u << 20)), "inflating.pdf");
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(error.code == model::ErrorCode::kLimitExceeded);
  CHECK(error.message.find("max_page_content_bytes") != std::string::npos);
  CHECK(error.message.find("page 1") != std::string::npos);
  CHECK(error.where.file == "inflating.pdf");
  CHECK(seconds < 20.0);

  // Shared by several pages, each within the page limit, the same stream
  // exceeds the document's limit.
  InputLimits limits;
  limits.max_page_content_bytes = 1u << 20;
  limits.max_content_bytes = 3u << 20;
  auto many =
      InputDocument::open(pdf_with_pages(4, inflating_stream(900u << 10)), "many.pdf", limits);
  REQUIRE_FALSE(many);
  CHECK(many.error().message.find("max_content_bytes") != std::string::npos);
  CHECK(many.error().message.find("page 4") != std::string::npos);

  // Within the limits, the page opens.
  auto small = InputDocument::open(pdf_with_pages(1, inflating_stream(100u << 10)), "small.pdf");
  REQUIRE(small);
}

TEST_CASE("OCR input: an encrypted PDF asks for an unprotected copy", "[ocr][hostile]") {
  const fs::path dir = fs::temp_directory_path() / "einvoice-ocr-hostile";
  fs::create_directories(dir);
  const fs::path plain = dir / "plain.pdf";
  const fs::path locked = dir / "locked.pdf";
  std::ofstream(plain, std::ios::binary) << pdf_with_pages(1);
  const std::string command = "qpdf --encrypt secret owner 256 -- '" + plain.string() + "' '" +
                              locked.string() + "' 2>/dev/null";
  REQUIRE(std::system(command.c_str()) == 0);
  std::ifstream in(locked, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  auto error = open_error(bytes, "locked.pdf");
  CHECK(error.code == model::ErrorCode::kUnsupported);
  CHECK(error.describe().find("encrypted") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("OCR input: what is not an image or a PDF is named as such", "[ocr][hostile]") {
  auto error = open_error("<Invoice/>", "invoice.xml");
  CHECK(error.code == model::ErrorCode::kUnsupported);
  CHECK(error.describe().find("not a JPEG, PNG, TIFF or PDF") != std::string::npos);
  auto broken = open_error("%PDF-1.7\nthis is not a PDF body", "broken.pdf");
  CHECK(broken.code == model::ErrorCode::kMalformed);
}
