#include "signing/verification.h"

#include <openssl/ess.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <ctime>

#include "signing/certificate_validation.h"
#include "signing/openssl_support.h"
#include "signing/timestamp_token.h"

namespace einvoice::signing {
namespace {

using std::chrono::sys_seconds;

// The first value of a signed (or unsigned) attribute, or null.
ASN1_TYPE* attribute_value(X509_ATTRIBUTE* attr) {
  return attr != nullptr && X509_ATTRIBUTE_count(attr) > 0 ? X509_ATTRIBUTE_get0_type(attr, 0)
                                                           : nullptr;
}

ASN1_TYPE* signed_attribute(CMS_SignerInfo* si, int nid) {
  int at = CMS_signed_get_attr_by_NID(si, nid, -1);
  return at < 0 ? nullptr : attribute_value(CMS_signed_get_attr(si, at));
}

// Records a failure; the first one decides the indication, later ones only add errors.
void fail(SignatureReport& report, Indication indication, SubIndication sub,
          const std::string& message) {
  if (report.sub_indication == SubIndication::kNone) {
    report.indication = indication;
    report.sub_indication = sub;
  }
  report.errors.push_back(message);
}

SubIndication token_sub_indication(TokenFailure failure) {
  switch (failure) {
    case TokenFailure::kNone:
      return SubIndication::kNone;
    case TokenFailure::kHashFailure:
      return SubIndication::kHashFailure;
    case TokenFailure::kSigCryptoFailure:
      return SubIndication::kSigCryptoFailure;
    case TokenFailure::kNoSigningCertificate:
      return SubIndication::kNoSigningCertificateFound;
    case TokenFailure::kChainConstraints:
      return SubIndication::kChainConstraintsFailure;
    case TokenFailure::kNoCertificateChain:
      return SubIndication::kNoCertificateChainFound;
    case TokenFailure::kOutOfBounds:
      return SubIndication::kOutOfBoundsNoPoe;
    case TokenFailure::kPolicy:
      return SubIndication::kSigConstraintsFailure;
  }
  return SubIndication::kNone;
}

// Checks the signature-time-stamps of `si`; fills report.timestamps and
// best_signature_time. Returns false when one of them is invalid.
bool check_timestamps(CMS_SignerInfo* si, const TrustStore& anchors,
                      const VerificationOptions& options, SignatureReport& report) {
  const Bytes signature = detail::asn1_string_bytes(CMS_SignerInfo_get0_signature(si));
  bool all_valid = true;
  for (int at = -1;
       (at = CMS_unsigned_get_attr_by_NID(si, NID_id_smime_aa_timeStampToken, at)) >= 0;) {
    X509_ATTRIBUTE* attr = CMS_unsigned_get_attr(si, at);
    for (int v = 0; v < X509_ATTRIBUTE_count(attr); ++v) {
      TimestampReport ts;
      ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(attr, v);
      auto token = value != nullptr && value->type == V_ASN1_SEQUENCE
                       ? TimestampToken::parse(detail::asn1_string_bytes(value->value.sequence),
                                               "signature-time-stamp")
                       : model::Result<TimestampToken>(detail::make_error(
                             model::ErrorCode::kMalformed, "signature-time-stamp is not a token"));
      if (!token) {
        ts.indication = Indication::kTotalFailed;
        ts.sub_indication = SubIndication::kFormatFailure;
        ts.message = token.error().message;
      } else {
        ts.gen_time = token->gen_time;
        ts.serial = token->serial;
        if (token->tsa_certificate)
          ts.tsa_subject = token->tsa_certificate->subject();
        TokenCheck check =
            verify_timestamp_token(*token, signature, anchors, options.validation_time);
        const auto& policies = options.accepted_timestamp_policies;
        if (check.ok() && !policies.empty() &&
            std::find(policies.begin(), policies.end(), token->policy_oid) == policies.end()) {
          check = {TokenFailure::kPolicy, "timestamp policy " + token->policy_oid +
                                              " is not among the accepted TSA policies"};
        }
        ts.sub_indication = token_sub_indication(check.failure);
        ts.message = check.message;
        if (check.ok()) {
          ts.indication = Indication::kTotalPassed;
          if (!report.best_signature_time || token->gen_time < *report.best_signature_time) {
            report.best_signature_time = token->gen_time;
          }
          if (token->gen_time > options.validation_time) {
            report.warnings.push_back("signature-time-stamp genTime " +
                                      detail::format_utc(token->gen_time) +
                                      " is after the validation time");
          }
        } else {
          ts.indication = check.failure == TokenFailure::kHashFailure ||
                                  check.failure == TokenFailure::kSigCryptoFailure
                              ? Indication::kTotalFailed
                              : Indication::kIndeterminate;
        }
      }
      if (ts.indication != Indication::kTotalPassed)
        all_valid = false;
      report.timestamps.push_back(std::move(ts));
    }
  }
  return all_valid;
}

// Revocation of the signer certificate per the external validation material.
void check_signer_revocation(const std::vector<Certificate>& certificates,
                             const TrustStore& anchors, const ValidationMaterial& material,
                             SignatureReport& report) {
  std::vector<Certificate> candidates = certificates;
  candidates.insert(candidates.end(), anchors.anchors().begin(), anchors.anchors().end());
  const auto issuer = find_issuer(*report.signer_certificate, candidates);
  if (!issuer) {
    report.warnings.push_back("revocation not checked: the issuer of " + report.signer_subject +
                              " is not available");
    return;
  }
  const RevocationCheck check =
      check_revocation(*report.signer_certificate, *issuer, material.revocation, anchors);
  report.revocation = check.status;
  for (const std::string& problem : check.problems)
    report.warnings.push_back("revocation data skipped: " + problem);
  if (check.status == RevocationStatus::kUnknown && !material.revocation.empty()) {
    report.warnings.push_back("no CRL or OCSP response covers " + report.signer_subject);
  }
  const RevocationVerdict verdict =
      judge_revocation(check, *report.signer_certificate, report.best_signature_time);
  if (verdict.sub_indication != SubIndication::kNone)
    fail(report, verdict.indication, verdict.sub_indication, verdict.note);
  else if (!verdict.note.empty())
    report.warnings.push_back(verdict.note);
}

SignatureReport verify_signer(CMS_ContentInfo* cms, CMS_SignerInfo* si,
                              std::optional<std::span<const std::uint8_t>> data,
                              const TrustStore& anchors, const VerificationOptions& options) {
  SignatureReport report;
  EVP_PKEY* key = nullptr;
  X509* signer = nullptr;
  X509_ALGOR* digest_alg = nullptr;
  CMS_SignerInfo_get0_algs(si, &key, &signer, &digest_alg, nullptr);

  // Identification of the signing certificate.
  if (signer == nullptr) {
    fail(report, Indication::kIndeterminate, SubIndication::kNoSigningCertificateFound,
         "the signer certificate is not in the seal");
    return report;
  }
  report.signer_certificate = Certificate::from_native(signer);
  report.signer_subject = report.signer_certificate->subject();
  report.organization_identifier = report.signer_certificate->organization_identifier();
  if (report.organization_identifier) {
    report.siren = siren_from_organization_identifier(*report.organization_identifier);
  }
  if (CMS_signed_get_attr_count(si) <= 0) {
    fail(report, Indication::kTotalFailed, SubIndication::kFormatFailure,
         "no signed attributes: not a CAdES signature");
    return report;
  }
  ESS_SIGNING_CERT* ess1 = nullptr;
  ESS_SIGNING_CERT_V2* ess2 = nullptr;
  if (ASN1_TYPE* v = signed_attribute(si, NID_id_smime_aa_signingCertificateV2);
      v != nullptr && v->type == V_ASN1_SEQUENCE) {
    const unsigned char* p = v->value.sequence->data;
    ess2 = d2i_ESS_SIGNING_CERT_V2(nullptr, &p, v->value.sequence->length);
  }
  if (ASN1_TYPE* v = signed_attribute(si, NID_id_smime_aa_signingCertificate);
      v != nullptr && v->type == V_ASN1_SEQUENCE) {
    const unsigned char* p = v->value.sequence->data;
    ess1 = d2i_ESS_SIGNING_CERT(nullptr, &p, v->value.sequence->length);
  }
  const bool has_ess = ess1 != nullptr || ess2 != nullptr;
  if (ess2 == nullptr && ess1 != nullptr) {
    report.warnings.push_back("signing-certificate (v1, SHA-1) instead of signing-certificate-v2");
  }
  detail::X509StackPtr signer_only(sk_X509_new_null());
  X509_up_ref(signer);
  sk_X509_push(signer_only.get(), signer);
  const int ess_ok = has_ess ? OSSL_ESS_check_signing_certs(ess1, ess2, signer_only.get(), 1) : 0;
  ESS_SIGNING_CERT_free(ess1);
  ESS_SIGNING_CERT_V2_free(ess2);
  if (!has_ess) {
    fail(report, Indication::kIndeterminate, SubIndication::kNoSigningCertificateFound,
         "no signing-certificate-v2 attribute: the signer certificate is not protected");
  } else if (ess_ok != 1) {
    detail::openssl_errors();
    fail(report, Indication::kIndeterminate, SubIndication::kNoSigningCertificateFound,
         "signing-certificate-v2 does not name the certificate " + report.signer_subject);
  }

  if (ASN1_TYPE* v = signed_attribute(si, NID_pkcs9_signingTime);
      v != nullptr && (v->type == V_ASN1_UTCTIME || v->type == V_ASN1_GENERALIZEDTIME)) {
    report.claimed_signing_time = detail::to_sys_seconds(v->value.utctime);
  } else {
    report.claimed_signing_time = options.claimed_signing_time;
  }

  // Cryptographic verification: message-digest over the data, then the signature value.
  Bytes embedded;
  if (!data) {
    ASN1_OCTET_STRING** content = CMS_get0_content(cms);
    if (content != nullptr && *content != nullptr) {
      embedded = detail::asn1_string_bytes(*content);
      data = std::span<const std::uint8_t>(embedded);
    }
  }
  const ASN1_OBJECT* digest_oid = nullptr;
  X509_ALGOR_get0(&digest_oid, nullptr, nullptr, digest_alg);
  const std::optional<DigestAlgorithm> algorithm = detail::digest_from_nid(OBJ_obj2nid(digest_oid));
  ASN1_TYPE* message_digest = signed_attribute(si, NID_pkcs9_messageDigest);
  ASN1_TYPE* content_type = signed_attribute(si, NID_pkcs9_contentType);
  if (message_digest == nullptr || message_digest->type != V_ASN1_OCTET_STRING ||
      content_type == nullptr || content_type->type != V_ASN1_OBJECT) {
    fail(report, Indication::kTotalFailed, SubIndication::kFormatFailure,
         "message-digest or content-type signed attribute missing");
  } else if (OBJ_cmp(content_type->value.object, CMS_get0_eContentType(cms)) != 0) {
    fail(report, Indication::kTotalFailed, SubIndication::kFormatFailure,
         "the content-type signed attribute differs from the encapsulated content type");
  } else if (!algorithm) {
    fail(report, Indication::kIndeterminate, SubIndication::kFormatFailure,
         "unsupported digest algorithm (SHA-256, SHA-384, SHA-512 accepted)");
  } else if (!data) {
    fail(report, Indication::kIndeterminate, SubIndication::kSignedDataNotFound,
         "detached seal and no signed data given");
  } else if (digest(*algorithm, *data) !=
             detail::asn1_string_bytes(message_digest->value.octet_string)) {
    fail(report, Indication::kTotalFailed, SubIndication::kHashFailure,
         std::string("the ") + to_string(*algorithm) +
             " digest of the data differs from the sealed message-digest: the data changed");
  }
  if (CMS_SignerInfo_verify(si) != 1) {
    fail(report, Indication::kTotalFailed, SubIndication::kSigCryptoFailure,
         "the signature value does not verify with the key of " + report.signer_subject + " (" +
             detail::openssl_errors() + ")");
  }

  // Signature-time-stamps give the best signature time.
  const TrustStore& tsa_anchors =
      options.timestamp_anchors != nullptr ? *options.timestamp_anchors : anchors;
  const bool timestamps_valid = check_timestamps(si, tsa_anchors, options, report);

  // Certificates: chain, validity at the best signature time, key usage.
  std::vector<Certificate> carried;
  detail::X509StackPtr carried_stack(CMS_get1_certs(cms));
  for (int i = 0; carried_stack && i < sk_X509_num(carried_stack.get()); ++i) {
    carried.push_back(Certificate::from_native(sk_X509_value(carried_stack.get(), i)));
  }
  if (options.material != nullptr) {
    carried.insert(carried.end(), options.material->certificates.begin(),
                   options.material->certificates.end());
  }
  const bool proof = report.best_signature_time.has_value();
  for (const CertificateFinding& finding : validate_signing_certificate(
           *report.signer_certificate, carried, anchors,
           proof ? *report.best_signature_time : options.validation_time, proof)) {
    fail(report, finding.indication, finding.sub_indication, finding.message);
  }
  if (options.material != nullptr)
    check_signer_revocation(carried, anchors, *options.material, report);
  if (!timestamps_valid) {
    for (const TimestampReport& ts : report.timestamps) {
      if (ts.indication != Indication::kTotalPassed) {
        fail(report, Indication::kIndeterminate, SubIndication::kSigConstraintsFailure,
             std::string("signature-time-stamp invalid (") + to_string(ts.sub_indication) +
                 "): " + ts.message);
      }
    }
  }
  if (report.claimed_signing_time && report.best_signature_time &&
      *report.claimed_signing_time > *report.best_signature_time + std::chrono::minutes(5)) {
    report.warnings.push_back(
        "claimed signing-time " + detail::format_utc(*report.claimed_signing_time) +
        " is after the signature-time-stamp " + detail::format_utc(*report.best_signature_time));
  }

  // Level reached.
  if (has_ess && ess_ok == 1 && report.claimed_signing_time && message_digest != nullptr &&
      content_type != nullptr) {
    report.level = SignatureLevel::kBaselineB;
    if (report.best_signature_time)
      report.level = SignatureLevel::kBaselineT;
  } else if (!report.claimed_signing_time) {
    report.warnings.push_back("no signing-time attribute: not CAdES baseline B");
  }
  if (report.sub_indication == SubIndication::kNone)
    report.indication = Indication::kTotalPassed;
  return report;
}

}  // namespace

const char* to_string(SignatureLevel level) {
  switch (level) {
    case SignatureLevel::kNone:
      return "NONE";
    case SignatureLevel::kBaselineB:
      return "CAdES-BASELINE-B";
    case SignatureLevel::kBaselineT:
      return "CAdES-BASELINE-T";
    case SignatureLevel::kBaselineLT:
      return "CAdES-BASELINE-LT";
    case SignatureLevel::kBaselineLTA:
      return "CAdES-BASELINE-LTA";
  }
  return "?";
}

std::string iso8601_utc(std::chrono::sys_seconds t) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm fields{};
  gmtime_r(&seconds, &fields);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &fields);
  return buffer;
}

std::string describe(const SignatureReport& report) {
  std::string text = std::string("indication: ") + to_string(report.indication);
  if (report.sub_indication != SubIndication::kNone) {
    text += std::string("/") + to_string(report.sub_indication);
  }
  text += std::string("\nlevel: ") + to_string(report.level);
  if (auto t = report.signing_time()) {
    text += "\nsigning time: " + detail::format_utc(*t) +
            (report.best_signature_time ? " (signature-time-stamp)" : " (claimed by the signer)");
  }
  text += "\nsigner: " + report.signer_subject;
  if (report.organization_identifier) {
    text += "\norganization identifier: " + *report.organization_identifier;
    if (report.siren)
      text += " (SIREN " + *report.siren + ")";
  }
  if (!report.scope.empty())
    text += report.whole_document ? "\nscope: the whole document" : "\nscope: part of the document";
  for (const std::string& s : report.scope)
    text += "\nsigned: " + s;
  for (const std::string& e : report.errors)
    text += "\nerror: " + e;
  for (const std::string& w : report.warnings)
    text += "\nwarning: " + w;
  for (const TimestampReport& ts : report.timestamps) {
    text += std::string("\ntimestamp: ") + to_string(ts.indication);
    if (ts.sub_indication != SubIndication::kNone) {
      text += std::string("/") + to_string(ts.sub_indication);
    }
    if (ts.gen_time)
      text += " at " + detail::format_utc(*ts.gen_time);
    text += " serial " + ts.serial + " by " + ts.tsa_subject;
    if (!ts.message.empty())
      text += ": " + ts.message;
  }
  return text + "\n";
}

model::Result<std::vector<SignatureReport>> verify_detached_cades(
    std::span<const std::uint8_t> p7s, std::optional<std::span<const std::uint8_t>> data,
    const TrustStore& anchors, const VerificationOptions& options, std::string_view origin) {
  if (p7s.size() > kMaxSealBytes) {
    return detail::make_error(model::ErrorCode::kLimitExceeded,
                              std::string(origin) + ": seal of " + std::to_string(p7s.size()) +
                                  " bytes exceeds the limit of " + std::to_string(kMaxSealBytes),
                              origin);
  }
  const unsigned char* p = p7s.data();
  detail::CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(p7s.size())));
  if (!cms || OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed) {
    return detail::openssl_error(model::ErrorCode::kMalformed,
                                 std::string(origin) + ": not a DER CMS SignedData");
  }
  STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms.get());
  if (infos == nullptr || sk_CMS_SignerInfo_num(infos) == 0) {
    return detail::make_error(model::ErrorCode::kMalformed,
                              std::string(origin) + ": CMS SignedData without SignerInfo",
                              std::string(origin));
  }
  // Links each SignerInfo to its certificate among SignedData.certificates;
  // a missing one is reported per signature.
  CMS_set1_signers_certs(cms.get(), nullptr, 0);
  detail::openssl_errors();
  std::vector<SignatureReport> reports;
  for (int i = 0; i < sk_CMS_SignerInfo_num(infos); ++i) {
    reports.push_back(
        verify_signer(cms.get(), sk_CMS_SignerInfo_value(infos, i), data, anchors, options));
  }
  detail::openssl_errors();
  return reports;
}

}  // namespace einvoice::signing
