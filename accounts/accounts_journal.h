#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/account_store.h"
#include "accounts/agreement.h"
#include "accounts/role.h"
#include "journal/journal_entry.h"
#include "model/result.h"

namespace einvoice::accounts {

// The accounts journal (docs/accounts.md "Journal"): the hash chain of
// journal/ kept in the accounts database, one entry per role transition
// (category "roles") and per step of a formal agreement (category
// "enrolment"), written in the same transaction as the change it records.

// The entry of one role transition: time, event, subject
// "SIREN/service/account N", actor ("account N" or "administrator"),
// detail {"transition": id, "before": ..., "after": ...}. The transition's
// id must be set.
journal::JournalDraft transition_event(const RoleTransition& transition);

// The entry of a step of agreement `agreement` (subject "agreement N"):
// detail {"agreement", "stage", "companies" (identifiers), "code_tries"}
// and, when given, `note`.
journal::JournalDraft agreement_event(const Agreement& agreement, std::string_view event,
                                      std::string_view actor, std::int64_t at,
                                      std::string_view note = {});

// "administrator" or "account N".
std::string actor_name(std::optional<AccountId> actor);

// What verifying the journal found: each problem names the row (its
// sequence) or the role_transitions row it concerns.
struct JournalProblem {
  std::int64_t row = 0;  // the journal row; 0 when the problem is a role_transitions row
  std::string what;
};

struct JournalVerification {
  std::size_t rows = 0;
  std::int64_t head_sequence = 0;  // the last row, whose hash an administrator may keep
  std::string head_hash;           // elsewhere: an edit of the last row shows only there
  std::vector<JournalProblem> problems;
  bool ok() const { return problems.empty(); }
};

// Reads every journal row and checks: each line canonical and holding its
// row's sequence, the chain (journal/chain.h: sequences in place, each
// line holding the hash of the one before), and every role_transitions row
// against the entry recording it (a row changed, added or removed outside
// the journal). Errors: the store's.
model::Result<JournalVerification> verify_accounts_journal(const AccountStore& store);

}  // namespace einvoice::accounts
