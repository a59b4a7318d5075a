// Enrolment (portal.md 2, docs/accounts.md "Enrolment"): the five states,
// the formal agreement step by step, the one-time code (10 minutes on an
// injected clock, resend delay, at most 5 tries, stored hashed, single use),
// the legal representative's link, the certificate PDF (qpdf --check,
// pdftotext names the companies and the signer), every step journaled.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <map>

#include "accounts/accounts_journal.h"
#include "accounts/enrolments.h"
#include "accounts/secret_digest.h"
#include "tests/accounts/accounts_test_support.h"

namespace einvoice::accounts {
namespace {

using testing::outcome;
using testing::rule_of;

struct EnrolFixture : testing::Fixture {
  EnrolFixture() : enrolments(*store, accounts, outbox, clock, random, nullptr) {
    main = main_account(2, "ACME SAS").id;
  }

  CompanyId company(const std::string& siren, CompanyOptions options, std::string name,
                    std::string address = "1 rue de la Paix, 75002 Paris", bool vat = true) {
    NewCompany request{
        main, IdentifierType::kSiren, siren, std::move(name), EmployeeBracket::k11To20, options};
    request.address = std::move(address);
    request.vat_subject = vat;
    auto added = accounts.add_company(request);
    REQUIRE(added);
    return added->id;
  }

  // The one-time code in the last message sent.
  std::string last_code() const {
    const auto sent = outbox.messages();
    REQUIRE_FALSE(sent.empty());
    const std::string& body = sent.back().body;
    const auto at = body.find("invoices: ");
    REQUIRE(at != std::string::npos);
    return body.substr(at + 10, 6);
  }

  // An agreement for `companies`, taken up to the code sent.
  AgreementId ready(const std::vector<CompanyId>& companies) {
    auto a = enrolments.start(main, companies, false);
    REQUIRE(a);
    REQUIRE(enrolments.confirm_authority(a->id));
    REQUIRE(enrolments.give_signer(a->id, {"Alice", "Martin", "Gérante", "alice@acme.example"}));
    REQUIRE(enrolments.confirm(a->id));
    return a->id;
  }

  std::map<CompanyId, EnrolmentState> states() const {
    std::map<CompanyId, EnrolmentState> out;
    auto all = enrolments.states(main);
    REQUIRE(all);
    for (const auto& s : *all)
      out[s.company.id] = s.state;
    return out;
  }

  Enrolments enrolments;
  AccountId main = 0;
};

const CompanyOptions kPurchase{true, false, false, false};
const CompanyOptions kSales{false, false, true, false};

// A code that is not `code` (its last digit changed).
std::string other_than(std::string code) {
  code.back() = code.back() == '9' ? '0' : static_cast<char>(code.back() + 1);
  return code;
}

TEST_CASE("Enrolment: the five states of portal.md 2", "[accounts][enrolment]") {
  EnrolFixture f;
  const auto exempt = f.company("542107651", kPurchase, "Exempt SA", "1 rue A", false);
  const auto sales = f.company("732829320", kSales, "Ventes SAS");
  const auto single = f.company("443061841", kPurchase, "Achats SARL");
  const auto bulk_a = f.company("552100554", kPurchase, "Bulk A");
  const auto bulk_b = f.company("572015246", kPurchase, "Bulk B");
  const auto enrolled = f.company("652014051", kPurchase, "Enrolled SA");

  auto bulk = f.enrolments.start_bulk(f.main, {exempt, sales, bulk_a, bulk_b});
  REQUIRE(bulk);
  REQUIRE(*bulk);
  CHECK((*bulk)->bulk);
  CHECK((*bulk)->companies.size() == 2);  // only the eligible ones
  const auto id = f.ready({enrolled});
  REQUIRE(f.enrolments.sign(id, f.last_code()));

  auto states = f.states();
  CHECK(states[exempt] == EnrolmentState::kNotSubjectToVat);
  CHECK(states[sales] == EnrolmentState::kNotApplicable);
  CHECK(states[single] == EnrolmentState::kSingle);
  CHECK(states[bulk_a] == EnrolmentState::kMultiple);
  CHECK(states[bulk_b] == EnrolmentState::kMultiple);
  CHECK(states[enrolled] == EnrolmentState::kCertificate);
  CHECK(std::string(to_string(EnrolmentState::kNotSubjectToVat)) == "not-subject-to-vat");

  // Cancelling the bulk agreement makes its companies single again.
  REQUIRE(f.enrolments.cancel((*bulk)->id));
  states = f.states();
  CHECK(states[bulk_a] == EnrolmentState::kSingle);
  // Not subject to VAT wins over everything; without purchase invoices, not applicable.
  Company c;
  c.id = 9;
  c.options = kPurchase;
  Agreement signed_one;
  signed_one.stage = AgreementStage::kSigned;
  signed_one.companies.push_back({9, IdentifierType::kSiren, "", "", ""});
  CHECK(enrolment_state(c, {signed_one}) == EnrolmentState::kCertificate);
  c.vat_subject = false;
  CHECK(enrolment_state(c, {signed_one}) == EnrolmentState::kNotSubjectToVat);
  c.vat_subject = true;
  c.options = kSales;
  CHECK(enrolment_state(c, {signed_one}) == EnrolmentState::kNotApplicable);
}

TEST_CASE("Enrolment: who may be listed", "[accounts][enrolment]") {
  EnrolFixture f;
  const auto exempt = f.company("542107651", kPurchase, "Exempt SA", "1 rue A", false);
  const auto sales = f.company("732829320", kSales, "Ventes SAS");
  const auto ok = f.company("443061841", kPurchase, "Achats SARL");
  CHECK(outcome(f.enrolments.start(f.main, {exempt}, false)) == "ENROL-COMPANY");
  CHECK(outcome(f.enrolments.start(f.main, {sales}, false)) == "ENROL-COMPANY");
  CHECK(outcome(f.enrolments.start(f.main, {}, false)) == "ENROL-COMPANY");
  CHECK(outcome(f.enrolments.start(f.main, {999}, false)) == "ENROL-COMPANY");
  auto first = f.enrolments.start(f.main, {ok}, false);
  REQUIRE(first);
  CHECK(outcome(f.enrolments.start(f.main, {ok}, false)) == "ENROL-OPEN");
  // Steps out of order are refused.
  CHECK(outcome(f.enrolments.confirm(first->id)) == "ENROL-STATE");
  CHECK(outcome(f.enrolments.give_signer(first->id, {"A", "B", "C", "d@e.example"})) ==
        "ENROL-STATE");
  CHECK(outcome(f.enrolments.sign(first->id, "000000")) == "ENROL-STATE");
  CHECK(outcome(f.enrolments.certificate(first->id)) == "ENROL-STATE");
  CHECK(outcome(f.enrolments.agreement(777)) == "ENROL-UNKNOWN");
  REQUIRE(f.enrolments.confirm_authority(first->id));
  CHECK(outcome(f.enrolments.give_signer(first->id, {"", "B", "C", "d@e.example"})) == "ACC-FIELD");
  CHECK(outcome(f.enrolments.give_signer(first->id, {"A", "B", "C", "nobody"})) == "ACC-EMAIL");
}

TEST_CASE("Enrolment: the one-time code, hashed, single use (replay refused)",
          "[accounts][enrolment][otp]") {
  EnrolFixture f;
  const auto c = f.company("443061841", kPurchase, "Achats SARL");
  const auto id = f.ready({c});
  const auto sent = f.outbox.messages();
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].recipient == "alice@acme.example");
  const std::string code = f.last_code();
  CHECK(code.size() == 6);
  CHECK(code.find_first_not_of("0123456789") == std::string::npos);
  auto stored = f.enrolments.agreement(id);
  CHECK(stored->code_sha256 == secret_sha256(code));
  CHECK(stored->code_expires_at - stored->code_sent_at == 600);

  auto signed_agreement = f.enrolments.sign(id, code);
  REQUIRE(signed_agreement);
  CHECK(signed_agreement->stage == AgreementStage::kSigned);
  CHECK(signed_agreement->code_sha256.empty());
  CHECK_FALSE(signed_agreement->certificate_sha256.empty());
  // Replay: the same code again is refused, the agreement stays signed.
  CHECK(outcome(f.enrolments.sign(id, code)) == "ENROL-STATE");
  CHECK(f.enrolments.agreement(id)->code_tries == 1);
}

TEST_CASE("Enrolment: the code expires 10 minutes after it was sent",
          "[accounts][enrolment][otp]") {
  EnrolFixture f;
  const auto id = f.ready({f.company("443061841", kPurchase, "Achats SARL")});
  const std::string code = f.last_code();
  f.clock.advance(std::chrono::seconds(599));
  const auto other = f.ready({f.company("552100554", kPurchase, "Autre SA")});
  const std::string other_code = f.last_code();
  f.clock.advance(std::chrono::seconds(1));  // 600 s after the first code
  CHECK(outcome(f.enrolments.sign(id, code)) == "ENROL-CODE-EXPIRED");
  CHECK(f.enrolments.agreement(id)->stage == AgreementStage::kCodeSent);
  // 1 s after its code was sent, the other agreement signs.
  CHECK(outcome(f.enrolments.sign(other, other_code)) == "OK");
  // A new code (resend) signs the first.
  REQUIRE(f.enrolments.resend_code(id));
  CHECK(outcome(f.enrolments.sign(id, code)) == "ENROL-CODE-WRONG");  // the old one is replaced
  CHECK(outcome(f.enrolments.sign(id, f.last_code())) == "OK");
}

TEST_CASE("Enrolment: brute force: the 6th try is refused even with the right code",
          "[accounts][enrolment][otp]") {
  EnrolFixture f;
  const auto id = f.ready({f.company("443061841", kPurchase, "Achats SARL")});
  const std::string code = f.last_code();
  for (int i = 1; i <= 5; ++i) {
    auto tried = f.enrolments.sign(id, other_than(code));
    CHECK(outcome(tried) == "ENROL-CODE-WRONG");
    CHECK(tried.error().message.find(std::to_string(5 - i) + (5 - i == 1 ? " try" : " tries")) !=
          std::string::npos);
    CHECK(f.enrolments.agreement(id)->code_tries == i);
  }
  CHECK(outcome(f.enrolments.sign(id, code)) == "ENROL-LOCKED");
  CHECK(f.enrolments.agreement(id)->stage == AgreementStage::kCodeSent);
  // A resend does not give tries back.
  f.clock.advance(std::chrono::minutes(2));
  CHECK(outcome(f.enrolments.resend_code(id)) == "ENROL-LOCKED");
  // Cancelled and started again, the company enrols.
  const auto company = f.enrolments.agreement(id)->companies.front().company_id;
  REQUIRE(f.enrolments.cancel(id));
  const auto again = f.ready({company});
  CHECK(outcome(f.enrolments.sign(again, f.last_code())) == "OK");
}

TEST_CASE("Enrolment: a new code only after the resend delay", "[accounts][enrolment][otp]") {
  EnrolmentConfig config;
  config.resend_delay = std::chrono::seconds(90);
  EnrolFixture f;
  const Enrolments enrolments(*f.store, f.accounts, f.outbox, f.clock, f.random, nullptr, config);
  auto a = enrolments.start(f.main, {f.company("443061841", kPurchase, "Achats SARL")}, false);
  REQUIRE(enrolments.confirm_authority(a->id));
  REQUIRE(enrolments.give_signer(a->id, {"Alice", "Martin", "Gérante", "alice@acme.example"}));
  CHECK(outcome(enrolments.resend_code(a->id)) == "ENROL-STATE");  // nothing sent yet
  REQUIRE(enrolments.confirm(a->id));
  const std::string first = f.last_code();
  f.clock.advance(std::chrono::seconds(89));
  CHECK(outcome(enrolments.resend_code(a->id)) == "ENROL-RESEND");
  CHECK(f.outbox.messages().size() == 1);
  f.clock.advance(std::chrono::seconds(1));
  REQUIRE(enrolments.resend_code(a->id));
  CHECK(f.outbox.messages().size() == 2);
  CHECK(enrolments.agreement(a->id)->codes_sent == 2);
  const std::string second = f.last_code();
  // The second code restarts the 90 s.
  CHECK(outcome(enrolments.resend_code(a->id)) == "ENROL-RESEND");
  if (second != first)
    CHECK(outcome(enrolments.sign(a->id, first)) == "ENROL-CODE-WRONG");
  CHECK(outcome(enrolments.sign(a->id, second)) == "OK");
}

TEST_CASE("Enrolment: the legal representative's link", "[accounts][enrolment]") {
  EnrolFixture f;
  auto a = f.enrolments.start(f.main, {f.company("443061841", kPurchase, "Achats SARL")}, false);
  REQUIRE(a);
  auto link = f.enrolments.representative_link(a->id);
  REQUIRE(link);
  const std::string secret = link->url.substr(link->url.find("secret=") + 7);
  CHECK(secret.size() == 64);
  CHECK(link->agreement.link_sha256 == secret_sha256(secret));
  CHECK(outcome(f.enrolments.open_link("not-the-secret")) == "ENROL-LINK");
  // Valid 72 hours (ours, configurable).
  f.clock.advance(std::chrono::hours(72));
  CHECK(outcome(f.enrolments.open_link(secret)) == "ENROL-LINK");
  auto fresh = f.enrolments.representative_link(a->id);
  const std::string again = fresh->url.substr(fresh->url.find("secret=") + 7);
  CHECK(outcome(f.enrolments.open_link(secret)) == "ENROL-LINK");  // replaced
  auto opened = f.enrolments.open_link(again);
  REQUIRE(opened);
  CHECK(opened->stage == AgreementStage::kAuthorityConfirmed);
  CHECK(opened->authority == Authority::kRepresentative);
  CHECK(outcome(f.enrolments.open_link(again)) == "ENROL-LINK");  // single use
}

TEST_CASE("Enrolment: every company needs a postal address before the code",
          "[accounts][enrolment]") {
  EnrolFixture f;
  const auto c = f.company("443061841", kPurchase, "Achats SARL", "");
  auto a = f.enrolments.start(f.main, {c}, false);
  REQUIRE(f.enrolments.confirm_authority(a->id));
  REQUIRE(f.enrolments.give_signer(a->id, {"Alice", "Martin", "Gérante", "alice@acme.example"}));
  CHECK(outcome(f.enrolments.confirm(a->id)) == "ENROL-ADDRESS");
  CHECK(f.outbox.messages().empty());
}

TEST_CASE("Enrolment: the decision: receiving needs an enrolled company",
          "[accounts][enrolment][decision]") {
  EnrolFixture f;
  const auto c = f.company("443061841", kPurchase, "Achats SARL");
  CHECK(may(f.accounts.decision_snapshot(f.main, "443061841").value(), Action::kReceive).rule ==
        "CO-ENROL");
  const auto id = f.ready({c});
  REQUIRE(f.enrolments.sign(id, f.last_code()));
  CHECK(may(f.accounts.decision_snapshot(f.main, "443061841").value(), Action::kReceive).rule ==
        "OK");
}

// Runs a shell command; true when it exits 0.
bool run(const std::string& command) {
  return std::system(command.c_str()) == 0;
}

TEST_CASE("Enrolment: the certificate PDF passes qpdf --check and names companies and signer",
          "[accounts][enrolment][certificate][tools]") {
  if (!run("command -v qpdf >/dev/null && command -v pdftotext >/dev/null")) {
    WARN("skipped: qpdf or pdftotext (poppler-utils) is not installed");
    return;
  }
  EnrolFixture f;
  const auto a =
      f.company("443061841", kPurchase, "Achats Éléphant SARL", "12 avenue des Champs, 69001 Lyon");
  const auto b = f.company("552100554", kPurchase, "Deuxième SA", "3 quai Ouest, 33000 Bordeaux");
  const auto id = f.ready({a, b});
  REQUIRE(f.enrolments.sign(id, f.last_code()));
  auto pdf = f.enrolments.certificate(id);
  REQUIRE(pdf);
  // Kept: the same bytes the next time, and their hash recorded.
  CHECK(f.enrolments.certificate(id).value() == *pdf);
  CHECK(f.enrolments.agreement(id)->certificate_sha256 == secret_sha256(*pdf));
  const auto file = f.scratch.dir() / "certificate.pdf";
  { std::ofstream(file, std::ios::binary) << *pdf; }
  CHECK(run("qpdf --check '" + file.string() + "' >/dev/null"));
  const auto text_file = f.scratch.dir() / "certificate.txt";
  REQUIRE(run("pdftotext '" + file.string() + "' '" + text_file.string() + "'"));
  const std::string text = testing::slurp(text_file);
  INFO(text);
  for (const char* expected :
       {"Formal agreement", "approved platform for receiving invoices", "Achats Éléphant SARL",
        "443061841", "12 avenue des Champs, 69001 Lyon", "Deuxième SA", "552100554", "Alice Martin",
        "Gérante", "alice@acme.example", "agreement 1"})
    CHECK(text.find(expected) != std::string::npos);
}

TEST_CASE("Enrolment: every step is journaled and the chain holds", "[accounts][enrolment]") {
  EnrolFixture f;
  const auto id = f.ready({f.company("443061841", kPurchase, "Achats SARL")});
  CHECK(outcome(f.enrolments.sign(id, other_than(f.last_code()))) == "ENROL-CODE-WRONG");
  REQUIRE(f.enrolments.sign(id, f.last_code()));
  auto rows = f.store->journal_rows();
  REQUIRE(rows);
  std::vector<std::string> events;
  for (const auto& row : *rows)
    events.push_back(journal::parse_journal_line(row.line, "t").value().draft.event);
  CHECK(events == std::vector<std::string>{"start", "authority", "signer", "code-sent",
                                           "code-wrong", "signed", "certificate"});
  auto verified = verify_accounts_journal(*f.store);
  REQUIRE(verified);
  CHECK(verified->ok());
  CHECK(verified->rows == 7);
}

}  // namespace
}  // namespace einvoice::accounts
