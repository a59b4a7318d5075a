// Accounts: passwords, failed logins, recovery links, API tokens.
#include <algorithm>

#include "accounts/accounts.h"
#include "accounts/refusal.h"
#include "accounts/secret_digest.h"
#include "env/clock.h"

namespace einvoice::accounts {
namespace {

model::Error wrong_password() {
  return refusal("PWD-WRONG", "unknown account or wrong password");
}

std::string utc(std::int64_t seconds) {
  return env::utc_timestamp(std::chrono::system_clock::time_point(std::chrono::seconds(seconds)));
}

// The wait before the next attempt after `failures` failures in a row.
std::int64_t delay_after(int failures, const LoginPolicy& policy) {
  if (failures < policy.free_failures)
    return 0;
  std::int64_t delay = policy.first_delay.count();
  for (int i = policy.free_failures; i < failures && delay < policy.max_delay.count(); ++i)
    delay *= 2;
  return std::min<std::int64_t>(delay, policy.max_delay.count());
}

}  // namespace

model::Result<std::string> Accounts::responsible_address(const Account& account) const {
  auto main = main_of(account);
  if (!main)
    return main.error();
  return main->email;
}

model::Status Accounts::notify(const std::string& to, std::string subject, std::string body) const {
  return outbox_.send(Message{to, std::move(subject), std::move(body), now()});
}

model::Status Accounts::set_password(AccountId id, std::string_view password) const {
  auto a = active_account(id);
  if (!a)
    return a.error();
  if (auto problem = password_problem(password, config_.password))
    return model::Error{model::ErrorCode::kInvalid, *problem, {}};
  auto hash = hash_password(password, config_.argon2, random_);
  if (!hash)
    return hash.error();
  if (auto stored = store_.set_password_hash(id, *hash, now()); !stored)
    return stored;
  auto to = responsible_address(*a);
  if (!to)
    return to.error();
  return notify(*to, "Password changed",
                "The password of your account " + a->display_name() +
                    " has just been changed; if you did not do this, contact support.");
}

model::Result<Account> Accounts::login(AccountId id, std::string_view password) const {
  auto found = store_.find_account(id);
  if (!found)
    return found.error();
  auto state = store_.credential(id);
  if (!state)
    return state.error();
  if (!*found || !*state) {
    // As long as a real check, so that the time taken does not tell which
    // accounts exist.
    (void)hash_password(password, config_.argon2, random_);
    return wrong_password();
  }
  CredentialState credential = **state;
  const std::int64_t t = now();
  const auto& policy = config_.login;
  if (credential.locked_until != 0) {
    if (t < credential.locked_until)
      return refusal("PWD-LOCKED", "account " + std::to_string(id) + " is locked after " +
                                       std::to_string(credential.failures) +
                                       " failed logins until " + utc(credential.locked_until));
    credential.failures = 0;  // the lock is over: a fresh start
    credential.locked_until = 0;
  }
  const std::int64_t wait = delay_after(credential.failures, policy);
  if (credential.failures > 0 && t < credential.last_failure_at + wait)
    return refusal("PWD-DELAY", std::to_string(credential.failures) +
                                    " failed logins in a row: wait " +
                                    std::to_string(credential.last_failure_at + wait - t) +
                                    " s before trying again");
  if (!verify_password(password, credential.password_hash)) {
    const int failures = credential.failures + 1;
    const std::int64_t locked_until =
        failures >= policy.lockout_failures ? t + policy.lockout.count() : 0;
    if (auto recorded = store_.record_login_failures(id, failures, t, locked_until); !recorded)
      return recorded.error();
    if (locked_until != 0)
      return refusal("PWD-LOCKED", "account " + std::to_string(id) + " is locked after " +
                                       std::to_string(failures) + " failed logins until " +
                                       utc(locked_until));
    return wrong_password();
  }
  auto active = active_account(id);
  if (!active)
    return active.error();
  if (active->password_reset_required)
    return refusal("PWD-RESET", "account " + std::to_string(id) +
                                    " must have its password reset before it is used");
  if (credential.failures != 0 || (**state).locked_until != 0) {
    if (auto recorded = store_.record_login_failures(id, 0, 0, 0); !recorded)
      return recorded.error();
  }
  if (needs_rehash(credential.password_hash, config_.argon2)) {
    auto hash = hash_password(password, config_.argon2, random_);
    if (!hash)
      return hash.error();
    if (auto stored = store_.set_password_hash(id, *hash, credential.changed_at); !stored)
      return stored.error();
  }
  return active;
}

model::Status Accounts::send_recovery_link(AccountId id, LinkPurpose purpose) const {
  auto a = active_account(id);
  if (!a)
    return a.error();
  auto secret = new_secret(random_);
  if (!secret)
    return secret.error();
  const std::int64_t t = now();
  const std::int64_t expires = t + config_.recovery_link_validity.count();
  if (auto stored = store_.insert_link({secret_sha256(*secret), id, purpose, t, expires, {}});
      !stored)
    return stored;
  auto to = responsible_address(*a);
  if (!to)
    return to.error();
  const bool password = purpose == LinkPurpose::kPassword;
  return notify(*to, password ? "Forgot my password" : "Forgot my identifier",
                std::string(password ? "To choose a new password" : "To see your identifier") +
                    " for account " + a->display_name() + ", open this link before " +
                    utc(expires) + " (it works once): " + config_.recovery_url +
                    "?secret=" + *secret);
}

namespace {

// The link of `secret` for `purpose`, used up by this call, or the refusal.
model::Result<RecoveryLink> use_link(const AccountStore& store, std::string_view secret,
                                     LinkPurpose purpose, std::int64_t now) {
  auto link = store.consume_link(secret_sha256(secret), purpose, now);
  if (!link)
    return link.error();
  if (!*link)
    return refusal("LINK-UNKNOWN", "this recovery link is unknown");
  if ((*link)->used_at)
    return refusal("LINK-USED", "this recovery link was used on " + utc(*(*link)->used_at) +
                                    "; a link works once");
  if (now >= (*link)->expires_at)
    return refusal("LINK-EXPIRED", "this recovery link expired on " + utc((*link)->expires_at) +
                                       "; ask for a new one");
  return std::move(**link);
}

}  // namespace

model::Result<Account> Accounts::redeem_identifier_link(std::string_view secret) const {
  auto link = use_link(store_, secret, LinkPurpose::kIdentifier, now());
  if (!link)
    return link.error();
  return active_account(link->account_id);
}

model::Status Accounts::reset_password_with_link(std::string_view secret,
                                                 std::string_view new_password) const {
  if (auto problem = password_problem(new_password, config_.password))
    return model::Error{model::ErrorCode::kInvalid, *problem, {}};
  auto link = use_link(store_, secret, LinkPurpose::kPassword, now());
  if (!link)
    return link.error();
  return set_password(link->account_id, new_password);
}

model::Result<IssuedToken> Accounts::issue_token(
    AccountId id, std::string_view label, std::optional<std::chrono::seconds> validity) const {
  auto a = active_account(id);
  if (!a)
    return a.error();
  if (auto problem = text_problem("the token label", label, false))
    return *problem;
  const auto lifetime = validity.value_or(config_.default_token_validity);
  if (lifetime.count() <= 0 || lifetime > config_.max_token_validity)
    return refusal("TOKEN-VALIDITY", "a token is valid for 1 s to " +
                                         std::to_string(config_.max_token_validity.count()) + " s");
  auto secret = new_secret(random_);
  if (!secret)
    return secret.error();
  IssuedToken issued;
  issued.secret = "einv_" + *secret;
  issued.token.account_id = id;
  issued.token.label = std::string(label);
  issued.token.secret_sha256 = secret_sha256(issued.secret);
  issued.token.created_at = now();
  issued.token.expires_at = issued.token.created_at + lifetime.count();
  auto token_id = store_.insert_token(issued.token);
  if (!token_id)
    return token_id.error();
  issued.token.id = *token_id;
  return issued;
}

model::Result<Account> Accounts::authenticate_token(std::string_view secret) const {
  auto token = store_.find_token(secret_sha256(secret));
  if (!token)
    return token.error();
  if (!*token)
    return refusal("TOKEN-UNKNOWN", "this API token is unknown");
  if ((*token)->revoked_at)
    return refusal("TOKEN-REVOKED", "API token " + std::to_string((*token)->id) +
                                        " was revoked on " + utc(*(*token)->revoked_at));
  if (now() >= (*token)->expires_at)
    return refusal("TOKEN-EXPIRED", "API token " + std::to_string((*token)->id) + " expired on " +
                                        utc((*token)->expires_at));
  return active_account((*token)->account_id);
}

model::Status Accounts::revoke_token(std::int64_t token_id) const {
  auto revoked = store_.revoke_token(token_id, now());
  if (!revoked)
    return revoked.error();
  if (!*revoked)
    return refusal("TOKEN-UNKNOWN",
                   "no API token " + std::to_string(token_id) + " that is not revoked already");
  return model::Status::Ok();
}

model::Result<std::vector<ApiToken>> Accounts::tokens(AccountId id) const {
  auto a = account(id);
  if (!a)
    return a.error();
  return store_.list_tokens(id);
}

}  // namespace einvoice::accounts
