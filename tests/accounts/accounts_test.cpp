// The Accounts facade on a real SQLite store, with a clock the tests move
// and an outbox they read: portal.md 1 (main and secondary accounts,
// passwords) and 2 (companies).
#include <catch2/catch.hpp>

#include "tests/accounts/accounts_test_support.h"

namespace einvoice::accounts {
namespace {

using testing::Fixture;
using testing::rule_of;
using namespace std::chrono_literals;

TEST_CASE("A main account is created with its identity and a hashed password", "[accounts][main]") {
  Fixture f;
  const auto main = f.main_account(2);
  CHECK(main.id > 0);
  CHECK(main.is_main());
  CHECK(main.display_name() == "ACME SAS");
  CHECK(main.siret == "44306184100047");
  CHECK(main.active);
  auto credential = f.store->credential(main.id);
  REQUIRE(credential);
  REQUIRE(*credential);
  CHECK((*credential)->password_hash.rfind("$argon2id$v=19$m=256,t=1,p=1$", 0) == 0);
  CHECK((*credential)->password_hash.find("Correct#Horse1") == std::string::npos);
  CHECK(f.accounts.login(main.id, "Correct#Horse1"));

  NewMainAccount bad;
  bad.name = "Bad";
  bad.email = "bad@example.org";
  bad.password = "Correct#Horse1";
  bad.siret = "44306184100048";
  CHECK(rule_of(f.accounts.create_main(bad).error()) == "CO-KEY");
  bad.siret = "44306184100047";
  bad.email = "not-an-address";
  CHECK(rule_of(f.accounts.create_main(bad).error()) == "ACC-EMAIL");
  bad.email = "bad@example.org";
  bad.password = "Défaut123456";
  CHECK(rule_of(f.accounts.create_main(bad).error()) == "PWD-CHAR");
  bad.password = "short1";
  CHECK(rule_of(f.accounts.create_main(bad).error()) == "PWD-LENGTH");
  bad.password = "Correct#Horse1";
  bad.max_secondary = -1;
  CHECK(rule_of(f.accounts.create_main(bad).error()) == "ACC-LIMIT");
  bad.max_secondary = 0;
  bad.name = "";
  CHECK(rule_of(f.accounts.create_main(bad).error()) == "ACC-FIELD");
}

TEST_CASE("Only the NIC part of a main account's SIRET is editable", "[accounts][main]") {
  Fixture f;
  const auto main = f.main_account(2);
  const auto sub = f.secondary(main.id, "Paie", false);
  // 44306184100047 -> another establishment of SIREN 443061841.
  const std::string other_nic = testing::with_check_digit("4430618410012");
  auto changed = f.accounts.set_siret(main.id, other_nic);
  REQUIRE(changed);
  CHECK(changed->siret == other_nic);
  CHECK(rule_of(f.accounts.set_siret(main.id, "54210765110002").error()) == "ACC-SIRET");
  CHECK(rule_of(f.accounts.set_siret(main.id, "44306184100048").error()) == "CO-KEY");
  CHECK(rule_of(f.accounts.set_siret(sub.id, other_nic).error()) == "ACC-SIRET");
  CHECK(f.accounts.account(main.id)->siret == other_nic);
}

TEST_CASE("The secondary-account limit counts only accounts with a mailbox",
          "[accounts][secondary]") {
  Fixture f;
  const auto main = f.main_account(2);
  f.secondary(main.id, "Paie", true);
  // Any number without a mailbox.
  for (int i = 0; i < 5; ++i)
    f.secondary(main.id, "Free " + std::to_string(i), false);
  f.secondary(main.id, "Compta", true);
  NewSecondaryAccount third{main.id, "Third", "", true, false, std::nullopt};
  auto refused = f.accounts.create_secondary(third);
  REQUIRE_FALSE(refused);
  CHECK(rule_of(refused.error()) == "ACC-LIMIT");
  CHECK(refused.error().message.find("has 2") != std::string::npos);
  // Still possible without a mailbox.
  third.mailbox = false;
  auto free = f.accounts.create_secondary(third);
  REQUIRE(free);
  // Switching it to a mailbox is refused too: the limit is reached.
  auto switched = f.accounts.set_mailbox(free->id, true);
  REQUIRE_FALSE(switched);
  CHECK(rule_of(switched.error()) == "ACC-LIMIT");
  CHECK(*f.store->count_mailbox_secondaries(main.id) == 2);
  // One with a mailbox gives it up: room for another.
  AccountFilter with_mailbox;
  with_mailbox.main_id = main.id;
  with_mailbox.mailbox = true;
  const auto boxed = *f.accounts.list(with_mailbox);
  REQUIRE(boxed.size() == 2);
  REQUIRE(f.accounts.set_mailbox(boxed.front().id, false));
  CHECK(f.accounts.set_mailbox(free->id, true));
}

TEST_CASE("A limit of zero allows only secondaries without a mailbox", "[accounts][secondary]") {
  Fixture f;
  const auto main = f.main_account(0);
  CHECK(f.accounts.create_secondary({main.id, "Free", "", false, false, std::nullopt}));
  CHECK(rule_of(f.accounts.create_secondary({main.id, "Boxed", "", true, false, std::nullopt})
                    .error()) == "ACC-LIMIT");
}

TEST_CASE("Secondary accounts inherit and never exceed their main account",
          "[accounts][secondary]") {
  Fixture f;
  const auto main = f.main_account(2);
  const auto sub = f.secondary(main.id, "Paie", false);
  CHECK(sub.display_name() == "Paie - ACME SAS");
  CHECK(sub.profile == main.profile);
  CHECK(format_services(sub.services) == format_services(main.services));
  CHECK(sub.siret.empty());

  NewSecondaryAccount more{main.id, "More", "",
                           false,   false,  *parse_services("einvoicing:invoice;archive")};
  auto refused = f.accounts.create_secondary(more);
  REQUIRE_FALSE(refused);
  CHECK(rule_of(refused.error()) == "ACC-INHERIT");
  more.services = *parse_services("einvoicing:self-billing");
  CHECK(rule_of(f.accounts.create_secondary(more).error()) == "ACC-INHERIT");
  more.services = *parse_services("einvoicing:invoice");
  auto narrower = f.accounts.create_secondary(more);
  REQUIRE(narrower);

  // set_services: by the main account within its own, never beyond.
  CHECK(rule_of(f.accounts.set_services(sub.id, *parse_services("archive"), main.id).error()) ==
        "ACC-INHERIT");
  CHECK(f.accounts.set_services(sub.id, *parse_services("ereporting"), main.id));
  // When the main account loses a service, its secondaries lose it too.
  REQUIRE(f.accounts.set_services(main.id, *parse_services("einvoicing:invoice"), std::nullopt));
  CHECK(format_services(*f.accounts.effective_services(narrower->id)) == "einvoicing:invoice");
  CHECK(f.accounts.effective_services(sub.id)->empty());
}

TEST_CASE("Autonomy: set by the main account only; lets a secondary choose its services",
          "[accounts][secondary]") {
  Fixture f;
  const auto main = f.main_account(2);
  const auto other_main = f.main_account(2, "Other SA");
  const auto sub = f.secondary(main.id, "Paie", false);
  const auto ereporting = *parse_services("ereporting");
  CHECK(rule_of(f.accounts.set_services(sub.id, ereporting, sub.id).error()) == "ACC-AUTONOMY");
  CHECK(rule_of(f.accounts.set_autonomous(sub.id, true, sub.id).error()) == "ACC-AUTONOMY");
  CHECK(rule_of(f.accounts.set_autonomous(sub.id, true, other_main.id).error()) == "ACC-AUTONOMY");
  CHECK(rule_of(f.accounts.set_autonomous(main.id, true, std::nullopt).error()) == "ACC-AUTONOMY");
  REQUIRE(f.accounts.set_autonomous(sub.id, true, main.id));
  auto chosen = f.accounts.set_services(sub.id, ereporting, sub.id);
  REQUIRE(chosen);
  CHECK(format_services(chosen->services) == "ereporting");
  // Autonomous, still never beyond the main account.
  CHECK(rule_of(f.accounts.set_services(sub.id, *parse_services("archive"), sub.id).error()) ==
        "ACC-INHERIT");
  CHECK(rule_of(f.accounts.set_services(sub.id, ereporting, other_main.id).error()) ==
        "ACC-AUTONOMY");
}

TEST_CASE("No secondary of a secondary", "[accounts][secondary]") {
  Fixture f;
  const auto main = f.main_account(2);
  const auto sub = f.secondary(main.id, "Paie", false);
  auto refused = f.accounts.create_secondary({sub.id, "Deeper", "", false, false, std::nullopt});
  REQUIRE_FALSE(refused);
  CHECK(rule_of(refused.error()) == "ACC-NESTED");
  CHECK(rule_of(f.accounts.create_secondary({999, "X", "", false, false, std::nullopt}).error()) ==
        "ACC-UNKNOWN");
  CHECK(rule_of(f.accounts.set_mailbox(main.id, false).error()) == "ACC-MAILBOX");
}

TEST_CASE("Switching a mailbox on requires a password reset, with a warning",
          "[accounts][secondary][password]") {
  Fixture f;
  const auto main = f.main_account(2);
  const auto sub = f.secondary(main.id, "Paie", false);
  REQUIRE(f.accounts.set_password(sub.id, "Secondary#Pass1"));
  CHECK(f.accounts.login(sub.id, "Secondary#Pass1"));
  auto change = f.accounts.set_mailbox(sub.id, true);
  REQUIRE(change);
  CHECK(change->account.mailbox);
  CHECK(change->account.password_reset_required);
  CHECK(change->warning.find("password must be reset") != std::string::npos);
  CHECK(rule_of(f.accounts.login(sub.id, "Secondary#Pass1").error()) == "PWD-RESET");
  REQUIRE(f.accounts.set_password(sub.id, "Secondary#Pass2"));
  CHECK_FALSE(f.accounts.account(sub.id)->password_reset_required);
  CHECK(f.accounts.login(sub.id, "Secondary#Pass2"));
  // Off again: no warning, nothing required.
  auto off = f.accounts.set_mailbox(sub.id, false);
  REQUIRE(off);
  CHECK(off->warning.empty());
}

TEST_CASE("A deactivated account stays listed with its state and can do nothing",
          "[accounts][state]") {
  Fixture f;
  const auto main = f.main_account(2);
  const auto sub = f.secondary(main.id, "Paie", false);
  REQUIRE(f.accounts.set_password(sub.id, "Secondary#Pass1"));
  auto off = f.accounts.deactivate(sub.id);
  REQUIRE(off);
  CHECK_FALSE(off->active);
  AccountFilter all;
  all.main_id = main.id;
  auto listed = f.accounts.list(all);
  REQUIRE(listed->size() == 1);
  CHECK_FALSE(listed->front().active);
  AccountFilter deactivated;
  deactivated.active = false;
  CHECK(f.accounts.list(deactivated)->size() == 1);
  CHECK(rule_of(f.accounts.login(sub.id, "Secondary#Pass1").error()) == "ACC-INACTIVE");
  CHECK(rule_of(f.accounts.set_mailbox(sub.id, true).error()) == "ACC-INACTIVE");
  CHECK(rule_of(f.accounts.issue_token(sub.id, "x", std::nullopt).error()) == "ACC-INACTIVE");
  CHECK(rule_of(f.accounts
                    .add_company({sub.id,
                                  IdentifierType::kSiren,
                                  "542107651",
                                  "",
                                  {},
                                  {true, false, false, false}})
                    .error()) == "ACC-INACTIVE");
  REQUIRE(f.accounts.reactivate(sub.id));
  CHECK(f.accounts.login(sub.id, "Secondary#Pass1"));
  // A deactivated main account: its secondaries can do nothing either.
  REQUIRE(f.accounts.deactivate(main.id));
  CHECK_FALSE(*f.accounts.can_act(sub.id));
  CHECK(rule_of(f.accounts.login(sub.id, "Secondary#Pass1").error()) == "ACC-INACTIVE");
  CHECK(rule_of(f.accounts.create_secondary({main.id, "New", "", false, false, std::nullopt})
                    .error()) == "ACC-INACTIVE");
}

TEST_CASE("Accounts are listed and searched with filters", "[accounts][list]") {
  Fixture f;
  const auto acme = f.main_account(3);
  const auto other = f.main_account(3, "Dupont et Fils");
  f.secondary(acme.id, "Paie", true);
  f.secondary(acme.id, "Compta", false);
  f.secondary(other.id, "Paie", false);
  AccountFilter filter;
  filter.name_contains = "PAIE";
  CHECK(f.accounts.list(filter)->size() == 2);
  filter.main_id = acme.id;
  auto found = f.accounts.list(filter);
  REQUIRE(found->size() == 1);
  CHECK(found->front().display_name() == "Paie - ACME SAS");
  CHECK(found->front().mailbox);
  AccountFilter mains;
  mains.kind = AccountKind::kMain;
  CHECK(f.accounts.list(mains)->size() == 2);
  AccountFilter no_mailbox;
  no_mailbox.kind = AccountKind::kSecondary;
  no_mailbox.mailbox = false;
  CHECK(f.accounts.list(no_mailbox)->size() == 2);
  AccountFilter by_siret;
  by_siret.siret = "44306184100047";
  CHECK(f.accounts.list(by_siret)->size() == 2);
}

TEST_CASE("Setting a password notifies the responsible person", "[accounts][password]") {
  Fixture f;
  const auto main = f.main_account(2);
  const auto sub = f.secondary(main.id, "Paie", false);
  auto refused = f.accounts.set_password(sub.id, "Sécurité123456");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message.find("(U+00E9)") != std::string::npos);
  CHECK(f.outbox.messages().empty());
  REQUIRE(f.accounts.set_password(sub.id, "Secondary#Pass1"));
  const auto messages = f.outbox.messages();
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].recipient == "boss@acme.example");
  CHECK(messages[0].body.find("The password of your account Paie - ACME SAS has just been "
                              "changed; if you did not do this, contact support") !=
        std::string::npos);
  CHECK(messages[0].body.find("Secondary#Pass1") == std::string::npos);
}

TEST_CASE("Failed logins: progressive delay, then lockout", "[accounts][password][lockout]") {
  AccountsConfig config = testing::cheap_config();
  config.login = {3, 1s, 60s, 6, 30min};
  Fixture f(config);
  const auto main = f.main_account(2);
  for (int i = 0; i < 3; ++i) {
    CHECK(rule_of(f.accounts.login(main.id, "Wrong#Password1").error()) == "PWD-WRONG");
  }
  // The fourth attempt must wait 1 s; right away it is not even checked.
  auto early = f.accounts.login(main.id, "Correct#Horse1");
  REQUIRE_FALSE(early);
  CHECK(rule_of(early.error()) == "PWD-DELAY");
  CHECK(f.store->credential(main.id)->value().failures == 3);
  f.clock.advance(1s);
  CHECK(rule_of(f.accounts.login(main.id, "Wrong#Password1").error()) == "PWD-WRONG");
  // Now 4 failures: 2 s.
  f.clock.advance(1s);
  CHECK(rule_of(f.accounts.login(main.id, "Wrong#Password1").error()) == "PWD-DELAY");
  f.clock.advance(1s);
  CHECK(rule_of(f.accounts.login(main.id, "Wrong#Password1").error()) == "PWD-WRONG");
  // 5 failures: 4 s; the sixth locks.
  f.clock.advance(4s);
  auto locked = f.accounts.login(main.id, "Wrong#Password1");
  REQUIRE_FALSE(locked);
  CHECK(rule_of(locked.error()) == "PWD-LOCKED");
  CHECK(locked.error().message.find("2026-03-15T09:30:07Z") != std::string::npos);
  // Locked: even the right password is refused until the lock ends.
  f.clock.advance(29min);
  CHECK(rule_of(f.accounts.login(main.id, "Correct#Horse1").error()) == "PWD-LOCKED");
  f.clock.advance(1min);
  CHECK(f.accounts.login(main.id, "Correct#Horse1"));
  CHECK(f.store->credential(main.id)->value().failures == 0);
}

TEST_CASE("An administrator's new password lifts a lockout", "[accounts][password][lockout]") {
  AccountsConfig config = testing::cheap_config();
  config.login = {0, 0s, 0s, 2, 30min};
  Fixture f(config);
  const auto main = f.main_account(2);
  CHECK(rule_of(f.accounts.login(main.id, "Wrong#Password1").error()) == "PWD-WRONG");
  CHECK(rule_of(f.accounts.login(main.id, "Wrong#Password1").error()) == "PWD-LOCKED");
  REQUIRE(f.accounts.set_password(main.id, "Brand#New#Pass1"));
  CHECK(f.accounts.login(main.id, "Brand#New#Pass1"));
}

TEST_CASE("A weaker stored hash is replaced at the next login", "[accounts][password]") {
  Fixture f;
  const auto main = f.main_account(2);
  AccountsConfig stronger = testing::cheap_config();
  stronger.argon2 = {512, 2, 1};
  Accounts raised(*f.store, f.outbox, f.clock, f.random, stronger);
  REQUIRE(raised.login(main.id, "Correct#Horse1"));
  CHECK(f.store->credential(main.id)->value().password_hash.find("m=512,t=2,p=1") !=
        std::string::npos);
  CHECK(f.accounts.login(main.id, "Correct#Horse1"));
}

// The secret of the last recovery link in the outbox.
std::string last_link_secret(const MemoryOutbox& outbox) {
  const auto messages = outbox.messages();
  REQUIRE_FALSE(messages.empty());
  const auto& body = messages.back().body;
  const auto at = body.find("?secret=");
  REQUIRE(at != std::string::npos);
  return body.substr(at + 8, 64);
}

TEST_CASE("Password recovery links: single use, valid 60 minutes, stored hashed",
          "[accounts][recovery]") {
  Fixture f;
  const auto main = f.main_account(2);
  REQUIRE(f.accounts.send_recovery_link(main.id, LinkPurpose::kPassword));
  const auto message = f.outbox.messages().back();
  CHECK(message.recipient == "boss@acme.example");
  CHECK(message.body.find("before 2026-03-15T10:00:00Z") != std::string::npos);
  const std::string secret = last_link_secret(f.outbox);
  REQUIRE(secret.size() == 64);

  SECTION("used within the hour, it works once") {
    f.clock.advance(59min + 59s);
    // A refused password does not use the link up.
    CHECK(rule_of(f.accounts.reset_password_with_link(secret, "Nouveau€12345")) == "PWD-CHAR");
    REQUIRE(f.accounts.reset_password_with_link(secret, "Recovered#Pass1"));
    CHECK(f.accounts.login(main.id, "Recovered#Pass1"));
    auto again = f.accounts.reset_password_with_link(secret, "Another#Pass12");
    REQUIRE_FALSE(again);
    CHECK(rule_of(again.error()) == "LINK-USED");
    CHECK(f.outbox.messages().back().subject == "Password changed");
  }
  SECTION("at 60 minutes it has expired") {
    f.clock.advance(60min);
    auto late = f.accounts.reset_password_with_link(secret, "Recovered#Pass1");
    REQUIRE_FALSE(late);
    CHECK(rule_of(late.error()) == "LINK-EXPIRED");
    CHECK(f.accounts.login(main.id, "Correct#Horse1"));
  }
  SECTION("a wrong secret, or an identifier link used for a password, is unknown") {
    CHECK(rule_of(f.accounts.reset_password_with_link(std::string(64, '0'), "Recovered#Pass1")) ==
          "LINK-UNKNOWN");
    CHECK(rule_of(f.accounts.redeem_identifier_link(secret).error()) == "LINK-UNKNOWN");
    // Neither used the link up.
    CHECK(f.accounts.reset_password_with_link(secret, "Recovered#Pass1"));
  }
}

TEST_CASE("Identifier recovery links", "[accounts][recovery]") {
  Fixture f;
  const auto main = f.main_account(2);
  REQUIRE(f.accounts.send_recovery_link(main.id, LinkPurpose::kIdentifier));
  const std::string secret = last_link_secret(f.outbox);
  f.clock.advance(10min);
  auto account = f.accounts.redeem_identifier_link(secret);
  REQUIRE(account);
  CHECK(account->id == main.id);
  CHECK(rule_of(f.accounts.redeem_identifier_link(secret).error()) == "LINK-USED");
}

TEST_CASE("API tokens: 256-bit, stored hashed, expiry, revocation", "[accounts][token]") {
  Fixture f;
  const auto main = f.main_account(2);
  auto issued = f.accounts.issue_token(main.id, "erp", std::chrono::hours(24));
  REQUIRE(issued);
  CHECK(issued->secret.size() == 5 + 64);
  CHECK(issued->token.secret_sha256 != issued->secret);
  CHECK(issued->token.secret_sha256.find(issued->secret.substr(5)) == std::string::npos);
  auto other = f.accounts.issue_token(main.id, "erp", std::chrono::hours(24));
  REQUIRE(other);
  CHECK(other->secret != issued->secret);
  auto who = f.accounts.authenticate_token(issued->secret);
  REQUIRE(who);
  CHECK(who->id == main.id);
  CHECK(rule_of(f.accounts.authenticate_token("einv_" + std::string(64, 'a')).error()) ==
        "TOKEN-UNKNOWN");
  REQUIRE(f.accounts.revoke_token(issued->token.id));
  CHECK(rule_of(f.accounts.authenticate_token(issued->secret).error()) == "TOKEN-REVOKED");
  CHECK(rule_of(f.accounts.revoke_token(issued->token.id)) == "TOKEN-UNKNOWN");
  f.clock.advance(24h);
  CHECK(rule_of(f.accounts.authenticate_token(other->secret).error()) == "TOKEN-EXPIRED");
  CHECK(rule_of(f.accounts.issue_token(main.id, "x", std::chrono::hours(24 * 400)).error()) ==
        "TOKEN-VALIDITY");
  CHECK(f.accounts.tokens(main.id)->size() == 2);
}

NewCompany siren_company(AccountId account, std::string siren, CompanyOptions options) {
  return {account, IdentifierType::kSiren, std::move(siren), "", EmployeeBracket::k11To20, options};
}

TEST_CASE("Companies: identifiers checked, options' rules, no two with one identifier",
          "[accounts][company]") {
  Fixture f;
  const auto main = f.main_account(2);
  const CompanyOptions purchase{true, true, false, false};
  auto added = f.accounts.add_company(siren_company(main.id, "542107651", purchase));
  REQUIRE(added);
  CHECK(added->identifier_type == IdentifierType::kSiren);
  CHECK(added->employees == EmployeeBracket::k11To20);
  CHECK(rule_of(f.accounts.add_company(siren_company(main.id, "542107652", purchase)).error()) ==
        "CO-KEY");
  CHECK(rule_of(f.accounts.add_company(siren_company(main.id, "5421076", purchase)).error()) ==
        "CO-IDENTIFIER");
  CHECK(rule_of(f.accounts.add_company(siren_company(main.id, "732829320", {})).error()) ==
        "CO-OPTIONS");
  CHECK(rule_of(
            f.accounts.add_company(siren_company(main.id, "732829320", {false, true, true, false}))
                .error()) == "CO-PAYMENT");
  auto duplicate = f.accounts.add_company(siren_company(main.id, "542107651", purchase));
  REQUIRE_FALSE(duplicate);
  CHECK(rule_of(duplicate.error()) == "CO-DUPLICATE");
  // Another account cannot take it either.
  const auto other = f.main_account(2, "Other SA");
  CHECK(rule_of(f.accounts.add_company(siren_company(other.id, "542107651", purchase)).error()) ==
        "CO-DUPLICATE");
  // La Poste by SIRET (digit sum rule).
  CHECK(f.accounts.add_company({main.id,
                                IdentifierType::kSiret,
                                "35600000000001",
                                "La Poste",
                                EmployeeBracket::kOver250,
                                {false, false, true, false}}));
}

TEST_CASE("Companies are edited and searched, optionally across secondaries",
          "[accounts][company]") {
  Fixture f;
  const auto main = f.main_account(2);
  const auto sub = f.secondary(main.id, "Paie", false);
  auto acme = f.accounts.add_company({main.id,
                                      IdentifierType::kSiren,
                                      "542107651",
                                      "Acme Industrie",
                                      EmployeeBracket::k1To10,
                                      {true, false, false, false}});
  REQUIRE(acme);
  REQUIRE(f.accounts.add_company({sub.id,
                                  IdentifierType::kSiret,
                                  "44306184100047",
                                  "Boulangerie Martin",
                                  EmployeeBracket::k1To10,
                                  {false, false, true, false}}));
  CHECK(f.accounts.search_companies(main.id, false, "", "")->size() == 1);
  CHECK(f.accounts.search_companies(main.id, true, "", "")->size() == 2);
  CHECK(f.accounts.search_companies(main.id, true, "443061841", "")->size() == 1);
  CHECK(f.accounts.search_companies(main.id, true, "", "martin")->size() == 1);
  CHECK(f.accounts.search_companies(main.id, true, "5421", "martin")->empty());

  CompanyEdit edit;
  edit.employees = EmployeeBracket::k51To250;
  edit.options = CompanyOptions{false, true, true, false};
  CHECK(rule_of(f.accounts.edit_company(acme->id, edit).error()) == "CO-PAYMENT");
  edit.options = CompanyOptions{true, true, true, true};
  auto edited = f.accounts.edit_company(acme->id, edit);
  REQUIRE(edited);
  CHECK(edited->employees == EmployeeBracket::k51To250);
  CHECK(edited->options.payment);
  CHECK(f.accounts.company(acme->id)->options.duplicates);
}

}  // namespace
}  // namespace einvoice::accounts

namespace einvoice::accounts {
namespace {

TEST_CASE("decision_snapshot: a main account decides for its secondaries' companies",
          "[accounts][decision]") {
  testing::Fixture f;
  const auto main = f.main_account(2);
  const auto sub = f.secondary(main.id, "Paie", false);
  REQUIRE(f.accounts.add_company({sub.id,
                                  IdentifierType::kSiret,
                                  "54210765110002",
                                  "",
                                  EmployeeBracket::k1To10,
                                  {false, false, true, false}}));
  auto for_main = f.accounts.decision_snapshot(main.id, "542107651");
  REQUIRE(for_main);
  CHECK(for_main->companies.size() == 1);
  CHECK(may(*for_main, Action::kSubmit).allowed);
  CHECK(may(*for_main, Action::kReceive).rule == "CO-OPTION");
  auto for_sub = f.accounts.decision_snapshot(sub.id, "542107651");
  REQUIRE(for_sub);
  REQUIRE(for_sub->main);
  CHECK(may(*for_sub, Action::kSubmit).allowed);
  // Another SIREN, or the company of another account: unknown.
  CHECK(may(*f.accounts.decision_snapshot(main.id, "732829320"), Action::kView).rule ==
        "CO-UNKNOWN");
  const auto other = f.main_account(2, "Other SA");
  CHECK(may(*f.accounts.decision_snapshot(other.id, "542107651"), Action::kView).rule ==
        "CO-UNKNOWN");
  CHECK(testing::rule_of(f.accounts.decision_snapshot(main.id, "5421").error()) == "CO-IDENTIFIER");
  REQUIRE(f.accounts.deactivate(main.id));
  CHECK(may(*f.accounts.decision_snapshot(sub.id, "542107651"), Action::kSubmit).rule ==
        "ACC-INACTIVE");
}

}  // namespace
}  // namespace einvoice::accounts
