#pragma once

// PAdES baseline seals (ETSI EN 319 142-1) of any PDF, Factur-X included: the
// seal is added by an incremental update, so the original bytes stay an exact
// prefix of the result (PDF/A-3 conformance and the embedded invoice XML are
// untouched).

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/result.h"
#include "signing/cades.h"
#include "signing/revocation.h"
#include "signing/verification.h"

namespace einvoice::signing {

// What follows a B-T seal: nothing, a DSS (B-LT), or a DSS and a document
// timestamp (B-LTA).
enum class PadesLongTerm { kNone, kLT, kLTA };

struct PadesOptions {
  // kBaselineB or kBaselineT (signature-time-stamp inside the CMS).
  CadesLevel level = CadesLevel::kBaselineB;
  DigestAlgorithm digest = DigestAlgorithm::kSha256;
  // Written to the signature dictionary (/M) only: the PAdES baseline CMS has
  // no signing-time attribute (EN 319 142-1).
  std::chrono::sys_seconds signing_time;
  // kLT / kLTA REQUIRE level kBaselineT and non-empty `revocation`: after the
  // seal, add_dss with the signer certificate, its chain and `revocation`;
  // kLTA then add_document_timestamp with the same authority.
  PadesLongTerm long_term = PadesLongTerm::kNone;
  RevocationData revocation;
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
// With options.long_term, the DSS update and the document timestamp follow.
// Errors: kMalformed (not a PDF PoDoFo can read, no startxref), kUnsupported
// (encrypted PDF), kInvalidArgument (B-T without authority, B-LT without
// revocation data), signer/TSA errors passed through, kInternal when the CMS
// does not fit contents_capacity. `origin` names the file in errors.
// Thread-safe if `signer` and the authority are.
model::Result<std::string> seal_pades(const Signer& signer, std::string_view pdf,
                                      const PadesOptions& options, std::string_view origin);

// PAdES B-LT building block: appends an incremental update with a Document
// Security Store (catalog /DSS: /Certs, /CRLs, /OCSPs arrays of streams
// holding the DER certificates, CRLs and OCSP responses; no /VRI). An
// existing DSS is kept and extended (its arrays and /VRI are carried over).
// Errors: as seal_pades.
model::Result<std::string> add_dss(std::string_view pdf,
                                   const std::vector<Certificate>& certificates,
                                   const RevocationData& revocation, std::string_view origin);

// The DSS of the latest revision of `pdf`: its certificates, CRLs and OCSP
// responses (streams decoded), and the offset of the DSS dictionary object
// (what a later document timestamp must cover). nullopt when there is none.
// Unreadable entries are skipped and named in `problems`.
struct DocumentSecurityStore {
  ValidationMaterial material;
  std::size_t offset = 0;
  std::vector<std::string> problems;
};
model::Result<std::optional<DocumentSecurityStore>> read_dss(std::string_view pdf,
                                                             std::string_view origin);

// PAdES B-LTA building block: appends an incremental update with a
// document timestamp (/Type /DocTimeStamp, /SubFilter /ETSI.RFC3161) whose
// RFC 3161 token covers the whole file but its /Contents (the DSS included
// when one precedes it). Errors: as seal_pades, TSA errors passed through.
model::Result<std::string> add_document_timestamp(std::string_view pdf,
                                                  TimestampAuthority& authority,
                                                  std::string_view origin);

// An object that the revisions after a signed one add, change or remove
// (number 0: the trailer's /Root, /Info or /Encrypt).
struct PdfObjectChange {
  std::uint32_t number = 0;
  std::uint16_t generation = 0;
  // "added", "changed", "removed", or "unreferenced" (an object written in a
  // later revision that the final cross-reference does not use).
  std::string change;
  // What the object is and, for a change, which keys differ: "/Type
  // /EmbeddedFile stream", "/Type /Catalog: /Names", "DSS certificate"...
  std::string what;
  // One of the changes PAdES allows after a signature (docs/sealing.md).
  bool allowed = false;
  // "12 0 obj changed (/Type /Catalog: /Names): forbidden"
  std::string describe() const;
};

// One signature dictionary of a PDF and its verdict.
struct PadesSignatureReport {
  SignatureReport cades;   // the CMS verified over the byte range
  std::string sub_filter;  // "ETSI.CAdES.detached", "adbe.pkcs7.detached", ...
  std::array<std::uint64_t, 4> byte_range{};
  // The byte range covers the whole revision except /Contents: it starts at
  // 0, skips exactly the /Contents string and ends at a revision's %%EOF.
  bool covers_revision = false;
  // The signed revision (1-based, in file order) and the file's revision
  // count; 0 when the byte range does not end at a revision.
  std::size_t revision = 0;
  std::size_t revision_count = 0;
  // Bytes follow the signed revision (a later incremental update).
  bool modified_after_signing = false;
  // What the later revisions change; any change not allowed makes the
  // verdict TOTAL_FAILED / FORBIDDEN_MODIFICATION_AFTER_SIGNING.
  std::vector<PdfObjectChange> later_changes;
  // A document timestamp (/SubFilter /ETSI.RFC3161): `cades` then holds the
  // token's verdict (timestamps[0]) and best_signature_time its genTime.
  bool document_timestamp = false;
  // A document timestamp that passed and covers the DSS revision.
  bool covers_dss = false;
  // "PAdES-BASELINE-B", "-T", "-LT", "-LTA", "PAdES-DOCUMENT-TIMESTAMP" or "NONE"
  std::string level() const;
};

// Finds every signature dictionary (/ByteRange) of `pdf`, checks that its
// byte range starts at 0, skips exactly the /Contents hex string and ends at
// the end of a revision (its "%%EOF"), and verifies the CMS over the ranges
// with verify_detached_cades (the /M date standing for the signing-time
// attribute), and every document timestamp's token over its ranges. A broken
// byte range, or one that stops short of its revision's end, gives
// TOTAL_FAILED / FORMAT_FAILURE (covers_revision false).
// When revisions follow the signed one, the signed state (the file's prefix
// up to the signed revision) is compared with the final state object by
// object (later_changes): only a DSS, /VRI, document timestamps and invisible
// signature fields, a signature field's appearance, and the catalog, AcroForm
// and page entries that carry them keep the verdict; any other change, or a
// later state that cannot be read, gives TOTAL_FAILED /
// FORBIDDEN_MODIFICATION_AFTER_SIGNING (resp. FORMAT_FAILURE) naming the
// changed objects. Work is bounded (pdf_revisions.h: revisions, objects,
// signatures).
// The DSS of the latest revision, when present, is the validation material
// (VerificationOptions::material): its certificates and revocation data
// decide the signer's revocation status (REVOKED / REVOKED_NO_POE). Levels:
// LT when the signature reaches T, the DSS holds the signer certificate and
// its issuer, and its CRLs/OCSP responses cover the signer; LTA when, in
// addition, a later document timestamp that passed covers the DSS object.
// Errors: kMalformed when `pdf` has no signature at all. Thread-safe.
model::Result<std::vector<PadesSignatureReport>> verify_pades(std::string_view pdf,
                                                              const TrustStore& anchors,
                                                              const VerificationOptions& options,
                                                              std::string_view origin);

// The revisions of a PDF as a reader sees them (the latest) against its
// signatures, without verifying any CMS: for `facturx extract` and `check`.
struct PadesRevisionSummary {
  std::size_t revisions = 0;        // a reader shows the last one
  std::size_t signatures = 0;       // /ByteRange dictionaries found
  std::size_t signed_revision = 0;  // the latest revision a byte range ends at; 0 none
  // What the revisions after signed_revision change (see verify_pades).
  std::vector<PdfObjectChange> changes;
  std::string problem;  // why the changes could not be computed; empty when they were
  bool reads_signed_revision() const {
    return signed_revision != 0 && signed_revision == revisions;
  }
};
// Bounded as verify_pades. Never fails: problems are in the summary.
PadesRevisionSummary summarize_revisions(std::string_view pdf, std::string_view origin);

}  // namespace einvoice::signing
