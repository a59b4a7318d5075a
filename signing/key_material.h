#pragma once

#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/result.h"
#include "signing/certificate.h"
#include "signing/digest.h"

struct evp_pkey_st;  // OpenSSL's EVP_PKEY

namespace einvoice::signing {

// A signing key and its certificate. Callers (CAdES, PAdES, XAdES, the local
// TSA) only see this interface, so a key in an HSM or a PKCS#11 token plugs in
// without touching them.
//
// Thread safety: implementations must allow concurrent calls to every method.
class Signer {
 public:
  virtual ~Signer() = default;

  // The signer's certificate; its public key matches the signing key.
  virtual const Certificate& certificate() const = 0;
  // Intermediate certificates up to (optionally including) the root, signer excluded.
  virtual const std::vector<Certificate>& chain() const = 0;

  // Signs `data` (the implementation hashes it with `algorithm`): PKCS#1 v1.5
  // for RSA keys, DER-encoded ECDSA-Sig-Value for EC keys, raw for Ed25519.
  virtual model::Result<Bytes> sign(DigestAlgorithm algorithm,
                                    std::span<const std::uint8_t> data) const = 0;
};

// A Signer whose private key is an in-memory EVP_PKEY. The key is never
// written anywhere by this class.
class SoftwareSigner final : public Signer {
 public:
  // Takes one reference of `key`. REQUIRES: key matches certificate.
  SoftwareSigner(evp_pkey_st* key, Certificate certificate, std::vector<Certificate> chain);
  ~SoftwareSigner() override;
  SoftwareSigner(const SoftwareSigner&) = delete;
  SoftwareSigner& operator=(const SoftwareSigner&) = delete;

  const Certificate& certificate() const override { return certificate_; }
  const std::vector<Certificate>& chain() const override { return chain_; }
  model::Result<Bytes> sign(DigestAlgorithm algorithm,
                            std::span<const std::uint8_t> data) const override;

  // Borrowed; valid while this signer lives. For OpenSSL code that needs the
  // key itself (the local TSA, certificate issuing).
  evp_pkey_st* native_key() const { return key_; }

 private:
  evp_pkey_st* key_;
  Certificate certificate_;
  std::vector<Certificate> chain_;
};

// Loads a PEM private key (optionally encrypted with `password`) and a PEM
// certificate file whose first certificate is the signer's and the rest its
// chain; `chain_pem` adds more chain certificates (may be empty). Errors name
// the file: unreadable (kIo), not PEM or wrong password (kMalformed), key and
// certificate that do not match (kInvalidArgument).
model::Result<std::unique_ptr<SoftwareSigner>> load_pem_signer(
    const std::filesystem::path& key_pem, const std::filesystem::path& certificate_pem,
    const std::filesystem::path& chain_pem = {}, std::string_view password = {});

// Same from memory; `origin` names the source in messages.
model::Result<std::unique_ptr<SoftwareSigner>> load_pem_signer_from_memory(
    std::span<const std::uint8_t> key_pem, std::span<const std::uint8_t> certificates_pem,
    std::string_view password, std::string_view origin);

// Loads a PKCS#12 (.p12/.pfx) file with its password: key, certificate and
// the CA certificates it carries.
model::Result<std::unique_ptr<SoftwareSigner>> load_pkcs12_signer(const std::filesystem::path& path,
                                                                  std::string_view password);
model::Result<std::unique_ptr<SoftwareSigner>> load_pkcs12_signer_from_memory(
    std::span<const std::uint8_t> der, std::string_view password, std::string_view origin);

// Encodes `signer` as PKCS#12 protected by `password` (AES-256, PBKDF2), in
// memory. For exporting to another tool and for tests; REQUIRES: !password.empty().
model::Result<Bytes> to_pkcs12(const SoftwareSigner& signer, std::string_view password,
                               std::string_view friendly_name);

}  // namespace einvoice::signing
