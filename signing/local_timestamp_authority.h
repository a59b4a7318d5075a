#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "model/result.h"
#include "signing/key_material.h"
#include "signing/timestamp_authority.h"

namespace einvoice::signing {

// A built-in RFC 3161 TSA answering in-process with real TimeStampTokens
// (OpenSSL TS_RESP_CTX): SHA-256 signer digest, ESS signing-certificate-v2,
// accuracy 1 s, the TSA certificate and its chain in the token. For offline
// work and tests; its time is only as good as `clock`.
//
// Thread-safe: each exchange uses its own OpenSSL context; serial numbers
// come from an atomic counter.
class LocalTimestampAuthority final : public TimestampAuthority {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;

  // REQUIRES: tsa's certificate carries the critical timeStamping EKU
  // (otherwise exchange() answers with a rejection).
  LocalTimestampAuthority(std::shared_ptr<const SoftwareSigner> tsa, Clock clock,
                          std::string policy_oid = kDefaultPolicy);

  // Generates its own key and a TSA certificate (critical EKU timeStamping,
  // keyUsage digitalSignature+nonRepudiation, valid 5 years from clock())
  // issued by `issuer`, or self-signed when `issuer` is null.
  static model::Result<std::unique_ptr<LocalTimestampAuthority>> create(
      const SoftwareSigner* issuer, Clock clock,
      std::string common_name = "einvoice local test TSA");

  // A self-signed test TSA kept in `folder` across runs: tsa-key.pem (PEM
  // PKCS#8, unencrypted, mode 0600) and tsa-certificate.pem are loaded when
  // both exist, else generated (as create(nullptr, ...)) and written there,
  // the folder being created if needed. Putting tsa-certificate.pem among the
  // trust anchors then makes its timestamps verify. Still a test TSA: the key
  // sits unprotected on disk. Errors: kIo or kMalformed naming the file.
  static model::Result<std::unique_ptr<LocalTimestampAuthority>> load_or_create(
      const std::filesystem::path& folder, Clock clock);

  model::Result<Bytes> exchange(std::span<const std::uint8_t> request_der) override;
  std::string name() const override;

  const SoftwareSigner& signer() const { return *tsa_; }

  static constexpr const char* kDefaultPolicy = "1.3.6.1.4.1.99999.3161.1";  // test policy

 private:
  std::shared_ptr<const SoftwareSigner> tsa_;
  Clock clock_;
  std::string policy_oid_;
  std::atomic<std::uint64_t> next_serial_{1};
};

}  // namespace einvoice::signing
