#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "env/random_source.h"
#include "model/result.h"

namespace einvoice::archive {

// The archive's master key (AES-256), which wraps each object's own data key
// (envelope encryption, docs/archive.md). Objects are sealed with
// AES-256-GCM under their data key; the master key never touches contents,
// so rotating it re-wraps data keys only. Immutable; thread-safe.
class MasterKey {
 public:
  // A key file holds 64 hex digits (32 bytes), optionally followed by
  // whitespace: what `openssl rand -hex 32` writes. Hostile input: nothing
  // else is accepted. Errors: kMalformed naming `origin` (never the key).
  static model::Result<MasterKey> parse(std::string_view key_file, std::string_view origin);

  // "k-" and the first 16 hex digits of SHA-256("einvoice-archive-key-id" ||
  // key): names the key in the catalog without revealing it.
  const std::string& id() const { return id_; }

  // A fresh data key wrapped for object `sha256` (the AAD), as hex
  // nonce(12) | ciphertext(32) | tag(16); `data_key` receives the raw key.
  model::Result<std::string> new_data_key(const env::RandomSource& random, std::string_view sha256,
                                          std::string& data_key) const;
  // The raw data key of `wrapped` (hex). kInvalid when it was not wrapped by
  // this key for this object (wrong key, edited row).
  model::Result<std::string> unwrap(std::string_view wrapped, std::string_view sha256) const;
  // `data_key` wrapped again under this key (rotation).
  model::Result<std::string> wrap(const env::RandomSource& random, std::string_view data_key,
                                  std::string_view sha256) const;

 private:
  MasterKey() = default;
  std::array<std::uint8_t, 32> key_{};
  std::string id_;
};

// AES-256-GCM of an object's bytes under its data key: nonce(12) | ciphertext
// | tag(16), the object's SHA-256 as AAD.
model::Result<std::string> seal_object(const env::RandomSource& random, std::string_view data_key,
                                       std::string_view sha256, std::string_view plaintext);
// The plaintext; kInvalid when the tag does not verify (altered object,
// wrong data key).
model::Result<std::string> open_object(std::string_view data_key, std::string_view sha256,
                                       std::string_view sealed);

}  // namespace einvoice::archive
