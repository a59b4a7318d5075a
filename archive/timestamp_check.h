#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "archive/merkle_tree.h"
#include "signing/trust_store.h"

namespace einvoice::archive {

// What is wrong with `token_der` as an RFC 3161 timestamp token over
// `imprint` (the SHA-256 message imprint is the root itself, as RFC 4998
// timestamps a root): not a token, another imprint or algorithm, a signature
// that does not verify, a TSA certificate that does not chain to `anchors`
// at time `at` (every certificate of the chain valid then) or lacks the
// timeStamping usage. Empty when none. Thread-safe.
//
// RFC 4998 5.3: a renewed timestamp is checked at the genTime of the one
// that renewed it (it existed, unexpired, then), the latest one now.
std::string check_timestamp_at(std::string_view token_der, const Hash& imprint,
                               const signing::TrustStore& anchors, std::chrono::sys_seconds at);

// check_timestamp_at the system clock's current time.
std::string check_timestamp(std::string_view token_der, const Hash& imprint,
                            const signing::TrustStore& anchors);

}  // namespace einvoice::archive
