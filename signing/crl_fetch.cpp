#include "signing/crl_fetch.h"

#include <openssl/x509v3.h>

#include <algorithm>

#include "signing/http_client.h"
#include "signing/revocation.h"

namespace einvoice::signing {

std::vector<std::string> crl_distribution_urls(const Certificate& certificate) {
  std::vector<std::string> urls;
  auto* points = static_cast<CRL_DIST_POINTS*>(
      X509_get_ext_d2i(certificate.native(), NID_crl_distribution_points, nullptr, nullptr));
  if (!points)
    return urls;
  for (int i = 0; i < sk_DIST_POINT_num(points); ++i) {
    const DIST_POINT* point = sk_DIST_POINT_value(points, i);
    if (!point->distpoint || point->distpoint->type != 0)  // 0: fullName
      continue;
    const GENERAL_NAMES* names = point->distpoint->name.fullname;
    for (int n = 0; n < sk_GENERAL_NAME_num(names); ++n) {
      const GENERAL_NAME* name = sk_GENERAL_NAME_value(names, n);
      if (name->type != GEN_URI)
        continue;
      const ASN1_IA5STRING* uri = name->d.uniformResourceIdentifier;
      std::string url(reinterpret_cast<const char*>(ASN1_STRING_get0_data(uri)),
                      static_cast<std::size_t>(ASN1_STRING_length(uri)));
      if ((url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0) &&
          url.find_first_of(" \r\n\t") == std::string::npos)
        urls.push_back(std::move(url));
    }
  }
  CRL_DIST_POINTS_free(points);
  return urls;
}

model::Result<Bytes> fetch_crl(const std::string& url, const CrlFetchOptions& options) {
  detail::HttpOptions http;
  http.timeout = options.timeout;
  http.connect_timeout = std::min(options.timeout, std::chrono::seconds(10));
  http.max_response_bytes = options.max_bytes;
  http.proxy = options.proxy;
  auto reply = detail::http_exchange(url, std::nullopt, {"Accept: application/pkix-crl"}, http,
                                     "CRL " + url);
  if (!reply)
    return reply.error();
  return read_crl(*reply, "CRL " + url);
}

}  // namespace einvoice::signing
