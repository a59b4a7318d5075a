#include "tests/signing/test_pki.h"

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>

namespace einvoice::signing::testing {

std::chrono::sys_seconds now() {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::unique_ptr<SoftwareSigner> issue(const CertificateProfile& profile,
                                      const SoftwareSigner* issuer) {
  auto signer = issue_certificate(profile, issuer);
  if (!signer)
    FAIL(signer.error().describe());
  return std::move(*signer);
}

CertificateProfile seal_profile(std::string common_name, std::chrono::sys_seconds not_before,
                                std::chrono::sys_seconds not_after) {
  static std::uint64_t serial = 1000;
  CertificateProfile p;
  p.subject = {{"C", "FR"},
               {"O", "ACME SAS"},
               {"organizationIdentifier", std::string("NTRFR-") + kSiren},
               {"CN", std::move(common_name)}};
  p.not_before = not_before;
  p.not_after = not_after;
  p.serial = ++serial;
  p.key_usage = "critical,nonRepudiation";
  return p;
}

namespace {

CertificateProfile root_profile(const std::string& name) {
  CertificateProfile p;
  p.subject = {{"C", "FR"}, {"O", "einvoice test"}, {"CN", name}};
  p.not_before = now() - std::chrono::days(3650);
  p.not_after = now() + std::chrono::days(3650);
  p.serial = 1;
  p.certificate_authority = true;
  p.key_usage = "critical,keyCertSign,cRLSign";
  return p;
}

TrustStore anchors_of(const SoftwareSigner& root) {
  auto store = TrustStore::from_certificates({root.certificate()});
  if (!store)
    FAIL(store.error().describe());
  return std::move(*store);
}

TestPki build() {
  using std::chrono::days;
  auto root = issue(root_profile("einvoice test root"), nullptr);
  auto other_root = issue(root_profile("einvoice rogue root"), nullptr);
  auto seal =
      issue(seal_profile("ACME e-invoicing seal", now() - days(1), now() + days(365)), root.get());
  auto expired =
      issue(seal_profile("ACME expired seal", now() - days(730), now() - days(365)), root.get());
  auto tsa =
      LocalTimestampAuthority::create(root.get(), [] { return std::chrono::system_clock::now(); });
  if (!tsa)
    FAIL(tsa.error().describe());
  TrustStore anchors = anchors_of(*root);
  TrustStore other_anchors = anchors_of(*other_root);
  return TestPki{std::move(root), std::move(seal), std::move(expired), std::move(other_root),
                 std::move(*tsa), anchors,         other_anchors};
}

}  // namespace

TestPki& pki() {
  static TestPki instance = build();
  return instance;
}

TempDir::TempDir() {
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() /
          ("einvoice-signing-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::filesystem::path TempDir::write(const std::string& name,
                                     std::span<const std::uint8_t> bytes) const {
  const std::filesystem::path file = path_ / name;
  std::ofstream out(file, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
  REQUIRE(out.good());
  return file;
}

std::filesystem::path TempDir::write(const std::string& name, const std::string& text) const {
  return write(name, as_bytes(text));
}

std::string quote(const std::filesystem::path& path) {
  // Appended piece by piece: GCC 12 reports a false -Wrestrict on
  // "'" + std::string&& at -O2 (GCC bug 105329).
  std::string quoted = "'";
  quoted += path.string();
  quoted += '\'';
  return quoted;
}

bool run(const std::string& command, const std::filesystem::path& log) {
  const int status = std::system((command + " >" + quote(log) + " 2>&1").c_str());
  return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace einvoice::signing::testing
