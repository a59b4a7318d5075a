#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "archive/evidence_record.h"
#include "signing/trust_store.h"

namespace einvoice::archive {

// What is wrong with `record` as proof that the data object whose SHA-256 is
// `object_hash` existed at the genTime of its first timestamp (RFC 4998
// 5.3): the first ArchiveTimeStamp's reduced hash tree must lead from
// `object_hash` to its token's imprint; each next one's from the SHA-256 of
// the previous token's DER to its own token's imprint, its genTime not
// before the previous one's. Each token must verify (signature, TSA chain to
// `anchors`, timeStamping usage) at the genTime of the next token, which
// proves it was still valid when renewed, and the last one at `now`.
// Problems name the ArchiveTimeStamp (1-based); empty when none.
// Thread-safe.
std::string check_evidence_record(const EvidenceRecord& record, const Hash& object_hash,
                                  const signing::TrustStore& anchors, std::chrono::sys_seconds now);

// How a token is checked against an imprint at a time: check_timestamp_at
// with anchors, or a memo of it (an export's records share their tokens).
using TokenCheck = std::function<std::string(std::string_view token_der, const Hash& imprint,
                                             std::chrono::sys_seconds at)>;

// check_evidence_record with each token checked by `check_token`.
std::string check_evidence_record(const EvidenceRecord& record, const Hash& object_hash,
                                  const TokenCheck& check_token, std::chrono::sys_seconds now);

}  // namespace einvoice::archive
