#include "engine/accounts_jobs.h"

#include <charconv>

#include "accounts/refusal.h"

namespace einvoice::engine {
namespace {

using model::Error;
using model::ErrorCode;

}  // namespace

model::Result<std::filesystem::path> accounts_database(const std::string& option,
                                                       const env::Env& env) {
  if (!option.empty())
    return std::filesystem::path(option);
  if (auto variable = env.variables.get("EINVOICE_ACCOUNTS_DB"); variable && !variable->empty())
    return std::filesystem::path(*variable);
  return Error{ErrorCode::kInvalidArgument,
               "no accounts database: give --db FILE or set EINVOICE_ACCOUNTS_DB",
               {}};
}

model::Result<accounts::AccountsConfig> accounts_config(const env::Env& env) {
  accounts::AccountsConfig config;
  if (auto text = env.variables.get("EINVOICE_ACCOUNTS_ARGON2"); text && !text->empty()) {
    auto parameters = accounts::parse_argon2_parameters(*text);
    if (!parameters)
      return Error{ErrorCode::kInvalidArgument,
                   "EINVOICE_ACCOUNTS_ARGON2 must read m=KIB,t=ITERATIONS,p=LANES (at least 8 KiB "
                   "per lane, at most 1 GiB, 64 iterations, 16 lanes), not '" +
                       *text + "'",
                   {}};
    config.argon2 = *parameters;
  }
  if (auto text = env.variables.get("EINVOICE_ACCOUNTS_PASSWORD_MIN_LENGTH");
      text && !text->empty()) {
    std::size_t length = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), length);
    if (error != std::errc() || end != text->data() + text->size() || length < 8 ||
        length > config.password.max_length)
      return Error{ErrorCode::kInvalidArgument,
                   "EINVOICE_ACCOUNTS_PASSWORD_MIN_LENGTH must be a whole number from 8 to " +
                       std::to_string(config.password.max_length) + ", not '" + *text + "'",
                   {}};
    config.password.min_length = length;
  }
  return config;
}

model::Result<std::unique_ptr<AccountsSession>> AccountsSession::open(
    const std::filesystem::path& database, const env::Env& env, accounts::AccountsConfig config) {
  auto store = accounts::SqliteAccountStore::open(database);
  if (!store)
    return store.error();
  return std::unique_ptr<AccountsSession>(
      new AccountsSession(std::move(*store), env, std::move(config)));
}

model::Result<accounts::ImportReport> run_company_import(const accounts::Accounts& accounts,
                                                         accounts::AccountId account,
                                                         const std::filesystem::path& file,
                                                         bool has_header, const env::Env& env) {
  auto bytes = env.files.read(file, accounts.config().csv.max_bytes);
  if (!bytes)
    return bytes.error();
  return accounts.import_companies(account, *bytes, has_header, file.string());
}

bool is_accounts_refusal(const model::Error& error) {
  return accounts::is_refusal(error) || error.code == ErrorCode::kLimitExceeded;
}

}  // namespace einvoice::engine
