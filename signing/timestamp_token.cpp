#include "signing/timestamp_token.h"

#include <openssl/ess.h>
#include <openssl/pkcs7.h>
#include <openssl/x509v3.h>

#include "signing/openssl_support.h"

namespace einvoice::signing {
namespace {

using model::ErrorCode;

void free_pkcs7(PKCS7* p) {
  PKCS7_free(p);
}
using Pkcs7Ptr = std::unique_ptr<PKCS7, detail::Deleter<PKCS7, free_pkcs7>>;

Bytes integer_bytes(const ASN1_INTEGER* value) {
  BIGNUM* bn = ASN1_INTEGER_to_BN(value, nullptr);
  if (bn == nullptr)
    return {};
  Bytes out(static_cast<std::size_t>(BN_num_bytes(bn)));
  BN_bn2bin(bn, out.data());
  BN_free(bn);
  return out;
}

Pkcs7Ptr parse_pkcs7(std::span<const std::uint8_t> der) {
  const unsigned char* p = der.data();
  return Pkcs7Ptr(d2i_PKCS7(nullptr, &p, static_cast<long>(der.size())));
}

}  // namespace

model::Result<TimestampToken> TimestampToken::parse(std::span<const std::uint8_t> der,
                                                    std::string_view origin) {
  Pkcs7Ptr p7 = parse_pkcs7(der);
  if (!p7 || !PKCS7_type_is_signed(p7.get())) {
    return detail::openssl_error(ErrorCode::kMalformed,
                                 std::string(origin) + ": timestamp token is not a CMS SignedData");
  }
  detail::TsTstInfoPtr info(PKCS7_to_TS_TST_INFO(p7.get()));
  if (!info) {
    return detail::openssl_error(ErrorCode::kMalformed,
                                 std::string(origin) + ": timestamp token holds no TSTInfo");
  }
  TimestampToken token;
  token.der.assign(der.begin(), der.end());
  auto gen_time = detail::to_sys_seconds(TS_TST_INFO_get_time(info.get()));
  if (!gen_time) {
    return detail::make_error(ErrorCode::kMalformed,
                              std::string(origin) + ": timestamp token has an unreadable genTime",
                              std::string(origin));
  }
  token.gen_time = *gen_time;
  char oid[128];
  if (OBJ_obj2txt(oid, sizeof oid, TS_TST_INFO_get_policy_id(info.get()), 1) > 0) {
    token.policy_oid = oid;
  }
  token.serial = detail::integer_text(TS_TST_INFO_get_serial(info.get()));
  TS_MSG_IMPRINT* imprint = TS_TST_INFO_get_msg_imprint(info.get());
  const X509_ALGOR* alg = TS_MSG_IMPRINT_get_algo(imprint);
  const ASN1_OBJECT* alg_oid = nullptr;
  X509_ALGOR_get0(&alg_oid, nullptr, nullptr, alg);
  token.imprint_algorithm = detail::digest_from_nid(OBJ_obj2nid(alg_oid));
  token.imprint = detail::asn1_string_bytes(TS_MSG_IMPRINT_get_msg(imprint));
  if (const ASN1_INTEGER* nonce = TS_TST_INFO_get_nonce(info.get())) {
    token.nonce = integer_bytes(nonce);
  }
  STACK_OF(X509)* signers = PKCS7_get0_signers(p7.get(), nullptr, 0);
  detail::openssl_errors();  // no certificate in the token is not an error here
  if (signers != nullptr && sk_X509_num(signers) == 1) {
    token.tsa_certificate = Certificate::from_native(sk_X509_value(signers, 0));
  }
  sk_X509_free(signers);
  return token;
}

std::string check_tsa_certificate_usage(const Certificate& tsa) {
  X509* cert = tsa.native();
  int index = X509_get_ext_by_NID(cert, NID_ext_key_usage, -1);
  if (index < 0)
    return "TSA certificate " + tsa.subject() + " has no extendedKeyUsage";
  if (X509_EXTENSION_get_critical(X509_get_ext(cert, index)) != 1) {
    return "extendedKeyUsage of TSA certificate " + tsa.subject() + " is not critical";
  }
  if (X509_get_extended_key_usage(cert) != XKU_TIMESTAMP) {
    return "extendedKeyUsage of TSA certificate " + tsa.subject() + " is not timeStamping alone";
  }
  return {};
}

TokenCheck verify_timestamp_token(const TimestampToken& token, std::span<const std::uint8_t> data,
                                  const TrustStore& anchors,
                                  std::chrono::sys_seconds validation_time) {
  if (!token.imprint_algorithm) {
    return {TokenFailure::kHashFailure, "timestamp imprint uses an unsupported digest algorithm"};
  }
  if (digest(*token.imprint_algorithm, data) != token.imprint) {
    return {TokenFailure::kHashFailure,
            "timestamp imprint does not match the timestamped data (serial " + token.serial + ")"};
  }
  if (!token.tsa_certificate) {
    return {TokenFailure::kNoSigningCertificate, "timestamp token carries no TSA certificate"};
  }
  if (std::string usage = check_tsa_certificate_usage(*token.tsa_certificate); !usage.empty()) {
    return {TokenFailure::kChainConstraints, usage};
  }

  Pkcs7Ptr p7 = parse_pkcs7(token.der);
  if (!p7)
    return {TokenFailure::kSigCryptoFailure, "timestamp token cannot be decoded"};

  // Chain of the TSA certificate at the validation time, with the certificates
  // the token carries as untrusted intermediates.
  detail::X509StoreCtxPtr ctx(X509_STORE_CTX_new());
  STACK_OF(X509)* carried = p7->d.sign->cert;
  if (!ctx || X509_STORE_CTX_init(ctx.get(), anchors.native(), token.tsa_certificate->native(),
                                  carried) != 1) {
    return {TokenFailure::kNoCertificateChain, "cannot set up TSA chain verification"};
  }
  X509_STORE_CTX_set_purpose(ctx.get(), X509_PURPOSE_TIMESTAMP_SIGN);
  X509_STORE_CTX_set_time(ctx.get(), 0,
                          static_cast<time_t>(validation_time.time_since_epoch().count()));
  if (X509_verify_cert(ctx.get()) != 1) {
    int err = X509_STORE_CTX_get_error(ctx.get());
    std::string why = X509_verify_cert_error_string(err);
    detail::openssl_errors();
    const bool time_error =
        err == X509_V_ERR_CERT_HAS_EXPIRED || err == X509_V_ERR_CERT_NOT_YET_VALID;
    return {time_error ? TokenFailure::kOutOfBounds : TokenFailure::kNoCertificateChain,
            "TSA certificate " + token.tsa_certificate->subject() + ": " + why};
  }

  // Signature of the token and its ESS signing-certificate(-v2) attribute.
  // Done here rather than by TS_RESP_verify_token, which re-checks the chain
  // at the current clock instead of the validation time.
  STACK_OF(PKCS7_SIGNER_INFO)* infos = PKCS7_get_signer_info(p7.get());
  if (infos == nullptr || sk_PKCS7_SIGNER_INFO_num(infos) != 1) {
    return {TokenFailure::kSigCryptoFailure, "timestamp token must have exactly one signer"};
  }
  PKCS7_SIGNER_INFO* si = sk_PKCS7_SIGNER_INFO_value(infos, 0);
  detail::BioPtr content(PKCS7_dataInit(p7.get(), nullptr));
  if (!content)
    return {TokenFailure::kSigCryptoFailure, "timestamp token has no content"};
  char buffer[4096];
  while (BIO_read(content.get(), buffer, sizeof buffer) > 0) {
  }
  if (PKCS7_signatureVerify(content.get(), p7.get(), si, token.tsa_certificate->native()) != 1) {
    return {TokenFailure::kSigCryptoFailure,
            "timestamp token signature does not verify: " + detail::openssl_errors()};
  }
  ESS_SIGNING_CERT* ss = nullptr;
  ESS_SIGNING_CERT_V2* ss2 = nullptr;
  if (ASN1_TYPE* a = PKCS7_get_signed_attribute(si, NID_id_smime_aa_signingCertificate);
      a != nullptr && a->type == V_ASN1_SEQUENCE) {
    const unsigned char* p = a->value.sequence->data;
    ss = d2i_ESS_SIGNING_CERT(nullptr, &p, a->value.sequence->length);
  }
  if (ASN1_TYPE* a = PKCS7_get_signed_attribute(si, NID_id_smime_aa_signingCertificateV2);
      a != nullptr && a->type == V_ASN1_SEQUENCE) {
    const unsigned char* p = a->value.sequence->data;
    ss2 = d2i_ESS_SIGNING_CERT_V2(nullptr, &p, a->value.sequence->length);
  }
  detail::X509StackPtr chain(X509_STORE_CTX_get1_chain(ctx.get()));
  const int ess_ok = OSSL_ESS_check_signing_certs(ss, ss2, chain.get(), 1);
  ESS_SIGNING_CERT_free(ss);
  ESS_SIGNING_CERT_V2_free(ss2);
  if (ess_ok != 1) {
    return {TokenFailure::kSigCryptoFailure,
            "timestamp token ESS signing-certificate does not name the TSA certificate: " +
                detail::openssl_errors()};
  }
  return {};
}

}  // namespace einvoice::signing
