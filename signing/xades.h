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

// Verifies every ds:Signature of `xml`, one report each in document order:
// the reference digests (a same-document "#id" reference resolves inside
// its own signature first, so several seals with their own SignedProperties
// coexist), the signature value with the KeyInfo certificate,
// SigningCertificateV2, the SignatureTimeStamp (level T), and the chain to
// `anchors`. The reference URI "" covers the document without the signature
// itself only: a seal added later changes what an earlier one covered, and
// the earlier one then fails with HASH_FAILURE. Problems are in the reports;
// errors only for XML that is not well-formed or has no ds:Signature
// (kMalformed). Thread-safe.
model::Result<std::vector<SignatureReport>> verify_xades(std::string_view xml,
                                                         const TrustStore& anchors,
                                                         const VerificationOptions& options,
                                                         std::string_view origin);

}  // namespace einvoice::signing
