#pragma once

// einvoice accounts enrol ... and journal verify: the formal agreement
// (docs/accounts.md "Enrolment") and the hash-chained journal, thin layers
// over accounts/enrolments.h and accounts/accounts_journal.h.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "engine/accounts_jobs.h"
#include "env/env.h"

namespace einvoice::cli {

struct EnrolOptions {
  accounts::AgreementId id = 0;
  accounts::AccountId account = 0;
  std::vector<accounts::CompanyId> companies;
  bool bulk = false, confirm = false, representative_link = false, json = false;
  std::string first_name, last_name, function, email, out, seal;
};

// Adds the `enrol` group (start, authority, open-link, signer, send-code,
// resend, confirm, certificate, status, show, cancel) and the `journal`
// group (verify) to `app`, filling `o`.
void add_enrol_commands(CLI::App& app, EnrolOptions& o);

// Runs `enrol <verb>`; exit codes as every accounts command (0 done, 1
// refused by a rule, 2 usage or I/O).
int run_enrol(const std::string& verb, const EnrolOptions& o,
              const engine::AccountsSession& session, const env::Env& env);

// Runs `journal verify`: exit 0 when the journal holds, 1 naming each
// problem.
int run_journal(const EnrolOptions& o, const engine::AccountsSession& session);

// Prints the bulk agreement `company import --enrol` started (or that none
// was: no company eligible).
void print_bulk_agreement(const std::optional<accounts::Agreement>& agreement, bool json);

}  // namespace einvoice::cli
