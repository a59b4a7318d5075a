// PAdES seals of a Factur-X from the shared corpus: accepted by poppler's
// pdfsig and by qpdf --check, the Factur-X still read and checked by
// einvoice with its XML byte-identical, the original bytes kept as a prefix,
// and einvoice's own verification of intact, tampered and extended files.
#include "signing/pades.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "engine/facturx_jobs.h"
#include "signing/revocation_issuer.h"
#include "tests/signing/pades_fixture.h"
#include "tests/signing/test_pki.h"

using namespace einvoice;
using namespace einvoice::signing;
using namespace einvoice::signing::testing;

namespace {

const char* kSample = "library__MustangGnuaccountingBeispielRE-20170509_505.pdf";

std::string original_pdf() {
  return corpus_facturx_pdf(kSample);
}

}  // namespace

TEST_CASE("pades: a sealed Factur-X keeps its bytes, its XML and its checks", "[signing][pades]") {
  const std::string pdf = original_pdf();
  const auto level = GENERATE(CadesLevel::kBaselineB, CadesLevel::kBaselineT);
  const std::string sealed = seal_test_pdf(pdf, level);
  REQUIRE(sealed.size() > pdf.size());
  CHECK(sealed.compare(0, pdf.size(), pdf) == 0);

  const auto original_check = engine::check_facturx(pdf, kSample, nullptr);
  const auto sealed_check = engine::check_facturx(sealed, "sealed.pdf", nullptr);
  REQUIRE(original_check);
  REQUIRE(sealed_check);
  CHECK(original_check->accepted());
  CHECK(sealed_check->accepted());
  CHECK(sealed_check->findings.size() == original_check->findings.size());

  const auto original_xml = engine::extract_facturx(pdf, kSample);
  const auto sealed_xml = engine::extract_facturx(sealed, "sealed.pdf");
  REQUIRE(original_xml);
  REQUIRE(sealed_xml);
  REQUIRE(original_xml->content.invoice_attachment() != nullptr);
  REQUIRE(sealed_xml->content.invoice_attachment() != nullptr);
  CHECK(sealed_xml->content.invoice_attachment()->data ==
        original_xml->content.invoice_attachment()->data);

  const auto reports = verify_test_pdf(sealed);
  REQUIRE(reports.size() == 1);
  INFO(describe(reports[0].cades));
  CHECK(reports[0].cades.indication == Indication::kTotalPassed);
  CHECK(reports[0].sub_filter == "ETSI.CAdES.detached");
  CHECK(reports[0].covers_revision);
  CHECK_FALSE(reports[0].modified_after_signing);
  CHECK(reports[0].level() ==
        (level == CadesLevel::kBaselineT ? "PAdES-BASELINE-T" : "PAdES-BASELINE-B"));
  CHECK(reports[0].cades.siren == std::string(kSiren));
}

TEST_CASE("pades: pdfsig trusts B-B, B-T, B-LT and B-LTA seals; qpdf accepts them",
          "[signing][pades][tools]") {
  // Catch2 2 has no SKIP: a missing tool is a warning and the test returns.
  const TempDir dir;
  if (!run("(command -v pdfsig && command -v certutil && command -v qpdf)",
           dir.path() / "which.log")) {
    WARN("skipped: pdfsig (poppler-utils), certutil (libnss3-tools) or qpdf is not installed");
    return;
  }
  const auto level = GENERATE(as<std::string>{}, "B-B", "B-T", "B-LT", "B-LTA");
  PadesOptions options;
  options.level = level == "B-B" ? CadesLevel::kBaselineB : CadesLevel::kBaselineT;
  options.long_term = level == "B-LT"    ? PadesLongTerm::kLT
                      : level == "B-LTA" ? PadesLongTerm::kLTA
                                         : PadesLongTerm::kNone;
  options.signing_time = now();
  options.timestamp_authority = pki().tsa.get();
  if (options.long_term != PadesLongTerm::kNone) {
    auto crl =
        issue_crl(*pki().root, {}, now() - std::chrono::hours(1), now() + std::chrono::days(7));
    REQUIRE(crl);
    options.revocation.crls.push_back(*crl);
  }
  auto sealed = seal_pades(*pki().seal, original_pdf(), options, kSample);
  REQUIRE(sealed);
  const auto file = dir.write("sealed.pdf", *sealed);
  const auto root = dir.write("root.pem", pki().root->certificate().pem());

  // pdfsig checks certificates against an NSS database: a fresh one trusting
  // the throw-away root as a CA.
  const auto nss = dir.path() / "nss";
  std::filesystem::create_directories(nss);
  const auto certutil_log = dir.path() / "certutil.log";
  REQUIRE(run("certutil -N --empty-password -d sql:" + quote(nss), certutil_log));
  REQUIRE(
      run("certutil -A -n einvoice-test-root -t CT,C,C -i " + quote(root) + " -d sql:" + quote(nss),
          certutil_log));
  const auto log = dir.path() / "pdfsig.log";
  run("pdfsig -nssdir sql:" + quote(nss) + " " + quote(file), log);
  const std::string output = read_text(log);
  INFO(level << "\n" << output);
  const std::size_t first = output.find("Signature #1");
  const std::size_t second = output.find("Signature #2");
  REQUIRE(first != std::string::npos);
  const std::string seal_part =
      output.substr(first, second == std::string::npos ? std::string::npos : second - first);
  CHECK(seal_part.find("Signature Validation: Signature is Valid.") != std::string::npos);
  CHECK(seal_part.find("Certificate Validation: Certificate is Trusted.") != std::string::npos);
  CHECK(seal_part.find("ETSI.CAdES.detached") != std::string::npos);
  if (level == "B-LTA") {
    // The document timestamp is the last revision and covers the whole file.
    // pdfsig 22.12 cannot validate /SubFilter /ETSI.RFC3161 ("Unable to
    // validate this type of signature"): its token is checked with openssl ts.
    REQUIRE(second != std::string::npos);
    CHECK(output.substr(second).find("Total document signed") != std::string::npos);
    const std::size_t at = sealed->rfind("/ByteRange [");
    unsigned long long a = 0, b = 0, c = 0, d = 0;
    REQUIRE(std::sscanf(sealed->c_str() + at, "/ByteRange [%llu %llu %llu %llu]", &a, &b, &c, &d) ==
            4);
    Bytes token;
    for (std::size_t k = b + 1; k + 1 < c - 1; k += 2)
      token.push_back(static_cast<std::uint8_t>(std::stoi(sealed->substr(k, 2), nullptr, 16)));
    const auto token_file = dir.write("token.der", token);
    const auto data_file = dir.write("covered.bin", sealed->substr(0, b) + sealed->substr(c, d));
    const auto ts_log = dir.path() / "ts.log";
    const bool ts_ok = run("openssl ts -verify -data " + quote(data_file) + " -in " +
                               quote(token_file) + " -token_in -CAfile " + quote(root),
                           ts_log);
    INFO(read_text(ts_log));
    CHECK(ts_ok);
  } else if (level == "B-LT") {
    // The DSS update follows the signed revision.
    CHECK(seal_part.find("Total document signed") == std::string::npos);
  } else {
    CHECK(seal_part.find("Total document signed") != std::string::npos);
  }

  const auto qpdf_log = dir.path() / "qpdf.log";
  const bool qpdf_ok = run("qpdf --check " + quote(file), qpdf_log);
  INFO(read_text(qpdf_log));
  CHECK(qpdf_ok);
}

TEST_CASE("pades: a flipped byte inside the signed range fails the hash", "[signing][pades]") {
  const std::string pdf = original_pdf();
  std::string sealed = seal_test_pdf(pdf, CadesLevel::kBaselineB);
  sealed[pdf.size() / 2] = static_cast<char>(sealed[pdf.size() / 2] ^ 0x01);
  const auto reports = verify_test_pdf(sealed);
  REQUIRE(reports.size() == 1);
  CHECK(reports[0].cades.indication == Indication::kTotalFailed);
  CHECK(reports[0].cades.sub_indication == SubIndication::kHashFailure);
}

TEST_CASE("pades: an object appended after signing fails the seal", "[signing][pades]") {
  std::string sealed = seal_test_pdf(original_pdf(), CadesLevel::kBaselineB);
  sealed += "1 0 obj\n<</Injected true>>\nendobj\n%%EOF\n";
  const auto reports = verify_test_pdf(sealed);
  REQUIRE(reports.size() == 1);
  CHECK(reports[0].modified_after_signing);
  CHECK(reports[0].cades.indication == Indication::kTotalFailed);
  CHECK(reports[0].cades.sub_indication == SubIndication::kForbiddenModificationAfterSigning);
}

TEST_CASE("pades: a PDF without signature and a non-PDF", "[signing][pades]") {
  VerificationOptions options;
  options.validation_time = now();
  CHECK_FALSE(verify_pades(original_pdf(), pki().anchors, options, "plain.pdf"));
  PadesOptions seal_options;
  seal_options.signing_time = now();
  CHECK_FALSE(seal_pades(*pki().seal, "not a pdf", seal_options, "junk"));
}

TEST_CASE("pades: a document timestamp over a B-T seal", "[signing][pades]") {
  const std::string bt = seal_test_pdf(original_pdf(), CadesLevel::kBaselineT);
  auto lta = add_document_timestamp(bt, *pki().tsa, "sealed.pdf");
  REQUIRE(lta);
  CHECK(lta->compare(0, bt.size(), bt) == 0);
  const auto reports = verify_test_pdf(*lta);
  REQUIRE(reports.size() == 2);
  CHECK(reports[0].cades.indication == Indication::kTotalPassed);
  CHECK(reports[0].modified_after_signing);
  CHECK(reports[1].document_timestamp);
  CHECK(reports[1].sub_filter == "ETSI.RFC3161");
  CHECK(reports[1].cades.indication == Indication::kTotalPassed);
  CHECK_FALSE(reports[1].modified_after_signing);

  const TempDir dir;
  const auto file = dir.write("lta.pdf", *lta);
  const auto qpdf_log = dir.path() / "qpdf.log";
  const bool qpdf_ok = run("qpdf --check " + quote(file), qpdf_log);
  INFO(read_text(qpdf_log));
  CHECK(qpdf_ok);
  const auto log = dir.path() / "pdfsig.log";
  run("pdfsig " + quote(file), log);
  const std::string output = read_text(log);
  INFO(output);
  CHECK(output.find("Signature #2") != std::string::npos);
  CHECK(output.find("Signature Validation: Signature is Valid.") != std::string::npos);

  // The timestamped bytes changed: the token's imprint no longer matches.
  std::string tampered = *lta;
  tampered[bt.size() / 3] = static_cast<char>(tampered[bt.size() / 3] ^ 0x01);
  const auto bad = verify_test_pdf(tampered);
  REQUIRE(bad.size() == 2);
  CHECK(bad[1].cades.indication == Indication::kTotalFailed);
}
