#include "signing/http_timestamp_authority.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>

#include "signing/http_client.h"
#include "signing/openssl_support.h"

namespace einvoice::signing {

using model::ErrorCode;

model::Result<std::unique_ptr<HttpTimestampAuthority>> HttpTimestampAuthority::create(
    const std::string& url, Options options) {
  auto bad = [&](const std::string& why) {
    return detail::make_error(ErrorCode::kInvalidArgument, "TSA URL " + url + ": " + why);
  };
  std::string_view rest = url;
  if (rest.starts_with("http://")) {
    rest.remove_prefix(7);
  } else if (rest.starts_with("https://")) {
    rest.remove_prefix(8);
  } else {
    return bad("only http:// and https:// are supported");
  }
  const std::string_view authority = rest.substr(0, rest.find('/'));
  const std::string_view path = rest.substr(authority.size());
  std::string_view host = authority;
  std::optional<std::string_view> port;
  if (authority.starts_with("[")) {  // an IPv6 literal, [address]:port
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos)
      return bad("bad host or path");
    host = authority.substr(1, close - 1);
    const std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (!after.starts_with(":"))
        return bad("bad host or path");
      port = after.substr(1);
    }
  } else if (const std::size_t colon = authority.rfind(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
  }
  if (port && (port->empty() || !std::all_of(port->begin(), port->end(),
                                             [](unsigned char c) { return std::isdigit(c) != 0; })))
    return bad("bad port");
  if (host.empty() || host.find_first_of("@[] \r\n\t") != std::string_view::npos ||
      path.find_first_of(" \r\n\t") != std::string_view::npos)
    return bad("bad host or path");
  if (options.client_certificate.empty() != options.client_key.empty())
    return bad("a TLS client certificate needs its key, and a key its certificate");
  return std::unique_ptr<HttpTimestampAuthority>(
      new HttpTimestampAuthority(url, std::move(options)));
}

model::Result<Bytes> HttpTimestampAuthority::exchange(std::span<const std::uint8_t> request_der) {
  return detail::http_exchange(url_, request_der,
                               {"Content-Type: application/timestamp-query",
                                "Accept: application/timestamp-reply", "Expect:"},
                               options_, "TSA " + url_);
}

}  // namespace einvoice::signing
