#include "signing/revocation.h"

#include <openssl/ocsp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include "signing/openssl_support.h"

namespace einvoice::signing {
namespace {

using model::ErrorCode;

detail::CrlPtr parse_crl(std::span<const std::uint8_t> der) {
  const unsigned char* p = der.data();
  return detail::CrlPtr(d2i_X509_CRL(nullptr, &p, static_cast<long>(der.size())));
}

detail::OcspResponsePtr parse_ocsp(std::span<const std::uint8_t> der) {
  const unsigned char* p = der.data();
  return detail::OcspResponsePtr(d2i_OCSP_RESPONSE(nullptr, &p, static_cast<long>(der.size())));
}

std::string time_text(const ASN1_TIME* t) {
  const auto seconds = t != nullptr ? detail::to_sys_seconds(t) : std::nullopt;
  return seconds ? detail::format_utc(*seconds) : std::string("?");
}

// Applies CRL number `index` to `check` when `issuer` issued it.
void apply_crl(std::span<const std::uint8_t> der, std::size_t index, const Certificate& certificate,
               const Certificate& issuer, RevocationCheck& check) {
  const std::string name = "CRL #" + std::to_string(index + 1);
  detail::CrlPtr crl = parse_crl(der);
  if (!crl) {
    check.problems.push_back(name + " is not a DER CRL: " + detail::openssl_errors());
    return;
  }
  if (X509_NAME_cmp(X509_CRL_get_issuer(crl.get()), X509_get_subject_name(issuer.native())) != 0)
    return;  // another CA's CRL
  if (X509_CRL_verify(crl.get(), X509_get0_pubkey(issuer.native())) != 1) {
    check.problems.push_back(
        name + " names " + issuer.subject() +
        " as issuer but its signature does not verify with its key: " + detail::openssl_errors());
    return;
  }
  const std::string source = name + " of " + issuer.subject() + " (thisUpdate " +
                             time_text(X509_CRL_get0_lastUpdate(crl.get())) + ")";
  X509_REVOKED* entry = nullptr;
  if (X509_CRL_get0_by_cert(crl.get(), &entry, certificate.native()) == 1 && entry != nullptr) {
    const auto when = detail::to_sys_seconds(X509_REVOKED_get0_revocationDate(entry));
    if (check.status != RevocationStatus::kRevoked ||
        (when && check.revocation_time && *when < *check.revocation_time)) {
      check.status = RevocationStatus::kRevoked;
      check.revocation_time = when;
      check.source = source;
    }
  } else if (check.status == RevocationStatus::kUnknown) {
    check.status = RevocationStatus::kGood;
    check.source = source;
  }
}

// The OCSP SingleResponse about `certificate`, whatever CertID hash it uses.
OCSP_SINGLERESP* find_single(OCSP_BASICRESP* basic, const Certificate& certificate,
                             const Certificate& issuer) {
  for (int i = 0; i < OCSP_resp_count(basic); ++i) {
    OCSP_SINGLERESP* single = OCSP_resp_get0(basic, i);
    const OCSP_CERTID* id = OCSP_SINGLERESP_get0_id(single);
    ASN1_OBJECT* hash = nullptr;
    if (OCSP_id_get0_info(nullptr, &hash, nullptr, nullptr, const_cast<OCSP_CERTID*>(id)) != 1)
      continue;
    const EVP_MD* md = EVP_get_digestbyobj(hash);
    if (md == nullptr)
      continue;
    detail::OcspCertIdPtr expected(OCSP_cert_to_id(md, certificate.native(), issuer.native()));
    if (expected && OCSP_id_cmp(expected.get(), id) == 0)
      return single;
  }
  return nullptr;
}

void apply_ocsp(std::span<const std::uint8_t> der, std::size_t index,
                const Certificate& certificate, const Certificate& issuer,
                const TrustStore& anchors, RevocationCheck& check) {
  const std::string name = "OCSP response #" + std::to_string(index + 1);
  detail::OcspResponsePtr response = parse_ocsp(der);
  if (!response || OCSP_response_status(response.get()) != OCSP_RESPONSE_STATUS_SUCCESSFUL) {
    check.problems.push_back(name + " is not a successful DER OCSP response");
    detail::openssl_errors();
    return;
  }
  detail::OcspBasicPtr basic(OCSP_response_get1_basic(response.get()));
  OCSP_SINGLERESP* single = basic ? find_single(basic.get(), certificate, issuer) : nullptr;
  if (single == nullptr) {
    detail::openssl_errors();
    return;  // about other certificates
  }
  detail::X509StackPtr untrusted(sk_X509_new_null());
  if (untrusted && sk_X509_push(untrusted.get(), issuer.native()) > 0)
    X509_up_ref(issuer.native());
  if (OCSP_basic_verify(basic.get(), untrusted.get(), anchors.native(), 0) <= 0) {
    check.problems.push_back(name + " about " + certificate.subject() +
                             " does not verify: " + detail::openssl_errors());
    return;
  }
  int reason = 0;
  ASN1_GENERALIZEDTIME* revoked_at = nullptr;
  ASN1_GENERALIZEDTIME* this_update = nullptr;
  const int status = OCSP_single_get0_status(single, &reason, &revoked_at, &this_update, nullptr);
  const std::string source =
      name + " (producedAt " + time_text(OCSP_resp_get0_produced_at(basic.get())) + ")";
  if (status == V_OCSP_CERTSTATUS_REVOKED) {
    const auto when = revoked_at ? detail::to_sys_seconds(revoked_at) : std::nullopt;
    if (check.status != RevocationStatus::kRevoked ||
        (when && check.revocation_time && *when < *check.revocation_time)) {
      check.status = RevocationStatus::kRevoked;
      check.revocation_time = when;
      check.source = source;
    }
  } else if (status == V_OCSP_CERTSTATUS_GOOD && check.status == RevocationStatus::kUnknown) {
    check.status = RevocationStatus::kGood;
    check.source = source;
  }
}

}  // namespace

model::Result<Bytes> read_crl(std::span<const std::uint8_t> bytes, std::string_view origin) {
  if (detail::CrlPtr crl = parse_crl(bytes))
    return detail::to_der(i2d_X509_CRL, crl.get());
  detail::openssl_errors();
  detail::BioPtr bio = detail::memory_bio(bytes);
  detail::CrlPtr pem(bio ? PEM_read_bio_X509_CRL(bio.get(), nullptr, nullptr, nullptr) : nullptr);
  if (!pem) {
    return detail::openssl_error(ErrorCode::kMalformed,
                                 std::string(origin) + ": not a DER or PEM X.509 CRL");
  }
  return detail::to_der(i2d_X509_CRL, pem.get());
}

model::Result<Bytes> read_ocsp_response(std::span<const std::uint8_t> bytes,
                                        std::string_view origin) {
  detail::OcspResponsePtr response = parse_ocsp(bytes);
  if (!response) {
    return detail::openssl_error(ErrorCode::kMalformed,
                                 std::string(origin) + ": not a DER OCSP response");
  }
  if (OCSP_response_status(response.get()) != OCSP_RESPONSE_STATUS_SUCCESSFUL) {
    return detail::make_error(ErrorCode::kMalformed,
                              std::string(origin) + ": OCSP response status is " +
                                  OCSP_response_status_str(OCSP_response_status(response.get())),
                              origin);
  }
  detail::OcspBasicPtr basic(OCSP_response_get1_basic(response.get()));
  if (!basic) {
    return detail::openssl_error(ErrorCode::kMalformed,
                                 std::string(origin) + ": OCSP response without basic response");
  }
  return Bytes(bytes.begin(), bytes.end());
}

RevocationCheck check_revocation(const Certificate& certificate, const Certificate& issuer,
                                 const RevocationData& data, const TrustStore& anchors) {
  RevocationCheck check;
  for (std::size_t i = 0; i < data.crls.size(); ++i)
    apply_crl(data.crls[i], i, certificate, issuer, check);
  for (std::size_t i = 0; i < data.ocsp_responses.size(); ++i)
    apply_ocsp(data.ocsp_responses[i], i, certificate, issuer, anchors, check);
  detail::openssl_errors();
  return check;
}

std::optional<Certificate> find_issuer(const Certificate& certificate,
                                       const std::vector<Certificate>& candidates) {
  for (const Certificate& c : candidates) {
    if (X509_check_issued(c.native(), certificate.native()) == X509_V_OK)
      return c;
  }
  return std::nullopt;
}

RevocationVerdict judge_revocation(const RevocationCheck& check, const Certificate& signer,
                                   std::optional<std::chrono::sys_seconds> proof_of_existence) {
  RevocationVerdict verdict;
  if (check.status != RevocationStatus::kRevoked)
    return verdict;
  const std::string revoked = "certificate " + signer.subject() + " revoked on " +
                              (check.revocation_time ? detail::format_utc(*check.revocation_time)
                                                     : std::string("an unknown date")) +
                              " (" + check.source + ")";
  if (!proof_of_existence) {
    verdict.indication = Indication::kIndeterminate;
    verdict.sub_indication = SubIndication::kRevokedNoPoe;
    verdict.note = revoked + "; nothing proves the seal existed before";
  } else if (!check.revocation_time || *check.revocation_time <= *proof_of_existence) {
    verdict.indication = Indication::kTotalFailed;
    verdict.sub_indication = SubIndication::kRevoked;
    verdict.note =
        revoked + ", before the signature-time-stamp " + detail::format_utc(*proof_of_existence);
  } else {
    verdict.note = revoked + ", after the signature-time-stamp " +
                   detail::format_utc(*proof_of_existence) + " that proves the seal existed before";
  }
  return verdict;
}

}  // namespace einvoice::signing
