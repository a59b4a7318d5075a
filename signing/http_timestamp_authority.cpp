#include "signing/http_timestamp_authority.h"

#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "signing/openssl_support.h"

namespace einvoice::signing {
namespace {

using model::Error;
using model::ErrorCode;

void free_ssl_ctx(SSL_CTX* ctx) {
  SSL_CTX_free(ctx);
}
using SslCtxPtr = std::unique_ptr<SSL_CTX, detail::Deleter<SSL_CTX, free_ssl_ctx>>;

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool parse_hex(std::string_view text, std::size_t& value) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value, 16);
  return ec == std::errc() && ptr != text.data();
}

// Decodes a chunked body (RFC 9112 7.1); false when malformed or truncated.
bool dechunk(std::string_view body, Bytes& out) {
  std::size_t pos = 0;
  while (true) {
    std::size_t eol = body.find("\r\n", pos);
    if (eol == std::string_view::npos)
      return false;
    std::string_view size_line = body.substr(pos, eol - pos);
    size_line = size_line.substr(0, size_line.find(';'));
    std::size_t size = 0;
    if (!parse_hex(size_line, size))
      return false;
    pos = eol + 2;
    if (size == 0)
      return true;
    if (size > body.size() - pos)
      return false;
    out.insert(out.end(), body.begin() + static_cast<std::ptrdiff_t>(pos),
               body.begin() + static_cast<std::ptrdiff_t>(pos + size));
    pos += size + 2;
    if (pos > body.size())
      return false;
  }
}

}  // namespace

model::Result<std::unique_ptr<HttpTimestampAuthority>> HttpTimestampAuthority::create(
    const std::string& url, Options options) {
  auto bad = [&](const std::string& why) {
    return detail::make_error(ErrorCode::kInvalidArgument, "TSA URL " + url + ": " + why);
  };
  bool tls = false;
  std::string_view rest = url;
  if (rest.starts_with("http://")) {
    rest.remove_prefix(7);
  } else if (rest.starts_with("https://")) {
    rest.remove_prefix(8);
    tls = true;
  } else {
    return bad("only http:// and https:// are supported");
  }
  std::size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  std::string path = slash == std::string_view::npos ? "/" : std::string(rest.substr(slash));
  std::string host(authority);
  std::string port = tls ? "443" : "80";
  if (std::size_t colon = authority.rfind(':'); colon != std::string_view::npos) {
    host = std::string(authority.substr(0, colon));
    port = std::string(authority.substr(colon + 1));
    if (port.empty() || !std::all_of(port.begin(), port.end(),
                                     [](unsigned char c) { return std::isdigit(c) != 0; })) {
      return bad("bad port");
    }
  }
  if (host.empty() || host.find_first_of("@[] \r\n") != std::string::npos ||
      path.find_first_of(" \r\n") != std::string::npos) {
    return bad("bad host or path");
  }
  return std::unique_ptr<HttpTimestampAuthority>(new HttpTimestampAuthority(
      url, tls, std::move(host), std::move(port), std::move(path), std::move(options)));
}

model::Result<Bytes> HttpTimestampAuthority::exchange(std::span<const std::uint8_t> request_der) {
  auto io_error = [&](const std::string& what) {
    return detail::openssl_error(ErrorCode::kIo, "TSA " + url_ + ": " + what);
  };
  const std::string target = host_ + ":" + port_;
  SslCtxPtr ssl_ctx;
  detail::BioPtr bio;
  if (tls_) {
    ssl_ctx.reset(SSL_CTX_new(TLS_client_method()));
    if (!ssl_ctx)
      return io_error("cannot create a TLS context");
    const int loaded =
        options_.ca_file.empty()
            ? SSL_CTX_set_default_verify_paths(ssl_ctx.get())
            : SSL_CTX_load_verify_locations(ssl_ctx.get(), options_.ca_file.c_str(), nullptr);
    if (loaded != 1)
      return io_error("cannot load TLS trust anchors");
    SSL_CTX_set_verify(ssl_ctx.get(), SSL_VERIFY_PEER, nullptr);
    bio.reset(BIO_new_ssl_connect(ssl_ctx.get()));
    SSL* ssl = nullptr;
    if (!bio || BIO_get_ssl(bio.get(), &ssl) != 1 || ssl == nullptr) {
      return io_error("cannot set up TLS");
    }
    // An IP literal is checked against the certificate's IP addresses and
    // sent without SNI (RFC 6066 3); a name against its DNS names, with SNI.
    ASN1_OCTET_STRING* ip = a2i_IPADDRESS(host_.c_str());
    detail::openssl_errors();  // "not an IP address" is expected for names
    const bool host_ok = ip != nullptr ? X509_VERIFY_PARAM_set1_ip(
                                             SSL_get0_param(ssl), ASN1_STRING_get0_data(ip),
                                             static_cast<std::size_t>(ASN1_STRING_length(ip))) == 1
                                       : SSL_set_tlsext_host_name(ssl, host_.c_str()) == 1 &&
                                             SSL_set1_host(ssl, host_.c_str()) == 1;
    ASN1_OCTET_STRING_free(ip);
    if (!host_ok)
      return io_error("cannot set the TLS host name check");
    BIO_set_conn_hostname(bio.get(), target.c_str());
  } else {
    bio.reset(BIO_new_connect(target.c_str()));
  }
  if (!bio || BIO_do_connect(bio.get()) != 1)
    return io_error("cannot connect to " + target);
  if (int fd = -1; BIO_get_fd(bio.get(), &fd) > 0 && fd >= 0) {
    timeval tv{};
    tv.tv_sec = static_cast<time_t>(options_.timeout.count());
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  }

  std::string head = "POST " + path_ + " HTTP/1.1\r\nHost: " + host_ +
                     ((port_ == "80" && !tls_) || (port_ == "443" && tls_) ? "" : ":" + port_) +
                     "\r\nContent-Type: application/timestamp-query\r\n"
                     "Accept: application/timestamp-reply\r\n"
                     "User-Agent: einvoice\r\nConnection: close\r\nContent-Length: " +
                     std::to_string(request_der.size()) + "\r\n\r\n";
  Bytes message(head.begin(), head.end());
  message.insert(message.end(), request_der.begin(), request_der.end());
  for (std::size_t sent = 0; sent < message.size();) {
    int n = BIO_write(bio.get(), message.data() + sent, static_cast<int>(message.size() - sent));
    if (n <= 0)
      return io_error("cannot send the request (timeout or connection closed)");
    sent += static_cast<std::size_t>(n);
  }
  (void)BIO_flush(bio.get());

  std::string reply;
  char buffer[8192];
  while (true) {
    int n = BIO_read(bio.get(), buffer, sizeof buffer);
    if (n <= 0)
      break;
    reply.append(buffer, static_cast<std::size_t>(n));
    if (reply.size() > options_.max_response_bytes + 16384) {
      return detail::make_error(ErrorCode::kIo, "TSA " + url_ + ": reply larger than the limit");
    }
  }
  detail::openssl_errors();
  std::size_t header_end = reply.find("\r\n\r\n");
  if (!reply.starts_with("HTTP/1.") || header_end == std::string::npos) {
    return detail::make_error(ErrorCode::kMalformed, "TSA " + url_ + ": reply is not HTTP/1.x");
  }
  const std::string_view headers = std::string_view(reply).substr(0, header_end);
  const std::string_view status = headers.substr(0, headers.find("\r\n"));
  if (status.size() < 12 || status.substr(9, 3) != "200") {
    return detail::make_error(ErrorCode::kIo,
                              "TSA " + url_ + ": HTTP status " + std::string(status));
  }
  const std::string lower_headers = lower(headers);
  const std::string_view body = std::string_view(reply).substr(header_end + 4);
  Bytes out;
  if (lower_headers.find("\r\ntransfer-encoding: chunked") != std::string::npos) {
    if (!dechunk(body, out)) {
      return detail::make_error(ErrorCode::kIo, "TSA " + url_ + ": truncated chunked reply");
    }
  } else if (std::size_t at = lower_headers.find("\r\ncontent-length:"); at != std::string::npos) {
    std::string_view value = std::string_view(lower_headers).substr(at + 17);
    value = value.substr(0, value.find("\r\n"));
    while (!value.empty() && value.front() == ' ')
      value.remove_prefix(1);
    std::size_t length = 0;
    auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), length);
    if (ec != std::errc() || ptr == value.data() || length > body.size()) {
      return detail::make_error(ErrorCode::kIo,
                                "TSA " + url_ + ": reply shorter than its Content-Length");
    }
    out.assign(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(length));
  } else {
    out.assign(body.begin(), body.end());
  }
  if (out.size() > options_.max_response_bytes) {
    return detail::make_error(ErrorCode::kIo, "TSA " + url_ + ": reply larger than the limit");
  }
  return out;
}

}  // namespace einvoice::signing
