#include "accounts/decision.h"

#include <algorithm>
#include <array>
#include <utility>

namespace einvoice::accounts {
namespace {

constexpr std::array<std::pair<Action, const char*>, 8> kActions{{
    {Action::kSubmit, "submit"},
    {Action::kReceive, "receive"},
    {Action::kPay, "pay"},
    {Action::kView, "view"},
    {Action::kManageAccounts, "manage-accounts"},
    {Action::kManageCompanies, "manage-companies"},
    {Action::kArchiveExport, "archive-export"},
    {Action::kArchiveDestroy, "archive-destroy"},
}};

Decision deny(const char* rule, std::string reason) {
  return {false, rule, std::move(reason)};
}

// The company option an action needs, or nullptr for none.
bool CompanyOptions::*needed_option(Action action) {
  switch (action) {
    case Action::kSubmit:
      return &CompanyOptions::sales;
    case Action::kReceive:
      return &CompanyOptions::purchase;
    case Action::kPay:
      return &CompanyOptions::payment;
    default:
      return nullptr;
  }
}

const char* option_name(Action action) {
  switch (action) {
    case Action::kSubmit:
      return "sales invoices";
    case Action::kReceive:
      return "purchase invoices";
    default:
      return "purchase payment";
  }
}

// True when `roles` hold an active AT or AS on the decision's service.
bool administers(const std::vector<RoleGrant>& roles) {
  return std::any_of(roles.begin(), roles.end(), [](const RoleGrant& g) {
    return g.service == kDecisionService && g.state == GrantState::kActive &&
           (g.role == Role::kAt || g.role == Role::kAs);
  });
}

}  // namespace

const char* to_string(Action action) {
  for (const auto& [value, name] : kActions) {
    if (value == action)
      return name;
  }
  return "?";
}

std::optional<Action> parse_action(std::string_view text) {
  for (const auto& [value, name] : kActions) {
    if (text == name)
      return value;
  }
  return std::nullopt;
}

Decision may(const DecisionSnapshot& s, Action action) {
  const Account& a = s.account;
  const std::string who = "account " + std::to_string(a.id);
  if (!a.active)
    return deny("ACC-INACTIVE", who + " is deactivated");
  if (!a.is_main() && (!s.main || !s.main->active))
    return deny("ACC-INACTIVE", who + " belongs to a deactivated main account");
  if (a.password_reset_required)
    return deny("PWD-RESET", who + " must have its password reset first");
  const bool main = a.is_main();
  if (action == Action::kManageAccounts) {
    if (!main)
      return deny("ACC-SECONDARY",
                  who + " is a secondary account: only main accounts manage accounts");
    return administers(s.roles)
               ? Decision{true, "OK",
                          who + " is a main account and an administrator of the service"}
               : deny("ROLE-ADMIN", who + " holds no active AT or AS role on service " +
                                        kDecisionService +
                                        " of this SIREN: only its administrators manage "
                                        "accounts");
  }
  if (s.companies.empty())
    return deny("CO-UNKNOWN", who + " handles no company of this SIREN");
  if (action == Action::kReceive) {
    const Company* chosen = nullptr;
    for (const auto& c : s.companies) {
      if (!c.options.purchase)
        continue;
      chosen = &c;
      const bool enrolled =
          std::find(s.enrolled.begin(), s.enrolled.end(), c.id) != s.enrolled.end();
      if (enrolled || !c.vat_subject)
        return {true, "OK",
                std::string("purchase invoices chosen for company ") + c.identifier +
                    (enrolled ? ", enrolled" : ", not subject to VAT (no enrolment needed)")};
    }
    if (chosen)
      return deny("CO-ENROL", "purchase invoices chosen for company " + chosen->identifier +
                                  ", which is not enrolled: sign its formal agreement first");
  }
  if (auto option = needed_option(action)) {
    const bool any = std::any_of(s.companies.begin(), s.companies.end(),
                                 [&](const Company& c) { return c.options.*option; });
    return any ? Decision{true, "OK",
                          std::string(option_name(action)) + " chosen for company " +
                              s.companies.front().identifier}
               : deny("CO-OPTION", std::string(option_name(action)) +
                                       " not chosen for the company of this SIREN");
  }
  if (action == Action::kManageCompanies && !main && !a.autonomous)
    return deny("ACC-AUTONOMY", who + " is a secondary account that is not autonomous");
  if (action == Action::kArchiveDestroy && !main)
    return deny("ACC-SECONDARY",
                who + " is a secondary account: only main accounts destroy archived documents");
  return {true, "OK", who + " handles company " + s.companies.front().identifier};
}

}  // namespace einvoice::accounts
