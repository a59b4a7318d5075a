#include "engine/accounts_jobs.h"

#include <charconv>

#include "accounts/refusal.h"
#ifdef EINVOICE_HAS_SEALING
#include "engine/seal_setup.h"
#endif

namespace einvoice::engine {
namespace {

using model::Error;
using model::ErrorCode;

#ifdef EINVOICE_HAS_SEALING
// Seals certificates through a SealSetup made for PAdES.
class PadesCertificateSealer final : public accounts::CertificateSealer {
 public:
  explicit PadesCertificateSealer(SealSetup setup) : setup_(std::move(setup)) {}
  model::Result<std::string> seal_pdf(std::string_view pdf, std::string_view name) const override {
    auto outcome = setup_.seal(pdf, name);
    if (!outcome)
      return outcome.error();
    return std::move(outcome->bytes);
  }

 private:
  SealSetup setup_;
};
#endif

// A whole number from `text` within [low, high], or nullopt.
std::optional<std::int64_t> number_in(std::string_view text, std::int64_t low, std::int64_t high) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < low || value > high)
    return std::nullopt;
  return value;
}

}  // namespace

model::Result<accounts::EnrolmentConfig> enrolment_config(const env::Env& env) {
  accounts::EnrolmentConfig config;
  if (auto name = env.variables.get("EINVOICE_PLATFORM_NAME"); name && !name->empty()) {
    if (auto problem = accounts::text_problem("EINVOICE_PLATFORM_NAME", *name, true))
      return Error{ErrorCode::kInvalidArgument, problem->message, {}};
    config.platform = *name;
  }
  auto text = env.variables.get("EINVOICE_ACCOUNTS_ENROL");
  if (!text || text->empty())
    return config;
  const auto bad = [&](const std::string& why) {
    return Error{ErrorCode::kInvalidArgument,
                 "EINVOICE_ACCOUNTS_ENROL must read code=SECONDS,resend=SECONDS,tries=N,"
                 "link=SECONDS (any of them): " +
                     why + " in '" + *text + "'",
                 {}};
  };
  std::string_view rest = *text;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    const std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    const auto equals = item.find('=');
    if (equals == std::string_view::npos)
      return bad("'" + std::string(item) + "' has no '='");
    const std::string_view key = item.substr(0, equals), value = item.substr(equals + 1);
    if (key == "tries") {
      auto n = number_in(value, 1, 100);
      if (!n)
        return bad("tries is a whole number from 1 to 100");
      config.max_code_tries = static_cast<int>(*n);
      continue;
    }
    auto seconds = number_in(value, 1, 366 * 24 * 3600);
    if (!seconds)
      return bad(std::string(key) + " is a number of seconds from 1 to one year");
    if (key == "code")
      config.code_validity = std::chrono::seconds(*seconds);
    else if (key == "resend")
      config.resend_delay = std::chrono::seconds(*seconds);
    else if (key == "link")
      config.link_validity = std::chrono::seconds(*seconds);
    else
      return bad("unknown key '" + std::string(key) + "'");
  }
  return config;
}

std::optional<std::filesystem::path> accounts_seal_file(const std::string& option,
                                                        const env::Env& env) {
  if (!option.empty())
    return std::filesystem::path(option);
  auto variable = env.variables.get("EINVOICE_ACCOUNTS_SEAL");
  if (variable && !variable->empty())
    return std::filesystem::path(*variable);
  return std::nullopt;
}

model::Result<std::unique_ptr<accounts::CertificateSealer>> load_certificate_sealer(
    const std::filesystem::path& seal_file, const env::Env& env) {
#ifndef EINVOICE_HAS_SEALING
  (void)env;
  return Error{ErrorCode::kUnsupported,
               "this einvoice was built without the signing module: it cannot seal certificates",
               {seal_file.string(), "", 0, 0}};
#else
  auto setup =
      load_seal_file(seal_file, "pades", "an enrolment certificate is sealed as PAdES", env);
  if (!setup)
    return setup.error();
  return std::unique_ptr<accounts::CertificateSealer>(
      new PadesCertificateSealer(std::move(*setup)));
#endif
}

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
    const std::filesystem::path& database, const env::Env& env, accounts::AccountsConfig config,
    accounts::EnrolmentConfig enrolment, std::unique_ptr<accounts::CertificateSealer> sealer) {
  auto store = accounts::SqliteAccountStore::open(database);
  if (!store)
    return store.error();
  return std::unique_ptr<AccountsSession>(new AccountsSession(
      std::move(*store), env, std::move(config), std::move(enrolment), std::move(sealer)));
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
