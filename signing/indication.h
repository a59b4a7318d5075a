#pragma once

// The verdict vocabulary shared by every seal format (CAdES, PAdES, XAdES)
// and by timestamps: ETSI EN 319 102-1 indications and sub-indications, the
// words DSS and auditors use.

namespace einvoice::signing {

// ETSI EN 319 102-1 main indications, as printed in validation reports.
enum class Indication { kTotalPassed, kTotalFailed, kIndeterminate };

// ETSI EN 319 102-1 sub-indications this verifier can give.
enum class SubIndication {
  kNone,
  kFormatFailure,            // not a CAdES signature (missing mandatory signed attribute...)
  kHashFailure,              // the data do not match the message-digest / imprint
  kSigCryptoFailure,         // the signature value does not verify with the signer's key
  kSigConstraintsFailure,    // signature-level constraints not met (e.g. a bad signature timestamp)
  kChainConstraintsFailure,  // the signer certificate may not seal (key usage)
  kCertificateChainGeneralFailure,  // a certificate of the chain has a bad signature
  kNotYetValid,                     // signing certificate not yet valid at the signing time
  kNoSigningCertificateFound,  // signer certificate absent or not the one signing-certificate-v2
                               // names
  kNoCertificateChainFound,    // no chain from the signer to a trust anchor
  kOutOfBoundsNoPoe,    // a certificate is expired at the time used, no proof of existence before
  kSignedDataNotFound,  // detached signature and no data given
  kRevoked,             // TOTAL_FAILED: the signer certificate was revoked before the proof of
                        // existence of the signature (its signature-time-stamp)
  kRevokedNoPoe,        // INDETERMINATE: the signer certificate is revoked and nothing proves
                        // the signature existed before the revocation
  // Not an EN 319 102-1 value: TOTAL_FAILED because a later incremental
  // update of the PDF changes the document beyond what PAdES allows after a
  // signature (DSS, VRI, document timestamps, signature fields), e.g. an
  // embedded file, a page or the catalog (docs/sealing.md).
  kForbiddenModificationAfterSigning,
};

const char* to_string(Indication indication);         // "TOTAL_PASSED", ...
const char* to_string(SubIndication sub_indication);  // "HASH_FAILURE", ... ("" for kNone)

}  // namespace einvoice::signing
