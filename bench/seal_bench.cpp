// Seals and verifications per second on one core: CAdES B-B, CAdES B-T with
// the in-process TSA, PAdES B-B on a corpus Factur-X, and the matching
// verifications. Keys are throw-away ones made in memory at start.
//
//   cmake -S . -B build-rel -G Ninja -DCMAKE_BUILD_TYPE=Release
//   cmake --build build-rel --target seal_bench && build-rel/bench/seal_bench [SECONDS]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "bench/bench_support.h"
#include "signing/cades.h"
#include "signing/certificate_issuer.h"
#include "signing/local_timestamp_authority.h"
#include "signing/pades.h"
#include "signing/verification.h"

using namespace einvoice;
using namespace einvoice::signing;

namespace {

std::unique_ptr<SoftwareSigner> issue(const char* name, bool ca, const SoftwareSigner* issuer) {
  using namespace std::chrono;
  CertificateProfile profile;
  profile.subject = {{"C", "FR"}, {"O", "Bench SAS"}, {"CN", name}};
  profile.not_before = time_point_cast<seconds>(system_clock::now()) - hours(24);
  profile.not_after = profile.not_before + hours(24 * 365);
  profile.certificate_authority = ca;
  auto signer = issue_certificate(profile, issuer);
  if (!signer) {
    std::fprintf(stderr, "seal_bench: %s\n", signer.error().describe().c_str());
    std::exit(2);
  }
  return std::move(*signer);
}

}  // namespace

int main(int argc, char** argv) {
  const double seconds = argc > 1 ? std::atof(argv[1]) : 3.0;
  const auto root = issue("bench root", true, nullptr);
  const auto seal = issue("bench seal", false, root.get());
  auto tsa =
      LocalTimestampAuthority::create(root.get(), [] { return std::chrono::system_clock::now(); });
  auto anchors = TrustStore::from_certificates({root->certificate()});
  if (!tsa || !anchors) {
    std::fprintf(stderr, "seal_bench: cannot set up the PKI\n");
    return 2;
  }
  const std::string invoice =
      bench::slurp(std::string(EINVOICE_CORPUS_DIR) + "/en16931/cii/examples/CII_example1.xml");
  const std::string pdf =
      bench::slurp(std::string(EINVOICE_CORPUS_DIR) + "/facturx/pdf/library__EN16931_Einfach.pdf");
  if (invoice.empty() || pdf.empty()) {
    std::fprintf(stderr, "seal_bench: corpus files not found under %s\n", EINVOICE_CORPUS_DIR);
    return 2;
  }
  const auto now =
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  CadesOptions bb;
  bb.signing_time = now;
  CadesOptions bt = bb;
  bt.level = CadesLevel::kBaselineT;
  bt.timestamp_authority = tsa->get();
  PadesOptions pades;
  pades.signing_time = now;
  VerificationOptions verification;
  verification.validation_time = now;

  const std::vector<int> one{0};
  bool ok = true;
  const double cades_bb = bench::per_second(one, seconds, [&](int) {
    ok = ok && seal_detached_cades(*seal, as_bytes(invoice), bb).ok();
  });
  const double cades_bt = bench::per_second(one, seconds, [&](int) {
    ok = ok && seal_detached_cades(*seal, as_bytes(invoice), bt).ok();
  });
  const double pades_bb = bench::per_second(
      one, seconds, [&](int) { ok = ok && seal_pades(*seal, pdf, pades, "bench.pdf").ok(); });
  const auto p7s = seal_detached_cades(*seal, as_bytes(invoice), bt);
  const auto sealed_pdf = seal_pades(*seal, pdf, pades, "bench.pdf");
  if (!ok || !p7s || !sealed_pdf) {
    std::fprintf(stderr, "seal_bench: sealing failed\n");
    return 1;
  }
  const double verify_cades = bench::per_second(one, seconds, [&](int) {
    auto r = verify_detached_cades(*p7s, as_bytes(invoice), *anchors, verification, "bench");
    ok = ok && r && r->front().passed();
  });
  const double verify_pades_rate = bench::per_second(one, seconds, [&](int) {
    auto r = verify_pades(*sealed_pdf, *anchors, verification, "bench.pdf");
    ok = ok && r && r->front().cades.passed();
  });
  std::printf("seal_bench (one thread, EC P-256, SHA-256, %.1f s per figure)\n", seconds);
  std::printf("  CAdES B-B seal     %8.0f /s  (%zu-byte CII)\n", cades_bb, invoice.size());
  std::printf("  CAdES B-T seal     %8.0f /s  (local in-process TSA)\n", cades_bt);
  std::printf("  PAdES B-B seal     %8.0f /s  (%zu-byte Factur-X)\n", pades_bb, pdf.size());
  std::printf("  CAdES B-T verify   %8.0f /s\n", verify_cades);
  std::printf("  PAdES B-B verify   %8.0f /s\n", verify_pades_rate);
  std::printf(
      "reproduce: cmake --build build --target seal_bench && ./build/bench/seal_bench %.1f\n",
      seconds);
  return ok ? 0 : 1;
}
