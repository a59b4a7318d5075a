#pragma once

// One HTTP exchange through libcurl, shared by the RFC 3161 client and the
// CRL fetcher: http:// and https:// only, redirects never followed, TLS with
// host name checking, bounded time and reply size. Internal to the signing
// module.

#include <chrono>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/result.h"
#include "signing/digest.h"

namespace einvoice::signing::detail {

struct HttpOptions {
  std::chrono::seconds timeout{30};          // the whole exchange, connection included
  std::chrono::seconds connect_timeout{10};  // establishing the connection
  std::size_t max_response_bytes = 1 << 20;  // larger replies are refused
  std::string ca_file;                       // https only; empty = system default
  std::string proxy;                         // empty = curl's proxy variables
  std::string user;                          // HTTP basic authentication, with password
  std::string password;
  std::string client_certificate;  // PEM file: TLS client certificate (with client_key)
  std::string client_key;          // PEM file: its private key
};

// POSTs `post_body` (GETs when nullopt) to `url` with `headers` and returns
// the body of a 200 reply. Errors begin with `who` (e.g. "TSA https://..."):
// cannot connect or TLS refused, timeout, status other than 200, reply too
// large or truncated (kIo); a reply that is not HTTP (kMalformed).
// Thread-safe.
model::Result<Bytes> http_exchange(const std::string& url,
                                   std::optional<std::span<const std::uint8_t>> post_body,
                                   const std::vector<std::string>& headers,
                                   const HttpOptions& options, const std::string& who);

}  // namespace einvoice::signing::detail
