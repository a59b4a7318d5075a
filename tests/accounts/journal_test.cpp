// The accounts journal (docs/accounts.md "Journal"): role transitions and
// enrolment steps chained by the journal module the archive uses too, and
// its verification naming the row edited, removed or reordered, a
// role_transitions row changed behind it, and transitions recorded before
// the journal existed chained by the migration.
#include <catch2/catch.hpp>

#include "accounts/accounts_journal.h"
#include "accounts/roles.h"
#include "journal/chain.h"
#include "tests/accounts/accounts_test_support.h"
#include "tests/accounts/sql_support.h"

namespace einvoice::accounts {
namespace {

using testing::run_sql;

constexpr const char* kSiren = "542107651";

struct JournalFixture : testing::Fixture {
  JournalFixture() : roles(*store, accounts, letters, clock, random) {
    a = main_account(2, "ACME SAS").id;
    b = secondary(a, "Compta", false).id;
    c = secondary(a, "Paie", false).id;
    REQUIRE(roles.request_code(CodeKind::kAdhesion, a, kSiren, "einvoicing"));
    const std::string body = letters.messages().back().body;
    const auto at = body.find("Code: ") + 6;
    REQUIRE(roles.redeem_code(a, kSiren, "einvoicing", body.substr(at, 12)));  // row 1
    clock.advance(std::chrono::minutes(1));
    REQUIRE(roles.grant(a, b, kSiren, "einvoicing", Role::kAs));  // row 2
    clock.advance(std::chrono::minutes(1));
    REQUIRE(roles.grant(a, c, kSiren, "einvoicing", Role::kActor));  // row 3
    clock.advance(std::chrono::minutes(1));
    REQUIRE(roles.change(a, c, kSiren, "einvoicing", RoleEvent::kStandby));  // row 4
  }

  std::filesystem::path db() const { return scratch.dir() / "accounts.sqlite"; }

  // Every problem the verification found, one per line.
  std::string problems() const {
    auto verified = verify_accounts_journal(*store);
    REQUIRE(verified);
    std::string text;
    for (const auto& p : verified->problems)
      text += p.what + "\n";
    return text;
  }

  MemoryOutbox letters;
  Roles roles;
  AccountId a = 0, b = 0, c = 0;
};

bool holds(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("Journal: each role transition is chained, actor, time, before and after",
          "[accounts][journal]") {
  JournalFixture f;
  auto rows = f.store->journal_rows();
  REQUIRE(rows);
  REQUIRE(rows->size() == 4);
  auto first = journal::parse_journal_line((*rows)[0].line, "row 1").value();
  CHECK(first.previous == journal::kGenesisHash);
  CHECK(first.draft.category == "roles");
  CHECK(first.draft.event == "adhesion");
  CHECK(first.draft.actor == "account 1");
  CHECK(first.draft.subject == "542107651/einvoicing/account 1");
  CHECK(first.draft.time == "2026-03-15T09:00:00Z");
  CHECK(first.draft.detail ==
        R"({"after":{"role":"AT","state":"active"},"before":null,"transition":1})");
  auto last = journal::parse_journal_line((*rows)[3].line, "row 4").value();
  CHECK(last.draft.event == "standby");
  CHECK(last.previous == journal::parse_journal_line((*rows)[2].line, "row 3").value().hash());
  CHECK(holds(last.draft.detail, R"("before":{"role":"acteur","state":"active"})"));
  auto verified = verify_accounts_journal(*f.store);
  REQUIRE(verified);
  CHECK(verified->ok());
  CHECK(verified->head_sequence == 4);
  CHECK(verified->head_hash == last.hash());
}

TEST_CASE("Journal: an edited row is named", "[accounts][journal][tamper]") {
  JournalFixture f;
  // Row 2 rewritten in canonical form (the AS made an acteur): the chain
  // breaks at row 3, and role_transitions row 2 no longer matches it.
  REQUIRE(run_sql(f.db(),
                  "UPDATE journal SET line = replace(line, '\"role\":\"AS\"', "
                  "'\"role\":\"acteur\"') WHERE seq = 2"));
  const auto text = f.problems();
  INFO(text);
  CHECK(holds(text, "row 3: does not hold the hash of row 2"));
  CHECK(holds(text, "role_transitions row 2: differs from journal row 2"));
}

TEST_CASE("Journal: an edit that breaks the canonical form is named",
          "[accounts][journal][tamper]") {
  JournalFixture f;
  REQUIRE(run_sql(f.db(), "UPDATE journal SET line = replace(line, ',', ', ') WHERE seq = 3"));
  const auto text = f.problems();
  INFO(text);
  CHECK(holds(text, "row 3: journal line: not in canonical form"));
}

TEST_CASE("Journal: a removed row is named", "[accounts][journal][tamper]") {
  JournalFixture f;
  REQUIRE(run_sql(f.db(), "DELETE FROM journal WHERE seq = 2"));
  const auto text = f.problems();
  INFO(text);
  CHECK(holds(text, "row 3: found at place 2 (1 row(s) removed before it)"));
  CHECK(holds(text, "row 3: does not hold the hash of row 1"));
  CHECK(holds(text, "role_transitions row 2: recorded in no journal row"));
}

TEST_CASE("Journal: reordered rows are named", "[accounts][journal][tamper]") {
  JournalFixture f;
  REQUIRE(run_sql(f.db(),
                  "UPDATE journal SET seq = 10 WHERE seq = 2;"
                  "UPDATE journal SET seq = 2 WHERE seq = 3;"
                  "UPDATE journal SET seq = 3 WHERE seq = 10;"));
  const auto text = f.problems();
  INFO(text);
  CHECK(holds(text, "row 2: holds the entry of sequence 3"));
  CHECK(holds(text, "row 3: holds the entry of sequence 2"));
}

TEST_CASE("Journal: a role_transitions row changed or removed behind it is named",
          "[accounts][journal][tamper]") {
  JournalFixture f;
  REQUIRE(run_sql(f.db(), "UPDATE role_transitions SET role_after = 'AT' WHERE id = 3"));
  auto text = f.problems();
  INFO(text);
  CHECK(holds(text, "role_transitions row 3: differs from journal row 3 recording it (edited)"));
  REQUIRE(run_sql(f.db(), "DELETE FROM role_transitions WHERE id = 4"));
  text = f.problems();
  CHECK(holds(text, "row 4: records role transition 4, which role_transitions no longer holds"));
}

TEST_CASE("Journal: the last row's edit shows in the head hash", "[accounts][journal][tamper]") {
  JournalFixture f;
  const auto before = verify_accounts_journal(*f.store).value();
  REQUIRE(run_sql(f.db(),
                  "UPDATE journal SET line = replace(line, 'standby', 'active') "
                  "WHERE seq = 4"));
  const auto after = verify_accounts_journal(*f.store).value();
  CHECK(after.head_hash != before.head_hash);
  // Nothing is chained after a damaged row.
  REQUIRE(run_sql(f.db(), "UPDATE journal SET line = 'x' WHERE seq = 4"));
  auto refused = f.roles.change(f.a, f.c, kSiren, "einvoicing", RoleEvent::kReactivate);
  REQUIRE_FALSE(refused);
  CHECK(holds(refused.error().message, "journal row 4 is damaged"));
}

TEST_CASE("Journal: transitions recorded before schema 5 are chained by the migration",
          "[accounts][journal][store]") {
  einvoice::testing::ScratchFolder scratch("einvoice-accounts-journal-");
  const auto db = scratch.dir() / "v4.sqlite";
  { REQUIRE(SqliteAccountStore::open(db, {4})); }
  REQUIRE(run_sql(db,
                  "INSERT INTO accounts(id, kind, main_id, name, profile, siret, email, "
                  "responsible, address, max_secondary, services, autonomous, mailbox, active, "
                  "created_at) VALUES(1, 'main', NULL, 'Old SA', 'main', '44306184100047', "
                  "'old@example.org', '', '', 3, 'einvoicing', 0, 1, 1, 1700000000);"
                  "INSERT INTO role_transitions(siren, service, account_id, by_account, event, "
                  "role_before, state_before, role_after, state_after, at) VALUES('542107651', "
                  "'einvoicing', 1, 1, 'adhesion', NULL, NULL, 'AT', 'active', 1700000100);"));
  auto store = SqliteAccountStore::open(db);
  REQUIRE(store);
  auto rows = (*store)->journal_rows();
  REQUIRE(rows->size() == 1);
  CHECK(holds(rows->front().line, R"("time":"2023-11-14T22:15:00Z")"));
  CHECK(verify_accounts_journal(**store)->ok());
}

TEST_CASE("Journal: chain verification reports each break once where it starts", "[journal]") {
  std::vector<journal::JournalEntry> entries;
  for (int i = 0; i < 5; ++i) {
    journal::JournalDraft draft{"2026-01-01T00:00:00Z", "roles", "create", "s", "a", "{}"};
    entries.push_back(journal::next_entry(entries.empty() ? nullptr : &entries.back(), draft));
  }
  CHECK(journal::verify_chain(entries).empty());
  CHECK(entries[0].previous == journal::kGenesisHash);
  CHECK(entries[4].sequence == 5);
  auto swapped = entries;
  std::swap(swapped[1], swapped[2]);
  const auto breaks = journal::verify_chain(swapped);
  REQUIRE_FALSE(breaks.empty());
  CHECK(breaks.front().index == 1);
  CHECK(breaks.front().kind == journal::BreakKind::kSequence);
}

}  // namespace
}  // namespace einvoice::accounts
