// Fuzz target: RFC 3161 TimeStampResp decoding and matching against a fixed
// request (status, token, TSTInfo, imprint, nonce, TSA certificate EKU).
#include <cstddef>
#include <cstdint>
#include <span>

#include "fuzz/der_mutator.h"
#include "signing/timestamp_request.h"
#include "signing/timestamp_response.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const einvoice::signing::TimestampRequest request = [] {
    einvoice::signing::TimestampRequest r;
    r.imprint = einvoice::signing::digest(einvoice::signing::DigestAlgorithm::kSha256,
                                          einvoice::signing::as_bytes("fuzz"));
    r.nonce = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08};
    return r;
  }();
  (void)einvoice::signing::parse_timestamp_response(std::span<const std::uint8_t>(data, size),
                                                    request, "fuzz.tsr");
  return 0;
}
