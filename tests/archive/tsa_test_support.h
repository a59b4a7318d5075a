#pragma once

// What the archive tests of timestamps share: a TSA that lets another run
// overtake, and tokens over any root.

#include <catch2/catch.hpp>
#include <functional>
#include <span>
#include <string>

#include "archive/merkle_tree.h"
#include "signing/digest.h"
#include "signing/timestamp_authority.h"
#include "signing/timestamp_request.h"
#include "signing/timestamp_response.h"

namespace einvoice::archive::testing {

// A TSA that, before answering its first request, runs `meanwhile` (another
// securing or renewal run of the same archive): two runs overlap as two
// processes would.
class OvertakingAuthority final : public signing::TimestampAuthority {
 public:
  OvertakingAuthority(signing::TimestampAuthority& inner, std::function<void()> meanwhile)
      : inner_(inner), meanwhile_(std::move(meanwhile)) {}
  model::Result<signing::Bytes> exchange(std::span<const std::uint8_t> request_der) override {
    if (meanwhile_) {
      auto run = std::move(meanwhile_);
      meanwhile_ = nullptr;
      run();
    }
    return inner_.exchange(request_der);
  }
  std::string name() const override { return inner_.name(); }

 private:
  signing::TimestampAuthority& inner_;
  std::function<void()> meanwhile_;
};

// A token from `tsa` over `root` (raw bytes, the imprint itself), DER.
inline std::string token_over(signing::TimestampAuthority& tsa, const Hash& root) {
  auto request = signing::make_timestamp_request(signing::DigestAlgorithm::kSha256,
                                                 signing::Bytes(root.begin(), root.end()), {});
  REQUIRE(request);
  auto response = tsa.exchange(request->der);
  REQUIRE(response);
  auto token = signing::parse_timestamp_response(*response, *request, "test");
  REQUIRE(token);
  return std::string(token->der.begin(), token->der.end());
}

}  // namespace einvoice::archive::testing
