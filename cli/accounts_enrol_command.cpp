// einvoice accounts enrol: the formal agreement designating the platform as
// the companies' approved platform for receiving invoices, its one-time code
// and certificate; einvoice accounts journal verify.
#include "cli/accounts_enrol_command.h"

#include <iostream>

#include "accounts/accounts_journal.h"
#include "cli/accounts_cli_support.h"

namespace einvoice::cli {
namespace {

constexpr std::size_t kMaxCodeBytes = 256;
constexpr std::size_t kMaxLinkBytes = 4096;

nlohmann::json agreement_json(const accounts::Agreement& a) {
  nlohmann::json companies = nlohmann::json::array();
  for (const auto& c : a.companies)
    companies.push_back({{"id", c.company_id},
                         {"identifier", c.identifier},
                         {"name", c.name},
                         {"address", c.address}});
  nlohmann::json json = {{"id", a.id},
                         {"account", a.account_id},
                         {"bulk", a.bulk},
                         {"stage", accounts::to_string(a.stage)},
                         {"authority", accounts::to_string(a.authority)},
                         {"companies", companies},
                         {"code_tries", a.code_tries}};
  if (!a.signer.email.empty())
    json["signer"] = {{"first_name", a.signer.first_name},
                      {"last_name", a.signer.last_name},
                      {"function", a.signer.function},
                      {"email", a.signer.email}};
  if (a.code_expires_at)
    json["code_expires_at"] = utc_seconds(a.code_expires_at);
  if (a.signed_at)
    json["signed_at"] = utc_seconds(a.signed_at);
  if (!a.certificate_sha256.empty())
    json["certificate_sha256"] = a.certificate_sha256;
  return json;
}

void print_agreement(const accounts::Agreement& a, bool json) {
  if (json) {
    std::cout << dump_line(agreement_json(a)) << '\n';
    return;
  }
  std::cout << "agreement " << a.id << '\t' << accounts::to_string(a.stage) << "\taccount "
            << a.account_id << '\t' << a.companies.size() << " compan"
            << (a.companies.size() == 1 ? "y" : "ies");
  for (const auto& c : a.companies)
    std::cout << '\t' << c.identifier << (c.name.empty() ? "" : " " + c.name);
  std::cout << '\n';
}

void id_option(CLI::App& sub, EnrolOptions& o) {
  sub.add_option("id", o.id, "the agreement id")->required();
  sub.add_flag("--json", o.json, "print the agreement as JSON");
}

// The signing steps: send-code, resend, confirm, certificate.
void add_code_commands(CLI::App& enrol, EnrolOptions& o) {
  id_option(*enrol.add_subcommand(
                "send-code", "the signer confirms the information: a one-time code is e-mailed"),
            o);
  id_option(*enrol.add_subcommand("resend", "a new code, after a short delay"), o);
  id_option(*enrol.add_subcommand("confirm", "sign with the one-time code (on stdin)"), o);
  auto* certificate = enrol.add_subcommand("certificate", "the certificate PDF of an agreement");
  certificate->add_option("id", o.id, "the agreement id")->required();
  certificate->add_option("--out", o.out, "the PDF file to write")->required();
}

// enrol status: each company's state.
int print_states(const EnrolOptions& o, const accounts::Enrolments& enrolments) {
  auto states = enrolments.states(o.account);
  if (!states)
    return accounts_failure("accounts enrol status", states.error());
  for (const auto& s : *states) {
    if (o.json)
      std::cout << dump_line({{"company", s.company.id},
                              {"identifier", s.company.identifier},
                              {"name", s.company.name},
                              {"state", accounts::to_string(s.state)},
                              {"agreement", s.agreement ? nlohmann::json(s.agreement)
                                                        : nlohmann::json(nullptr)}})
                << '\n';
    else
      std::cout << "company " << s.company.id << '\t' << s.company.identifier << '\t'
                << accounts::to_string(s.state)
                << (s.agreement ? "\tagreement " + std::to_string(s.agreement) : "") << '\n';
  }
  return kExitOk;
}

// enrol certificate: the PDF written atomically to --out.
int write_certificate(const EnrolOptions& o, const accounts::Enrolments& enrolments,
                      const env::Env& env) {
  const std::string command = "accounts enrol certificate";
  auto pdf = enrolments.certificate(o.id);
  if (!pdf)
    return accounts_failure(command, pdf.error());
  if (auto written = env.files.write_atomic(o.out, *pdf); !written)
    return accounts_failure(command, written.error());
  std::cout << "certificate of agreement " << o.id << " written to " << o.out << " (" << pdf->size()
            << " bytes)\n";
  return kExitOk;
}

// enrol authority --representative-link: the link, shown once.
int print_link(const EnrolOptions& o, const accounts::Enrolments& enrolments) {
  auto link = enrolments.representative_link(o.id);
  if (!link)
    return accounts_failure("accounts enrol authority", link.error());
  std::cout << (o.json ? dump_line({{"agreement", link->agreement.id}, {"link", link->url}})
                       : "send this link to the legal representative (shown once): " + link->url)
            << '\n';
  return kExitOk;
}

}  // namespace

void print_bulk_agreement(const std::optional<accounts::Agreement>& agreement, bool json) {
  if (json)
    std::cout << dump_line({{"agreement",
                             agreement ? agreement_json(*agreement) : nlohmann::json(nullptr)}})
              << '\n';
  else if (agreement)
    std::cout << "bulk enrolment: agreement " << agreement->id << " lists "
              << agreement->companies.size()
              << " companies (state multiple); continue with einvoice accounts enrol authority "
              << agreement->id << '\n';
  else
    std::cout << "bulk enrolment: no imported company is eligible\n";
}

void add_enrol_commands(CLI::App& app, EnrolOptions& o) {
  auto* enrol =
      app.add_subcommand("enrol", "formal agreements designating the platform (enrolment)");
  enrol->add_option("--seal", o.seal,
                    "platform seal file of the certificates (default $EINVOICE_ACCOUNTS_SEAL)");
  auto* start = enrol->add_subcommand("start", "list companies in a new agreement");
  start->add_option("--account", o.account, "the account preparing it")->required();
  start->add_option("--company", o.companies, "a company id (repeat for several)")->required();
  start->add_flag("--bulk", o.bulk, "a mass enrolment (state multiple until signed)");
  start->add_flag("--json", o.json, "print the agreement as JSON");
  auto* authority = enrol->add_subcommand("authority", "the signer's legal authority");
  id_option(*authority, o);
  auto* how = authority->add_option_group("how", "one of them");
  how->add_flag("--confirm", o.confirm, "the signer holds the legal authority");
  how->add_flag("--representative-link", o.representative_link,
                "a link for the legal representative (printed once)");
  how->require_option(1);
  enrol
      ->add_subcommand("open-link",
                       "the legal representative opens the link (the link or its secret on "
                       "stdin)")
      ->add_flag("--json", o.json, "print the agreement as JSON");
  auto* signer = enrol->add_subcommand("signer", "the signer's identity and function");
  id_option(*signer, o);
  signer->add_option("--first-name", o.first_name, "first name")->required();
  signer->add_option("--last-name", o.last_name, "last name")->required();
  signer->add_option("--function", o.function, "function in the companies")->required();
  signer->add_option("--email", o.email, "where the one-time code goes")->required();
  add_code_commands(*enrol, o);
  auto* status = enrol->add_subcommand("status", "the enrolment state of an account's companies");
  status->add_option("--account", o.account, "the account")->required();
  status->add_flag("--json", o.json, "one JSON line per company");
  id_option(*enrol->add_subcommand("show", "an agreement"), o);
  id_option(*enrol->add_subcommand("cancel", "cancel an open agreement"), o);
  enrol->require_subcommand(1);

  auto* journal = app.add_subcommand("journal", "the hash-chained journal of the accounts");
  journal->add_subcommand("verify", "check the chain and the role transitions against it")
      ->add_flag("--json", o.json, "the report as JSON");
  journal->require_subcommand(1);
}

int run_enrol(const std::string& verb, const EnrolOptions& o,
              const engine::AccountsSession& session, const env::Env& env) {
  const std::string command = "accounts enrol " + verb;
  const accounts::Enrolments& enrolments = session.enrolments();
  if (verb == "status")
    return print_states(o, enrolments);
  if (verb == "certificate")
    return write_certificate(o, enrolments, env);
  if (verb == "authority" && o.representative_link)
    return print_link(o, enrolments);
  model::Result<accounts::Agreement> done = model::Error{model::ErrorCode::kInternal, "", {}};
  if (verb == "start") {
    done = enrolments.start(o.account, o.companies, o.bulk);
  } else if (verb == "authority") {
    done = enrolments.confirm_authority(o.id);
  } else if (verb == "open-link") {
    auto typed = read_stdin_line(kMaxLinkBytes, "ENROL-LINK");
    if (!typed)
      return accounts_failure(command, typed.error());
    const auto secret = typed->find("secret=");
    done = enrolments.open_link(secret == std::string::npos ? *typed : typed->substr(secret + 7));
  } else if (verb == "signer") {
    done = enrolments.give_signer(o.id, {o.first_name, o.last_name, o.function, o.email});
  } else if (verb == "send-code") {
    done = enrolments.confirm(o.id);
  } else if (verb == "resend") {
    done = enrolments.resend_code(o.id);
  } else if (verb == "confirm") {
    auto code = read_stdin_line(kMaxCodeBytes, "ENROL-CODE-WRONG");
    if (!code)
      return accounts_failure(command, code.error());
    done = enrolments.sign(o.id, *code);
  } else if (verb == "show") {
    done = enrolments.agreement(o.id);
  } else {
    done = enrolments.cancel(o.id);
  }
  if (!done)
    return accounts_failure(command, done.error());
  print_agreement(*done, o.json);
  return kExitOk;
}

int run_journal(const EnrolOptions& o, const engine::AccountsSession& session) {
  auto report = accounts::verify_accounts_journal(session.store());
  if (!report)
    return accounts_failure("accounts journal verify", report.error());
  if (o.json) {
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& p : report->problems)
      problems.push_back({{"row", p.row}, {"problem", p.what}});
    std::cout << dump_line(
                     {{"rows", report->rows},
                      {"head", {{"row", report->head_sequence}, {"sha256", report->head_hash}}},
                      {"problems", problems}})
              << '\n';
  } else {
    for (const auto& p : report->problems)
      std::cerr << "journal: " << p.what << '\n';
    std::cout << report->rows << " journal rows, "
              << (report->ok() ? "the chain holds"
                               : std::to_string(report->problems.size()) + " problems")
              << "; last row " << report->head_sequence << " sha256 "
              << (report->head_hash.empty() ? "-" : report->head_hash) << '\n';
  }
  return report->ok() ? kExitOk : kExitInvalid;
}

}  // namespace einvoice::cli
