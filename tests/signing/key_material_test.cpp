// Loading signers (PEM, PKCS#12), the Signer interface, trust stores.
// Private keys are serialised only into memory, never to disk.
#include "signing/key_material.h"

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <catch2/catch.hpp>

#include "signing/certificate.h"
#include "signing/trust_store.h"
#include "tests/signing/test_pki.h"

using namespace einvoice;
using namespace einvoice::signing;
using namespace einvoice::signing::testing;

namespace {

// PEM of the private key, in memory, encrypted when `password` is not empty.
std::string private_key_pem(const SoftwareSigner& signer, const std::string& password) {
  BIO* bio = BIO_new(BIO_s_mem());
  const EVP_CIPHER* cipher = password.empty() ? nullptr : EVP_aes_256_cbc();
  REQUIRE(PEM_write_bio_PrivateKey(bio, signer.native_key(), cipher,
                                   reinterpret_cast<const unsigned char*>(password.data()),
                                   static_cast<int>(password.size()), nullptr, nullptr) == 1);
  char* data = nullptr;
  long len = BIO_get_mem_data(bio, &data);
  std::string pem(data, static_cast<std::size_t>(len));
  BIO_free(bio);
  return pem;
}

bool verifies(const Certificate& cert, std::span<const std::uint8_t> data,
              std::span<const std::uint8_t> signature) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  bool ok =
      EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, X509_get0_pubkey(cert.native())) ==
          1 &&
      EVP_DigestVerify(ctx, signature.data(), signature.size(), data.data(), data.size()) == 1;
  EVP_MD_CTX_free(ctx);
  return ok;
}

}  // namespace

TEST_CASE("the test seal certificate carries the French organisation identifier", "[signing]") {
  const Certificate& seal = pki().seal->certificate();
  REQUIRE(seal.organization_identifier() == std::string("NTRFR-") + kSiren);
  CHECK(siren_from_organization_identifier(*seal.organization_identifier()) == kSiren);
  CHECK(seal.subject().find("ACME SAS") != std::string::npos);
  CHECK(seal.issuer() == pki().root->certificate().subject());
  REQUIRE(pki().seal->chain().size() == 1);
  CHECK(pki().seal->chain().front() == pki().root->certificate());
}

TEST_CASE("SIREN is read from NTR and SIRET and VAT organisation identifiers", "[signing]") {
  CHECK(siren_from_organization_identifier("NTRFR-123456789") == "123456789");
  CHECK(siren_from_organization_identifier("NTRFR-12345678900012") == "123456789");
  CHECK(siren_from_organization_identifier("VATFR-44123456789") == "123456789");
  CHECK_FALSE(siren_from_organization_identifier("NTRBE-0123456789"));
  CHECK_FALSE(siren_from_organization_identifier("NTRFR-12345"));
  CHECK_FALSE(siren_from_organization_identifier("NTRFR-12345678X"));
  CHECK_FALSE(siren_from_organization_identifier("123456789"));
}

TEST_CASE("a software signer signs what its certificate verifies", "[signing]") {
  for (KeyType type : {KeyType::kEcP256, KeyType::kRsa2048}) {
    CertificateProfile profile = seal_profile("key type test", now(), now() + std::chrono::days(1));
    profile.key_type = type;
    auto signer = issue(profile, pki().root.get());
    const std::string data = "<Invoice>F2026-0001</Invoice>";
    auto signature = signer->sign(DigestAlgorithm::kSha256, as_bytes(data));
    REQUIRE(signature.ok());
    CHECK(verifies(signer->certificate(), as_bytes(data), *signature));
    CHECK_FALSE(verifies(signer->certificate(), as_bytes(data + " "), *signature));
  }
}

TEST_CASE("PEM key and certificates load from memory whether encrypted or not", "[signing]") {
  const SoftwareSigner& seal = *pki().seal;
  const std::string certs = seal.certificate().pem() + pki().root->certificate().pem();
  SECTION("plain key") {
    auto loaded = load_pem_signer_from_memory(as_bytes(private_key_pem(seal, "")), as_bytes(certs),
                                              "", "mem");
    REQUIRE(loaded.ok());
    CHECK((*loaded)->certificate() == seal.certificate());
    REQUIRE((*loaded)->chain().size() == 1);
    CHECK((*loaded)->chain()[0] == pki().root->certificate());
  }
  SECTION("encrypted key, right and wrong password") {
    const std::string pem = private_key_pem(seal, "s3cret");
    CHECK(load_pem_signer_from_memory(as_bytes(pem), as_bytes(certs), "s3cret", "mem").ok());
    auto wrong = load_pem_signer_from_memory(as_bytes(pem), as_bytes(certs), "nope", "seal.key");
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().code == model::ErrorCode::kMalformed);
    CHECK(wrong.error().message.find("seal.key") != std::string::npos);
  }
  SECTION("key of another certificate") {
    auto mismatch = load_pem_signer_from_memory(as_bytes(private_key_pem(*pki().expired_seal, "")),
                                                as_bytes(certs), "", "pair");
    REQUIRE_FALSE(mismatch.ok());
    CHECK(mismatch.error().code == model::ErrorCode::kInvalidArgument);
    CHECK(mismatch.error().message.find("does not match") != std::string::npos);
  }
}

TEST_CASE("PEM signer files that do not exist are named in the error", "[signing]") {
  auto missing = load_pem_signer("/nonexistent/seal.key", "/nonexistent/seal.pem");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == model::ErrorCode::kIo);
  CHECK(missing.error().message.find("/nonexistent/seal.key") != std::string::npos);
}

TEST_CASE("PKCS#12 round trip keeps key and certificate and chain", "[signing]") {
  auto p12 = to_pkcs12(*pki().seal, "p12-pass", "ACME seal");
  REQUIRE(p12.ok());
  auto loaded = load_pkcs12_signer_from_memory(*p12, "p12-pass", "seal.p12");
  REQUIRE(loaded.ok());
  CHECK((*loaded)->certificate() == pki().seal->certificate());
  REQUIRE((*loaded)->chain().size() == 1);
  CHECK((*loaded)->chain()[0] == pki().root->certificate());
  const std::string data = "payload";
  auto signature = (*loaded)->sign(DigestAlgorithm::kSha256, as_bytes(data));
  REQUIRE(signature.ok());
  CHECK(verifies(pki().seal->certificate(), as_bytes(data), *signature));

  auto wrong = load_pkcs12_signer_from_memory(*p12, "bad", "seal.p12");
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.error().message.find("seal.p12") != std::string::npos);
  auto garbage = load_pkcs12_signer_from_memory(as_bytes("not pkcs12"), "x", "junk.p12");
  REQUIRE_FALSE(garbage.ok());
  CHECK(garbage.error().code == model::ErrorCode::kMalformed);
  CHECK(load_pkcs12_signer("/nonexistent/seal.p12", "x").error().code == model::ErrorCode::kIo);
}

TEST_CASE("a trust store loads a folder of PEM anchors", "[signing]") {
  TempDir dir;
  dir.write("root.pem", pki().root->certificate().pem());
  dir.write("other.crt", pki().other_root->certificate().pem());
  dir.write("notes.txt", "ignored");
  auto store = TrustStore::load_folder(dir.path());
  REQUIRE(store.ok());
  CHECK(store->anchors().size() == 2);
  CHECK(store->contains(pki().root->certificate()));
  CHECK_FALSE(store->contains(pki().seal->certificate()));

  dir.write("broken.pem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
  auto broken = TrustStore::load_folder(dir.path());
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.error().message.find("broken.pem") != std::string::npos);

  TempDir empty;
  CHECK(TrustStore::load_folder(empty.path()).error().code == model::ErrorCode::kInvalidArgument);
  CHECK(TrustStore::load_folder(empty.path() / "missing").error().code == model::ErrorCode::kIo);
}
