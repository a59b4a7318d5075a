// The companies CSV import (portal.md 2): 7 columns in order, header flag,
// ';' or ',', UTF-8 with or without BOM, every bad line reported with its
// number and reason, good lines imported in one transaction, 50,000 lines.
#include <catch2/catch.hpp>
#include <chrono>

#include "accounts/company_csv.h"
#include "tests/accounts/accounts_test_support.h"

namespace einvoice::accounts {
namespace {

using testing::Fixture;

// The reason reported for `line`, or "" when that line is not reported.
std::string reason_for(const std::vector<LineError>& errors, std::size_t line) {
  for (const auto& e : errors) {
    if (e.line == line)
      return e.reason;
  }
  return "";
}

std::string rule(const std::string& reason) {
  return reason.substr(0, reason.find(':'));
}

TEST_CASE("CSV: the bad lines of the issue, each reported with its reason", "[accounts][csv]") {
  Fixture f;
  const auto main = f.main_account();
  const std::string csv =
      "SIREN;542107651;1-10;1;0;0;0\n"         // 1 good
      "SIREN;732829320;12-20;1;0;1;0\n"        // 2 wrong bracket
      "SIRET;44306184100048;21-50;0;0;1;0\n"   // 3 bad SIRET key
      "SIREN;542107651;51-250;0;0;1;1\n"       // 4 duplicate of line 1
      "SIREN;123456782;250+;1;0;1\n"           // 5 six columns
      "SIREN;12345678A;1-10;1;0;0;0\n"         // 6 non-digit identifier
      "SIRET;44306184100047;250+;1;1;1;1\n"    // 7 good
      "SIREN;987654324;11-20;0;1;1;0\n"        // 8 payment without purchase
      "SIREN;987654324;11-20;0;0;0;1\n"        // 9 neither purchase nor sales
      "RCS;987654324;11-20;1;0;0;0\n"          // 10 unknown identifier type
      "SIREN;987654324;11-20;1;2;0;0\n"        // 11 option not 0/1
      "SIREN;987654324;11-20;1;0;0;0;extra\n"  // 12 eight columns
      "SIRET;356000000;1-10;1;0;0;0\n";        // 13 SIREN length under SIRET
  auto report = f.accounts.import_companies(main.id, csv, false, "companies.csv");
  REQUIRE(report);
  CHECK(report->imported == 2);
  REQUIRE(report->errors.size() == 11);
  CHECK(reason_for(report->errors, 1).empty());
  CHECK(rule(reason_for(report->errors, 2)) == "CO-EMPLOYEES");
  CHECK(reason_for(report->errors, 2).find("'12-20'") != std::string::npos);
  CHECK(rule(reason_for(report->errors, 3)) == "CO-KEY");
  CHECK(rule(reason_for(report->errors, 4)) == "CO-DUPLICATE");
  CHECK(reason_for(report->errors, 4).find("line 1") != std::string::npos);
  CHECK(rule(reason_for(report->errors, 5)) == "CSV-COLUMNS");
  CHECK(reason_for(report->errors, 5).find("has 6 columns") != std::string::npos);
  CHECK(rule(reason_for(report->errors, 6)) == "CO-IDENTIFIER");
  CHECK(reason_for(report->errors, 7).empty());
  CHECK(rule(reason_for(report->errors, 8)) == "CO-PAYMENT");
  CHECK(rule(reason_for(report->errors, 9)) == "CO-OPTIONS");
  CHECK(rule(reason_for(report->errors, 10)) == "CO-TYPE");
  CHECK(rule(reason_for(report->errors, 11)) == "CSV-FLAG");
  CHECK(reason_for(report->errors, 11).find("column 5 (purchase payment)") != std::string::npos);
  CHECK(reason_for(report->errors, 12).find("has 8 columns") != std::string::npos);
  CHECK(rule(reason_for(report->errors, 13)) == "CO-IDENTIFIER");
  // In line order.
  for (std::size_t i = 1; i < report->errors.size(); ++i)
    CHECK(report->errors[i - 1].line < report->errors[i].line);
  const auto stored = f.accounts.search_companies(main.id, false, "", "");
  REQUIRE(stored->size() == 2);
  CHECK(stored->at(0).identifier == "542107651");
  CHECK(stored->at(0).options.purchase);
  CHECK_FALSE(stored->at(0).options.sales);
  CHECK(stored->at(1).identifier == "44306184100047");
  CHECK(stored->at(1).employees == EmployeeBracket::kOver250);
  CHECK(stored->at(1).options.duplicates);
}

TEST_CASE("CSV: a company already stored is a duplicate on its line", "[accounts][csv]") {
  Fixture f;
  const auto main = f.main_account();
  REQUIRE(f.accounts.import_companies(main.id, "SIREN;542107651;1-10;1;0;0;0\n", false, "a.csv"));
  auto report = f.accounts.import_companies(
      main.id, "SIREN;732829320;1-10;1;0;0;0\nSIREN;542107651;1-10;1;0;0;0\n", false, "b.csv");
  REQUIRE(report);
  CHECK(report->imported == 1);
  REQUIRE(report->errors.size() == 1);
  CHECK(report->errors[0].line == 2);
  CHECK(rule(report->errors[0].reason) == "CO-DUPLICATE");
}

TEST_CASE("CSV as spreadsheets write it: BOM, CRLF, commas, quotes, header, blank rows",
          "[accounts][csv]") {
  const CsvLimits limits;
  SECTION("BOM, CRLF, ';', header, empty rows of separators") {
    const std::string csv =
        "\xEF\xBB\xBF"
        "Type;Identifiant;Effectif;Achat;Paiement;Vente;Doublons\r\n"
        "SIREN;542107651;1-10;1;0;0;0\r\n"
        ";;;;;;\r\n"
        "\r\n"
        " SIRET ; 44306184100047 ; 250+ ;0;0;1;0\r\n";
    auto parsed = parse_company_csv(csv, true, limits, "x.csv");
    REQUIRE(parsed);
    CHECK(parsed->separator == ';');
    CHECK(parsed->errors.empty());
    REQUIRE(parsed->companies.size() == 2);
    CHECK(parsed->companies[0].line == 2);
    CHECK(parsed->companies[1].line == 5);
    CHECK(parsed->companies[1].identifier == "44306184100047");
  }
  SECTION("',' and quoted fields") {
    auto parsed =
        parse_company_csv("\"SIREN\",\"542107651\",\"1-10\",1,0,0,0\n", false, limits, "x.csv");
    REQUIRE(parsed);
    CHECK(parsed->separator == ',');
    REQUIRE(parsed->companies.size() == 1);
    auto broken = parse_company_csv("\"SIREN,542107651,1-10,1,0,0,0\n", false, limits, "x.csv");
    REQUIRE(broken);
    REQUIRE(broken->errors.size() == 1);
    CHECK(rule(broken->errors[0].reason) == "CSV-QUOTE");
  }
  SECTION("without --header, a header line is refused with a hint") {
    auto parsed = parse_company_csv("type;id;n;a;p;s;d\nSIREN;542107651;1-10;1;0;0;0\n", false,
                                    limits, "x.csv");
    REQUIRE(parsed);
    REQUIRE(parsed->errors.size() == 1);
    CHECK(parsed->errors[0].line == 1);
    CHECK(parsed->errors[0].reason.find("--header") != std::string::npos);
    CHECK(parsed->companies.size() == 1);
  }
  SECTION("a number a spreadsheet turned into a float is not digits") {
    auto parsed = parse_company_csv("SIRET;4,43062E+13;1-10;1;0;0;0\n", false, limits, "x.csv");
    REQUIRE(parsed);
    REQUIRE(parsed->errors.size() == 1);
    CHECK(rule(parsed->errors[0].reason) == "CO-IDENTIFIER");
  }
  SECTION("text that is not UTF-8") {
    auto parsed = parse_company_csv("SIREN;542107651;1-10;1;0;0;0\nSIREN;\xE9t\xE9;1-10;1;0;0;0\n",
                                    false, limits, "x.csv");
    REQUIRE(parsed);
    REQUIRE(parsed->errors.size() == 1);
    CHECK(parsed->errors[0].line == 2);
    CHECK(rule(parsed->errors[0].reason) == "CSV-UTF8");
  }
}

TEST_CASE("CSV: an empty file, or one with a header only, is refused whole", "[accounts][csv]") {
  const CsvLimits limits;
  for (const std::string csv : {"", "\xEF\xBB\xBF", "\n\n", ";;;;;;\n"}) {
    auto parsed = parse_company_csv(csv, false, limits, "empty.csv");
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().code == model::ErrorCode::kInvalid);
    CHECK(parsed.error().message.rfind("CSV-EMPTY:", 0) == 0);
    CHECK(parsed.error().where.file == "empty.csv");
  }
  auto header_only = parse_company_csv("type;id;n;a;p;s;d\n", true, limits, "h.csv");
  REQUIRE_FALSE(header_only);
  CHECK(header_only.error().message.find("after its header") != std::string::npos);
  Fixture f;
  const auto main = f.main_account();
  CHECK_FALSE(f.accounts.import_companies(main.id, "", false, "empty.csv"));
}

TEST_CASE("CSV limits: file size, line count, line length", "[accounts][csv]") {
  CsvLimits limits;
  limits.max_bytes = 100;
  limits.max_lines = 3;
  limits.max_line_bytes = 40;
  auto big = parse_company_csv(std::string(101, 'x'), false, limits, "big.csv");
  REQUIRE_FALSE(big);
  CHECK(big.error().code == model::ErrorCode::kLimitExceeded);
  auto many = parse_company_csv("\n\n\n\n", false, limits, "many.csv");
  REQUIRE_FALSE(many);
  CHECK(many.error().code == model::ErrorCode::kLimitExceeded);
  CHECK(many.error().where.line == 4);
  auto wide = parse_company_csv("SIREN;542107651;1-10;1;0;0;0\n" + std::string(41, ';') + "\n",
                                false, limits, "wide.csv");
  REQUIRE(wide);
  REQUIRE(wide->errors.size() == 1);
  CHECK(wide->errors[0].line == 2);
  CHECK(rule(wide->errors[0].reason) == "CSV-LINE");
}

TEST_CASE("CSV: 50,000 lines import in one go", "[accounts][csv][slow]") {
  Fixture f;
  const auto main = f.main_account();
  std::string csv = "type;identifier;employees;purchase;payment;sales;duplicates\n";
  const std::size_t lines = 50000;
  for (std::size_t i = 0; i < lines; ++i) {
    std::string prefix = std::to_string(10000000 + i * 7);  // 8 digits, distinct
    const std::string siren = testing::with_check_digit(prefix);
    csv += (i % 2 ? "SIREN;" + siren : "SIRET;" + testing::with_check_digit(siren + "0001")) + ";" +
           (i % 3 ? "1-10" : "250+") + ";1;" + (i % 5 ? "1" : "0") + ";1;0\n";
  }
  csv += "SIREN;000000001;1-10;1;0;0;0\n";  // the last line is bad
  const auto start = std::chrono::steady_clock::now();
  auto report = f.accounts.import_companies(main.id, csv, true, "big.csv");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(report);
  CHECK(report->imported == lines);
  REQUIRE(report->errors.size() == 1);
  CHECK(report->errors[0].line == lines + 2);
  CHECK(f.store->search_companies({})->size() == lines);
  WARN("50,000 lines imported in " << seconds << " s (sanitizer build)");
}

}  // namespace
}  // namespace einvoice::accounts
