#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "model/result.h"
#include "signing/timestamp_authority.h"

namespace einvoice::signing {

// A remote RFC 3161 TSA reached by HTTP POST (RFC 3161 3.4): a minimal
// blocking HTTP/1.1 client over OpenSSL BIOs, one connection per request
// ("Connection: close"), Content-Length or chunked replies. https:// URLs use
// TLS with the system trust store (or `ca_file`) and host name checking.
//
// Thread-safe: exchange() keeps no state between calls.
class HttpTimestampAuthority final : public TimestampAuthority {
 public:
  struct Options {
    std::chrono::seconds timeout{30};          // per read/write, not for connect()
    std::size_t max_response_bytes = 1 << 20;  // larger replies are refused
    std::string ca_file;                       // https only; empty = system default
  };

  // Errors: URL not http(s)://host[:port][/path] (kInvalidArgument).
  static model::Result<std::unique_ptr<HttpTimestampAuthority>> create(const std::string& url,
                                                                       Options options);
  static model::Result<std::unique_ptr<HttpTimestampAuthority>> create(const std::string& url) {
    return create(url, Options{});
  }

  // Errors name the URL: cannot connect, timeout, HTTP status other than 200,
  // reply too large or truncated (kIo); a reply that is not HTTP (kMalformed).
  model::Result<Bytes> exchange(std::span<const std::uint8_t> request_der) override;
  std::string name() const override { return url_; }

 private:
  HttpTimestampAuthority(std::string url, bool tls, std::string host, std::string port,
                         std::string path, Options options)
      : url_(std::move(url)),
        tls_(tls),
        host_(std::move(host)),
        port_(std::move(port)),
        path_(std::move(path)),
        options_(std::move(options)) {}

  std::string url_;
  bool tls_;
  std::string host_;
  std::string port_;
  std::string path_;
  Options options_;
};

}  // namespace einvoice::signing
