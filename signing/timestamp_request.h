#pragma once

#include <optional>
#include <span>
#include <string>

#include "model/result.h"
#include "signing/digest.h"

namespace einvoice::signing {

// An RFC 3161 TimeStampReq: the imprint of the data to timestamp, a nonce and
// certReq = true (the TSA certificate must be in the token).
struct TimestampRequest {
  DigestAlgorithm algorithm = DigestAlgorithm::kSha256;
  Bytes imprint;           // digest of the timestamped data
  Bytes nonce;             // big-endian unsigned; empty = no nonce
  std::string policy_oid;  // requested policy; empty = the TSA's default
  Bytes der;               // the encoded TimeStampReq
};

// Builds a request over `imprint` (already a digest made with `algorithm`).
// `nonce` should come from a random source (see random_nonce); it may be empty.
// Errors: imprint of the wrong size or a bad policy OID (kInvalidArgument).
model::Result<TimestampRequest> make_timestamp_request(DigestAlgorithm algorithm, Bytes imprint,
                                                       Bytes nonce, std::string policy_oid = {});

// Convenience: SHA-256 imprint of `data` and a random 64-bit nonce.
model::Result<TimestampRequest> make_timestamp_request_for(std::span<const std::uint8_t> data);

// 8 random bytes from OpenSSL's CSPRNG, the high bit cleared (positive INTEGER).
Bytes random_nonce();

}  // namespace einvoice::signing
