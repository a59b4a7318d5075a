#pragma once

// Revocation data fetched where a certificate says it is published: the CRL
// distribution points (RFC 5280 4.2.1.13), over HTTP(S) through libcurl.

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "model/result.h"
#include "signing/certificate.h"
#include "signing/digest.h"

namespace einvoice::signing {

// The http:// and https:// URIs among the full names of `certificate`'s CRL
// distribution points, in order (ldap:// and others are left out).
std::vector<std::string> crl_distribution_urls(const Certificate& certificate);

struct CrlFetchOptions {
  std::chrono::seconds timeout{20};
  std::size_t max_bytes = std::size_t{16} << 20;  // larger CRLs are refused
  std::string proxy;                              // empty = curl's proxy variables
};

// GETs the CRL at `url` (redirects not followed) and returns it as DER (the
// reply may be DER or PEM). Errors name the URL: the exchange failed (kIo),
// the reply is not a CRL (kMalformed). Thread-safe.
model::Result<Bytes> fetch_crl(const std::string& url, const CrlFetchOptions& options);

}  // namespace einvoice::signing
