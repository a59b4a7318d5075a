#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "model/result.h"
#include "signing/key_material.h"

namespace einvoice::signing {

enum class KeyType { kEcP256, kRsa2048, kRsa3072 };

// What to put in a throw-away certificate. Extension values use OpenSSL's
// configuration syntax, e.g. key_usage = "critical,digitalSignature,nonRepudiation",
// extended_key_usage = "critical,timeStamping"; empty means "absent".
struct CertificateProfile {
  // Relative distinguished names in order, by short or long name:
  // {"C", "FR"}, {"O", "ACME"}, {"organizationIdentifier", "NTRFR-123456789"}, {"CN", "..."}.
  std::vector<std::pair<std::string, std::string>> subject;
  std::chrono::sys_seconds not_before;
  std::chrono::sys_seconds not_after;
  std::uint64_t serial = 1;
  bool certificate_authority = false;
  std::string key_usage;
  std::string extended_key_usage;
  std::string subject_alt_name;         // e.g. "IP:127.0.0.1,DNS:localhost"
  std::string crl_distribution_points;  // e.g. "URI:http://127.0.0.1:8080/ca.crl"
  KeyType key_type = KeyType::kEcP256;
};

// Generates a key pair and issues a certificate for it, signed by `issuer`
// (SHA-256), or self-signed when `issuer` is null. The returned signer's chain
// is the issuer's certificate followed by the issuer's chain.
//
// FOR TESTS AND THE LOCAL TEST TSA ONLY: keys live in memory and are never
// written; nothing here is fit for production evidence.
model::Result<std::unique_ptr<SoftwareSigner>> issue_certificate(const CertificateProfile& profile,
                                                                 const SoftwareSigner* issuer);

}  // namespace einvoice::signing
