#pragma once

// What the accounts tests share: a database in a scratch folder, a clock the
// tests move, an outbox they read, an Argon2id cost cheap enough for tests,
// an independent Luhn to make valid identifiers, and the einvoice program
// run as a real process with a stdin.

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "accounts/accounts.h"
#include "accounts/sqlite_account_store.h"
#include "env/clock.h"
#include "env/random_source.h"
#include "tests/scratch_folder.h"

namespace einvoice::accounts::testing {

inline AccountsConfig cheap_config() {
  AccountsConfig config;
  config.argon2 = {256, 1, 1};
  return config;
}

// 15 March 2026, 09:00 UTC.
inline std::chrono::system_clock::time_point test_start() {
  return std::chrono::sys_days(std::chrono::year(2026) / std::chrono::March / 15) +
         std::chrono::hours(9);
}

inline std::unique_ptr<SqliteAccountStore> open_store(const std::filesystem::path& path) {
  auto store = SqliteAccountStore::open(path);
  if (!store)
    throw std::runtime_error(store.error().describe());
  return std::move(store).value();
}

struct Fixture {
  explicit Fixture(AccountsConfig config = cheap_config())
      : scratch("einvoice-accounts-"),
        clock(test_start()),
        store(open_store(scratch.dir() / "accounts.sqlite")),
        accounts(*store, outbox, clock, random, std::move(config)) {}

  // A main account ACME SAS (SIRET 44306184100047) with `max_secondary`
  // and the services "einvoicing:credit-note,invoice;ereporting".
  Account main_account(int max_secondary = 2, std::string name = "ACME SAS") const {
    NewMainAccount request;
    request.name = std::move(name);
    request.siret = "44306184100047";
    request.email = "boss@acme.example";
    request.responsible = "Alice Martin";
    request.max_secondary = max_secondary;
    request.services = *parse_services("einvoicing:invoice,credit-note;ereporting");
    request.password = "Correct#Horse1";
    auto created = accounts.create_main(request);
    if (!created)
      throw std::runtime_error(created.error().message);
    return *created;
  }

  Account secondary(AccountId main, std::string name, bool mailbox) const {
    NewSecondaryAccount request;
    request.main_id = main;
    request.name = std::move(name);
    request.mailbox = mailbox;
    auto created = accounts.create_secondary(request);
    if (!created)
      throw std::runtime_error(created.error().message);
    return *created;
  }

  einvoice::testing::ScratchFolder scratch;
  env::ManualClock clock;
  env::CountingRandom random{7};
  MemoryOutbox outbox;
  std::unique_ptr<SqliteAccountStore> store;
  Accounts accounts;
};

// The rule id an error's message starts with ("ACC-LIMIT").
inline std::string rule_of(const model::Error& error) {
  return error.message.substr(0, error.message.find(':'));
}
inline std::string rule_of(const model::Status& status) {
  return status ? std::string("OK") : rule_of(status.error());
}
// "OK", or the rule that refused.
template <class T>
std::string outcome(const model::Result<T>& result) {
  return result ? std::string("OK") : rule_of(result.error());
}

// Luhn written for the tests (doubling table), apart from the module's.
inline int luhn_sum(const std::string& digits) {
  static constexpr int kDoubled[] = {0, 2, 4, 6, 8, 1, 3, 5, 7, 9};
  int sum = 0;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    const int d = digits[digits.size() - 1 - i] - '0';
    sum += (i % 2 == 1) ? kDoubled[d] : d;
  }
  return sum;
}

// `prefix` completed by the one digit that makes it pass Luhn.
inline std::string with_check_digit(const std::string& prefix) {
  for (char c = '0'; c <= '9'; ++c) {
    if (luhn_sum(prefix + c) % 10 == 0)
      return prefix + c;
  }
  return prefix + "?";
}

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

struct Run {
  int exit_code = -1;
  std::string out, err;
};

// Runs `einvoice` with `arguments`, `input` on its stdin, with the extra
// environment variables `variables` ("NAME=value"), its output kept in `dir`.
inline Run run_einvoice(const std::vector<std::string>& arguments, const std::string& input,
                        const std::filesystem::path& dir,
                        const std::vector<std::string>& variables = {}) {
  const auto in = dir / "stdin.txt", out = dir / "stdout.txt", err = dir / "stderr.txt";
  { std::ofstream(in, std::ios::binary) << input; }
  const pid_t child = ::fork();
  if (child == 0) {
    const int in_fd = ::open(in.c_str(), O_RDONLY);
    const int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(in_fd, 0);
    ::dup2(out_fd, 1);
    ::dup2(err_fd, 2);
    for (const auto& variable : variables)
      ::putenv(const_cast<char*>(variable.c_str()));
    std::vector<char*> argv;
    static std::string program = EINVOICE_EXE;
    argv.push_back(program.data());
    for (const auto& argument : arguments)
      argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    ::execv(program.c_str(), argv.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  Run run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = slurp(out);
  run.err = slurp(err);
  return run;
}

}  // namespace einvoice::accounts::testing
