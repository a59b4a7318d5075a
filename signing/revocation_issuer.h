#pragma once

// Throw-away revocation data for tests, benchmarks and demos: CRLs and OCSP
// responses signed by a SoftwareSigner CA. FOR TESTS ONLY, like
// certificate_issuer.h: nothing here is fit for production evidence.

#include <chrono>
#include <optional>
#include <utility>
#include <vector>

#include "model/result.h"
#include "signing/certificate.h"
#include "signing/key_material.h"

namespace einvoice::signing {

// A DER X.509 v2 CRL issued and signed (SHA-256) by `issuer`, listing each
// certificate of `revoked` with its revocation date.
model::Result<Bytes> issue_crl(
    const SoftwareSigner& issuer,
    const std::vector<std::pair<Certificate, std::chrono::sys_seconds>>& revoked,
    std::chrono::sys_seconds this_update, std::chrono::sys_seconds next_update);

// A DER OCSPResponse (successful, basic, SHA-1 CertID as RFC 6960 clients
// expect) about `subject`, signed by its issuer `issuer` itself: good, or
// revoked at `revoked_at` when given.
model::Result<Bytes> issue_ocsp_response(const SoftwareSigner& issuer, const Certificate& subject,
                                         std::optional<std::chrono::sys_seconds> revoked_at,
                                         std::chrono::sys_seconds this_update);

}  // namespace einvoice::signing
