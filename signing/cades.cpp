#include "signing/cades.h"

#include <algorithm>
#include <cstring>

#include "signing/openssl_support.h"

namespace einvoice::signing {
namespace {

using model::Error;
using model::ErrorCode;

// DER of the signed attributes as signed (RFC 5652 5.4): a SET OF Attribute
// with explicit SET tag, elements in DER order (sorted encodings), which is
// also the order OpenSSL uses when it encodes the [0] IMPLICIT SET.
Bytes signed_attributes_der(CMS_SignerInfo* si) {
  std::vector<Bytes> encoded;
  for (int i = 0; i < CMS_signed_get_attr_count(si); ++i) {
    encoded.push_back(detail::to_der(i2d_X509_ATTRIBUTE, CMS_signed_get_attr(si, i)));
    if (encoded.back().empty())
      return {};
  }
  std::sort(encoded.begin(), encoded.end(), [](const Bytes& a, const Bytes& b) {
    const std::size_t n = std::min(a.size(), b.size());
    const int cmp = n == 0 ? 0 : std::memcmp(a.data(), b.data(), n);
    return cmp != 0 ? cmp < 0 : a.size() < b.size();
  });
  std::size_t length = 0;
  for (const Bytes& e : encoded)
    length += e.size();
  Bytes der{0x31};
  if (length < 0x80) {
    der.push_back(static_cast<std::uint8_t>(length));
  } else {
    Bytes len_bytes;
    for (std::size_t l = length; l != 0; l >>= 8) {
      len_bytes.insert(len_bytes.begin(), static_cast<std::uint8_t>(l & 0xff));
    }
    der.push_back(static_cast<std::uint8_t>(0x80 | len_bytes.size()));
    der.insert(der.end(), len_bytes.begin(), len_bytes.end());
  }
  for (const Bytes& e : encoded)
    der.insert(der.end(), e.begin(), e.end());
  return der;
}

model::Status add_timestamp(CMS_SignerInfo* si, TimestampAuthority& authority) {
  const Bytes signature = detail::asn1_string_bytes(CMS_SignerInfo_get0_signature(si));
  auto token = request_timestamp(authority, signature);
  if (!token)
    return token.error();
  if (CMS_unsigned_add1_attr_by_NID(si, NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE,
                                    token->der.data(), static_cast<int>(token->der.size())) != 1) {
    return detail::openssl_error(ErrorCode::kInternal, "cannot add the signature-time-stamp");
  }
  return model::Status::Ok();
}

model::Result<detail::CmsPtr> parse_cms(std::span<const std::uint8_t> p7s,
                                        std::string_view origin) {
  const unsigned char* p = p7s.data();
  detail::CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(p7s.size())));
  if (!cms || OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed) {
    return detail::openssl_error(ErrorCode::kMalformed,
                                 std::string(origin) + ": not a DER CMS SignedData");
  }
  return cms;
}

}  // namespace

const char* to_string(CadesLevel level) {
  return level == CadesLevel::kBaselineT ? "CAdES-BASELINE-T" : "CAdES-BASELINE-B";
}

model::Result<Bytes> seal_detached_cades(const Signer& signer, std::span<const std::uint8_t> data,
                                         const CadesOptions& options) {
  if (options.level == CadesLevel::kBaselineT && options.timestamp_authority == nullptr) {
    return detail::make_error(ErrorCode::kInvalidArgument, "CAdES B-T needs a timestamp authority");
  }
  const std::string who = signer.certificate().subject();
  X509* cert = signer.certificate().native();
  // The public key stands in for the private one: it selects the signature
  // algorithm identifier; the signature itself comes from Signer::sign.
  EVP_PKEY* public_key = X509_get0_pubkey(cert);
  detail::CmsPtr cms(
      CMS_sign(nullptr, nullptr, nullptr, nullptr, CMS_PARTIAL | CMS_DETACHED | CMS_BINARY));
  if (!cms || public_key == nullptr) {
    return detail::openssl_error(ErrorCode::kInternal, "cannot start a CMS SignedData for " + who);
  }
  CMS_SignerInfo* si = CMS_add1_signer(cms.get(), cert, public_key, detail::evp_md(options.digest),
                                       CMS_PARTIAL | CMS_CADES | CMS_NOSMIMECAP | CMS_BINARY);
  if (si == nullptr) {
    return detail::openssl_error(ErrorCode::kInternal, "cannot add the signer " + who);
  }
  if (options.include_chain) {
    for (const Certificate& c : signer.chain()) {
      if (X509_cmp(c.native(), cert) != 0 && CMS_add1_cert(cms.get(), c.native()) != 1) {
        return detail::openssl_error(ErrorCode::kInternal, "cannot add certificate " + c.subject());
      }
    }
  }
  const Bytes message_digest = digest(options.digest, data);
  detail::Asn1TimePtr signing_time = detail::to_asn1_time(options.signing_time);
  if (!signing_time ||
      CMS_signed_add1_attr_by_NID(si, NID_pkcs9_contentType, V_ASN1_OBJECT,
                                  OBJ_nid2obj(NID_pkcs7_data), -1) != 1 ||
      (options.signing_time_attribute &&
       CMS_signed_add1_attr_by_NID(si, NID_pkcs9_signingTime, signing_time->type,
                                   signing_time.get(), -1) != 1) ||
      CMS_signed_add1_attr_by_NID(si, NID_pkcs9_messageDigest, V_ASN1_OCTET_STRING,
                                  message_digest.data(),
                                  static_cast<int>(message_digest.size())) != 1) {
    return detail::openssl_error(ErrorCode::kInternal, "cannot add the signed attributes");
  }
  const Bytes to_be_signed = signed_attributes_der(si);
  if (to_be_signed.empty()) {
    return detail::openssl_error(ErrorCode::kInternal, "cannot encode the signed attributes");
  }
  auto signature = signer.sign(options.digest, to_be_signed);
  if (!signature)
    return signature.error();
  if (ASN1_STRING_set(CMS_SignerInfo_get0_signature(si), signature->data(),
                      static_cast<int>(signature->size())) != 1) {
    return detail::openssl_error(ErrorCode::kInternal, "cannot store the signature value");
  }
  if (options.level == CadesLevel::kBaselineT) {
    if (model::Status st = add_timestamp(si, *options.timestamp_authority); !st)
      return st.error();
  }
  Bytes der = detail::to_der(i2d_CMS_ContentInfo, cms.get());
  if (der.empty())
    return detail::openssl_error(ErrorCode::kInternal, "cannot encode the CMS");
  return der;
}

model::Result<Bytes> add_signature_timestamps(std::span<const std::uint8_t> p7s,
                                              TimestampAuthority& authority,
                                              std::string_view origin) {
  auto cms = parse_cms(p7s, origin);
  if (!cms)
    return cms.error();
  STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms->get());
  for (int i = 0; infos != nullptr && i < sk_CMS_SignerInfo_num(infos); ++i) {
    CMS_SignerInfo* si = sk_CMS_SignerInfo_value(infos, i);
    if (CMS_unsigned_get_attr_by_NID(si, NID_id_smime_aa_timeStampToken, -1) >= 0)
      continue;
    if (model::Status st = add_timestamp(si, authority); !st)
      return st.error();
  }
  Bytes der = detail::to_der(i2d_CMS_ContentInfo, cms->get());
  if (der.empty())
    return detail::openssl_error(ErrorCode::kInternal, "cannot encode the CMS");
  return der;
}

model::Result<std::vector<Bytes>> signature_timestamp_tokens(std::span<const std::uint8_t> p7s,
                                                             std::string_view origin) {
  auto cms = parse_cms(p7s, origin);
  if (!cms)
    return cms.error();
  STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms->get());
  if (infos == nullptr || sk_CMS_SignerInfo_num(infos) < 1) {
    return detail::make_error(ErrorCode::kMalformed, std::string(origin) + ": no SignerInfo",
                              std::string(origin));
  }
  CMS_SignerInfo* si = sk_CMS_SignerInfo_value(infos, 0);
  std::vector<Bytes> tokens;
  for (int at = -1;
       (at = CMS_unsigned_get_attr_by_NID(si, NID_id_smime_aa_timeStampToken, at)) >= 0;) {
    X509_ATTRIBUTE* attr = CMS_unsigned_get_attr(si, at);
    for (int v = 0; v < X509_ATTRIBUTE_count(attr); ++v) {
      ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(attr, v);
      if (value != nullptr && value->type == V_ASN1_SEQUENCE) {
        tokens.push_back(detail::asn1_string_bytes(value->value.sequence));
      }
    }
  }
  return tokens;
}

}  // namespace einvoice::signing
