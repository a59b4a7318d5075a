#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/account.h"
#include "accounts/company.h"
#include "accounts/role.h"

namespace einvoice::accounts {

// What the engine asks an account to be allowed to do for a company.
enum class Action {
  kSubmit,           // deposit sales invoices
  kReceive,          // receive purchase invoices
  kPay,              // pay supplier invoices on the portal
  kView,             // see the company's invoices
  kManageAccounts,   // create and change secondary accounts
  kManageCompanies,  // add and edit companies
  kArchiveExport,
  kArchiveDestroy,
};
inline constexpr const char* kActionNames =
    "submit, receive, pay, view, manage-accounts, manage-companies, archive-export, "
    "archive-destroy";
const char* to_string(Action action);
std::optional<Action> parse_action(std::string_view text);

// Everything one decision reads, loaded before it (the decision itself
// touches no storage, so it is fast and tested exhaustively).
struct DecisionSnapshot {
  Account account;
  std::optional<Account> main;  // the account's main account, for a secondary
  // The companies of the SIREN asked about that the account handles: its own,
  // and for a main account those of its secondaries (a SIREN's company and
  // its establishments' SIRETs).
  std::vector<Company> companies;
  // The account's grants on this SIREN (every service, on standby too).
  std::vector<RoleGrant> roles;
  // Those of `companies` a signed formal agreement enrolled.
  std::vector<CompanyId> enrolled;
};

// The online service whose roles the decision reads (portal.md 5: roles are
// per (SIREN, service); e-invoicing is the service einvoice serves).
inline constexpr const char* kDecisionService = "einvoicing";

struct Decision {
  bool allowed = false;
  std::string rule;    // the rule that decided ("ACC-INACTIVE", "CO-OPTION", "OK")
  std::string reason;  // one line
};

// The decision from account state, company options, enrolment and roles
// (docs/accounts.md "The decision"):
// - a deactivated account, or a secondary of a deactivated main account,
//   and an account whose password must be reset, may nothing (ACC-INACTIVE,
//   PWD-RESET);
// - manage-accounts: main accounts only (ACC-SECONDARY), holding an active
//   AT or AS grant on (SIREN, kDecisionService) (ROLE-ADMIN: portal.md 5,
//   the administrators manage the service's rights); no company needed;
// - every other action needs a company of that SIREN the account handles
//   (CO-UNKNOWN);
// - submit needs the sales option, receive the purchase option, pay the
//   payment option, on one of those companies (CO-OPTION);
// - receive also needs that company enrolled (portal.md 2: purchase
//   invoices imply enrolment), unless it is not subject to VAT (enrolment
//   does not apply) (CO-ENROL);
// - manage-companies: main accounts, and autonomous secondaries
//   (ACC-AUTONOMY); archive-destroy: main accounts only (ACC-SECONDARY);
//   view and archive-export: any account handling the company.
// Pure: the same snapshot gives the same decision.
Decision may(const DecisionSnapshot& snapshot, Action action);

}  // namespace einvoice::accounts
