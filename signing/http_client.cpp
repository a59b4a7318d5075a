#include "signing/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <memory>

#include "signing/openssl_support.h"

namespace einvoice::signing::detail {
namespace {

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

model::Result<Bytes> http_exchange(const std::string& url,
                                   std::optional<std::span<const std::uint8_t>> post_body,
                                   const std::vector<std::string>& header_lines,
                                   const HttpOptions& options, const std::string& who) {
  auto failure = [&](ErrorCode code, const std::string& what) {
    return make_error(code, who + ": " + what);
  };
  if (!curl_ready())
    return failure(ErrorCode::kInternal, "cannot initialise libcurl");
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl)
    return failure(ErrorCode::kInternal, "cannot initialise libcurl");
  std::unique_ptr<curl_slist, HeaderListDeleter> headers;
  for (const auto& header : header_lines) {
    curl_slist* longer = curl_slist_append(headers.get(), header.c_str());
    if (!longer)
      return failure(ErrorCode::kInternal, "out of memory");
    (void)headers.release();
    headers.reset(longer);
  }
  ReplySink sink;
  sink.limit = options.max_response_bytes;
  char error_text[CURL_ERROR_SIZE] = {};
  CURL* c = curl.get();
  bool set = curl_easy_setopt(c, CURLOPT_URL, url.c_str()) == CURLE_OK &&
             curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https") == CURLE_OK &&
             curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L) == CURLE_OK &&
             curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L) == CURLE_OK &&
             curl_easy_setopt(c, CURLOPT_USERAGENT, "einvoice") == CURLE_OK &&
             curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get()) == CURLE_OK &&
             curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect) == CURLE_OK &&
             curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink) == CURLE_OK &&
             curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error_text) == CURLE_OK &&
             curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(options.timeout.count())) ==
                 CURLE_OK &&
             curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT,
                              static_cast<long>(options.connect_timeout.count())) == CURLE_OK &&
             curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L) == CURLE_OK &&
             curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L) == CURLE_OK;
  if (set && post_body) {
    set = curl_easy_setopt(c, CURLOPT_POST, 1L) == CURLE_OK &&
          curl_easy_setopt(c, CURLOPT_POSTFIELDS, post_body->data()) == CURLE_OK &&
          curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE,
                           static_cast<curl_off_t>(post_body->size())) == CURLE_OK;
  }
  if (set && !options.ca_file.empty()) {
    // Only the anchors named: the system's folder of certificates is left out.
    set = curl_easy_setopt(c, CURLOPT_CAINFO, options.ca_file.c_str()) == CURLE_OK &&
          curl_easy_setopt(c, CURLOPT_CAPATH, nullptr) == CURLE_OK;
  }
  if (set && !options.proxy.empty())
    set = curl_easy_setopt(c, CURLOPT_PROXY, options.proxy.c_str()) == CURLE_OK;
  if (set && !options.user.empty()) {
    set = curl_easy_setopt(c, CURLOPT_USERNAME, options.user.c_str()) == CURLE_OK &&
          curl_easy_setopt(c, CURLOPT_PASSWORD, options.password.c_str()) == CURLE_OK &&
          curl_easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BASIC) == CURLE_OK;
  }
  if (set && !options.client_certificate.empty()) {
    set = curl_easy_setopt(c, CURLOPT_SSLCERT, options.client_certificate.c_str()) == CURLE_OK &&
          curl_easy_setopt(c, CURLOPT_SSLKEY, options.client_key.c_str()) == CURLE_OK;
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
                                           std::to_string(options.max_response_bytes) + " bytes");
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

}  // namespace einvoice::signing::detail
