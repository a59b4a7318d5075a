#include "archive/master_key.h"

#include <openssl/evp.h>

#include <memory>

#include "archive/sha256.h"

namespace einvoice::archive {
namespace {

using model::Error;
using model::ErrorCode;

constexpr std::size_t kNonceBytes = 12;
constexpr std::size_t kTagBytes = 16;
constexpr std::size_t kKeyBytes = 32;

struct CipherFree {
  void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using Cipher = std::unique_ptr<EVP_CIPHER_CTX, CipherFree>;

Error internal(const std::string& what) {
  return Error{ErrorCode::kInternal, what, {}};
}

// AES-256-GCM: nonce | ciphertext | tag.
model::Result<std::string> gcm_seal(const env::RandomSource& random, std::string_view key,
                                    std::string_view aad, std::string_view plaintext) {
  std::string out(kNonceBytes + plaintext.size() + kTagBytes, '\0');
  auto* bytes = reinterpret_cast<std::uint8_t*>(out.data());
  if (auto filled = random.fill(std::span<std::uint8_t>(bytes, kNonceBytes)); !filled)
    return filled.error();
  Cipher ctx(EVP_CIPHER_CTX_new());
  int length = 0;
  const auto* k = reinterpret_cast<const std::uint8_t*>(key.data());
  if (!ctx || key.size() != kKeyBytes ||
      EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, k, bytes) != 1 ||
      EVP_EncryptUpdate(ctx.get(), nullptr, &length,
                        reinterpret_cast<const std::uint8_t*>(aad.data()),
                        static_cast<int>(aad.size())) != 1 ||
      EVP_EncryptUpdate(ctx.get(), bytes + kNonceBytes, &length,
                        reinterpret_cast<const std::uint8_t*>(plaintext.data()),
                        static_cast<int>(plaintext.size())) != 1 ||
      EVP_EncryptFinal_ex(ctx.get(), bytes + kNonceBytes + length, &length) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes,
                          bytes + kNonceBytes + plaintext.size()) != 1)
    return internal("AES-256-GCM encryption failed");
  return out;
}

// The plaintext of gcm_seal's output; nullopt-like error when the tag fails.
model::Result<std::string> gcm_open(std::string_view key, std::string_view aad,
                                    std::string_view sealed, std::string_view what) {
  if (sealed.size() < kNonceBytes + kTagBytes || key.size() != kKeyBytes)
    return Error{ErrorCode::kInvalid, std::string(what) + " is truncated", {}};
  const std::size_t size = sealed.size() - kNonceBytes - kTagBytes;
  const auto* in = reinterpret_cast<const std::uint8_t*>(sealed.data());
  std::string out(size, '\0');
  Cipher ctx(EVP_CIPHER_CTX_new());
  int length = 0;
  std::uint8_t tag[kTagBytes];
  std::copy(in + kNonceBytes + size, in + sealed.size(), tag);
  auto* o = reinterpret_cast<std::uint8_t*>(out.data());
  if (!ctx ||
      EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr,
                         reinterpret_cast<const std::uint8_t*>(key.data()), in) != 1 ||
      EVP_DecryptUpdate(ctx.get(), nullptr, &length,
                        reinterpret_cast<const std::uint8_t*>(aad.data()),
                        static_cast<int>(aad.size())) != 1 ||
      EVP_DecryptUpdate(ctx.get(), o, &length, in + kNonceBytes, static_cast<int>(size)) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag) != 1 ||
      EVP_DecryptFinal_ex(ctx.get(), o + length, &length) != 1)
    return Error{ErrorCode::kInvalid,
                 std::string(what) + " does not decrypt: wrong key, or altered since written",
                 {}};
  return out;
}

std::string wrap_aad(std::string_view sha256) {
  return "einvoice-archive-data-key:" + std::string(sha256);
}

}  // namespace

model::Result<MasterKey> MasterKey::parse(std::string_view key_file, std::string_view origin) {
  std::size_t end = key_file.size();
  while (end > 0 && (key_file[end - 1] == '\n' || key_file[end - 1] == '\r' ||
                     key_file[end - 1] == ' ' || key_file[end - 1] == '\t'))
    --end;
  const std::string raw = end == 2 * kKeyBytes ? from_hex(key_file.substr(0, end)) : std::string();
  if (raw.size() != kKeyBytes)
    return Error{ErrorCode::kMalformed,
                 "not an archive key file: expected 64 hex digits (openssl rand -hex 32)",
                 {std::string(origin), "", 0, 0}};
  MasterKey key;
  std::copy(raw.begin(), raw.end(), key.key_.begin());
  key.id_ = "k-" + Sha256::hex("einvoice-archive-key-id" + raw).substr(0, 16);
  return key;
}

model::Result<std::string> MasterKey::new_data_key(const env::RandomSource& random,
                                                   std::string_view sha256,
                                                   std::string& data_key) const {
  data_key.assign(kKeyBytes, '\0');
  if (auto filled = random.fill(
          std::span<std::uint8_t>(reinterpret_cast<std::uint8_t*>(data_key.data()), kKeyBytes));
      !filled)
    return filled.error();
  return wrap(random, data_key, sha256);
}

model::Result<std::string> MasterKey::wrap(const env::RandomSource& random,
                                           std::string_view data_key,
                                           std::string_view sha256) const {
  const std::string_view key(reinterpret_cast<const char*>(key_.data()), key_.size());
  auto sealed = gcm_seal(random, key, wrap_aad(sha256), data_key);
  if (!sealed)
    return sealed.error();
  return to_hex(*sealed);
}

model::Result<std::string> MasterKey::unwrap(std::string_view wrapped,
                                             std::string_view sha256) const {
  const std::string_view key(reinterpret_cast<const char*>(key_.data()), key_.size());
  return gcm_open(key, wrap_aad(sha256), from_hex(wrapped),
                  "the data key of object " + std::string(sha256));
}

model::Result<std::string> seal_object(const env::RandomSource& random, std::string_view data_key,
                                       std::string_view sha256, std::string_view plaintext) {
  return gcm_seal(random, data_key, sha256, plaintext);
}

model::Result<std::string> open_object(std::string_view data_key, std::string_view sha256,
                                       std::string_view sealed) {
  return gcm_open(data_key, sha256, sealed, "object " + std::string(sha256));
}

}  // namespace einvoice::archive
