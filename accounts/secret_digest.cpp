#include "accounts/secret_digest.h"

#include <openssl/evp.h>

namespace einvoice::accounts {

std::string secret_sha256(std::string_view secret) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(secret.data(), secret.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xF];
  }
  return hex;
}

model::Result<std::string> new_secret(const env::RandomSource& random) {
  return env::random_hex(random, 32);
}

}  // namespace einvoice::accounts
