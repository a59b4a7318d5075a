// RFC 3161: requests, the local TSA's responses, response checks, token
// verification, and the openssl CLI as an independent verifier.
#include <openssl/ts.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "signing/local_timestamp_authority.h"
#include "signing/timestamp_request.h"
#include "signing/timestamp_response.h"
#include "signing/timestamp_token.h"
#include "tests/signing/test_pki.h"

using namespace einvoice;
using namespace einvoice::signing;
using namespace einvoice::signing::testing;

namespace {

const std::string kInvoice = "<Invoice>F2026-0001</Invoice>\n";

}  // namespace

TEST_CASE("a timestamp request carries a SHA-256 imprint and a nonce and certReq", "[signing]") {
  auto request = make_timestamp_request_for(as_bytes(kInvoice));
  REQUIRE(request.ok());
  CHECK(request->imprint == digest(DigestAlgorithm::kSha256, as_bytes(kInvoice)));
  CHECK(request->nonce.size() == 8);

  const unsigned char* p = request->der.data();
  TS_REQ* req = d2i_TS_REQ(nullptr, &p, static_cast<long>(request->der.size()));
  REQUIRE(req != nullptr);
  CHECK(TS_REQ_get_version(req) == 1);
  CHECK(TS_REQ_get_cert_req(req) == 1);
  CHECK(TS_REQ_get_nonce(req) != nullptr);
  const ASN1_OCTET_STRING* imprint = TS_MSG_IMPRINT_get_msg(TS_REQ_get_msg_imprint(req));
  CHECK(Bytes(ASN1_STRING_get0_data(imprint),
              ASN1_STRING_get0_data(imprint) + ASN1_STRING_length(imprint)) == request->imprint);
  TS_REQ_free(req);

  auto other = make_timestamp_request_for(as_bytes(kInvoice));
  REQUIRE(other.ok());
  CHECK(other->nonce != request->nonce);

  auto bad = make_timestamp_request(DigestAlgorithm::kSha256, Bytes(20, 0), {});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == model::ErrorCode::kInvalidArgument);
}

TEST_CASE("the local TSA answers with a token the checks and openssl ts accept", "[signing]") {
  LocalTimestampAuthority& tsa = *pki().tsa;
  auto request = make_timestamp_request_for(as_bytes(kInvoice));
  REQUIRE(request.ok());
  auto response = tsa.exchange(request->der);
  REQUIRE(response.ok());
  auto token = parse_timestamp_response(*response, *request, tsa.name());
  REQUIRE(token.ok());
  CHECK(token->nonce == request->nonce);
  CHECK(token->imprint == request->imprint);
  CHECK(token->policy_oid == LocalTimestampAuthority::kDefaultPolicy);
  REQUIRE(token->tsa_certificate.has_value());
  CHECK(*token->tsa_certificate == tsa.signer().certificate());
  CHECK(std::chrono::abs(token->gen_time - now()) < std::chrono::minutes(2));

  const TokenCheck check = verify_timestamp_token(*token, as_bytes(kInvoice), pki().anchors, now());
  CHECK(check.ok());
  CHECK(check.message.empty());

  TempDir dir;
  const auto data = dir.write("invoice.xml", kInvoice);
  const auto tampered = dir.write("tampered.xml", "<Invoice>F2026-0002</Invoice>\n");
  const auto req = dir.write("req.tsq", request->der);
  const auto resp = dir.write("resp.tsr", *response);
  const auto token_file = dir.write("token.der", token->der);
  const auto root = dir.write("root.pem", pki().root->certificate().pem());
  const auto tsa_cert = dir.write("tsa.pem", tsa.signer().certificate().pem());
  const auto log = dir.path() / "openssl.log";
  const std::string trust = " -CAfile " + quote(root) + " -untrusted " + quote(tsa_cert);
  CHECK(run("openssl ts -verify -queryfile " + quote(req) + " -in " + quote(resp) + trust, log));
  INFO(read_text(log));
  CHECK(run("openssl ts -verify -data " + quote(data) + " -in " + quote(resp) + trust, log));
  CHECK(run("openssl ts -verify -data " + quote(data) + " -in " + quote(token_file) + " -token_in" +
                trust,
            log));
  CHECK_FALSE(
      run("openssl ts -verify -data " + quote(tampered) + " -in " + quote(resp) + trust, log));
}

TEST_CASE("a response that does not answer the request is refused", "[signing]") {
  LocalTimestampAuthority& tsa = *pki().tsa;
  auto request = make_timestamp_request_for(as_bytes(kInvoice));
  auto other = make_timestamp_request_for(as_bytes(kInvoice + "x"));
  REQUIRE(request.ok());
  REQUIRE(other.ok());
  auto response = tsa.exchange(request->der);
  REQUIRE(response.ok());

  SECTION("other imprint") {
    auto token = parse_timestamp_response(*response, *other, "tsa.example");
    REQUIRE_FALSE(token.ok());
    CHECK(token.error().code == model::ErrorCode::kInvalid);
    CHECK(token.error().message.find("imprint") != std::string::npos);
    CHECK(token.error().message.find("tsa.example") != std::string::npos);
  }
  SECTION("same imprint, other nonce") {
    auto same_data = make_timestamp_request_for(as_bytes(kInvoice));
    REQUIRE(same_data.ok());
    auto token = parse_timestamp_response(*response, *same_data, "tsa.example");
    REQUIRE_FALSE(token.ok());
    CHECK(token.error().message.find("nonce") != std::string::npos);
  }
  SECTION("not a response") {
    auto token = parse_timestamp_response(as_bytes("HTTP/1.1 500"), *request, "tsa.example");
    REQUIRE_FALSE(token.ok());
    CHECK(token.error().code == model::ErrorCode::kMalformed);
  }
  SECTION("rejected: policy the TSA does not serve") {
    auto with_policy = make_timestamp_request(DigestAlgorithm::kSha256,
                                              digest(DigestAlgorithm::kSha256, as_bytes(kInvoice)),
                                              random_nonce(), "1.2.3.4.5.6");
    REQUIRE(with_policy.ok());
    auto rejected = tsa.exchange(with_policy->der);
    REQUIRE(rejected.ok());
    auto token = parse_timestamp_response(*rejected, *with_policy, "tsa.example");
    REQUIRE_FALSE(token.ok());
    CHECK(token.error().message.find("rejected") != std::string::npos);
  }
}

TEST_CASE("token verification names what is wrong", "[signing]") {
  auto token = request_timestamp(*pki().tsa, as_bytes(kInvoice));
  REQUIRE(token.ok());

  const TokenCheck other_data =
      verify_timestamp_token(*token, as_bytes("other"), pki().anchors, now());
  CHECK(other_data.failure == TokenFailure::kHashFailure);

  const TokenCheck untrusted =
      verify_timestamp_token(*token, as_bytes(kInvoice), pki().other_anchors, now());
  CHECK(untrusted.failure == TokenFailure::kNoCertificateChain);

  const TokenCheck later = verify_timestamp_token(*token, as_bytes(kInvoice), pki().anchors,
                                                  now() + std::chrono::days(6 * 365));
  CHECK(later.failure == TokenFailure::kOutOfBounds);

  TimestampToken broken = *token;
  broken.der[broken.der.size() - 10] ^= 0x01;  // inside the token's signature value
  const TokenCheck crypto =
      verify_timestamp_token(broken, as_bytes(kInvoice), pki().anchors, now());
  CHECK(crypto.failure == TokenFailure::kSigCryptoFailure);
}

TEST_CASE("a TSA certificate without the critical timeStamping EKU is refused", "[signing]") {
  CertificateProfile profile;
  profile.subject = {{"CN", "TSA with non-critical EKU"}};
  profile.not_before = now() - std::chrono::hours(1);
  profile.not_after = now() + std::chrono::days(30);
  profile.serial = 77;
  profile.key_usage = "critical,digitalSignature";
  profile.extended_key_usage = "timeStamping";
  std::shared_ptr<const SoftwareSigner> signer = issue(profile, pki().root.get());
  CHECK(check_tsa_certificate_usage(signer->certificate()).find("not critical") !=
        std::string::npos);
  CHECK(check_tsa_certificate_usage(pki().tsa->signer().certificate()).empty());
  CHECK_FALSE(check_tsa_certificate_usage(pki().seal->certificate()).empty());

  LocalTimestampAuthority bad_tsa(signer, [] { return std::chrono::system_clock::now(); });
  auto token = request_timestamp(bad_tsa, as_bytes(kInvoice));
  CHECK_FALSE(token.ok());
}

TEST_CASE("the local TSA uses its clock and counts serial numbers", "[signing]") {
  const auto fixed = std::chrono::sys_days{std::chrono::year{2026} / 3 / 1} + std::chrono::hours(9);
  auto tsa = LocalTimestampAuthority::create(pki().root.get(), [fixed] { return fixed; });
  REQUIRE(tsa.ok());
  auto first = request_timestamp(**tsa, as_bytes(kInvoice));
  auto second = request_timestamp(**tsa, as_bytes(kInvoice));
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  CHECK(first->gen_time == fixed);
  CHECK(first->serial == "1");
  CHECK(second->serial == "2");
}

TEST_CASE("a kept test TSA folder never writes through a planted link", "[signing]") {
  namespace fs = std::filesystem;
  const fs::path root =
      fs::temp_directory_path() / ("einvoice-tsa-dir-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "dir");
  const fs::path victim = root / "victim.txt";
  { std::ofstream(victim) << "keep me"; }
  fs::create_symlink(victim, root / "dir" / "tsa-key.pem");
  const auto clock = [] { return std::chrono::system_clock::now(); };

  auto refused = LocalTimestampAuthority::load_or_create(root / "dir", clock);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message.find("tsa-key.pem") != std::string::npos);
  std::ifstream in(victim);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(content == "keep me");

  // A clean folder gets a private key and is reused on the next run.
  auto created = LocalTimestampAuthority::load_or_create(root / "fresh", clock);
  REQUIRE(created.ok());
  CHECK((fs::status(root / "fresh" / "tsa-key.pem").permissions() & fs::perms::group_all) ==
        fs::perms::none);
  auto again = LocalTimestampAuthority::load_or_create(root / "fresh", clock);
  REQUIRE(again.ok());
  CHECK((*again)->name() == (*created)->name());
  fs::remove_all(root);
}
