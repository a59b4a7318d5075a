// Accounts: the companies an account handles invoices for, and their CSV
// mass import.
#include <algorithm>
#include <unordered_map>

#include "accounts/accounts.h"
#include "accounts/refusal.h"

namespace einvoice::accounts {
namespace {

model::Error duplicate(std::string_view identifier, AccountId holder) {
  return refusal("CO-DUPLICATE", "a company with identifier " + std::string(identifier) +
                                     " exists already (account " + std::to_string(holder) +
                                     "); no two companies have one identifier");
}

}  // namespace

model::Result<Company> Accounts::company(CompanyId id) const {
  auto found = store_.find_company(id);
  if (!found)
    return found.error();
  if (!*found)
    return refusal("CO-UNKNOWN", "no company " + std::to_string(id));
  return std::move(**found);
}

model::Result<Company> Accounts::add_company(const NewCompany& request) const {
  auto a = active_account(request.account_id);
  if (!a)
    return a.error();
  if (auto problem = text_problem("the company name", request.name, false))
    return *problem;
  if (auto problem = identifier_problem(request.identifier_type, request.identifier))
    return model::Error{model::ErrorCode::kInvalid, *problem, {}};
  if (auto problem = options_problem(request.options))
    return *problem;
  if (auto problem = text_problem("the company's postal address", request.address, false))
    return *problem;
  Company c;
  c.account_id = request.account_id;
  c.identifier_type = request.identifier_type;
  c.identifier = request.identifier;
  c.name = request.name;
  c.employees = request.employees;
  c.options = request.options;
  c.address = request.address;
  c.vat_subject = request.vat_subject;
  c.created_at = now();
  auto inserted = store_.insert_companies({c});
  if (!inserted)
    return inserted.error();
  const auto& outcome = inserted->front();
  if (outcome.held_by)
    return duplicate(c.identifier, *outcome.held_by);
  return company(outcome.id);
}

model::Result<Company> Accounts::edit_company(CompanyId id, const CompanyEdit& edit) const {
  auto c = company(id);
  if (!c)
    return c.error();
  if (auto a = active_account(c->account_id); !a)
    return a.error();
  if (edit.name) {
    if (auto problem = text_problem("the company name", *edit.name, false))
      return *problem;
    c->name = *edit.name;
  }
  if (edit.address) {
    if (auto problem = text_problem("the company's postal address", *edit.address, false))
      return *problem;
    c->address = *edit.address;
  }
  if (edit.vat_subject)
    c->vat_subject = *edit.vat_subject;
  if (edit.employees)
    c->employees = *edit.employees;
  if (edit.options) {
    if (auto problem = options_problem(*edit.options))
      return *problem;
    c->options = *edit.options;
  }
  if (auto stored = store_.update_company(*c); !stored)
    return stored.error();
  return company(id);
}

model::Result<std::vector<Company>> Accounts::search_companies(AccountId account,
                                                               bool with_secondaries,
                                                               std::string_view identifier_prefix,
                                                               std::string_view name) const {
  auto a = this->account(account);
  if (!a)
    return a.error();
  CompanyFilter filter;
  filter.account_ids.push_back(account);
  if (with_secondaries && a->is_main()) {
    AccountFilter secondaries;
    secondaries.main_id = account;
    auto found = store_.list_accounts(secondaries);
    if (!found)
      return found.error();
    for (const auto& s : *found)
      filter.account_ids.push_back(s.id);
  }
  filter.identifier_prefix = std::string(identifier_prefix);
  filter.name_contains = std::string(name);
  return store_.search_companies(filter);
}

model::Result<ImportReport> Accounts::import_companies(AccountId account, std::string_view csv,
                                                       bool has_header,
                                                       std::string_view file_name) const {
  auto a = active_account(account);
  if (!a)
    return a.error();
  auto parsed = parse_company_csv(csv, has_header, config_.csv, file_name);
  if (!parsed)
    return parsed.error();
  ImportReport report;
  report.errors = std::move(parsed->errors);
  // A duplicate in the file is refused on its later line.
  std::unordered_map<std::string, std::size_t> first_line;
  std::vector<Company> companies;
  std::vector<std::size_t> lines;
  const std::int64_t t = now();
  for (auto& row : parsed->companies) {
    auto [seen, inserted] = first_line.emplace(row.identifier, row.line);
    if (!inserted) {
      report.errors.push_back({row.line, "CO-DUPLICATE: identifier " + row.identifier +
                                             " is on line " + std::to_string(seen->second) +
                                             " already"});
      continue;
    }
    Company c;
    c.account_id = account;
    c.identifier_type = row.identifier_type;
    c.identifier = std::move(row.identifier);
    c.employees = row.employees;
    c.options = row.options;
    c.created_at = t;
    companies.push_back(std::move(c));
    lines.push_back(row.line);
  }
  auto outcomes = store_.insert_companies(companies);
  if (!outcomes)
    return outcomes.error();
  for (std::size_t i = 0; i < outcomes->size(); ++i) {
    if ((*outcomes)[i].held_by)
      report.errors.push_back(
          {lines[i], duplicate(companies[i].identifier, *(*outcomes)[i].held_by).message});
    else
      report.imported_ids.push_back((*outcomes)[i].id);
  }
  report.imported = report.imported_ids.size();
  std::stable_sort(report.errors.begin(), report.errors.end(),
                   [](const LineError& x, const LineError& y) { return x.line < y.line; });
  return report;
}

model::Result<DecisionSnapshot> Accounts::decision_snapshot(AccountId account,
                                                            std::string_view siren) const {
  if (siren.size() != 9 || siren.find_first_not_of("0123456789") != std::string_view::npos)
    return refusal("CO-IDENTIFIER", "a SIREN is 9 digits, not '" + std::string(siren) + "'");
  DecisionSnapshot snapshot;
  auto a = this->account(account);
  if (!a)
    return a.error();
  snapshot.account = std::move(*a);
  if (!snapshot.account.is_main()) {
    auto main = main_of(snapshot.account);
    if (!main)
      return main.error();
    snapshot.main = std::move(*main);
  }
  auto companies = search_companies(account, true, siren, "");
  if (!companies)
    return companies.error();
  snapshot.companies = std::move(*companies);
  auto roles = store_.list_roles(siren, account);
  if (!roles)
    return roles.error();
  snapshot.roles = std::move(*roles);
  std::vector<CompanyId> ids;
  for (const auto& c : snapshot.companies)
    ids.push_back(c.id);
  auto agreements = store_.agreements_listing(ids);
  if (!agreements)
    return agreements.error();
  for (const auto& c : snapshot.companies) {
    if (enrolment_state(c, *agreements) == EnrolmentState::kCertificate)
      snapshot.enrolled.push_back(c.id);
  }
  return snapshot;
}

}  // namespace einvoice::accounts
