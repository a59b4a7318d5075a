#include "signing/key_material.h"

#include <openssl/pem.h>
#include <openssl/pkcs12.h>

#include <fstream>
#include <iterator>

#include "signing/openssl_support.h"

namespace einvoice::signing {
namespace {

using model::Error;
using model::ErrorCode;

model::Result<Bytes> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return detail::make_error(ErrorCode::kIo, "cannot open " + path.string(), path.string());
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

int password_callback(char* buf, int size, int /*rwflag*/, void* userdata) {
  const auto* password = static_cast<const std::string*>(userdata);
  if (password == nullptr || static_cast<int>(password->size()) > size)
    return -1;
  password->copy(buf, password->size());
  return static_cast<int>(password->size());
}

model::Result<std::unique_ptr<SoftwareSigner>> make_signer(detail::EvpPkeyPtr key,
                                                           std::vector<Certificate> certs,
                                                           std::string_view origin) {
  if (certs.empty()) {
    return detail::make_error(ErrorCode::kInvalidArgument, std::string(origin) + ": no certificate",
                              std::string(origin));
  }
  if (X509_check_private_key(certs.front().native(), key.get()) != 1) {
    return detail::openssl_error(ErrorCode::kInvalidArgument,
                                 std::string(origin) + ": private key does not match certificate " +
                                     certs.front().subject());
  }
  Certificate leaf = certs.front();
  certs.erase(certs.begin());
  auto signer = std::make_unique<SoftwareSigner>(key.get(), std::move(leaf), std::move(certs));
  return signer;
}

}  // namespace

SoftwareSigner::SoftwareSigner(evp_pkey_st* key, Certificate certificate,
                               std::vector<Certificate> chain)
    : key_(key), certificate_(std::move(certificate)), chain_(std::move(chain)) {
  EVP_PKEY_up_ref(key_);
}

SoftwareSigner::~SoftwareSigner() {
  EVP_PKEY_free(key_);
}

model::Result<Bytes> SoftwareSigner::sign(DigestAlgorithm algorithm,
                                          std::span<const std::uint8_t> data) const {
  detail::EvpMdCtxPtr ctx(EVP_MD_CTX_new());
  // Ed25519/Ed448 sign the message itself and take no digest.
  const bool pure = EVP_PKEY_is_a(key_, "ED25519") || EVP_PKEY_is_a(key_, "ED448");
  const EVP_MD* md = pure ? nullptr : detail::evp_md(algorithm);
  EVP_PKEY_CTX* pctx = nullptr;
  if (!ctx || EVP_DigestSignInit(ctx.get(), &pctx, md, nullptr, key_) != 1) {
    return detail::openssl_error(ErrorCode::kInternal,
                                 "cannot start signing with the key of " + certificate_.subject());
  }
  if (EVP_PKEY_is_a(key_, "RSA") && EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) != 1) {
    return detail::openssl_error(ErrorCode::kInternal, "cannot select PKCS#1 v1.5 padding");
  }
  std::size_t len = 0;
  if (EVP_DigestSign(ctx.get(), nullptr, &len, data.data(), data.size()) != 1) {
    return detail::openssl_error(ErrorCode::kInternal, "signature size query failed");
  }
  Bytes signature(len);
  if (EVP_DigestSign(ctx.get(), signature.data(), &len, data.data(), data.size()) != 1) {
    return detail::openssl_error(ErrorCode::kInternal,
                                 "signing failed with the key of " + certificate_.subject());
  }
  signature.resize(len);
  return signature;
}

model::Result<std::unique_ptr<SoftwareSigner>> load_pem_signer_from_memory(
    std::span<const std::uint8_t> key_pem, std::span<const std::uint8_t> certificates_pem,
    std::string_view password, std::string_view origin) {
  detail::BioPtr bio = detail::memory_bio(key_pem);
  std::string pass(password);
  detail::EvpPkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, password_callback, &pass));
  OPENSSL_cleanse(pass.data(), pass.size());
  if (!key) {
    return detail::openssl_error(
        ErrorCode::kMalformed,
        std::string(origin) + ": no PEM private key, or wrong password for an encrypted key");
  }
  auto certs = Certificate::from_pem(certificates_pem, origin);
  if (!certs)
    return certs.error();
  return make_signer(std::move(key), std::move(*certs), origin);
}

model::Result<std::unique_ptr<SoftwareSigner>> load_pem_signer(
    const std::filesystem::path& key_pem, const std::filesystem::path& certificate_pem,
    const std::filesystem::path& chain_pem, std::string_view password) {
  auto key = read_file(key_pem);
  if (!key)
    return key.error();
  auto certs = read_file(certificate_pem);
  if (!certs) {
    OPENSSL_cleanse(key->data(), key->size());
    return certs.error();
  }
  if (!chain_pem.empty()) {
    auto chain = read_file(chain_pem);
    if (!chain) {
      OPENSSL_cleanse(key->data(), key->size());
      return chain.error();
    }
    certs->push_back('\n');
    certs->insert(certs->end(), chain->begin(), chain->end());
  }
  auto signer = load_pem_signer_from_memory(*key, *certs, password,
                                            key_pem.string() + " + " + certificate_pem.string());
  OPENSSL_cleanse(key->data(), key->size());
  return signer;
}

model::Result<std::unique_ptr<SoftwareSigner>> load_pkcs12_signer_from_memory(
    std::span<const std::uint8_t> der, std::string_view password, std::string_view origin) {
  const unsigned char* p = der.data();
  PKCS12* p12 = d2i_PKCS12(nullptr, &p, static_cast<long>(der.size()));
  if (p12 == nullptr) {
    return detail::openssl_error(ErrorCode::kMalformed,
                                 std::string(origin) + ": not a DER PKCS#12 file");
  }
  std::string pass(password);
  EVP_PKEY* raw_key = nullptr;
  X509* raw_cert = nullptr;
  STACK_OF(X509)* raw_ca = nullptr;
  int ok = PKCS12_parse(p12, pass.c_str(), &raw_key, &raw_cert, &raw_ca);
  OPENSSL_cleanse(pass.data(), pass.size());
  PKCS12_free(p12);
  detail::EvpPkeyPtr key(raw_key);
  detail::X509Ptr cert(raw_cert);
  detail::X509StackPtr ca(raw_ca);
  if (ok != 1) {
    return detail::openssl_error(ErrorCode::kMalformed,
                                 std::string(origin) + ": cannot open PKCS#12 (wrong password?)");
  }
  if (!key || !cert) {
    return detail::make_error(
        ErrorCode::kInvalidArgument,
        std::string(origin) + ": PKCS#12 holds no private key with its certificate",
        std::string(origin));
  }
  std::vector<Certificate> certs{Certificate::from_native(cert.get())};
  for (int i = 0; ca && i < sk_X509_num(ca.get()); ++i) {
    certs.push_back(Certificate::from_native(sk_X509_value(ca.get(), i)));
  }
  return make_signer(std::move(key), std::move(certs), origin);
}

model::Result<std::unique_ptr<SoftwareSigner>> load_pkcs12_signer(const std::filesystem::path& path,
                                                                  std::string_view password) {
  auto bytes = read_file(path);
  if (!bytes)
    return bytes.error();
  return load_pkcs12_signer_from_memory(*bytes, password, path.string());
}

model::Result<Bytes> to_pkcs12(const SoftwareSigner& signer, std::string_view password,
                               std::string_view friendly_name) {
  if (password.empty()) {
    return detail::make_error(ErrorCode::kInvalidArgument, "PKCS#12 export needs a password");
  }
  detail::X509StackPtr ca(sk_X509_new_null());
  for (const Certificate& c : signer.chain()) {
    X509_up_ref(c.native());
    sk_X509_push(ca.get(), c.native());
  }
  std::string pass(password);
  std::string name(friendly_name);
  PKCS12* p12 =
      PKCS12_create(pass.c_str(), name.c_str(), signer.native_key(), signer.certificate().native(),
                    ca.get(), NID_aes_256_cbc, NID_aes_256_cbc, 0, 0, 0);
  OPENSSL_cleanse(pass.data(), pass.size());
  if (p12 == nullptr)
    return detail::openssl_error(ErrorCode::kInternal, "PKCS12_create failed");
  Bytes der = detail::to_der(i2d_PKCS12, p12);
  PKCS12_free(p12);
  return der;
}

}  // namespace einvoice::signing
