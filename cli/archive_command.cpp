// einvoice archive init|deposit|get|list|hold|release|destroy|audit|rotate-key|
// secure|renew|export|verify-export
// over the archive jobs of the engine (engine/archive_jobs.h).
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "archive/archive.h"
#include "cli/cli_support.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "engine/archive_jobs.h"
#include "engine/archive_sealer.h"
#include "env/env.h"

namespace einvoice::cli {
namespace {

constexpr const char* kDescription =
    "The evidentiary archive (docs/archive.md): deposits with SHA-256 fingerprints, a\n"
    "hash-chained journal secured by RFC 3161 timestamps, RFC 4998 evidence records,\n"
    "retention and legal hold, destruction certificates, audit, encryption at rest,\n"
    "exports an auditor verifies offline. The archive folder is --archive DIR, else\n"
    "$EINVOICE_ARCHIVE.\n"
    "Exit codes: 0 ok, 1 a check failed or the archive refused (reason printed),\n"
    "2 usage or I/O error.";

// What every subcommand is given.
struct Common {
  std::string archive;
  std::string key_file;
};

struct Options {
  Common common;
  std::vector<std::string> files;
  std::string siren, document_class, id, out, reason, authorized_by, new_key_file;
  std::vector<std::string> ids, tsa_crls;
  std::string tsa_url, test_tsa_dir, export_dir, trust, seal;
  bool test_tsa = false;
  bool require_seal = false;
  bool no_crl_fetch = false;
  bool json = false;
  int invoice_years = 10, receipt_years = 10, other_years = 10;
  unsigned jobs = 0;
};

std::string dump(const nlohmann::json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

int usage_problem_text(std::string_view command, const std::string& problem) {
  std::cerr << "einvoice " << command << ": " << problem << '\n';
  return kExitUsage;
}

int fail(std::string_view command, const model::Error& error) {
  print_error(command, error);
  return engine::is_refusal(error) ? kExitInvalid : kExitUsage;
}

CLI::App* subcommand(CLI::App& app, const char* name, const char* help, Common& common) {
  CLI::App* sub = app.add_subcommand(name, help);
  sub->add_option("--archive", common.archive, "the archive folder (default: $EINVOICE_ARCHIVE)");
  sub->add_option("--key-file", common.key_file,
                  "the master key of an encrypted archive (64 hex digits: openssl rand -hex 32)");
  return sub;
}

model::Result<std::unique_ptr<archive::Archive>> open(const Common& common, const env::Env& env) {
  auto dir = engine::archive_folder(common.archive, env);
  if (!dir)
    return dir.error();
  engine::ArchiveLocation location{*dir, std::nullopt};
  if (!common.key_file.empty())
    location.key_file = common.key_file;
  return engine::open_archive(location, env);
}

// Opens the archive and, when a platform seal is configured (--seal FILE,
// else $EINVOICE_ARCHIVE_SEAL), seals what it issues with it. `sealer` keeps
// the sealer: declared before the archive, it outlives it.
model::Result<std::unique_ptr<archive::Archive>> open_sealing(
    const Options& o, const env::Env& env, std::unique_ptr<archive::Sealer>& sealer) {
  if (auto file = engine::archive_seal_file(o.seal, env)) {
    auto loaded = engine::load_archive_sealer(*file, env);
    if (!loaded)
      return loaded.error();
    sealer = std::move(*loaded);
  }
  auto opened = open(o.common, env);
  if (opened && sealer)
    (*opened)->use_sealer(sealer.get());
  return opened;
}

void add_seal_option(CLI::App& sub, Options& o, const char* what) {
  sub.add_option("--seal", o.seal,
                 std::string("seal ") + what +
                     " with the platform seal this JSON file describes (default: "
                     "$EINVOICE_ARCHIVE_SEAL; docs/archive.md)");
}

nlohmann::json object_json(const archive::ArchivedObject& object) {
  const auto& m = object.metadata;
  return {{"id", object.id},
          {"file", m.file_name},
          {"sha256", object.sha256},
          {"size", object.size},
          {"deposited_at", object.deposited_at},
          {"siren", m.siren},
          {"invoice_number", m.invoice_number},
          {"invoice_date", m.invoice_date},
          {"type_code", m.type_code},
          {"format", m.format},
          {"profile", m.profile},
          {"class", archive::to_string(m.document_class)},
          {"on_hold", object.on_hold},
          {"encrypted", !object.key_id.empty()}};
}

int run_init(const Options& o, const env::Env& env) {
  auto dir = engine::archive_folder(o.common.archive, env);
  if (!dir)
    return fail("archive init", dir.error());
  archive::RetentionPolicy retention{o.invoice_years, o.receipt_years, o.other_years};
  std::optional<archive::MasterKey> key;
  if (!o.common.key_file.empty()) {
    auto read = engine::read_master_key(o.common.key_file, env);
    if (!read)
      return fail("archive init", read.error());
    key = *read;
  }
  if (auto made = archive::Archive::init(*dir, retention, key ? &*key : nullptr, env); !made)
    return fail("archive init", made.error());
  std::cout << "archive created in " << dir->string()
            << (key ? " (encrypted at rest, master key " + key->id() + ")" : std::string()) << '\n';
  return kExitOk;
}

int run_deposit(const Options& o, const env::Env& env) {
  std::unique_ptr<archive::Sealer> sealer;
  auto opened = open_sealing(o, env, sealer);
  if (!opened)
    return fail("archive deposit", opened.error());
  engine::ArchiveDepositJob job;
  job.files.assign(o.files.begin(), o.files.end());
  job.siren = o.siren;
  if (!o.document_class.empty())
    job.document_class = archive::parse_document_class(o.document_class);
  auto totals = engine::run_archive_deposit(**opened, job, env, [&](const engine::DepositLine& l) {
    if (!l.outcome) {
      print_error("archive deposit", l.outcome.error());
      return;
    }
    const auto& r = *l.outcome;
    if (o.json) {
      nlohmann::json line = {{"id", r.id},
                             {"file", l.file},
                             {"sha256", r.sha256},
                             {"size", r.size},
                             {"deposited_at", r.deposited_at},
                             {"existing", r.existing},
                             {"siren", l.metadata.siren},
                             {"invoice_number", l.metadata.invoice_number},
                             {"invoice_date", l.metadata.invoice_date},
                             {"format", l.metadata.format},
                             {"class", archive::to_string(l.metadata.document_class)}};
      std::cout << dump(line) << std::endl;
    } else {
      std::cout << l.file << ": " << r.id << (r.existing ? " (already archived) " : " ") << r.sha256
                << std::endl;
    }
  });
  return batch_exit_code(totals.failed, 0, totals.refused);
}

int run_get(const Options& o, const env::Env& env) {
  auto opened = open(o.common, env);
  if (!opened)
    return fail("archive get", opened.error());
  auto bytes = (*opened)->get(o.id, engine::archive_actor(env));
  if (!bytes)
    return fail("archive get", bytes.error());
  if (auto written = env.files.write_atomic(o.out, *bytes); !written)
    return fail("archive get", written.error());
  std::cout << o.id << " -> " << o.out << '\n';
  return kExitOk;
}

int run_list(const Options& o, const env::Env& env) {
  auto opened = open(o.common, env);
  if (!opened)
    return fail("archive list", opened.error());
  auto objects =
      (*opened)->list(o.siren.empty() ? std::nullopt : std::optional<std::string>(o.siren));
  if (!objects)
    return fail("archive list", objects.error());
  for (const auto& object : *objects) {
    if (o.json)
      std::cout << dump(object_json(object)) << '\n';
    else
      std::cout << object.id << "  " << object.deposited_at << "  "
                << (object.metadata.siren.empty() ? "-" : object.metadata.siren) << "  "
                << archive::to_string(object.metadata.document_class)
                << (object.on_hold ? "  HOLD" : "") << "  " << object.metadata.file_name << '\n';
  }
  return kExitOk;
}

int run_audit(const Options& o, const env::Env& env) {
  auto opened = open(o.common, env);
  if (!opened)
    return fail("archive audit", opened.error());
  const unsigned threads = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  auto report = (*opened)->audit(engine::archive_actor(env), threads);
  if (!report)
    return fail("archive audit", report.error());
  const double megabytes = static_cast<double>(report->bytes) / 1e6;
  const double rate = report->hash_seconds > 0 ? megabytes / report->hash_seconds : 0;
  if (o.json) {
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& p : report->problems)
      problems.push_back({{"id", p.archive_id}, {"problem", p.what}});
    std::cout << dump({{"ok", report->ok()},
                       {"objects", report->objects},
                       {"bytes", report->bytes},
                       {"journal_entries", report->journal_entries},
                       {"seconds", report->hash_seconds},
                       {"threads", report->threads},
                       {"problems", problems}})
              << '\n';
  } else {
    for (const auto& p : report->problems)
      std::cout << (p.archive_id.empty() ? "archive" : p.archive_id) << ": " << p.what << '\n';
    std::cout << "audit: " << report->objects << " objects, " << megabytes << " MB re-hashed in "
              << report->hash_seconds << " s (" << rate << " MB/s on " << report->threads
              << " threads), " << report->journal_entries << " journal entries: "
              << (report->ok() ? "ok" : std::to_string(report->problems.size()) + " problems")
              << '\n';
  }
  return report->ok() ? kExitOk : kExitInvalid;
}

// hold, release, destroy: one object, one decision.
int run_decision(const std::string& name, const Options& o, const env::Env& env) {
  const std::string command = "archive " + name;
  auto opened = open(o.common, env);
  if (!opened)
    return fail(command, opened.error());
  const std::string actor = engine::archive_actor(env);
  if (name == "destroy") {
    auto certificate = (*opened)->destroy(o.id, o.authorized_by);
    if (!certificate)
      return fail(command, certificate.error());
    std::cout << *certificate;
    return kExitOk;
  }
  auto done = name == "hold" ? (*opened)->hold(o.id, o.reason, actor)
                             : (*opened)->release(o.id, o.reason, actor);
  if (!done)
    return fail(command, done.error());
  std::cout << o.id << ": " << (name == "hold" ? "under legal hold" : "hold released") << '\n';
  return kExitOk;
}

int run_rotate(const Options& o, const env::Env& env) {
  auto opened = open(o.common, env);
  if (!opened)
    return fail("archive rotate-key", opened.error());
  auto key = engine::read_master_key(o.new_key_file, env);
  if (!key)
    return fail("archive rotate-key", key.error());
  if (auto rotated = (*opened)->rotate_key(*key, engine::archive_actor(env)); !rotated)
    return fail("archive rotate-key", rotated.error());
  std::cout << "data keys re-wrapped under master key " << key->id() << '\n';
  return kExitOk;
}

// The authority the TSA options name, warning that the test TSA proves nothing.
engine::ArchiveSecureJob tsa_job(const std::string& command, const Options& o) {
  if (o.test_tsa)
    std::cerr << command
              << ": warning: --test-tsa timestamps prove nothing (self-signed test TSA)\n";
  engine::ArchiveSecureJob job;
  job.tsa_url = o.tsa_url;
  job.test_tsa = o.test_tsa;
  job.test_tsa_dir = o.test_tsa_dir;
  return job;
}

int run_secure(const Options& o, const env::Env& env) {
  std::unique_ptr<archive::Sealer> sealer;
  auto opened = open_sealing(o, env, sealer);
  if (!opened)
    return fail("archive secure", opened.error());
  engine::ArchiveSecureJob job = tsa_job("archive secure", o);
  job.tsa_crl_files.assign(o.tsa_crls.begin(), o.tsa_crls.end());
  job.fetch_tsa_crls = !o.no_crl_fetch;
  auto outcome = engine::run_archive_secure(**opened, job, env);
  if (!outcome)
    return fail("archive secure", outcome.error());
  for (const auto& warning : outcome->warnings)
    std::cerr << "archive secure: warning: " << warning << '\n';
  const auto& secured = outcome->securing;
  if (!secured) {
    std::cout << "nothing to secure: no journal entry since the last securing\n";
    return kExitOk;
  }
  const auto& r = secured->record;
  std::cout << "securing " << r.number << ": journal entries " << r.first_sequence << ".."
            << r.last_sequence << ", root " << r.root << ", timestamped " << r.gen_time << " by "
            << r.authority << (secured->seal.empty() ? "" : "; record sealed")
            << (secured->tsa_crls.empty()
                    ? ""
                    : "; " + std::to_string(secured->tsa_crls.size()) + " CRL(s) kept")
            << '\n';
  return kExitOk;
}

int run_renew(const Options& o, const env::Env& env) {
  std::unique_ptr<archive::Sealer> sealer;
  auto opened = open_sealing(o, env, sealer);
  if (!opened)
    return fail("archive renew", opened.error());
  auto renewed = engine::run_archive_renew(**opened, tsa_job("archive renew", o), env);
  if (!renewed)
    return fail("archive renew", renewed.error());
  if (!*renewed) {
    std::cout << "nothing to renew: no securing run yet\n";
    return kExitOk;
  }
  const auto& r = (*renewed)->record;
  std::cout << "renewal " << r.number << ": timestamps of securing 1.." << r.leaves.size()
            << ", tree root " << r.tree_root << ", timestamped " << r.gen_time << " by "
            << r.authority << ((*renewed)->seal.empty() ? "" : "; record sealed") << '\n';
  return kExitOk;
}

int run_export(const Options& o, const env::Env& env) {
  if (o.siren.empty() == o.ids.empty())
    return usage_problem_text("archive export", "give --siren SIREN or --id ID...");
  std::unique_ptr<archive::Sealer> sealer;
  auto opened = open_sealing(o, env, sealer);
  if (!opened)
    return fail("archive export", opened.error());
  auto summary = engine::run_archive_export(**opened, o.siren, o.ids, o.export_dir, env);
  if (!summary)
    return fail("archive export", summary.error());
  std::cout << "exported " << summary->documents << " documents (" << summary->files
            << " files) to " << o.export_dir << (sealer ? ", manifest sealed" : "")
            << "; check with: einvoice archive verify-export " << o.export_dir << '\n';
  return kExitOk;
}

int run_verify_export(const Options& o, const env::Env& env) {
  std::optional<std::filesystem::path> trust;
  if (!o.trust.empty())
    trust = o.trust;
  auto verification = engine::run_verify_export(o.export_dir, trust, o.require_seal, env);
  if (!verification)
    return fail("archive verify-export", verification.error());
  nlohmann::json checks = nlohmann::json::array();
  for (const auto& c : verification->checks) {
    if (o.json)
      checks.push_back(
          {{"subject", c.subject}, {"check", c.check}, {"passed", c.passed}, {"detail", c.detail}});
    else
      std::cout << (c.passed ? "PASS  " : "FAIL  ") << c.subject << ": " << c.check
                << (c.passed ? "" : " -- " + c.detail) << '\n';
  }
  if (o.json)
    std::cout << dump({{"passed", verification->passed()},
                       {"trust", verification->trust_note},
                       {"manifest_sealed", verification->manifest_sealed},
                       {"checks", checks}})
              << '\n';
  else
    std::cout << verification->trust_note << '\n'
              << (verification->manifest_sealed
                      ? "the manifest is sealed: the export is whole\n"
                      : "the manifest is not sealed: a document removed together with its files "
                        "and the rewritten manifests would go unnoticed\n")
              << (verification->passed() ? "export verified" : "EXPORT FAILED VERIFICATION")
              << '\n';
  return verification->passed() ? kExitOk : kExitInvalid;
}

// The timestamp authority of secure and renew.
void add_tsa_options(CLI::App& sub, Options& o) {
  sub.add_option("--tsa-url", o.tsa_url, "RFC 3161 timestamp authority (http or https)");
  sub.add_flag("--test-tsa", o.test_tsa, "the in-process test TSA (proves nothing)");
  sub.add_option("--test-tsa-dir", o.test_tsa_dir, "keep the test TSA's key and certificate");
}

void add_evidence_subcommands(CLI::App& app, Options& o) {
  auto* secure =
      subcommand(app, "secure", "timestamp the journal since the last securing", o.common);
  add_tsa_options(*secure, o);
  secure->add_option("--tsa-crl", o.tsa_crls,
                     "a CRL (DER or PEM) of the TSA certificate's issuer, kept with the run and "
                     "exported (repeatable)");
  secure->add_flag("--no-crl-fetch", o.no_crl_fetch,
                   "without --tsa-crl, do not fetch the CRLs the TSA certificate names");
  add_seal_option(*secure, o, "the securing record");
  auto* renew = subcommand(app, "renew",
                           "renew the timestamps of every securing run (RFC 4998 5.2)", o.common);
  add_tsa_options(*renew, o);
  add_seal_option(*renew, o, "the renewal record");
  auto* exported =
      subcommand(app, "export", "write a self-contained export for auditors", o.common);
  exported->add_option("--siren", o.siren, "every live object of this SIREN");
  exported->add_option("--id", o.ids, "these objects")->expected(1, -1);
  exported->add_option("-o", o.export_dir, "the export folder (empty or missing)")->required();
  add_seal_option(*exported, o, "the manifest");
  auto* verify =
      app.add_subcommand("verify-export", "check an export offline, without the archive");
  verify->add_option("export", o.export_dir, "the export folder")->required();
  verify->add_option(
      "--trust", o.trust,
      "folder of trusted certificates (PEM): the TSAs' and the platform seal's roots");
  verify->add_flag("--require-seal", o.require_seal,
                   "fail unless the manifest is sealed (the export proven whole)");
  verify->add_flag("--json", o.json, "every check as JSON");
}

void add_subcommands(CLI::App& app, Options& o) {
  auto* init =
      subcommand(app, "init", "create an archive (with --key-file: encrypted at rest)", o.common);
  init->add_option("--invoice-years", o.invoice_years, "retention of invoices (default 10)");
  init->add_option("--receipt-years", o.receipt_years, "retention of receipts (default 10)");
  init->add_option("--other-years", o.other_years, "retention of other documents (default 10)");
  auto* deposit = subcommand(app, "deposit", "deposit files (printed once durable)", o.common);
  deposit->add_option("files", o.files, "the files")->required();
  deposit->add_option("--siren", o.siren, "the SIREN they belong to (else read from invoices)");
  deposit->add_option("--class", o.document_class, "invoice, receipt or other")
      ->check(CLI::IsMember({"invoice", "receipt", "other"}));
  deposit->add_flag("--json", o.json, "one JSON line per file");
  add_seal_option(*deposit, o, "the deposit receipts");
  auto* get = subcommand(app, "get", "write an archived object's exact bytes to OUT", o.common);
  get->add_option("id", o.id, "the archive id")->required();
  get->add_option("-o", o.out, "where to write it")->required();
  auto* list = subcommand(app, "list", "list live objects", o.common);
  list->add_option("--siren", o.siren, "only this SIREN's");
  list->add_flag("--json", o.json, "one JSON line per object");
  auto* audit =
      subcommand(app, "audit", "re-hash every object, check journal and catalog", o.common);
  audit->add_flag("--json", o.json, "the report as JSON");
  add_jobs_option(*audit, o.jobs);
  for (const char* name : {"hold", "release"}) {
    auto* sub = subcommand(app, name, "put an object under legal hold, or release it", o.common);
    sub->add_option("id", o.id, "the archive id")->required();
    sub->add_option("--reason", o.reason, "why (journaled)")->required();
  }
  auto* destroy = subcommand(app, "destroy", "destroy an expired object, not under hold", o.common);
  destroy->add_option("id", o.id, "the archive id")->required();
  destroy->add_option("--authorized-by", o.authorized_by, "who authorised it")->required();
  auto* rotate =
      subcommand(app, "rotate-key", "re-wrap data keys under a new master key", o.common);
  rotate->add_option("--new-key-file", o.new_key_file, "the new master key")->required();
  add_evidence_subcommands(app, o);
  app.require_subcommand(1);
}

}  // namespace

int run_archive(int argc, char** argv, int first) {
  CLI::App app(kDescription, "einvoice archive");
  Options o;
  add_subcommands(app, o);
  if (auto exit_code = parse_command_line(app, argc, argv, first))
    return *exit_code;
  const env::Env& env = env::system_env();
  const std::string name = app.get_subcommands().front()->get_name();
  if (name == "init")
    return run_init(o, env);
  if (name == "deposit")
    return run_deposit(o, env);
  if (name == "get")
    return run_get(o, env);
  if (name == "list")
    return run_list(o, env);
  if (name == "audit")
    return run_audit(o, env);
  if (name == "rotate-key")
    return run_rotate(o, env);
  if (name == "secure")
    return run_secure(o, env);
  if (name == "renew")
    return run_renew(o, env);
  if (name == "export")
    return run_export(o, env);
  if (name == "verify-export")
    return run_verify_export(o, env);
  return run_decision(name, o, env);
}

}  // namespace einvoice::cli
