// Fuzz target: revocation data (CRL, DER or PEM; OCSP responses) as read
// from --crl / --ocsp files and from a PDF's DSS, then used to judge a
// certificate's status: decoding, issuer matching, signature checks, dates.
#include <cstddef>
#include <cstdint>
#include <span>

#include "fuzz/der_mutator.h"
#include "fuzz/fuzz_anchors.h"
#include "signing/revocation.h"

namespace {

// A seal certificate issued by the fuzz root, whose status the input decides.
const einvoice::signing::SoftwareSigner& fuzz_seal() {
  static const auto seal = [] {
    using namespace std::chrono;
    einvoice::signing::CertificateProfile profile;
    profile.subject = {{"CN", "fuzz seal"}, {"organizationIdentifier", "NTRFR-123456789"}};
    profile.not_before = sys_seconds(seconds(1700000000));
    profile.not_after = sys_seconds(seconds(1900000000));
    auto issued = einvoice::signing::issue_certificate(profile, &einvoice::fuzz::fuzz_root());
    return std::move(*issued);
  }();
  return *seal;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace einvoice::signing;
  const std::span<const std::uint8_t> bytes(data, size);
  (void)read_crl(bytes, "fuzz.crl");
  (void)read_ocsp_response(bytes, "fuzz.ocsp");
  RevocationData revocation;
  revocation.crls.emplace_back(bytes.begin(), bytes.end());
  revocation.ocsp_responses.emplace_back(bytes.begin(), bytes.end());
  const RevocationCheck check =
      check_revocation(fuzz_seal().certificate(), einvoice::fuzz::fuzz_root().certificate(),
                       revocation, einvoice::fuzz::fuzz_anchors());
  (void)judge_revocation(check, fuzz_seal().certificate(), std::nullopt);
  return 0;
}
