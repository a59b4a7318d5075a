// accounts_bench: the configured Argon2id cost per password hash and check
// (one core), decisions per second (may), and the companies CSV import rate (parse, check digits,
// duplicates, one SQLite transaction) on a real file system. Prints figures;
// asserts nothing.
#include <chrono>
#include <filesystem>
#include <iostream>
#include <string>

#include "accounts/accounts.h"
#include "accounts/company_identifier.h"
#include "accounts/decision.h"
#include "accounts/password_hasher.h"
#include "accounts/sqlite_account_store.h"
#include "env/clock.h"
#include "env/random_source.h"

namespace {

namespace fs = std::filesystem;
using namespace einvoice;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// `prefix` completed by its Luhn check digit.
std::string with_check_digit(const std::string& prefix) {
  for (char c = '0'; c <= '9'; ++c) {
    if (accounts::luhn_valid(prefix + c))
      return prefix + c;
  }
  return prefix;
}

std::string make_csv(std::size_t lines) {
  std::string csv = "type;identifier;employees;purchase;payment;sales;duplicates\r\n";
  for (std::size_t i = 0; i < lines; ++i) {
    const std::string siren = with_check_digit(std::to_string(10000000 + i * 7));
    csv += (i % 2 ? "SIREN;" + siren : "SIRET;" + with_check_digit(siren + "0001")) + ";" +
           (i % 3 ? "1-10" : "250+") + ";1;" + (i % 5 ? "1" : "0") + ";1;0\r\n";
  }
  return csv;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t lines = 50000;
  int hashes = 10;
  if (argc > 1)
    lines = std::stoul(argv[1]);
  if (argc > 2)
    hashes = std::stoi(argv[2]);
  accounts::AccountsConfig defaults;
  if (argc > 3) {
    // A candidate cost to measure: m=KIB,t=ITERATIONS,p=LANES.
    auto candidate = accounts::parse_argon2_parameters(argv[3]);
    if (!candidate) {
      std::cerr << "accounts_bench: the third argument is m=KIB,t=ITERATIONS,p=LANES\n";
      return 2;
    }
    defaults.argon2 = *candidate;
  }
  const auto& p = defaults.argon2;

  // Argon2id at the configured cost, one thread.
  std::string hash;
  const auto hash_start = Clock::now();
  for (int i = 0; i < hashes; ++i)
    hash = *accounts::hash_password("Correct#Horse1", p, env::system_random());
  const double per_hash = seconds_since(hash_start) / hashes;
  const auto verify_start = Clock::now();
  for (int i = 0; i < hashes; ++i)
    accounts::verify_password("Correct#Horse1", hash);
  const double per_verify = seconds_since(verify_start) / hashes;
  std::cout << "Argon2id m=" << p.memory_kib << " KiB, t=" << p.iterations << ", p=" << p.lanes
            << ": " << per_hash * 1000 << " ms per hash, " << per_verify * 1000
            << " ms per login check (one core, " << hashes << " each; target 50-100 ms)\n";

  // Decisions: may() over a snapshot of a secondary account and a SIREN's
  // two companies, every action in turn.
  {
    accounts::DecisionSnapshot snapshot;
    snapshot.account.id = 2;
    snapshot.account.kind = accounts::AccountKind::kSecondary;
    snapshot.account.main_id = 1;
    snapshot.main = accounts::Account{};
    snapshot.main->id = 1;
    accounts::Company company;
    company.identifier = "542107651";
    company.options = {true, false, false, false};
    snapshot.companies = {company, company};
    snapshot.companies[1].identifier = "54210765110002";
    snapshot.companies[1].options = {false, false, true, true};
    const std::size_t rounds = 2'000'000;
    std::size_t allowed = 0;
    const auto start = Clock::now();
    for (std::size_t i = 0; i < rounds; ++i)
      allowed += accounts::may(snapshot, static_cast<accounts::Action>(i % 8)).allowed;
    const double seconds = seconds_since(start);
    std::cout << "may(): " << static_cast<long>(rounds / seconds) << " decisions/s on one core ("
              << allowed << " of " << rounds << " allowed; target >= 100,000/s)\n";
  }

  // CSV import.
  const fs::path dir = fs::temp_directory_path() / "einvoice-accounts-bench";
  fs::remove_all(dir);
  fs::create_directories(dir);
  {
    auto store = accounts::SqliteAccountStore::open(dir / "accounts.sqlite");
    if (!store) {
      std::cerr << store.error().describe() << '\n';
      return 2;
    }
    env::SystemClock clock;
    accounts::MemoryOutbox outbox;
    accounts::Accounts a(**store, outbox, clock, env::system_random(), defaults);
    accounts::NewMainAccount main;
    main.name = "Bench SA";
    main.siret = "44306184100047";
    main.email = "bench@example.org";
    main.password = "Correct#Horse1";
    auto account = a.create_main(main);
    if (!account) {
      std::cerr << account.error().describe() << '\n';
      return 2;
    }
    const std::string csv = make_csv(lines);
    const auto start = Clock::now();
    auto report = a.import_companies(account->id, csv, true, "bench.csv");
    const double seconds = seconds_since(start);
    if (!report) {
      std::cerr << report.error().describe() << '\n';
      return 2;
    }
    std::cout << "CSV import: " << report->imported << " of " << lines << " lines ("
              << csv.size() / 1024 << " KiB) in " << seconds << " s, "
              << static_cast<long>(lines / seconds) << " lines/s (" << report->errors.size()
              << " refused; target 50,000 lines under 5 s)\n";
  }
  fs::remove_all(dir);
  std::cout << "reproduce: cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release "
               "-DEINVOICE_TESTS=OFF -DEINVOICE_BENCH=ON && cmake --build build-release "
               "--target accounts_bench && build-release/bench/accounts_bench "
            << lines << ' ' << hashes << " m=" << p.memory_kib << ",t=" << p.iterations
            << ",p=" << p.lanes << '\n';
  return 0;
}
