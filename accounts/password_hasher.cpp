#include "accounts/password_hasher.h"

#include <argon2.h>

#include <array>
#include <charconv>
#include <vector>

namespace einvoice::accounts {
namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;
constexpr std::size_t kMaxPhcLength = 256;

// The number after `key=` at the start of `text`, advancing past it.
std::optional<std::uint32_t> take_number(std::string_view& text, std::string_view key) {
  if (text.substr(0, key.size()) != key)
    return std::nullopt;
  text.remove_prefix(key.size());
  std::uint32_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end == text.data())
    return std::nullopt;
  text.remove_prefix(static_cast<std::size_t>(end - text.data()));
  return value;
}

}  // namespace

model::Result<std::string> hash_password(std::string_view password,
                                         const Argon2Parameters& parameters,
                                         const env::RandomSource& random) {
  std::array<std::uint8_t, kSaltBytes> salt{};
  if (auto filled = random.fill(salt); !filled)
    return filled.error();
  std::vector<char> encoded(argon2_encodedlen(parameters.iterations, parameters.memory_kib,
                                              parameters.lanes, kSaltBytes, kHashBytes, Argon2_id));
  const int rc = argon2id_hash_encoded(
      parameters.iterations, parameters.memory_kib, parameters.lanes, password.data(),
      password.size(), salt.data(), salt.size(), kHashBytes, encoded.data(), encoded.size());
  if (rc != ARGON2_OK)
    return model::Error{model::ErrorCode::kInternal,
                        std::string("Argon2id failed: ") + argon2_error_message(rc),
                        {}};
  return std::string(encoded.data());
}

std::optional<Argon2Parameters> parse_argon2_parameters(std::string_view text) {
  auto m = take_number(text, "m=");
  auto t = m ? take_number(text, ",t=") : std::nullopt;
  auto p = t ? take_number(text, ",p=") : std::nullopt;
  if (!p || !text.empty())
    return std::nullopt;
  if (*p == 0 || *p > kMaxLanes || *m < 8 * *p || *m > kMaxMemoryKib || *t == 0 ||
      *t > kMaxIterations)
    return std::nullopt;
  return Argon2Parameters{*m, *t, *p};
}

std::optional<Argon2Parameters> phc_parameters(std::string_view phc) {
  if (phc.size() > kMaxPhcLength || phc.substr(0, 10) != "$argon2id$")
    return std::nullopt;
  std::string_view rest = phc.substr(10);
  if (rest.substr(0, 5) == "v=19$")
    rest.remove_prefix(5);
  const auto end = rest.find('$');
  if (end == std::string_view::npos)
    return std::nullopt;
  return parse_argon2_parameters(rest.substr(0, end));
}

bool verify_password(std::string_view password, std::string_view phc) {
  if (!phc_parameters(phc))
    return false;
  const std::string encoded(phc);
  return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

bool needs_rehash(std::string_view phc, const Argon2Parameters& wanted) {
  const auto made = phc_parameters(phc);
  return !made || made->memory_kib < wanted.memory_kib || made->iterations < wanted.iterations ||
         made->lanes < wanted.lanes;
}

}  // namespace einvoice::accounts
