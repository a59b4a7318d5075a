#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/accounts.h"
#include "accounts/agreement.h"
#include "accounts/certificate_sealer.h"

namespace einvoice::accounts {

// Every number of the enrolment a platform may tune. Only the code's 6
// digits and the 5 tries come from the brief; 10 minutes is common vendor
// practice (accounts.md 3, not an official rule); the resend delay ("a
// short delay", portal.md 2) and the representative link's validity are ours.
struct EnrolmentConfig {
  std::string platform = "einvoice";  // the approved platform the agreement designates
  std::chrono::seconds code_validity{10 * 60};
  std::chrono::seconds resend_delay{60};
  int max_code_tries = 5;
  std::chrono::seconds link_validity{72 * 3600};
  // The page where the legal representative opens the agreement (?secret=...).
  std::string link_url = "https://portal.invalid/enrol";
  std::string font_directory;  // the certificate's fonts; empty: render's default
};

// A company of an account with its enrolment state.
struct CompanyEnrolment {
  Company company;
  EnrolmentState state = EnrolmentState::kSingle;
  // The agreement behind the state: the signed one (certificate), the open
  // bulk one (multiple); 0 otherwise.
  AgreementId agreement = 0;
};

// The link the signer sends to the legal representative: shown once, only
// its SHA-256 is kept.
struct RepresentativeLink {
  Agreement agreement;
  std::string url;
};

// Enrolment (portal.md 2): a formal agreement designating the platform as
// the companies' approved platform for receiving invoices, in steps: the
// companies listed (start), the signer's legal authority confirmed
// (confirm_authority, or a link for the legal representative), the signer's
// identity and function (give_signer), the information confirmed
// (confirm: a 6-digit one-time code e-mailed through the outbox), the code
// entered (sign); then a PDF certificate rendered, sealed when a sealer is
// given, and kept. Each step is one store transaction journaled in the
// accounts journal. Refusals (refusal.h): ENROL-STATE (a step out of
// order), ENROL-UNKNOWN, ENROL-COMPANY, ENROL-OPEN, ENROL-DONE,
// ENROL-ADDRESS, ENROL-LINK, ENROL-RESEND, ENROL-CODE-WRONG,
// ENROL-CODE-EXPIRED, ENROL-LOCKED, ACC-FIELD, ACC-EMAIL, ACC-INACTIVE.
// Borrowed parts must outlive this object; `sealer` may be null (certificates
// unsealed). Thread-safe as its parts are.
class Enrolments {
 public:
  Enrolments(const AccountStore& store, const Accounts& accounts, const Outbox& outbox,
             const env::Clock& clock, const env::RandomSource& random,
             const CertificateSealer* sealer, EnrolmentConfig config = {})
      : store_(store),
        accounts_(accounts),
        outbox_(outbox),
        clock_(clock),
        random_(random),
        sealer_(sealer),
        config_(std::move(config)) {}

  const EnrolmentConfig& config() const { return config_; }

  // Lists `companies` (of `account` or, for a main account, of its
  // secondaries) in a new agreement; `bulk` marks a mass enrolment. Each
  // must be eligible (subject to VAT, purchase invoices chosen: ENROL-COMPANY),
  // not enrolled already (ENROL-DONE) nor listed by another open agreement
  // (ENROL-OPEN: cancel it first), checked in the store's transaction.
  model::Result<Agreement> start(AccountId account, const std::vector<CompanyId>& companies,
                                 bool bulk) const;
  // The companies of `account` (and its secondaries) in state single
  // among `candidates`, in one bulk agreement; nullopt when none is.
  model::Result<std::optional<Agreement>> start_bulk(
      AccountId account, const std::vector<CompanyId>& candidates) const;
  // The signer holds the legal authority to designate the platform.
  model::Result<Agreement> confirm_authority(AgreementId id) const;
  // A link for the legal representative (valid config().link_validity,
  // single use): whoever opens it continues the agreement as the legal
  // representative. A new link replaces the previous one.
  model::Result<RepresentativeLink> representative_link(AgreementId id) const;
  // The legal representative opened the link: authority confirmed.
  // Refusals: ENROL-LINK (unknown, used or expired).
  model::Result<Agreement> open_link(std::string_view secret) const;
  // First name, last name, function, e-mail (ACC-FIELD, ACC-EMAIL).
  model::Result<Agreement> give_signer(AgreementId id, const Signer& signer) const;
  // The signer confirms the information: every company needs a postal
  // address (ENROL-ADDRESS); a 6-digit code, valid config().code_validity,
  // is e-mailed to the signer; only its SHA-256 is kept.
  model::Result<Agreement> confirm(AgreementId id) const;
  // A new code replacing the previous one, not before config().resend_delay
  // after the last (ENROL-RESEND). Tries are not reset.
  model::Result<Agreement> resend_code(AgreementId id) const;
  // The code entered: each try is counted in the store's transaction before
  // the comparison (constant time), so at most config().max_code_tries are
  // ever compared (ENROL-LOCKED afterwards, even for the right code: start
  // again). ENROL-CODE-EXPIRED from its expiry on, ENROL-CODE-WRONG (tries
  // left said), ENROL-STATE once signed (a code is single use). On success
  // the agreement is signed, its companies enrolled, and the certificate made.
  model::Result<Agreement> sign(AgreementId id, std::string_view code) const;
  model::Result<Agreement> cancel(AgreementId id) const;
  model::Result<Agreement> agreement(AgreementId id) const;
  // The certificate PDF of a signed agreement, as kept; made (rendered and
  // sealed) and kept first if it is not yet.
  model::Result<std::string> certificate(AgreementId id) const;
  // The companies of `account` (and its secondaries) with their states.
  model::Result<std::vector<CompanyEnrolment>> states(AccountId account) const;

 private:
  // Renders, seals and keeps the certificate of signed agreement `a`.
  model::Result<std::string> make_certificate(const Agreement& a) const;
  model::Result<Agreement> step(AgreementId id, std::string_view event,
                                const std::function<model::Status(Agreement&)>& change) const;
  model::Result<Agreement> send_code(AgreementId id, bool resend) const;
  std::int64_t now() const;

  const AccountStore& store_;
  const Accounts& accounts_;
  const Outbox& outbox_;
  const env::Clock& clock_;
  const env::RandomSource& random_;
  const CertificateSealer* sealer_;
  EnrolmentConfig config_;
};

}  // namespace einvoice::accounts
