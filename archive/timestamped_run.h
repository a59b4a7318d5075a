#pragma once

// What a securing run and a renewal share once their root is timestamped:
// the token kept in the record, then record and token stored as objects.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "archive/object_store.h"
#include "archive/sealer.h"
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

// Largest seal or CRL kept with a run.
inline constexpr std::size_t kMaxAttachedBytes = std::size_t{16} << 20;

// Seals the record of `stored` with `sealer`, when there is one, and stores
// the seal; returns its SHA-256 (empty when nothing is sealed).
template <typename Stored>
model::Result<std::string> seal_run(const ObjectStore& store, const Sealer* sealer, Stored& stored,
                                    const std::string& name) {
  if (!sealer)
    return std::string();
  auto sealed = sealer->seal(stored.record_json, name);
  if (!sealed)
    return sealed.error();
  stored.seal = std::move(*sealed);
  const std::string seal_sha256 = Sha256::hex(stored.seal);
  if (auto put = store.put(seal_sha256, stored.seal); !put)
    return put.error();
  return seal_sha256;
}

// The objects a `secure` or `renew` entry's detail names under `key` (one hash, or an
// array of them; none when the key is absent), read back from `store`;
// nullopt when the value is not of hashes or an object no longer matches.
inline model::Result<std::optional<std::vector<std::string>>> read_attached(
    const ObjectStore& store, const nlohmann::json& detail, const char* key) {
  std::vector<std::string> objects;
  if (!detail.is_object() || !detail.contains(key))
    return std::optional(objects);
  const auto& value = detail[key];
  const nlohmann::json hashes = value.is_array() ? value : nlohmann::json::array({value});
  for (const auto& hash : hashes) {
    if (!hash.is_string())
      return std::optional<std::vector<std::string>>();
    const std::string sha = hash.get<std::string>();
    auto stored = store.get(sha, kMaxAttachedBytes);
    if (!stored)
      return stored.error();
    if (Sha256::hex(*stored) != sha)
      return std::optional<std::vector<std::string>>();
    objects.push_back(std::move(*stored));
  }
  return std::optional(objects);
}

}  // namespace einvoice::archive
