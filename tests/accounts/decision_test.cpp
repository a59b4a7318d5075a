// may(): every account kind and state x action x company option and
// enrolment, and every role grant x action, against tables written from
// portal.md 1, 2 and 5 and docs/accounts.md (data, not code).
#include "accounts/decision.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <iterator>
#include <map>

namespace einvoice::accounts {
namespace {

// The company columns of the table: which of the SIREN's companies the
// account handles, with which options.
constexpr const char* kCompanyColumns[] = {
    "none",  "purchase", "purchase enrolled", "purchase not subject to VAT", "purchase+payment",
    "sales", "all",      "all enrolled"};
constexpr int kColumns = 8;

// Account kinds and states, action ("*": every action), then the expected rule
// for each company column ("OK": allowed).
struct Row {
  const char* account;
  const char* action;
  const char* expected[kColumns];
};

constexpr Row kTable[] = {
    // An active main account.
    {"main",
     "submit",
     {"CO-UNKNOWN", "CO-OPTION", "CO-OPTION", "CO-OPTION", "CO-OPTION", "OK", "OK", "OK"}},
    {"main",
     "receive",
     {"CO-UNKNOWN", "CO-ENROL", "OK", "OK", "CO-ENROL", "CO-OPTION", "CO-ENROL", "OK"}},
    {"main",
     "pay",
     {"CO-UNKNOWN", "CO-OPTION", "CO-OPTION", "CO-OPTION", "OK", "CO-OPTION", "OK", "OK"}},
    {"main", "view", {"CO-UNKNOWN", "OK", "OK", "OK", "OK", "OK", "OK", "OK"}},
    // (a main account without a role on the SIREN: the roles table below)
    {"main",
     "manage-accounts",
     {"ROLE-ADMIN", "ROLE-ADMIN", "ROLE-ADMIN", "ROLE-ADMIN", "ROLE-ADMIN", "ROLE-ADMIN",
      "ROLE-ADMIN", "ROLE-ADMIN"}},
    {"main", "manage-companies", {"CO-UNKNOWN", "OK", "OK", "OK", "OK", "OK", "OK", "OK"}},
    {"main", "archive-export", {"CO-UNKNOWN", "OK", "OK", "OK", "OK", "OK", "OK", "OK"}},
    {"main", "archive-destroy", {"CO-UNKNOWN", "OK", "OK", "OK", "OK", "OK", "OK", "OK"}},
    // An active secondary account, not autonomous.
    {"secondary",
     "submit",
     {"CO-UNKNOWN", "CO-OPTION", "CO-OPTION", "CO-OPTION", "CO-OPTION", "OK", "OK", "OK"}},
    {"secondary",
     "receive",
     {"CO-UNKNOWN", "CO-ENROL", "OK", "OK", "CO-ENROL", "CO-OPTION", "CO-ENROL", "OK"}},
    {"secondary",
     "pay",
     {"CO-UNKNOWN", "CO-OPTION", "CO-OPTION", "CO-OPTION", "OK", "CO-OPTION", "OK", "OK"}},
    {"secondary", "view", {"CO-UNKNOWN", "OK", "OK", "OK", "OK", "OK", "OK", "OK"}},
    {"secondary",
     "manage-accounts",
     {"ACC-SECONDARY", "ACC-SECONDARY", "ACC-SECONDARY", "ACC-SECONDARY", "ACC-SECONDARY",
      "ACC-SECONDARY", "ACC-SECONDARY", "ACC-SECONDARY"}},
    {"secondary",
     "manage-companies",
     {"CO-UNKNOWN", "ACC-AUTONOMY", "ACC-AUTONOMY", "ACC-AUTONOMY", "ACC-AUTONOMY", "ACC-AUTONOMY",
      "ACC-AUTONOMY", "ACC-AUTONOMY"}},
    {"secondary", "archive-export", {"CO-UNKNOWN", "OK", "OK", "OK", "OK", "OK", "OK", "OK"}},
    {"secondary",
     "archive-destroy",
     {"CO-UNKNOWN", "ACC-SECONDARY", "ACC-SECONDARY", "ACC-SECONDARY", "ACC-SECONDARY",
      "ACC-SECONDARY", "ACC-SECONDARY", "ACC-SECONDARY"}},
    // An active autonomous secondary account.
    {"autonomous",
     "submit",
     {"CO-UNKNOWN", "CO-OPTION", "CO-OPTION", "CO-OPTION", "CO-OPTION", "OK", "OK", "OK"}},
    {"autonomous",
     "receive",
     {"CO-UNKNOWN", "CO-ENROL", "OK", "OK", "CO-ENROL", "CO-OPTION", "CO-ENROL", "OK"}},
    {"autonomous",
     "pay",
     {"CO-UNKNOWN", "CO-OPTION", "CO-OPTION", "CO-OPTION", "OK", "CO-OPTION", "OK", "OK"}},
    {"autonomous", "view", {"CO-UNKNOWN", "OK", "OK", "OK", "OK", "OK", "OK", "OK"}},
    {"autonomous",
     "manage-accounts",
     {"ACC-SECONDARY", "ACC-SECONDARY", "ACC-SECONDARY", "ACC-SECONDARY", "ACC-SECONDARY",
      "ACC-SECONDARY", "ACC-SECONDARY", "ACC-SECONDARY"}},
    {"autonomous", "manage-companies", {"CO-UNKNOWN", "OK", "OK", "OK", "OK", "OK", "OK", "OK"}},
    {"autonomous", "archive-export", {"CO-UNKNOWN", "OK", "OK", "OK", "OK", "OK", "OK", "OK"}},
    {"autonomous",
     "archive-destroy",
     {"CO-UNKNOWN", "ACC-SECONDARY", "ACC-SECONDARY", "ACC-SECONDARY", "ACC-SECONDARY",
      "ACC-SECONDARY", "ACC-SECONDARY", "ACC-SECONDARY"}},
    // Accounts that can do nothing.
    {"main deactivated",
     "*",
     {"ACC-INACTIVE", "ACC-INACTIVE", "ACC-INACTIVE", "ACC-INACTIVE", "ACC-INACTIVE",
      "ACC-INACTIVE", "ACC-INACTIVE", "ACC-INACTIVE"}},
    {"secondary deactivated",
     "*",
     {"ACC-INACTIVE", "ACC-INACTIVE", "ACC-INACTIVE", "ACC-INACTIVE", "ACC-INACTIVE",
      "ACC-INACTIVE", "ACC-INACTIVE", "ACC-INACTIVE"}},
    {"secondary of a deactivated main",
     "*",
     {"ACC-INACTIVE", "ACC-INACTIVE", "ACC-INACTIVE", "ACC-INACTIVE", "ACC-INACTIVE",
      "ACC-INACTIVE", "ACC-INACTIVE", "ACC-INACTIVE"}},
    {"autonomous of a deactivated main",
     "*",
     {"ACC-INACTIVE", "ACC-INACTIVE", "ACC-INACTIVE", "ACC-INACTIVE", "ACC-INACTIVE",
      "ACC-INACTIVE", "ACC-INACTIVE", "ACC-INACTIVE"}},
    {"main reset required",
     "*",
     {"PWD-RESET", "PWD-RESET", "PWD-RESET", "PWD-RESET", "PWD-RESET", "PWD-RESET", "PWD-RESET",
      "PWD-RESET"}},
    {"secondary reset required",
     "*",
     {"PWD-RESET", "PWD-RESET", "PWD-RESET", "PWD-RESET", "PWD-RESET", "PWD-RESET", "PWD-RESET",
      "PWD-RESET"}},
};

constexpr const char* kAccounts[] = {"main",
                                     "secondary",
                                     "autonomous",
                                     "main deactivated",
                                     "secondary deactivated",
                                     "secondary of a deactivated main",
                                     "autonomous of a deactivated main",
                                     "main reset required",
                                     "secondary reset required"};
constexpr Action kAllActions[] = {
    Action::kSubmit,        Action::kReceive,        Action::kPay,
    Action::kView,          Action::kManageAccounts, Action::kManageCompanies,
    Action::kArchiveExport, Action::kArchiveDestroy};

DecisionSnapshot snapshot_for(const std::string& account, int company_column) {
  DecisionSnapshot s;
  Account main;
  main.id = 1;
  main.kind = AccountKind::kMain;
  main.name = "ACME SAS";
  main.active = account.find("deactivated main") == std::string::npos;
  if (account.rfind("main", 0) == 0) {
    s.account = main;
    s.account.active = account != "main deactivated";
  } else {
    s.account.id = 2;
    s.account.kind = AccountKind::kSecondary;
    s.account.main_id = 1;
    s.account.autonomous = account.rfind("autonomous", 0) == 0;
    s.account.active = account != "secondary deactivated";
    s.main = main;
  }
  s.account.password_reset_required = account.find("reset required") != std::string::npos;
  const std::string column = kCompanyColumns[company_column];
  if (column != "none") {
    Company c;
    c.id = 5;
    c.account_id = s.account.id;
    c.identifier = "542107651";
    c.options.purchase = column != "sales";
    c.options.payment = column == "purchase+payment" || column.rfind("all", 0) == 0;
    c.options.sales = column == "sales" || column.rfind("all", 0) == 0;
    c.options.duplicates = column.rfind("all", 0) == 0;
    c.vat_subject = column.find("not subject to VAT") == std::string::npos;
    s.companies.push_back(c);
    if (column.find("enrolled") != std::string::npos)
      s.enrolled.push_back(c.id);
  }
  return s;
}

TEST_CASE("may(): the whole decision table", "[accounts][decision]") {
  // Every combination has exactly one expectation in the table.
  std::map<std::pair<std::string, std::string>, const Row*> rows;
  for (const auto& row : kTable) {
    for (Action action : kAllActions) {
      if (std::string(row.action) == "*" || row.action == std::string(to_string(action))) {
        const bool inserted =
            rows.emplace(std::pair{std::string(row.account), std::string(to_string(action))}, &row)
                .second;
        CHECK(inserted);
      }
    }
  }
  std::size_t decided = 0;
  for (const char* account : kAccounts) {
    for (Action action : kAllActions) {
      const auto found = rows.find({account, to_string(action)});
      INFO(account << " / " << to_string(action));
      REQUIRE(found != rows.end());
      for (int column = 0; column < kColumns; ++column) {
        INFO("company: " << kCompanyColumns[column]);
        const Decision decision = may(snapshot_for(account, column), action);
        const std::string expected = found->second->expected[column];
        CHECK(decision.rule == expected);
        CHECK(decision.allowed == (expected == "OK"));
        CHECK_FALSE(decision.reason.empty());
        ++decided;
      }
    }
  }
  CHECK(decided == std::size(kAccounts) * std::size(kAllActions) * kColumns);
  CHECK(rows.size() == std::size(kAccounts) * std::size(kAllActions));
}

// The role columns: the grant the account holds on the SIREN.
constexpr const char* kRoleColumns[] = {"none",
                                        "AT",
                                        "AS",
                                        "acteur-delegue",
                                        "acteur",
                                        "AT standby",
                                        "AS standby",
                                        "AT of ereporting",
                                        "AS of ereporting"};

// Account kind and action, then the expected rule for each role column, the
// account handling the SIREN's company with every option.
struct RoleRow {
  const char* account;
  const char* action;
  const char* expected[9];
};

constexpr RoleRow kRoleTable[] = {
    {"main", "submit", {"OK", "OK", "OK", "OK", "OK", "OK", "OK", "OK", "OK"}},
    {"main", "receive", {"OK", "OK", "OK", "OK", "OK", "OK", "OK", "OK", "OK"}},
    {"main", "pay", {"OK", "OK", "OK", "OK", "OK", "OK", "OK", "OK", "OK"}},
    {"main", "view", {"OK", "OK", "OK", "OK", "OK", "OK", "OK", "OK", "OK"}},
    {"main",
     "manage-accounts",
     {"ROLE-ADMIN", "OK", "OK", "ROLE-ADMIN", "ROLE-ADMIN", "ROLE-ADMIN", "ROLE-ADMIN",
      "ROLE-ADMIN", "ROLE-ADMIN"}},
    {"main", "manage-companies", {"OK", "OK", "OK", "OK", "OK", "OK", "OK", "OK", "OK"}},
    {"main", "archive-export", {"OK", "OK", "OK", "OK", "OK", "OK", "OK", "OK", "OK"}},
    {"main", "archive-destroy", {"OK", "OK", "OK", "OK", "OK", "OK", "OK", "OK", "OK"}},
    {"secondary",
     "manage-accounts",
     {"ACC-SECONDARY", "ACC-SECONDARY", "ACC-SECONDARY", "ACC-SECONDARY", "ACC-SECONDARY",
      "ACC-SECONDARY", "ACC-SECONDARY", "ACC-SECONDARY", "ACC-SECONDARY"}},
    {"main deactivated",
     "manage-accounts",
     {"ACC-INACTIVE", "ACC-INACTIVE", "ACC-INACTIVE", "ACC-INACTIVE", "ACC-INACTIVE",
      "ACC-INACTIVE", "ACC-INACTIVE", "ACC-INACTIVE", "ACC-INACTIVE"}},
};

TEST_CASE("may(): roles x actions", "[accounts][decision][roles]") {
  for (const auto& row : kRoleTable) {
    const auto action = parse_action(row.action);
    REQUIRE(action);
    for (int column = 0; column < 9; ++column) {
      const std::string held = kRoleColumns[column];
      INFO(row.account << " / " << row.action << " / role: " << held);
      DecisionSnapshot s = snapshot_for(row.account, 7);  // every option, enrolled
      if (held != "none") {
        RoleGrant grant;
        grant.account_id = s.account.id;
        grant.siren = "542107651";
        grant.service = held.find("ereporting") != std::string::npos ? "ereporting" : "einvoicing";
        grant.role = *parse_role(held.substr(0, held.find(' ')));
        grant.state =
            held.find("standby") != std::string::npos ? GrantState::kStandby : GrantState::kActive;
        s.roles.push_back(grant);
      }
      const Decision decision = may(s, *action);
      const std::string expected = row.expected[column];
      CHECK(decision.rule == expected);
      CHECK(decision.allowed == (expected == "OK"));
    }
  }
  // Every action of a main account has its row.
  for (Action action : kAllActions) {
    const bool listed =
        std::any_of(std::begin(kRoleTable), std::end(kRoleTable), [&](const auto& r) {
          return std::string(r.account) == "main" && r.action == std::string(to_string(action));
        });
    CHECK(listed);
  }
}

TEST_CASE("may(): an option on any of the SIREN's companies suffices", "[accounts][decision]") {
  DecisionSnapshot s = snapshot_for("main", 1);  // purchase only
  Company establishment = s.companies.front();
  establishment.identifier = "54210765110002";
  establishment.options = {false, false, true, false};
  CHECK_FALSE(may(s, Action::kSubmit).allowed);
  s.companies.push_back(establishment);
  CHECK(may(s, Action::kSubmit).allowed);
}

TEST_CASE("Action names", "[accounts][decision]") {
  for (Action action : kAllActions)
    CHECK(parse_action(to_string(action)) == action);
  CHECK_FALSE(parse_action("destroy"));
  CHECK(parse_action("archive-destroy") == Action::kArchiveDestroy);
}

}  // namespace
}  // namespace einvoice::accounts
