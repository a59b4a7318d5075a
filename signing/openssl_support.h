#pragma once

// Private to einvoice_signing: owning handles for OpenSSL objects and the
// conversions every file needs. Not part of the public API.

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/ocsp.h>
#include <openssl/ts.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <chrono>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "model/error.h"
#include "signing/digest.h"

namespace einvoice::signing::detail {

template <class T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};

inline void free_x509_stack(STACK_OF(X509) * s) {
  sk_X509_pop_free(s, X509_free);
}
inline void free_bio(BIO* b) {
  BIO_free_all(b);
}

using BioPtr = std::unique_ptr<BIO, Deleter<BIO, free_bio>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using X509StackPtr = std::unique_ptr<STACK_OF(X509), Deleter<STACK_OF(X509), free_x509_stack>>;
using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using EvpMdCtxPtr = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX, EVP_MD_CTX_free>>;
using EvpPkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using CmsPtr = std::unique_ptr<CMS_ContentInfo, Deleter<CMS_ContentInfo, CMS_ContentInfo_free>>;
using X509StoreCtxPtr =
    std::unique_ptr<X509_STORE_CTX, Deleter<X509_STORE_CTX, X509_STORE_CTX_free>>;
using Asn1IntegerPtr = std::unique_ptr<ASN1_INTEGER, Deleter<ASN1_INTEGER, ASN1_INTEGER_free>>;
using Asn1TimePtr = std::unique_ptr<ASN1_TIME, Deleter<ASN1_TIME, ASN1_TIME_free>>;
using TsReqPtr = std::unique_ptr<TS_REQ, Deleter<TS_REQ, TS_REQ_free>>;
using TsRespPtr = std::unique_ptr<TS_RESP, Deleter<TS_RESP, TS_RESP_free>>;
using TsMsgImprintPtr =
    std::unique_ptr<TS_MSG_IMPRINT, Deleter<TS_MSG_IMPRINT, TS_MSG_IMPRINT_free>>;
using TsTstInfoPtr = std::unique_ptr<TS_TST_INFO, Deleter<TS_TST_INFO, TS_TST_INFO_free>>;
using TsVerifyCtxPtr = std::unique_ptr<TS_VERIFY_CTX, Deleter<TS_VERIFY_CTX, TS_VERIFY_CTX_free>>;
using X509AlgorPtr = std::unique_ptr<X509_ALGOR, Deleter<X509_ALGOR, X509_ALGOR_free>>;
using CrlPtr = std::unique_ptr<X509_CRL, Deleter<X509_CRL, X509_CRL_free>>;
using OcspResponsePtr = std::unique_ptr<OCSP_RESPONSE, Deleter<OCSP_RESPONSE, OCSP_RESPONSE_free>>;
using OcspBasicPtr = std::unique_ptr<OCSP_BASICRESP, Deleter<OCSP_BASICRESP, OCSP_BASICRESP_free>>;
using OcspCertIdPtr = std::unique_ptr<OCSP_CERTID, Deleter<OCSP_CERTID, OCSP_CERTID_free>>;

// An ASN.1 integer in decimal ("" when it cannot be converted).
std::string integer_text(const ASN1_INTEGER* value);

// An Error whose location names `file` (when not empty).
model::Error make_error(model::ErrorCode code, std::string message, std::string_view file = {});

// Drains OpenSSL's thread-local error queue into one line ("" when empty).
std::string openssl_errors();

// Error with `what` followed by the drained OpenSSL error queue.
model::Error openssl_error(model::ErrorCode code, std::string_view what);

// Read-only memory BIO over `data`; the BIO must not outlive `data`.
BioPtr memory_bio(std::span<const std::uint8_t> data);

// DER encoding of an OpenSSL object with an i2d function; empty on failure.
template <class T>
Bytes to_der(int (*i2d)(const T*, unsigned char**), const T* object) {
  unsigned char* out = nullptr;
  int len = i2d(object, &out);
  if (len <= 0 || out == nullptr)
    return {};
  Bytes der(out, out + len);
  OPENSSL_free(out);
  return der;
}
template <class T>
Bytes to_der(int (*i2d)(T*, unsigned char**), T* object) {
  unsigned char* out = nullptr;
  int len = i2d(object, &out);
  if (len <= 0 || out == nullptr)
    return {};
  Bytes der(out, out + len);
  OPENSSL_free(out);
  return der;
}

Bytes asn1_string_bytes(const ASN1_STRING* s);

const EVP_MD* evp_md(DigestAlgorithm algorithm);
// Our algorithm for an OpenSSL digest NID; nullopt when not supported.
std::optional<DigestAlgorithm> digest_from_nid(int nid);

// UTC seconds of an ASN1_TIME (UTCTime or GeneralizedTime).
std::optional<std::chrono::sys_seconds> to_sys_seconds(const ASN1_TIME* t);
Asn1TimePtr to_asn1_time(std::chrono::sys_seconds t);
// "2026-03-01 09:00:00Z"-style text of `t`, for messages.
std::string format_utc(std::chrono::sys_seconds t);

}  // namespace einvoice::signing::detail
