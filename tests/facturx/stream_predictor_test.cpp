// Streams compressed with a predictor (PNG rows, TIFF differences), as
// writers store attachments and object streams: decoded by einvoice itself
// (PoDoFo's Flate decoder leaked its zlib state when stopped). The PDFs and
// the expected bytes are made here.
#include <zlib.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "formats/facturx/facturx_reader.h"

namespace {

std::string deflate(const std::string& plain) {
  uLongf size = compressBound(static_cast<uLong>(plain.size()));
  std::string packed(size, '\0');
  REQUIRE(compress2(reinterpret_cast<Bytef*>(packed.data()), &size,
                    reinterpret_cast<const Bytef*>(plain.data()), static_cast<uLong>(plain.size()),
                    9) == Z_OK);
  packed.resize(size);
  return packed;
}

// A PDF with one attachment, factur-x.xml, whose stream is `data` with the
// filter entries `filter`.
std::string pdf_with_attachment(const std::string& filter, const std::string& data) {
  const std::vector<std::string> bodies = {
      "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 3 0 R >> >>",
      "<< /Type /Pages /Kids [] /Count 0 >>", "<< /Names [(factur-x.xml) 4 0 R] >>",
      "<< /Type /Filespec /F (factur-x.xml) /UF (factur-x.xml) /EF << /F 5 0 R >> >>",
      "<< /Type /EmbeddedFile /Subtype /text#2Fxml " + filter + " /Length " +
          std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream"};
  std::ostringstream pdf;
  std::vector<std::size_t> offsets;
  pdf << "%PDF-1.7\n";
  for (const std::string& body : bodies) {
    offsets.push_back(static_cast<std::size_t>(pdf.tellp()));
    pdf << offsets.size() << " 0 obj\n" << body << "\nendobj\n";
  }
  const auto xref = pdf.tellp();
  pdf << "xref\n0 " << offsets.size() + 1 << "\n0000000000 65535 f \n";
  for (auto offset : offsets) {
    char line[24];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    pdf << line;
  }
  pdf << "trailer\n<< /Size " << offsets.size() + 1 << " /Root 1 0 R >>\nstartxref\n"
      << xref << "\n%%EOF\n";
  return pdf.str();
}

std::string attachment_of(const std::string& pdf) {
  auto content = einvoice::facturx::read_facturx(pdf, "predictor.pdf");
  REQUIRE(content);
  REQUIRE(content->attachments.size() == 1);
  INFO(content->attachments[0].problem.value_or(""));
  REQUIRE_FALSE(content->attachments[0].problem);
  return content->attachments[0].data;
}

const std::string kPlain =
    "<?xml version=\"1.0\"?><x>rows of four bytes, filtered</x>";  // 56 bytes

}  // namespace

TEST_CASE("Flate with PNG predictors: every row filter is undone", "[facturx][predictor]") {
  REQUIRE(kPlain.size() == 56);  // whole rows of 4 and of 8
  // Four columns of one byte; each row tagged with filter (row % 5): none,
  // sub, up, average, paeth, encoded here as a PNG encoder does.
  const std::size_t columns = 4;
  std::string encoded;
  std::vector<unsigned char> previous(columns, 0);
  for (std::size_t start = 0; start < kPlain.size(); start += columns) {
    const unsigned tag = static_cast<unsigned>((start / columns) % 5);
    encoded += static_cast<char>(tag);
    std::vector<unsigned char> row(columns);
    for (std::size_t i = 0; i < columns; ++i)
      row[i] = static_cast<unsigned char>(kPlain[start + i]);
    for (std::size_t i = 0; i < columns; ++i) {
      const int left = i > 0 ? row[i - 1] : 0, up = previous[i],
                corner = i > 0 ? previous[i - 1] : 0;
      int predicted = 0;
      if (tag == 1)
        predicted = left;
      else if (tag == 2)
        predicted = up;
      else if (tag == 3)
        predicted = (left + up) / 2;
      else if (tag == 4) {
        const int p = left + up - corner;
        const int a = std::abs(p - left), b = std::abs(p - up), c = std::abs(p - corner);
        predicted = a <= b && a <= c ? left : b <= c ? up : corner;
      }
      encoded += static_cast<char>(static_cast<unsigned char>(row[i] - predicted));
    }
    previous = row;
  }
  const std::string pdf = pdf_with_attachment(
      "/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >>", deflate(encoded));
  CHECK(attachment_of(pdf) == kPlain);
}

TEST_CASE("Flate with the TIFF predictor, and a predictor no encoder uses",
          "[facturx][predictor]") {
  // TIFF 2, one colour, 8 bits, rows of 8: each byte the difference to its left.
  std::string encoded = kPlain;
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    if (i % 8 != 0)
      encoded[i] = static_cast<char>(static_cast<unsigned char>(kPlain[i] - kPlain[i - 1]));
  }
  CHECK(attachment_of(pdf_with_attachment(
            "/Filter [/FlateDecode] /DecodeParms [<< /Predictor 2 /Columns 8 >>]",
            deflate(encoded))) == kPlain);
  // Columns 0 names no row size: the attachment is reported unreadable.
  auto content = einvoice::facturx::read_facturx(
      pdf_with_attachment("/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 0 >>",
                          deflate(kPlain)),
      "bad-predictor.pdf");
  REQUIRE(content);
  REQUIRE(content->attachments.size() == 1);
  CHECK(content->attachments[0].problem);
}

TEST_CASE("A filter chain: ASCIIHex then Flate", "[facturx][predictor]") {
  const std::string packed = deflate(kPlain);
  std::string hex;
  for (unsigned char c : packed) {
    char two[3];
    std::snprintf(two, sizeof two, "%02X", c);
    hex += two;
  }
  hex += '>';
  CHECK(attachment_of(pdf_with_attachment("/Filter [/ASCIIHexDecode /FlateDecode]", hex)) ==
        kPlain);
}
