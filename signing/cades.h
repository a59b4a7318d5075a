#pragma once

#include <chrono>
#include <span>
#include <string_view>
#include <vector>

#include "model/result.h"
#include "signing/digest.h"
#include "signing/key_material.h"
#include "signing/timestamp_authority.h"

namespace einvoice::signing {

// CAdES baseline levels (ETSI EN 319 122-1) this module produces.
enum class CadesLevel {
  kBaselineB,  // signed attributes: content-type, message-digest, signing-time,
               // signing-certificate-v2 (RFC 5035)
  kBaselineT,  // B-B + signature-time-stamp (id-aa-signatureTimeStampToken)
};

const char* to_string(CadesLevel level);  // "CAdES-BASELINE-B", "CAdES-BASELINE-T"

struct CadesOptions {
  CadesLevel level = CadesLevel::kBaselineB;
  DigestAlgorithm digest = DigestAlgorithm::kSha256;
  // The claimed signing time (signing-time attribute); the caller's clock, so
  // output is deterministic for a given key (ECDSA aside).
  std::chrono::sys_seconds signing_time;
  // REQUIRES for kBaselineT: not null. Borrowed for the call only.
  TimestampAuthority* timestamp_authority = nullptr;
  // Put the signer's chain() in SignedData.certificates (the signer
  // certificate is always there).
  bool include_chain = true;
  // Add the signing-time signed attribute. CAdES baseline wants it; PAdES
  // baseline (EN 319 142-1) forbids it, the time being the dictionary's /M.
  bool signing_time_attribute = true;
};

// Detached CAdES (DER CMS SignedData without eContent, content type id-data)
// over `data`, signed by `signer`. The signature is made by Signer::sign over
// the DER signed attributes, so any Signer (software, HSM) works.
// Errors: signer failure, TSA failure or a TSA answer that does not match
// (its error is passed through), kInvalidArgument for B-T without a TSA.
// Thread-safe if `signer` and the authority are.
model::Result<Bytes> seal_detached_cades(const Signer& signer, std::span<const std::uint8_t> data,
                                         const CadesOptions& options);

// Upgrades a CAdES B-B to B-T: adds a signature-time-stamp over the signature
// value of every SignerInfo that has none. `origin` names the seal in errors.
model::Result<Bytes> add_signature_timestamps(std::span<const std::uint8_t> p7s,
                                              TimestampAuthority& authority,
                                              std::string_view origin);

// The signature-time-stamp tokens (DER ContentInfo) of the first SignerInfo,
// e.g. to hand them to `openssl ts -verify -token_in`.
model::Result<std::vector<Bytes>> signature_timestamp_tokens(std::span<const std::uint8_t> p7s,
                                                             std::string_view origin);

}  // namespace einvoice::signing
