#pragma once

// Private to einvoice_xades: the XML-DSig core (W3C XML Signature 1.1,
// "core validation": reference digests and the signature value) run by
// xmlsec1 on a document parsed by formats/xml.
//
// xmlsec is initialised once per process (thread-safe), with every I/O
// callback removed (no file, http or ftp access); its initialisation also
// installs, process-wide, libxml2's external entity loader that refuses any
// entity but the main document. Each verification enables only:
//   reference URIs: "" and same-document "#id";
//   transforms: enveloped-signature, C14N 1.0 / 1.1 and exclusive C14N (with
//     or without comments);
//   digests: SHA-256, SHA-384, SHA-512;
//   signature methods: RSA PKCS#1 v1.5 and ECDSA with SHA-256/384/512.
// SHA-1, MD5, HMAC, XPath, XSLT, RSA-PSS (not in xmlsec 1.2.37) and anything
// else are refused. KeyInfo is never read by xmlsec: the caller gives the key.

#include <string>
#include <vector>

#include "signing/certificate.h"

struct _xmlNode;

namespace einvoice::signing::detail {

// The algorithm URIs accepted (see above). Used by the XAdES checks to name
// what they refuse before xmlsec runs.
bool is_accepted_c14n(const std::string& uri);
bool is_accepted_digest(const std::string& uri);
bool is_accepted_signature_method(const std::string& uri);
inline constexpr const char* kEnvelopedSignature =
    "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

struct CoreReference {
  std::string uri;
  std::string type;
  bool digest_ok = false;
};

struct CoreResult {
  enum class Outcome {
    kValid,              // every reference digest and the signature value verify
    kDigestMismatch,     // a reference's digest differs
    kSignatureMismatch,  // the digests match, the signature value does not
    kProcessingError,    // refused or unprocessable (see `message`)
  };
  Outcome outcome = Outcome::kProcessingError;
  // The SignedInfo references processed, in order (processing stops at the
  // first digest mismatch).
  std::vector<CoreReference> references;
  std::string message;  // xmlsec's reasons when not kValid
};

// Core validation of `signature` (a ds:Signature element of a document whose
// "Id" attributes are already registered as IDs) with the public key of
// `key_holder`. Thread-safe; the document is read, and its ID table used,
// by this thread only during the call.
CoreResult verify_xmldsig_core(_xmlNode* signature, const Certificate& key_holder);

}  // namespace einvoice::signing::detail
