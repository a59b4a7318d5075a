// PAdES B-LT (DSS with the chain, CRLs and OCSP responses) and B-LTA
// (document timestamp over the DSS) on a corpus Factur-X: levels reported,
// revocation judged at the signature's time, tampered DSS and document
// timestamps, and the baseline CMS without signing-time.
#include <openssl/cms.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "signing/pades.h"
#include "signing/revocation_issuer.h"
#include "tests/signing/pades_fixture.h"
#include "tests/signing/test_pki.h"

using namespace einvoice;
using namespace einvoice::signing;
using namespace einvoice::signing::testing;
using std::chrono::days;
using std::chrono::hours;

namespace {

std::string original_pdf() {
  return corpus_facturx_pdf("library__EN16931_Einfach.pdf");
}

// A CRL of the test root listing `revoked` (certificate, date).
Bytes root_crl(const std::vector<std::pair<Certificate, std::chrono::sys_seconds>>& revoked = {}) {
  auto crl = issue_crl(*pki().root, revoked, now() - hours(1), now() + days(7));
  if (!crl)
    FAIL(crl.error().describe());
  return std::move(*crl);
}

RevocationData crls(Bytes crl) {
  RevocationData data;
  data.crls.push_back(std::move(crl));
  return data;
}

// The bytes of the first signature's /Contents hex string (the CMS and its
// zero padding).
Bytes first_contents(const std::string& pdf) {
  const std::size_t start = pdf.find("/Contents<");
  REQUIRE(start != std::string::npos);
  const std::size_t end = pdf.find('>', start);
  REQUIRE(end != std::string::npos);
  Bytes der;
  for (std::size_t i = start + 10; i + 1 < end; i += 2)
    der.push_back(static_cast<std::uint8_t>(std::stoi(pdf.substr(i, 2), nullptr, 16)));
  return der;
}

}  // namespace

TEST_CASE("pades: B-LT adds a DSS with the chain and the CRL", "[signing][pades][lt]") {
  const std::string pdf = original_pdf();
  const Bytes crl = root_crl();
  const std::string lt = seal_test_pdf(pdf, CadesLevel::kBaselineT, PadesLongTerm::kLT, crls(crl));
  CHECK(lt.compare(0, pdf.size(), pdf) == 0);
  CHECK(lt.find("/DSS ") != std::string::npos);

  auto dss = read_dss(lt, "lt.pdf");
  REQUIRE(dss);
  REQUIRE(dss->has_value());
  const DocumentSecurityStore& store = **dss;
  CHECK(store.problems.empty());
  REQUIRE(store.material.revocation.crls.size() == 1);
  CHECK(store.material.revocation.crls[0] == crl);
  const auto& certs = store.material.certificates;
  CHECK(std::find(certs.begin(), certs.end(), pki().seal->certificate()) != certs.end());
  CHECK(std::find(certs.begin(), certs.end(), pki().root->certificate()) != certs.end());

  const auto reports = verify_test_pdf(lt);
  REQUIRE(reports.size() == 1);
  CHECK(reports[0].cades.indication == Indication::kTotalPassed);
  CHECK(reports[0].cades.revocation == RevocationStatus::kGood);
  CHECK(reports[0].level() == "PAdES-BASELINE-LT");

  const TempDir dir;
  const auto file = dir.write("lt.pdf", lt);
  const auto log = dir.path() / "qpdf.log";
  const bool qpdf_ok = run("qpdf --check " + quote(file), log);
  INFO(read_text(log));
  CHECK(qpdf_ok);
}

TEST_CASE("pades: B-LTA adds a document timestamp over the DSS", "[signing][pades][lt]") {
  const std::string lta =
      seal_test_pdf(original_pdf(), CadesLevel::kBaselineT, PadesLongTerm::kLTA, crls(root_crl()));
  const auto reports = verify_test_pdf(lta);
  REQUIRE(reports.size() == 2);
  CHECK(reports[0].cades.indication == Indication::kTotalPassed);
  CHECK(reports[0].level() == "PAdES-BASELINE-LTA");
  CHECK(reports[1].document_timestamp);
  CHECK(reports[1].covers_dss);
  CHECK(reports[1].cades.indication == Indication::kTotalPassed);
  CHECK(reports[1].level() == "PAdES-DOCUMENT-TIMESTAMP");
  CHECK_FALSE(reports[1].modified_after_signing);
}

TEST_CASE("pades: a document timestamp before the DSS does not make LTA", "[signing][pades][lt]") {
  const std::string bt =
      seal_test_pdf(original_pdf(), CadesLevel::kBaselineT, PadesLongTerm::kNone, {});
  auto timestamped = add_document_timestamp(bt, *pki().tsa, "bt.pdf");
  REQUIRE(timestamped);
  std::vector<Certificate> chain{pki().seal->certificate(), pki().root->certificate()};
  auto with_dss = add_dss(*timestamped, chain, crls(root_crl()), "bt.pdf");
  REQUIRE(with_dss);
  const auto reports = verify_test_pdf(*with_dss);
  REQUIRE(reports.size() == 2);
  CHECK(reports[1].cades.indication == Indication::kTotalPassed);
  CHECK_FALSE(reports[1].covers_dss);
  CHECK(reports[0].level() == "PAdES-BASELINE-LT");
}

TEST_CASE("pades: a flipped byte in the DSS revision", "[signing][pades][lt]") {
  const Bytes crl = root_crl();
  const std::string lta =
      seal_test_pdf(original_pdf(), CadesLevel::kBaselineT, PadesLongTerm::kLTA, crls(crl));
  const std::size_t crl_at = lta.find(std::string(crl.begin(), crl.end()));
  REQUIRE(crl_at != std::string::npos);
  std::string tampered = lta;
  const std::size_t flip = crl_at + crl.size() - 8;  // inside the CRL's signature
  tampered[flip] = static_cast<char>(tampered[flip] ^ 0x01);

  const auto reports = verify_test_pdf(tampered);
  REQUIRE(reports.size() == 2);
  // The document timestamp no longer matches the bytes it covers.
  CHECK(reports[1].cades.indication == Indication::kTotalFailed);
  CHECK(reports[1].cades.sub_indication == SubIndication::kHashFailure);
  CHECK_FALSE(reports[1].covers_dss);
  // The CRL's signature fails: it is skipped, the signer's status is unknown.
  CHECK(reports[0].cades.revocation == RevocationStatus::kUnknown);
  CHECK(reports[0].level() == "PAdES-BASELINE-T");
  const auto& warnings = reports[0].cades.warnings;
  CHECK(std::any_of(warnings.begin(), warnings.end(), [](const std::string& w) {
    return w.find("revocation data skipped: CRL #1") != std::string::npos;
  }));
}

TEST_CASE("pades: a document timestamp over other data", "[signing][pades][lt]") {
  const std::string lta =
      seal_test_pdf(original_pdf(), CadesLevel::kBaselineT, PadesLongTerm::kLTA, crls(root_crl()));
  // A token over another file, spliced in place of the real one (same size).
  auto other = add_document_timestamp(original_pdf(), *pki().tsa, "other.pdf");
  REQUIRE(other);
  const std::size_t ours = lta.rfind("/Contents<") + 10;
  const std::size_t theirs = other->rfind("/Contents<") + 10;
  const std::size_t length = lta.find('>', ours) - ours;
  REQUIRE(other->find('>', theirs) - theirs == length);
  std::string spliced = lta;
  spliced.replace(ours, length, other->substr(theirs, length));

  const auto reports = verify_test_pdf(spliced);
  REQUIRE(reports.size() == 2);
  CHECK(reports[1].document_timestamp);
  CHECK(reports[1].cades.indication == Indication::kTotalFailed);
  CHECK(reports[1].cades.sub_indication == SubIndication::kHashFailure);
  CHECK(reports[0].cades.indication == Indication::kTotalPassed);
  CHECK(reports[0].level() == "PAdES-BASELINE-LT");
}

TEST_CASE("pades: a revoked signer certificate in the DSS CRL", "[signing][pades][lt]") {
  const Certificate& signer = pki().seal->certificate();
  SECTION("revoked before the signature-time-stamp: TOTAL_FAILED / REVOKED") {
    const std::string lt = seal_test_pdf(original_pdf(), CadesLevel::kBaselineT, PadesLongTerm::kLT,
                                         crls(root_crl({{signer, now() - hours(1)}})));
    const auto reports = verify_test_pdf(lt);
    REQUIRE(reports.size() == 1);
    CHECK(reports[0].cades.revocation == RevocationStatus::kRevoked);
    CHECK(reports[0].cades.indication == Indication::kTotalFailed);
    CHECK(reports[0].cades.sub_indication == SubIndication::kRevoked);
  }
  SECTION("revoked after the signature-time-stamp: the seal existed before") {
    const std::string lt = seal_test_pdf(original_pdf(), CadesLevel::kBaselineT, PadesLongTerm::kLT,
                                         crls(root_crl({{signer, now() + hours(1)}})));
    const auto reports = verify_test_pdf(lt);
    REQUIRE(reports.size() == 1);
    CHECK(reports[0].cades.revocation == RevocationStatus::kRevoked);
    CHECK(reports[0].cades.indication == Indication::kTotalPassed);
    CHECK(reports[0].level() == "PAdES-BASELINE-LT");
    const auto& warnings = reports[0].cades.warnings;
    CHECK(std::any_of(warnings.begin(), warnings.end(), [](const std::string& w) {
      return w.find("after the signature-time-stamp") != std::string::npos;
    }));
  }
  SECTION("revoked and no timestamp (B-B with a DSS): INDETERMINATE / REVOKED_NO_POE") {
    const std::string bb =
        seal_test_pdf(original_pdf(), CadesLevel::kBaselineB, PadesLongTerm::kNone, {});
    auto with_dss = add_dss(bb, {signer, pki().root->certificate()},
                            crls(root_crl({{signer, now() - hours(1)}})), "bb.pdf");
    REQUIRE(with_dss);
    const auto reports = verify_test_pdf(*with_dss);
    REQUIRE(reports.size() == 1);
    CHECK(reports[0].cades.indication == Indication::kIndeterminate);
    CHECK(reports[0].cades.sub_indication == SubIndication::kRevokedNoPoe);
    CHECK(reports[0].level() == "PAdES-BASELINE-B");
  }
}

// The report of a B-LT seal whose DSS holds one OCSP response for the seal
// certificate, signed by `responder`, revoked at `revoked_at` (none: good).
PadesSignatureReport seal_with_ocsp(const SoftwareSigner& responder,
                                    std::optional<std::chrono::sys_seconds> revoked_at) {
  auto ocsp = issue_ocsp_response(responder, pki().seal->certificate(), revoked_at, now());
  if (!ocsp)
    FAIL(ocsp.error().describe());
  if (!read_ocsp_response(*ocsp, "issued.ocsp"))
    FAIL("the issued OCSP response does not read back");
  RevocationData data;
  data.ocsp_responses.push_back(*ocsp);
  auto reports = verify_test_pdf(
      seal_test_pdf(original_pdf(), CadesLevel::kBaselineT, PadesLongTerm::kLT, data));
  REQUIRE(reports.size() == 1);
  return std::move(reports[0]);
}

TEST_CASE("pades: OCSP responses in the DSS", "[signing][pades][lt]") {
  SECTION("good") {
    const auto report = seal_with_ocsp(*pki().root, std::nullopt);
    CHECK(report.cades.revocation == RevocationStatus::kGood);
    CHECK(report.cades.indication == Indication::kTotalPassed);
    CHECK(report.level() == "PAdES-BASELINE-LT");
  }
  SECTION("revoked before the timestamp") {
    const auto report = seal_with_ocsp(*pki().root, now() - hours(2));
    CHECK(report.cades.indication == Indication::kTotalFailed);
    CHECK(report.cades.sub_indication == SubIndication::kRevoked);
  }
  SECTION("signed by another CA: not trusted, status unknown") {
    const auto report = seal_with_ocsp(*pki().other_root, now() - hours(2));
    CHECK(report.cades.revocation == RevocationStatus::kUnknown);
    CHECK(report.cades.indication == Indication::kTotalPassed);
    CHECK(report.level() == "PAdES-BASELINE-T");
  }
}

TEST_CASE("pades: B-LT needs revocation data and B-T", "[signing][pades][lt]") {
  PadesOptions options;
  options.level = CadesLevel::kBaselineT;
  options.long_term = PadesLongTerm::kLT;
  options.signing_time = now();
  options.timestamp_authority = pki().tsa.get();
  const auto none = seal_pades(*pki().seal, original_pdf(), options, "invoice.pdf");
  REQUIRE_FALSE(none);
  CHECK(none.error().message.find("revocation data") != std::string::npos);
  options.level = CadesLevel::kBaselineB;
  options.revocation = crls(root_crl());
  CHECK_FALSE(seal_pades(*pki().seal, original_pdf(), options, "invoice.pdf"));
}

TEST_CASE("pades: CRL files in DER and PEM", "[signing][pades][lt]") {
  const Bytes der = root_crl();
  auto from_der = read_crl(der, "root.crl");
  REQUIRE(from_der);
  CHECK(*from_der == der);
  const TempDir dir;
  const auto der_file = dir.write("root.crl", der);
  const auto pem_file = dir.path() / "root.pem.crl";
  REQUIRE(run("openssl crl -inform DER -in " + quote(der_file) + " -out " + quote(pem_file),
              dir.path() / "openssl.log"));
  const std::string pem = read_text(pem_file);
  auto from_pem = read_crl(as_bytes(pem), "root.pem.crl");
  REQUIRE(from_pem);
  CHECK(*from_pem == der);
  const auto junk = read_crl(as_bytes(std::string("not a CRL")), "junk.crl");
  REQUIRE_FALSE(junk);
  CHECK(junk.error().message.find("junk.crl") != std::string::npos);
}

TEST_CASE("pades: the CMS has no signing-time attribute, /M gives the time", "[signing][pades]") {
  const std::string sealed =
      seal_test_pdf(original_pdf(), CadesLevel::kBaselineB, PadesLongTerm::kNone, {});
  const Bytes der = first_contents(sealed);
  const unsigned char* p = der.data();
  CMS_ContentInfo* cms = d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size()));
  REQUIRE(cms != nullptr);
  CMS_SignerInfo* si = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms), 0);
  CHECK(CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1) < 0);
  CHECK(CMS_signed_get_attr_by_NID(si, NID_pkcs9_messageDigest, -1) >= 0);
  CHECK(CMS_signed_get_attr_by_NID(si, NID_id_smime_aa_signingCertificateV2, -1) >= 0);
  CMS_ContentInfo_free(cms);

  const auto reports = verify_test_pdf(sealed);
  REQUIRE(reports.size() == 1);
  REQUIRE(reports[0].cades.claimed_signing_time.has_value());
  CHECK(std::chrono::abs(*reports[0].cades.claimed_signing_time - now()) < std::chrono::minutes(5));
  CHECK(reports[0].level() == "PAdES-BASELINE-B");
  CHECK(reports[0].cades.warnings.empty());
}
