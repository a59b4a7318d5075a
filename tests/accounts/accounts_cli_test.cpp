// einvoice accounts as a real process: the exact syntax of issue 17, JSON
// with "id", refusals exit 1 naming the rule, usage and I/O errors exit 2,
// passwords on stdin, EINVOICE_ACCOUNTS_DB.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/accounts/accounts_test_support.h"

namespace einvoice::accounts {
namespace {

using testing::Run;
using testing::run_einvoice;

// A scratch folder with a database, and a cheap Argon2id cost for the runs.
struct Cli {
  einvoice::testing::ScratchFolder scratch{"einvoice-accounts-cli-"};
  std::string db = (scratch.dir() / "accounts.sqlite").string();
  std::vector<std::string> variables{"EINVOICE_ACCOUNTS_ARGON2=m=256,t=1,p=1"};

  Run run(std::vector<std::string> arguments, const std::string& input = "") const {
    arguments.insert(arguments.begin(), {"accounts", "--db", db});
    return run_einvoice(arguments, input, scratch.dir(), variables);
  }
  std::int64_t create_main(int max_secondary) const {
    auto r = run({"main", "create", "--name", "ACME SAS", "--siret", "44306184100047", "--email",
                  "boss@acme.example", "--max-secondary", std::to_string(max_secondary), "--json"},
                 "Correct#Horse1\n");
    REQUIRE(r.exit_code == 0);
    return nlohmann::json::parse(r.out).at("id").get<std::int64_t>();
  }
};

TEST_CASE("main create prints the account with its id; the password comes from stdin",
          "[accounts][cli]") {
  Cli cli;
  const auto id = cli.create_main(1);
  CHECK(id > 0);
  auto shown = cli.run({"account", "show", std::to_string(id), "--json"});
  REQUIRE(shown.exit_code == 0);
  const auto json = nlohmann::json::parse(shown.out);
  CHECK(json.at("name") == "ACME SAS");
  CHECK(json.at("siret") == "44306184100047");
  CHECK(json.at("max_secondary") == 1);
  CHECK(json.at("state") == "active");
  CHECK(shown.out.find("Correct#Horse1") == std::string::npos);
  CHECK(cli.run({"password", "check", std::to_string(id)}, "Correct#Horse1\n").exit_code == 0);
  auto wrong = cli.run({"password", "check", std::to_string(id)}, "Wrong#Horse12\n");
  CHECK(wrong.exit_code == 1);
  CHECK(wrong.err.find("PWD-WRONG") != std::string::npos);
}

TEST_CASE("Refusals exit 1 with one line naming the rule", "[accounts][cli]") {
  Cli cli;
  auto bad_char = cli.run({"main", "create", "--name", "X", "--siret", "44306184100047", "--email",
                           "x@example.org", "--max-secondary", "1"},
                          "Mot2passeSécurisé\n");
  CHECK(bad_char.exit_code == 1);
  CHECK(bad_char.err.find("PWD-CHAR") != std::string::npos);
  CHECK(bad_char.err.find("U+00E9") != std::string::npos);
  CHECK(std::count(bad_char.err.begin(), bad_char.err.end(), '\n') == 1);
  auto bad_siret = cli.run({"main", "create", "--name", "X", "--siret", "44306184100048", "--email",
                            "x@example.org", "--max-secondary", "1"},
                           "Correct#Horse1\n");
  CHECK(bad_siret.exit_code == 1);
  CHECK(bad_siret.err.find("CO-KEY") != std::string::npos);

  const auto main = std::to_string(cli.create_main(1));
  REQUIRE(
      cli.run({"secondary", "create", "--main", main, "--name", "Paie", "--mailbox"}).exit_code ==
      0);
  auto over = cli.run({"secondary", "create", "--main", main, "--name", "Compta", "--mailbox"});
  CHECK(over.exit_code == 1);
  CHECK(over.err.find("ACC-LIMIT") != std::string::npos);
  auto free = cli.run({"secondary", "create", "--main", main, "--name", "Compta", "--json"});
  REQUIRE(free.exit_code == 0);
  const auto sub = nlohmann::json::parse(free.out);
  CHECK(sub.at("display_name") == "Compta - ACME SAS");
  CHECK(sub.at("mailbox") == false);
  const std::string sub_id = std::to_string(sub.at("id").get<std::int64_t>());
  auto nested = cli.run({"secondary", "create", "--main", sub_id, "--name", "Deeper"});
  CHECK(nested.exit_code == 1);
  CHECK(nested.err.find("ACC-NESTED") != std::string::npos);
  auto mailbox = cli.run({"account", "mailbox", sub_id, "on"});
  CHECK(mailbox.exit_code == 1);
  CHECK(mailbox.err.find("ACC-LIMIT") != std::string::npos);
}

TEST_CASE("Usage and I/O errors exit 2", "[accounts][cli]") {
  Cli cli;
  // No database named.
  auto none = run_einvoice({"accounts", "account", "list"}, "", cli.scratch.dir(), cli.variables);
  CHECK(none.exit_code == 2);
  CHECK(none.err.find("EINVOICE_ACCOUNTS_DB") != std::string::npos);
  CHECK(cli.run({"company", "add", "--account", "1", "--siren", "542107651", "--employees", "12-20",
                 "--purchase"})
            .exit_code == 2);
  CHECK(cli.run({"frobnicate"}).exit_code == 2);
  auto missing = cli.run(
      {"company", "import", "--account", "1", (cli.scratch.dir() / "missing.csv").string()});
  CHECK(missing.exit_code != 0);
  // A database file that is not one.
  einvoice::testing::write_text(cli.scratch.dir() / "junk.sqlite", std::string(4096, 'j'));
  auto junk = run_einvoice(
      {"accounts", "--db", (cli.scratch.dir() / "junk.sqlite").string(), "account", "list"}, "",
      cli.scratch.dir(), cli.variables);
  CHECK(junk.exit_code == 2);
  auto bad_cost = run_einvoice({"accounts", "--db", cli.db, "account", "list"}, "",
                               cli.scratch.dir(), {"EINVOICE_ACCOUNTS_ARGON2=m=1"});
  CHECK(bad_cost.exit_code == 2);
  CHECK(bad_cost.err.find("EINVOICE_ACCOUNTS_ARGON2") != std::string::npos);
}

TEST_CASE("EINVOICE_ACCOUNTS_DB names the database", "[accounts][cli]") {
  Cli cli;
  const auto id = cli.create_main(0);
  auto variables = cli.variables;
  variables.push_back("EINVOICE_ACCOUNTS_DB=" + cli.db);
  auto listed =
      run_einvoice({"accounts", "account", "list", "--json"}, "", cli.scratch.dir(), variables);
  REQUIRE(listed.exit_code == 0);
  CHECK(nlohmann::json::parse(listed.out).at("id") == id);
}

TEST_CASE("deactivate, reactivate, and password set notifies through the outbox",
          "[accounts][cli]") {
  Cli cli;
  const auto id = std::to_string(cli.create_main(0));
  REQUIRE(cli.run({"account", "deactivate", id}).exit_code == 0);
  auto listed = cli.run({"account", "list", "--state", "deactivated", "--json"});
  REQUIRE(listed.exit_code == 0);
  CHECK(nlohmann::json::parse(listed.out).at("state") == "deactivated");
  auto refused = cli.run({"password", "set", id}, "Another#Pass12\n");
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("ACC-INACTIVE") != std::string::npos);
  REQUIRE(cli.run({"account", "reactivate", id}).exit_code == 0);
  REQUIRE(cli.run({"password", "set", id}, "Another#Pass12\n").exit_code == 0);
  auto outbox = cli.run({"outbox", "list", "--json"});
  REQUIRE(outbox.exit_code == 0);
  const auto message = nlohmann::json::parse(outbox.out);
  CHECK(message.at("to") == "boss@acme.example");
  CHECK(message.at("body").get<std::string>().find("has just been changed") != std::string::npos);
  CHECK(cli.run({"password", "check", id}, "Another#Pass12").exit_code == 0);
}

TEST_CASE("company add and import, with the JSON report", "[accounts][cli]") {
  Cli cli;
  const auto account = std::to_string(cli.create_main(0));
  auto added = cli.run({"company", "add", "--account", account, "--siret", "44306184100047",
                        "--employees", "250+", "--purchase", "--payment", "--json"});
  REQUIRE(added.exit_code == 0);
  const auto company = nlohmann::json::parse(added.out);
  CHECK(company.at("id").get<std::int64_t>() > 0);
  CHECK(company.at("identifier_type") == "SIRET");
  CHECK(company.at("payment") == true);
  auto payment_only = cli.run({"company", "add", "--account", account, "--siren", "542107651",
                               "--employees", "1-10", "--payment", "--sales"});
  CHECK(payment_only.exit_code == 1);
  CHECK(payment_only.err.find("CO-PAYMENT") != std::string::npos);
  auto both = cli.run({"company", "add", "--account", account, "--siren", "542107651", "--siret",
                       "44306184100047", "--employees", "1-10", "--sales"});
  CHECK(both.exit_code == 2);

  const auto csv = cli.scratch.dir() / "companies.csv";
  einvoice::testing::write_text(csv,
                                "\xEF\xBB\xBFtype,identifier,employees,purchase,payment,sales,"
                                "duplicates\r\n"
                                "SIREN,542107651,1-10,1,0,0,0\r\n"
                                "SIRET,44306184100047,1-10,1,0,0,0\r\n"
                                "SIREN,732829320,1-10,1,0\r\n");
  auto report =
      cli.run({"company", "import", "--account", account, csv.string(), "--header", "--json"});
  CHECK(report.exit_code == 1);
  const auto json = nlohmann::json::parse(report.out);
  CHECK(json.at("imported") == 1);
  REQUIRE(json.at("errors").size() == 2);
  CHECK(json.at("errors")[0].at("line") == 3);
  CHECK(json.at("errors")[0].at("reason").get<std::string>().rfind("CO-DUPLICATE", 0) == 0);
  CHECK(json.at("errors")[1].at("line") == 4);
  CHECK(json.at("errors")[1].at("reason").get<std::string>().rfind("CSV-COLUMNS", 0) == 0);

  // --enrol: the eligible companies imported go into one bulk agreement.
  const auto bulk_csv = cli.scratch.dir() / "bulk.csv";
  einvoice::testing::write_text(bulk_csv,
                                "SIREN;552100554;1-10;1;0;0;0\n"
                                "SIREN;572015246;11-20;1;1;1;0\n"
                                "SIREN;652014051;1-10;0;0;1;0\n");
  auto enrol =
      cli.run({"company", "import", "--account", account, bulk_csv.string(), "--enrol", "--json"});
  REQUIRE(enrol.exit_code == 0);
  const auto enrolled = nlohmann::json::parse(enrol.out);
  CHECK(enrolled.at("imported") == 3);
  const auto agreement = enrolled.at("enrolment").get<std::int64_t>();
  auto shown = cli.run({"enrol", "show", std::to_string(agreement), "--json"});
  REQUIRE(shown.exit_code == 0);
  const auto listed = nlohmann::json::parse(shown.out);
  CHECK(listed.at("bulk") == true);
  CHECK(listed.at("stage") == "draft");
  REQUIRE(listed.at("companies").size() == 2);
  CHECK(listed.at("companies")[0].at("identifier") == "552100554");
  auto status = cli.run({"enrol", "status", "--account", account, "--json"});
  REQUIRE(status.exit_code == 0);
  CHECK(status.out.find(R"("identifier":"552100554","name":"","state":"multiple")") !=
        std::string::npos);
  CHECK(status.out.find(R"("identifier":"652014051","name":"","state":"not-applicable")") !=
        std::string::npos);

  auto search =
      cli.run({"company", "search", "--account", account, "--identifier", "5421", "--json"});
  REQUIRE(search.exit_code == 0);
  CHECK(nlohmann::json::parse(search.out).at("identifier") == "542107651");
  const auto empty = cli.scratch.dir() / "empty.csv";
  einvoice::testing::write_text(empty, "");
  auto refused = cli.run({"company", "import", "--account", account, empty.string()});
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("CSV-EMPTY") != std::string::npos);
}

TEST_CASE("API tokens from the command line", "[accounts][cli]") {
  Cli cli;
  const auto id = std::to_string(cli.create_main(0));
  auto issued = cli.run({"token", "issue", id, "--label", "erp", "--days", "30", "--json"});
  REQUIRE(issued.exit_code == 0);
  const auto token = nlohmann::json::parse(issued.out);
  const std::string secret = token.at("secret");
  CHECK(cli.run({"token", "check"}, secret + "\n").exit_code == 0);
  REQUIRE(
      cli.run({"token", "revoke", std::to_string(token.at("id").get<std::int64_t>())}).exit_code ==
      0);
  auto revoked = cli.run({"token", "check"}, secret + "\n");
  CHECK(revoked.exit_code == 1);
  CHECK(revoked.err.find("TOKEN-REVOKED") != std::string::npos);
}

TEST_CASE("may prints the decision and exits 0 or 1", "[accounts][cli][decision]") {
  Cli cli;
  const auto account = std::to_string(cli.create_main(0));
  REQUIRE(cli.run({"company", "add", "--account", account, "--siren", "542107651", "--employees",
                   "1-10", "--sales"})
              .exit_code == 0);
  auto allowed =
      cli.run({"may", "--account", account, "--action", "submit", "--siren", "542107651"});
  CHECK(allowed.exit_code == 0);
  CHECK(allowed.out.rfind("allowed: ", 0) == 0);
  auto denied = cli.run(
      {"may", "--account", account, "--action", "receive", "--siren", "542107651", "--json"});
  CHECK(denied.exit_code == 1);
  const auto json = nlohmann::json::parse(denied.out);
  CHECK(json.at("allowed") == false);
  CHECK(json.at("rule") == "CO-OPTION");
  auto unknown = cli.run({"may", "--account", account, "--action", "view", "--siren", "732829320"});
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.out.find("CO-UNKNOWN") != std::string::npos);
  CHECK(
      cli.run({"may", "--account", account, "--action", "fly", "--siren", "542107651"}).exit_code ==
      2);
}

TEST_CASE("role: adhesion by post, grants, refusals naming the rule, history",
          "[accounts][cli][roles]") {
  Cli cli;
  const auto main = std::to_string(cli.create_main(1));
  auto sub = cli.run({"secondary", "create", "--main", main, "--name", "Compta", "--json"});
  REQUIRE(sub.exit_code == 0);
  const auto other = std::to_string(nlohmann::json::parse(sub.out).at("id").get<std::int64_t>());
  const std::vector<std::string> scope{"--siren", "542107651", "--service", "einvoicing"};
  auto with = [&](std::vector<std::string> arguments) {
    arguments.insert(arguments.end(), scope.begin(), scope.end());
    return arguments;
  };
  // No administrator of the service yet: the main account may not manage accounts.
  auto denied =
      cli.run({"may", "--account", main, "--action", "manage-accounts", "--siren", "542107651"});
  CHECK(denied.exit_code == 1);
  CHECK(denied.out.find("ROLE-ADMIN") != std::string::npos);
  // The AT is not appointed: only a code by post makes one.
  auto at = cli.run(with({"role", "grant", "--account", main, "--role", "AT"}));
  CHECK(at.exit_code == 1);
  CHECK(at.err.find("ROLE-APPOINT") != std::string::npos);
  REQUIRE(cli.run(with({"role", "adhesion", "--account", main})).exit_code == 0);
  auto letters = cli.run({"outbox", "list", "--json"});
  REQUIRE(letters.exit_code == 0);
  const auto letter = nlohmann::json::parse(letters.out);
  CHECK(letter.at("to") == "post: company SIREN 542107651, registered address");
  const std::string body = letter.at("body");
  const std::string code = body.substr(body.find("Code: ") + 6, 12);
  auto wrong = cli.run(with({"role", "redeem", "--account", main}), "AAAAAAAAAAAA\n");
  CHECK(wrong.exit_code == 1);
  CHECK(wrong.err.find("CODE-WRONG") != std::string::npos);
  REQUIRE(cli.run(with({"role", "redeem", "--account", main}), code + "\n").exit_code == 0);
  auto replay = cli.run(with({"role", "redeem", "--account", main}), code + "\n");
  CHECK(replay.exit_code == 1);
  CHECK(replay.err.find("CODE-USED") != std::string::npos);
  CHECK(cli.run({"may", "--account", main, "--action", "manage-accounts", "--siren", "542107651"})
            .exit_code == 0);

  auto granted =
      cli.run(with({"role", "grant", "--account", other, "--role", "AS", "--by", main, "--json"}));
  REQUIRE(granted.exit_code == 0);
  const auto transition = nlohmann::json::parse(granted.out);
  CHECK(transition.at("event") == "create");
  CHECK(transition.at("after").at("role") == "AS");
  CHECK(transition.at("before").is_null());
  auto second = cli.run(with({"role", "grant", "--account", other, "--role", "acteur"}));
  CHECK(second.exit_code == 1);
  CHECK(second.err.find("ROLE-COMBINE") != std::string::npos);
  auto again = cli.run(with({"role", "adhesion", "--account", other}));
  CHECK(again.exit_code == 1);
  CHECK(again.err.find("ROLE-MANAGED") != std::string::npos);
  REQUIRE(cli.run(with({"role", "standby", "--account", other, "--by", main})).exit_code == 0);
  auto reactivate_twice = cli.run(with({"role", "standby", "--account", other}));
  CHECK(reactivate_twice.exit_code == 1);
  CHECK(reactivate_twice.err.find("ROLE-STATE") != std::string::npos);
  REQUIRE(cli.run(with({"role", "reactivate", "--account", other})).exit_code == 0);

  auto list = cli.run({"role", "list", "--siren", "542107651"});
  REQUIRE(list.exit_code == 0);
  CHECK(list.out.find("AT\tactive") != std::string::npos);
  CHECK(list.out.find("AS\tactive") != std::string::npos);
  REQUIRE(cli.run(with({"role", "revoke", "--account", other})).exit_code == 0);
  auto history = cli.run({"role", "history", "--siren", "542107651"});
  REQUIRE(history.exit_code == 0);
  CHECK(std::count(history.out.begin(), history.out.end(), '\n') == 5);
  CHECK(history.out.find("adhesion by " + main) != std::string::npos);
  CHECK(history.out.find("delete by administrator\tAS (active) -> none") != std::string::npos);
}

}  // namespace
}  // namespace einvoice::accounts

namespace einvoice::accounts {
namespace {

// Runs a shell command in `dir`; true when it exits 0.
bool shell(const std::filesystem::path& dir, const std::string& command) {
  return std::system(("cd '" + dir.string() + "' && " + command).c_str()) == 0;
}

// The one-time code of the last message in the outbox.
std::string code_in_outbox(const Cli& cli) {
  auto outbox = cli.run({"outbox", "list", "--json"});
  REQUIRE(outbox.exit_code == 0);
  const auto last = outbox.out.rfind("invoices: ");
  REQUIRE(last != std::string::npos);
  return outbox.out.substr(last + 10, 6);
}

TEST_CASE(
    "enrol: the formal agreement through the command, its sealed certificate verified by "
    "einvoice verify and pdfsig",
    "[accounts][cli][enrolment][tools]") {
  Cli cli;
  const auto dir = cli.scratch.dir();
  if (!shell(dir,
             "command -v openssl && command -v qpdf && command -v pdftotext && command -v "
             "pdfsig && command -v certutil && command -v sqlite3 >/dev/null")) {
    WARN("skipped: openssl, qpdf, poppler-utils, libnss3-tools or sqlite3 is not installed");
    return;
  }
  const auto account = std::to_string(cli.create_main(0));
  auto added = cli.run({"company", "add", "--account", account, "--siren", "443061841",
                        "--employees", "21-50", "--purchase", "--name", "Achats Éléphant SARL",
                        "--address", "12 avenue des Champs, 69001 Lyon", "--json"});
  REQUIRE(added.exit_code == 0);
  const auto company = std::to_string(nlohmann::json::parse(added.out).at("id").get<int>());
  CHECK(cli.run({"may", "--account", account, "--action", "receive", "--siren", "443061841"})
            .exit_code == 1);

  // The platform's seal, issued by a throw-away root: the archive's seal
  // file format, "as" PAdES.
  REQUIRE(shell(dir,
                "mkdir -p seal trust && cd seal && openssl req -x509 -newkey ec -pkeyopt "
                "ec_paramgen_curve:P-256 -nodes -keyout ca-key.pem -out ca.pem -days 30 "
                "-subj '/CN=einvoice test root/O=Test' -addext "
                "basicConstraints=critical,CA:TRUE -addext "
                "keyUsage=critical,keyCertSign,cRLSign 2>/dev/null && openssl req -newkey ec "
                "-pkeyopt ec_paramgen_curve:P-256 -nodes -keyout key.pem -out seal.csr -subj "
                "'/CN=einvoice test platform seal/O=Test' 2>/dev/null && printf "
                "'keyUsage=critical,digitalSignature,nonRepudiation\\n' > ext.cnf && openssl "
                "x509 -req -in seal.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -out "
                "cert.pem -days 30 -extfile ext.cnf 2>/dev/null && cp ca.pem ../trust/"));
  einvoice::testing::write_text(
      dir / "seal" / "seal.json",
      R"({"key": "key.pem", "cert": "cert.pem", "chain": "ca.pem", "as": "pades"})");
  const std::string seal = (dir / "seal" / "seal.json").string();

  auto started = cli.run({"enrol", "start", "--account", account, "--company", company, "--json"});
  REQUIRE(started.exit_code == 0);
  const auto id = std::to_string(nlohmann::json::parse(started.out).at("id").get<int>());
  REQUIRE(cli.run({"enrol", "authority", id, "--confirm"}).exit_code == 0);
  REQUIRE(cli.run({"enrol", "signer", id, "--first-name", "Alice", "--last-name", "Martin",
                   "--function", "Gérante", "--email", "alice@acme.example"})
              .exit_code == 0);
  REQUIRE(cli.run({"enrol", "send-code", id}).exit_code == 0);
  auto early = cli.run({"enrol", "resend", id});
  CHECK(early.exit_code == 1);
  CHECK(early.err.find("ENROL-RESEND") != std::string::npos);
  const std::string code = code_in_outbox(cli);
  auto wrong = cli.run({"enrol", "--seal", seal, "confirm", id},
                       std::string(code == "000000" ? "000001" : "000000") + "\n");
  CHECK(wrong.exit_code == 1);
  CHECK(wrong.err.find("ENROL-CODE-WRONG") != std::string::npos);
  auto signed_run = cli.run({"enrol", "--seal", seal, "confirm", id, "--json"}, code + "\n");
  INFO(signed_run.err);
  REQUIRE(signed_run.exit_code == 0);
  CHECK(nlohmann::json::parse(signed_run.out).at("stage") == "signed");
  auto replay = cli.run({"enrol", "confirm", id}, code + "\n");
  CHECK(replay.exit_code == 1);
  CHECK(replay.err.find("ENROL-STATE") != std::string::npos);

  // Downloadable again later, from the database.
  const auto pdf = dir / "certificate.pdf";
  REQUIRE(cli.run({"enrol", "certificate", id, "--out", pdf.string()}).exit_code == 0);
  CHECK(shell(dir, "qpdf --check certificate.pdf >/dev/null"));
  REQUIRE(shell(dir, "pdftotext certificate.pdf certificate.txt"));
  const std::string text = testing::slurp(dir / "certificate.txt");
  INFO(text);
  for (const char* expected : {"approved platform for receiving invoices", "Achats Éléphant SARL",
                               "443061841", "12 avenue des Champs", "Alice Martin", "Gérante"})
    CHECK(text.find(expected) != std::string::npos);
  auto verified =
      run_einvoice({"verify", pdf.string(), "--trust", (dir / "trust").string()}, "", dir);
  INFO(verified.out << verified.err);
  CHECK(verified.exit_code == 0);
  CHECK(verified.out.find("TOTAL_PASSED") != std::string::npos);
  REQUIRE(shell(dir,
                "mkdir -p nss && certutil -N --empty-password -d sql:nss && certutil -A -n "
                "root -t CT,C,C -i seal/ca.pem -d sql:nss"));
  shell(dir, "pdfsig -nssdir sql:nss certificate.pdf > pdfsig.txt 2>&1");
  const std::string pdfsig = testing::slurp(dir / "pdfsig.txt");
  INFO(pdfsig);
  CHECK(pdfsig.find("Signature is Valid") != std::string::npos);
  CHECK(pdfsig.find("Certificate is Trusted") != std::string::npos);

  auto status = cli.run({"enrol", "status", "--account", account});
  CHECK(status.out.find("443061841\tcertificate\tagreement " + id) != std::string::npos);
  CHECK(cli.run({"may", "--account", account, "--action", "receive", "--siren", "443061841"})
            .exit_code == 0);

  // The journal holds; a row edited in the database is named.
  auto journal = cli.run({"journal", "verify"});
  CHECK(journal.exit_code == 0);
  CHECK(journal.out.find("the chain holds") != std::string::npos);
  REQUIRE(shell(dir,
                "sqlite3 accounts.sqlite \"UPDATE journal SET line = replace(line, "
                "'Gérante', 'Présidente') WHERE seq = 6\""));
  journal = cli.run({"journal", "verify", "--json"});
  CHECK(journal.exit_code == 1);
  CHECK(journal.out.find("row 7: does not hold the hash of row 6") != std::string::npos);
}

}  // namespace
}  // namespace einvoice::accounts
