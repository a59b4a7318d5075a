#include "signing/xades_xmlsec.h"

// xmlsec/xmlsec.h first: the other xmlsec headers rely on its types.
#include <xmlsec/xmlsec.h>
// clang-format off
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <openssl/x509.h>
#include <xmlsec/errors.h>
#include <xmlsec/io.h>
#include <xmlsec/keys.h>
#include <xmlsec/openssl/app.h>
#include <xmlsec/openssl/crypto.h>
#include <xmlsec/openssl/evp.h>
#include <xmlsec/transforms.h>
#include <xmlsec/xmldsig.h>
// clang-format on

#include <array>
#include <memory>
#include <mutex>
#include <string>

namespace einvoice::signing::detail {
namespace {

std::array<xmlSecTransformId, 6> c14n_methods() {
  return {xmlSecTransformInclC14NId,   xmlSecTransformInclC14NWithCommentsId,
          xmlSecTransformInclC14N11Id, xmlSecTransformInclC14N11WithCommentsId,
          xmlSecTransformExclC14NId,   xmlSecTransformExclC14NWithCommentsId};
}

std::array<xmlSecTransformId, 3> digest_methods() {
  return {xmlSecOpenSSLTransformSha256Id, xmlSecOpenSSLTransformSha384Id,
          xmlSecOpenSSLTransformSha512Id};
}

std::array<xmlSecTransformId, 6> signature_methods() {
  return {xmlSecOpenSSLTransformRsaSha256Id,   xmlSecOpenSSLTransformRsaSha384Id,
          xmlSecOpenSSLTransformRsaSha512Id,   xmlSecOpenSSLTransformEcdsaSha256Id,
          xmlSecOpenSSLTransformEcdsaSha384Id, xmlSecOpenSSLTransformEcdsaSha512Id};
}

template <std::size_t N>
bool has_href(const std::array<xmlSecTransformId, N>& ids, const std::string& uri) {
  for (xmlSecTransformId id : ids) {
    if (id->href != nullptr && uri == reinterpret_cast<const char*>(id->href))
      return true;
  }
  return false;
}

// xmlsec reports errors through one process-wide callback; each verification
// collects the messages of its own thread.
thread_local std::vector<std::string>* error_sink = nullptr;
constexpr std::size_t kMaxMessages = 6;

void collect_error(const char*, int, const char* func, const char*, const char* subject, int,
                   const char* message) {
  if (error_sink == nullptr || error_sink->size() >= kMaxMessages)
    return;
  std::string text = func ? func : "xmlsec";
  if (subject != nullptr && *subject != '\0')
    text += std::string(" (") + subject + ")";
  if (message != nullptr && *message != '\0')
    text += std::string(": ") + message;
  error_sink->push_back(std::move(text));
}

bool init_xmlsec() {
  xmlInitParser();
  if (xmlSecInit() < 0)
    return false;
  // No file, http or ftp input for references, ever: only the document.
  xmlSecIOCleanupCallbacks();
  if (xmlSecCheckVersion() != 1 || xmlSecOpenSSLAppInit(nullptr) < 0 || xmlSecOpenSSLInit() < 0)
    return false;
  // After xmlSecOpenSSLInit, which installs its own (printing) callback.
  xmlSecErrorsSetCallback(collect_error);
  return true;
}

bool xmlsec_ready() {
  static std::once_flag once;
  static bool ready = false;
  std::call_once(once, [] { ready = init_xmlsec(); });
  return ready;
}

struct DSigCtxFree {
  void operator()(xmlSecDSigCtx* c) const { xmlSecDSigCtxDestroy(c); }
};

// The public key of `certificate` as an xmlsec key, or null.
xmlSecKeyPtr key_of(const Certificate& certificate) {
  EVP_PKEY* pkey = X509_get_pubkey(certificate.native());
  if (pkey == nullptr)
    return nullptr;
  xmlSecKeyDataPtr data = xmlSecOpenSSLEvpKeyAdopt(pkey);
  if (data == nullptr) {
    EVP_PKEY_free(pkey);
    return nullptr;
  }
  xmlSecKeyPtr key = xmlSecKeyCreate();
  if (key == nullptr || xmlSecKeySetValue(key, data) < 0) {
    xmlSecKeyDataDestroy(data);
    if (key != nullptr)
      xmlSecKeyDestroy(key);
    return nullptr;
  }
  return key;
}

std::string text(const xmlChar* s) {
  return s ? reinterpret_cast<const char*>(s) : "";
}

std::string join(const std::vector<std::string>& messages) {
  std::string out;
  for (const std::string& m : messages)
    out += (out.empty() ? "" : "; ") + m;
  return out;
}

}  // namespace

bool is_accepted_c14n(const std::string& uri) {
  return has_href(c14n_methods(), uri);
}

bool is_accepted_digest(const std::string& uri) {
  return has_href(digest_methods(), uri);
}

bool is_accepted_signature_method(const std::string& uri) {
  return has_href(signature_methods(), uri);
}

CoreResult verify_xmldsig_core(xmlNode* signature, const Certificate& key_holder) {
  CoreResult result;
  if (!xmlsec_ready()) {
    result.message = "xmlsec could not be initialised";
    return result;
  }
  std::vector<std::string> messages;
  error_sink = &messages;
  struct SinkReset {
    ~SinkReset() { error_sink = nullptr; }
  } reset;

  std::unique_ptr<xmlSecDSigCtx, DSigCtxFree> ctx(xmlSecDSigCtxCreate(nullptr));
  if (!ctx) {
    result.message = "out of memory";
    return result;
  }
  ctx->flags = XMLSEC_DSIG_FLAGS_IGNORE_MANIFESTS;
  ctx->enabledReferenceUris = xmlSecTransformUriTypeEmpty | xmlSecTransformUriTypeSameDocument;
  bool enabled = xmlSecDSigCtxEnableReferenceTransform(ctx.get(), xmlSecTransformEnvelopedId) == 0;
  for (xmlSecTransformId id : c14n_methods()) {
    enabled = enabled && xmlSecDSigCtxEnableReferenceTransform(ctx.get(), id) == 0 &&
              xmlSecDSigCtxEnableSignatureTransform(ctx.get(), id) == 0;
  }
  for (xmlSecTransformId id : digest_methods())
    enabled = enabled && xmlSecDSigCtxEnableReferenceTransform(ctx.get(), id) == 0;
  for (xmlSecTransformId id : signature_methods())
    enabled = enabled && xmlSecDSigCtxEnableSignatureTransform(ctx.get(), id) == 0;
  ctx->signKey = key_of(key_holder);
  if (!enabled || ctx->signKey == nullptr) {
    result.message = "cannot set up the verification: " + join(messages);
    return result;
  }

  const int rc = xmlSecDSigCtxVerify(ctx.get(), signature);
  for (xmlSecSize i = 0; i < xmlSecPtrListGetSize(&ctx->signedInfoReferences); ++i) {
    auto* reference =
        static_cast<xmlSecDSigReferenceCtxPtr>(xmlSecPtrListGetItem(&ctx->signedInfoReferences, i));
    if (reference == nullptr)
      continue;
    result.references.push_back({text(reference->uri), text(reference->type),
                                 reference->status == xmlSecDSigStatusSucceeded});
  }
  if (rc < 0) {
    result.outcome = CoreResult::Outcome::kProcessingError;
    result.message = messages.empty() ? "xmlsec refused the signature" : join(messages);
  } else if (ctx->status == xmlSecDSigStatusSucceeded) {
    result.outcome = CoreResult::Outcome::kValid;
  } else {
    bool digests_ok = true;
    for (const CoreReference& r : result.references)
      digests_ok = digests_ok && r.digest_ok;
    result.outcome =
        digests_ok ? CoreResult::Outcome::kSignatureMismatch : CoreResult::Outcome::kDigestMismatch;
    result.message = join(messages);
  }
  return result;
}

}  // namespace einvoice::signing::detail
