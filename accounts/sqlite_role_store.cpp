// SqliteAccountStore: roles per (SIREN, service), their transitions and the
// adhesion and substitution codes (schema step 4, docs/accounts.md).
#include "accounts/accounts_journal.h"
#include "accounts/refusal.h"
#include "accounts/sqlite_account_store.h"
#include "accounts/sqlite_statement.h"

namespace einvoice::accounts {
namespace {

std::optional<RoleHeld> held_from(const std::string& role, const std::string& state) {
  auto parsed = parse_role(role);
  if (!parsed)
    return std::nullopt;
  return RoleHeld{*parsed, state == "standby" ? GrantState::kStandby : GrantState::kActive};
}

}  // namespace

model::Result<std::vector<RoleGrant>> SqliteAccountStore::select_roles(
    const std::string& where, const std::vector<SqlValue>& args) const {
  Query select(db_,
               "SELECT account_id, siren, service, role, state, changed_at FROM role_grants "
               "WHERE " +
                   where + " ORDER BY siren, service, account_id",
               args);
  std::vector<RoleGrant> found;
  int rc = SQLITE_ERROR;
  while ((rc = select.step()) == SQLITE_ROW) {
    auto held = held_from(select.text(3), select.text(4));
    if (!held)
      return model::Error{model::ErrorCode::kMalformed,
                          "unknown role '" + select.text(3) + "' in role_grants",
                          {path_.string(), "", 0, 0}};
    found.push_back({select.number(0), select.text(1), select.text(2), held->role, held->state,
                     select.number(5)});
  }
  if (rc != SQLITE_DONE)
    return failure("cannot read roles");
  return found;
}

model::Status SqliteAccountStore::write_transition(RoleTransition& t) const {
  if (t.after) {
    Query write(db_,
                "INSERT INTO role_grants(account_id, siren, service, role, state, changed_at) "
                "VALUES(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(account_id, siren, service) DO "
                "UPDATE SET role = excluded.role, state = excluded.state, "
                "changed_at = excluded.changed_at",
                {t.account_id, t.siren, t.service, std::string(to_string(t.after->role)),
                 std::string(to_string(t.after->state)), t.at});
    if (!write.run())
      return failure("cannot store the role of account " + std::to_string(t.account_id));
  } else {
    Query remove(db_,
                 "DELETE FROM role_grants WHERE account_id = ?1 AND siren = ?2 AND service = ?3",
                 {t.account_id, t.siren, t.service});
    if (!remove.run())
      return failure("cannot delete the role of account " + std::to_string(t.account_id));
  }
  Query record(db_,
               "INSERT INTO role_transitions(siren, service, account_id, by_account, event, "
               "role_before, state_before, role_after, state_after, at) "
               "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
               {t.siren, t.service, t.account_id, t.by.value_or(0), std::string(to_string(t.event)),
                std::string(t.before ? to_string(t.before->role) : ""),
                std::string(t.before ? to_string(t.before->state) : ""),
                std::string(t.after ? to_string(t.after->role) : ""),
                std::string(t.after ? to_string(t.after->state) : ""), t.at});
  if (!t.by)
    record.bind_null(4);
  for (int column : {6, 7}) {
    if (!t.before)
      record.bind_null(column);
  }
  for (int column : {8, 9}) {
    if (!t.after)
      record.bind_null(column);
  }
  if (!record.run())
    return failure("cannot record a role transition");
  t.id = sqlite3_last_insert_rowid(db_);
  return model::Status::Ok();
}

model::Result<std::vector<RoleTransition>> SqliteAccountStore::change_roles(
    std::string_view siren, const RolePlan& plan, std::optional<std::int64_t> consume_code,
    std::int64_t now) const {
  std::lock_guard<std::mutex> lock(mutex_);
  WriteTransaction transaction(db_);
  if (!transaction.began())
    return failure("cannot start a transaction");
  auto grants = select_roles("siren = ?1", {std::string(siren)});
  if (!grants)
    return grants.error();
  auto transitions = plan(*grants);
  if (!transitions)
    return transitions.error();
  if (consume_code) {
    Query use(db_, "UPDATE role_codes SET used_at = ?2 WHERE id = ?1 AND used_at IS NULL",
              {*consume_code, now});
    if (!use.run())
      return failure("cannot use a role code");
    if (sqlite3_changes(db_) != 1)
      return refusal("CODE-USED", "code " + std::to_string(*consume_code) +
                                      " was used already: a code is single use");
  }
  for (auto& t : *transitions) {
    if (auto written = write_transition(t); !written)
      return written.error();
    if (auto journaled = append_journal(transition_event(t)); !journaled)
      return journaled.error();
  }
  if (!transaction.commit())
    return failure("cannot commit a change of roles");
  return transitions;
}

model::Result<std::vector<RoleGrant>> SqliteAccountStore::list_roles(std::string_view siren,
                                                                     AccountId account) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return select_roles("(?1 = '' OR siren = ?1) AND (?2 = 0 OR account_id = ?2)",
                      {std::string(siren), account});
}

model::Result<std::vector<RoleTransition>> SqliteAccountStore::role_transitions(
    std::string_view siren) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return select_transitions(siren);
}

model::Result<std::vector<RoleTransition>> SqliteAccountStore::select_transitions(
    std::string_view siren) const {
  Query select(db_,
               "SELECT id, siren, service, account_id, by_account, event, role_before, "
               "state_before, role_after, state_after, at FROM role_transitions "
               "WHERE ?1 = '' OR siren = ?1 ORDER BY id",
               {std::string(siren)});
  std::vector<RoleTransition> found;
  int rc = SQLITE_ERROR;
  while ((rc = select.step()) == SQLITE_ROW) {
    RoleTransition t;
    t.id = select.number(0);
    t.siren = select.text(1);
    t.service = select.text(2);
    t.account_id = select.number(3);
    t.by = select.optional_number(4);
    const std::string event = select.text(5);
    for (RoleEvent e : {RoleEvent::kCreate, RoleEvent::kStandby, RoleEvent::kReactivate,
                        RoleEvent::kDelete, RoleEvent::kAdhesion, RoleEvent::kSubstitution}) {
      if (event == to_string(e))
        t.event = e;
    }
    t.before = held_from(select.text(6), select.text(7));
    t.after = held_from(select.text(8), select.text(9));
    t.at = select.number(10);
    found.push_back(std::move(t));
  }
  if (rc != SQLITE_DONE)
    return failure("cannot read role transitions");
  return found;
}

model::Result<std::int64_t> SqliteAccountStore::insert_role_code(const RoleCode& code) const {
  std::lock_guard<std::mutex> lock(mutex_);
  Query insert(db_,
               "INSERT INTO role_codes(kind, account_id, siren, service, code_sha256, created_at, "
               "expires_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
               {std::string(to_string(code.kind)), code.account_id, code.siren, code.service,
                code.code_sha256, code.created_at, code.expires_at});
  if (!insert.run())
    return failure("cannot store a role code");
  return sqlite3_last_insert_rowid(db_);
}

model::Result<std::vector<RoleCode>> SqliteAccountStore::role_codes(
    AccountId account, std::string_view siren, std::string_view service) const {
  std::lock_guard<std::mutex> lock(mutex_);
  Query select(
      db_,
      "SELECT id, kind, code_sha256, created_at, expires_at, used_at, failures FROM role_codes "
      "WHERE account_id = ?1 AND siren = ?2 AND service = ?3 ORDER BY id DESC",
      {account, std::string(siren), std::string(service)});
  std::vector<RoleCode> found;
  int rc = SQLITE_ERROR;
  while ((rc = select.step()) == SQLITE_ROW) {
    RoleCode code;
    code.id = select.number(0);
    code.kind = select.text(1) == "adhesion" ? CodeKind::kAdhesion : CodeKind::kSubstitution;
    code.account_id = account;
    code.siren = siren;
    code.service = service;
    code.code_sha256 = select.text(2);
    code.created_at = select.number(3);
    code.expires_at = select.number(4);
    code.used_at = select.optional_number(5);
    code.failures = static_cast<int>(select.number(6));
    found.push_back(std::move(code));
  }
  if (rc != SQLITE_DONE)
    return failure("cannot read role codes");
  return found;
}

model::Status SqliteAccountStore::count_wrong_code(AccountId account, std::string_view siren,
                                                   std::string_view service,
                                                   std::int64_t now) const {
  std::lock_guard<std::mutex> lock(mutex_);
  Query count(db_,
              "UPDATE role_codes SET failures = failures + 1 WHERE account_id = ?1 AND siren = ?2 "
              "AND service = ?3 AND used_at IS NULL AND expires_at > ?4",
              {account, std::string(siren), std::string(service), now});
  if (!count.run())
    return failure("cannot count a wrong role code");
  return model::Status::Ok();
}

}  // namespace einvoice::accounts
