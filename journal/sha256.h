#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace einvoice::journal {

// An incremental SHA-256 (OpenSSL EVP), so that objects of any size are
// fingerprinted in flat memory. Not thread-safe: one hasher per thread.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view bytes);
  // Lower-case hex of the digest; the hasher must not be used afterwards.
  std::string finish_hex();
  // The raw 32 bytes; the hasher must not be used afterwards.
  std::array<std::uint8_t, 32> finish();

  // Hex SHA-256 of `bytes` in one call.
  static std::string hex(std::string_view bytes);

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

// Lower-case hex of `bytes`.
std::string to_hex(std::string_view bytes);
// The bytes of lower-case or upper-case hex `text`; empty when it is not hex
// of even length.
std::string from_hex(std::string_view text);

}  // namespace einvoice::journal
