// Loading PDFs that PoDoFo cannot read as they are (formats/pdf/pdf_file.h):
// qpdf repairs them, the repairs are reported with their objects and offsets,
// and what neither can read is refused with an error naming the file.
#include <catch2/catch.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "formats/pdf/pdf_file.h"
#include "formats/pdf/podofo.h"
#include "formats/pdf/qpdf_repair.h"

using einvoice::pdf::PdfFile;

namespace {

// A one-page PDF: catalog, page tree, page with a content stream that writes
// `text`. The cross-reference table is right unless `shift` moves every
// offset it gives by that many bytes.
std::string one_page_pdf(const std::string& text, long shift = 0) {
  const std::string content = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
  const std::vector<std::string> bodies = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream"};
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (const auto& body : bodies) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
  for (auto offset : offsets) {
    char line[24];
    std::snprintf(line, sizeof line, "%010ld 00000 n \n", static_cast<long>(offset) + shift);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// The text the first page's content stream shows, through the loaded document.
std::string first_page_content(PdfFile& file) {
  PoDoFo::PdfPage* page = file.document().GetPage(0);
  REQUIRE(page != nullptr);
  PoDoFo::PdfObject* contents = file.resolve(page->GetContents());
  REQUIRE(contents != nullptr);
  auto decoded = file.decoded_stream(contents);
  REQUIRE(decoded);
  return *decoded;
}

}  // namespace

TEST_CASE("pdf: a sound file is read as it is, without repair", "[pdf][repair]") {
  auto file = PdfFile::load(one_page_pdf("sound"), "sound.pdf");
  REQUIRE(file);
  CHECK_FALSE(file->repaired());
  CHECK(file->repairs().empty());
  CHECK(first_page_content(*file).find("(sound)") != std::string::npos);
}

TEST_CASE("pdf: offsets that point into the wrong objects are repaired by qpdf", "[pdf][repair]") {
  // Every offset 3 bytes past its object's header.
  auto file = PdfFile::load(one_page_pdf("shifted", 3), "shifted.pdf");
  INFO((file ? std::string() : file.error().describe()));
  REQUIRE(file);
  CHECK(file->repaired());
  REQUIRE_FALSE(file->repairs().empty());
  // qpdf's account names the object and the offset it found wrong.
  std::string repairs;
  for (const auto& repair : file->repairs())
    repairs += repair + "\n";
  INFO(repairs);
  CHECK(repairs.find("object 1 0 at offset 12: expected n n obj") != std::string::npos);
  CHECK(file->document().GetPageCount() == 1);
  CHECK(first_page_content(*file).find("(shifted)") != std::string::npos);
}

TEST_CASE("pdf: a file without a cross-reference table is repaired", "[pdf][repair]") {
  std::string pdf = one_page_pdf("no table");
  const auto table = pdf.find("xref\n");
  const auto trailer = pdf.find("trailer");
  pdf.erase(table, trailer - table);
  pdf.erase(pdf.find("startxref"));
  auto file = PdfFile::load(pdf, "no-xref.pdf");
  REQUIRE(file);
  CHECK(file->repaired());
  CHECK(first_page_content(*file).find("(no table)") != std::string::npos);
  // A repaired file cannot take an incremental update of the bytes received.
  auto for_update = PdfFile::load(pdf, "no-xref.pdf", true);
  REQUIRE(for_update);
  CHECK(for_update->repaired());
}

TEST_CASE("pdf: what neither PoDoFo nor qpdf can read is refused, naming the file",
          "[pdf][repair]") {
  const std::vector<std::string> unreadable = {
      "%PDF-1.4\nnothing of a PDF follows\n%%EOF\n",
      "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R",
      "%PDF-1.4\n" + std::string(4096, '\0'),
      // Cut before its cross-reference table and trailer: no /Root to start from.
      one_page_pdf("cut").substr(0, one_page_pdf("cut").find("xref\n")),
  };
  for (const auto& bytes : unreadable) {
    auto file = PdfFile::load(bytes, "broken.pdf");
    REQUIRE_FALSE(file);
    CHECK(file.error().code == einvoice::model::ErrorCode::kMalformed);
    CHECK(file.error().where.file == "broken.pdf");
    CHECK(file.error().message.find("unreadable PDF") != std::string::npos);
    CHECK(file.error().message.find("qpdf could not repair it either") != std::string::npos);
  }
}

TEST_CASE("pdf: a startxref pointing past the end is repaired", "[pdf][repair]") {
  std::string pdf = one_page_pdf("lost table");
  const auto at = pdf.find("startxref\n") + 10;
  pdf.replace(at, pdf.find('\n', at) - at, "99999");
  auto file = PdfFile::load(pdf, "startxref.pdf");
  INFO((file ? std::string() : file.error().describe()));
  REQUIRE(file);
  CHECK(first_page_content(*file).find("(lost table)") != std::string::npos);
}

TEST_CASE("pdf: an object's offset is the one the cross-reference gives, not the last header",
          "[pdf][xref]") {
  // An incremental update redefines object 4, then a comment carries a
  // decoy "4 0 obj" header after it: a reader follows the update's table.
  std::string pdf = one_page_pdf("first");
  const std::size_t first_xref = pdf.rfind("\nxref\n") + 1;
  const std::size_t update = pdf.size();
  const std::string content = "BT (second) Tj ET";
  pdf += "4 0 obj\n<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
         "\nendstream\nendobj\n";
  const std::size_t table = pdf.size();
  char entry[24];
  std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", update);
  pdf += "xref\n4 1\n" + std::string(entry) + "trailer\n<< /Size 5 /Root 1 0 R /Prev " +
         std::to_string(first_xref) + " >>\nstartxref\n" + std::to_string(table) + "\n%%EOF\n";
  pdf += "% 4 0 obj << >> endobj\n";
  CHECK(einvoice::pdf::xref_offset(pdf, "updated.pdf", 4, 0) == update);
  // Object 2 was not updated: its place in the first revision.
  CHECK(einvoice::pdf::xref_offset(pdf, "updated.pdf", 2, 0) == pdf.find("2 0 obj"));
  CHECK_FALSE(einvoice::pdf::xref_offset(pdf, "updated.pdf", 9, 0));
  CHECK_FALSE(einvoice::pdf::xref_offset("%PDF-1.4\nnot a pdf", "broken.pdf", 1, 0));
}
