#pragma once

#include <atomic>
#include <cstdint>
#include <span>
#include <string>

#include "model/result.h"

namespace einvoice::env {

// Unpredictable bytes (names of temporary files, nonces), behind an interface
// so that tests can make them repeatable. Implementations are thread-safe.
class RandomSource {
 public:
  virtual ~RandomSource() = default;
  // Fills `out` entirely. kInternal when the source fails (nothing is
  // promised about `out` then).
  virtual model::Status fill(std::span<std::uint8_t> out) const = 0;
};

// The kernel's generator (getrandom), retried when interrupted.
class SystemRandom final : public RandomSource {
 public:
  model::Status fill(std::span<std::uint8_t> out) const override;
};

// Repeatable bytes for tests: a counter mixed from `seed`, never for secrets.
class CountingRandom final : public RandomSource {
 public:
  explicit CountingRandom(std::uint64_t seed = 0) : next_(seed) {}
  model::Status fill(std::span<std::uint8_t> out) const override;

 private:
  mutable std::atomic<std::uint64_t> next_;
};

// The process's SystemRandom (static lifetime).
const RandomSource& system_random();

// `count` bytes of `random` as lowercase hex (2 * count digits).
model::Result<std::string> random_hex(const RandomSource& random, std::size_t count);

}  // namespace einvoice::env
