// archive_bench: deposits per second (50 KB files, plain and encrypted, group
// commit; and with each receipt sealed as CAdES), audit throughput (SHA-256 re-hash of every
// object, MB/s per core and on all cores), export and verify-export rates, on a real folder. Prints
// figures; asserts nothing.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "archive/archive.h"
#include "archive/export_verifier.h"
#include "archive/sha256.h"
#include "env/env.h"
#include "signing/cades.h"
#include "signing/certificate_issuer.h"
#include "signing/local_timestamp_authority.h"

namespace {

namespace fs = std::filesystem;
using namespace einvoice;
using Clock = std::chrono::steady_clock;

struct Options {
  std::size_t files = 2000;
  std::size_t size = 50 * 1024;
  std::size_t group = 64;
  fs::path dir = fs::temp_directory_path() / "einvoice-archive-bench";
};

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::vector<archive::DepositItem> make_items(const Options& o, unsigned seed) {
  std::mt19937_64 random(seed);
  std::vector<archive::DepositItem> items;
  for (std::size_t i = 0; i < o.files; ++i) {
    std::string bytes(o.size, '\0');
    for (std::size_t at = 0; at + 8 <= bytes.size(); at += 8) {
      const auto value = random();
      std::memcpy(bytes.data() + at, &value, 8);
    }
    archive::DocumentMetadata metadata;
    metadata.file_name = "bench-" + std::to_string(i) + ".bin";
    metadata.siren = "832147656";
    items.push_back({std::move(bytes), metadata});
  }
  return items;
}

// Deposits every item in groups; returns deposits per second.
double deposit_all(const archive::Archive& a, const std::vector<archive::DepositItem>& items,
                   std::size_t group) {
  const auto start = Clock::now();
  for (std::size_t at = 0; at < items.size(); at += group) {
    std::vector<archive::DepositItem> part(
        items.begin() + static_cast<long>(at),
        items.begin() + static_cast<long>(std::min(items.size(), at + group)));
    auto done = a.deposit(part, "bench");
    if (!done) {
      std::cerr << "deposit failed: " << done.error().describe() << '\n';
      std::exit(2);
    }
  }
  return static_cast<double>(items.size()) / seconds_since(start);
}

std::unique_ptr<archive::Archive> fresh(const fs::path& dir, const archive::MasterKey* key) {
  fs::remove_all(dir);
  const auto& env = env::system_env();
  if (auto made = archive::Archive::init(dir, {}, key, env); !made) {
    std::cerr << made.error().describe() << '\n';
    std::exit(2);
  }
  return std::move(archive::Archive::open(dir, key, env).value());
}

// Seals with a throw-away P-256 key (signing/certificate_issuer.h: never
// for production evidence), as a platform seal would.
class BenchSealer final : public archive::Sealer {
 public:
  BenchSealer() {
    signing::CertificateProfile profile;
    profile.subject = {{"CN", "einvoice archive bench seal"}};
    profile.not_before = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    profile.not_after = profile.not_before + std::chrono::hours(24);
    profile.key_usage = "critical,digitalSignature,nonRepudiation";
    signer_ = std::move(signing::issue_certificate(profile, nullptr).value());
  }
  model::Result<std::string> seal(std::string_view bytes, std::string_view) const override {
    signing::CadesOptions options;
    options.signing_time =
        std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    auto p7s = signing::seal_detached_cades(*signer_, signing::as_bytes(bytes), options);
    if (!p7s)
      return p7s.error();
    return std::string(p7s->begin(), p7s->end());
  }
  std::string certificates_pem() const override { return signer_->certificate().pem(); }

 private:
  std::unique_ptr<signing::SoftwareSigner> signer_;
};

void audit(const archive::Archive& a, unsigned threads) {
  auto report = a.audit("bench", threads);
  if (!report)
    return;
  const double mb = static_cast<double>(report->bytes) / 1e6;
  std::printf(
      "audit, %u thread(s): %zu objects, %.1f MB in %.3f s: %.0f MB/s (%.0f MB/s per core)%s\n",
      threads, report->objects, mb, report->hash_seconds, mb / report->hash_seconds,
      mb / report->hash_seconds / threads, report->ok() ? "" : " PROBLEMS");
}

void raw_sha256() {
  const std::string block(64 << 20, 'x');
  const auto start = Clock::now();
  archive::Sha256 hasher;
  for (int i = 0; i < 4; ++i)
    hasher.update(block);
  (void)hasher.finish();
  std::printf("SHA-256 in memory, one core: %.0f MB/s\n", 4 * 64 * 1.048576 / seconds_since(start));
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--files")
      o.files = std::stoul(argv[i + 1]);
    else if (flag == "--size")
      o.size = std::stoul(argv[i + 1]);
    else if (flag == "--group")
      o.group = std::stoul(argv[i + 1]);
    else if (flag == "--dir")
      o.dir = argv[i + 1];
  }
  std::printf("archive_bench --files %zu --size %zu --group %zu --dir %s\n", o.files, o.size,
              o.group, o.dir.c_str());
  const auto items = make_items(o, 1);
  auto plain = fresh(o.dir / "plain", nullptr);
  std::printf("deposits, plain: %.0f/s (%zu files of %zu bytes, group commit of %zu)\n",
              deposit_all(*plain, items, o.group), o.files, o.size, o.group);
  auto key = archive::MasterKey::parse(std::string(64, '7'), "bench key").value();
  auto encrypted = fresh(o.dir / "encrypted", &key);
  std::printf("deposits, encrypted (AES-256-GCM): %.0f/s\n",
              deposit_all(*encrypted, make_items(o, 2), o.group));
  BenchSealer sealer;
  auto sealed = fresh(o.dir / "sealed", nullptr);
  sealed->use_sealer(&sealer);
  std::printf("deposits, plain, receipts sealed (CAdES B-B, P-256): %.0f/s\n",
              deposit_all(*sealed, make_items(o, 3), o.group));
  raw_sha256();
  audit(*plain, 1);
  audit(*plain, std::max(1u, std::thread::hardware_concurrency()));

  const auto& env = env::system_env();
  auto tsa = signing::LocalTimestampAuthority::create(nullptr, [] {
               return std::chrono::system_clock::now();
             }).value();
  auto start = Clock::now();
  auto secured = plain->secure(*tsa, "bench");
  std::printf("secure (%zu journal entries, test TSA): %.3f s\n", o.files + 1,
              seconds_since(start));
  if (!secured)
    return 2;
  auto listed = plain->list(std::nullopt).value();
  std::vector<std::string> ids;
  for (const auto& object : listed)
    ids.push_back(object.id);
  const fs::path out = o.dir / "export";
  fs::remove_all(out);
  start = Clock::now();
  auto exported = plain->export_package(ids, out, "bench");
  const double export_seconds = seconds_since(start);
  if (!exported)
    return 2;
  std::printf("export: %zu documents, %zu files in %.2f s: %.0f documents/s, %.0f MB/s\n",
              exported->documents, exported->files, export_seconds,
              static_cast<double>(exported->documents) / export_seconds,
              static_cast<double>(exported->bytes) / 1e6 / export_seconds);
  start = Clock::now();
  const auto verification = archive::verify_export(
      out, env.files, std::nullopt,
      std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  const double verify_seconds = seconds_since(start);
  std::printf("verify-export: %zu checks in %.2f s: %.0f documents/s (%s)\n",
              verification.checks.size(), verify_seconds,
              static_cast<double>(exported->documents) / verify_seconds,
              verification.passed() ? "passed" : "FAILED");
  fs::remove_all(o.dir);
  return 0;
}
