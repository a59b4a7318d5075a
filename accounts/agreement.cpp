#include "accounts/agreement.h"

#include <algorithm>
#include <array>
#include <utility>

namespace einvoice::accounts {
namespace {

constexpr std::array<std::pair<AgreementStage, const char*>, 6> kStages{{
    {AgreementStage::kDraft, "draft"},
    {AgreementStage::kAuthorityConfirmed, "authority-confirmed"},
    {AgreementStage::kSignerGiven, "signer-given"},
    {AgreementStage::kCodeSent, "code-sent"},
    {AgreementStage::kSigned, "signed"},
    {AgreementStage::kCancelled, "cancelled"},
}};

}  // namespace

const char* to_string(EnrolmentState state) {
  switch (state) {
    case EnrolmentState::kNotSubjectToVat:
      return "not-subject-to-vat";
    case EnrolmentState::kNotApplicable:
      return "not-applicable";
    case EnrolmentState::kSingle:
      return "single";
    case EnrolmentState::kMultiple:
      return "multiple";
    case EnrolmentState::kCertificate:
      return "certificate";
  }
  return "?";
}

const char* to_string(AgreementStage stage) {
  for (const auto& [value, name] : kStages) {
    if (value == stage)
      return name;
  }
  return "?";
}

std::optional<AgreementStage> parse_agreement_stage(std::string_view text) {
  for (const auto& [value, name] : kStages) {
    if (text == name)
      return value;
  }
  return std::nullopt;
}

const char* to_string(Authority authority) {
  switch (authority) {
    case Authority::kSigner:
      return "signer";
    case Authority::kRepresentative:
      return "representative";
    case Authority::kNone:
      break;
  }
  return "none";
}

bool Agreement::lists(CompanyId company) const {
  return std::any_of(companies.begin(), companies.end(),
                     [company](const AgreementCompany& c) { return c.company_id == company; });
}

EnrolmentState enrolment_state(const Company& company, const std::vector<Agreement>& agreements) {
  if (!company.vat_subject)
    return EnrolmentState::kNotSubjectToVat;
  if (!company.options.purchase)
    return EnrolmentState::kNotApplicable;
  bool in_bulk = false;
  for (const auto& agreement : agreements) {
    if (!agreement.lists(company.id))
      continue;
    if (agreement.stage == AgreementStage::kSigned)
      return EnrolmentState::kCertificate;
    in_bulk = in_bulk || (agreement.open() && agreement.bulk);
  }
  return in_bulk ? EnrolmentState::kMultiple : EnrolmentState::kSingle;
}

}  // namespace einvoice::accounts
