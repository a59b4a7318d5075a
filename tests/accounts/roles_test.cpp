// Roles per (SIREN, service) (portal.md 5, docs/accounts.md "Roles"): the
// appointment table as data, uniqueness and combination, adhesion and
// substitution codes by post (60 days on an injected clock, single use,
// wrong codes), and every transition recorded.
#include "accounts/roles.h"

#include <catch2/catch.hpp>
#include <cctype>

#include "accounts/role_rules.h"
#include "accounts/secret_digest.h"
#include "tests/accounts/accounts_test_support.h"

namespace einvoice::accounts {
namespace {

using testing::outcome;
using testing::rule_of;

constexpr const char* kSiren = "542107651";
constexpr const char* kService = "einvoicing";

struct RolesFixture : testing::Fixture {
  RolesFixture() : roles(*store, accounts, letters, clock, random) {
    a = main_account(2, "ACME SAS").id;
    b = secondary(a, "Compta", false).id;
    c = secondary(a, "Paie", false).id;
    d = secondary(a, "Achats", false).id;
  }

  // The code in the last letter sent.
  std::string last_code() const {
    const auto sent = letters.messages();
    REQUIRE_FALSE(sent.empty());
    const std::string& body = sent.back().body;
    const auto at = body.find("Code: ");
    REQUIRE(at != std::string::npos);
    return body.substr(at + 6, body.find(' ', at + 6) - at - 6);
  }

  // `account` made AT of (kSiren, service) by an adhesion.
  void adhere(AccountId account, const char* service = kService) {
    REQUIRE(roles.request_code(CodeKind::kAdhesion, account, kSiren, service));
    REQUIRE(roles.redeem_code(account, kSiren, service, last_code()));
  }

  MemoryOutbox letters;
  Roles roles;
  AccountId a = 0, b = 0, c = 0, d = 0;
};

TEST_CASE("Roles: adhesion by a code sent by post makes the requester AT", "[accounts][roles]") {
  RolesFixture f;
  auto request = f.roles.request_code(CodeKind::kAdhesion, f.a, kSiren, kService);
  REQUIRE(request);
  const auto sent = f.letters.messages();
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].recipient == "post: company SIREN 542107651, registered address");
  const std::string code = f.last_code();
  CHECK(code.size() == 12);
  // Only the hash is stored.
  CHECK(request->code.code_sha256 == secret_sha256(code));
  CHECK(request->code.code_sha256.find(code) == std::string::npos);

  CHECK(outcome(f.roles.redeem_code(f.a, kSiren, kService, "ABCDEFGHJKLM")) == "CODE-WRONG");
  // The code of another account is wrong for this one.
  CHECK(outcome(f.roles.redeem_code(f.b, kSiren, kService, code)) == "CODE-WRONG");
  auto made = f.roles.redeem_code(f.a, kSiren, kService, code);
  REQUIRE(made);
  REQUIRE(made->size() == 1);
  CHECK(made->front().after->role == Role::kAt);
  // Single use.
  CHECK(outcome(f.roles.redeem_code(f.a, kSiren, kService, code)) == "CODE-USED");
  auto grants = f.roles.list(kSiren, 0);
  REQUIRE(grants->size() == 1);
  CHECK(grants->front().account_id == f.a);
  CHECK(grants->front().role == Role::kAt);
}

TEST_CASE("Roles: a code expires 60 days after it was sent (injected clock)", "[accounts][roles]") {
  RolesFixture f;
  REQUIRE(f.roles.request_code(CodeKind::kAdhesion, f.a, kSiren, kService));
  const std::string first = f.last_code();
  f.clock.advance(std::chrono::hours(24 * 60));
  CHECK(outcome(f.roles.redeem_code(f.a, kSiren, kService, first)) == "CODE-EXPIRED");
  REQUIRE(f.roles.request_code(CodeKind::kAdhesion, f.a, kSiren, kService));
  const std::string second = f.last_code();
  CHECK(second != first);
  f.clock.advance(std::chrono::hours(24 * 60) - std::chrono::seconds(1));
  // Typed with spaces and in lower case, the last second of its validity.
  std::string typed;
  for (char ch : second)
    typed += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  typed.insert(4, " ");
  CHECK(f.roles.redeem_code(f.a, kSiren, kService, typed));
  CHECK(outcome(f.roles.redeem_code(f.a, kSiren, kService, first)) == "CODE-EXPIRED");
}

TEST_CASE("Roles: adhesion is refused once somebody manages the service", "[accounts][roles]") {
  RolesFixture f;
  // b asks before a becomes AT: b's request was fine, its code no longer is.
  REQUIRE(f.roles.request_code(CodeKind::kAdhesion, f.b, kSiren, kService));
  const std::string code_b = f.last_code();
  f.adhere(f.a);
  CHECK(outcome(f.roles.request_code(CodeKind::kAdhesion, f.c, kSiren, kService)) ==
        "ROLE-MANAGED");
  CHECK(outcome(f.roles.redeem_code(f.b, kSiren, kService, code_b)) == "ROLE-MANAGED");
  // Another service of the SIREN is not managed yet.
  CHECK(f.roles.request_code(CodeKind::kAdhesion, f.c, kSiren, "ereporting"));
  // An AS alone manages the service too.
  RolesFixture g;
  g.adhere(g.a);
  REQUIRE(g.roles.grant(g.a, g.b, kSiren, kService, Role::kAs));
  REQUIRE(g.roles.change(std::nullopt, g.a, kSiren, kService, RoleEvent::kDelete));
  CHECK(outcome(g.roles.request_code(CodeKind::kAdhesion, g.c, kSiren, kService)) ==
        "ROLE-MANAGED");
}

TEST_CASE("Roles: a second AT or AS is refused", "[accounts][roles]") {
  RolesFixture f;
  f.adhere(f.a);
  // Nobody appoints an AT, not even the administrator.
  CHECK(outcome(f.roles.grant(f.a, f.b, kSiren, kService, Role::kAt)) == "ROLE-APPOINT");
  CHECK(outcome(f.roles.grant(std::nullopt, f.b, kSiren, kService, Role::kAt)) == "ROLE-APPOINT");
  REQUIRE(f.roles.grant(f.a, f.b, kSiren, kService, Role::kAs));
  CHECK(outcome(f.roles.grant(f.a, f.c, kSiren, kService, Role::kAs)) == "ROLE-UNIQUE");
  // A standby AS keeps its place.
  REQUIRE(f.roles.change(f.a, f.b, kSiren, kService, RoleEvent::kStandby));
  CHECK(outcome(f.roles.grant(f.a, f.c, kSiren, kService, Role::kAs)) == "ROLE-UNIQUE");
  // The database refuses a second AT even when a plan asks for one.
  auto forced = f.store->change_roles(
      kSiren,
      [&](const RoleGrants&) -> model::Result<std::vector<RoleTransition>> {
        RoleTransition t;
        t.siren = kSiren;
        t.service = kService;
        t.account_id = f.c;
        t.after = RoleHeld{Role::kAt, GrantState::kActive};
        return std::vector<RoleTransition>{t};
      },
      std::nullopt, 0);
  CHECK_FALSE(forced);
  CHECK(f.roles.list(kSiren, 0)->size() == 2);
}

TEST_CASE("Roles: roles never combine for one user on one SIREN", "[accounts][roles]") {
  RolesFixture f;
  f.adhere(f.a);
  REQUIRE(f.roles.grant(f.a, f.b, kSiren, kService, Role::kAs));
  CHECK(outcome(f.roles.grant(f.a, f.b, kSiren, kService, Role::kActor)) == "ROLE-COMBINE");
  // a is AT on e-invoicing: it cannot be anything else on another service
  // of the SIREN, but AT there too.
  f.adhere(f.a, "ereporting");
  REQUIRE(f.roles.grant(f.a, f.c, kSiren, "ereporting", Role::kActor));
  CHECK(outcome(f.roles.grant(f.a, f.c, kSiren, kService, Role::kDelegate)) == "ROLE-COMBINE");
  CHECK(f.roles.grant(f.a, f.c, kSiren, kService, Role::kActor));
  // Another SIREN is another matter.
  CHECK(outcome(f.roles.request_code(CodeKind::kAdhesion, f.c, kSiren, "other")) == "ROLE-COMBINE");
  CHECK(f.roles.request_code(CodeKind::kAdhesion, f.c, "356000000", kService));
}

// Who appoints whom (portal.md 5): the appointer's grant on the service,
// the role appointed, the rule expected ("OK": allowed). Data, not code.
struct AppointRow {
  const char* appointer;    // "administrator", "none", a role, "AT standby"
  const char* expected[4];  // for AT, AS, acteur-delegue, acteur
};
constexpr AppointRow kAppointments[] = {
    {"administrator", {"ROLE-APPOINT", "OK", "OK", "OK"}},
    {"AT", {"ROLE-APPOINT", "OK", "OK", "OK"}},
    {"AS", {"ROLE-APPOINT", "ROLE-APPOINT", "OK", "OK"}},
    {"acteur-delegue", {"ROLE-APPOINT", "ROLE-APPOINT", "ROLE-APPOINT", "OK"}},
    {"acteur", {"ROLE-APPOINT", "ROLE-APPOINT", "ROLE-APPOINT", "ROLE-APPOINT"}},
    {"AT standby", {"ROLE-APPOINT", "ROLE-APPOINT", "ROLE-APPOINT", "ROLE-APPOINT"}},
    {"none", {"ROLE-APPOINT", "ROLE-APPOINT", "ROLE-APPOINT", "ROLE-APPOINT"}},
};
constexpr Role kTargets[] = {Role::kAt, Role::kAs, Role::kDelegate, Role::kActor};

TEST_CASE("Roles: who appoints whom, and manages their grants", "[accounts][roles]") {
  constexpr AccountId kAppointer = 1, kTarget = 2;
  for (const auto& row : kAppointments) {
    const std::string appointer = row.appointer;
    RoleGrants grants;
    if (appointer != "administrator" && appointer != "none") {
      RoleGrant own{kAppointer, kSiren, kService, Role::kAt, GrantState::kActive, 0};
      own.role = *parse_role(appointer.substr(0, appointer.find(' ')));
      if (appointer.find("standby") != std::string::npos)
        own.state = GrantState::kStandby;
      grants.push_back(own);
    }
    const RoleActor by = appointer == "administrator" ? RoleActor() : RoleActor(kAppointer);
    for (int i = 0; i < 4; ++i) {
      INFO(appointer << " appoints " << to_string(kTargets[i]));
      const std::string expected = row.expected[i];
      auto planned = plan_grant(grants, by, kTarget, kSiren, kService, kTargets[i], 100);
      CHECK((planned ? std::string("OK") : outcome(planned)) == expected);
      if (planned) {
        CHECK(planned->by == by);
        CHECK_FALSE(planned->before);
        CHECK(planned->after->role == kTargets[i]);
      }
      // Putting on standby an existing grant of that role needs the same right.
      if (kTargets[i] == Role::kAt)
        continue;
      RoleGrants with_target = grants;
      with_target.push_back({kTarget, kSiren, kService, kTargets[i], GrantState::kActive, 0});
      auto standby =
          plan_change(with_target, by, kTarget, kSiren, kService, RoleEvent::kStandby, 100);
      CHECK((standby ? std::string("OK") : outcome(standby)) == expected);
    }
  }
}

TEST_CASE("Roles: standby, reactivate, delete, each recorded", "[accounts][roles]") {
  RolesFixture f;
  f.adhere(f.a);
  REQUIRE(f.roles.grant(f.a, f.b, kSiren, kService, Role::kDelegate));
  f.clock.advance(std::chrono::minutes(5));
  REQUIRE(f.roles.grant(f.b, f.c, kSiren, kService, Role::kActor));
  CHECK(outcome(f.roles.grant(f.c, f.d, kSiren, kService, Role::kActor)) == "ROLE-APPOINT");
  CHECK(outcome(f.roles.change(f.a, f.c, kSiren, kService, RoleEvent::kReactivate)) ==
        "ROLE-STATE");
  REQUIRE(f.roles.change(f.a, f.b, kSiren, kService, RoleEvent::kStandby));
  CHECK(outcome(f.roles.change(f.a, f.b, kSiren, kService, RoleEvent::kStandby)) == "ROLE-STATE");
  // On standby, b appoints nobody.
  CHECK(outcome(f.roles.grant(f.b, f.d, kSiren, kService, Role::kActor)) == "ROLE-APPOINT");
  REQUIRE(f.roles.change(f.a, f.b, kSiren, kService, RoleEvent::kReactivate));
  REQUIRE(f.roles.change(f.b, f.c, kSiren, kService, RoleEvent::kDelete));
  CHECK(outcome(f.roles.change(f.b, f.c, kSiren, kService, RoleEvent::kDelete)) == "ROLE-UNKNOWN");
  // The AT's own grant changes only by the administrator (or a substitution).
  CHECK(outcome(f.roles.change(f.b, f.a, kSiren, kService, RoleEvent::kStandby)) == "ROLE-APPOINT");

  auto history = f.roles.history(kSiren);
  REQUIRE(history);
  REQUIRE(history->size() == 6);
  const auto& h = *history;
  CHECK(h[0].event == RoleEvent::kAdhesion);
  CHECK(h[0].by == f.a);
  CHECK(to_string(h[0].before) == "none");
  CHECK(to_string(h[0].after) == "AT (active)");
  CHECK(h[2].event == RoleEvent::kCreate);
  CHECK(h[2].by == f.b);
  CHECK(h[2].account_id == f.c);
  CHECK(h[2].at == h[0].at + 300);
  CHECK(h[3].event == RoleEvent::kStandby);
  CHECK(to_string(h[3].before) == "acteur-delegue (active)");
  CHECK(to_string(h[3].after) == "acteur-delegue (standby)");
  CHECK(h[4].event == RoleEvent::kReactivate);
  CHECK(h[5].event == RoleEvent::kDelete);
  CHECK(to_string(h[5].before) == "acteur (active)");
  CHECK_FALSE(h[5].after);
  // Refused changes left no trace, and the grants are what the history says.
  auto grants = f.roles.list(kSiren, 0);
  REQUIRE(grants->size() == 2);
  CHECK(grants->at(1).role == Role::kDelegate);
  CHECK(grants->at(1).state == GrantState::kActive);
}

TEST_CASE("Roles: substitution replaces the AT", "[accounts][roles]") {
  RolesFixture f;
  CHECK(outcome(f.roles.request_code(CodeKind::kSubstitution, f.b, kSiren, kService)) ==
        "ROLE-NO-AT");
  f.adhere(f.a);
  CHECK(outcome(f.roles.request_code(CodeKind::kSubstitution, f.a, kSiren, kService)) ==
        "ROLE-COMBINE");
  REQUIRE(f.roles.grant(f.a, f.b, kSiren, kService, Role::kAs));
  REQUIRE(f.roles.request_code(CodeKind::kSubstitution, f.c, kSiren, kService));
  const std::string code = f.last_code();
  f.clock.advance(std::chrono::hours(24 * 30));
  auto done = f.roles.redeem_code(f.c, kSiren, kService, code);
  REQUIRE(done);
  REQUIRE(done->size() == 2);
  CHECK(done->at(0).account_id == f.a);
  CHECK(to_string(done->at(0).before) == "AT (active)");
  CHECK_FALSE(done->at(0).after);
  CHECK(done->at(1).account_id == f.c);
  CHECK(to_string(done->at(1).after) == "AT (active)");
  CHECK(outcome(f.roles.redeem_code(f.c, kSiren, kService, code)) == "CODE-USED");
  auto grants = f.roles.list(kSiren, 0);
  REQUIRE(grants->size() == 2);  // b (AS) and c (AT)
  CHECK(grants->at(1).account_id == f.c);
  CHECK(grants->at(1).role == Role::kAt);
  // The new AT manages accounts; the old one no longer does.
  CHECK(may(*f.accounts.decision_snapshot(f.a, kSiren), Action::kManageAccounts).rule ==
        "ROLE-ADMIN");
}

TEST_CASE("Roles: deactivated accounts neither hold nor give roles", "[accounts][roles]") {
  RolesFixture f;
  f.adhere(f.a);
  REQUIRE(f.accounts.deactivate(f.b));
  CHECK(outcome(f.roles.grant(f.a, f.b, kSiren, kService, Role::kActor)) == "ACC-INACTIVE");
  CHECK(outcome(f.roles.grant(f.a, 999, kSiren, kService, Role::kActor)) == "ACC-UNKNOWN");
  CHECK(outcome(f.roles.grant(f.a, f.c, "12345", kService, Role::kActor)) == "CO-IDENTIFIER");
  CHECK(may(*f.accounts.decision_snapshot(f.a, kSiren), Action::kManageAccounts).allowed);
}

}  // namespace
}  // namespace einvoice::accounts

namespace einvoice::accounts {
namespace {

TEST_CASE("Roles: a request is locked after 5 wrong codes, even for its right code",
          "[accounts][roles][codes]") {
  RolesFixture f;
  REQUIRE(f.roles.request_code(CodeKind::kAdhesion, f.a, kSiren, kService));
  const std::string code = f.last_code();
  const std::string wrong = code.substr(0, 11) + (code.back() == 'A' ? "B" : "A");
  for (int i = 0; i < 5; ++i)
    CHECK(outcome(f.roles.redeem_code(f.a, kSiren, kService, wrong)) == "CODE-WRONG");
  auto codes = f.store->role_codes(f.a, kSiren, kService);
  REQUIRE(codes->size() == 1);
  CHECK(codes->front().failures == 5);
  CHECK(outcome(f.roles.redeem_code(f.a, kSiren, kService, code)) == "CODE-LOCKED");
  CHECK(outcome(f.roles.redeem_code(f.a, kSiren, kService, wrong)) == "CODE-LOCKED");
  CHECK(f.roles.list(kSiren, 0)->empty());
  // A new request is open again; the locked one stays locked.
  REQUIRE(f.roles.request_code(CodeKind::kAdhesion, f.a, kSiren, kService));
  CHECK(outcome(f.roles.redeem_code(f.a, kSiren, kService, code)) == "CODE-LOCKED");
  CHECK(outcome(f.roles.redeem_code(f.a, kSiren, kService, f.last_code())) == "OK");
}

TEST_CASE("Roles: wrong codes counted per requester, the limit configurable",
          "[accounts][roles][codes]") {
  RolesFixture f;
  RolesConfig config;
  config.max_wrong_codes = 2;
  const Roles roles(*f.store, f.accounts, f.letters, f.clock, f.random, config);
  REQUIRE(roles.request_code(CodeKind::kAdhesion, f.a, kSiren, kService));
  const std::string code = f.last_code();
  // Another account's wrong codes do not count against this request.
  for (int i = 0; i < 3; ++i)
    CHECK(outcome(roles.redeem_code(f.b, kSiren, kService, "ABCDEFGHJKLM")) == "CODE-WRONG");
  CHECK(outcome(roles.redeem_code(f.a, kSiren, kService, "ABCDEFGHJKLM")) == "CODE-WRONG");
  CHECK(outcome(roles.redeem_code(f.a, kSiren, kService, code)) == "OK");
}

}  // namespace
}  // namespace einvoice::accounts
