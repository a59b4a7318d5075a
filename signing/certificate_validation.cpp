#include "signing/certificate_validation.h"

#include <openssl/x509v3.h>

#include "signing/openssl_support.h"

namespace einvoice::signing {

std::vector<CertificateFinding> validate_signing_certificate(
    const Certificate& signer, const std::vector<Certificate>& untrusted, const TrustStore& anchors,
    std::chrono::sys_seconds at, bool at_is_proof) {
  std::vector<CertificateFinding> findings;
  detail::X509StackPtr carried(sk_X509_new_null());
  for (const Certificate& c : untrusted) {
    if (carried && sk_X509_push(carried.get(), c.native()) > 0)
      X509_up_ref(c.native());
  }
  detail::X509StoreCtxPtr ctx(X509_STORE_CTX_new());
  if (!carried || !ctx ||
      X509_STORE_CTX_init(ctx.get(), anchors.native(), signer.native(), carried.get()) != 1) {
    findings.push_back({Indication::kIndeterminate, SubIndication::kNoCertificateChainFound,
                        "cannot set up chain verification: " + detail::openssl_errors()});
    return findings;
  }
  // Validity is checked below at `at`, not at the current time.
  X509_VERIFY_PARAM_set_flags(X509_STORE_CTX_get0_param(ctx.get()), X509_V_FLAG_NO_CHECK_TIME);
  if (X509_verify_cert(ctx.get()) != 1) {
    const int err = X509_STORE_CTX_get_error(ctx.get());
    detail::openssl_errors();
    findings.push_back(
        {Indication::kIndeterminate,
         err == X509_V_ERR_CERT_SIGNATURE_FAILURE ? SubIndication::kCertificateChainGeneralFailure
                                                  : SubIndication::kNoCertificateChainFound,
         "chain of " + signer.subject() + ": " + X509_verify_cert_error_string(err)});
  } else {
    detail::X509StackPtr chain(X509_STORE_CTX_get1_chain(ctx.get()));
    time_t t = static_cast<time_t>(at.time_since_epoch().count());
    const std::string when = std::string(at_is_proof ? "the timestamp " : "the validation time ") +
                             detail::format_utc(at);
    for (int i = 0; i < sk_X509_num(chain.get()); ++i) {
      X509* cert = sk_X509_value(chain.get(), i);
      const Certificate c = Certificate::from_native(cert);
      if (X509_cmp_time(X509_get0_notAfter(cert), &t) < 0) {
        findings.push_back({Indication::kIndeterminate, SubIndication::kOutOfBoundsNoPoe,
                            "certificate " + c.subject() + " expired on " +
                                detail::format_utc(c.not_after()) + ", before " + when +
                                ", and nothing proves the seal existed before"});
      } else if (X509_cmp_time(X509_get0_notBefore(cert), &t) > 0) {
        findings.push_back(
            {at_is_proof ? Indication::kTotalFailed : Indication::kIndeterminate,
             at_is_proof ? SubIndication::kNotYetValid : SubIndication::kOutOfBoundsNoPoe,
             "certificate " + c.subject() + " is not yet valid at " + when});
      }
    }
  }
  const std::uint32_t usage = X509_get_key_usage(signer.native());
  if ((usage & (KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION)) == 0) {
    findings.push_back(
        {Indication::kIndeterminate, SubIndication::kChainConstraintsFailure,
         "key usage of " + signer.subject() + " has neither digitalSignature nor nonRepudiation"});
  }
  return findings;
}

}  // namespace einvoice::signing
