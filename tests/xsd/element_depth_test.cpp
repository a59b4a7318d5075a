// Issue 12, defect 5: a CII with 200,000 nested elements inside ram:Content
// kept Xerces busy for 100 s; the depth limit of the libxml2 path (256) now
// applies before Xerces sees the document.
#include "formats/xsd/element_depth.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "formats/xsd/schema_validator.h"

using einvoice::model::ErrorCode;
using einvoice::xsd::find_excess_depth;
using einvoice::xsd::SchemaId;
using einvoice::xsd::SchemaValidator;
namespace fs = std::filesystem;

namespace {

std::string nested(int depth) {
  std::string xml;
  for (int i = 0; i < depth; ++i)
    xml += "<a>";
  for (int i = 0; i < depth; ++i)
    xml += "</a>";
  return xml;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("xsd depth: 200,000 nested elements in ram:Content are refused quickly, before Xerces",
          "[xsd][depth]") {
  std::string xml = slurp(fs::path(EINVOICE_CORPUS_DIR) / "en16931/cii/examples/CII_example1.xml");
  const std::size_t content = xml.find("<ram:Content>");
  REQUIRE(content != std::string::npos);
  xml.insert(content + 13, nested(200000));
  SchemaValidator validator(EINVOICE_SCHEMA_DIR);
  const auto start = std::chrono::steady_clock::now();
  auto report = validator.validate(xml, SchemaId::kCiiD16B, "deep.xml");
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE_FALSE(report);
  CHECK(report.error().code == ErrorCode::kLimitExceeded);
  CHECK(report.error().message.find("deeper than 256") != std::string::npos);
  CHECK(report.error().where.file == "deep.xml");
  CHECK(report.error().where.line > 1);
  CHECK(seconds < 5.0);  // was 100 s of CPU; the pre-scan is linear
}

TEST_CASE("xsd depth: the limit counts open elements only", "[xsd][depth]") {
  CHECK_FALSE(find_excess_depth(nested(256), 256));
  auto excess = find_excess_depth(nested(257), 256);
  REQUIRE(excess);
  CHECK(excess->offset == 256 * 3);
  CHECK(excess->line == 1);
  CHECK(excess->column == 256 * 3 + 1);

  // Siblings, empty elements, comments, CDATA, processing instructions and
  // quoted attribute values holding markup characters do not nest.
  std::string flat = "<?xml version=\"1.0\"?>\n<!-- <a><a> --><r>";
  for (int i = 0; i < 1000; ++i)
    flat += "<b x=\"<c>\" y='/>'/><c><![CDATA[<d><d>]]></c><?pi <e>?>";
  flat += "</r>";
  CHECK_FALSE(find_excess_depth(flat, 2));
  CHECK(find_excess_depth(flat, 1));  // <r><c> is two levels

  // The place is reported on the right line.
  auto deep = find_excess_depth("<r>\n  <a>\n    <b/>\n    <b>", 2);
  REQUIRE(deep);
  CHECK(deep->line == 4);
  CHECK(deep->column == 5);
}

TEST_CASE("xsd depth: UTF-16 documents are scanned by code unit", "[xsd][depth]") {
  auto utf16le = [](const std::string& ascii) {
    std::string out = "\xFF\xFE";
    for (char c : ascii) {
      out.push_back(c);
      out.push_back('\0');
    }
    return out;
  };
  std::string many_siblings = "<r>";
  for (int i = 0; i < 1000; ++i)
    many_siblings += "<a></a>";
  many_siblings += "</r>";
  CHECK_FALSE(find_excess_depth(utf16le(many_siblings), 256));
  CHECK(find_excess_depth(utf16le(nested(300)), 256));
}
