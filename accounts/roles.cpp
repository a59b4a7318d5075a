#include "accounts/roles.h"

#include <openssl/crypto.h>

#include <array>
#include <cctype>
#include <cstdint>

#include "accounts/refusal.h"
#include "accounts/role_rules.h"
#include "accounts/secret_digest.h"

namespace einvoice::accounts {
namespace {

// 32 characters a reader cannot confuse (no 0/O, 1/I).
constexpr char kCodeAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

bool is_siren(std::string_view text) {
  return text.size() == 9 && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// ACC-UNKNOWN, or ACC-INACTIVE when `id` cannot act.
model::Status check_can_act(const Accounts& accounts, AccountId id) {
  auto active = accounts.can_act(id);
  if (!active)
    return active.error();
  if (!*active)
    return refusal("ACC-INACTIVE", "account " + std::to_string(id) +
                                       " is deactivated (or its main account): it " +
                                       "can do nothing, so it neither holds nor gives a role");
  return model::Status::Ok();
}

}  // namespace

std::string normalise_code(std::string_view typed) {
  std::string code;
  for (char c : typed) {
    if (c == ' ' || c == '-')
      continue;
    code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return code;
}

std::int64_t Roles::now() const {
  return std::chrono::duration_cast<std::chrono::seconds>(clock_.now().time_since_epoch()).count();
}

model::Status Roles::check_scope(std::string_view siren, std::string_view service) const {
  if (!is_siren(siren))
    return refusal("CO-IDENTIFIER", "a SIREN is 9 digits, not '" + std::string(siren) + "'");
  if (auto problem = text_problem("service", service, true))
    return *problem;
  return model::Status::Ok();
}

model::Result<RoleTransition> Roles::apply_one(Actor by, std::string_view siren,
                                               std::string_view service,
                                               const OnePlan& plan) const {
  if (auto ok = check_scope(siren, service); !ok)
    return ok.error();
  if (by) {
    if (auto ok = check_can_act(accounts_, *by); !ok)
      return ok.error();
  }
  const std::int64_t at = now();
  auto done = store_.change_roles(
      siren,
      [&](const RoleGrants& grants) -> model::Result<std::vector<RoleTransition>> {
        auto planned = plan(grants, at);
        if (!planned)
          return planned.error();
        return std::vector<RoleTransition>{std::move(*planned)};
      },
      std::nullopt, at);
  if (!done)
    return done.error();
  return done->front();
}

model::Result<RoleTransition> Roles::grant(Actor by, AccountId account, std::string_view siren,
                                           std::string_view service, Role role) const {
  if (auto ok = check_can_act(accounts_, account); !ok)
    return ok.error();
  return apply_one(by, siren, service, [&](const RoleGrants& grants, std::int64_t at) {
    return plan_grant(grants, by, account, siren, service, role, at);
  });
}

model::Result<RoleTransition> Roles::change(Actor by, AccountId account, std::string_view siren,
                                            std::string_view service, RoleEvent event) const {
  return apply_one(by, siren, service, [&](const RoleGrants& grants, std::int64_t at) {
    return plan_change(grants, by, account, siren, service, event, at);
  });
}

model::Result<std::vector<RoleGrant>> Roles::list(std::string_view siren, AccountId account) const {
  return store_.list_roles(siren, account);
}

model::Result<std::vector<RoleTransition>> Roles::history(std::string_view siren) const {
  return store_.role_transitions(siren);
}

model::Result<CodeRequest> Roles::request_code(CodeKind kind, AccountId account,
                                               std::string_view siren,
                                               std::string_view service) const {
  if (auto ok = check_scope(siren, service); !ok)
    return ok.error();
  if (auto ok = check_can_act(accounts_, account); !ok)
    return ok.error();
  auto grants = store_.list_roles(siren, 0);
  if (!grants)
    return grants.error();
  const std::int64_t at = now();
  if (auto planned = plan_code(*grants, kind, account, siren, service, at); !planned)
    return planned.error();
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(config_.code_length));
  if (auto filled = random_.fill(bytes); !filled)
    return filled.error();
  std::string code;
  for (std::uint8_t b : bytes)
    code += kCodeAlphabet[b & 31];
  CodeRequest request;
  request.code.kind = kind;
  request.code.account_id = account;
  request.code.siren = siren;
  request.code.service = service;
  request.code.code_sha256 = secret_sha256(code);
  request.code.created_at = at;
  request.code.expires_at = at + config_.code_validity.count();
  auto id = store_.insert_role_code(request.code);
  if (!id)
    return id.error();
  request.code.id = *id;
  const auto expiry =
      std::chrono::system_clock::time_point(std::chrono::seconds(request.code.expires_at));
  Message letter;
  letter.recipient = "post: company SIREN " + std::string(siren) + ", registered address";
  letter.subject =
      std::string("Your ") + to_string(kind) + " code for the service " + std::string(service);
  letter.body = "Account " + std::to_string(account) + " asked to become the administrateur " +
                "titulaire of the service " + std::string(service) + " for SIREN " +
                std::string(siren) + ". Code: " + code + " (valid until " +
                env::utc_timestamp(expiry) + ", single use).";
  letter.created_at = at;
  if (auto sent = letters_.send(letter); !sent)
    return sent.error();
  return request;
}

model::Result<std::vector<RoleTransition>> Roles::redeem_code(AccountId account,
                                                              std::string_view siren,
                                                              std::string_view service,
                                                              std::string_view code) const {
  if (auto ok = check_scope(siren, service); !ok)
    return ok.error();
  if (auto ok = check_can_act(accounts_, account); !ok)
    return ok.error();
  auto codes = store_.role_codes(account, siren, service);
  if (!codes)
    return codes.error();
  const std::int64_t at = now();
  bool any_open = false, all_locked = true;
  for (const auto& stored : *codes) {
    if (stored.used_at || at >= stored.expires_at)
      continue;
    any_open = true;
    all_locked = all_locked && stored.failures >= config_.max_wrong_codes;
  }
  if (any_open && all_locked)
    return refusal("CODE-LOCKED", "the requests of account " + std::to_string(account) +
                                      " for SIREN " + std::string(siren) + ", service " +
                                      std::string(service) + " took " +
                                      std::to_string(config_.max_wrong_codes) +
                                      " wrong codes: ask for a new code");
  const std::string typed = secret_sha256(normalise_code(code));
  const RoleCode* match = nullptr;
  for (const auto& stored : *codes) {
    // Every stored hash is compared, in constant time, whatever matched.
    const bool same = stored.code_sha256.size() == typed.size() &&
                      CRYPTO_memcmp(stored.code_sha256.data(), typed.data(), typed.size()) == 0;
    if (same && !match)
      match = &stored;
  }
  if (!match) {
    if (auto counted = store_.count_wrong_code(account, siren, service, at); !counted)
      return counted.error();
    return refusal("CODE-WRONG", "this is not the code sent to account " + std::to_string(account) +
                                     " for SIREN " + std::string(siren) + ", service " +
                                     std::string(service));
  }
  if (match->failures >= config_.max_wrong_codes && !match->used_at && at < match->expires_at)
    return refusal("CODE-LOCKED", "code " + std::to_string(match->id) + " took " +
                                      std::to_string(match->failures) +
                                      " wrong codes before it: ask for a new code");
  if (match->used_at)
    return refusal("CODE-USED",
                   "code " + std::to_string(match->id) + " was used already: a code is single use");
  if (at >= match->expires_at)
    return refusal("CODE-EXPIRED", "code " + std::to_string(match->id) + " expired " +
                                       std::to_string(config_.code_validity.count() / 86400) +
                                       " days after it was sent: ask again");
  const CodeKind kind = match->kind;
  return store_.change_roles(
      siren,
      [&](const RoleGrants& grants) {
        return plan_code(grants, kind, account, siren, service, at);
      },
      match->id, at);
}

}  // namespace einvoice::accounts
