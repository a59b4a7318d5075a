#pragma once

#include "archive/merkle_tree.h"
#include "model/result.h"
#include "signing/timestamp_authority.h"
#include "signing/timestamp_token.h"

namespace einvoice::archive {

// Has `root` (32 raw bytes) timestamped by `authority` as RFC 4998 does: the
// SHA-256 message imprint is the root itself, with a random nonce. The
// response is checked against the request (status, imprint, nonce); the
// token's signature and TSA chain are left to check_timestamp_at. Errors:
// those of the authority's exchange and of parse_timestamp_response.
model::Result<signing::TimestampToken> timestamp_root(signing::TimestampAuthority& authority,
                                                      const Hash& root);

}  // namespace einvoice::archive
