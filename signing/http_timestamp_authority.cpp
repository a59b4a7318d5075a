#include "signing/http_timestamp_authority.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>

#include "signing/openssl_support.h"

namespace einvoice::signing {
namespace {

using model::Error;
using model::ErrorCode;

// libcurl's global state, set up once per process and never torn down
// (exchanges may run on any thread until exit).
bool curl_ready() {
  static const bool ready = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  return ready;
}

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct HeaderListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

// The reply body, refused past `limit` bytes.
struct ReplySink {
  Bytes body;
  std::size_t limit = 0;
  bool too_large = false;
};

std::size_t collect(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<ReplySink*>(user);
  const std::size_t bytes = size * count;
  if (bytes > sink->limit - std::min(sink->limit, sink->body.size())) {
    sink->too_large = true;
    return 0;  // makes curl stop with CURLE_WRITE_ERROR
  }
  sink->body.insert(sink->body.end(), data, data + bytes);
  return bytes;
}

}  // namespace

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
  auto failure = [&](ErrorCode code, const std::string& what) {
    return detail::make_error(code, "TSA " + url_ + ": " + what);
  };
  if (!curl_ready())
    return failure(ErrorCode::kInternal, "cannot initialise libcurl");
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl)
    return failure(ErrorCode::kInternal, "cannot initialise libcurl");
  std::unique_ptr<curl_slist, HeaderListDeleter> headers;
  for (const char* header : {"Content-Type: application/timestamp-query",
                             "Accept: application/timestamp-reply", "Expect:"}) {
    curl_slist* longer = curl_slist_append(headers.get(), header);
    if (!longer)
      return failure(ErrorCode::kInternal, "out of memory");
    (void)headers.release();
    headers.reset(longer);
  }
  ReplySink sink;
  sink.limit = options_.max_response_bytes;
  char error_text[CURL_ERROR_SIZE] = {};
  CURL* c = curl.get();
  bool set = curl_easy_setopt(c, CURLOPT_URL, url_.c_str()) == CURLE_OK &&
             curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https") == CURLE_OK &&
             curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L) == CURLE_OK &&
             curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L) == CURLE_OK &&
             curl_easy_setopt(c, CURLOPT_USERAGENT, "einvoice") == CURLE_OK &&
             curl_easy_setopt(c, CURLOPT_POST, 1L) == CURLE_OK &&
             curl_easy_setopt(c, CURLOPT_POSTFIELDS, request_der.data()) == CURLE_OK &&
             curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE,
                              static_cast<curl_off_t>(request_der.size())) == CURLE_OK &&
             curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get()) == CURLE_OK &&
             curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect) == CURLE_OK &&
             curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink) == CURLE_OK &&
             curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error_text) == CURLE_OK &&
             curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(options_.timeout.count())) ==
                 CURLE_OK &&
             curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT,
                              static_cast<long>(options_.connect_timeout.count())) == CURLE_OK &&
             curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L) == CURLE_OK &&
             curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L) == CURLE_OK;
  if (set && !options_.ca_file.empty()) {
    // Only the anchors named: the system's folder of certificates is left out.
    set = curl_easy_setopt(c, CURLOPT_CAINFO, options_.ca_file.c_str()) == CURLE_OK &&
          curl_easy_setopt(c, CURLOPT_CAPATH, nullptr) == CURLE_OK;
  }
  if (set && !options_.proxy.empty())
    set = curl_easy_setopt(c, CURLOPT_PROXY, options_.proxy.c_str()) == CURLE_OK;
  if (set && !options_.user.empty()) {
    set = curl_easy_setopt(c, CURLOPT_USERNAME, options_.user.c_str()) == CURLE_OK &&
          curl_easy_setopt(c, CURLOPT_PASSWORD, options_.password.c_str()) == CURLE_OK &&
          curl_easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BASIC) == CURLE_OK;
  }
  if (set && !options_.client_certificate.empty()) {
    set = curl_easy_setopt(c, CURLOPT_SSLCERT, options_.client_certificate.c_str()) == CURLE_OK &&
          curl_easy_setopt(c, CURLOPT_SSLKEY, options_.client_key.c_str()) == CURLE_OK;
  }
  if (!set)
    return failure(ErrorCode::kInternal, "libcurl refused an option");

  const CURLcode done = curl_easy_perform(c);
  const std::string detail = error_text[0] != '\0' ? error_text : curl_easy_strerror(done);
  switch (done) {
    case CURLE_OK:
      break;
    case CURLE_WRITE_ERROR:
      if (sink.too_large)
        return failure(ErrorCode::kIo, "reply larger than the limit of " +
                                           std::to_string(options_.max_response_bytes) + " bytes");
      return failure(ErrorCode::kIo, detail);
    case CURLE_PARTIAL_FILE:
      return failure(ErrorCode::kIo, "reply shorter than its Content-Length (" + detail + ")");
    case CURLE_OPERATION_TIMEDOUT:
      return failure(ErrorCode::kIo, "timeout (" + detail + ")");
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_UNSUPPORTED_PROTOCOL:
      return failure(ErrorCode::kMalformed, "reply is not HTTP/1.x (" + detail + ")");
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
      return failure(ErrorCode::kIo, "cannot connect (" + detail + ")");
    default:
      return failure(ErrorCode::kIo, detail);
  }
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (status != 200)
    return failure(ErrorCode::kIo, "HTTP status " + std::to_string(status));
  return std::move(sink.body);
}

}  // namespace einvoice::signing
