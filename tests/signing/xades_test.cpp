// XAdES enveloped in a UBL invoice of the shared corpus: core validity
// checked by xmlsec1, einvoice's own verification of B-B and B-T, tampered
// documents, and signatures that are cryptographically valid but do not
// cover the invoice (issue 12, defect 2): re-signed by the xmlsec1 command
// line with the test seal key, so only the XAdES rules can refuse them.
#include "signing/xades.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <openssl/pem.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <thread>

#include "tests/signing/test_pki.h"

using namespace einvoice;
using namespace einvoice::signing;
using namespace einvoice::signing::testing;

namespace {

std::string ubl_invoice() {
  std::ifstream in(std::filesystem::path(EINVOICE_CORPUS_DIR) / "en16931" / "ubl" / "examples" /
                       "ubl-tc434-example1.xml",
                   std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  REQUIRE(!text.str().empty());
  return text.str();
}

std::string seal(CadesLevel level, const std::string& ubl = ubl_invoice()) {
  XadesOptions options;
  options.level = level;
  options.signing_time = now();
  options.timestamp_authority = pki().tsa.get();
  auto sealed = seal_ubl_xades(*pki().seal, ubl, options, "invoice.xml");
  if (!sealed)
    FAIL(sealed.error().describe());
  return std::move(*sealed);
}

std::vector<SignatureReport> verify_all(const std::string& xml) {
  VerificationOptions options;
  options.validation_time = now();
  auto reports = verify_xades(xml, pki().anchors, options, "sealed.xml");
  if (!reports)
    FAIL(reports.error().describe());
  for (const SignatureReport& r : *reports)
    UNSCOPED_INFO(describe(r));
  return std::move(*reports);
}

SignatureReport verify(const std::string& xml) {
  auto reports = verify_all(xml);
  REQUIRE(reports.size() == 1);
  return std::move(reports.front());
}

}  // namespace

TEST_CASE("xades: B-B and B-T in UBL verify", "[signing][xades]") {
  const auto level = GENERATE(CadesLevel::kBaselineB, CadesLevel::kBaselineT);
  const std::string sealed = seal(level);
  CHECK(sealed.find("<sac:SignatureInformation>") != std::string::npos);
  const SignatureReport report = verify(sealed);
  INFO(describe(report));
  CHECK(report.indication == Indication::kTotalPassed);
  CHECK(report.level == (level == CadesLevel::kBaselineT ? SignatureLevel::kBaselineT
                                                         : SignatureLevel::kBaselineB));
  CHECK(report.siren == std::string(kSiren));
}

TEST_CASE("xades: xmlsec1 accepts the signature", "[signing][xades][tools]") {
  const TempDir dir;
  const auto file = dir.write("sealed.xml", seal(CadesLevel::kBaselineT));
  const auto root = dir.write("root.pem", pki().root->certificate().pem());
  const auto log = dir.path() / "xmlsec.log";
  const bool ok = run("xmlsec1 --verify --trusted-pem " + quote(root) +
                          " --id-attr:Id http://uri.etsi.org/01903/v1.3.2#:SignedProperties "
                          "--id-attr:Id http://www.w3.org/2000/09/xmldsig#:SignatureValue " +
                          quote(file),
                      log);
  INFO(read_text(log));
  CHECK(ok);
}

TEST_CASE("xades: a changed amount fails the reference digest", "[signing][xades]") {
  std::string sealed = seal(CadesLevel::kBaselineB);
  const auto at = sealed.find("PayableAmount");
  REQUIRE(at != std::string::npos);
  const auto digit = sealed.find_first_of("0123456789", sealed.find('>', at));
  sealed[digit] = sealed[digit] == '9' ? '8' : static_cast<char>(sealed[digit] + 1);
  const SignatureReport report = verify(sealed);
  CHECK(report.indication == Indication::kTotalFailed);
  CHECK(report.sub_indication == SubIndication::kHashFailure);
}

TEST_CASE("xades: an untrusted root is not TOTAL_PASSED", "[signing][xades]") {
  VerificationOptions options;
  options.validation_time = now();
  auto reports = verify_xades(seal(CadesLevel::kBaselineB), pki().other_anchors, options, "x");
  REQUIRE(reports);
  REQUIRE(reports->size() == 1);
  CHECK(reports->front().indication != Indication::kTotalPassed);
}

TEST_CASE("xades: every ds:Signature gets its own verdict", "[signing][xades]") {
  const std::string once = seal(CadesLevel::kBaselineB);
  const std::string twice = seal(CadesLevel::kBaselineT, once);
  CHECK(twice.find("Id=\"xades-seal-2\"") != std::string::npos);
  const auto reports = verify_all(twice);
  REQUIRE(reports.size() == 2);
  // The first seal's reference "" covered the document before the second
  // seal was added: it now fails; the second, over everything, passes.
  CHECK(reports[0].indication == Indication::kTotalFailed);
  CHECK(reports[0].sub_indication == SubIndication::kHashFailure);
  CHECK(reports[1].indication == Indication::kTotalPassed);
  CHECK(reports[1].level == SignatureLevel::kBaselineT);

  // A damaged second signature value fails on its own.
  std::string tampered = twice;
  const std::size_t value = tampered.find("Id=\"xades-seal-2-value\">");
  REQUIRE(value != std::string::npos);
  const std::size_t digit = value + std::string("Id=\"xades-seal-2-value\">").size() + 4;
  tampered[digit] = tampered[digit] == 'A' ? 'B' : 'A';
  const auto bad = verify_all(tampered);
  REQUIRE(bad.size() == 2);
  CHECK(bad[1].indication == Indication::kTotalFailed);
  CHECK(bad[1].sub_indication == SubIndication::kSigCryptoFailure);
}

namespace {

constexpr const char* kSignedPropertiesId = "xades-seal-signed-properties";

// Replaces the first occurrence of `from` (which must be there) by `to`.
void replace_once(std::string& text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
}

// The element starting with `start` up to and including `end`.
std::string element(const std::string& text, const std::string& start, const std::string& end) {
  const std::size_t from = text.find(start);
  REQUIRE(from != std::string::npos);
  const std::size_t to = text.find(end, from);
  REQUIRE(to != std::string::npos);
  return text.substr(from, to + end.size() - from);
}

// The invoice total to pay, 250.33 in the corpus example, raised to 999.99.
void change_payable_amount(std::string& xml) {
  replace_once(xml, ">250.33</cbc:PayableAmount>", ">999.99</cbc:PayableAmount>");
}

bool mentions(const SignatureReport& report, const std::string& words) {
  for (const std::string& e : report.errors) {
    if (e.find(words) != std::string::npos)
      return true;
  }
  return false;
}

// Verifies `xml`, expecting TOTAL_FAILED for the `reason` given.
SignatureReport check_refused(const std::string& xml, const std::string& reason) {
  SignatureReport report = verify(xml);
  CHECK(report.indication == Indication::kTotalFailed);
  CHECK(mentions(report, reason));
  return report;
}

// Signs the ds:Signature of `xml` again with the xmlsec1 command line and the
// test seal key: every DigestValue and the SignatureValue are recomputed from
// what SignedInfo declares. `options` adds xmlsec1 options (--id-attr...).
// The throw-away key is written to a temporary folder for xmlsec1.
std::string resign(const std::string& xml, const std::string& options = "") {
  const TempDir dir;
  BIO* bio = BIO_new(BIO_s_mem());
  REQUIRE(PEM_write_bio_PrivateKey(bio, pki().seal->native_key(), nullptr, nullptr, 0, nullptr,
                                   nullptr) == 1);
  char* pem = nullptr;
  const long size = BIO_get_mem_data(bio, &pem);
  const auto key = dir.write("key.pem", std::string(pem, static_cast<std::size_t>(size)));
  BIO_free(bio);
  const auto in = dir.write("template.xml", xml);
  const auto out = dir.path() / "signed.xml";
  const auto log = dir.path() / "xmlsec.log";
  const bool ok = run("xmlsec1 --sign --privkey-pem " + quote(key) +
                          " --id-attr:Id http://uri.etsi.org/01903/v1.3.2#:SignedProperties " +
                          options + " --output " + quote(out) + " " + quote(in),
                      log);
  INFO(read_text(log));
  REQUIRE(ok);
  return read_text(out);
}

// xmlsec1's own verdict on the core signature (references and value).
bool xmlsec1_verifies(const std::string& xml, const std::string& options = "") {
  const TempDir dir;
  const auto file = dir.write("signed.xml", xml);
  const auto root = dir.write("root.pem", pki().root->certificate().pem());
  const auto log = dir.path() / "xmlsec.log";
  return run("xmlsec1 --verify --trusted-pem " + quote(root) +
                 " --id-attr:Id http://uri.etsi.org/01903/v1.3.2#:SignedProperties " + options +
                 " " + quote(file),
             log);
}

}  // namespace

TEST_CASE("xades: a valid seal reports its scope, the whole document", "[signing][xades]") {
  const SignatureReport report = verify(seal(CadesLevel::kBaselineT));
  CHECK(report.indication == Indication::kTotalPassed);
  CHECK(report.whole_document);
  REQUIRE(report.scope.size() == 2);
  CHECK(report.scope[0].find("URI=\"\": the whole document") == 0);
  CHECK(report.scope[1].find(std::string("#") + kSignedPropertiesId) == 0);
  CHECK(describe(report).find("scope: the whole document") != std::string::npos);
}

TEST_CASE("xades: a signature over its SignedProperties only does not cover the invoice",
          "[signing][xades][tools]") {
  std::string xml = seal(CadesLevel::kBaselineB);
  const std::string document_reference =
      element(xml, "<ds:Reference Id=\"xades-seal-ref-document\"", "</ds:Reference>");
  replace_once(xml, document_reference, "");
  change_payable_amount(xml);
  xml = resign(xml);
  // The XML signature itself is valid: only the XAdES rules can refuse it.
  CHECK(xmlsec1_verifies(xml));
  const SignatureReport report = check_refused(xml, "does not cover the document");
  CHECK(report.sub_indication == SubIndication::kFormatFailure);
  CHECK_FALSE(report.whole_document);
  CHECK(report.scope.empty());
}

TEST_CASE("xades: signed totals moved into a ds:Object, forged ones in place, fail",
          "[signing][xades][tools]") {
  // A signer that names the totals by Id instead of covering the document...
  std::string xml = seal(CadesLevel::kBaselineB);
  replace_once(xml, "<cac:LegalMonetaryTotal>", "<cac:LegalMonetaryTotal Id=\"totals\">");
  replace_once(xml,
               "URI=\"\"><ds:Transforms><ds:Transform "
               "Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>",
               "URI=\"#totals\"><ds:Transforms>");
  xml = resign(xml,
               "--id-attr:Id "
               "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2:"
               "LegalMonetaryTotal");
  // ...and the wrapping attack: the signed totals go into a ds:Object of the
  // signature, forged ones take their place in the invoice.
  const std::string signed_totals =
      element(xml, "<cac:LegalMonetaryTotal Id=\"totals\">", "</cac:LegalMonetaryTotal>");
  std::string forged = signed_totals;
  replace_once(forged, " Id=\"totals\"", "");
  change_payable_amount(forged);
  replace_once(xml, signed_totals, forged);
  replace_once(xml, "</ds:Object>", "</ds:Object><ds:Object>" + signed_totals + "</ds:Object>");
  check_refused(xml, "does not cover the document");
}

TEST_CASE("xades: signed properties moved into another ds:Object, forged ones in place, fail",
          "[signing][xades]") {
  std::string xml = seal(CadesLevel::kBaselineB);
  const std::string original =
      element(xml, "<xades:SignedProperties ", "</xades:SignedProperties>");
  std::string forged = original;
  replace_once(forged, std::string(" Id=\"") + kSignedPropertiesId + "\"", "");
  const std::string time = element(forged, "<xades:SigningTime>", "</xades:SigningTime>");
  replace_once(forged, time, "<xades:SigningTime>2001-01-01T00:00:00Z</xades:SigningTime>");
  replace_once(xml, original, forged);
  replace_once(xml, "</ds:Object>",
               "</ds:Object><ds:Object><xades:QualifyingProperties "
               "xmlns:xades=\"http://uri.etsi.org/01903/v1.3.2#\" Target=\"#xades-seal\">" +
                   original + "</xades:QualifyingProperties></ds:Object>");
  // Every digest and the signature value still verify.
  CHECK(xmlsec1_verifies(xml));
  const SignatureReport report = check_refused(xml, "xades:QualifyingProperties");
  CHECK_FALSE(report.claimed_signing_time.has_value());
}

TEST_CASE("xades: a duplicate Id anywhere in the document fails", "[signing][xades][tools]") {
  std::string xml = seal(CadesLevel::kBaselineB);
  replace_once(xml, "<cbc:IssueDate>",
               std::string("<cbc:IssueDate Id=\"") + kSignedPropertiesId + "\">");
  xml = resign(xml);
  check_refused(xml, "defined more than once");
}

TEST_CASE("xades: SignedProperties referenced outside the signature fail",
          "[signing][xades][tools]") {
  std::string xml = seal(CadesLevel::kBaselineB);
  // Properties claiming another signing time, in an extension of the
  // invoice, are what SignedInfo names; the signature's own stay unsigned.
  std::string outside = element(xml, "<xades:SignedProperties ", "</xades:SignedProperties>");
  replace_once(outside, std::string("Id=\"") + kSignedPropertiesId + "\"",
               "xmlns:xades=\"http://uri.etsi.org/01903/v1.3.2#\" "
               "xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" Id=\"outside\"");
  const std::string time = element(outside, "<xades:SigningTime>", "</xades:SigningTime>");
  replace_once(outside, time, "<xades:SigningTime>2001-01-01T00:00:00Z</xades:SigningTime>");
  replace_once(xml, "</ext:UBLExtensions>",
               "<ext:UBLExtension><ext:ExtensionContent>" + outside +
                   "</ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions>");
  replace_once(xml, std::string("URI=\"#") + kSignedPropertiesId + "\"", "URI=\"#outside\"");
  xml = resign(xml);
  CHECK(xmlsec1_verifies(xml));
  check_refused(xml, "not the xades:SignedProperties of this signature");
}

TEST_CASE("xades: SHA-1 and HMAC signature methods are refused", "[signing][xades][tools]") {
  std::string xml = seal(CadesLevel::kBaselineB);
  const std::string sha256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
  SECTION("ECDSA with SHA-1") {
    replace_once(xml, sha256, "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1");
    xml = resign(xml);
    check_refused(xml, "SHA-1 and MD5 are no longer accepted");
  }
  SECTION("HMAC-SHA256 with a shared secret") {
    replace_once(xml, sha256, "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256");
    const TempDir dir;
    const auto secret = dir.write("secret.bin", std::string("not a seal"));
    xml = resign(xml, "--hmackey " + quote(secret));
    check_refused(xml, "an HMAC is a shared secret");
  }
}

TEST_CASE("xades: the declared canonicalization is honoured, an unknown one refused",
          "[signing][xades][tools]") {
  std::string xml = seal(CadesLevel::kBaselineB);
  const std::string declared =
      "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>";
  SECTION("C14N 1.1 for SignedInfo verifies") {
    replace_once(xml, declared,
                 "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2006/12/xml-c14n11\"/>");
    xml = resign(xml);
    const SignatureReport report = verify(xml);
    CHECK(report.indication == Indication::kTotalPassed);
  }
  SECTION("an unknown algorithm is refused, not replaced") {
    replace_once(xml, declared, "<ds:CanonicalizationMethod Algorithm=\"urn:example:c14n\"/>");
    check_refused(xml, "canonicalization method 'urn:example:c14n' refused");
  }
}

TEST_CASE("xades: an external reference is refused without any connection", "[signing][xades]") {
  // A local server that would see xmlsec or einvoice fetch the reference.
  const int server = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(server >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  REQUIRE(::bind(server, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  REQUIRE(::listen(server, 4) == 0);
  REQUIRE(::getsockname(server, reinterpret_cast<sockaddr*>(&address), &length) == 0);
  const std::string url =
      "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/invoice.xml";

  for (const std::string& uri : {url, std::string("file:///etc/hostname")}) {
    std::string xml = seal(CadesLevel::kBaselineB);
    replace_once(xml, "URI=\"\"", "URI=\"" + uri + "\"");
    check_refused(xml, "reference URI '" + uri + "' refused");
  }
  REQUIRE(::fcntl(server, F_SETFL, O_NONBLOCK) == 0);
  CHECK(::accept(server, nullptr, nullptr) < 0);
  ::close(server);
}

TEST_CASE("xades: verification runs on several threads at once", "[signing][xades]") {
  const std::string xml = seal(CadesLevel::kBaselineB);
  std::string tampered = xml;
  change_payable_amount(tampered);
  VerificationOptions options;
  options.validation_time = now();
  std::vector<int> passed(8, -1);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < passed.size(); ++i) {
    threads.emplace_back([&, i] {
      auto reports = verify_xades(i % 2 == 0 ? xml : tampered, pki().anchors, options, "x.xml");
      passed[i] = reports && reports->size() == 1 && reports->front().passed() ? 1 : 0;
    });
  }
  for (std::thread& t : threads)
    t.join();
  for (std::size_t i = 0; i < passed.size(); ++i)
    CHECK(passed[i] == (i % 2 == 0 ? 1 : 0));
}
