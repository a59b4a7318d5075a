#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/result.h"
#include "signing/digest.h"

struct x509_st;  // OpenSSL's X509

namespace einvoice::signing {

// An X.509 certificate. Immutable; copies share the parsed certificate, so a
// Certificate is cheap to copy and safe to read from many threads.
class Certificate {
 public:
  // Takes one reference of `x509` (the caller keeps its own).
  // REQUIRES: x509 != nullptr.
  static Certificate from_native(x509_st* x509);

  // `origin` names the source (file name) in error messages.
  static model::Result<Certificate> from_der(std::span<const std::uint8_t> der,
                                             std::string_view origin);
  // Every certificate of a PEM text, in order; an error when there is none.
  static model::Result<std::vector<Certificate>> from_pem(std::span<const std::uint8_t> pem,
                                                          std::string_view origin);
  static model::Result<std::vector<Certificate>> load_pem_file(const std::filesystem::path& path);

  Bytes der() const;
  std::string pem() const;
  // RFC 2253 distinguished names.
  std::string subject() const;
  std::string issuer() const;
  // Decimal serial number.
  std::string serial() const;
  std::chrono::sys_seconds not_before() const;
  std::chrono::sys_seconds not_after() const;
  // Value of the subject's organizationIdentifier (OID 2.5.4.97), e.g. "NTRFR-123456789".
  std::optional<std::string> organization_identifier() const;
  // SHA-256 of the DER encoding, in hexadecimal.
  std::string sha256_fingerprint() const;

  // Borrowed pointer, valid while this Certificate (or a copy) lives.
  x509_st* native() const { return x509_.get(); }

  bool operator==(const Certificate& other) const;

 private:
  explicit Certificate(std::shared_ptr<x509_st> x509) : x509_(std::move(x509)) {}
  std::shared_ptr<x509_st> x509_;
};

// The SIREN (9 digits) of an organizationIdentifier such as "NTRFR-123456789"
// or "VATFR-xx123456789"; nullopt when none can be read.
std::optional<std::string> siren_from_organization_identifier(std::string_view identifier);

}  // namespace einvoice::signing
