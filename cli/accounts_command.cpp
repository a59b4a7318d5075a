// einvoice accounts: the administrators' command over the accounts module
// (engine/accounts_jobs.h, docs/accounts.md).
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "accounts/accounts.h"
#include "cli/accounts_enrol_command.h"
#include "cli/accounts_role_command.h"
#include "cli/cli_support.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "engine/accounts_jobs.h"
#include "env/clock.h"
#include "env/env.h"

namespace einvoice::cli {
namespace {

using accounts::AccountId;

constexpr const char* kDescription =
    "Accounts and companies (docs/accounts.md): main and secondary accounts, passwords\n"
    "(Argon2id; read on stdin), recovery links and API tokens, the companies each account\n"
    "handles and their CSV import, enrolment (formal agreements, one-time codes, sealed\n"
    "certificates), roles per (SIREN, service), the hash-chained journal.\n"
    "The database is --db FILE, else $EINVOICE_ACCOUNTS_DB.\n"
    "Exit codes: 0 ok, 1 refused by a rule (the reason names it), 2 usage or I/O error.";
constexpr std::size_t kMaxSecretBytes = 4096;

struct Options {
  std::string db;
  bool json = false;
  // accounts
  std::string name, siret, siren, email, responsible, address, profile = "main";
  int max_secondary = 0;
  std::vector<std::string> services;
  AccountId id = 0, main_id = 0, account_id = 0;
  bool mailbox = false, autonomous = false, identifier = false;
  std::string state, on_off, kind, has_mailbox;
  // tokens
  std::string label;
  int days = 0;
  std::int64_t token_id = 0;
  // companies
  std::string employees, options, file, identifier_prefix, action;
  bool purchase = false, payment = false, sales = false, duplicates = false;
  bool header = false, enrol = false, with_secondaries = false;
  std::string vat;  // "yes" or "no": subject to VAT
};

std::string dump(const nlohmann::json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string utc(std::int64_t seconds) {
  return env::utc_timestamp(std::chrono::system_clock::time_point(std::chrono::seconds(seconds)));
}

int fail(std::string_view command, const model::Error& error) {
  print_error(command, error);
  return engine::is_accounts_refusal(error) ? kExitInvalid : kExitUsage;
}

int problem(std::string_view command, const std::string& text) {
  std::cerr << "einvoice " << command << ": " << text << '\n';
  return kExitUsage;
}

// A password or secret on stdin: at most 4 KiB, one final newline dropped.
model::Result<std::string> read_secret() {
  std::string text;
  char c = 0;
  while (std::cin.get(c)) {
    if (text.size() >= kMaxSecretBytes)
      return model::Error{
          model::ErrorCode::kLimitExceeded, "PWD-LENGTH: more than 4096 bytes on stdin", {}};
    text += c;
  }
  if (!text.empty() && text.back() == '\n')
    text.pop_back();
  if (!text.empty() && text.back() == '\r')
    text.pop_back();
  return text;
}

model::Result<accounts::Services> services_of(const std::vector<std::string>& options) {
  std::string joined;
  for (const auto& s : options)
    joined += s + ";";
  return accounts::parse_services(joined);
}

nlohmann::json account_json(const accounts::Account& a) {
  nlohmann::json json = {{"id", a.id},
                         {"kind", accounts::to_string(a.kind)},
                         {"name", a.name},
                         {"display_name", a.display_name()},
                         {"profile", a.profile},
                         {"email", a.email},
                         {"services", accounts::format_services(a.services)},
                         {"mailbox", a.mailbox},
                         {"state", a.active ? "active" : "deactivated"},
                         {"password_reset_required", a.password_reset_required},
                         {"created_at", utc(a.created_at)}};
  if (a.is_main()) {
    json["siret"] = a.siret;
    json["responsible"] = a.responsible;
    json["address"] = a.address;
    json["max_secondary"] = a.max_secondary;
  } else {
    json["main"] = *a.main_id;
    json["autonomous"] = a.autonomous;
  }
  return json;
}

void print_account(const accounts::Account& a, bool json) {
  if (json) {
    std::cout << dump(account_json(a)) << '\n';
    return;
  }
  std::cout << a.id << '\t' << accounts::to_string(a.kind) << '\t' << a.display_name() << '\t'
            << (a.active ? "active" : "deactivated") << '\t'
            << (a.mailbox ? "mailbox" : "no mailbox") << '\n';
}

nlohmann::json company_json(const accounts::Company& c) {
  return {{"id", c.id},
          {"account", c.account_id},
          {"identifier_type", accounts::to_string(c.identifier_type)},
          {"identifier", c.identifier},
          {"name", c.name},
          {"employees", accounts::to_string(c.employees)},
          {"purchase", c.options.purchase},
          {"payment", c.options.payment},
          {"sales", c.options.sales},
          {"duplicates", c.options.duplicates},
          {"address", c.address},
          {"vat_subject", c.vat_subject},
          {"created_at", utc(c.created_at)}};
}

void print_company(const accounts::Company& c, bool json) {
  if (json) {
    std::cout << dump(company_json(c)) << '\n';
    return;
  }
  std::cout << c.id << '\t' << accounts::to_string(c.identifier_type) << ' ' << c.identifier << '\t'
            << accounts::to_string(c.employees) << '\t' << (c.options.purchase ? " purchase" : "")
            << (c.options.payment ? " payment" : "") << (c.options.sales ? " sales" : "")
            << (c.options.duplicates ? " duplicates" : "") << '\t' << c.name << '\n';
}

// --- accounts

int run_main_create(const Options& o, const accounts::Accounts& a) {
  auto services = services_of(o.services);
  if (!services)
    return problem("accounts main create", services.error().message);
  auto password = read_secret();
  if (!password)
    return fail("accounts main create", password.error());
  accounts::NewMainAccount request{o.name,          o.siret,   o.email,
                                   o.responsible,   o.address, o.profile,
                                   o.max_secondary, *services, std::move(*password)};
  auto created = a.create_main(request);
  if (!created)
    return fail("accounts main create", created.error());
  if (o.json)
    print_account(*created, true);
  else
    std::cout << "main account " << created->id << " created: " << created->display_name() << '\n';
  return kExitOk;
}

int run_secondary_create(const Options& o, const accounts::Accounts& a) {
  accounts::NewSecondaryAccount request;
  request.main_id = o.main_id;
  request.name = o.name;
  request.email = o.email;
  request.mailbox = o.mailbox;
  request.autonomous = o.autonomous;
  if (!o.services.empty()) {
    auto services = services_of(o.services);
    if (!services)
      return problem("accounts secondary create", services.error().message);
    request.services = *services;
  }
  auto created = a.create_secondary(request);
  if (!created)
    return fail("accounts secondary create", created.error());
  if (o.json)
    print_account(*created, true);
  else
    std::cout << "secondary account " << created->id << " created: " << created->display_name()
              << (created->mailbox ? " (with a mailbox: set its password with einvoice accounts "
                                     "password set " +
                                         std::to_string(created->id) + ")"
                                   : " (no mailbox: its messages go to the main account)")
              << '\n';
  return kExitOk;
}

int run_account(const std::string& action, const Options& o, const accounts::Accounts& a) {
  const std::string command = "accounts account " + action;
  if (action == "list") {
    accounts::AccountFilter filter;
    if (!o.kind.empty())
      filter.kind =
          o.kind == "main" ? accounts::AccountKind::kMain : accounts::AccountKind::kSecondary;
    if (o.main_id != 0)
      filter.main_id = o.main_id;
    if (!o.state.empty())
      filter.active = o.state == "active";
    if (!o.has_mailbox.empty())
      filter.mailbox = o.has_mailbox == "yes";
    filter.name_contains = o.name;
    filter.siret = o.siret;
    auto found = a.list(filter);
    if (!found)
      return fail(command, found.error());
    for (const auto& account : *found)
      print_account(account, o.json);
    return kExitOk;
  }
  model::Result<accounts::Account> result = model::Error{};
  std::string warning;
  if (action == "show") {
    result = a.account(o.id);
  } else if (action == "deactivate") {
    result = a.deactivate(o.id);
  } else if (action == "reactivate") {
    result = a.reactivate(o.id);
  } else if (action == "autonomous") {
    result = a.set_autonomous(o.id, o.on_off == "on", std::nullopt);
  } else if (action == "siret") {
    result = a.set_siret(o.id, o.siret);
  } else if (action == "services") {
    auto services = services_of(o.services);
    if (!services)
      return problem(command, services.error().message);
    result = a.set_services(o.id, *services, std::nullopt);
  } else {  // mailbox
    auto change = a.set_mailbox(o.id, o.on_off == "on");
    if (!change)
      return fail(command, change.error());
    warning = change->warning;
    result = std::move(change->account);
  }
  if (!result)
    return fail(command, result.error());
  if (!warning.empty())
    std::cerr << "einvoice " << command << ": warning: " << warning << '\n';
  print_account(*result, o.json);
  return kExitOk;
}

// --- credentials

int run_password(const std::string& action, const Options& o, const accounts::Accounts& a) {
  const std::string command = "accounts password " + action;
  if (action == "recover") {
    auto sent = a.send_recovery_link(
        o.id, o.identifier ? accounts::LinkPurpose::kIdentifier : accounts::LinkPurpose::kPassword);
    if (!sent)
      return fail(command, sent.error());
    std::cout << "recovery link sent to the responsible person of account " << o.id
              << " (einvoice accounts outbox list)\n";
    return kExitOk;
  }
  auto secret = read_secret();
  if (!secret)
    return fail(command, secret.error());
  if (action == "set") {
    if (auto set = a.set_password(o.id, *secret); !set)
      return fail(command, set.error());
    std::cout << "password of account " << o.id << " set; its responsible person is notified\n";
    return kExitOk;
  }
  auto logged = a.login(o.id, *secret);  // check
  if (!logged)
    return fail(command, logged.error());
  std::cout << "password of account " << o.id << " accepted\n";
  return kExitOk;
}

int run_token(const std::string& action, const Options& o, const accounts::Accounts& a) {
  const std::string command = "accounts token " + action;
  if (action == "issue") {
    std::optional<std::chrono::seconds> validity;
    if (o.days > 0)
      validity = std::chrono::seconds(std::int64_t{o.days} * 24 * 3600);
    auto issued = a.issue_token(o.id, o.label, validity);
    if (!issued)
      return fail(command, issued.error());
    if (o.json)
      std::cout << dump({{"id", issued->token.id},
                         {"account", issued->token.account_id},
                         {"label", issued->token.label},
                         {"expires_at", utc(issued->token.expires_at)},
                         {"secret", issued->secret}})
                << '\n';
    else
      std::cout << "token " << issued->token.id << " (shown once, keep it): " << issued->secret
                << "\nvalid until " << utc(issued->token.expires_at) << '\n';
    return kExitOk;
  }
  if (action == "revoke") {
    if (auto revoked = a.revoke_token(o.token_id); !revoked)
      return fail(command, revoked.error());
    std::cout << "token " << o.token_id << " revoked\n";
    return kExitOk;
  }
  if (action == "list") {
    auto tokens = a.tokens(o.id);
    if (!tokens)
      return fail(command, tokens.error());
    for (const auto& t : *tokens)
      std::cout << t.id << '\t' << t.label << "\texpires " << utc(t.expires_at)
                << (t.revoked_at ? "\trevoked " + utc(*t.revoked_at) : std::string()) << '\n';
    return kExitOk;
  }
  auto secret = read_secret();  // check
  if (!secret)
    return fail(command, secret.error());
  auto account = a.authenticate_token(*secret);
  if (!account)
    return fail(command, account.error());
  std::cout << "token of account " << account->id << " (" << account->display_name()
            << ") accepted\n";
  return kExitOk;
}

// --- companies

model::Result<accounts::CompanyOptions> parse_option_list(const std::string& text) {
  accounts::CompanyOptions options;
  std::string_view rest = text;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    const std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    if (item == "purchase")
      options.purchase = true;
    else if (item == "payment")
      options.payment = true;
    else if (item == "sales")
      options.sales = true;
    else if (item == "duplicates")
      options.duplicates = true;
    else
      return model::Error{
          model::ErrorCode::kInvalidArgument,
          "--options takes purchase,payment,sales,duplicates, not '" + std::string(item) + "'",
          {}};
  }
  return options;
}

// company import: the report on stdout (JSON or a count), refused lines on
// stderr; exit 1 when any line was refused.
int run_import(const Options& o, const engine::AccountsSession& session, const env::Env& env) {
  const std::string command = "accounts company import";
  auto report = engine::run_company_import(session.accounts(), o.account_id, o.file, o.header, env);
  if (!report)
    return fail(command, report.error());
  // --enrol: the eligible companies imported go into one bulk agreement
  // (their state becomes multiple); the signer continues with enrol.
  std::optional<accounts::Agreement> bulk;
  if (o.enrol) {
    auto started = session.enrolments().start_bulk(o.account_id, report->imported_ids);
    if (!started)
      return fail(command + " --enrol", started.error());
    bulk = std::move(*started);
  }
  if (o.json) {
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& e : report->errors)
      errors.push_back({{"line", e.line}, {"reason", e.reason}});
    nlohmann::json json = {{"imported", report->imported}, {"errors", errors}};
    if (o.enrol)
      json["enrolment"] = bulk ? nlohmann::json(bulk->id) : nlohmann::json(nullptr);
    std::cout << dump(json) << '\n';
  } else {
    for (const auto& e : report->errors)
      std::cerr << o.file << ':' << e.line << ": " << e.reason << '\n';
    std::cout << report->imported << " companies imported, " << report->errors.size()
              << " lines refused\n";
    if (o.enrol)
      print_bulk_agreement(bulk, false);
  }
  return report->errors.empty() ? kExitOk : kExitInvalid;
}

int run_company(const std::string& action, const Options& o, const engine::AccountsSession& session,
                const env::Env& env) {
  const accounts::Accounts& a = session.accounts();
  const std::string command = "accounts company " + action;
  if (action == "add") {
    if (o.siren.empty() == o.siret.empty())
      return problem(command, "give --siren S or --siret S (one of them)");
    accounts::NewCompany request;
    request.account_id = o.account_id;
    request.identifier_type =
        o.siren.empty() ? accounts::IdentifierType::kSiret : accounts::IdentifierType::kSiren;
    request.identifier = o.siren.empty() ? o.siret : o.siren;
    request.name = o.name;
    request.employees = *accounts::parse_employee_bracket(o.employees);
    request.options = {o.purchase, o.payment, o.sales, o.duplicates};
    request.address = o.address;
    request.vat_subject = o.vat != "no";
    auto added = a.add_company(request);
    if (!added)
      return fail(command, added.error());
    print_company(*added, o.json);
    return kExitOk;
  }
  if (action == "edit") {
    accounts::CompanyEdit edit;
    if (!o.name.empty())
      edit.name = o.name;
    if (!o.employees.empty())
      edit.employees = accounts::parse_employee_bracket(o.employees);
    if (!o.address.empty())
      edit.address = o.address;
    if (!o.vat.empty())
      edit.vat_subject = o.vat == "yes";
    if (!o.options.empty()) {
      auto options = parse_option_list(o.options);
      if (!options)
        return problem(command, options.error().message);
      edit.options = *options;
    }
    auto edited = a.edit_company(o.id, edit);
    if (!edited)
      return fail(command, edited.error());
    print_company(*edited, o.json);
    return kExitOk;
  }
  if (action == "search") {
    auto found = a.search_companies(o.account_id, o.with_secondaries, o.identifier_prefix, o.name);
    if (!found)
      return fail(command, found.error());
    for (const auto& c : *found)
      print_company(c, o.json);
    return kExitOk;
  }
  return run_import(o, session, env);
}

// may: the decision and its reason; exit 0 allowed, 1 denied.
int run_may(const Options& o, const accounts::Accounts& a) {
  const auto action = accounts::parse_action(o.action);
  auto snapshot = a.decision_snapshot(o.account_id, o.siren);
  if (!snapshot)
    return fail("accounts may", snapshot.error());
  const auto decision = accounts::may(*snapshot, *action);
  if (o.json)
    std::cout << dump({{"allowed", decision.allowed},
                       {"rule", decision.rule},
                       {"reason", decision.reason}})
              << '\n';
  else
    std::cout << (decision.allowed ? "allowed: " : "denied: ")
              << (decision.allowed ? "" : decision.rule + ": ") << decision.reason << '\n';
  return decision.allowed ? kExitOk : kExitInvalid;
}

int run_outbox(const Options& o, const engine::AccountsSession& session) {
  auto messages = session.store().messages();
  if (!messages)
    return fail("accounts outbox list", messages.error());
  for (const auto& m : *messages) {
    if (o.json)
      std::cout << dump({{"to", m.recipient},
                         {"subject", m.subject},
                         {"body", m.body},
                         {"created_at", utc(m.created_at)}})
                << '\n';
    else
      std::cout << utc(m.created_at) << "\tto " << m.recipient << '\t' << m.subject << '\t'
                << m.body << '\n';
  }
  return kExitOk;
}

// --- the command line

CLI::App* action(CLI::App& group, const char* name, const char* help) {
  return group.add_subcommand(name, help);
}

// account show|deactivate|reactivate|mailbox|autonomous|siret|services|list
void add_any_account_commands(CLI::App& app, Options& o) {
  auto* account = app.add_subcommand("account", "any account");
  for (const char* name : {"show", "deactivate", "reactivate"}) {
    auto* sub = action(*account, name, "show, deactivate or reactivate an account");
    sub->add_option("id", o.id, "the account id")->required();
    sub->add_flag("--json", o.json, "print the account as JSON");
  }
  for (const char* name : {"mailbox", "autonomous"}) {
    auto* sub = action(*account, name, "switch a secondary's mailbox or autonomy on or off");
    sub->add_option("id", o.id, "the account id")->required();
    sub->add_option("state", o.on_off, "on or off")
        ->required()
        ->check(CLI::IsMember({"on", "off"}));
    sub->add_flag("--json", o.json, "print the account as JSON");
  }
  auto* siret = action(*account, "siret", "change the NIC part of a main account's SIRET");
  siret->add_option("id", o.id, "the account id")->required();
  siret->add_option("siret", o.siret, "the new SIRET, of the same SIREN")->required();
  siret->add_flag("--json", o.json, "print the account as JSON");
  auto* services = action(*account, "services", "set an account's services");
  services->add_option("id", o.id, "the account id")->required();
  services->add_option("--service", o.services, "SERVICE[:TYPE,...] (repeatable; none: none)");
  services->add_flag("--json", o.json, "print the account as JSON");
  auto* list = action(*account, "list", "list and search accounts");
  list->add_option("--kind", o.kind, "main or secondary")
      ->check(CLI::IsMember({"main", "secondary"}));
  list->add_option("--main", o.main_id, "the secondaries of this main account");
  list->add_option("--state", o.state, "active or deactivated")
      ->check(CLI::IsMember({"active", "deactivated"}));
  list->add_option("--mailbox", o.has_mailbox, "yes or no")->check(CLI::IsMember({"yes", "no"}));
  list->add_option("--name", o.name, "name containing this (case ignored)");
  list->add_option("--siret", o.siret, "this SIRET");
  list->add_flag("--json", o.json, "one JSON line per account");
  account->require_subcommand(1);
}

void add_account_commands(CLI::App& app, Options& o) {
  auto* main = app.add_subcommand("main", "main accounts");
  auto* create = action(*main, "create", "create a main account (password on stdin)");
  create->add_option("--name", o.name, "the company name")->required();
  create->add_option("--siret", o.siret, "its SIRET (check digit verified)")->required();
  create->add_option("--email", o.email, "the responsible person's e-mail")->required();
  create
      ->add_option("--max-secondary", o.max_secondary, "secondary accounts with a mailbox allowed")
      ->required();
  create->add_option("--responsible", o.responsible, "the person responsible");
  create->add_option("--address", o.address, "the postal address");
  create->add_option("--profile", o.profile, "main (default), web-declarations, central-bank");
  create->add_option("--service", o.services, "SERVICE[:TYPE,TYPE...] subscribed (repeatable)");
  create->add_flag("--json", o.json, "print the account as JSON");
  main->require_subcommand(1);

  auto* secondary = app.add_subcommand("secondary", "secondary accounts");
  auto* screate = action(*secondary, "create", "create a secondary account of a main account");
  screate->add_option("--main", o.main_id, "the main account's id")->required();
  screate->add_option("--name", o.name, "its name (the main account's is appended)")->required();
  screate->add_option("--email", o.email, "its mailbox address");
  screate->add_flag("--mailbox", o.mailbox, "with a mailbox (billed, counts against the limit)");
  screate->add_flag("--autonomous", o.autonomous, "chooses its own services");
  screate->add_option("--service", o.services, "SERVICE[:TYPE,...] (default: the main's)");
  screate->add_flag("--json", o.json, "print the account as JSON");
  secondary->require_subcommand(1);

  add_any_account_commands(app, o);
}

void add_credential_commands(CLI::App& app, Options& o) {
  auto* password = app.add_subcommand("password", "passwords");
  auto* set = action(*password, "set", "set an account's password (stdin); notifies");
  set->add_option("id", o.id, "the account id")->required();
  auto* check = action(*password, "check", "log in with the password on stdin");
  check->add_option("id", o.id, "the account id")->required();
  auto* recover = action(*password, "recover", "send a recovery link (valid 60 minutes)");
  recover->add_option("id", o.id, "the account id")->required();
  recover->add_flag("--identifier", o.identifier, "forgot my identifier (else: password)");
  password->require_subcommand(1);

  auto* token = app.add_subcommand("token", "API tokens for programs");
  auto* issue = action(*token, "issue", "issue a token (its secret is shown once)");
  issue->add_option("id", o.id, "the account id")->required();
  issue->add_option("--label", o.label, "what it is for");
  issue->add_option("--days", o.days, "validity in days (default 90)")->check(CLI::Range(1, 366));
  issue->add_flag("--json", o.json, "print the token as JSON");
  auto* revoke = action(*token, "revoke", "revoke a token");
  revoke->add_option("token", o.token_id, "the token id")->required();
  auto* tlist = action(*token, "list", "an account's tokens");
  tlist->add_option("id", o.id, "the account id")->required();
  action(*token, "check", "check the token secret on stdin");
  token->require_subcommand(1);

  auto* outbox = app.add_subcommand("outbox", "notifications waiting for a mail transport");
  auto* olist = action(*outbox, "list", "list them");
  olist->add_flag("--json", o.json, "one JSON line per message");
  outbox->require_subcommand(1);
}

void add_company_commands(CLI::App& app, Options& o) {
  auto* company = app.add_subcommand("company", "companies");
  auto brackets = CLI::IsMember({"1-10", "11-20", "21-50", "51-250", "250+"});
  auto* add = action(*company, "add", "add a company to an account");
  add->add_option("--account", o.account_id, "the account id")->required();
  add->add_option("--siren", o.siren, "SIREN: all invoices of the company");
  add->add_option("--siret", o.siret, "SIRET: one establishment");
  add->add_option("--employees", o.employees, "1-10, 11-20, 21-50, 51-250 or 250+")
      ->required()
      ->check(brackets);
  add->add_option("--name", o.name, "the company name");
  add->add_flag("--purchase", o.purchase, "purchase invoices (automatic retrieval)");
  add->add_flag("--payment", o.payment, "purchase payment (needs --purchase)");
  add->add_flag("--sales", o.sales, "sales invoices");
  add->add_flag("--duplicates", o.duplicates, "duplicate control");
  add->add_option("--address", o.address, "the postal address (an agreement lists it)");
  add->add_option("--vat", o.vat, "subject to VAT: yes (default) or no (enrolment does not apply)")
      ->check(CLI::IsMember({"yes", "no"}));
  add->add_flag("--json", o.json, "print the company as JSON");
  auto* edit = action(*company, "edit", "change a company's options, employees or name");
  edit->add_option("id", o.id, "the company id")->required();
  edit->add_option("--employees", o.employees, "1-10, 11-20, 21-50, 51-250 or 250+")
      ->check(brackets);
  edit->add_option("--options", o.options, "all its options: purchase,payment,sales,duplicates");
  edit->add_option("--name", o.name, "the company name");
  edit->add_option("--address", o.address, "the postal address (an agreement lists it)");
  edit->add_option("--vat", o.vat, "subject to VAT: yes or no")
      ->check(CLI::IsMember({"yes", "no"}));
  edit->add_flag("--json", o.json, "print the company as JSON");
  auto* search = action(*company, "search", "an account's companies");
  search->add_option("--account", o.account_id, "the account id")->required();
  search->add_flag("--with-secondaries", o.with_secondaries,
                   "include its secondary accounts' companies");
  search->add_option("--identifier", o.identifier_prefix, "SIREN or SIRET, or their start");
  search->add_option("--name", o.name, "name containing this (case ignored)");
  search->add_flag("--json", o.json, "one JSON line per company");
  auto* import = action(*company, "import", "import companies from a CSV file (7 columns)");
  import->add_option("--account", o.account_id, "the account id")->required();
  import->add_option("file", o.file, "the CSV file")->required();
  import->add_flag("--header", o.header, "the file has a header line");
  import->add_flag("--enrol", o.enrol,
                   "enrol the eligible companies after import (one bulk agreement)");
  import->add_flag("--json", o.json, "the report as JSON");
  company->require_subcommand(1);

  auto* may = app.add_subcommand("may", "may an account do this for a company? (exit 0 or 1)");
  may->add_option("--account", o.account_id, "the account id")->required();
  may->add_option("--action", o.action, accounts::kActionNames)
      ->required()
      ->check(CLI::IsMember({"submit", "receive", "pay", "view", "manage-accounts",
                             "manage-companies", "archive-export", "archive-destroy"}));
  may->add_option("--siren", o.siren, "the company's SIREN")->required();
  may->add_flag("--json", o.json, "the decision as JSON");
}

// The session over the database of --db (or $EINVOICE_ACCOUNTS_DB), with the
// configuration of the environment; the platform seal of the certificates
// is loaded only when `sealing` (where a certificate may be made), from
// `seal_option` or $EINVOICE_ACCOUNTS_SEAL.
model::Result<std::unique_ptr<engine::AccountsSession>> open_session(const std::string& db_option,
                                                                     const std::string& seal_option,
                                                                     bool sealing,
                                                                     const env::Env& env) {
  auto db = engine::accounts_database(db_option, env);
  if (!db)
    return db.error();
  auto config = engine::accounts_config(env);
  if (!config)
    return config.error();
  auto enrolment = engine::enrolment_config(env);
  if (!enrolment)
    return enrolment.error();
  std::unique_ptr<accounts::CertificateSealer> sealer;
  if (auto seal_file = engine::accounts_seal_file(seal_option, env); sealing && seal_file) {
    auto loaded = engine::load_certificate_sealer(*seal_file, env);
    if (!loaded)
      return loaded.error();
    sealer = std::move(*loaded);
  }
  return engine::AccountsSession::open(*db, env, std::move(*config), std::move(*enrolment),
                                       std::move(sealer));
}

}  // namespace

int run_accounts(int argc, char** argv, int first) {
  CLI::App app(kDescription, "einvoice accounts");
  Options o;
  app.add_option("--db", o.db, "the accounts database (default: $EINVOICE_ACCOUNTS_DB)");
  app.fallthrough();
  add_account_commands(app, o);
  add_credential_commands(app, o);
  add_company_commands(app, o);
  RoleOptions role_options;
  add_role_commands(app, role_options);
  EnrolOptions enrol_options;
  add_enrol_commands(app, enrol_options);
  app.require_subcommand(1);
  if (auto exit_code = parse_command_line(app, argc, argv, first))
    return *exit_code;
  const env::Env& env = env::system_env();
  const CLI::App* group = app.get_subcommands().front();
  const std::string name = group->get_name();
  const std::string verb =
      group->get_subcommands().empty() ? "" : group->get_subcommands().front()->get_name();
  const std::string command = "accounts " + name + (verb.empty() ? "" : " " + verb);
  auto session =
      open_session(o.db, name == "enrol" ? enrol_options.seal : "", name == "enrol", env);
  if (!session)
    return fail(command, session.error());
  const accounts::Accounts& a = (*session)->accounts();
  if (name == "main")
    return run_main_create(o, a);
  if (name == "secondary")
    return run_secondary_create(o, a);
  if (name == "account")
    return run_account(verb, o, a);
  if (name == "password")
    return run_password(verb, o, a);
  if (name == "token")
    return run_token(verb, o, a);
  if (name == "outbox")
    return run_outbox(o, **session);
  if (name == "may")
    return run_may(o, a);
  if (name == "role")
    return run_role(verb, role_options, **session, env);
  if (name == "enrol")
    return run_enrol(verb, enrol_options, **session, env);
  if (name == "journal")
    return run_journal(enrol_options, **session);
  return run_company(verb, o, **session, env);
}

}  // namespace einvoice::cli
