#pragma once

// What a securing run and a renewal share once their root is timestamped:
// the token kept in the record, then record and token stored as objects.

#include <string>

#include "archive/object_store.h"
#include "archive/sha256.h"
#include "env/clock.h"
#include "model/result.h"
#include "signing/timestamp_token.h"

namespace einvoice::archive {

// Keeps `token` (by `authority`) in `stored`, a StoredSecuring or
// StoredRenewal: its DER, and in the record its SHA-256, genTime and the
// authority's name; then the record's canonical JSON.
template <typename Stored>
void keep_token(Stored& stored, const signing::TimestampToken& token, std::string authority) {
  stored.token_der.assign(token.der.begin(), token.der.end());
  stored.record.timestamp_token_sha256 = Sha256::hex(stored.token_der);
  stored.record.gen_time = env::utc_timestamp(token.gen_time);
  stored.record.authority = std::move(authority);
  stored.record_json = stored.record.json();
}

// Stores the token and the record of `stored` in `store` under their
// SHA-256 (durable on return); returns the record's SHA-256.
template <typename Stored>
model::Result<std::string> put_run(const ObjectStore& store, const Stored& stored) {
  if (auto put = store.put(stored.record.timestamp_token_sha256, stored.token_der); !put)
    return put.error();
  const std::string record_sha256 = Sha256::hex(stored.record_json);
  if (auto put = store.put(record_sha256, stored.record_json); !put)
    return put.error();
  return record_sha256;
}

}  // namespace einvoice::archive
