#include "signing/timestamp_authority.h"

#include "signing/timestamp_response.h"

namespace einvoice::signing {

model::Result<TimestampToken> request_timestamp(TimestampAuthority& authority,
                                                std::span<const std::uint8_t> data) {
  auto request = make_timestamp_request_for(data);
  if (!request)
    return request.error();
  auto response = authority.exchange(request->der);
  if (!response)
    return response.error();
  return parse_timestamp_response(*response, *request, authority.name());
}

}  // namespace einvoice::signing
