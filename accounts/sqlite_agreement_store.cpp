// SqliteAccountStore: formal agreements (enrolment) and the hash-chained
// journal (schema step 5, docs/accounts.md).
#include <map>

#include "accounts/accounts_journal.h"
#include "accounts/refusal.h"
#include "accounts/secret_digest.h"
#include "accounts/sqlite_account_store.h"
#include "accounts/sqlite_statement.h"
#include "journal/chain.h"

namespace einvoice::accounts {
namespace {

constexpr const char* kAgreementColumns =
    "id, account_id, bulk, stage, authority, signer_first_name, signer_last_name, "
    "signer_function, signer_email, link_sha256, link_expires_at, code_sha256, code_sent_at, "
    "code_expires_at, code_tries, codes_sent, created_at, signed_at, certificate_sha256";

Authority parse_authority(const std::string& text) {
  if (text == "signer")
    return Authority::kSigner;
  if (text == "representative")
    return Authority::kRepresentative;
  return Authority::kNone;
}

}  // namespace

model::Status SqliteAccountStore::append_journal(journal::JournalDraft draft) const {
  std::optional<journal::JournalEntry> last;
  Query select(db_, "SELECT seq, line FROM journal ORDER BY seq DESC LIMIT 1");
  const int rc = select.step();
  if (rc == SQLITE_ROW) {
    auto parsed = journal::parse_journal_line(select.text(1), path_.string());
    if (!parsed || parsed->sequence != select.number(0))
      return model::Error{model::ErrorCode::kMalformed,
                          "journal row " + std::to_string(select.number(0)) +
                              " is damaged; nothing is appended after it (einvoice accounts "
                              "journal verify)",
                          {path_.string(), "", 0, 0}};
    last = std::move(*parsed);
  } else if (rc != SQLITE_DONE) {
    return failure("cannot read the journal");
  }
  const auto entry = journal::next_entry(last ? &*last : nullptr, std::move(draft));
  Query insert(db_, "INSERT INTO journal(seq, line) VALUES(?1, ?2)",
               {entry.sequence, entry.line()});
  if (!insert.run())
    return failure("cannot append to the journal");
  return model::Status::Ok();
}

model::Status SqliteAccountStore::journal_earlier_transitions() const {
  auto found = select_transitions("");
  if (!found)
    return found.error();
  for (const auto& t : *found) {
    if (auto appended = append_journal(transition_event(t)); !appended)
      return appended;
  }
  return model::Status::Ok();
}

model::Result<std::vector<JournalRow>> SqliteAccountStore::journal_rows() const {
  std::lock_guard<std::mutex> lock(mutex_);
  Query select(db_, "SELECT seq, line FROM journal ORDER BY seq");
  std::vector<JournalRow> rows;
  int rc = SQLITE_ERROR;
  while ((rc = select.step()) == SQLITE_ROW)
    rows.push_back({select.number(0), select.text(1)});
  if (rc != SQLITE_DONE)
    return failure("cannot read the journal");
  return rows;
}

model::Result<std::vector<Agreement>> SqliteAccountStore::select_agreements(
    const std::string& where, const std::vector<SqlValue>& args) const {
  Query select(db_,
               std::string("SELECT ") + kAgreementColumns + " FROM agreements WHERE " + where +
                   " ORDER BY id",
               args);
  std::vector<Agreement> found;
  int rc = SQLITE_ERROR;
  while ((rc = select.step()) == SQLITE_ROW) {
    Agreement a;
    int i = 0;
    a.id = select.number(i++);
    a.account_id = select.number(i++);
    a.bulk = select.number(i++) != 0;
    const auto stage = parse_agreement_stage(select.text(i++));
    if (!stage)
      return model::Error{model::ErrorCode::kMalformed,
                          "agreement " + std::to_string(a.id) + " has an unknown stage",
                          {path_.string(), "", 0, 0}};
    a.stage = *stage;
    a.authority = parse_authority(select.text(i++));
    for (std::string* text : {&a.signer.first_name, &a.signer.last_name, &a.signer.function,
                              &a.signer.email, &a.link_sha256})
      *text = select.text(i++);
    a.link_expires_at = select.number(i++);
    a.code_sha256 = select.text(i++);
    a.code_sent_at = select.number(i++);
    a.code_expires_at = select.number(i++);
    a.code_tries = static_cast<int>(select.number(i++));
    a.codes_sent = static_cast<int>(select.number(i++));
    a.created_at = select.number(i++);
    a.signed_at = select.number(i++);
    a.certificate_sha256 = select.text(i++);
    found.push_back(std::move(a));
  }
  if (rc != SQLITE_DONE)
    return failure("cannot read agreements");
  Query companies(db_,
                  "SELECT company_id, identifier_type, identifier, name, address FROM "
                  "agreement_companies WHERE agreement_id = ?1 ORDER BY position");
  for (auto& a : found) {
    companies.bind({a.id});
    while ((rc = companies.step()) == SQLITE_ROW) {
      AgreementCompany c;
      c.company_id = companies.number(0);
      c.identifier_type = parse_identifier_type(companies.text(1)).value_or(IdentifierType::kSiren);
      c.identifier = companies.text(2);
      c.name = companies.text(3);
      c.address = companies.text(4);
      a.companies.push_back(std::move(c));
    }
    if (rc != SQLITE_DONE)
      return failure("cannot read the companies of agreement " + std::to_string(a.id));
  }
  return found;
}

model::Status SqliteAccountStore::write_agreement(const Agreement& a) const {
  Query update(db_,
               "UPDATE agreements SET stage = ?2, authority = ?3, signer_first_name = ?4, "
               "signer_last_name = ?5, signer_function = ?6, signer_email = ?7, "
               "link_sha256 = ?8, link_expires_at = ?9, code_sha256 = ?10, code_sent_at = ?11, "
               "code_expires_at = ?12, code_tries = ?13, codes_sent = ?14, signed_at = ?15 "
               "WHERE id = ?1",
               {a.id, std::string(to_string(a.stage)), std::string(to_string(a.authority)),
                a.signer.first_name, a.signer.last_name, a.signer.function, a.signer.email,
                a.link_sha256, a.link_expires_at, a.code_sha256, a.code_sent_at, a.code_expires_at,
                std::int64_t{a.code_tries}, std::int64_t{a.codes_sent}, a.signed_at});
  if (!update.run())
    return failure("cannot store agreement " + std::to_string(a.id));
  return model::Status::Ok();
}

model::Result<Agreement> SqliteAccountStore::insert_agreement(const Agreement& agreement,
                                                              const AgreementCheck& check,
                                                              journal::JournalDraft event) const {
  std::lock_guard<std::mutex> lock(mutex_);
  WriteTransaction transaction(db_);
  if (!transaction.began())
    return failure("cannot start a transaction");
  std::string ids;
  for (const auto& c : agreement.companies)
    ids += (ids.empty() ? "" : ",") + std::to_string(c.company_id);
  auto listing = select_agreements(
      "id IN (SELECT agreement_id FROM agreement_companies WHERE company_id IN (" + ids + "))", {});
  if (!listing)
    return listing.error();
  if (auto ok = check(*listing); !ok)
    return ok.error();
  Query insert(
      db_,
      "INSERT INTO agreements(account_id, bulk, stage, authority, signer_first_name, "
      "signer_last_name, signer_function, signer_email, link_sha256, link_expires_at, "
      "code_sha256, code_sent_at, code_expires_at, code_tries, codes_sent, created_at, "
      "signed_at, certificate_sha256) "
      "VALUES(?1, ?2, ?3, ?4, '', '', '', '', '', 0, '', 0, 0, 0, 0, ?5, 0, '')",
      {agreement.account_id, std::int64_t{agreement.bulk}, std::string(to_string(agreement.stage)),
       std::string(to_string(agreement.authority)), agreement.created_at});
  if (!insert.run())
    return failure("cannot store an agreement");
  Agreement stored = agreement;
  stored.id = sqlite3_last_insert_rowid(db_);
  Query company(db_,
                "INSERT INTO agreement_companies(agreement_id, company_id, position, "
                "identifier_type, identifier, name, address) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  std::int64_t position = 0;
  for (const auto& c : stored.companies) {
    company.bind({stored.id, c.company_id, position++, std::string(to_string(c.identifier_type)),
                  c.identifier, c.name, c.address});
    if (!company.run())
      return failure("cannot store the companies of an agreement");
  }
  event.subject = "agreement " + std::to_string(stored.id);
  event.detail = agreement_event(stored, event.event, event.actor, 0).detail;
  if (auto journaled = append_journal(std::move(event)); !journaled)
    return journaled.error();
  if (!transaction.commit())
    return failure("cannot commit an agreement");
  return stored;
}

model::Result<std::optional<Agreement>> SqliteAccountStore::find_agreement(AgreementId id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = select_agreements("id = ?1", {id});
  if (!found)
    return found.error();
  if (found->empty())
    return std::optional<Agreement>();
  return std::optional<Agreement>(std::move(found->front()));
}

model::Result<std::optional<Agreement>> SqliteAccountStore::find_agreement_by_link(
    std::string_view link_sha256) const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (link_sha256.empty())
    return std::optional<Agreement>();
  auto found = select_agreements("link_sha256 = ?1", {std::string(link_sha256)});
  if (!found)
    return found.error();
  if (found->empty())
    return std::optional<Agreement>();
  return std::optional<Agreement>(std::move(found->front()));
}

model::Result<std::vector<Agreement>> SqliteAccountStore::agreements_listing(
    const std::vector<CompanyId>& companies) const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (companies.empty())
    return std::vector<Agreement>();
  std::string ids;
  for (CompanyId id : companies)
    ids += (ids.empty() ? "" : ",") + std::to_string(id);
  return select_agreements(
      "id IN (SELECT agreement_id FROM agreement_companies WHERE company_id IN (" + ids + "))", {});
}

model::Result<Agreement> SqliteAccountStore::change_agreement(AgreementId id,
                                                              const AgreementPlan& plan) const {
  std::lock_guard<std::mutex> lock(mutex_);
  WriteTransaction transaction(db_);
  if (!transaction.began())
    return failure("cannot start a transaction");
  auto found = select_agreements("id = ?1", {id});
  if (!found)
    return found.error();
  if (found->empty())
    return refusal("ENROL-UNKNOWN", "no agreement " + std::to_string(id));
  auto change = plan(found->front());
  if (!change)
    return change.error();
  if (auto written = write_agreement(change->updated); !written)
    return written.error();
  if (auto journaled = append_journal(std::move(change->event)); !journaled)
    return journaled.error();
  if (!transaction.commit())
    return failure("cannot commit a change of agreement " + std::to_string(id));
  if (change->refusal)
    return *change->refusal;
  return std::move(change->updated);
}

model::Status SqliteAccountStore::store_certificate(AgreementId id, std::string_view pdf,
                                                    const journal::JournalDraft& event) const {
  std::lock_guard<std::mutex> lock(mutex_);
  WriteTransaction transaction(db_);
  if (!transaction.began())
    return failure("cannot start a transaction");
  Query update(db_,
               "UPDATE agreements SET certificate = ?2, certificate_sha256 = ?3 WHERE id = ?1 AND "
               "stage = 'signed'",
               {id, std::string(), secret_sha256(pdf)});
  update.bind_blob(2, pdf);
  if (!update.run())
    return failure("cannot store the certificate of agreement " + std::to_string(id));
  if (sqlite3_changes(db_) != 1)
    return refusal("ENROL-STATE", "agreement " + std::to_string(id) + " is not signed");
  if (auto journaled = append_journal(event); !journaled)
    return journaled;
  if (!transaction.commit())
    return failure("cannot commit the certificate of agreement " + std::to_string(id));
  return model::Status::Ok();
}

model::Result<std::optional<std::string>> SqliteAccountStore::certificate(AgreementId id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  Query select(db_, "SELECT certificate FROM agreements WHERE id = ?1 AND certificate IS NOT NULL",
               {id});
  const int rc = select.step();
  if (rc == SQLITE_ROW)
    return std::optional<std::string>(select.blob(0));
  if (rc != SQLITE_DONE)
    return failure("cannot read the certificate of agreement " + std::to_string(id));
  return std::optional<std::string>();
}

}  // namespace einvoice::accounts
