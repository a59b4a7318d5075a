// The HTTP TSA client against a one-shot HTTP server on 127.0.0.1 that hands
// the request to the local TSA (and, for error cases, answers badly).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <functional>
#include <string>
#include <thread>

#include "signing/crl_fetch.h"
#include "signing/http_timestamp_authority.h"
#include "signing/local_timestamp_authority.h"
#include "signing/revocation_issuer.h"
#include "signing/timestamp_token.h"
#include "tests/signing/test_pki.h"

using namespace einvoice;
using namespace einvoice::signing;
using namespace einvoice::signing::testing;

namespace {

// Accepts one connection, reads one request (headers + Content-Length body),
// answers with `reply(head, body)`, closes.
class OneShotServer {
 public:
  using Reply = std::function<std::string(const std::string& head, const Bytes& body)>;

  // With `tls` (not owned), the connection is TLS with that server context.
  explicit OneShotServer(Reply reply, SSL_CTX* tls = nullptr)
      : reply_(std::move(reply)), tls_(tls) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(listener_ >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    REQUIRE(::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    REQUIRE(::listen(listener_, 1) == 0);
    socklen_t len = sizeof addr;
    REQUIRE(::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~OneShotServer() {
    thread_.join();
    ::close(listener_);
  }
  std::string url() const {
    return std::string(tls_ != nullptr ? "https" : "http") +
           "://127.0.0.1:" + std::to_string(port_) + "/tsa";
  }
  const std::string& head() const { return head_; }

 private:
  void serve() {
    int fd = ::accept(listener_, nullptr, nullptr);
    if (fd < 0)
      return;
    SSL* ssl = nullptr;
    if (tls_ != nullptr) {
      ssl = SSL_new(tls_);
      SSL_set_fd(ssl, fd);
      if (SSL_accept(ssl) != 1) {
        SSL_free(ssl);
        ::close(fd);
        return;
      }
    }
    auto read_some = [&](char* buf, std::size_t size) -> long {
      return ssl != nullptr ? SSL_read(ssl, buf, static_cast<int>(size))
                            : static_cast<long>(::read(fd, buf, size));
    };
    auto write_some = [&](const char* buf, std::size_t size) -> long {
      return ssl != nullptr ? SSL_write(ssl, buf, static_cast<int>(size))
                            : static_cast<long>(::write(fd, buf, size));
    };
    std::string in;
    char buf[4096];
    std::size_t need = std::string::npos;
    while (need == std::string::npos || in.size() < need) {
      long n = read_some(buf, sizeof buf);
      if (n <= 0)
        break;
      in.append(buf, static_cast<std::size_t>(n));
      std::size_t end = in.find("\r\n\r\n");
      if (end != std::string::npos && need == std::string::npos) {
        std::size_t at = in.find("Content-Length: ");
        std::size_t length = at == std::string::npos ? 0 : std::stoul(in.substr(at + 16));
        need = end + 4 + length;
      }
    }
    std::size_t end = in.find("\r\n\r\n");
    head_ = in.substr(0, end);
    Bytes body(in.begin() + static_cast<std::ptrdiff_t>(end + 4), in.end());
    const std::string out = reply_(head_, body);
    std::size_t sent = 0;
    while (sent < out.size()) {
      long n = write_some(out.data() + sent, out.size() - sent);
      if (n <= 0)
        break;
      sent += static_cast<std::size_t>(n);
    }
    if (ssl != nullptr) {
      SSL_shutdown(ssl);
      SSL_free(ssl);
    }
    ::close(fd);
  }

  Reply reply_;
  SSL_CTX* tls_ = nullptr;
  int listener_ = -1;
  int port_ = 0;
  std::string head_;
  std::thread thread_;
};

std::string tsa_reply(const Bytes& body, bool chunked) {
  auto response = pki().tsa->exchange(body);
  if (!response)
    return "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n";
  const std::string der(response->begin(), response->end());
  if (!chunked) {
    return "HTTP/1.1 200 OK\r\nContent-Type: application/timestamp-reply\r\nContent-Length: " +
           std::to_string(der.size()) + "\r\n\r\n" + der;
  }
  const std::size_t half = der.size() / 2;
  auto hex = [](std::size_t n) {
    char text[32];
    std::snprintf(text, sizeof text, "%zx", n);
    return std::string(text);
  };
  return "HTTP/1.1 200 OK\r\nContent-Type: application/timestamp-reply\r\n"
         "Transfer-Encoding: chunked\r\n\r\n" +
         hex(half) + "\r\n" + der.substr(0, half) + "\r\n" + hex(der.size() - half) + "\r\n" +
         der.substr(half) + "\r\n0\r\n\r\n";
}

}  // namespace

TEST_CASE("the HTTP client posts a timestamp query and reads the reply", "[signing]") {
  const bool chunked = GENERATE(false, true);
  OneShotServer server(
      [chunked](const std::string&, const Bytes& body) { return tsa_reply(body, chunked); });
  auto client = HttpTimestampAuthority::create(server.url());
  REQUIRE(client.ok());
  const std::string data = "<Invoice>F2026-0001</Invoice>";
  auto token = request_timestamp(**client, as_bytes(data));
  REQUIRE(token.ok());
  CHECK(verify_timestamp_token(*token, as_bytes(data), pki().anchors, now()).ok());
  CHECK(server.head().starts_with("POST /tsa HTTP/1.1\r\n"));
  CHECK(server.head().find("Content-Type: application/timestamp-query") != std::string::npos);
}

TEST_CASE("the client speaks HTTPS and checks the server certificate", "[signing]") {
  CertificateProfile profile;
  profile.subject = {{"CN", "tsa.test"}};
  profile.not_before = now() - std::chrono::hours(1);
  profile.not_after = now() + std::chrono::days(2);
  profile.serial = 443;
  profile.key_usage = "critical,digitalSignature";
  profile.extended_key_usage = "serverAuth";
  profile.subject_alt_name = "IP:127.0.0.1";
  auto server_key = issue(profile, pki().root.get());
  SSL_CTX* ctx = SSL_CTX_new(TLS_server_method());
  REQUIRE(SSL_CTX_use_certificate(ctx, server_key->certificate().native()) == 1);
  REQUIRE(SSL_CTX_use_PrivateKey(ctx, server_key->native_key()) == 1);
  TempDir dir;
  const std::string data = "<Invoice>F2026-0001</Invoice>";

  SECTION("trusted server") {
    const auto root = dir.write("root.pem", pki().root->certificate().pem());
    OneShotServer server(
        [](const std::string&, const Bytes& body) { return tsa_reply(body, false); }, ctx);
    REQUIRE(server.url().starts_with("https://"));
    HttpTimestampAuthority::Options options;
    options.ca_file = root.string();
    auto client = HttpTimestampAuthority::create(server.url(), options);
    REQUIRE(client.ok());
    auto token = request_timestamp(**client, as_bytes(data));
    REQUIRE(token.ok());
    CHECK(verify_timestamp_token(*token, as_bytes(data), pki().anchors, now()).ok());
  }
  SECTION("server certificate from an untrusted CA") {
    const auto other = dir.write("other.pem", pki().other_root->certificate().pem());
    OneShotServer server(
        [](const std::string&, const Bytes& body) { return tsa_reply(body, false); }, ctx);
    HttpTimestampAuthority::Options options;
    options.ca_file = other.string();
    auto client = HttpTimestampAuthority::create(server.url(), options);
    REQUIRE(client.ok());
    auto reply = (*client)->exchange(as_bytes("x"));
    REQUIRE_FALSE(reply.ok());
    CHECK(reply.error().code == model::ErrorCode::kIo);
    CHECK(reply.error().message.find("cannot connect") != std::string::npos);
  }
  SSL_CTX_free(ctx);
}

TEST_CASE("HTTP TSA failures are errors naming the URL", "[signing]") {
  SECTION("HTTP status") {
    OneShotServer server([](const std::string&, const Bytes&) {
      return std::string("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n");
    });
    auto client = HttpTimestampAuthority::create(server.url());
    REQUIRE(client.ok());
    auto token = request_timestamp(**client, as_bytes("x"));
    REQUIRE_FALSE(token.ok());
    CHECK(token.error().code == model::ErrorCode::kIo);
    CHECK(token.error().message.find("503") != std::string::npos);
    CHECK(token.error().message.find(server.url()) != std::string::npos);
  }
  SECTION("truncated body") {
    OneShotServer server([](const std::string&, const Bytes&) {
      return std::string("HTTP/1.1 200 OK\r\nContent-Length: 400\r\n\r\nshort");
    });
    auto client = HttpTimestampAuthority::create(server.url());
    REQUIRE(client.ok());
    auto token = request_timestamp(**client, as_bytes("x"));
    REQUIRE_FALSE(token.ok());
    CHECK(token.error().message.find("Content-Length") != std::string::npos);
  }
  SECTION("not a timestamp response") {
    OneShotServer server([](const std::string&, const Bytes&) {
      return std::string("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello");
    });
    auto client = HttpTimestampAuthority::create(server.url());
    REQUIRE(client.ok());
    auto token = request_timestamp(**client, as_bytes("x"));
    REQUIRE_FALSE(token.ok());
    CHECK(token.error().code == model::ErrorCode::kMalformed);
  }
  SECTION("nobody listening") {
    int port = 0;
    {
      OneShotServer server([](const std::string&, const Bytes&) { return std::string(); });
      port = std::stoi(server.url().substr(17));
      auto client = HttpTimestampAuthority::create(server.url());  // let the server finish
      REQUIRE(client.ok());
      (void)(*client)->exchange(as_bytes("x"));
    }
    auto client = HttpTimestampAuthority::create("http://127.0.0.1:" + std::to_string(port) + "/");
    REQUIRE(client.ok());
    auto reply = (*client)->exchange(as_bytes("x"));
    REQUIRE_FALSE(reply.ok());
    CHECK(reply.error().code == model::ErrorCode::kIo);
    CHECK(reply.error().message.find("cannot connect") != std::string::npos);
  }
}

TEST_CASE("TSA URLs are checked", "[signing]") {
  CHECK(HttpTimestampAuthority::create("http://tsa.example/").ok());
  CHECK(HttpTimestampAuthority::create("https://tsa.example:8443/x").ok());
  CHECK(HttpTimestampAuthority::create("ftp://tsa.example/").error().code ==
        model::ErrorCode::kInvalidArgument);
  CHECK_FALSE(HttpTimestampAuthority::create("http://:80/").ok());
  CHECK_FALSE(HttpTimestampAuthority::create("http://tsa.example:x/").ok());
  CHECK_FALSE(HttpTimestampAuthority::create("http://a b/").ok());
}

TEST_CASE("The TSA client authenticates, refuses big replies and follows no redirect",
          "[signing]") {
  const std::string data = "<Invoice>F2026-0002</Invoice>";
  SECTION("HTTP basic authentication, as commercial TSAs ask") {
    OneShotServer server([](const std::string& head, const Bytes& body) {
      // "tsa-user:s3cret" in base64.
      if (head.find("Authorization: Basic dHNhLXVzZXI6czNjcmV0") == std::string::npos)
        return std::string(
            "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"tsa\"\r\n"
            "Content-Length: 0\r\n\r\n");
      return tsa_reply(body, false);
    });
    HttpTimestampAuthority::Options options;
    options.user = "tsa-user";
    options.password = "s3cret";
    auto client = HttpTimestampAuthority::create(server.url(), options);
    REQUIRE(client.ok());
    auto token = request_timestamp(**client, as_bytes(data));
    REQUIRE(token.ok());
    CHECK(verify_timestamp_token(*token, as_bytes(data), pki().anchors, now()).ok());
  }
  SECTION("a reply past the size limit") {
    OneShotServer server([](const std::string&, const Bytes&) {
      return "HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n" + std::string(5000, 'x');
    });
    HttpTimestampAuthority::Options options;
    options.max_response_bytes = 4096;
    auto client = HttpTimestampAuthority::create(server.url(), options);
    REQUIRE(client.ok());
    auto reply = (*client)->exchange(as_bytes("x"));
    REQUIRE_FALSE(reply.ok());
    CHECK(reply.error().code == model::ErrorCode::kIo);
    CHECK(reply.error().message.find("larger than the limit") != std::string::npos);
  }
  SECTION("a redirect is an error, never followed") {
    OneShotServer server([](const std::string&, const Bytes&) {
      return std::string(
          "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:1/elsewhere\r\n"
          "Content-Length: 0\r\n\r\n");
    });
    auto client = HttpTimestampAuthority::create(server.url());
    REQUIRE(client.ok());
    auto reply = (*client)->exchange(as_bytes("x"));
    REQUIRE_FALSE(reply.ok());
    CHECK(reply.error().message.find("HTTP status 302") != std::string::npos);
  }
  SECTION("a server that never answers times out") {
    OneShotServer server([](const std::string&, const Bytes&) {
      std::this_thread::sleep_for(std::chrono::seconds(3));
      return std::string();
    });
    HttpTimestampAuthority::Options options;
    options.timeout = std::chrono::seconds(1);
    auto client = HttpTimestampAuthority::create(server.url(), options);
    REQUIRE(client.ok());
    auto reply = (*client)->exchange(as_bytes("x"));
    REQUIRE_FALSE(reply.ok());
    CHECK(reply.error().code == model::ErrorCode::kIo);
    CHECK(reply.error().message.find("timeout") != std::string::npos);
  }
}

TEST_CASE("TSA URLs with IPv6 literals, and client certificates come with their key", "[signing]") {
  CHECK(HttpTimestampAuthority::create("http://[::1]:8080/tsa").ok());
  CHECK(HttpTimestampAuthority::create("https://[2001:db8::1]/").ok());
  CHECK_FALSE(HttpTimestampAuthority::create("http://[::1/").ok());
  CHECK_FALSE(HttpTimestampAuthority::create("http://[::1]x/").ok());
  CHECK_FALSE(HttpTimestampAuthority::create("http://[::1]:/").ok());
  CHECK_FALSE(HttpTimestampAuthority::create("http://user@tsa.example/").ok());
  HttpTimestampAuthority::Options options;
  options.client_certificate = "/etc/einvoice/tsa-client.pem";
  auto refused = HttpTimestampAuthority::create("https://tsa.example/", options);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message.find("needs its key") != std::string::npos);
  options.client_key = "/etc/einvoice/tsa-client.key";
  CHECK(HttpTimestampAuthority::create("https://tsa.example/", options).ok());
}

TEST_CASE("CRLs fetched from the distribution points a certificate names", "[signing][crl]") {
  const auto t = now();
  auto crl = issue_crl(*pki().root, {}, t - std::chrono::hours(1), t + std::chrono::hours(24));
  REQUIRE(crl.ok());
  const std::string der(crl->begin(), crl->end());
  SECTION("the certificate's http URI is read and its CRL fetched") {
    OneShotServer server([&](const std::string&, const Bytes&) {
      return "HTTP/1.1 200 OK\r\nContent-Type: application/pkix-crl\r\nContent-Length: " +
             std::to_string(der.size()) + "\r\n\r\n" + der;
    });
    CertificateProfile profile =
        seal_profile("CRL fetch test", t - std::chrono::hours(1), t + std::chrono::hours(24));
    profile.crl_distribution_points = "URI:ldap://ldap.example/ca,URI:" + server.url();
    auto subject = issue(profile, pki().root.get());
    const auto urls = crl_distribution_urls(subject->certificate());
    REQUIRE(urls == std::vector<std::string>{server.url()});
    auto fetched = fetch_crl(urls[0], {});
    REQUIRE(fetched.ok());
    CHECK(std::string(fetched->begin(), fetched->end()) == der);
    CHECK(server.head().rfind("GET /tsa HTTP/1.1", 0) == 0);
  }
  SECTION("a certificate without distribution points names none") {
    CHECK(crl_distribution_urls(pki().seal->certificate()).empty());
  }
  SECTION("a reply that is no CRL, or an HTTP error, names the URL") {
    OneShotServer server([](const std::string&, const Bytes&) {
      return std::string("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nnot a crl");
    });
    auto fetched = fetch_crl(server.url(), {});
    REQUIRE_FALSE(fetched.ok());
    CHECK(fetched.error().code == model::ErrorCode::kMalformed);
    CHECK(fetched.error().message.find(server.url()) != std::string::npos);
    OneShotServer missing([](const std::string&, const Bytes&) {
      return std::string("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
    });
    auto absent = fetch_crl(missing.url(), {});
    REQUIRE_FALSE(absent.ok());
    CHECK(absent.error().message.find("HTTP status 404") != std::string::npos);
  }
}
