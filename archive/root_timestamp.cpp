#include "archive/root_timestamp.h"

#include "signing/digest.h"
#include "signing/timestamp_request.h"
#include "signing/timestamp_response.h"

namespace einvoice::archive {

model::Result<signing::TimestampToken> timestamp_root(signing::TimestampAuthority& authority,
                                                      const Hash& root) {
  auto request = signing::make_timestamp_request(signing::DigestAlgorithm::kSha256,
                                                 signing::Bytes(root.begin(), root.end()),
                                                 signing::random_nonce());
  if (!request)
    return request.error();
  auto response = authority.exchange(request->der);
  if (!response)
    return response.error();
  return signing::parse_timestamp_response(*response, *request, authority.name());
}

}  // namespace einvoice::archive
