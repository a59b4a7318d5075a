#pragma once

// SHA-256 lives with the journal it chains (journal/sha256.h); the archive
// fingerprints its objects, records and tokens with the same one.

#include "journal/sha256.h"

namespace einvoice::archive {

using journal::from_hex;
using journal::Sha256;
using journal::to_hex;

}  // namespace einvoice::archive
