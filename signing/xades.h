#pragma once

// XAdES baseline B-B / B-T (ETSI EN 319 132-1) enveloped in a UBL 2.1
// invoice, where UBL and CEN TS 16931-3-2 put it:
// ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent/
//   sig:UBLDocumentSignatures/sac:SignatureInformation/ds:Signature.
// Exclusive C14N, SHA-256, a reference URI "" with the enveloped-signature
// transform and one to the SignedProperties (SigningTime,
// SigningCertificateV2); B-T adds a SignatureTimeStamp over the C14N of
// ds:SignatureValue.

#include <string>
#include <string_view>
#include <vector>

#include "model/result.h"
#include "signing/cades.h"
#include "signing/verification.h"

namespace einvoice::signing {

struct XadesOptions {
  CadesLevel level = CadesLevel::kBaselineB;  // B-B or B-T
  std::chrono::sys_seconds signing_time;
  // REQUIRES for kBaselineT: not null. Borrowed for the call only.
  TimestampAuthority* timestamp_authority = nullptr;
};

// Returns `ubl` with the signature added (re-serialized by libxml2; its
// canonical form is what is signed). Errors: kMalformed (not well-formed
// XML), signer/TSA errors passed through. Network and external entities are
// never loaded. Thread-safe if the signer and the authority are.
model::Result<std::string> seal_ubl_xades(const Signer& signer, std::string_view ubl,
                                          const XadesOptions& options, std::string_view origin);

// Verifies every ds:Signature of `xml`, one report each in document order.
// `xml` is parsed by formats/xml (no DTD, entities or network; limits); the
// XML-DSig core (reference digests, signature value) is checked by xmlsec1
// with only same-document references and C14N/enveloped transforms, SHA-2
// digests and RSA/ECDSA SHA-2 signature methods enabled; then the XAdES
// rules: Ids unique in the document; exactly one reference URI="" with the
// enveloped-signature transform (the whole document without this
// signature) and exactly one to the xades:SignedProperties of this
// signature's one QualifyingProperties, from which SigningTime and
// SigningCertificateV2 are read; the signer is the KeyInfo certificate the
// signed CertDigest names; SignatureTimeStamps over ds:SignatureValue
// (level T); the chain to `anchors`. A passed report lists its scope
// (SignatureReport::scope, whole_document). A seal added later changes what
// an earlier one covered, and the earlier one then fails with HASH_FAILURE.
// Problems are in the reports; errors only for XML the parser refuses
// (kMalformed, kLimitExceeded), no ds:Signature (kMalformed) or more than 16
// (kLimitExceeded). Thread-safe.
model::Result<std::vector<SignatureReport>> verify_xades(std::string_view xml,
                                                         const TrustStore& anchors,
                                                         const VerificationOptions& options,
                                                         std::string_view origin);

}  // namespace einvoice::signing
