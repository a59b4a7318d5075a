#include "signing/timestamp_response.h"

#include "signing/openssl_support.h"

namespace einvoice::signing {
namespace {

model::Error invalid(std::string_view origin, const std::string& what) {
  return detail::make_error(model::ErrorCode::kInvalid,
                            "timestamp response from " + std::string(origin) + ": " + what,
                            std::string(origin));
}

std::string status_text(TS_STATUS_INFO* info) {
  std::string text;
  const STACK_OF(ASN1_UTF8STRING)* texts = TS_STATUS_INFO_get0_text(info);
  for (int i = 0; texts != nullptr && i < sk_ASN1_UTF8STRING_num(texts); ++i) {
    const ASN1_UTF8STRING* s = sk_ASN1_UTF8STRING_value(texts, i);
    if (!text.empty())
      text += "; ";
    text.append(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)),
                static_cast<std::size_t>(ASN1_STRING_length(s)));
  }
  return text;
}

}  // namespace

model::Result<TimestampToken> parse_timestamp_response(std::span<const std::uint8_t> der,
                                                       const TimestampRequest& request,
                                                       std::string_view origin) {
  const unsigned char* p = der.data();
  detail::TsRespPtr response(d2i_TS_RESP(nullptr, &p, static_cast<long>(der.size())));
  if (!response) {
    return detail::openssl_error(
        model::ErrorCode::kMalformed,
        "timestamp response from " + std::string(origin) + " is not a DER TimeStampResp");
  }
  TS_STATUS_INFO* status = TS_RESP_get_status_info(response.get());
  const long code = ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(status));
  if (code != TS_STATUS_GRANTED && code != TS_STATUS_GRANTED_WITH_MODS) {
    return invalid(
        origin, "request rejected (PKIStatus " + std::to_string(code) + ") " + status_text(status));
  }
  PKCS7* token_p7 = TS_RESP_get_token(response.get());
  if (token_p7 == nullptr)
    return invalid(origin, "status granted but no token");
  Bytes token_der = detail::to_der(i2d_PKCS7, token_p7);
  auto token = TimestampToken::parse(token_der, origin);
  if (!token)
    return token.error();
  if (token->imprint_algorithm != request.algorithm || token->imprint != request.imprint) {
    return invalid(origin, "message imprint differs from the request");
  }
  if (token->nonce != request.nonce)
    return invalid(origin, "nonce differs from the request");
  if (!request.policy_oid.empty() && token->policy_oid != request.policy_oid) {
    return invalid(origin, "policy " + token->policy_oid + " instead of " + request.policy_oid);
  }
  if (!token->tsa_certificate)
    return invalid(origin, "token carries no TSA certificate");
  if (std::string usage = check_tsa_certificate_usage(*token->tsa_certificate); !usage.empty()) {
    return invalid(origin, usage);
  }
  return token;
}

}  // namespace einvoice::signing
