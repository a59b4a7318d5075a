// `einvoice seal` and `einvoice verify` as real processes: a Factur-X sealed
// with PAdES and a CII XML with a detached CAdES, keys passed as a throw-away
// PKCS#12 written to the test's temporary folder (never committed).
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "signing/revocation_issuer.h"
#include "tests/signing/cli_run.h"
#include "tests/signing/pdf_attack.h"
#include "tests/signing/test_pki.h"

using namespace einvoice;
using namespace einvoice::signing;
using namespace einvoice::signing::testing;

namespace {

namespace fs = std::filesystem;

struct Setup {
  TempDir dir;
  fs::path p12;
  fs::path trust;
  Setup() {
    auto der = to_pkcs12(*pki().seal, "test-only-password", "seal");
    REQUIRE(der);
    p12 = dir.write("seal.p12", *der);
    trust = dir.path() / "trust";
    fs::create_directories(trust);
    std::ofstream(trust / "root.pem") << pki().root->certificate().pem();
  }
};

fs::path corpus(const std::string& relative) {
  return fs::path(EINVOICE_CORPUS_DIR) / relative;
}

// The corpus Factur-X EN16931_Einfach sealed (B-B) by `einvoice seal` into
// the test folder; fails the test when sealing fails.
fs::path seal_einfach_pdf(const Setup& s) {
  const fs::path out = s.dir.path() / "sealed.pdf";
  const auto sealed =
      einvoice_run(s.dir, "seal " + quote(corpus("facturx/pdf/library__EN16931_Einfach.pdf")) +
                              " --p12 " + quote(s.p12) + " -o " + quote(out));
  INFO(sealed.output);
  REQUIRE(sealed.status == 0);
  return out;
}

}  // namespace

TEST_CASE("cli seal/verify: a Factur-X sealed with PAdES", "[signing][cli]") {
  Setup s;
  const fs::path out = seal_einfach_pdf(s);

  const auto text = einvoice_run(s.dir, "verify " + quote(out) + " --trust " + quote(s.trust));
  INFO(text.output);
  CHECK(text.status == 0);
  CHECK(text.output.find("indication: TOTAL_PASSED") != std::string::npos);
  CHECK(text.output.find("level: PAdES-BASELINE-B") != std::string::npos);
  CHECK(text.output.find("SIREN: 123456789") != std::string::npos);

  const auto json =
      einvoice_run(s.dir, "verify " + quote(out) + " --trust " + quote(s.trust) + " --format json");
  INFO(json.output);
  CHECK(json.status == 0);
  CHECK(json.output.find("\"indication\":\"TOTAL_PASSED\"") != std::string::npos);

  // Another root: the chain is not trusted.
  const fs::path other = s.dir.path() / "other";
  fs::create_directories(other);
  std::ofstream(other / "root.pem") << pki().other_root->certificate().pem();
  CHECK(einvoice_run(s.dir, "verify " + quote(out) + " --trust " + quote(other)).status == 1);
}

TEST_CASE("cli seal/verify: a CII XML with a detached CAdES", "[signing][cli]") {
  Setup s;
  const fs::path xml = corpus("en16931/cii/examples/CII_example1.xml");
  const fs::path p7s = s.dir.path() / "invoice.xml.p7s";
  const auto sealed = einvoice_run(
      s.dir, "seal " + quote(xml) + " --p12 " + quote(s.p12) + " --test-tsa -o " + quote(p7s));
  INFO(sealed.output);
  REQUIRE(sealed.status == 0);
  const auto verified = einvoice_run(
      s.dir, "verify " + quote(xml) + " --detached " + quote(p7s) + " --trust " + quote(s.trust));
  INFO(verified.output);
  // The self-signed test TSA is not among the anchors: the seal itself is intact.
  CHECK(verified.output.find("signer: ") != std::string::npos);
  CHECK(verified.output.find("HASH_FAILURE") == std::string::npos);

  const auto bb = einvoice_run(
      s.dir, "seal " + quote(xml) + " --p12 " + quote(s.p12) + " --level B-B -o " + quote(p7s));
  REQUIRE(bb.status == 0);
  const auto ok = einvoice_run(
      s.dir, "verify " + quote(xml) + " --detached " + quote(p7s) + " --trust " + quote(s.trust));
  INFO(ok.output);
  CHECK(ok.status == 0);
  CHECK(ok.output.find("level: CAdES-BASELINE-B") != std::string::npos);

  // The seal over other data fails.
  const fs::path other = s.dir.write("other.xml", std::string("<x/>"));
  const auto bad = einvoice_run(
      s.dir, "verify " + quote(other) + " --detached " + quote(p7s) + " --trust " + quote(s.trust));
  INFO(bad.output);
  CHECK(bad.status == 1);
  CHECK(bad.output.find("HASH_FAILURE") != std::string::npos);
}

TEST_CASE("cli seal/verify: usage and I/O errors exit with 2", "[signing][cli]") {
  Setup s;
  CHECK(einvoice_run(s.dir, "seal").status == 2);
  CHECK(einvoice_run(s.dir, "seal missing.pdf --p12 " + quote(s.p12) + " -o x.pdf").status == 2);
  CHECK(einvoice_run(s.dir, "verify missing.pdf --trust " + quote(s.trust)).status == 2);
  CHECK(einvoice_run(s.dir, "verify x --format yaml").status == 2);
}

TEST_CASE("cli seal/verify: a UBL invoice gets an enveloped XAdES by default", "[signing][cli]") {
  Setup s;
  const fs::path ubl = corpus("en16931/ubl/examples/ubl-tc434-example1.xml");
  const std::string as = GENERATE(std::string(), std::string(" --as xades"));
  const fs::path out = s.dir.path() / "signed.xml";
  const auto sealed = einvoice_run(
      s.dir, "seal " + quote(ubl) + " --p12 " + quote(s.p12) + as + " -o " + quote(out));
  INFO(sealed.output);
  REQUIRE(sealed.status == 0);
  const std::string signed_xml = read_text(out);
  CHECK(signed_xml.find("<ext:UBLExtensions") != std::string::npos);
  CHECK(signed_xml.find("SignatureInformation") != std::string::npos);
  const auto verified = einvoice_run(s.dir, "verify " + quote(out) + " --trust " + quote(s.trust));
  INFO(verified.output);
  CHECK(verified.status == 0);
  CHECK(verified.output.find("level: XAdES-BASELINE-B") != std::string::npos);
  CHECK(verified.output.find("scope: the whole document") != std::string::npos);
  const auto json =
      einvoice_run(s.dir, "verify " + quote(out) + " --trust " + quote(s.trust) + " --format json");
  CHECK(json.output.find("\"whole_document\":true,\"scope\":[\"URI=") != std::string::npos);
}

TEST_CASE("cli seal/verify: --as cades keeps a UBL unchanged beside its .p7s", "[signing][cli]") {
  Setup s;
  const fs::path ubl = corpus("en16931/ubl/examples/ubl-tc434-example1.xml");
  const fs::path out = s.dir.path() / "invoice.p7s";
  const auto sealed = einvoice_run(
      s.dir, "seal " + quote(ubl) + " --p12 " + quote(s.p12) + " --as cades -o " + quote(out));
  INFO(sealed.output);
  REQUIRE(sealed.status == 0);
  CHECK(read_text(out).rfind("<", 0) == std::string::npos);  // DER, not XML
  const auto verified = einvoice_run(
      s.dir, "verify " + quote(ubl) + " --detached " + quote(out) + " --trust " + quote(s.trust));
  INFO(verified.output);
  CHECK(verified.status == 0);
  CHECK(verified.output.find("level: CAdES-BASELINE-B") != std::string::npos);
}

TEST_CASE("cli seal/verify: a kept test TSA in the trust folder gives TOTAL_PASSED B-T",
          "[signing][cli]") {
  Setup s;
  const fs::path tsa_dir = s.dir.path() / "tsa";
  const fs::path pdf = corpus("facturx/pdf/library__EN16931_Einfach.pdf");
  const fs::path out = s.dir.path() / "bt.pdf";
  const std::string seal_bt = "seal " + quote(pdf) + " --p12 " + quote(s.p12) +
                              " --test-tsa --test-tsa-dir " + quote(tsa_dir) + " -o " + quote(out);
  const auto first = einvoice_run(s.dir, seal_bt);
  INFO(first.output);
  REQUIRE(first.status == 0);
  REQUIRE(fs::exists(tsa_dir / "tsa-key.pem"));
  REQUIRE(fs::exists(tsa_dir / "tsa-certificate.pem"));
  CHECK((fs::status(tsa_dir / "tsa-key.pem").permissions() & fs::perms::group_all) ==
        fs::perms::none);
  const std::string certificate = read_text(tsa_dir / "tsa-certificate.pem");

  // Not trusted yet: the seal is intact but its timestamp is not.
  const auto untrusted = einvoice_run(s.dir, "verify " + quote(out) + " --trust " + quote(s.trust));
  INFO(untrusted.output);
  CHECK(untrusted.status == 1);

  // The same TSA on the next run; its certificate among the anchors.
  const auto second = einvoice_run(s.dir, seal_bt);
  REQUIRE(second.status == 0);
  CHECK(read_text(tsa_dir / "tsa-certificate.pem") == certificate);
  fs::copy_file(tsa_dir / "tsa-certificate.pem", s.trust / "test-tsa.pem");
  const auto trusted = einvoice_run(s.dir, "verify " + quote(out) + " --trust " + quote(s.trust));
  INFO(trusted.output);
  CHECK(trusted.status == 0);
  CHECK(trusted.output.find("indication: TOTAL_PASSED") != std::string::npos);
  CHECK(trusted.output.find("level: PAdES-BASELINE-T") != std::string::npos);
}

TEST_CASE("cli seal/verify: PAdES B-LT and B-LTA with a CRL", "[signing][cli]") {
  Setup s;
  const fs::path tsa_dir = s.dir.path() / "tsa";
  const fs::path pdf = corpus("facturx/pdf/library__EN16931_Einfach.pdf");
  auto crl =
      issue_crl(*pki().root, {}, now() - std::chrono::hours(1), now() + std::chrono::days(7));
  REQUIRE(crl);
  const fs::path crl_file = s.dir.write("root.crl", *crl);
  const std::string common =
      " --p12 " + quote(s.p12) + " --test-tsa --test-tsa-dir " + quote(tsa_dir);

  // No revocation data: a usage error naming what is missing.
  const auto missing = einvoice_run(
      s.dir, "seal " + quote(pdf) + common + " --level B-LT -o " + quote(s.dir.path() / "x.pdf"));
  INFO(missing.output);
  CHECK(missing.status == 2);
  CHECK(missing.output.find("B-LT needs the signer's revocation data: give --crl FILE or --ocsp "
                            "FILE") != std::string::npos);
  // B-LT is PAdES only.
  const auto cades = einvoice_run(
      s.dir, "seal " + quote(corpus("en16931/cii/examples/CII_example1.xml")) + common +
                 " --level B-LT --crl " + quote(crl_file) + " -o " + quote(s.dir.path() / "x.p7s"));
  CHECK(cades.status == 2);
  CHECK(cades.output.find("only produced for PAdES") != std::string::npos);

  for (const std::string level : {"B-LT", "B-LTA"}) {
    const fs::path out = s.dir.path() / (level + ".pdf");
    const auto sealed = einvoice_run(s.dir, "seal " + quote(pdf) + common + " --level " + level +
                                                " --crl " + quote(crl_file) + " -o " + quote(out));
    INFO(sealed.output);
    REQUIRE(sealed.status == 0);
    CHECK(sealed.output.find(level + ") ->") != std::string::npos);
    if (!fs::exists(s.trust / "test-tsa.pem"))
      fs::copy_file(tsa_dir / "tsa-certificate.pem", s.trust / "test-tsa.pem");
    const auto verified =
        einvoice_run(s.dir, "verify " + quote(out) + " --trust " + quote(s.trust));
    INFO(verified.output);
    CHECK(verified.status == 0);
    CHECK(verified.output.find("level: PAdES-BASELINE-" + level.substr(2) + "\n") !=
          std::string::npos);
    if (level == "B-LTA")
      CHECK(verified.output.find("(PAdES document timestamp)") != std::string::npos);
  }
}

TEST_CASE("cli verify: a PAdES seal's revision, scope and later changes, text and JSON",
          "[signing][cli][revisions]") {
  Setup s;
  const fs::path out = seal_einfach_pdf(s);
  const auto clean = einvoice_run(s.dir, "verify " + quote(out) + " --trust " + quote(s.trust));
  INFO(clean.output);
  REQUIRE(clean.status == 0);
  // "revision: R of N": the seal is the last revision.
  const std::size_t at = clean.output.find("  revision: ");
  REQUIRE(at != std::string::npos);
  unsigned revision = 0, revisions = 0;
  REQUIRE(std::sscanf(clean.output.c_str() + at, "  revision: %u of %u", &revision, &revisions) ==
          2);
  CHECK(revision == revisions);
  CHECK(clean.output.find(" (the whole revision but /Contents)\n") != std::string::npos);
  CHECK(clean.output.find("later change:") == std::string::npos);

  // An update after the seal adds a key to the catalog.
  const std::string pdf = read_text(out);
  const unsigned catalog = object_number_with(pdf, "/Catalog");
  const std::string body = last_object_body(pdf, catalog);
  const fs::path attacked =
      s.dir.write("attacked.pdf", append_update(pdf, {{catalog, body.substr(0, body.rfind(">>")) +
                                                                    "/PageMode/UseOutlines>>"}}));
  const std::string object = std::to_string(catalog) + " 0 obj";

  const auto text = einvoice_run(s.dir, "verify " + quote(attacked) + " --trust " + quote(s.trust));
  INFO(text.output);
  CHECK(text.status == 1);
  CHECK(text.output.find("indication: TOTAL_FAILED / FORBIDDEN_MODIFICATION_AFTER_SIGNING\n") !=
        std::string::npos);
  CHECK(text.output.find("  revision: " + std::to_string(revision) + " of " +
                         std::to_string(revisions + 1) + "\n") != std::string::npos);
  CHECK(text.output.find("  later change: " + object +
                         " changed (/Type /Catalog: /PageMode): "
                         "forbidden\n") != std::string::npos);

  const auto json = einvoice_run(
      s.dir, "verify " + quote(attacked) + " --trust " + quote(s.trust) + " --format json");
  INFO(json.output);
  CHECK(json.status == 1);
  CHECK(json.output.find("\"sub_indication\":\"FORBIDDEN_MODIFICATION_AFTER_SIGNING\"") !=
        std::string::npos);
  CHECK(json.output.find("\"revision\":" + std::to_string(revision) +
                         ",\"revisions\":" + std::to_string(revisions + 1) +
                         ",\"scope\":{\"byte_range\":[0,") != std::string::npos);
  CHECK(json.output.find("\"covers_whole_revision\":true}") != std::string::npos);
  CHECK(json.output.find("\"later_changes\":[{\"object\":" + std::to_string(catalog) +
                         ",\"generation\":0,\"change\":\"changed\",\"kind\":\"/Type /Catalog: "
                         "/PageMode\",\"allowed\":false}]") != std::string::npos);

  // facturx extract and check say which revision they read.
  const std::string signed_note = "revision: reads revision " + std::to_string(revisions) + " of " +
                                  std::to_string(revisions) + "; it is the signed revision";
  const auto clean_extract =
      einvoice_run(s.dir, "facturx extract " + quote(out) + " -o " + quote(s.dir.path() / "a.xml"));
  INFO(clean_extract.output);
  CHECK(clean_extract.status == 0);
  CHECK(clean_extract.output.find(signed_note) != std::string::npos);
  const std::string not_signed_note =
      "revision: reads revision " + std::to_string(revisions + 1) + " of " +
      std::to_string(revisions + 1) + "; the signed revision is " + std::to_string(revision) +
      ": the revision read is NOT the signed one; later revisions change 1 object(s) in a way a "
      "signature does not allow: " +
      object + " changed";
  for (const std::string command : {"facturx extract", "facturx check"}) {
    const auto run = einvoice_run(
        s.dir, command + " " + quote(attacked) +
                   (command == "facturx extract" ? " -o " + quote(s.dir.path() / "b.xml")
                                                 : std::string()));
    INFO(run.output);
    CHECK(run.output.find(not_signed_note) != std::string::npos);
  }
}

TEST_CASE("cli seal: TSA options go with --tsa, and an unreachable TSA is named",
          "[signing][cli]") {
  Setup s;
  const std::string base = "seal " + quote(corpus("facturx/pdf/library__EN16931_Einfach.pdf")) +
                           " --p12 " + quote(s.p12) + " -o " + quote(s.dir.path() / "out.pdf");
  auto alone = einvoice_run(s.dir, base + " --tsa-user alice");
  CHECK(alone.status == 2);
  CHECK(alone.output.find("--tsa-user goes with --tsa URL") != std::string::npos);
  auto half = einvoice_run(s.dir, base + " --tsa http://127.0.0.1:9/ --tsa-cert c.pem");
  CHECK(half.status == 2);
  CHECK(half.output.find("--tsa-cert and --tsa-key go together") != std::string::npos);
  auto timeout = einvoice_run(s.dir, base + " --tsa http://127.0.0.1:9/ --tsa-timeout 0");
  CHECK(timeout.status == 2);
  CHECK(timeout.output.find("--tsa-timeout") != std::string::npos);
  // Port 9 (discard) on loopback: nobody listens in the test environment.
  auto unreachable = einvoice_run(s.dir, base +
                                             " --tsa http://127.0.0.1:9/tsa --tsa-user alice"
                                             " --tsa-timeout 5");
  CHECK(unreachable.status == 2);
  CHECK(unreachable.output.find("http://127.0.0.1:9/tsa") != std::string::npos);
  CHECK(unreachable.output.find("cannot connect") != std::string::npos);
  CHECK_FALSE(fs::exists(s.dir.path() / "out.pdf"));
}

TEST_CASE("cli verify: a signature libxml2 cannot canonicalise is a verdict, not stderr noise",
          "[signing][cli]") {
  Setup s;
  // A fuzzed XAdES (fuzz/seeds/xades) whose signed reference breaks
  // canonicalisation: libxml2 used to print "C14N error" lines to stderr.
  const fs::path seed = fs::path(EINVOICE_SOURCE_DIR) / "fuzz/seeds/xades/c14n-failure.xml";
  const auto verified = einvoice_run(s.dir, "verify " + quote(seed) + " --trust " + quote(s.trust));
  INFO(verified.output);
  CHECK(verified.status == 1);
  CHECK(verified.output.find("C14N error") == std::string::npos);
  // The reason is in the verdict instead.
  CHECK(verified.output.find("TOTAL_FAILED") != std::string::npos);
  CHECK(verified.output.find("processing docs children list") != std::string::npos);
}
