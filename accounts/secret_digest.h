#pragma once

#include <string>
#include <string_view>

#include "env/random_source.h"
#include "model/result.h"

namespace einvoice::accounts {

// The SHA-256 of `secret` as 64 lowercase hex digits: how recovery links and
// API tokens are stored (their secrets are 256-bit random, so a fast hash
// suffices: no guessing attack to slow down).
std::string secret_sha256(std::string_view secret);

// A new secret: 32 bytes of `random` as 64 hex digits.
model::Result<std::string> new_secret(const env::RandomSource& random);

}  // namespace einvoice::accounts
