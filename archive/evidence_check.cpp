#include "archive/evidence_check.h"

#include <vector>

#include "archive/sha256.h"
#include "archive/timestamp_check.h"
#include "env/clock.h"
#include "signing/digest.h"
#include "signing/timestamp_token.h"

namespace einvoice::archive {

std::string check_evidence_record(const EvidenceRecord& record, const Hash& object_hash,
                                  const signing::TrustStore& anchors,
                                  std::chrono::sys_seconds now) {
  return check_evidence_record(
      record, object_hash,
      [&](std::string_view token, const Hash& imprint, std::chrono::sys_seconds at) {
        return check_timestamp_at(token, imprint, anchors, at);
      },
      now);
}

std::string check_evidence_record(const EvidenceRecord& record, const Hash& object_hash,
                                  const TokenCheck& check_token, std::chrono::sys_seconds now) {
  if (record.chain.empty())
    return "no ArchiveTimeStamp";
  std::vector<std::chrono::sys_seconds> gen_times;
  for (std::size_t i = 0; i < record.chain.size(); ++i) {
    auto token = signing::TimestampToken::parse(signing::as_bytes(record.chain[i].timestamp_token),
                                                "timestamp");
    if (!token)
      return "ArchiveTimeStamp " + std::to_string(i + 1) + ": not an RFC 3161 timestamp token";
    gen_times.push_back(token->gen_time);
  }
  Hash covered = object_hash;
  for (std::size_t i = 0; i < record.chain.size(); ++i) {
    const std::string name = "ArchiveTimeStamp " + std::to_string(i + 1);
    const Hash root = record.chain[i].root_for(covered);
    if (root.empty())
      return name + ": its first partial hash tree does not hold " +
             (i == 0 ? std::string("the document's SHA-256")
                     : "the SHA-256 of timestamp " + std::to_string(i));
    if (i > 0 && gen_times[i] < gen_times[i - 1])
      return name + ": its timestamp (" + env::utc_timestamp(gen_times[i]) +
             ") is older than the one it renews";
    const auto at = i + 1 < gen_times.size() ? gen_times[i + 1] : now;
    if (auto problem = check_token(record.chain[i].timestamp_token, root, at); !problem.empty())
      return name + " (timestamp of " + env::utc_timestamp(gen_times[i]) + "): " + problem;
    covered = from_hex(Sha256::hex(record.chain[i].timestamp_token));
  }
  return {};
}

}  // namespace einvoice::archive
