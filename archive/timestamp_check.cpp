#include "archive/timestamp_check.h"

#include <openssl/err.h>
#include <openssl/pkcs7.h>
#include <openssl/ts.h>
#include <openssl/x509_vfy.h>

#include <cstring>

#include "signing/digest.h"
#include "signing/timestamp_token.h"

namespace einvoice::archive {

std::string check_timestamp(std::string_view token_der, const Hash& imprint,
                            const signing::TrustStore& anchors) {
  auto parsed = signing::TimestampToken::parse(signing::as_bytes(token_der), "token");
  if (!parsed)
    return "not an RFC 3161 timestamp token";
  if (parsed->imprint_algorithm != signing::DigestAlgorithm::kSha256)
    return "the token's imprint is not SHA-256";
  if (std::string(parsed->imprint.begin(), parsed->imprint.end()) != imprint)
    return "the token timestamps another value (imprint differs from the root)";
  const auto* p = reinterpret_cast<const unsigned char*>(token_der.data());
  PKCS7* token = d2i_PKCS7(nullptr, &p, static_cast<long>(token_der.size()));
  if (!token)
    return "not a CMS timestamp token";
  TS_VERIFY_CTX* context = TS_VERIFY_CTX_new();
  std::string problem;
  if (!context) {
    problem = "out of memory";
  } else {
    X509_STORE_up_ref(anchors.native());
    TS_VERIFY_CTX_set_store(context, anchors.native());
    auto* copy = static_cast<unsigned char*>(OPENSSL_malloc(imprint.size()));
    std::memcpy(copy, imprint.data(), imprint.size());
    TS_VERIFY_CTX_set_imprint(context, copy, static_cast<long>(imprint.size()));
    TS_VERIFY_CTX_set_flags(context, TS_VFY_VERSION | TS_VFY_SIGNATURE | TS_VFY_IMPRINT);
    ERR_clear_error();
    if (TS_RESP_verify_token(context, token) != 1) {
      char text[256] = "";
      ERR_error_string_n(ERR_get_error(), text, sizeof text);
      problem =
          std::string("the token's signature or TSA certificate does not verify (") + text + ")";
    }
    TS_VERIFY_CTX_free(context);
  }
  PKCS7_free(token);
  ERR_clear_error();
  return problem;
}

}  // namespace einvoice::archive
