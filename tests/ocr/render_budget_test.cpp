// PDF pages whose rendering would never end, or would take hours: a few bytes
// of content asking for 1e11 dash segments, a million full-page fills, forms
// drawing forms a hundred million times, a glyph or a pattern cell doing the
// same, an image of a billion samples. Each is refused when the scan is
// opened, naming the file, the page and the limit; a page within the limits
// still renders, from the copy that was measured. The PDFs are made here.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "ocr/input_document.h"
#include "tests/ocr/test_pdf.h"

using namespace einvoice;
using namespace einvoice::ocr;

namespace {

using test::pdf_of;

std::string stream(const std::string& dictionary_entries, const std::string& data) {
  return test::stream_object(dictionary_entries, data);
}

// One A4 page (object 3) drawing `content` (object 4) with `resources`,
// followed by `more` objects (5, 6, ...).
std::string page_pdf(const std::string& content, const std::string& resources = "<< >>",
                     const std::vector<std::string>& more = {},
                     const std::string& page_extra = "") {
  std::vector<std::string> bodies{
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources " +
          resources + page_extra + " >>",
      stream("", content)};
  bodies.insert(bodies.end(), more.begin(), more.end());
  return pdf_of(bodies);
}

// The error of opening `bytes` as a scan.
model::Error refusal_of(std::string bytes, const std::string& name) {
  auto document = InputDocument::open(std::move(bytes), name);
  REQUIRE_FALSE(document);
  return document.error();
}

// Refused by counting (the test would otherwise outlast its time-out),
// naming the file, the page and the limit.
void check_refused(const model::Error& error, const std::string& name, const std::string& limit) {
  INFO(error.describe());
  CHECK(error.code == model::ErrorCode::kLimitExceeded);
  CHECK(error.where.file == name);
  CHECK(error.message.find("page 1") != std::string::npos);
  CHECK(error.message.find(limit) != std::string::npos);
}

}  // namespace

TEST_CASE("Render budget: a dash pattern over a long line is refused before rendering",
          "[ocr][hostile][render-budget]") {
  // [1 1] over 7e11 units: 7e11 dashes, which the renderer would make one by
  // one (the fuzzing campaign found this; poppler ran for minutes).
  check_refused(refusal_of(page_pdf("[1 1] 0 d 421 409.5 m 690933333333 0 l S"), "dash.pdf"),
                "dash.pdf", "max_dash_segments");
  // The same through a graphics state's /D, and written as the renderer reads
  // it ("40s" is 40 then the close-and-stroke operator).
  check_refused(refusal_of(page_pdf("/G0 gs 0 0 m 1000 0 l 9 9 40s",
                                    "<< /ExtGState << /G0 << /D [[0.0001] 0] >> >> >>"),
                           "gs-dash.pdf"),
                "gs-dash.pdf", "max_dash_segments");
}

TEST_CASE("Render budget: a million full-page fills are refused", "[ocr][hostile][render-budget]") {
  std::string content;
  for (int i = 0; i < 300000; ++i)
    content += "0 0 595 842 re f\n";  // 5 MB: within the content byte limits
  check_refused(refusal_of(page_pdf(content), "fills.pdf"), "fills.pdf", "max_painted_pages");
}

TEST_CASE("Render budget: forms drawing forms are counted at every drawing",
          "[ocr][hostile][render-budget]") {
  // Form 5 draws form 6 ten times, which draws 7 ten times ... to form 12:
  // 10^8 drawings of a few bytes each.
  std::vector<std::string> forms;
  for (int level = 0; level < 8; ++level) {
    const int next = 6 + level;
    std::string content;
    std::string resources = "<< >>";
    if (level < 7) {
      for (int i = 0; i < 10; ++i)
        content += "/X Do ";
      resources = "<< /XObject << /X " + std::to_string(next) + " 0 R >> >>";
    } else {
      content = "0 0 1 1 re f";
    }
    forms.push_back(
        stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources " + resources, content));
  }
  check_refused(refusal_of(page_pdf("/X Do", "<< /XObject << /X 5 0 R >> >>", forms), "forms.pdf"),
                "forms.pdf", "max_page_operators");

  // A form drawing itself is skipped, as renderers skip it: the page opens.
  auto looping =
      InputDocument::open(page_pdf("/X Do", "<< /XObject << /X 5 0 R >> >>",
                                   {stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10] "
                                           "/Resources << /XObject << /X 5 0 R >> >>",
                                           "/X Do 0 0 5 5 re f")}),
                          "looping.pdf");
  REQUIRE(looping);
  CHECK(looping->page(1));
}

TEST_CASE("Render budget: a Type 3 glyph and a pattern cell are counted where they are used",
          "[ocr][hostile][render-budget]") {
  // A glyph whose procedure strokes a dashed line of 1000000000 units, shown once.
  const std::string font =
      "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] "
      "/CharProcs << /a 6 0 R >> /Encoding << /Differences [97 /a] >> /FirstChar 97 "
      "/LastChar 97 /Widths [1000] >>";
  check_refused(refusal_of(page_pdf("BT /T3 12 Tf (a) Tj ET", "<< /Font << /T3 5 0 R >> >>",
                                    {font, stream("", "1000 0 d0 [1] 0 d 0 0 m 1000000000 0 l S")}),
                           "glyph.pdf"),
                "glyph.pdf", "max_dash_segments");
  // A tiling pattern whose cell does the same, used by one fill.
  const std::string pattern = stream(
      "/Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 10 10] /XStep 10 "
      "/YStep 10 /Resources << >>",
      "[0.5] 0 d 0 0 m 1000000000 1 l S");
  check_refused(refusal_of(page_pdf("/Pattern cs /P scn 0 0 100 100 re f",
                                    "<< /Pattern << /P 5 0 R >> >>", {pattern}),
                           "pattern.pdf"),
                "pattern.pdf", "max_dash_segments");
}

TEST_CASE("Render budget: an image of a billion samples is refused before it is decoded",
          "[ocr][hostile][render-budget]") {
  const std::string image = stream(
      "/Type /XObject /Subtype /Image /Width 40000 /Height 25000 /ColorSpace /DeviceGray "
      "/BitsPerComponent 8 /Filter /FlateDecode",
      "x");
  check_refused(
      refusal_of(page_pdf("q 595 0 0 842 0 0 cm /I Do Q", "<< /XObject << /I 5 0 R >> >>", {image}),
                 "image.pdf"),
      "image.pdf", "max_image_samples");
  check_refused(refusal_of(page_pdf("BI /W 40000 /H 25000 /BPC 8 /CS /G ID x EI"), "inline.pdf"),
                "inline.pdf", "max_image_samples");
}

TEST_CASE(
    "Render budget: annotation appearances are counted; annotations without one are "
    "not drawn",
    "[ocr][hostile][render-budget]") {
  const std::string annotation =
      "<< /Type /Annot /Subtype /Square /Rect [0 0 100 100] /AP << /N 6 0 R >> >>";
  check_refused(
      refusal_of(page_pdf("", "<< >>",
                          {annotation, stream("/Type /XObject /Subtype /Form /BBox [0 0 100 100]",
                                              "[0.01] 0 d 0 0 m 100000000 0 l S")},
                          " /Annots [5 0 R]"),
                 "annotation.pdf"),
      "annotation.pdf", "max_dash_segments");

  // An ink annotation without appearance would be drawn by the renderer from
  // its own dash array: it is left out of the copy; the page still opens.
  const std::string ink =
      "<< /Type /Annot /Subtype /Ink /Rect [0 0 595 842] /InkList [[0 0 1000000000 0]] "
      "/BS << /S /D /D [0.001] /W 1 >> >>";
  auto document = InputDocument::open(
      page_pdf("BT /F1 12 Tf 72 700 Td (Facture) Tj ET",
               "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>",
               {ink}, " /Annots [5 0 R]"),
      "ink.pdf");
  REQUIRE(document);
  CHECK(document->page(1));
}

TEST_CASE("Render budget: a page within the limits renders from the measured copy",
          "[ocr][hostile][render-budget]") {
  // Dashed table rules, a few fills, text: a normal page.
  std::string content = "[3 3] 0 d 0.5 w\n";
  for (int row = 0; row < 40; ++row)
    content += "50 " + std::to_string(100 + row * 15) + " m 545 " + std::to_string(100 + row * 15) +
               " l S\n";
  content +=
      "0.9 g 50 700 495 40 re f 0 g BT /F1 14 Tf 60 715 Td (FACTURE N 2026-0042 du 7 decembre "
      "2026, Societe Exemple SAS) Tj ET\n";
  auto document = InputDocument::open(
      page_pdf(content,
               "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"),
      "normal.pdf");
  REQUIRE(document);
  auto page = document->page(1);
  REQUIRE(page);
  // The copy keeps the text layer: read from it, not from the pixels.
  REQUIRE(page->text_layer);
  std::string text;
  for (const auto& line : page->text_layer->lines)
    text += line.text() + "\n";
  CHECK(text.find("2026-0042") != std::string::npos);
}
