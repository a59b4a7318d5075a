#include "signing/openssl_support.h"

#include <openssl/bn.h>
#include <openssl/err.h>

#include <ctime>

namespace einvoice::signing::detail {

std::string openssl_errors() {
  std::string text;
  unsigned long code = 0;
  char buf[256];
  while ((code = ERR_get_error()) != 0) {
    ERR_error_string_n(code, buf, sizeof buf);
    if (!text.empty())
      text += "; ";
    text += buf;
  }
  return text;
}

std::string integer_text(const ASN1_INTEGER* value) {
  BIGNUM* bn = ASN1_INTEGER_to_BN(value, nullptr);
  if (bn == nullptr)
    return {};
  char* dec = BN_bn2dec(bn);
  std::string text = dec != nullptr ? dec : "";
  OPENSSL_free(dec);
  BN_free(bn);
  return text;
}

model::Error make_error(model::ErrorCode code, std::string message, std::string_view file) {
  model::Error error;
  error.code = code;
  error.message = std::move(message);
  error.where.file = std::string(file);
  return error;
}

model::Error openssl_error(model::ErrorCode code, std::string_view what) {
  model::Error error;
  error.code = code;
  error.message = std::string(what);
  std::string details = openssl_errors();
  if (!details.empty())
    error.message += " (OpenSSL: " + details + ")";
  return error;
}

BioPtr memory_bio(std::span<const std::uint8_t> data) {
  static const unsigned char kEmpty = 0;
  const void* p = data.empty() ? &kEmpty : data.data();
  return BioPtr(BIO_new_mem_buf(p, static_cast<int>(data.size())));
}

Bytes asn1_string_bytes(const ASN1_STRING* s) {
  if (s == nullptr)
    return {};
  const unsigned char* p = ASN1_STRING_get0_data(s);
  return Bytes(p, p + ASN1_STRING_length(s));
}

const EVP_MD* evp_md(DigestAlgorithm algorithm) {
  switch (algorithm) {
    case DigestAlgorithm::kSha256:
      return EVP_sha256();
    case DigestAlgorithm::kSha384:
      return EVP_sha384();
    case DigestAlgorithm::kSha512:
      return EVP_sha512();
  }
  return EVP_sha256();
}

std::optional<DigestAlgorithm> digest_from_nid(int nid) {
  switch (nid) {
    case NID_sha256:
      return DigestAlgorithm::kSha256;
    case NID_sha384:
      return DigestAlgorithm::kSha384;
    case NID_sha512:
      return DigestAlgorithm::kSha512;
    default:
      return std::nullopt;
  }
}

std::optional<std::chrono::sys_seconds> to_sys_seconds(const ASN1_TIME* t) {
  std::tm tm{};
  if (t == nullptr || ASN1_TIME_to_tm(t, &tm) != 1)
    return std::nullopt;
  using namespace std::chrono;
  const year_month_day ymd{year{tm.tm_year + 1900}, month{static_cast<unsigned>(tm.tm_mon + 1)},
                           day{static_cast<unsigned>(tm.tm_mday)}};
  if (!ymd.ok())
    return std::nullopt;
  return sys_days{ymd} + hours{tm.tm_hour} + minutes{tm.tm_min} + seconds{tm.tm_sec};
}

Asn1TimePtr to_asn1_time(std::chrono::sys_seconds t) {
  return Asn1TimePtr(ASN1_TIME_set(nullptr, static_cast<time_t>(t.time_since_epoch().count())));
}

std::string format_utc(std::chrono::sys_seconds t) {
  Asn1TimePtr a = to_asn1_time(t);
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!a || !bio || ASN1_TIME_print_ex(bio.get(), a.get(), ASN1_DTFLGS_ISO8601) != 1)
    return "?";
  char* data = nullptr;
  long len = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(len));
}

}  // namespace einvoice::signing::detail
