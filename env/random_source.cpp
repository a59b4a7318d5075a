#include "env/random_source.h"

#include <sys/random.h>

#include <cerrno>
#include <cstring>

namespace einvoice::env {

model::Status SystemRandom::fill(std::span<std::uint8_t> out) const {
  std::size_t done = 0;
  while (done < out.size()) {
    const ssize_t got = ::getrandom(out.data() + done, out.size() - done, 0);
    if (got < 0) {
      if (errno == EINTR)
        continue;
      return model::Error{
          model::ErrorCode::kInternal,
          std::string("the system random generator failed: ") + std::strerror(errno),
          {}};
    }
    done += static_cast<std::size_t>(got);
  }
  return {};
}

model::Status CountingRandom::fill(std::span<std::uint8_t> out) const {
  for (auto& byte : out) {
    // splitmix64 of a counter: repeatable, well spread, not secret.
    std::uint64_t z = next_.fetch_add(0x9e3779b97f4a7c15ULL) + 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    byte = static_cast<std::uint8_t>(z ^ (z >> 31));
  }
  return {};
}

const RandomSource& system_random() {
  static const SystemRandom random;
  return random;
}

model::Result<std::string> random_hex(const RandomSource& random, std::size_t count) {
  std::string bytes(count, '\0');
  if (auto filled = random.fill(
          std::span<std::uint8_t>(reinterpret_cast<std::uint8_t*>(bytes.data()), bytes.size()));
      !filled)
    return filled.error();
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * count);
  for (unsigned char b : bytes) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

}  // namespace einvoice::env
