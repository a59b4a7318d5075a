// The platform seal on what the archive issues: deposit receipts kept and
// sealed, securing records sealed, export manifests sealed. A sealed export
// is proven whole: a document removed with all its files and the manifests
// rewritten fails verification, where an unsealed export cannot tell. And
// the TSA's revocation data kept with a securing run, exported and checked.
#include <catch2/catch.hpp>

#include "archive/archive.h"
#include "archive/export_layout.h"
#include "archive/export_verifier.h"
#include "archive/sha256.h"
#include "signing/cades.h"
#include "signing/digest.h"
#include "signing/revocation_issuer.h"
#include "signing/timestamp_token.h"
#include "signing/verification.h"
#include "tests/archive/archive_test_support.h"
#include "tests/scratch_folder.h"
#include "tests/signing/test_pki.h"

namespace einvoice::archive {
namespace {

namespace fs = std::filesystem;
using signing::testing::pki;
using testing::TestEnv;

// Seals with a test PKI's signer, counting its seals.
class TestSealer final : public Sealer {
 public:
  explicit TestSealer(const signing::SoftwareSigner& signer) : signer_(signer) {}
  model::Result<std::string> seal(std::string_view bytes, std::string_view) const override {
    ++seals;
    signing::CadesOptions options;
    options.signing_time = signing::testing::now();
    auto p7s = signing::seal_detached_cades(signer_, signing::as_bytes(bytes), options);
    if (!p7s)
      return p7s.error();
    return std::string(p7s->begin(), p7s->end());
  }
  std::string certificates_pem() const override {
    std::string pem = signer_.certificate().pem();
    for (const auto& c : signer_.chain())
      pem += c.pem();
    return pem;
  }
  mutable std::atomic<int> seals{0};

 private:
  const signing::SoftwareSigner& signer_;
};

// The errors of verifying `seal` over `data` against the test PKI's root;
// empty when it verifies.
std::string seal_problems(const std::string& seal, const std::string& data) {
  signing::VerificationOptions options;
  options.validation_time = signing::testing::now();
  auto reports = signing::verify_detached_cades(signing::as_bytes(seal), signing::as_bytes(data),
                                                pki().anchors, options, "seal");
  if (!reports)
    return reports.error().message;
  std::string problems;
  for (const auto& report : *reports) {
    for (const auto& error : report.errors)
      problems += error + "\n";
  }
  return reports->empty() ? "no signature" : problems;
}

DepositItem item(std::string bytes, std::string name) {
  return testing::invoice_item(std::move(bytes), std::move(name));
}

std::chrono::sys_days today() {
  return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
}

// An archive with three documents deposited and secured, sealed or not.
struct SealedArchive {
  explicit SealedArchive(bool sealed, const std::vector<std::string>& tsa_crls = {})
      : scratch("archive-seal-"), t(today()), sealer(*pki().seal) {
    REQUIRE(Archive::init(dir(), RetentionPolicy{}, nullptr, t.env));
    archive = Archive::open(dir(), nullptr, t.env).value();
    if (sealed)
      archive->use_sealer(&sealer);
    auto deposited = archive->deposit(
        {item("<Invoice>one</Invoice>", "one.xml"), item("<Invoice>two</Invoice>", "two.xml"),
         item("<Invoice>three</Invoice>", "three.xml")},
        "tester");
    REQUIRE(deposited);
    for (const auto& d : *deposited)
      ids.push_back(d.id);
    TsaRevocation revocation;
    if (!tsa_crls.empty())
      revocation = [&](const signing::TimestampToken& token) {
        CHECK(token.tsa_certificate.has_value());
        return model::Result<std::vector<std::string>>(tsa_crls);
      };
    secured = archive->secure(*pki().tsa, "tester", revocation).value().value();
    // Timestamps and seals both chain to the test PKI's root.
    trust = signing::TrustStore::from_certificates({pki().root->certificate()}).value();
  }
  fs::path dir() const { return scratch.dir() / "archive"; }
  fs::path out() const { return scratch.dir() / "export"; }
  ExportVerification verify(bool require_seal = false) const {
    return verify_export(out(), t.files, trust, signing::testing::now(), require_seal);
  }
  // Removes every file of document `id` from the export and rewrites both
  // manifests as the writer would for what is left: the forgery a sealed
  // manifest must catch.
  void remove_document(const std::string& id) {
    for (const auto& folder : {"documents", "metadata", "receipts", "evidence"}) {
      for (const auto& entry : fs::directory_iterator(out() / folder)) {
        if (entry.path().filename().string().rfind(id, 0) == 0)
          fs::remove_all(entry.path());
      }
    }
    std::vector<ExportedDocument> documents;
    for (const auto& other : ids) {
      if (other != id)
        documents.push_back({archive->find(other).value(), 1});
    }
    std::map<std::string, ExportedFile> files;
    for (const auto& entry : fs::recursive_directory_iterator(out())) {
      const auto path = entry.path().lexically_relative(out()).generic_string();
      if (!entry.is_regular_file() || path == ExportLayout::kManifest ||
          path == ExportLayout::kManifestSha256 || path == ExportLayout::kManifestSeal)
        continue;
      const std::string bytes = testing::slurp(entry.path());
      files[path] = {Sha256::hex(bytes), bytes.size()};
    }
    const std::string manifest = ExportLayout::manifest(documents, files);
    testing::spit(out() / ExportLayout::kManifest, manifest);
    files[ExportLayout::kManifest] = {Sha256::hex(manifest), manifest.size()};
    if (fs::exists(out() / ExportLayout::kManifestSeal)) {
      const std::string seal = testing::slurp(out() / ExportLayout::kManifestSeal);
      files[ExportLayout::kManifestSeal] = {Sha256::hex(seal), seal.size()};
    }
    testing::spit(out() / ExportLayout::kManifestSha256, ExportLayout::manifest_sha256(files));
  }

  einvoice::testing::ScratchFolder scratch;
  TestEnv t;
  TestSealer sealer;
  std::unique_ptr<Archive> archive;
  std::vector<std::string> ids;
  StoredSecuring secured;
  std::optional<signing::TrustStore> trust;
};

std::string failures(const ExportVerification& verification) {
  std::string text;
  for (const auto& c : verification.checks) {
    if (!c.passed)
      text += c.subject + ": " + c.check + " -- " + c.detail + "\n";
  }
  return text;
}

TEST_CASE("Deposit receipts are kept, sealed when a sealer is set", "[archive][seal]") {
  SealedArchive a(/*sealed=*/true);
  for (const auto& id : a.ids) {
    INFO(id);
    const auto receipt = a.archive->receipt(a.archive->find(id).value()).value();
    CHECK(receipt.receipt.find("\"id\": \"" + id + "\"") != std::string::npos);
    REQUIRE_FALSE(receipt.seal.empty());
    CHECK(seal_problems(receipt.seal, receipt.receipt).empty());
    CHECK_FALSE(seal_problems(receipt.seal, receipt.receipt + " ").empty());
  }
  // Three receipts, one securing record.
  CHECK(a.sealer.seals == 4);
  REQUIRE_FALSE(a.secured.seal.empty());
  CHECK(seal_problems(a.secured.seal, a.secured.record_json).empty());
  // Read back from the archive, the run keeps its seal.
  const auto runs = a.archive->securings().value();
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].seal == a.secured.seal);
}

TEST_CASE("A renewal record is sealed too, and its seal exported and checked",
          "[archive][seal][renewal]") {
  SealedArchive a(/*sealed=*/true);
  auto renewed = a.archive->renew(*pki().tsa, "tester");
  REQUIRE(renewed);
  REQUIRE(*renewed);
  REQUIRE_FALSE((*renewed)->seal.empty());
  CHECK(seal_problems((*renewed)->seal, (*renewed)->record_json).empty());
  CHECK(a.archive->renewals().value().at(0).seal == (*renewed)->seal);
  REQUIRE(a.archive->export_package(a.ids, a.out(), "tester"));
  const auto path = ExportLayout::seal_path(ExportLayout::renewal_record_path(1));
  REQUIRE(fs::exists(a.out() / path));
  CHECK(failures(a.verify(/*require_seal=*/true)).empty());
  testing::spit(a.out() / path, a.secured.seal);  // the securing record's seal instead
  CHECK(failures(a.verify()).find(path + ": platform seal (CAdES) over securing/renewal-1.json") !=
        std::string::npos);
}

TEST_CASE("Without a sealer, receipts are kept unsealed", "[archive][seal]") {
  SealedArchive a(/*sealed=*/false);
  const auto receipt = a.archive->receipt(a.archive->find(a.ids[0]).value()).value();
  CHECK(receipt.seal.empty());
  CHECK(receipt.receipt.find("\"journal_sequence\"") != std::string::npos);
  CHECK(a.secured.seal.empty());
}

TEST_CASE("A receipt a crash kept from being issued is issued by the same deposit again",
          "[archive][seal]") {
  SealedArchive a(/*sealed=*/true);
  REQUIRE(testing::tamper_sql(a.dir(), "DELETE FROM receipts WHERE id = '" + a.ids[1] + "'"));
  const auto lost = a.archive->receipt(a.archive->find(a.ids[1]).value()).value();
  CHECK(lost.seal.empty());  // regenerated as it would be, unsealed
  auto again = a.archive->deposit({item("<Invoice>two</Invoice>", "two.xml")}, "tester");
  REQUIRE(again);
  CHECK((*again)[0].existing);
  CHECK((*again)[0].id == a.ids[1]);
  const auto issued = a.archive->receipt(a.archive->find(a.ids[1]).value()).value();
  CHECK(issued.receipt == lost.receipt);
  CHECK(seal_problems(issued.seal, issued.receipt).empty());
}

TEST_CASE("Audit finds an edited receipt", "[archive][seal][audit]") {
  SealedArchive a(/*sealed=*/true);
  REQUIRE(a.archive->audit("tester", 1).value().ok());
  REQUIRE(testing::tamper_sql(
      a.dir(),
      "UPDATE receipts SET receipt = replace(receipt, '\"size\": 22', '\"size\": 23') "
      "WHERE id = '" +
          a.ids[0] + "'"));
  const auto report = a.archive->audit("tester", 1).value();
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].archive_id == a.ids[0]);
  CHECK(report.problems[0].what.find("receipt differs") != std::string::npos);
}

TEST_CASE("A sealed export verifies, and proves itself whole", "[archive][seal][export]") {
  SealedArchive a(/*sealed=*/true);
  REQUIRE(a.archive->export_package(a.ids, a.out(), "tester"));
  for (const auto& path :
       {std::string(ExportLayout::kManifestSeal), std::string(ExportLayout::kSealCertificates),
        ExportLayout::seal_path(ExportLayout::record_path(1)),
        ExportLayout::seal_path(ExportLayout::receipt_path(a.ids[0]))})
    CHECK(fs::exists(a.out() / path));
  const auto fresh = a.verify(/*require_seal=*/true);
  CHECK(failures(fresh).empty());
  CHECK(fresh.passed());
  CHECK(fresh.manifest_sealed);
  // Without --trust, the export's own certificates (seal.pem carries the
  // chain, the test PKI's root included) judge the seals.
  const auto self = verify_export(a.out(), a.t.files, std::nullopt, signing::testing::now(), true);
  INFO(failures(self));
  CHECK(failures(self).empty());

  SECTION("a document removed with all its files and the manifests rewritten") {
    a.remove_document(a.ids[1]);
    const std::string text = failures(a.verify());
    CHECK(text.find("manifest.json.p7s: platform seal (CAdES) over manifest.json") !=
          std::string::npos);
  }
  SECTION("a receipt changed") {
    const auto path = a.out() / ExportLayout::receipt_path(a.ids[0]);
    testing::spit(path, testing::slurp(path) + " ");
    const std::string text = failures(a.verify());
    CHECK(text.find(ExportLayout::seal_path(ExportLayout::receipt_path(a.ids[0])) +
                    ": platform seal") != std::string::npos);
  }
  SECTION("a seal removed") {
    fs::remove(a.out() / ExportLayout::seal_path(ExportLayout::record_path(1)));
    CHECK(failures(a.verify()).find("securing/securing-1.json.p7s") != std::string::npos);
  }
  SECTION("a seal made by another key") {
    const std::string manifest = testing::slurp(a.out() / ExportLayout::kManifest);
    TestSealer forger(*pki().other_root);
    testing::spit(a.out() / ExportLayout::kManifestSeal, forger.seal(manifest, "").value());
    const auto forged = a.verify();
    CHECK_FALSE(forged.passed());
    CHECK_FALSE(forged.manifest_sealed);
  }
  SECTION("a seal beside a file that takes none") {
    testing::spit(a.out() / "journal" / "segment-1.jsonl.p7s", a.secured.seal);
    CHECK(failures(a.verify()).find("journal/segment-1.jsonl.p7s: belongs to the export") !=
          std::string::npos);
  }
}

TEST_CASE("An unsealed export cannot prove itself whole; --require-seal refuses it",
          "[archive][seal][export]") {
  SealedArchive a(/*sealed=*/false);
  REQUIRE(a.archive->export_package(a.ids, a.out(), "tester"));
  CHECK_FALSE(fs::exists(a.out() / ExportLayout::kManifestSeal));
  CHECK(a.verify().passed());
  CHECK_FALSE(a.verify().manifest_sealed);
  a.remove_document(a.ids[1]);
  // The forgery goes unnoticed without a seal: that is what the flag is for.
  CHECK(failures(a.verify()).empty());
  const std::string required = failures(a.verify(/*require_seal=*/true));
  CHECK(required.find("manifest.json: sealed by the platform (--require-seal)") !=
        std::string::npos);
}

}  // namespace
}  // namespace einvoice::archive

namespace einvoice::archive {
namespace {

// A CRL of `issuer` listing the test TSA's certificate revoked at `revoked`
// (nothing revoked when nullopt), DER.
std::string tsa_crl(const signing::SoftwareSigner& issuer,
                    std::optional<std::chrono::sys_seconds> revoked) {
  std::vector<std::pair<signing::Certificate, std::chrono::sys_seconds>> listed;
  if (revoked)
    listed.push_back({pki().tsa->signer().certificate(), *revoked});
  const auto now = signing::testing::now();
  auto crl = signing::issue_crl(issuer, listed, now - std::chrono::hours(1),
                                now + std::chrono::hours(24 * 7));
  REQUIRE(crl);
  return std::string(crl->begin(), crl->end());
}

TEST_CASE("A securing run keeps the TSA's CRLs; the export carries and checks them",
          "[archive][export][revocation]") {
  const auto now = signing::testing::now();
  SECTION("a CRL that does not revoke the TSA certificate") {
    SealedArchive a(false, {tsa_crl(*pki().root, std::nullopt)});
    REQUIRE(a.secured.tsa_crls.size() == 1);
    CHECK(a.archive->securings().value().at(0).tsa_crls == a.secured.tsa_crls);
    REQUIRE(a.archive->export_package(a.ids, a.out(), "tester"));
    REQUIRE(fs::exists(a.out() / ExportLayout::crl_path(1, 1)));
    const auto verified = a.verify();
    CHECK(failures(verified).empty());
    bool checked = false;
    for (const auto& c : verified.checks)
      checked |= c.subject == ExportLayout::crl_path(1, 1) && c.passed;
    CHECK(checked);
    CHECK(a.archive->audit("tester", 1).value().ok());

    // The CRL changed in the export: its signature (and the manifests) fail.
    auto bytes = testing::slurp(a.out() / ExportLayout::crl_path(1, 1));
    bytes[bytes.size() - 5] ^= 0x01;
    testing::spit(a.out() / ExportLayout::crl_path(1, 1), bytes);
    CHECK(failures(a.verify()).find(ExportLayout::crl_path(1, 1) + ": the TSA certificate") !=
          std::string::npos);
  }
  SECTION("a CRL revoking the TSA certificate before the timestamp") {
    SealedArchive a(false, {tsa_crl(*pki().root, now - std::chrono::hours(2))});
    REQUIRE(a.archive->export_package(a.ids, a.out(), "tester"));
    CHECK(failures(a.verify()).find("revokes the TSA certificate") != std::string::npos);
  }
  SECTION("a CRL revoking it after the timestamp") {
    SealedArchive a(false, {tsa_crl(*pki().root, now + std::chrono::hours(2))});
    REQUIRE(a.archive->export_package(a.ids, a.out(), "tester"));
    CHECK(failures(a.verify()).empty());
  }
  SECTION("a CRL of another issuer") {
    SealedArchive a(false, {tsa_crl(*pki().other_root, std::nullopt)});
    REQUIRE(a.archive->export_package(a.ids, a.out(), "tester"));
    CHECK(failures(a.verify()).find("not a CRL of the TSA certificate's issuer") !=
          std::string::npos);
  }
  SECTION("a kept CRL changed in the archive: audit finds it") {
    SealedArchive a(false, {tsa_crl(*pki().root, std::nullopt)});
    const std::string crl_sha256 = Sha256::hex(a.secured.tsa_crls[0]);
    const fs::path object =
        a.dir() / "objects" / crl_sha256.substr(0, 2) / crl_sha256.substr(2, 2) / crl_sha256;
    REQUIRE(fs::exists(object));
    fs::permissions(object, fs::perms::owner_write, fs::perm_options::add);
    testing::spit(object, "not the CRL");
    const auto report = a.archive->audit("tester", 1).value();
    REQUIRE_FALSE(report.ok());
    CHECK(report.problems[0].what.find("no longer matches its recorded hash") != std::string::npos);
  }
}

}  // namespace
}  // namespace einvoice::archive
