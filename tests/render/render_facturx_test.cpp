// A rendered invoice is a good visual part for Factur-X: the container
// builder has nothing left that keeps it from PDF/A-3 (fonts embedded).
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "formats/facturx/facturx_embedder.h"
#include "render/invoice_renderer.h"
#include "tests/render/render_test_support.h"

namespace {

namespace fs = std::filesystem;
using namespace einvoice;
using namespace einvoice::render::test;

std::vector<fs::path> cii_examples() {
  std::vector<fs::path> out;
  const fs::path folder = fs::path(EINVOICE_CORPUS_DIR) / "en16931" / "cii" / "examples";
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() == ".xml")
      out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

facturx::EmbedOptions embed_options() {
  facturx::EmbedOptions options;
  options.timestamp = "2024-03-01T12:00:00+00:00";
  options.icc_profile = read_file(EINVOICE_SRGB_PROFILE);
  options.title = "Facture";
  return options;
}

}  // namespace

TEST_CASE("a rendered invoice becomes a Factur-X with no PDF/A problem left", "[render][facturx]") {
  const facturx::EmbedOptions options = embed_options();
  REQUIRE(!options.icc_profile.empty());
  for (const fs::path& path : cii_examples()) {
    DYNAMIC_SECTION(path.filename().string()) {
      const std::string xml = read_file(path.string());
      auto pdf =
          render::render_invoice_pdf(read_invoice_file(path.string()), render::test::options());
      REQUIRE(pdf.ok());
      auto built = facturx::embed_invoice(pdf.value(), "rendered.pdf", xml, options);
      INFO((built.ok() ? std::string() : built.error().describe()));
      REQUIRE(built.ok());
      for (const std::string& problem : built->remaining_problems)
        FAIL_CHECK(problem);
      const TempPdf file(built->pdf);
      CHECK(run("qpdf --check '" + file.path() + "'").status == 0);
      CHECK(fonts_problems(file.path()).empty());
    }
  }
}

