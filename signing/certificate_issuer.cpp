#include "signing/certificate_issuer.h"

#include <openssl/x509v3.h>

#include "signing/openssl_support.h"

namespace einvoice::signing {
namespace {

using model::ErrorCode;

detail::EvpPkeyPtr generate_key(KeyType type) {
  switch (type) {
    case KeyType::kEcP256:
      return detail::EvpPkeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    case KeyType::kRsa2048:
      return detail::EvpPkeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", std::size_t{2048}));
    case KeyType::kRsa3072:
      return detail::EvpPkeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", std::size_t{3072}));
  }
  return {};
}

bool add_extension(X509* cert, X509V3_CTX* ctx, int nid, const std::string& value) {
  if (value.empty())
    return true;
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, ctx, nid, value.c_str());
  if (ext == nullptr)
    return false;
  int ok = X509_add_ext(cert, ext, -1);
  X509_EXTENSION_free(ext);
  return ok == 1;
}

}  // namespace

model::Result<std::unique_ptr<SoftwareSigner>> issue_certificate(const CertificateProfile& profile,
                                                                 const SoftwareSigner* issuer) {
  detail::EvpPkeyPtr key = generate_key(profile.key_type);
  if (!key)
    return detail::openssl_error(ErrorCode::kInternal, "key generation failed");

  detail::X509Ptr cert(X509_new());
  X509_NAME* name = X509_NAME_new();
  for (const auto& [field, value] : profile.subject) {
    if (X509_NAME_add_entry_by_txt(name, field.c_str(), MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(value.c_str()), -1, -1,
                                   0) != 1) {
      X509_NAME_free(name);
      return detail::openssl_error(ErrorCode::kInvalidArgument,
                                   "bad subject attribute " + field + "=" + value);
    }
  }
  detail::Asn1IntegerPtr serial(ASN1_INTEGER_new());
  detail::Asn1TimePtr not_before = detail::to_asn1_time(profile.not_before);
  detail::Asn1TimePtr not_after = detail::to_asn1_time(profile.not_after);
  X509* issuer_cert = issuer != nullptr ? issuer->certificate().native() : cert.get();
  const bool ok =
      X509_set_version(cert.get(), X509_VERSION_3) == 1 &&
      ASN1_INTEGER_set_uint64(serial.get(), profile.serial) == 1 &&
      X509_set_serialNumber(cert.get(), serial.get()) == 1 &&
      X509_set_subject_name(cert.get(), name) == 1 &&
      X509_set_issuer_name(cert.get(),
                           issuer != nullptr ? X509_get_subject_name(issuer_cert) : name) == 1 &&
      not_before && not_after && X509_set1_notBefore(cert.get(), not_before.get()) == 1 &&
      X509_set1_notAfter(cert.get(), not_after.get()) == 1 &&
      X509_set_pubkey(cert.get(), key.get()) == 1;
  X509_NAME_free(name);
  if (!ok)
    return detail::openssl_error(ErrorCode::kInternal, "cannot fill the certificate");

  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, issuer_cert, cert.get(), nullptr, nullptr, 0);
  const std::string basic =
      profile.certificate_authority ? "critical,CA:TRUE" : "critical,CA:FALSE";
  if (!add_extension(cert.get(), &ctx, NID_basic_constraints, basic) ||
      !add_extension(cert.get(), &ctx, NID_key_usage, profile.key_usage) ||
      !add_extension(cert.get(), &ctx, NID_ext_key_usage, profile.extended_key_usage) ||
      !add_extension(cert.get(), &ctx, NID_subject_alt_name, profile.subject_alt_name) ||
      !add_extension(cert.get(), &ctx, NID_crl_distribution_points,
                     profile.crl_distribution_points) ||
      !add_extension(cert.get(), &ctx, NID_subject_key_identifier, "hash") ||
      (issuer != nullptr &&
       !add_extension(cert.get(), &ctx, NID_authority_key_identifier, "keyid:always"))) {
    return detail::openssl_error(ErrorCode::kInvalidArgument, "bad certificate extension");
  }
  EVP_PKEY* signing_key = issuer != nullptr ? issuer->native_key() : key.get();
  if (X509_sign(cert.get(), signing_key, EVP_sha256()) <= 0) {
    return detail::openssl_error(ErrorCode::kInternal, "cannot sign the certificate");
  }
  std::vector<Certificate> chain;
  if (issuer != nullptr) {
    chain.push_back(issuer->certificate());
    chain.insert(chain.end(), issuer->chain().begin(), issuer->chain().end());
  }
  return std::make_unique<SoftwareSigner>(key.get(), Certificate::from_native(cert.get()),
                                          std::move(chain));
}

}  // namespace einvoice::signing
