// The pure rules: identifiers and their check digits, the password
// characters, Argon2id PHC strings, services and company options.
#include <catch2/catch.hpp>

#include "accounts/account.h"
#include "accounts/company.h"
#include "accounts/company_identifier.h"
#include "accounts/password_hasher.h"
#include "accounts/password_rule.h"
#include "env/random_source.h"
#include "tests/accounts/accounts_test_support.h"

namespace einvoice::accounts {
namespace {

TEST_CASE("SIREN: nine digits with a Luhn check digit", "[accounts][identifier]") {
  for (const char* good : {"542107651", "732829320", "123456782", "987654324", "356000000"})
    CHECK_FALSE(siren_problem(good));
  const auto key = siren_problem("542107652");
  REQUIRE(key);
  CHECK(key->rfind("CO-KEY:", 0) == 0);
  CHECK(key->find("542107652") != std::string::npos);
  const auto letters = siren_problem("54210765A");
  REQUIRE(letters);
  CHECK(letters->rfind("CO-IDENTIFIER:", 0) == 0);
  CHECK(letters->find("character 9") != std::string::npos);
  REQUIRE(siren_problem("54210765"));
  CHECK(siren_problem("54210765")->find("9 digits, not 8") != std::string::npos);
  CHECK(siren_problem(""));
  CHECK(siren_problem("5421076510"));
}

TEST_CASE("SIRET: fourteen digits, Luhn over all and over its SIREN", "[accounts][identifier]") {
  CHECK_FALSE(siret_problem("44306184100047"));
  CHECK_FALSE(siret_problem("54210765110002"));
  REQUIRE(siret_problem("44306184100048"));
  CHECK(siret_problem("44306184100048")->rfind("CO-KEY:", 0) == 0);
  CHECK(siret_problem("4430618410004")->rfind("CO-IDENTIFIER:", 0) == 0);
  CHECK(siret_problem("443 061 841 00047"));
  // A SIRET that passes Luhn over 14 digits while its SIREN part does not.
  std::string bad_siren_prefix = "542107652";
  std::string siret;
  for (int nic = 0; nic < 10000 && siret.empty(); ++nic) {
    std::string candidate =
        bad_siren_prefix + std::string(5 - std::to_string(nic).size(), '0') + std::to_string(nic);
    if (testing::luhn_sum(candidate) % 10 == 0)
      siret = candidate;
  }
  REQUIRE_FALSE(siret.empty());
  REQUIRE(siret_problem(siret));
  CHECK(siret_problem(siret)->find("starts with SIREN 542107652") != std::string::npos);
}

TEST_CASE("La Poste's SIRETs: a digit sum that is a multiple of 5", "[accounts][identifier]") {
  CHECK_FALSE(siret_problem("35600000000048"));  // Luhn-valid
  CHECK_FALSE(siret_problem("35600000000001"));  // digit sum 15, not Luhn
  REQUIRE(siret_problem("35600000000002"));      // neither
  CHECK(siret_problem("35600000000002")->find("La Poste") != std::string::npos);
  // Another SIREN's SIRET with a digit sum multiple of 5 but no Luhn: refused.
  CHECK(testing::luhn_sum("44306184100001") % 10 != 0);
  CHECK(siret_problem("44306184100001"));
}

TEST_CASE("Luhn itself", "[accounts][identifier]") {
  CHECK(luhn_valid("0"));
  CHECK(luhn_valid("18"));
  CHECK_FALSE(luhn_valid("19"));
  CHECK_FALSE(luhn_valid(""));
  CHECK_FALSE(luhn_valid("1a"));
  for (const char* prefix : {"12345678", "00000001", "99999999", "35600000"})
    CHECK(luhn_valid(testing::with_check_digit(prefix)));
}

TEST_CASE("Passwords: digits, unaccented letters and the portal's specials only",
          "[accounts][password]") {
  const PasswordRule rule;  // 12 to 128
  CHECK_FALSE(password_problem("Abcdef123456", rule));
  CHECK_FALSE(password_problem(R"(!"#$%^&*()_+={[]};@~\|<,>./aA1)", rule));
  SECTION("an accented letter is named") {
    const auto problem = password_problem("Mot2passeSécurisé", rule);
    REQUIRE(problem);
    CHECK(problem->rfind("PWD-CHAR:", 0) == 0);
    CHECK(problem->find("'\xC3\xA9' (U+00E9)") != std::string::npos);
  }
  SECTION("the euro sign is named") {
    const auto problem = password_problem(
        "Prix100\xE2\x82\xAC"
        "abcdef",
        rule);
    REQUIRE(problem);
    CHECK(problem->find("(U+20AC)") != std::string::npos);
  }
  SECTION("characters outside the list: space, dash, quote, question mark, colon, backtick") {
    for (std::string c : {" ", "-", "'", "?", ":", "`"}) {
      const auto problem = password_problem("Abcdef123456" + c, rule);
      REQUIRE(problem);
      CHECK(problem->rfind("PWD-CHAR:", 0) == 0);
    }
    CHECK(password_problem("Abcdef 123456", rule)->find("a space (U+0020)") != std::string::npos);
  }
  SECTION("bytes that are not UTF-8 and control characters") {
    CHECK(password_problem(std::string("Abcdef123456\xFF"), rule)->find("0xFF (not UTF-8)") !=
          std::string::npos);
    CHECK(password_problem(std::string("Abcdef123456\t"), rule)->find("control character") !=
          std::string::npos);
  }
  SECTION("length") {
    const auto short_one = password_problem("Abc123", rule);
    REQUIRE(short_one);
    CHECK(short_one->rfind("PWD-LENGTH:", 0) == 0);
    CHECK(short_one->find("at least 12") != std::string::npos);
    CHECK(password_problem(std::string(129, 'a'), rule)->find("at most 128") != std::string::npos);
    CHECK_FALSE(password_problem("Abc123", PasswordRule{6, 128}));
  }
}

TEST_CASE("Argon2id hashes record their parameters", "[accounts][password]") {
  env::CountingRandom random(1);
  const Argon2Parameters cheap{256, 1, 1};
  auto hash = hash_password("Correct#Horse1", cheap, random);
  REQUIRE(hash);
  CHECK(hash->rfind("$argon2id$v=19$m=256,t=1,p=1$", 0) == 0);
  CHECK(verify_password("Correct#Horse1", *hash));
  CHECK_FALSE(verify_password("Correct#Horse2", *hash));
  const auto recorded = phc_parameters(*hash);
  REQUIRE(recorded);
  CHECK(recorded->memory_kib == 256);
  CHECK(needs_rehash(*hash, Argon2Parameters{512, 1, 1}));
  CHECK(needs_rehash(*hash, Argon2Parameters{256, 2, 1}));
  CHECK_FALSE(needs_rehash(*hash, cheap));
  // Two hashes of one password differ (salt).
  auto again = hash_password("Correct#Horse1", cheap, random);
  REQUIRE(again);
  CHECK(*again != *hash);
  SECTION("a stored hash asking for too much, or not Argon2id, never verifies") {
    std::string huge = *hash;
    huge.replace(huge.find("m=256"), 5, "m=4194304");
    CHECK_FALSE(phc_parameters(huge));
    CHECK_FALSE(verify_password("Correct#Horse1", huge));
    CHECK_FALSE(verify_password("Correct#Horse1", "$argon2i$v=19$m=256,t=1,p=1$abc$def"));
    CHECK_FALSE(verify_password("Correct#Horse1", ""));
    CHECK_FALSE(verify_password("Correct#Horse1", "$argon2id$v=19$m=256,t=1,p=1"));
  }
  CHECK(parse_argon2_parameters("m=65536,t=2,p=1"));
  CHECK_FALSE(parse_argon2_parameters("m=4,t=1,p=1"));
  CHECK_FALSE(parse_argon2_parameters("m=65536,t=2,p=1,"));
  CHECK_FALSE(parse_argon2_parameters("t=2,m=65536,p=1"));
}

TEST_CASE("Services: text form, inclusion, intersection", "[accounts][services]") {
  auto main = parse_services("einvoicing:invoice,credit-note; ereporting");
  REQUIRE(main);
  CHECK(format_services(*main) == "einvoicing:credit-note,invoice;ereporting");
  auto sub = parse_services("einvoicing:invoice");
  REQUIRE(sub);
  CHECK(services_within(*sub, *main));
  CHECK_FALSE(services_within(*parse_services("einvoicing:self-billing"), *main));
  CHECK_FALSE(services_within(*parse_services("archive"), *main));
  CHECK(format_services(services_intersection(*parse_services("einvoicing:invoice;archive"),
                                              *main)) == "einvoicing:invoice");
  CHECK_FALSE(parse_services("Einvoicing"));
  CHECK_FALSE(parse_services("einvoicing:in voice"));
  CHECK(parse_services("")->empty());
}

TEST_CASE("Company options: purchase or sales, payment only with purchase", "[accounts][company]") {
  CHECK(options_problem({false, false, false, false}));
  CHECK(testing::rule_of(*options_problem({false, false, false, true})) == "CO-OPTIONS");
  CHECK(testing::rule_of(*options_problem({false, true, true, false})) == "CO-PAYMENT");
  CHECK_FALSE(options_problem({true, true, false, false}));
  CHECK_FALSE(options_problem({false, false, true, true}));
  CHECK(parse_employee_bracket("250+") == EmployeeBracket::kOver250);
  CHECK_FALSE(parse_employee_bracket("251+"));
  CHECK_FALSE(parse_employee_bracket("1-9"));
  CHECK(parse_identifier_type("siret") == IdentifierType::kSiret);
  CHECK_FALSE(parse_identifier_type("RCS"));
}

}  // namespace
}  // namespace einvoice::accounts
