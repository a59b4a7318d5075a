// Build -> extract over the official CII examples, for each Factur-X profile
// whose XSD the example fits: the extracted XML is the embedded XML byte for
// byte, the PDF passes qpdf --check and pdfinfo, pdfdetach lists factur-x.xml,
// and einvoice's own container checklist finds nothing fatal.
#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "engine/facturx_jobs.h"
#include "formats/facturx/container_check.h"
#include "formats/xsd/schema_validator.h"

namespace {

namespace fs = std::filesystem;
using einvoice::facturx::Profile;
using einvoice::xsd::SchemaId;

const fs::path kCorpus = EINVOICE_CORPUS_DIR;
// A plain PDF (not PDF/A) and a PDF/A-3 without attachment, as visual parts.
const fs::path kPlainPdf =
    kCorpus / "facturx/pdf/library__MustangGnuaccountingBeispielRE-20170509_505PDF14.pdf";
const fs::path kPdfA3 =
    kCorpus / "facturx/pdf/library__MustangGnuaccountingBeispielRE-20170509_505PDFA3.pdf";

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Runs a shell command; returns its exit status and puts stdout in `out`.
int run(const std::string& command, std::string& out) {
  out.clear();
  FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
  if (!pipe)
    return -1;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    out.append(buffer.data(), n);
  return pclose(pipe);
}

// `xml` with its guideline id (BT-24) replaced by `guideline`.
std::string with_guideline(const std::string& xml, std::string_view guideline) {
  auto context = xml.find("GuidelineSpecifiedDocumentContextParameter");
  auto open = xml.find("ID>", context);
  auto close = xml.find("</", open);
  REQUIRE(context != std::string::npos);
  return xml.substr(0, open + 3) + std::string(guideline) + xml.substr(close);
}

struct ProfileCase {
  Profile profile;
  SchemaId schema;
};
constexpr std::array<ProfileCase, 5> kProfiles{{
    {Profile::kMinimum, SchemaId::kFacturXMinimum},
    {Profile::kBasicWl, SchemaId::kFacturXBasicWl},
    {Profile::kBasic, SchemaId::kFacturXBasic},
    {Profile::kEn16931, SchemaId::kFacturXEn16931},
    {Profile::kExtended, SchemaId::kFacturXExtended},
}};

}  // namespace

TEST_CASE("facturx build: every CII example, every profile it fits, extracts byte for byte",
          "[facturx][build]") {
  einvoice::xsd::SchemaValidator schemas(EINVOICE_SCHEMA_DIR);
  const std::string plain = slurp(kPlainPdf);
  const std::string pdfa = slurp(kPdfA3);
  REQUIRE_FALSE(plain.empty());
  REQUIRE_FALSE(pdfa.empty());
  const fs::path scratch = fs::path(EINVOICE_BINARY_DIR) / "facturx-build-test";
  fs::create_directories(scratch);

  int built = 0;
  int fitting_en16931 = 0;
  for (const auto& entry : fs::directory_iterator(kCorpus / "en16931/cii/examples")) {
    const std::string source = slurp(entry.path());
    for (const auto& profile_case : kProfiles) {
      const std::string xml =
          with_guideline(source, einvoice::facturx::guideline_of(profile_case.profile));
      auto fits = schemas.validate(xml, profile_case.schema, entry.path().string());
      REQUIRE(fits);
      if (!fits->valid)
        continue;  // the example has data this profile cannot carry
      if (profile_case.profile == Profile::kEn16931)
        ++fitting_en16931;
      const std::string name = entry.path().stem().string() + "-" +
                               std::to_string(static_cast<int>(profile_case.profile));
      INFO(name);
      einvoice::engine::FacturxBuildOptions options;
      options.timestamp = "2026-11-23T10:00:00+00:00";
      // Alternate the visual parts: a plain PDF (rewritten) and a PDF/A-3
      // (kept as a prefix).
      const bool use_pdfa = built % 2 == 1;
      auto result =
          einvoice::engine::build_facturx(xml, name + ".xml", use_pdfa ? pdfa : plain,
                                          use_pdfa ? "visual-a3.pdf" : "visual.pdf", options);
      REQUIRE(result);
      CHECK(result->profile == profile_case.profile);
      CHECK(result->incremental == use_pdfa);
      if (use_pdfa)
        CHECK(result->pdf.compare(0, pdfa.size(), pdfa) == 0);

      auto extracted = einvoice::engine::extract_facturx(result->pdf, name + ".pdf");
      REQUIRE(extracted);
      const auto* attachment = extracted->content.invoice_attachment();
      REQUIRE(attachment);
      CHECK(attachment->name == "factur-x.xml");
      CHECK(attachment->data == xml);  // byte for byte
      REQUIRE(extracted->content.xml_profile);
      CHECK(extracted->content.xml_profile->profile == profile_case.profile);
      for (const auto& finding :
           einvoice::facturx::check_container(extracted->content, name + ".pdf")) {
        INFO(finding.rule_id << ": " << finding.message);
        CHECK(finding.severity != einvoice::model::Severity::kFatal);
      }

      const fs::path pdf_path = scratch / (name + ".pdf");
      std::ofstream(pdf_path, std::ios::binary) << result->pdf;
      std::string out;
      CHECK(run("qpdf --check '" + pdf_path.string() + "'", out) == 0);
      CHECK(run("pdfinfo '" + pdf_path.string() + "'", out) == 0);
      // A rewritten PDF says 1.7 in its header; an updated one keeps its
      // header and raises the version in the catalog (/Version).
      if (!use_pdfa)
        CHECK(out.find("PDF version:     1.7") != std::string::npos);
      CHECK(run("pdfdetach -list '" + pdf_path.string() + "'", out) == 0);
      CHECK(out.find("factur-x.xml") != std::string::npos);
      ++built;
    }
  }
  // All EN 16931 examples fit the EN 16931 and EXTENDED profiles.
  CHECK(fitting_en16931 >= 10);
  CHECK(built >= 25);
}

TEST_CASE("facturx build: a UBL invoice is embedded as CII declaring the profile",
          "[facturx][build]") {
  const std::string ubl = slurp(kCorpus / "en16931/ubl/examples/ubl-tc434-example1.xml");
  einvoice::engine::FacturxBuildOptions options;
  options.timestamp = "2026-11-23T10:00:00+00:00";
  auto result =
      einvoice::engine::build_facturx(ubl, "ubl.xml", slurp(kPlainPdf), "visual.pdf", options);
  REQUIRE(result);
  auto extracted = einvoice::engine::extract_facturx(result->pdf, "out.pdf");
  REQUIRE(extracted);
  REQUIRE(extracted->invoice);
  CHECK(extracted->content.guideline_id == std::string("urn:cen.eu:en16931:2017"));
  CHECK(extracted->invoice->number == std::optional<std::string>("12115118"));
}

TEST_CASE("facturx build: bad inputs give clear errors", "[facturx][build]") {
  const std::string xml = slurp(kCorpus / "en16931/cii/examples/CII_business_example_01.xml");
  einvoice::engine::FacturxBuildOptions options;
  options.timestamp = "2026-11-23T10:00:00+00:00";
  auto not_pdf = einvoice::engine::build_facturx(xml, "a.xml", "hello", "visual.pdf", options);
  REQUIRE_FALSE(not_pdf);
  CHECK(not_pdf.error().where.file == "visual.pdf");
  auto truncated = einvoice::engine::build_facturx(xml, "a.xml", slurp(kPlainPdf).substr(0, 500),
                                                   "cut.pdf", options);
  REQUIRE_FALSE(truncated);
  CHECK(truncated.error().where.file == "cut.pdf");
  auto not_invoice =
      einvoice::engine::build_facturx("<a/>", "a.xml", slurp(kPlainPdf), "visual.pdf", options);
  REQUIRE_FALSE(not_invoice);
  options.icc_profile = "/nonexistent/sRGB.icc";
  auto no_icc =
      einvoice::engine::build_facturx(xml, "a.xml", slurp(kPlainPdf), "visual.pdf", options);
  REQUIRE_FALSE(no_icc);
  CHECK(no_icc.error().message.find("ICC") != std::string::npos);
}

// Issue 13: a CII valid against CII D16B but not against the Factur-X profile
// XSD (two ram:Content in one note) was embedded, and the Factur-X's own check
// then rejected it. The build now checks the profile XSD and refuses.
TEST_CASE("facturx build: an XML breaking the profile XSD is refused with the reason",
          "[facturx][build][issue13]") {
  const std::string original = slurp(kCorpus / "facturx/xml/factur-x-en16931.xml");
  const std::string first_content =
      "<ram:Content>FOURNISSEUR F SARL au capital de 50 000 EUR</ram:Content>";
  const auto at = original.find(first_content);
  REQUIRE(at != std::string::npos);
  std::string xml = original;
  xml.insert(at + first_content.size(), "<ram:Content>Second content of one note</ram:Content>");
  const einvoice::xsd::SchemaValidator schemas(EINVOICE_SCHEMA_DIR);
  auto d16b = schemas.validate(xml, SchemaId::kCiiD16B, "two-contents.xml");
  REQUIRE(d16b);
  REQUIRE(d16b->valid);  // the case: the general CII schema accepts it

  einvoice::engine::FacturxBuildOptions options;
  options.timestamp = "2026-11-23T10:00:00+00:00";
  options.schemas = &schemas;
  auto built = einvoice::engine::build_facturx(xml, "two-contents.xml", slurp(kPlainPdf),
                                               "visual.pdf", options);
  REQUIRE_FALSE(built);
  CHECK(built.error().code == einvoice::model::ErrorCode::kInvalid);
  CHECK(built.error().where.file == "two-contents.xml");
  CHECK(built.error().where.line > 0);
  CHECK_THAT(built.error().message, Catch::Contains("EN 16931 profile"));
  CHECK_THAT(built.error().message, Catch::Contains("Content"));

  // The untouched file still builds with the check on.
  auto fine = einvoice::engine::build_facturx(original, "fine.xml", slurp(kPlainPdf), "visual.pdf",
                                              options);
  CHECK(fine);
}
