#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "model/result.h"
#include "signing/timestamp_authority.h"

namespace einvoice::signing {

// A remote RFC 3161 TSA reached by HTTP POST (RFC 3161 3.4), through
// libcurl: http:// and https:// only, redirects not followed, TLS with the
// system trust store (or `ca_file`) and host name checking, IPv4 and IPv6,
// proxies (`proxy`, else curl's http_proxy / https_proxy / no_proxy
// variables), HTTP basic authentication (sent with the request: use https) and
// TLS client certificates, which commercial TSAs ask for.
//
// Thread-safe: exchange() keeps no state between calls.
class HttpTimestampAuthority final : public TimestampAuthority {
 public:
  struct Options {
    std::chrono::seconds timeout{30};          // the whole exchange, connection included
    std::chrono::seconds connect_timeout{10};  // establishing the connection
    std::size_t max_response_bytes = 1 << 20;  // larger replies are refused
    std::string ca_file;                       // https only; empty = system default
    std::string proxy;                         // e.g. "http://proxy:3128"; empty = environment
    std::string user;                          // HTTP basic authentication, with password
    std::string password;
    std::string client_certificate;  // PEM file: TLS client certificate (with client_key)
    std::string client_key;          // PEM file: its private key
  };

  // Errors: URL not http(s)://host[:port][/path] (kInvalidArgument).
  static model::Result<std::unique_ptr<HttpTimestampAuthority>> create(const std::string& url,
                                                                       Options options);
  static model::Result<std::unique_ptr<HttpTimestampAuthority>> create(const std::string& url) {
    return create(url, Options{});
  }

  // Errors name the URL: cannot connect (or the TLS check failed), timeout,
  // HTTP status other than 200, reply too large or truncated (kIo); a reply
  // that is not HTTP (kMalformed).
  model::Result<Bytes> exchange(std::span<const std::uint8_t> request_der) override;
  std::string name() const override { return url_; }

 private:
  HttpTimestampAuthority(std::string url, Options options)
      : url_(std::move(url)), options_(std::move(options)) {}

  std::string url_;
  Options options_;
};

}  // namespace einvoice::signing
