#include "tests/signing/pades_fixture.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/signing/test_pki.h"

namespace einvoice::signing::testing {

std::string corpus_facturx_pdf(const std::string& name) {
  std::ifstream in(std::filesystem::path(EINVOICE_CORPUS_DIR) / "facturx" / "pdf" / name,
                   std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (text.str().empty())
    FAIL("corpus Factur-X " << name << " is missing or empty");
  return text.str();
}

std::string seal_test_pdf(const std::string& pdf, CadesLevel level, PadesLongTerm long_term,
                          RevocationData revocation) {
  PadesOptions options;
  options.level = level;
  options.long_term = long_term;
  options.revocation = std::move(revocation);
  options.signing_time = now();
  options.timestamp_authority = pki().tsa.get();
  auto sealed = seal_pades(*pki().seal, pdf, options, "invoice.pdf");
  if (!sealed)
    FAIL(sealed.error().describe());
  return std::move(*sealed);
}

std::vector<PadesSignatureReport> verify_test_pdf(const std::string& pdf) {
  VerificationOptions options;
  options.validation_time = now();
  auto reports = verify_pades(pdf, pki().anchors, options, "sealed.pdf");
  if (!reports)
    FAIL(reports.error().describe());
  for (const auto& r : *reports)
    UNSCOPED_INFO(r.level() << "\n" << describe(r.cades));
  return std::move(*reports);
}

}  // namespace einvoice::signing::testing
