#include "archive/timestamp_check.h"

#include <openssl/err.h>
#include <openssl/pkcs7.h>
#include <openssl/ts.h>
#include <openssl/x509_vfy.h>

#include <cstring>
#include <ctime>
#include <optional>
#include <vector>

#include "env/clock.h"
#include "signing/digest.h"
#include "signing/timestamp_token.h"

namespace einvoice::archive {
namespace {

// A store of its own holding `anchors`, whose verification time is `at`:
// TS_RESP_verify_token checks the TSA chain with the store's parameters,
// and the TrustStore's store is shared, so it is never changed. When the
// TSA certificate is itself an anchor (a test TSA's self-signed one, or one
// the export carries when no other anchors are given), it is the only one: OpenSSL picks among
// anchors of the same name without an authority key identifier by validity time alone, and renewal
// puts a new certificate of the same name beside the old one. Null when out of memory.
X509_STORE* store_at(const signing::TrustStore& anchors,
                     const std::optional<signing::Certificate>& tsa, std::chrono::sys_seconds at) {
  X509_STORE* store = X509_STORE_new();
  if (!store)
    return nullptr;
  const bool direct = tsa && anchors.contains(*tsa);
  for (const auto& anchor : direct ? std::vector<signing::Certificate>{*tsa} : anchors.anchors()) {
    if (X509_STORE_add_cert(store, anchor.native()) != 1) {
      X509_STORE_free(store);
      return nullptr;
    }
  }
  X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(store),
                             static_cast<time_t>(at.time_since_epoch().count()));
  // A TSA certificate trusted as such is an anchor whether or not it is
  // self-signed (one issued by a CA the anchors do not hold as well).
  if (direct)
    X509_VERIFY_PARAM_set_flags(X509_STORE_get0_param(store), X509_V_FLAG_PARTIAL_CHAIN);
  return store;
}

}  // namespace

std::string check_timestamp_at(std::string_view token_der, const Hash& imprint,
                               const signing::TrustStore& anchors, std::chrono::sys_seconds at) {
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
  X509_STORE* store = context ? store_at(anchors, parsed->tsa_certificate, at) : nullptr;
  std::string problem;
  if (!context || !store) {
    problem = "out of memory";
  } else {
    TS_VERIFY_CTX_set_store(context, store);  // owned by the context from here
    store = nullptr;
    auto* copy = static_cast<unsigned char*>(OPENSSL_malloc(imprint.size()));
    std::memcpy(copy, imprint.data(), imprint.size());
    TS_VERIFY_CTX_set_imprint(context, copy, static_cast<long>(imprint.size()));
    TS_VERIFY_CTX_set_flags(context, TS_VFY_VERSION | TS_VFY_SIGNATURE | TS_VFY_IMPRINT);
    ERR_clear_error();
    if (TS_RESP_verify_token(context, token) != 1) {
      char text[256] = "";
      ERR_error_string_n(ERR_get_error(), text, sizeof text);
      problem = std::string("the token's signature or TSA certificate does not verify at ") +
                env::utc_timestamp(at) + " (" + text + ")";
    }
  }
  X509_STORE_free(store);
  TS_VERIFY_CTX_free(context);
  PKCS7_free(token);
  ERR_clear_error();
  return problem;
}

std::string check_timestamp(std::string_view token_der, const Hash& imprint,
                            const signing::TrustStore& anchors) {
  return check_timestamp_at(
      token_der, imprint, anchors,
      std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

}  // namespace einvoice::archive
