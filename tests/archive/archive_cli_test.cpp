// einvoice archive as real processes: a round trip through the command line,
// exit codes, four depositors at once, and depositors killed by SIGKILL at
// random points (every deposit whose line was printed survives, whole).
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "archive/archive.h"
#include "archive/sha256.h"
#include "env/output_folder.h"
#include "signing/local_timestamp_authority.h"
#include "tests/archive/archive_test_support.h"
#include "tests/scratch_folder.h"

namespace einvoice::archive {
namespace {

namespace fs = std::filesystem;
using testing::run_einvoice;
using testing::TestEnv;

// `count` small files of distinct content named `prefix`N.txt in `dir`.
std::vector<std::string> make_files(const fs::path& dir, const std::string& prefix, int count) {
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) {
    const fs::path file = dir / (prefix + std::to_string(i) + ".txt");
    testing::spit(file, "document " + prefix + std::to_string(i) + " " +
                            std::string(static_cast<std::size_t>(40 + i % 50), 'x') + "\n");
    out.push_back(file.string());
  }
  return out;
}

// The JSON lines of `out` that are complete (a killed process may leave a
// partial last line).
std::vector<nlohmann::json> complete_lines(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::size_t start = 0;
  for (std::size_t end = out.find('\n'); end != std::string::npos;
       start = end + 1, end = out.find('\n', start)) {
    auto json = nlohmann::json::parse(out.substr(start, end - start), nullptr, false);
    REQUIRE_FALSE(json.is_discarded());
    lines.push_back(std::move(json));
  }
  return lines;
}

// No object under `objects` is partial: each file's name is its SHA-256.
void check_objects_whole(const fs::path& objects) {
  if (!fs::exists(objects))
    return;
  for (const auto& entry : fs::recursive_directory_iterator(objects)) {
    if (!entry.is_regular_file() || env::is_temporary_name(entry.path().filename().string()))
      continue;
    INFO(entry.path());
    CHECK(Sha256::hex(testing::slurp(entry.path())) == entry.path().filename().string());
  }
}

}  // namespace

TEST_CASE("einvoice archive: deposit, list, get round trip and exit codes", "[archive][cli]") {
  einvoice::testing::ScratchFolder scratch("archive-cli-");
  const fs::path dir = scratch.dir();
  const std::string archive = (dir / "a").string();
  REQUIRE(run_einvoice({"archive", "init", "--archive", archive}, dir).exit_code == 0);
  auto files = make_files(dir / "in", "doc", 3);
  auto deposit = run_einvoice({"archive", "deposit", "--archive", archive, "--json", "--siren",
                               "832147656", files[0], files[1], files[2]},
                              dir);
  REQUIRE(deposit.exit_code == 0);
  const auto lines = complete_lines(deposit.out);
  REQUIRE(lines.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& line = lines[i];
    CHECK(line.at("file") == files[i]);
    CHECK(line.at("siren") == "832147656");
    const std::string out = (dir / ("back" + std::to_string(i))).string();
    auto get =
        run_einvoice({"archive", "get", "--archive", archive, line.at("id"), "-o", out}, dir);
    REQUIRE(get.exit_code == 0);
    CHECK(testing::slurp(out) == testing::slurp(files[i]));
  }
  auto again = run_einvoice(
      {"archive", "deposit", "--archive", archive, "--json", "--siren", "832147656", files[1]},
      dir);
  REQUIRE(again.exit_code == 0);
  CHECK(complete_lines(again.out).at(0).at("id") == lines[1].at("id"));
  CHECK(complete_lines(again.out).at(0).at("existing") == true);

  auto list = run_einvoice({"archive", "list", "--archive", archive, "--json"}, dir);
  REQUIRE(list.exit_code == 0);
  CHECK(complete_lines(list.out).size() == 3);
  // Refusals exit 1 with the reason; usage and I/O problems exit 2.
  auto destroy = run_einvoice(
      {"archive", "destroy", "--archive", archive, lines[0].at("id"), "--authorized-by", "me"},
      dir);
  CHECK(destroy.exit_code == 1);
  CHECK(destroy.err.find("under retention until") != std::string::npos);
  auto missing = run_einvoice({"archive", "list", "--archive", (dir / "none").string()}, dir);
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("not an archive") != std::string::npos);
  CHECK(run_einvoice({"archive", "audit", "--archive", archive}, dir).exit_code == 0);
  REQUIRE(testing::tamper_sql(archive, "UPDATE objects SET file_name = 'renamed'"));
  auto audit = run_einvoice({"archive", "audit", "--archive", archive}, dir);
  CHECK(audit.exit_code == 1);
  CHECK(audit.out.find(lines[0].at("id").get<std::string>() + ": catalog row edited") !=
        std::string::npos);
}

TEST_CASE("einvoice archive secure, export, verify-export", "[archive][cli][export]") {
  einvoice::testing::ScratchFolder scratch("archive-cli-export-");
  const fs::path dir = scratch.dir();
  const std::string archive = (dir / "a").string();
  REQUIRE(run_einvoice({"archive", "init", "--archive", archive}, dir).exit_code == 0);
  auto files = make_files(dir / "in", "doc", 2);
  auto deposit = run_einvoice({"archive", "deposit", "--archive", archive, "--json", "--siren",
                               "832147656", files[0], files[1]},
                              dir);
  REQUIRE(deposit.exit_code == 0);
  const std::string export_dir = (dir / "export").string();
  auto unsecured = run_einvoice(
      {"archive", "export", "--archive", archive, "--siren", "832147656", "-o", export_dir}, dir);
  CHECK(unsecured.exit_code == 1);
  CHECK(unsecured.err.find("not secured yet") != std::string::npos);
  auto secure = run_einvoice({"archive", "secure", "--archive", archive, "--test-tsa",
                              "--test-tsa-dir", (dir / "tsa").string()},
                             dir);
  REQUIRE(secure.exit_code == 0);
  CHECK(secure.out.find("securing 1: journal entries 1..3") != std::string::npos);
  auto exported = run_einvoice(
      {"archive", "export", "--archive", archive, "--siren", "832147656", "-o", export_dir}, dir);
  REQUIRE(exported.exit_code == 0);
  // The test TSA's certificate as the one trust anchor (its folder also holds its key).
  testing::spit(dir / "trust" / "tsa.pem", testing::slurp(dir / "tsa" / "tsa-certificate.pem"));
  auto verified = run_einvoice(
      {"archive", "verify-export", export_dir, "--trust", (dir / "trust").string(), "--json"}, dir);
  CHECK(verified.exit_code == 0);
  CHECK(nlohmann::json::parse(verified.out).at("passed") == true);
  const std::string id = complete_lines(deposit.out).at(1).at("id");
  testing::spit(fs::path(export_dir) / "documents" / id / "doc1.txt", "changed");
  auto tampered = run_einvoice({"archive", "verify-export", export_dir}, dir);
  CHECK(tampered.exit_code == 1);
  CHECK(tampered.out.find("FAIL  documents/" + id + "/doc1.txt") != std::string::npos);
  CHECK(run_einvoice({"archive", "verify-export", (dir / "none").string()}, dir).exit_code == 2);
}

// Runs `command` through the shell in `dir`; true on exit status 0.
bool shell(const fs::path& dir, const std::string& command) {
  return std::system(("cd '" + dir.string() + "' && " + command + " >shell.log 2>&1").c_str()) == 0;
}

TEST_CASE("einvoice archive --seal: sealed receipts, records and manifest, checked by openssl",
          "[archive][cli][seal]") {
  einvoice::testing::ScratchFolder scratch("archive-cli-seal-");
  const fs::path dir = scratch.dir();
  // The platform's seal: a key and a self-signed certificate, and the seal
  // file naming them relative to itself.
  REQUIRE(shell(dir / "",
                "mkdir -p seal && openssl req -x509 -newkey ec -pkeyopt "
                "ec_paramgen_curve:P-256 -nodes -keyout seal/key.pem -out seal/cert.pem "
                "-days 30 -subj '/CN=einvoice test platform seal/O=Test' -addext "
                "keyUsage=critical,digitalSignature,nonRepudiation"));
  testing::spit(dir / "seal" / "seal.json", R"({"key": "key.pem", "cert": "cert.pem"})");
  const std::string seal = (dir / "seal" / "seal.json").string();
  const std::string archive = (dir / "a").string();
  REQUIRE(run_einvoice({"archive", "init", "--archive", archive}, dir).exit_code == 0);
  auto files = make_files(dir / "in", "doc", 2);
  REQUIRE(run_einvoice({"archive", "deposit", "--archive", archive, "--seal", seal, "--siren",
                        "832147656", files[0], files[1]},
                       dir)
              .exit_code == 0);
  auto secure = run_einvoice({"archive", "secure", "--archive", archive, "--test-tsa",
                              "--test-tsa-dir", (dir / "tsa").string(), "--seal", seal},
                             dir);
  REQUIRE(secure.exit_code == 0);
  CHECK(secure.out.find("record sealed") != std::string::npos);
  const fs::path out = dir / "export";
  auto exported = run_einvoice({"archive", "export", "--archive", archive, "--siren", "832147656",
                                "-o", out.string(), "--seal", seal},
                               dir);
  REQUIRE(exported.exit_code == 0);
  CHECK(exported.out.find("manifest sealed") != std::string::npos);
  testing::spit(dir / "trust" / "tsa.pem", testing::slurp(dir / "tsa" / "tsa-certificate.pem"));
  testing::spit(dir / "trust" / "seal.pem", testing::slurp(dir / "seal" / "cert.pem"));
  auto verified = run_einvoice({"archive", "verify-export", out.string(), "--trust",
                                (dir / "trust").string(), "--require-seal"},
                               dir);
  CHECK(verified.exit_code == 0);
  CHECK(verified.out.find("the manifest is sealed: the export is whole") != std::string::npos);
  // The README's command: every seal verifies with openssl alone.
  int seals = 0;
  for (const auto& entry : fs::recursive_directory_iterator(out)) {
    const std::string path = entry.path().string();
    if (entry.path().extension() != ".p7s")
      continue;
    ++seals;
    INFO(path);
    CHECK(shell(dir, "openssl cms -verify -binary -inform DER -in '" + path + "' -content '" +
                         path.substr(0, path.size() - 4) +
                         "' -CAfile seal/cert.pem -purpose any >/dev/null"));
  }
  CHECK(seals == 4);  // two receipts, one securing record, the manifest
  // A receipt changed after sealing: openssl and einvoice both refuse it.
  const fs::path receipt =
      *std::find_if(fs::directory_iterator(out / "receipts"), fs::directory_iterator(),
                    [](const auto& e) { return e.path().extension() == ".json"; });
  testing::spit(receipt, testing::slurp(receipt) + " ");
  CHECK_FALSE(shell(dir, "openssl cms -verify -binary -inform DER -in '" + receipt.string() +
                             ".p7s' -content '" + receipt.string() +
                             "' -CAfile seal/cert.pem -purpose any >/dev/null"));
  auto tampered = run_einvoice(
      {"archive", "verify-export", out.string(), "--trust", (dir / "trust").string()}, dir);
  CHECK(tampered.exit_code == 1);
  CHECK(tampered.out.find("FAIL  receipts/") != std::string::npos);
  // A seal file that names a missing key: a usage error naming it.
  testing::spit(dir / "bad.json", R"({"key": "nowhere.pem", "cert": "cert.pem"})");
  auto bad = run_einvoice(
      {"archive", "deposit", "--archive", archive, "--seal", (dir / "bad.json").string(), files[0]},
      dir);
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("nowhere.pem") != std::string::npos);
  auto not_json = run_einvoice(
      {"archive", "secure", "--archive", archive, "--test-tsa", "--seal", files[0]}, dir);
  CHECK(not_json.exit_code == 2);
  CHECK(not_json.err.find(files[0]) != std::string::npos);
  // A --tsa-crl that is no CRL: a usage error naming it, nothing secured.
  auto not_crl = run_einvoice(
      {"archive", "secure", "--archive", archive, "--test-tsa", "--tsa-crl", files[1]}, dir);
  CHECK(not_crl.exit_code == 2);
  CHECK(not_crl.err.find(files[1]) != std::string::npos);
}

TEST_CASE("einvoice archive renew: exit codes, and a renewed export verifies",
          "[archive][cli][renewal]") {
  einvoice::testing::ScratchFolder scratch("archive-cli-renew-");
  const fs::path dir = scratch.dir();
  const std::string archive = (dir / "a").string();
  REQUIRE(run_einvoice({"archive", "init", "--archive", archive}, dir).exit_code == 0);
  auto nothing = run_einvoice({"archive", "renew", "--archive", archive, "--test-tsa"}, dir);
  CHECK(nothing.exit_code == 0);
  CHECK(nothing.out.find("nothing to renew") != std::string::npos);
  auto no_tsa = run_einvoice({"archive", "renew", "--archive", archive}, dir);
  CHECK(no_tsa.exit_code == 2);
  CHECK(no_tsa.err.find("--tsa-url URL or --test-tsa") != std::string::npos);
  CHECK(run_einvoice({"archive", "renew", "--archive", (dir / "none").string(), "--test-tsa"}, dir)
            .exit_code != 0);
  auto files = make_files(dir / "in", "doc", 2);
  REQUIRE(run_einvoice({"archive", "deposit", "--archive", archive, "--siren", "832147656",
                        files[0], files[1]},
                       dir)
              .exit_code == 0);
  REQUIRE(run_einvoice({"archive", "secure", "--archive", archive, "--test-tsa", "--test-tsa-dir",
                        (dir / "tsa").string()},
                       dir)
              .exit_code == 0);
  auto renew = run_einvoice({"archive", "renew", "--archive", archive, "--test-tsa",
                             "--test-tsa-dir", (dir / "tsa2").string()},
                            dir);
  CHECK(renew.exit_code == 0);
  CHECK(renew.out.find("renewal 1: timestamps of securing 1..1") != std::string::npos);
  // A test TSA kept in a folder since 2015: its certificate expired in 2020.
  TestEnv past(std::chrono::sys_days(std::chrono::year(2015) / 1 / 10));
  REQUIRE(signing::LocalTimestampAuthority::load_or_create(dir / "old-tsa",
                                                           [&] { return past.clock.now(); }));
  auto expired = run_einvoice({"archive", "renew", "--archive", archive, "--test-tsa",
                               "--test-tsa-dir", (dir / "old-tsa").string()},
                              dir);
  CHECK(expired.exit_code == 1);
  CHECK(expired.err.find("is not valid at the token's time") != std::string::npos);

  const std::string export_dir = (dir / "export").string();
  REQUIRE(run_einvoice(
              {"archive", "export", "--archive", archive, "--siren", "832147656", "-o", export_dir},
              dir)
              .exit_code == 0);
  CHECK(fs::exists(fs::path(export_dir) / "securing" / "renewal-1.tst"));
  testing::spit(dir / "trust" / "tsa.pem", testing::slurp(dir / "tsa" / "tsa-certificate.pem"));
  testing::spit(dir / "trust" / "tsa2.pem", testing::slurp(dir / "tsa2" / "tsa-certificate.pem"));
  auto verified = run_einvoice(
      {"archive", "verify-export", export_dir, "--trust", (dir / "trust").string()}, dir);
  CHECK(verified.exit_code == 0);
  CHECK(verified.out.find("PASS  securing/renewal-1.tst") != std::string::npos);
  auto audit = run_einvoice({"archive", "audit", "--archive", archive}, dir);
  CHECK(audit.exit_code == 0);
}

TEST_CASE("EINVOICE_ARCHIVE names the archive, and a wrong key is refused", "[archive][cli]") {
  einvoice::testing::ScratchFolder scratch("archive-cli-env-");
  const fs::path dir = scratch.dir();
  const std::string archive = (dir / "a").string();
  testing::spit(dir / "k1", std::string(64, 'a') + "\n");
  testing::spit(dir / "k2", std::string(64, 'b') + "\n");
  ::setenv("EINVOICE_ARCHIVE", archive.c_str(), 1);
  REQUIRE(run_einvoice({"archive", "init", "--key-file", (dir / "k1").string()}, dir).exit_code ==
          0);
  auto files = make_files(dir / "in", "secret", 1);
  auto deposit = run_einvoice(
      {"archive", "deposit", "--key-file", (dir / "k1").string(), "--json", files[0]}, dir);
  ::unsetenv("EINVOICE_ARCHIVE");
  REQUIRE(deposit.exit_code == 0);
  const std::string id = complete_lines(deposit.out).at(0).at("id");
  auto wrong = run_einvoice({"archive", "get", "--archive", archive, "--key-file",
                             (dir / "k2").string(), id, "-o", (dir / "out").string()},
                            dir);
  CHECK(wrong.exit_code == 1);
  CHECK(wrong.err.find("wrong key") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "out"));
}

TEST_CASE("Four processes deposit 500 files each into one archive", "[archive][cli][concurrency]") {
  einvoice::testing::ScratchFolder scratch("archive-concurrent-");
  const fs::path dir = scratch.dir();
  const std::string archive = (dir / "a").string();
  REQUIRE(run_einvoice({"archive", "init", "--archive", archive}, dir).exit_code == 0);
  std::vector<pid_t> children;
  for (int p = 0; p < 4; ++p) {
    std::vector<std::string> arguments = {"archive", "deposit", "--archive", archive, "--json"};
    for (auto& file : make_files(dir / "in", "p" + std::to_string(p) + "-", 500))
      arguments.push_back(file);
    children.push_back(testing::start_einvoice(arguments, dir / ("out" + std::to_string(p)),
                                               dir / ("err" + std::to_string(p))));
  }
  std::set<std::string> ids;
  for (int p = 0; p < 4; ++p) {
    CHECK(testing::wait_exit_code(children[static_cast<std::size_t>(p)]) == 0);
    for (const auto& line : complete_lines(testing::slurp(dir / ("out" + std::to_string(p)))))
      ids.insert(line.at("id").get<std::string>());
  }
  CHECK(ids.size() == 2000);
  TestEnv t;
  auto opened = Archive::open(archive, nullptr, t.env);
  REQUIRE(opened);
  auto listed = (*opened)->list(std::nullopt);
  REQUIRE(listed);
  CHECK(listed->size() == 2000);
  auto journal = (*opened)->catalog().journal(1, -1);
  REQUIRE(journal);
  CHECK(journal->size() == 2001);  // init, then one deposit entry per file
  auto audit = (*opened)->audit("tester", 2);
  REQUIRE(audit);
  CHECK(audit->problems.empty());
  CHECK(audit->journal_entries == 2001);
}

TEST_CASE("Deposits killed by SIGKILL lose nothing that was printed", "[archive][cli][crash]") {
  einvoice::testing::ScratchFolder scratch("archive-crash-");
  const fs::path dir = scratch.dir();
  const std::string archive = (dir / "a").string();
  REQUIRE(run_einvoice({"archive", "init", "--archive", archive}, dir).exit_code == 0);
  const auto files = make_files(dir / "in", "c", 2000);
  std::vector<std::string> arguments = {"archive", "deposit", "--archive", archive, "--json"};
  arguments.insert(arguments.end(), files.begin(), files.end());
  std::map<std::string, std::string> printed;  // id -> file
  std::mt19937 random(20261207);
  std::uniform_int_distribution<int> delay_ms(30, 600);
  TestEnv t;
  for (int run = 0; run < 20; ++run) {
    INFO("run " << run);
    const fs::path out = dir / "out.txt";
    const pid_t child = testing::start_einvoice(arguments, out, dir / "err.txt");
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(random)));
    ::kill(child, SIGKILL);
    testing::wait_exit_code(child);
    for (const auto& line : complete_lines(testing::slurp(out)))
      printed[line.at("id").get<std::string>()] = line.at("file").get<std::string>();
    check_objects_whole(fs::path(archive) / "objects");
    auto opened = Archive::open(archive, nullptr, t.env);
    REQUIRE(opened);
    auto audit = (*opened)->audit("tester", 2);
    REQUIRE(audit);
    CHECK(audit->problems.empty());
  }
  INFO(printed.size() << " deposits printed over 20 killed runs");
  CHECK(printed.size() >= 16);  // at least one group; how many depends on the disk's flush time
  auto opened = Archive::open(archive, nullptr, t.env);
  REQUIRE(opened);
  for (const auto& [id, file] : printed) {
    auto bytes = (*opened)->get(id, "tester");
    REQUIRE(bytes);
    CHECK(*bytes == testing::slurp(file));
  }
}

}  // namespace einvoice::archive
