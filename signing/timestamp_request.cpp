#include "signing/timestamp_request.h"

#include <openssl/rand.h>

#include "signing/openssl_support.h"

namespace einvoice::signing {

Bytes random_nonce() {
  Bytes nonce(8);
  if (RAND_bytes(nonce.data(), static_cast<int>(nonce.size())) != 1)
    return {};
  nonce[0] = static_cast<std::uint8_t>((nonce[0] & 0x7f) | 0x01);  // positive, no leading zero
  return nonce;
}

model::Result<TimestampRequest> make_timestamp_request(DigestAlgorithm algorithm, Bytes imprint,
                                                       Bytes nonce, std::string policy_oid) {
  using model::ErrorCode;
  const EVP_MD* md = detail::evp_md(algorithm);
  if (imprint.size() != static_cast<std::size_t>(EVP_MD_get_size(md))) {
    return detail::make_error(
        ErrorCode::kInvalidArgument,
        std::string("timestamp request: imprint is not a ") + to_string(algorithm) + " digest");
  }
  detail::TsReqPtr req(TS_REQ_new());
  detail::TsMsgImprintPtr msg(TS_MSG_IMPRINT_new());
  detail::X509AlgorPtr alg(X509_ALGOR_new());
  if (!req || !msg || !alg)
    return detail::openssl_error(ErrorCode::kInternal, "TS_REQ_new failed");
  X509_ALGOR_set_md(alg.get(), md);
  bool ok =
      TS_REQ_set_version(req.get(), 1) == 1 && TS_MSG_IMPRINT_set_algo(msg.get(), alg.get()) == 1 &&
      TS_MSG_IMPRINT_set_msg(msg.get(), imprint.data(), static_cast<int>(imprint.size())) == 1 &&
      TS_REQ_set_msg_imprint(req.get(), msg.get()) == 1 && TS_REQ_set_cert_req(req.get(), 1) == 1;
  if (ok && !nonce.empty()) {
    BIGNUM* bn = BN_bin2bn(nonce.data(), static_cast<int>(nonce.size()), nullptr);
    detail::Asn1IntegerPtr n(bn != nullptr ? BN_to_ASN1_INTEGER(bn, nullptr) : nullptr);
    BN_free(bn);
    ok = n && TS_REQ_set_nonce(req.get(), n.get()) == 1;
  }
  if (ok && !policy_oid.empty()) {
    ASN1_OBJECT* policy = OBJ_txt2obj(policy_oid.c_str(), 1);
    if (policy == nullptr) {
      return detail::openssl_error(ErrorCode::kInvalidArgument,
                                   "timestamp request: bad policy OID " + policy_oid);
    }
    ok = TS_REQ_set_policy_id(req.get(), policy) == 1;
    ASN1_OBJECT_free(policy);
  }
  if (!ok)
    return detail::openssl_error(ErrorCode::kInternal, "cannot build TimeStampReq");
  TimestampRequest out;
  out.algorithm = algorithm;
  out.imprint = std::move(imprint);
  out.nonce = std::move(nonce);
  out.policy_oid = std::move(policy_oid);
  out.der = detail::to_der(i2d_TS_REQ, req.get());
  if (out.der.empty())
    return detail::openssl_error(ErrorCode::kInternal, "cannot encode TimeStampReq");
  return out;
}

model::Result<TimestampRequest> make_timestamp_request_for(std::span<const std::uint8_t> data) {
  return make_timestamp_request(DigestAlgorithm::kSha256, digest(DigestAlgorithm::kSha256, data),
                                random_nonce());
}

}  // namespace einvoice::signing
