#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace einvoice::signing {

using Bytes = std::vector<std::uint8_t>;

// Digest algorithms accepted for seals and timestamp imprints.
enum class DigestAlgorithm { kSha256, kSha384, kSha512 };

const char* to_string(DigestAlgorithm algorithm);

// Digest of `data`. Thread-safe.
Bytes digest(DigestAlgorithm algorithm, std::span<const std::uint8_t> data);

// Lower-case hexadecimal of `data`.
std::string to_hex(std::span<const std::uint8_t> data);

// View of a string's bytes (no copy; lives as long as `text`).
inline std::span<const std::uint8_t> as_bytes(std::string_view text) {
  return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

}  // namespace einvoice::signing
