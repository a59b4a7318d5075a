#include "accounts/accounts_journal.h"

#include <map>
#include <nlohmann/json.hpp>

#include "env/clock.h"
#include "journal/chain.h"
#include "journal/sha256.h"

namespace einvoice::accounts {
namespace {

std::string utc(std::int64_t seconds) {
  return env::utc_timestamp(std::chrono::system_clock::time_point(std::chrono::seconds(seconds)));
}

std::string compact(const nlohmann::json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json held_json(const std::optional<RoleHeld>& held) {
  if (!held)
    return nullptr;
  return {{"role", to_string(held->role)}, {"state", to_string(held->state)}};
}

// The journal row a role_transitions row id is recorded in.
std::optional<std::int64_t> recorded_transition(const journal::JournalEntry& entry) {
  if (entry.draft.category != "roles")
    return std::nullopt;
  const auto detail = nlohmann::json::parse(entry.draft.detail, nullptr, false);
  if (!detail.is_object() || !detail.contains("transition") ||
      !detail["transition"].is_number_integer())
    return std::nullopt;
  return detail["transition"].get<std::int64_t>();
}

void check_chain(const std::vector<journal::JournalEntry>& entries, JournalVerification& out) {
  std::int64_t offset = 0;  // sequence minus place, as of the last break reported
  for (const auto& b : journal::verify_chain(entries)) {
    const std::string row = "row " + std::to_string(b.sequence);
    if (b.kind == journal::BreakKind::kPrevious) {
      const std::string before =
          b.index == 0 ? "the start" : "row " + std::to_string(entries[b.index - 1].sequence);
      out.problems.push_back(
          {b.sequence, row + ": does not hold the hash of " + before +
                           " before it (that row was edited, or rows were removed, inserted "
                           "or reordered between them)"});
      continue;
    }
    const std::int64_t now = b.sequence - b.expected;
    if (now == offset)
      continue;
    out.problems.push_back(
        {b.sequence,
         row + ": found at place " + std::to_string(b.expected) +
             (now > offset ? " (" + std::to_string(now - offset) + " row(s) removed before it)"
                           : " (rows inserted or reordered before it)")});
    offset = now;
  }
}

void check_transitions(const std::vector<journal::JournalEntry>& entries,
                       const std::vector<RoleTransition>& transitions, JournalVerification& out) {
  std::map<std::int64_t, const journal::JournalEntry*> recorded;
  for (const auto& entry : entries) {
    if (auto id = recorded_transition(entry))
      recorded[*id] = &entry;
  }
  for (const auto& t : transitions) {
    const auto found = recorded.find(t.id);
    const std::string name = "role_transitions row " + std::to_string(t.id);
    if (found == recorded.end()) {
      out.problems.push_back(
          {0, name + ": recorded in no journal row (added outside the journal)"});
      continue;
    }
    const auto expected = transition_event(t);
    const auto& d = found->second->draft;
    if (expected.time != d.time || expected.event != d.event || expected.subject != d.subject ||
        expected.actor != d.actor || expected.detail != d.detail)
      out.problems.push_back({found->second->sequence, name + ": differs from journal row " +
                                                           std::to_string(found->second->sequence) +
                                                           " recording it (edited)"});
    recorded.erase(found);
  }
  for (const auto& [id, entry] : recorded)
    out.problems.push_back({entry->sequence, "row " + std::to_string(entry->sequence) +
                                                 ": records role transition " + std::to_string(id) +
                                                 ", which role_transitions no longer holds "
                                                 "(removed)"});
}

}  // namespace

std::string actor_name(std::optional<AccountId> actor) {
  return actor ? "account " + std::to_string(*actor) : "administrator";
}

journal::JournalDraft transition_event(const RoleTransition& t) {
  journal::JournalDraft draft;
  draft.time = utc(t.at);
  draft.category = "roles";
  draft.event = to_string(t.event);
  draft.subject = t.siren + "/" + t.service + "/account " + std::to_string(t.account_id);
  draft.actor = actor_name(t.by);
  draft.detail = compact(
      {{"transition", t.id}, {"before", held_json(t.before)}, {"after", held_json(t.after)}});
  return draft;
}

journal::JournalDraft agreement_event(const Agreement& a, std::string_view event,
                                      std::string_view actor, std::int64_t at,
                                      std::string_view note) {
  journal::JournalDraft draft;
  draft.time = utc(at);
  draft.category = "enrolment";
  draft.event = std::string(event);
  draft.subject = "agreement " + std::to_string(a.id);
  draft.actor = std::string(actor);
  nlohmann::json companies = nlohmann::json::array();
  for (const auto& c : a.companies)
    companies.push_back(c.identifier);
  nlohmann::json detail = {{"agreement", a.id},
                           {"stage", to_string(a.stage)},
                           {"companies", companies},
                           {"code_tries", a.code_tries}};
  if (!note.empty())
    detail["note"] = std::string(note);
  draft.detail = compact(detail);
  return draft;
}

model::Result<JournalVerification> verify_accounts_journal(const AccountStore& store) {
  auto rows = store.journal_rows();
  if (!rows)
    return rows.error();
  auto transitions = store.role_transitions("");
  if (!transitions)
    return transitions.error();
  JournalVerification out;
  out.rows = rows->size();
  std::vector<journal::JournalEntry> entries;
  for (const auto& row : *rows) {
    const std::string name = "row " + std::to_string(row.seq);
    auto entry = journal::parse_journal_line(row.line, "journal " + name);
    if (!entry) {
      out.problems.push_back({row.seq, name + ": " + entry.error().message + " (edited)"});
      continue;
    }
    if (entry->sequence != row.seq)
      out.problems.push_back({row.seq, name + ": holds the entry of sequence " +
                                           std::to_string(entry->sequence) + " (edited)"});
    entries.push_back(std::move(*entry));
  }
  check_chain(entries, out);
  check_transitions(entries, *transitions, out);
  if (!rows->empty()) {
    out.head_sequence = rows->back().seq;
    out.head_hash = journal::Sha256::hex(rows->back().line);
  }
  return out;
}

}  // namespace einvoice::accounts
