#pragma once

// PAdES baseline seals (ETSI EN 319 142-1) of any PDF, Factur-X included: the
// seal is added by an incremental update, so the original bytes stay an exact
// prefix of the result (PDF/A-3 conformance and the embedded invoice XML are
// untouched).

#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/result.h"
#include "signing/cades.h"
#include "signing/verification.h"

namespace einvoice::signing {

struct PadesOptions {
  // kBaselineB or kBaselineT (signature-time-stamp inside the CMS).
  CadesLevel level = CadesLevel::kBaselineB;
  DigestAlgorithm digest = DigestAlgorithm::kSha256;
  // Written to the signature dictionary (/M) and the CMS signing-time.
  std::chrono::sys_seconds signing_time;
  // REQUIRES for kBaselineT: not null. Borrowed for the call only.
  TimestampAuthority* timestamp_authority = nullptr;
  // Bytes reserved for the CMS in /Contents; 0 = estimated from the chain.
  std::size_t contents_capacity = 0;
};

// Appends to `pdf` an incremental update with a signature dictionary (/Type
// /Sig, /Filter /Adobe.PPKLite, /SubFilter /ETSI.CAdES.detached, /ByteRange,
// /Contents, /M), an invisible signature field (widget, zero /Rect, print
// flag) on the first page and in the AcroForm (/SigFlags 3), then fills
// /Contents with a detached CAdES over the byte range.
// Errors: kMalformed (not a PDF PoDoFo can read, no startxref), kUnsupported
// (encrypted PDF), signer/TSA errors passed through, kInternal when the CMS
// does not fit contents_capacity. `origin` names the file in errors.
// Thread-safe if `signer` and the authority are.
model::Result<std::string> seal_pades(const Signer& signer, std::string_view pdf,
                                      const PadesOptions& options, std::string_view origin);

// PAdES B-LTA building block: appends a second incremental update with a
// document timestamp (/Type /DocTimeStamp, /SubFilter /ETSI.RFC3161) whose
// RFC 3161 token covers the whole file but its /Contents. No DSS (B-LT
// validation material) is added. Errors: as seal_pades, TSA errors passed
// through.
model::Result<std::string> add_document_timestamp(std::string_view pdf,
                                                  TimestampAuthority& authority,
                                                  std::string_view origin);

// One signature dictionary of a PDF and its verdict.
struct PadesSignatureReport {
  SignatureReport cades;   // the CMS verified over the byte range
  std::string sub_filter;  // "ETSI.CAdES.detached", "adbe.pkcs7.detached", ...
  std::array<std::uint64_t, 4> byte_range{};
  // The byte range covers the whole revision except /Contents.
  bool covers_revision = false;
  // Bytes follow the signed revision (a later incremental update).
  bool modified_after_signing = false;
  // A document timestamp (/SubFilter /ETSI.RFC3161): `cades` then holds the
  // token's verdict (timestamps[0]) and best_signature_time its genTime.
  bool document_timestamp = false;
  // "PAdES-BASELINE-B", "PAdES-BASELINE-T", "PAdES-DOCUMENT-TIMESTAMP" or "NONE"
  std::string level() const;
};

// Finds every signature dictionary (/ByteRange) of `pdf`, checks that its
// byte range starts at 0 and skips exactly the /Contents hex string, and
// verifies the CMS over the ranges with verify_detached_cades. A byte range
// that does not reach the end of the file is reported (modified_after_signing,
// a warning). A broken byte range gives TOTAL_FAILED / FORMAT_FAILURE.
// Errors: kMalformed when `pdf` has no signature at all. Thread-safe.
model::Result<std::vector<PadesSignatureReport>> verify_pades(std::string_view pdf,
                                                              const TrustStore& anchors,
                                                              const VerificationOptions& options,
                                                              std::string_view origin);

}  // namespace einvoice::signing
