#pragma once

#include <span>
#include <string>

#include "model/result.h"
#include "signing/timestamp_request.h"
#include "signing/timestamp_token.h"

namespace einvoice::signing {

// Something that answers RFC 3161 requests: a remote TSA over HTTP, the local
// test TSA, or a fake in tests. Implementations must be thread-safe.
class TimestampAuthority {
 public:
  virtual ~TimestampAuthority() = default;

  // Sends the DER TimeStampReq and returns the DER TimeStampResp, unchecked.
  // Errors: transport failures (kIo) naming the authority.
  virtual model::Result<Bytes> exchange(std::span<const std::uint8_t> request_der) = 0;

  // Names the authority in messages (URL or "local test TSA").
  virtual std::string name() const = 0;
};

// Builds a request over `data` (SHA-256, random nonce, certReq), sends it and
// checks the response (parse_timestamp_response). The token signature and
// TSA chain are left to verify_timestamp_token.
model::Result<TimestampToken> request_timestamp(TimestampAuthority& authority,
                                                std::span<const std::uint8_t> data);

}  // namespace einvoice::signing
