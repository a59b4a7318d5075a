#pragma once

#include <span>
#include <string_view>

#include "model/result.h"
#include "signing/timestamp_request.h"
#include "signing/timestamp_token.h"

namespace einvoice::signing {

// Decodes a TimeStampResp (RFC 3161 2.4.2) and checks it answers `request`:
// status granted (or grantedWithMods), a token whose imprint and algorithm
// are the request's, the same nonce, and a TSA certificate carried in the
// token with the critical, sole timeStamping EKU. It does not check the token
// signature or the TSA chain: that needs trust anchors (verify_timestamp_token).
// Errors: undecodable (kMalformed), rejected by the TSA or not matching the
// request (kInvalid); messages name `origin` (the TSA URL or name).
model::Result<TimestampToken> parse_timestamp_response(std::span<const std::uint8_t> der,
                                                       const TimestampRequest& request,
                                                       std::string_view origin);

}  // namespace einvoice::signing
