#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "model/result.h"
#include "signing/http_client.h"
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
  // Timeouts, reply size limit, TLS anchors, proxy, basic authentication
  // and TLS client certificate (signing/http_client.h).
  using Options = detail::HttpOptions;

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
