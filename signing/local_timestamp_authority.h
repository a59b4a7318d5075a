#pragma once

#include <atomic>
#include <chrono>
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
