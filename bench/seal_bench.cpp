// Seals and verifications per second on one core: CAdES B-B, CAdES B-T with
// the in-process TSA, PAdES B-B, B-LT (DSS with the chain and a CRL) and
// B-LTA (plus a document timestamp) on a corpus Factur-X, and the matching
// verifications. Keys and the CRL are throw-away ones made in memory at start.
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
#include "signing/revocation_issuer.h"
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
  // Distinct serials: a CMS SignerInfo names its certificate by issuer and
  // serial, which must not match the root's own.
  static std::uint64_t serial = 0;
  profile.serial = ++serial;
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
  auto crl = issue_crl(*root, {}, now - std::chrono::hours(1), now + std::chrono::hours(24 * 7));
  if (!crl) {
    std::fprintf(stderr, "seal_bench: %s\n", crl.error().describe().c_str());
    return 2;
  }
  PadesOptions pades_lt = pades;
  pades_lt.level = CadesLevel::kBaselineT;
  pades_lt.timestamp_authority = tsa->get();
  pades_lt.long_term = PadesLongTerm::kLT;
  pades_lt.revocation.crls.push_back(*crl);
  PadesOptions pades_lta = pades_lt;
  pades_lta.long_term = PadesLongTerm::kLTA;
  VerificationOptions verification;
  verification.validation_time = now;

  const std::vector<int> one{0};
  // The first figure whose operation did not succeed (or pass), if any.
  std::string failed;
  auto expect = [&](bool good, const char* what) {
    if (!good && failed.empty())
      failed = what;
  };
  const double cades_bb = bench::per_second(one, seconds, [&](int) {
    expect(seal_detached_cades(*seal, as_bytes(invoice), bb).ok(), "CAdES B-B seal");
  });
  const double cades_bt = bench::per_second(one, seconds, [&](int) {
    expect(seal_detached_cades(*seal, as_bytes(invoice), bt).ok(), "CAdES B-T seal");
  });
  const double pades_bb = bench::per_second(one, seconds, [&](int) {
    expect(seal_pades(*seal, pdf, pades, "bench.pdf").ok(), "PAdES B-B seal");
  });
  const double pades_lt_rate = bench::per_second(one, seconds, [&](int) {
    expect(seal_pades(*seal, pdf, pades_lt, "bench.pdf").ok(), "PAdES B-LT seal");
  });
  const double pades_lta_rate = bench::per_second(one, seconds, [&](int) {
    expect(seal_pades(*seal, pdf, pades_lta, "bench.pdf").ok(), "PAdES B-LTA seal");
  });
  const auto p7s = seal_detached_cades(*seal, as_bytes(invoice), bt);
  const auto sealed_pdf = seal_pades(*seal, pdf, pades, "bench.pdf");
  const auto lt_pdf = seal_pades(*seal, pdf, pades_lt, "bench.pdf");
  const auto lta_pdf = seal_pades(*seal, pdf, pades_lta, "bench.pdf");
  if (!failed.empty() || !p7s || !sealed_pdf || !lt_pdf || !lta_pdf) {
    std::fprintf(stderr, "seal_bench: sealing failed (%s)\n", failed.c_str());
    return 1;
  }
  const double verify_cades = bench::per_second(one, seconds, [&](int) {
    auto r = verify_detached_cades(*p7s, as_bytes(invoice), *anchors, verification, "bench");
    expect(r && r->front().passed(), "CAdES B-T verify");
  });
  const double verify_pades_rate = bench::per_second(one, seconds, [&](int) {
    auto r = verify_pades(*sealed_pdf, *anchors, verification, "bench.pdf");
    expect(r && r->front().cades.passed(), "PAdES B-B verify");
  });
  const double verify_lt_rate = bench::per_second(one, seconds, [&](int) {
    auto r = verify_pades(*lt_pdf, *anchors, verification, "bench.pdf");
    expect(r && r->front().cades.passed() && r->front().level() == "PAdES-BASELINE-LT",
           "PAdES B-LT verify");
  });
  const double verify_lta_rate = bench::per_second(one, seconds, [&](int) {
    auto r = verify_pades(*lta_pdf, *anchors, verification, "bench.pdf");
    expect(r && r->size() == 2 && r->front().level() == "PAdES-BASELINE-LTA" &&
               r->back().cades.passed(),
           "PAdES B-LTA verify");
  });
  std::printf("seal_bench (one thread, EC P-256, SHA-256, %.1f s per figure)\n", seconds);
  std::printf("  CAdES B-B seal     %8.0f /s  (%zu-byte CII)\n", cades_bb, invoice.size());
  std::printf("  CAdES B-T seal     %8.0f /s  (local in-process TSA)\n", cades_bt);
  std::printf("  PAdES B-B seal     %8.0f /s  (%zu-byte Factur-X)\n", pades_bb, pdf.size());
  std::printf("  PAdES B-LT seal    %8.0f /s  (B-T + DSS: chain and one CRL)\n", pades_lt_rate);
  std::printf("  PAdES B-LTA seal   %8.0f /s  (B-LT + document timestamp)\n", pades_lta_rate);
  std::printf("  CAdES B-T verify   %8.0f /s\n", verify_cades);
  std::printf("  PAdES B-B verify   %8.0f /s\n", verify_pades_rate);
  std::printf("  PAdES B-LT verify  %8.0f /s  (DSS read, CRL checked)\n", verify_lt_rate);
  std::printf("  PAdES B-LTA verify %8.0f /s  (signature and document timestamp)\n",
              verify_lta_rate);
  std::printf(
      "reproduce: cmake --build build --target seal_bench && ./build/bench/seal_bench %.1f\n",
      seconds);
  if (!failed.empty())
    std::fprintf(stderr, "seal_bench: %s did not succeed\n", failed.c_str());
  return failed.empty() ? 0 : 1;
}
