#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "archive/evidence_record.h"
#include "archive/merkle_tree.h"
#include "model/result.h"

namespace einvoice::archive {

// A leaf of a renewal tree: securing run `securing` and the SHA-256 (hex) of
// the DER of the latest timestamp token covering it before this renewal
// (its own securing token, or the token of the renewal before).
struct RenewalLeaf {
  std::int64_t securing = 0;
  std::string token_sha256;
};

// One run of `archive renew` (RFC 4998 5.2, timestamp renewal): the latest
// token of every securing run so far (leaves for securing 1..n, in order)
// hashed into a tree (RFC 4998 hashing) whose root was timestamped (RFC 3161,
// imprint = tree root) before the TSA certificates of those tokens expire.
// Stored as an archive object; its SHA-256 and its token's are journaled
// (`renew` entry). Records are chained by previous_renewal_sha256.
struct RenewalRecord {
  std::int64_t number = 0;  // 1, 2, 3...
  std::vector<RenewalLeaf> leaves;
  std::string tree_root;                // hex: root of the leaves' tree, the timestamped value
  std::string previous_renewal_sha256;  // hex SHA-256 of renewal number-1; empty for 1
  std::string timestamp_token_sha256;   // hex SHA-256 of the token's DER
  std::string gen_time;                 // the token's time, "YYYY-MM-DDTHH:MM:SSZ"
  std::string authority;                // who timestamped (URL or "local test TSA")

  // Canonical JSON (keys sorted, compact): the record's bytes.
  std::string json() const;
  // True when this renewal covers securing run `securing`.
  bool covers(std::int64_t securing) const {
    return securing >= 1 && securing <= static_cast<std::int64_t>(leaves.size());
  }
};

// A renewal as stored: the record, its exact bytes, its token and the
// platform seal over the record (empty when none was configured).
struct StoredRenewal {
  RenewalRecord record;
  std::string record_json;
  std::string token_der;
  std::string seal;
};

// Limits of a renewal record read from outside: 65536 securing runs is one
// run a day for well over a century.
inline constexpr std::size_t kMaxRenewalRecordBytes = std::size_t{8} << 20;
inline constexpr std::size_t kMaxRenewalLeaves = 65536;

// Reads a record as json() writes it, and nothing else (canonical form
// checked, leaves for securing 1..n in order). Hostile input: size and
// nesting bounded before parsing. Errors: kMalformed, kLimitExceeded naming
// `origin`.
model::Result<RenewalRecord> parse_renewal_record(std::string_view text, std::string_view origin);

// What is wrong with the record's own hash tree (a leaf that is not a
// SHA-256, a tree root that is not the leaves'); empty when nothing is.
std::string check_renewal_tree(const RenewalRecord& record);

// The token SHA-256 (hex) a renewal must list for securing run `securing`,
// whose own token hashes `securing_token_sha256`, when `previous` is the
// renewal before it (null for the first): the previous renewal's token if
// it covered the run, else the run's own.
std::string expected_leaf(const RenewalRecord* previous, std::int64_t securing,
                          const std::string& securing_token_sha256);

// The ArchiveTimeStamps that `renewals` (in order) add to the evidence
// records of securing run `securing`: one per renewal covering it, whose
// reduced hash tree leads from its leaf (the SHA-256 of the previous
// timestamp's DER) to the renewal's tree root, with the renewal's token.
// REQUIRES: the records passed parse_renewal_record and check_renewal_tree.
std::vector<ArchiveTimeStamp> renewal_time_stamps(const std::vector<StoredRenewal>& renewals,
                                                  std::int64_t securing);

}  // namespace einvoice::archive
