#include "signing/revocation_issuer.h"

#include <openssl/ocsp.h>

#include "signing/openssl_support.h"

namespace einvoice::signing {

using model::ErrorCode;

model::Result<Bytes> issue_crl(
    const SoftwareSigner& issuer,
    const std::vector<std::pair<Certificate, std::chrono::sys_seconds>>& revoked,
    std::chrono::sys_seconds this_update, std::chrono::sys_seconds next_update) {
  detail::CrlPtr crl(X509_CRL_new());
  detail::Asn1TimePtr last = detail::to_asn1_time(this_update);
  detail::Asn1TimePtr next = detail::to_asn1_time(next_update);
  if (!crl || !last || !next || X509_CRL_set_version(crl.get(), 1) != 1 ||
      X509_CRL_set_issuer_name(crl.get(), X509_get_subject_name(issuer.certificate().native())) !=
          1 ||
      X509_CRL_set1_lastUpdate(crl.get(), last.get()) != 1 ||
      X509_CRL_set1_nextUpdate(crl.get(), next.get()) != 1) {
    return detail::openssl_error(ErrorCode::kInternal, "cannot start a CRL");
  }
  for (const auto& [certificate, when] : revoked) {
    X509_REVOKED* entry = X509_REVOKED_new();
    detail::Asn1TimePtr date = detail::to_asn1_time(when);
    const bool ok =
        entry != nullptr && date &&
        X509_REVOKED_set_serialNumber(
            entry, const_cast<ASN1_INTEGER*>(X509_get0_serialNumber(certificate.native()))) == 1 &&
        X509_REVOKED_set_revocationDate(entry, date.get()) == 1 &&
        X509_CRL_add0_revoked(crl.get(), entry) == 1;
    if (!ok) {
      X509_REVOKED_free(entry);
      return detail::openssl_error(ErrorCode::kInternal,
                                   "cannot list " + certificate.subject() + " in the CRL");
    }
  }
  if (X509_CRL_sort(crl.get()) != 1 ||
      X509_CRL_sign(crl.get(), issuer.native_key(), EVP_sha256()) <= 0) {
    return detail::openssl_error(ErrorCode::kInternal, "cannot sign the CRL");
  }
  return detail::to_der(i2d_X509_CRL, crl.get());
}

model::Result<Bytes> issue_ocsp_response(const SoftwareSigner& issuer, const Certificate& subject,
                                         std::optional<std::chrono::sys_seconds> revoked_at,
                                         std::chrono::sys_seconds this_update) {
  detail::OcspBasicPtr basic(OCSP_BASICRESP_new());
  OCSP_CERTID* id = OCSP_cert_to_id(nullptr, subject.native(), issuer.certificate().native());
  detail::Asn1TimePtr update = detail::to_asn1_time(this_update);
  detail::Asn1TimePtr revocation = revoked_at ? detail::to_asn1_time(*revoked_at) : nullptr;
  const bool added =
      basic && id != nullptr && update &&
      OCSP_basic_add1_status(basic.get(), id,
                             revoked_at ? V_OCSP_CERTSTATUS_REVOKED : V_OCSP_CERTSTATUS_GOOD,
                             revoked_at ? OCSP_REVOKED_STATUS_KEYCOMPROMISE : -1, revocation.get(),
                             update.get(), nullptr) != nullptr;
  OCSP_CERTID_free(id);
  if (!added)
    return detail::openssl_error(ErrorCode::kInternal, "cannot build the OCSP response");
  if (OCSP_basic_sign(basic.get(), issuer.certificate().native(), issuer.native_key(), EVP_sha256(),
                      nullptr, 0) != 1) {
    return detail::openssl_error(ErrorCode::kInternal, "cannot sign the OCSP response");
  }
  detail::OcspResponsePtr response(
      OCSP_response_create(OCSP_RESPONSE_STATUS_SUCCESSFUL, basic.get()));
  if (!response)
    return detail::openssl_error(ErrorCode::kInternal, "cannot encode the OCSP response");
  return detail::to_der(i2d_OCSP_RESPONSE, response.get());
}

}  // namespace einvoice::signing
