#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "signing/certificate_issuer.h"
#include "signing/key_material.h"
#include "signing/local_timestamp_authority.h"
#include "signing/trust_store.h"

namespace einvoice::signing::testing {

inline constexpr const char* kSiren = "123456789";

std::chrono::sys_seconds now();

// A throw-away PKI generated once per test run, in memory: a root CA, a seal
// certificate (organizationIdentifier NTRFR-<kSiren>, keyUsage nonRepudiation),
// a local TSA (critical EKU timeStamping) issued by the root, an expired seal
// certificate, and an unrelated root. Keys are never written.
struct TestPki {
  std::unique_ptr<SoftwareSigner> root;
  std::unique_ptr<SoftwareSigner> seal;
  std::unique_ptr<SoftwareSigner> expired_seal;
  std::unique_ptr<SoftwareSigner> other_root;
  std::unique_ptr<LocalTimestampAuthority> tsa;
  TrustStore anchors;
  TrustStore other_anchors;
};

// The shared PKI (built on first use; later tests reuse it). Thread-compatible.
TestPki& pki();

// Issues a certificate under `issuer` (null: self-signed), failing the test on error.
std::unique_ptr<SoftwareSigner> issue(const CertificateProfile& profile,
                                      const SoftwareSigner* issuer);
CertificateProfile seal_profile(std::string common_name, std::chrono::sys_seconds not_before,
                                std::chrono::sys_seconds not_after);

// A fresh folder under the system temporary folder, removed at exit.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path write(const std::string& name, std::span<const std::uint8_t> bytes) const;
  std::filesystem::path write(const std::string& name, const std::string& text) const;

 private:
  std::filesystem::path path_;
};

// Runs a shell command (the openssl CLI), output sent to `log`; true on exit status 0.
bool run(const std::string& command, const std::filesystem::path& log);
std::string quote(const std::filesystem::path& path);
std::string read_text(const std::filesystem::path& path);

}  // namespace einvoice::signing::testing
