#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/account.h"
#include "accounts/company.h"

namespace einvoice::accounts {

using AgreementId = std::int64_t;

// A company's enrolment state as the company list shows it (portal.md 2).
enum class EnrolmentState {
  kNotSubjectToVat,  // enrolment does not apply
  kNotApplicable,    // purchase invoices not chosen
  kSingle,           // a link to enrol this company
  kMultiple,         // in a bulk agreement not yet signed: a link to its form
  kCertificate,      // enrolled: the certificate can be downloaded
};
// "not-subject-to-vat", "not-applicable", "single", "multiple", "certificate".
const char* to_string(EnrolmentState state);

// Where a formal agreement stands. Each step needs the one before it; a
// signed or cancelled agreement changes no more.
enum class AgreementStage {
  kDraft,               // the companies listed
  kAuthorityConfirmed,  // the signer's legal authority confirmed (by the signer or
                        // by the legal representative through a link)
  kSignerGiven,         // first name, last name, function, e-mail given
  kCodeSent,            // the information confirmed; a one-time code e-mailed
  kSigned,              // the code entered: the companies are enrolled
  kCancelled,
};
// "draft", "authority-confirmed", "signer-given", "code-sent", "signed", "cancelled".
const char* to_string(AgreementStage stage);
std::optional<AgreementStage> parse_agreement_stage(std::string_view text);

// How the signer's authority was established.
enum class Authority {
  kNone,
  kSigner,          // the signer confirmed holding the legal authority
  kRepresentative,  // the legal representative took the agreement over by its link
};
const char* to_string(Authority authority);  // "none", "signer", "representative"

struct Signer {
  std::string first_name, last_name, function, email;
};

// A company as the agreement lists it (copied when the agreement starts).
struct AgreementCompany {
  CompanyId company_id = 0;
  IdentifierType identifier_type = IdentifierType::kSiren;
  std::string identifier;
  std::string name;
  std::string address;
};

// A formal agreement designating the platform as the companies' approved
// platform for receiving invoices (portal.md 2), as stored: secrets only as
// their SHA-256.
struct Agreement {
  AgreementId id = 0;        // set by the store
  AccountId account_id = 0;  // who prepared it
  bool bulk = false;         // made for several companies at once (a mass enrolment)
  AgreementStage stage = AgreementStage::kDraft;
  Authority authority = Authority::kNone;
  std::vector<AgreementCompany> companies;
  Signer signer;
  std::string link_sha256;  // the legal representative's link, when one was made
  std::int64_t link_expires_at = 0;
  std::string code_sha256;  // the one-time code in force; empty once used
  std::int64_t code_sent_at = 0;
  std::int64_t code_expires_at = 0;
  int code_tries = 0;  // codes entered, right or wrong, since the first was sent
  int codes_sent = 0;
  std::int64_t created_at = 0;
  std::int64_t signed_at = 0;
  std::string certificate_sha256;  // of the stored certificate PDF; empty until made

  bool open() const {
    return stage != AgreementStage::kSigned && stage != AgreementStage::kCancelled;
  }
  bool lists(CompanyId company) const;
};

// The state of `company` from its options and the agreements listing it:
// not subject to VAT, else not applicable without purchase invoices, else
// certificate when a signed agreement lists it, multiple when an open bulk
// agreement does, single otherwise. Pure.
EnrolmentState enrolment_state(const Company& company, const std::vector<Agreement>& agreements);

}  // namespace einvoice::accounts
