// The SQLite store: versioned schema migrations (an older database is
// migrated on open, a newer one refused), one transaction per import.
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "accounts/sqlite_account_store.h"
#include "tests/accounts/accounts_test_support.h"
#include "tests/accounts/sql_support.h"

namespace einvoice::accounts {
namespace {

using testing::run_sql;

TEST_CASE("Migrations are ordered, one version apart", "[accounts][store]") {
  const auto steps = schema_migrations();
  REQUIRE(steps.size() >= 3);
  for (std::size_t i = 0; i < steps.size(); ++i)
    CHECK(steps[i].version == static_cast<int>(i) + 1);
  CHECK(current_schema_version() == steps.back().version);
}

TEST_CASE("A new database is at the current schema version", "[accounts][store]") {
  einvoice::testing::ScratchFolder scratch("einvoice-accounts-store-");
  auto store = SqliteAccountStore::open(scratch.dir() / "a.sqlite");
  REQUIRE(store);
  CHECK(*(*store)->schema_version() == current_schema_version());
  // Opening again changes nothing.
  store = SqliteAccountStore::open(scratch.dir() / "a.sqlite");
  REQUIRE(store);
  CHECK(*(*store)->schema_version() == current_schema_version());
}

TEST_CASE("A version 1 database is migrated, its rows kept", "[accounts][store]") {
  einvoice::testing::ScratchFolder scratch("einvoice-accounts-store-");
  const auto db = scratch.dir() / "old.sqlite";
  {
    auto old = SqliteAccountStore::open(db, {1});
    REQUIRE(old);
    CHECK(*(*old)->schema_version() == 1);
  }
  // Rows as version 1 wrote them (no password_reset_required column yet).
  REQUIRE(run_sql(db,
                  "INSERT INTO accounts(id, kind, main_id, name, profile, siret, email, "
                  "responsible, address, max_secondary, services, autonomous, mailbox, active, "
                  "created_at) VALUES(1, 'main', NULL, 'Old SA', 'main', '44306184100047', "
                  "'old@example.org', '', '', 3, 'einvoicing', 0, 1, 1, 1700000000);"
                  "INSERT INTO companies(account_id, identifier_type, identifier, name, "
                  "employees, purchase, payment, sales, duplicates, created_at) "
                  "VALUES(1, 'SIREN', '542107651', 'Old Co', '21-50', 1, 0, 1, 0, 1700000000);"));
  REQUIRE_FALSE(run_sql(db, "SELECT password_reset_required FROM accounts"));
  auto store = SqliteAccountStore::open(db);
  REQUIRE(store);
  CHECK(*(*store)->schema_version() == current_schema_version());
  auto account = (*store)->find_account(1);
  REQUIRE(account);
  REQUIRE(*account);
  CHECK((*account)->name == "Old SA");
  CHECK((*account)->max_secondary == 3);
  CHECK_FALSE((*account)->password_reset_required);
  auto companies = (*store)->search_companies({});
  REQUIRE(companies);
  REQUIRE(companies->size() == 1);
  CHECK(companies->front().employees == EmployeeBracket::k21To50);
  // The tables of later versions work.
  CHECK((*store)->queue_message({"old@example.org", "s", "b", 1}));
  CHECK((*store)->set_password_hash(1, "$argon2id$x", 2));
  // Step 4: a grant of the old account, and its transition recorded.
  auto granted = (*store)->change_roles(
      "542107651",
      [](const std::vector<RoleGrant>& grants) -> model::Result<std::vector<RoleTransition>> {
        CHECK(grants.empty());
        RoleTransition t;
        t.siren = "542107651";
        t.service = "einvoicing";
        t.account_id = 1;
        t.event = RoleEvent::kAdhesion;
        t.after = RoleHeld{Role::kAt, GrantState::kActive};
        t.at = 3;
        return std::vector<RoleTransition>{t};
      },
      std::nullopt, 3);
  REQUIRE(granted);
  CHECK(granted->front().id > 0);
  CHECK((*store)->list_roles("542107651", 1)->size() == 1);
  CHECK((*store)->role_transitions("")->size() == 1);
}

TEST_CASE("A database from a newer einvoice is refused with a clear error", "[accounts][store]") {
  einvoice::testing::ScratchFolder scratch("einvoice-accounts-store-");
  const auto db = scratch.dir() / "new.sqlite";
  REQUIRE(SqliteAccountStore::open(db));
  const int newer = current_schema_version() + 1;
  REQUIRE(run_sql(db, "UPDATE schema_version SET version = " + std::to_string(newer)));
  auto store = SqliteAccountStore::open(db);
  REQUIRE_FALSE(store);
  CHECK(store.error().code == model::ErrorCode::kUnsupported);
  CHECK(store.error().message.find("schema version " + std::to_string(newer)) != std::string::npos);
  CHECK(store.error().message.find("newer einvoice") != std::string::npos);
  CHECK(store.error().where.file == db.string());
}

TEST_CASE("A file that is not a database is an I/O error naming it", "[accounts][store]") {
  einvoice::testing::ScratchFolder scratch("einvoice-accounts-store-");
  const auto file = scratch.dir() / "not.sqlite";
  einvoice::testing::write_text(file, std::string(4096, 'x'));
  auto store = SqliteAccountStore::open(file);
  REQUIRE_FALSE(store);
  CHECK(store.error().code == model::ErrorCode::kIo);
  CHECK(store.error().where.file == file.string());
}

TEST_CASE("insert_companies: duplicates skipped, the rest in one transaction",
          "[accounts][store]") {
  testing::Fixture f;
  const auto main = f.main_account();
  Company a;
  a.account_id = main.id;
  a.identifier = "542107651";
  Company b = a;
  b.identifier = "732829320";
  auto first = f.store->insert_companies({a});
  REQUIRE(first);
  auto second = f.store->insert_companies({b, a, b});
  REQUIRE(second);
  REQUIRE(second->size() == 3);
  CHECK((*second)[0].id > 0);
  CHECK((*second)[1].held_by == main.id);
  CHECK((*second)[2].held_by == main.id);
  // A company of an unknown account fails the whole transaction.
  Company c = a;
  c.identifier = "123456782";
  Company orphan = a;
  orphan.identifier = "987654324";
  orphan.account_id = 999;
  CHECK_FALSE(f.store->insert_companies({c, orphan}));
  CHECK(f.store->search_companies({{}, "123456782", ""})->empty());
}

}  // namespace
}  // namespace einvoice::accounts
