#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "env/random_source.h"
#include "model/result.h"

namespace einvoice::accounts {

// Argon2id cost. The defaults cost about 50 to 100 ms per hash on one core
// of the reference machine (bench/accounts_bench.cpp measures them: 70 to
// 78 ms on the 2-vCPU machine; 19 MiB took 30 ms, 64 MiB 150 ms); raise
// them with the hardware: stored hashes keep the parameters they were made
// with (PHC string), still verify, and are rehashed at the next login.
struct Argon2Parameters {
  std::uint32_t memory_kib = 32768;  // m (32 MiB)
  std::uint32_t iterations = 2;      // t
  std::uint32_t lanes = 1;           // p
};

// The largest cost a stored hash may ask for when verified (a tampered
// database must not make a login take gigabytes).
inline constexpr std::uint32_t kMaxMemoryKib = 1u << 20;  // 1 GiB
inline constexpr std::uint32_t kMaxIterations = 64;
inline constexpr std::uint32_t kMaxLanes = 16;

// Argon2id (libargon2), 16-byte salt from `random`, 32-byte hash, as a PHC
// string: "$argon2id$v=19$m=65536,t=2,p=1$<salt>$<hash>". Errors: kInternal
// when randomness or the library fails.
model::Result<std::string> hash_password(std::string_view password,
                                         const Argon2Parameters& parameters,
                                         const env::RandomSource& random);

// "m=65536,t=2,p=1" exactly (memory in KiB, iterations, lanes), within the
// maxima above and libargon2's minima (8 KiB per lane, one iteration);
// nullopt otherwise.
std::optional<Argon2Parameters> parse_argon2_parameters(std::string_view text);

// The parameters a PHC string records; nullopt when it is not an Argon2id
// PHC string within the maxima above.
std::optional<Argon2Parameters> phc_parameters(std::string_view phc);

// True when `password` matches `phc` (compared in constant time by
// libargon2). False for a mismatch and for a PHC string phc_parameters
// refuses.
bool verify_password(std::string_view password, std::string_view phc);

// True when `phc` was made with less memory or fewer iterations or lanes
// than `wanted` (rehash it at the next successful login).
bool needs_rehash(std::string_view phc, const Argon2Parameters& wanted);

}  // namespace einvoice::accounts
