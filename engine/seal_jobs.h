#pragma once

// Sealing and seal verification jobs: a PDF gets a PAdES seal (incremental
// update), a UBL invoice an enveloped XAdES, any other file a detached CAdES
// (.p7s); verification reports one verdict per signature. Composes the signing module; knows
// nothing of the command line.

#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/result.h"
#include "signing/cades.h"
#include "signing/key_material.h"
#include "signing/pades.h"
#include "signing/revocation.h"
#include "signing/timestamp_authority.h"
#include "signing/trust_store.h"

namespace einvoice::engine {

// kXades: enveloped XAdES in a UBL invoice (its UBLExtension slot).
enum class SealFormat { kAuto, kPades, kCades, kXades };

struct SealJobOptions {
  SealFormat format = SealFormat::kAuto;  // kAuto: default_format()
  signing::CadesLevel level = signing::CadesLevel::kBaselineB;
  std::chrono::sys_seconds signing_time;
  // REQUIRES for kBaselineT: not null. Borrowed for the call.
  signing::TimestampAuthority* timestamp_authority = nullptr;
  // PAdES only: B-LT (DSS) or B-LTA (DSS and document timestamp) after a B-T
  // seal; REQUIRES level kBaselineT and non-empty `revocation`.
  signing::PadesLongTerm long_term = signing::PadesLongTerm::kNone;
  // The CRLs and OCSP responses (DER) put in the DSS.
  signing::RevocationData revocation;
};

struct SealOutcome {
  SealFormat format = SealFormat::kCades;  // what was produced
  std::string bytes;  // the sealed PDF (PAdES), the signed UBL (XAdES) or the DER .p7s (CAdES)
};

// True when `bytes` start like a PDF ("%PDF-" in the first 1024 bytes).
bool looks_like_pdf(std::string_view bytes);

// What kAuto produces: PAdES for a PDF, enveloped XAdES for a well-formed UBL
// Invoice or CreditNote, else a detached CAdES. `name` is for messages only.
SealFormat default_format(std::string_view bytes, std::string_view name);

// Seals `input` (named `name` in errors). Errors from the signing module are
// passed through; kInvalidArgument for PAdES on a non-PDF and for B-LT/B-LTA
// in another format than PAdES. Thread-safe if the
// signer and the authority are.
model::Result<SealOutcome> seal_document(const signing::Signer& signer, std::string_view input,
                                         std::string_view name, const SealJobOptions& options);

// One signature's verdict, format-independent.
struct SealVerdict {
  std::string format;  // "PAdES" or "CAdES"
  std::string indication;
  std::string sub_indication;  // empty when none
  std::string level;           // "PAdES-BASELINE-LTA", "CAdES-BASELINE-B", "NONE"...
  std::optional<std::chrono::sys_seconds> signing_time;
  std::string signer;
  std::optional<std::string> siren;
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
  // What the signature covers (SignatureReport::scope, XAdES); nullopt when
  // the format does not report it or the signature failed before.
  std::optional<bool> whole_document;
  std::vector<std::string> scope;
  bool passed = false;
  // PAdES only: the signed revision (1-based) of `revisions`, the byte range
  // and whether it covers that whole revision but /Contents, and every
  // object the later revisions add, change or remove.
  std::optional<std::size_t> revision;
  std::size_t revisions = 0;
  std::optional<std::array<std::uint64_t, 4>> byte_range;
  bool covers_whole_revision = false;
  std::vector<signing::PdfObjectChange> later_changes;
};

// Verifies the seals of `input`: with `detached` (a .p7s), the CAdES over
// `input`; else the PAdES signatures of a PDF, the XAdES of an XML document
// holding a ds:Signature, or `input` as a CAdES with embedded content. Errors: the file holds no
// seal or is not one (kMalformed).
model::Result<std::vector<SealVerdict>> verify_document(std::string_view input,
                                                        std::optional<std::string_view> detached,
                                                        std::string_view name,
                                                        const signing::TrustStore& anchors,
                                                        std::chrono::sys_seconds validation_time);

// The verdicts as JSON: {"file": ..., "signatures": [{...}]}, a PAdES
// signature with "revision", "revisions", "scope" {"byte_range",
// "covers_whole_revision"} and "later_changes" [{"object", "generation",
// "change", "kind", "allowed"}]. Deterministic.
std::string verdicts_json(std::string_view name, const std::vector<SealVerdict>& verdicts);
// One "key: value" block per signature.
std::string verdicts_text(std::string_view name, const std::vector<SealVerdict>& verdicts);

// For a signed PDF, which revision a reader (and `facturx extract`/`check`)
// reads and whether it is the signed one, e.g. "reads revision 3 of 3; the
// signed revision is 2: later revisions change 2 object(s) in a way a
// signature does not allow (8 0 obj changed (/Type /Filespec: /EF), ...)";
// nullopt for a PDF without signature. Thread-safe.
std::optional<std::string> signed_revision_note(std::string_view pdf, std::string_view name);

}  // namespace einvoice::engine
