// Issue 12, defect 8 (Factur-X parts): two attachments named factur-x.xml
// were accepted silently (FX-23), JavaScript, /Launch and other actions PDF/A
// forbids passed the check (FX-24), FX-19 ignored /Keywords. The PDFs are
// written here, object by object; a control PDF without the defect shows the
// items stay quiet when nothing is wrong.
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "engine/facturx_jobs.h"
#include "formats/facturx/container_check.h"

namespace {

using einvoice::facturx::check_container;
using einvoice::facturx::read_facturx;

// A PDF of the given objects (object 1 is the catalog, object 2 /Info), with
// a correct cross-reference table and a document /ID.
std::string pdf_of(const std::vector<std::string>& objects) {
  std::string out = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    char line[24];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R /Info 2 0 R /ID [<00112233445566778899AABBCCDDEEFF> "
         "<00112233445566778899AABBCCDDEEFF>] >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return out;
}

std::string stream(const std::string& dictionary, const std::string& data) {
  return "<< " + dictionary + " /Length " + std::to_string(data.size()) + " >>\nstream\n" + data +
         "\nendstream";
}

// Object numbers: 1 catalog, 2 info, 3 pages, 4 XMP, 5 and 6 file
// specifications, 7 and 8 embedded files.
struct Parts {
  std::string catalog_extra;
  std::string names_extra;  // inside the catalog's /Names
  std::string info = "<< /Title (Invoice) >>";
  bool second_invoice = false;
};

std::string facturx_like(const Parts& parts) {
  const std::string xmp =
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
      "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description rdf:about=\"\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title><rdf:Alt><rdf:li "
      "xml:lang=\"x-default\">Invoice</rdf:li></rdf:Alt></dc:title></rdf:Description>"
      "</rdf:RDF></x:xmpmeta>";
  const std::string names = parts.second_invoice ? "[(factur-x.xml) 5 0 R (factur-x.xml) 6 0 R]"
                                                 : "[(factur-x.xml) 5 0 R]";
  auto spec = [](int file) {
    return "<< /Type /Filespec /F (factur-x.xml) /UF (factur-x.xml) /AFRelationship /Data "
           "/EF << /F " +
           std::to_string(file) + " 0 R >> >>";
  };
  return pdf_of({
      "<< /Type /Catalog /Pages 3 0 R /Metadata 4 0 R /Names << /EmbeddedFiles << /Names " + names +
          " >> " + parts.names_extra + " >> /AF [5 0 R" + (parts.second_invoice ? " 6 0 R" : "") +
          "] " + parts.catalog_extra + " >>",
      parts.info,
      "<< /Type /Pages /Kids [] /Count 0 >>",
      stream("/Type /Metadata /Subtype /XML", xmp),
      spec(7),
      spec(8),
      stream("/Type /EmbeddedFile /Subtype /text#2Fxml", "<a>first</a>"),
      stream("/Type /EmbeddedFile /Subtype /text#2Fxml", "<a>second</a>"),
  });
}

std::vector<std::string> findings(const std::string& pdf, const std::string& id) {
  auto content = read_facturx(pdf, "test.pdf");
  REQUIRE(content);
  std::vector<std::string> out;
  for (const auto& d : check_container(*content, "test.pdf")) {
    if (d.rule_id == id)
      out.push_back(d.message + " @ " + d.location.xpath);
  }
  return out;
}

}  // namespace

TEST_CASE("facturx check FX-23: two attachments named factur-x.xml are reported",
          "[facturx][check]") {
  CHECK(findings(facturx_like({}), "FX-23").empty());
  Parts parts;
  parts.second_invoice = true;
  auto found = findings(facturx_like(parts), "FX-23");
  REQUIRE(found.size() == 1);
  CHECK(found[0].find("2 attachments are named 'factur-x.xml'") != std::string::npos);
  CHECK(found[0].find("5 0 R") != std::string::npos);
  CHECK(found[0].find("6 0 R") != std::string::npos);
}

TEST_CASE("facturx check FX-24: JavaScript, Launch and additional actions are reported",
          "[facturx][check]") {
  CHECK(findings(facturx_like({}), "FX-24").empty());

  Parts javascript;
  javascript.catalog_extra = "/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>";
  auto js = findings(facturx_like(javascript), "FX-24");
  REQUIRE(js.size() == 1);
  CHECK(js[0].find("JavaScript action") != std::string::npos);
  CHECK(js[0].find("object 1 0 R") != std::string::npos);

  Parts launch;
  launch.catalog_extra = "/AA << /WC << /S /Launch /F (calc.exe) >> >>";
  auto launched = findings(facturx_like(launch), "FX-24");
  REQUIRE(launched.size() == 2);  // the /AA entry and the Launch action in it
  CHECK((launched[0] + launched[1]).find("(/AA)") != std::string::npos);
  CHECK((launched[0] + launched[1]).find("Launch action") != std::string::npos);

  Parts tree;
  tree.names_extra = "/JavaScript << /Names [(a) << /S /GoTo /D [0 /Fit] >>] >>";
  auto named = findings(facturx_like(tree), "FX-24");
  REQUIRE_FALSE(named.empty());
  CHECK(named[0].find("/Root/Names/JavaScript") != std::string::npos);

  Parts allowed;  // links to a page or a web address are allowed
  allowed.catalog_extra = "/OpenAction << /S /URI /URI (https://example.com) >>";
  CHECK(findings(facturx_like(allowed), "FX-24").empty());
}

TEST_CASE("facturx check FX-19: /Info /Keywords and /Subject must agree with the XMP",
          "[facturx][check]") {
  Parts keywords;
  keywords.info = "<< /Title (Invoice) /Keywords (invoice, 2026) >>";
  auto found = findings(facturx_like(keywords), "FX-19");
  REQUIRE(found.size() == 1);
  CHECK(found[0].find("/Info /Keywords is 'invoice, 2026'") != std::string::npos);
  CHECK(found[0].find("pdf:Keywords is missing") != std::string::npos);

  Parts subject;
  subject.info = "<< /Title (Invoice) /Subject (March) >>";
  auto subjects = findings(facturx_like(subject), "FX-19");
  REQUIRE(subjects.size() == 1);
  CHECK(subjects[0].find("dc:description") != std::string::npos);
}

TEST_CASE("facturx build keeps /Info /Keywords in the XMP, so FX-19 holds", "[facturx][check]") {
  namespace fs = std::filesystem;
  const std::string pdf = pdf_of({"<< /Type /Catalog /Pages 3 0 R >>",
                                  "<< /Title (Visual) /Keywords (invoice, 2026) >>",
                                  "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
                                  "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] >>"});
  std::ifstream xml_in(
      fs::path(EINVOICE_CORPUS_DIR) / "en16931/cii/examples/CII_business_example_01.xml",
      std::ios::binary);
  const std::string xml((std::istreambuf_iterator<char>(xml_in)), {});
  einvoice::engine::FacturxBuildOptions options;
  options.timestamp = "2026-11-23T10:00:00+00:00";
  auto built = einvoice::engine::build_facturx(xml, "invoice.xml", pdf, "visual.pdf", options);
  REQUIRE(built);
  auto content = read_facturx(built->pdf, "built.pdf");
  REQUIRE(content);
  REQUIRE(content->info_keywords);
  REQUIRE(content->xmp);
  CHECK(content->xmp->keywords == content->info_keywords);
  for (const auto& d : check_container(*content, "built.pdf"))
    CHECK(d.rule_id != "FX-19");
}
