#include "accounts/enrolments.h"

#include <openssl/crypto.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <set>

#include "accounts/accounts_journal.h"
#include "accounts/refusal.h"
#include "accounts/secret_digest.h"
#include "render/agreement_certificate.h"

namespace einvoice::accounts {
namespace {

constexpr std::uint32_t kCodeSpace = 1000000;
// The largest multiple of kCodeSpace below 2^32: draws at or above it are
// redrawn, so that every code is equally likely.
constexpr std::uint32_t kCodeBound = 4294u * kCodeSpace;

std::string utc(std::int64_t seconds) {
  return env::utc_timestamp(std::chrono::system_clock::time_point(std::chrono::seconds(seconds)));
}

model::Error unknown(AgreementId id) {
  return refusal("ENROL-UNKNOWN", "no agreement " + std::to_string(id));
}

model::Error out_of_order(const Agreement& a, const char* needed) {
  return refusal("ENROL-STATE", "agreement " + std::to_string(a.id) + " is " + to_string(a.stage) +
                                    "; this step needs it " + needed);
}

bool same_hash(const std::string& a, const std::string& b) {
  return a.size() == b.size() && !a.empty() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

model::Result<std::string> new_code(const env::RandomSource& random) {
  for (;;) {
    std::array<std::uint8_t, 4> bytes{};
    if (auto filled = random.fill(bytes); !filled)
      return filled.error();
    const std::uint32_t value = (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) |
                                (std::uint32_t{bytes[2]} << 8) | std::uint32_t{bytes[3]};
    if (value >= kCodeBound)
      continue;
    std::string code = std::to_string(value % kCodeSpace);
    return std::string(6 - code.size(), '0') + code;
  }
}

// The refusal a company cannot be listed for, or nullopt.
std::optional<model::Error> listing_problem(const AgreementCompany& c, const Company& company,
                                            const std::vector<Agreement>& listing) {
  const std::string name = "company " + std::to_string(c.company_id) + " (" + c.identifier + ")";
  const EnrolmentState state = enrolment_state(company, listing);
  if (state == EnrolmentState::kNotSubjectToVat)
    return refusal("ENROL-COMPANY", name + " is not subject to VAT: enrolment does not apply");
  if (state == EnrolmentState::kNotApplicable)
    return refusal("ENROL-COMPANY",
                   name + " has no purchase invoices chosen: enrolment does not apply");
  for (const auto& a : listing) {
    if (!a.lists(c.company_id))
      continue;
    if (a.stage == AgreementStage::kSigned)
      return refusal("ENROL-DONE",
                     name + " is enrolled already (agreement " + std::to_string(a.id) + ")");
    if (a.open())
      return refusal("ENROL-OPEN", name + " is listed by open agreement " + std::to_string(a.id) +
                                       ": finish or cancel it first");
  }
  return std::nullopt;
}

}  // namespace

std::int64_t Enrolments::now() const {
  return std::chrono::duration_cast<std::chrono::seconds>(clock_.now().time_since_epoch()).count();
}

model::Result<Agreement> Enrolments::start(AccountId account,
                                           const std::vector<CompanyId>& companies,
                                           bool bulk) const {
  auto active = accounts_.can_act(account);
  if (!active)
    return active.error();
  if (!*active)
    return refusal("ACC-INACTIVE", "account " + std::to_string(account) +
                                       " is deactivated (or its main account): it can do nothing");
  auto handled = accounts_.search_companies(account, true, "", "");
  if (!handled)
    return handled.error();
  Agreement a;
  a.account_id = account;
  a.bulk = bulk;
  a.created_at = now();
  std::vector<Company> listed;
  std::set<CompanyId> seen;
  for (CompanyId id : companies) {
    if (!seen.insert(id).second)
      continue;
    const auto found = std::find_if(handled->begin(), handled->end(),
                                    [id](const Company& c) { return c.id == id; });
    if (found == handled->end())
      return refusal("ENROL-COMPANY", "account " + std::to_string(account) +
                                          " handles no company " + std::to_string(id));
    a.companies.push_back(
        {found->id, found->identifier_type, found->identifier, found->name, found->address});
    listed.push_back(*found);
  }
  if (a.companies.empty())
    return refusal("ENROL-COMPANY", "an agreement lists at least one company");
  return store_.insert_agreement(
      a,
      [&](const std::vector<Agreement>& listing) -> model::Status {
        for (std::size_t i = 0; i < listed.size(); ++i) {
          if (auto problem = listing_problem(a.companies[i], listed[i], listing))
            return *problem;
        }
        return model::Status::Ok();
      },
      agreement_event(a, "start", actor_name(account), a.created_at));
}

model::Result<std::optional<Agreement>> Enrolments::start_bulk(
    AccountId account, const std::vector<CompanyId>& candidates) const {
  auto all = states(account);
  if (!all)
    return all.error();
  std::vector<CompanyId> eligible;
  for (const auto& c : *all) {
    if (c.state == EnrolmentState::kSingle &&
        std::find(candidates.begin(), candidates.end(), c.company.id) != candidates.end())
      eligible.push_back(c.company.id);
  }
  if (eligible.empty())
    return std::optional<Agreement>();
  auto started = start(account, eligible, true);
  if (!started)
    return started.error();
  return std::optional<Agreement>(std::move(*started));
}

model::Result<Agreement> Enrolments::step(
    AgreementId id, std::string_view event,
    const std::function<model::Status(Agreement&)>& change) const {
  const std::int64_t at = now();
  return store_.change_agreement(
      id, [&](const Agreement& current) -> model::Result<AgreementChange> {
        AgreementChange planned{current, {}, std::nullopt};
        if (auto ok = change(planned.updated); !ok)
          return ok.error();
        planned.event = agreement_event(planned.updated, event, actor_name(current.account_id), at);
        return planned;
      });
}

model::Result<Agreement> Enrolments::confirm_authority(AgreementId id) const {
  return step(id, "authority", [](Agreement& a) -> model::Status {
    if (a.stage != AgreementStage::kDraft)
      return out_of_order(a, "draft");
    a.stage = AgreementStage::kAuthorityConfirmed;
    a.authority = Authority::kSigner;
    return model::Status::Ok();
  });
}

model::Result<RepresentativeLink> Enrolments::representative_link(AgreementId id) const {
  auto secret = new_secret(random_);
  if (!secret)
    return secret.error();
  const std::int64_t expires = now() + config_.link_validity.count();
  auto changed = step(id, "representative-link", [&](Agreement& a) -> model::Status {
    if (a.stage != AgreementStage::kDraft)
      return out_of_order(a, "draft");
    a.link_sha256 = secret_sha256(*secret);
    a.link_expires_at = expires;
    return model::Status::Ok();
  });
  if (!changed)
    return changed.error();
  return RepresentativeLink{std::move(*changed), config_.link_url + "?secret=" + *secret};
}

model::Result<Agreement> Enrolments::open_link(std::string_view secret) const {
  const std::string hash = secret_sha256(secret);
  auto found = store_.find_agreement_by_link(hash);
  if (!found)
    return found.error();
  if (!*found)
    return refusal("ENROL-LINK",
                   "no agreement has this link (mistyped, or replaced by a newer one)");
  const std::int64_t at = now();
  return store_.change_agreement(
      (*found)->id, [&](const Agreement& current) -> model::Result<AgreementChange> {
        if (!same_hash(current.link_sha256, hash))
          return refusal("ENROL-LINK", "this link was used or replaced already");
        if (at >= current.link_expires_at)
          return refusal("ENROL-LINK", "this link expired at " + utc(current.link_expires_at) +
                                           ": ask the signer for a new one");
        if (current.stage != AgreementStage::kDraft)
          return out_of_order(current, "draft");
        AgreementChange planned{current, {}, std::nullopt};
        planned.updated.stage = AgreementStage::kAuthorityConfirmed;
        planned.updated.authority = Authority::kRepresentative;
        planned.updated.link_sha256.clear();
        planned.event = agreement_event(planned.updated, "authority", "legal representative", at,
                                        "through the representative link");
        return planned;
      });
}

model::Result<Agreement> Enrolments::give_signer(AgreementId id, const Signer& signer) const {
  for (const auto& [what, text] : {std::pair{"the signer's first name", &signer.first_name},
                                   std::pair{"the signer's last name", &signer.last_name},
                                   std::pair{"the signer's function", &signer.function}}) {
    if (auto problem = text_problem(what, *text, true))
      return *problem;
  }
  if (auto problem = text_problem("the signer's e-mail", signer.email, true))
    return *problem;
  const auto at = signer.email.find('@');
  if (at == std::string::npos || at == 0 || at + 1 == signer.email.size() ||
      signer.email.find('@', at + 1) != std::string::npos)
    return refusal("ACC-EMAIL", "the signer's e-mail '" + signer.email + "' needs one '@'");
  return step(id, "signer", [&](Agreement& a) -> model::Status {
    if (a.stage != AgreementStage::kAuthorityConfirmed && a.stage != AgreementStage::kSignerGiven)
      return out_of_order(a, "with its signer's authority confirmed");
    a.signer = signer;
    a.stage = AgreementStage::kSignerGiven;
    return model::Status::Ok();
  });
}

model::Result<Agreement> Enrolments::send_code(AgreementId id, bool resend) const {
  auto code = new_code(random_);
  if (!code)
    return code.error();
  const std::int64_t at = now();
  auto changed = step(id, resend ? "code-resent" : "code-sent", [&](Agreement& a) -> model::Status {
    if (resend) {
      if (a.stage != AgreementStage::kCodeSent)
        return out_of_order(a, "code-sent");
      if (a.code_tries >= config_.max_code_tries)
        return refusal("ENROL-LOCKED", "agreement " + std::to_string(a.id) + " had " +
                                           std::to_string(a.code_tries) +
                                           " codes entered: start the agreement again");
      if (at < a.code_sent_at + config_.resend_delay.count())
        return refusal("ENROL-RESEND", "a new code may be sent from " +
                                           utc(a.code_sent_at + config_.resend_delay.count()) +
                                           ", " + std::to_string(config_.resend_delay.count()) +
                                           " seconds after the last one");
    } else {
      if (a.stage != AgreementStage::kSignerGiven)
        return out_of_order(a, "signer-given");
      for (const auto& c : a.companies) {
        if (c.address.empty())
          return refusal("ENROL-ADDRESS",
                         "company " + std::to_string(c.company_id) + " (" + c.identifier +
                             ") has no postal address: the agreement lists it (company edit "
                             "--address), then start again");
      }
    }
    a.stage = AgreementStage::kCodeSent;
    a.code_sha256 = secret_sha256(*code);
    a.code_sent_at = at;
    a.code_expires_at = at + config_.code_validity.count();
    ++a.codes_sent;
    return model::Status::Ok();
  });
  if (!changed)
    return changed.error();
  Message message;
  message.recipient = changed->signer.email;
  message.subject = "Your one-time code for agreement " + std::to_string(changed->id);
  message.body = "Your one-time code to sign the formal agreement designating " + config_.platform +
                 " as approved platform for receiving invoices: " + *code + " (valid until " +
                 utc(changed->code_expires_at) + ", single use).";
  message.created_at = at;
  if (auto sent = outbox_.send(message); !sent)
    return sent.error();
  return changed;
}

model::Result<Agreement> Enrolments::confirm(AgreementId id) const {
  return send_code(id, false);
}

model::Result<Agreement> Enrolments::resend_code(AgreementId id) const {
  return send_code(id, true);
}

model::Result<Agreement> Enrolments::sign(AgreementId id, std::string_view code) const {
  const std::string typed = secret_sha256(code);
  const std::int64_t at = now();
  auto signed_agreement =
      store_.change_agreement(id, [&](const Agreement& current) -> model::Result<AgreementChange> {
        const std::string name = "agreement " + std::to_string(current.id);
        if (current.stage == AgreementStage::kSigned)
          return refusal("ENROL-STATE", name + " is signed already: its code was used");
        if (current.stage != AgreementStage::kCodeSent)
          return out_of_order(current, "code-sent");
        if (current.code_tries >= config_.max_code_tries)
          return refusal("ENROL-LOCKED", name + " had " + std::to_string(current.code_tries) +
                                             " codes entered, the most allowed: start the "
                                             "agreement again");
        AgreementChange planned{current, {}, std::nullopt};
        Agreement& a = planned.updated;
        ++a.code_tries;
        const std::string signer = "signer " + a.signer.first_name + " " + a.signer.last_name;
        if (at >= a.code_expires_at) {
          planned.refusal = refusal("ENROL-CODE-EXPIRED", "the code of " + name + " expired at " +
                                                              utc(a.code_expires_at) +
                                                              ": ask for a new one (resend)");
          planned.event = agreement_event(a, "code-expired", signer, at);
        } else if (!same_hash(a.code_sha256, typed)) {
          const int left = config_.max_code_tries - a.code_tries;
          planned.refusal =
              refusal("ENROL-CODE-WRONG", "this is not the code sent for " + name + " (" +
                                              std::to_string(left) +
                                              (left == 1 ? " try" : " tries") + " left)");
          planned.event = agreement_event(a, "code-wrong", signer, at);
        } else {
          a.stage = AgreementStage::kSigned;
          a.signed_at = at;
          a.code_sha256.clear();
          planned.event = agreement_event(a, "signed", signer, at,
                                          a.signer.first_name + " " + a.signer.last_name + ", " +
                                              a.signer.function + ", " + a.signer.email);
        }
        return planned;
      });
  if (!signed_agreement)
    return signed_agreement.error();
  if (auto made = make_certificate(*signed_agreement); !made) {
    model::Error error = made.error();
    error.message = "agreement " + std::to_string(id) +
                    " is signed, but its certificate could not be made (enrol certificate "
                    "makes it again): " +
                    error.message;
    return error;
  }
  return agreement(id);
}

model::Result<Agreement> Enrolments::cancel(AgreementId id) const {
  return step(id, "cancel", [](Agreement& a) -> model::Status {
    if (!a.open())
      return out_of_order(a, "open");
    a.stage = AgreementStage::kCancelled;
    a.code_sha256.clear();
    a.link_sha256.clear();
    return model::Status::Ok();
  });
}

model::Result<Agreement> Enrolments::agreement(AgreementId id) const {
  auto found = store_.find_agreement(id);
  if (!found)
    return found.error();
  if (!*found)
    return unknown(id);
  return std::move(**found);
}

model::Result<std::string> Enrolments::make_certificate(const Agreement& a) const {
  auto account = accounts_.account(a.account_id);
  if (!account)
    return account.error();
  render::AgreementCertificate c;
  c.platform = config_.platform;
  c.reference = "agreement " + std::to_string(a.id);
  for (const auto& company : a.companies)
    c.companies.push_back({company.name.empty() ? "(no name given)" : company.name,
                           to_string(company.identifier_type), company.identifier,
                           company.address});
  c.signer_first_name = a.signer.first_name;
  c.signer_last_name = a.signer.last_name;
  c.signer_function = a.signer.function;
  c.signer_email = a.signer.email;
  c.authority = a.authority == Authority::kRepresentative
                    ? "the legal representative, who opened the agreement's link"
                    : "declared holding the legal authority to designate the platform for "
                      "these companies";
  c.account = "account " + std::to_string(a.account_id) + " (" + account->display_name() + ")";
  c.code_sent_at = utc(a.code_sent_at);
  c.signed_at = utc(a.signed_at);
  c.font_directory = config_.font_directory;
  auto pdf = render::render_agreement_certificate(c);
  if (!pdf)
    return pdf.error();
  if (sealer_) {
    auto sealed = sealer_->seal_pdf(*pdf, c.reference);
    if (!sealed)
      return sealed.error();
    pdf = std::move(*sealed);
  }
  const std::string digest = secret_sha256(*pdf);
  if (auto kept = store_.store_certificate(
          a.id, *pdf,
          agreement_event(a, "certificate", "einvoice", now(),
                          std::string(sealer_ ? "sealed" : "unsealed") + ", sha256 " + digest));
      !kept)
    return kept.error();
  return pdf;
}

model::Result<std::string> Enrolments::certificate(AgreementId id) const {
  auto a = agreement(id);
  if (!a)
    return a.error();
  if (a->stage != AgreementStage::kSigned)
    return out_of_order(*a, "signed");
  auto kept = store_.certificate(id);
  if (!kept)
    return kept.error();
  if (*kept)
    return std::move(**kept);
  return make_certificate(*a);
}

model::Result<std::vector<CompanyEnrolment>> Enrolments::states(AccountId account) const {
  auto companies = accounts_.search_companies(account, true, "", "");
  if (!companies)
    return companies.error();
  std::vector<CompanyId> ids;
  for (const auto& c : *companies)
    ids.push_back(c.id);
  auto agreements = store_.agreements_listing(ids);
  if (!agreements)
    return agreements.error();
  std::vector<CompanyEnrolment> out;
  for (auto& c : *companies) {
    CompanyEnrolment e{std::move(c), EnrolmentState::kSingle, 0};
    e.state = enrolment_state(e.company, *agreements);
    for (const auto& a : *agreements) {
      if (!a.lists(e.company.id))
        continue;
      if ((e.state == EnrolmentState::kCertificate && a.stage == AgreementStage::kSigned) ||
          (e.state == EnrolmentState::kMultiple && a.open() && a.bulk))
        e.agreement = a.id;
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace einvoice::accounts
