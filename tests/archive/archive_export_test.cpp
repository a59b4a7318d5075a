// Securing, evidence records and exports: a fresh export verifies offline;
// each known attack on it (changed byte, removed or extra file, reordered or
// removed journal line, swapped evidence record, forged token, timestamp of
// another root) fails and names what; `openssl ts -verify` accepts the
// exported tokens against the recorded roots; an evidence record verifies on
// its own.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <functional>

#include "archive/archive.h"
#include "archive/evidence_record.h"
#include "archive/export_layout.h"
#include "archive/export_verifier.h"
#include "archive/securing_record.h"
#include "archive/sha256.h"
#include "archive/timestamp_check.h"
#include "signing/digest.h"
#include "signing/local_timestamp_authority.h"
#include "signing/timestamp_request.h"
#include "signing/timestamp_response.h"
#include "tests/archive/archive_test_support.h"
#include "tests/archive/tsa_test_support.h"
#include "tests/scratch_folder.h"

namespace einvoice::archive {
namespace {

namespace fs = std::filesystem;
using testing::TestEnv;
using testing::token_over;

std::chrono::sys_days today() {
  return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
}

// An archive with four documents secured in two runs by a test TSA, and an
// export of three of them (two from the first run, one from the second).
struct Exported {
  Exported() : scratch("archive-export-"), t(today()) {
    auto now = [this] { return t.clock.now(); };
    tsa = signing::LocalTimestampAuthority::create(nullptr, now).value();
    REQUIRE(Archive::init(dir(), RetentionPolicy{}, nullptr, t.env));
    archive = Archive::open(dir(), nullptr, t.env).value();
    auto first = archive->deposit(
        {item("<Invoice>one</Invoice>", "one.xml"), item("<Invoice>two</Invoice>", "two.xml"),
         item("<Invoice>three</Invoice>", "three.xml")},
        "tester");
    REQUIRE(first);
    REQUIRE(archive->secure(*tsa, "tester"));
    auto second = archive->deposit({item("%PDF-1.7 four", "four.pdf")}, "tester");
    REQUIRE(second);
    auto secured = archive->secure(*tsa, "tester");
    REQUIRE(secured);
    REQUIRE(*secured);
    ids = {(*first)[0].id, (*first)[1].id, (*second)[0].id};
    unexported = (*first)[2].id;
    REQUIRE(archive->export_package(ids, out(), "tester"));
    trust = signing::TrustStore::from_certificates({tsa->signer().certificate()}).value();
  }
  static DepositItem item(std::string bytes, std::string name) {
    return testing::invoice_item(std::move(bytes), std::move(name));
  }
  fs::path dir() const { return scratch.dir() / "archive"; }
  fs::path out() const { return scratch.dir() / "export"; }
  std::chrono::sys_seconds now() const {
    return std::chrono::floor<std::chrono::seconds>(t.clock.now());
  }
  // The failed checks of verifying the export, one per line.
  std::string failures() const {
    const auto verification = verify_export(out(), t.files, trust, now());
    const std::string text = testing::failed_checks(verification);
    CHECK(verification.passed() == text.empty());
    return text;
  }

  einvoice::testing::ScratchFolder scratch;
  TestEnv t;
  std::unique_ptr<signing::LocalTimestampAuthority> tsa;
  std::unique_ptr<Archive> archive;
  std::vector<std::string> ids;
  std::string unexported;
  std::optional<signing::TrustStore> trust;
};

std::string first_file_in(const fs::path& dir) {
  for (const auto& entry : fs::directory_iterator(dir))
    return entry.path().string();
  return {};
}

std::vector<std::string> lines_of(const fs::path& file) {
  std::vector<std::string> out;
  std::istringstream in(testing::slurp(file));
  for (std::string line; std::getline(in, line);)
    out.push_back(line);
  return out;
}

void write_lines(const fs::path& file, const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines)
    text += line + "\n";
  testing::spit(file, text);
}

}  // namespace

TEST_CASE("A fresh export verifies offline, with and without trust anchors", "[archive][export]") {
  Exported e;
  CHECK(e.failures().empty());
  const auto self_trusted = verify_export(e.out(), e.t.files, std::nullopt, e.now());
  CHECK(self_trusted.passed());
  CHECK(self_trusted.trust_note.find("own certificates") != std::string::npos);
  CHECK(fs::exists(e.out() / "journal" / "segment-1.jsonl"));
  CHECK(fs::exists(e.out() / "journal" / "segment-2.jsonl"));
  CHECK_FALSE(fs::exists(e.out() / "metadata" / (e.unexported + ".json")));
  // Every export is journaled as an access.
  auto journal = e.archive->catalog().journal(1, -1);
  REQUIRE(journal);
  CHECK(journal->back().draft.event == "export");
  CHECK(journal->back().draft.category == "access");
}

TEST_CASE("The README of an earlier release still verifies; any other text does not",
          "[archive][export]") {
  const std::string earlier =
      testing::slurp(fs::path(EINVOICE_TESTDATA_DIR) / "archive" / "export-readme-release-1.md");
  REQUIRE_FALSE(earlier.empty());
  CHECK(earlier != ExportLayout::readme());
  CHECK(ExportLayout::earlier_readme(earlier));
  CHECK_FALSE(ExportLayout::earlier_readme(earlier + " "));
  CHECK_FALSE(ExportLayout::earlier_readme(ExportLayout::readme() + "\n"));
}

TEST_CASE("verify-export names each tampering", "[archive][export][tamper]") {
  Exported e;
  const fs::path out = e.out();
  const std::string a = e.ids[0], b = e.ids[1];
  SECTION("a changed byte in a document") {
    const std::string file = first_file_in(out / "documents" / a);
    std::string bytes = testing::slurp(file);
    bytes[2] ^= 0x20;
    testing::spit(file, bytes);
    CHECK(e.failures().find("documents/" + a + "/one.xml: SHA-256") != std::string::npos);
  }
  SECTION("a removed file") {
    fs::remove(out / "receipts" / (b + ".json"));
    CHECK(e.failures().find("receipts/" + b + ".json: present") != std::string::npos);
  }
  SECTION("an extra file") {
    testing::spit(out / "documents" / a / "extra.xml", "<Invoice/>");
    CHECK(e.failures().find("documents/" + a + "/extra.xml: belongs to the export") !=
          std::string::npos);
  }
  SECTION("reordered journal lines") {
    auto lines = lines_of(out / "journal" / "segment-1.jsonl");
    std::swap(lines[1], lines[2]);
    write_lines(out / "journal" / "segment-1.jsonl", lines);
    const std::string failures = e.failures();
    CHECK(failures.find("journal/segment-1.jsonl: journal segment") != std::string::npos);
    CHECK(failures.find("removed or reordered") != std::string::npos);
  }
  SECTION("a removed journal line") {
    auto lines = lines_of(out / "journal" / "segment-1.jsonl");
    lines.erase(lines.begin() + 3);
    write_lines(out / "journal" / "segment-1.jsonl", lines);
    CHECK(e.failures().find("journal/segment-1.jsonl: journal segment") != std::string::npos);
  }
  SECTION("an edited journal line") {
    auto lines = lines_of(out / "journal" / "segment-2.jsonl");
    const auto at = lines[0].find("\"actor\":\"tester\"");
    REQUIRE(at != std::string::npos);
    lines[0].replace(at, 16, "\"actor\":\"nobody\"");
    write_lines(out / "journal" / "segment-2.jsonl", lines);
    CHECK(e.failures().find("journal/segment-2.jsonl: journal segment") != std::string::npos);
  }
  SECTION("a swapped evidence record") {
    fs::copy_file(out / "evidence" / (a + ".ers"), out / "evidence" / (b + ".ers"),
                  fs::copy_options::overwrite_existing);
    CHECK(e.failures().find("evidence/" + b + ".ers: RFC 4998") != std::string::npos);
  }
  SECTION("a forged timestamp token: same root, another TSA") {
    auto record = parse_securing_record(testing::slurp(out / "securing" / "securing-1.json"), "r");
    REQUIRE(record);
    auto forger = signing::LocalTimestampAuthority::create(
        nullptr, [&] { return e.t.clock.now(); }, "einvoice local test TSA");
    REQUIRE(forger);
    testing::spit(out / "securing" / "securing-1.tst",
                  token_over(**forger, from_hex(record->root)));
    const std::string failures = e.failures();
    CHECK(failures.find("securing/securing-1.tst: RFC 3161 timestamp over the record's root -- "
                        "the token's signature or TSA certificate does not verify") !=
          std::string::npos);
  }
  SECTION("a timestamp of a different root") {
    testing::spit(out / "securing" / "securing-2.tst",
                  token_over(*e.tsa, from_hex(Sha256::hex("another root"))));
    CHECK(e.failures().find("securing/securing-2.tst: RFC 3161 timestamp over the record's root -- "
                            "the token timestamps another value") != std::string::npos);
  }
  SECTION("edited metadata") {
    const fs::path file = out / "metadata" / (a + ".json");
    std::string text = testing::slurp(file);
    text.replace(text.find("832147656"), 9, "999999999");
    testing::spit(file, text);
    CHECK(e.failures().find("metadata/" + a + ".json: fingerprint and metadata hash") !=
          std::string::npos);
  }
  SECTION("an edited manifest") {
    std::string text = testing::slurp(out / "manifest.json");
    text.replace(text.find("one.xml"), 7, "0ne.xml");
    testing::spit(out / "manifest.json", text);
    CHECK(e.failures().find("manifest.json: is what the verified contents make it") !=
          std::string::npos);
  }
}

TEST_CASE("openssl ts -verify accepts the exported tokens against the recorded roots",
          "[archive][export][openssl]") {
  Exported e;
  testing::spit(e.scratch.dir() / "tsa.pem", e.tsa->signer().certificate().pem());
  for (int n : {1, 2}) {
    INFO("securing " << n);
    auto record = parse_securing_record(
        testing::slurp(e.out() / "securing" / ("securing-" + std::to_string(n) + ".json")), "r");
    REQUIRE(record);
    const std::string command =
        "openssl ts -verify -digest " + record->root + " -in " +
        (e.out() / "securing" / ("securing-" + std::to_string(n) + ".tst")).string() +
        " -token_in -CAfile " + (e.scratch.dir() / "tsa.pem").string() + " >/dev/null 2>&1";
    CHECK(std::system(command.c_str()) == 0);
    const std::string other =
        "openssl ts -verify -digest " + Sha256::hex("x") + " -in " +
        (e.out() / "securing" / ("securing-" + std::to_string(n) + ".tst")).string() +
        " -token_in -CAfile " + (e.scratch.dir() / "tsa.pem").string() + " >/dev/null 2>&1";
    CHECK(std::system(other.c_str()) != 0);
  }
}

TEST_CASE("An evidence record verifies on its own, from the document to the timestamp",
          "[archive][export][ers]") {
  Exported e;
  for (const auto& id : e.ids) {
    INFO(id);
    const std::string der = testing::slurp(e.out() / "evidence" / (id + ".ers"));
    auto record = parse_evidence_record(der, "ers");
    REQUIRE(record);
    const std::string document = testing::slurp(first_file_in(e.out() / "documents" / id));
    REQUIRE(record->chain.size() == 1);
    const ArchiveTimeStamp& stamp = record->chain.front();
    const Hash root = stamp.root_for(from_hex(Sha256::hex(document)));
    REQUIRE(root.size() == 32);
    // The token inside the record timestamps that root, signed by the TSA.
    CHECK(check_timestamp(stamp.timestamp_token, root, *e.trust).empty());
    CHECK(stamp.root_for(from_hex(Sha256::hex(document + " "))).empty());
    // The record re-encodes to the same DER.
    CHECK(record->der() == der);
  }
  CHECK_FALSE(parse_evidence_record(std::string("\x30\x84\xff\xff\xff\xff", 6), "x"));
  CHECK_FALSE(parse_evidence_record("", "x"));
}

TEST_CASE("Securing chains each run to the previous one", "[archive][export]") {
  Exported e;
  auto runs = e.archive->securings();
  REQUIRE(runs);
  REQUIRE(runs->size() == 2);
  CHECK((*runs)[0].record.previous_record_sha256.empty());
  CHECK((*runs)[1].record.previous_record_sha256 == Sha256::hex((*runs)[0].record_json));
  CHECK((*runs)[1].record.first_sequence == (*runs)[0].record.last_sequence + 1);
  auto nothing = e.archive->secure(*e.tsa, "tester");
  REQUIRE(nothing);
  CHECK(nothing->has_value());  // the export entries are new since run 2
  auto again = e.archive->secure(*e.tsa, "tester");
  REQUIRE(again);
  CHECK((*again)->record.first_sequence == (*nothing)->record.last_sequence + 1);
  CHECK_FALSE(e.archive->evidence_record("ar-unknown"));
}

}  // namespace einvoice::archive

namespace einvoice::archive {

TEST_CASE("Audit re-checks every securing run", "[archive][audit][export]") {
  Exported e;
  auto clean = e.archive->audit("tester", 2);
  REQUIRE(clean);
  CHECK(clean->ok());
  SECTION("a securing record altered in the object store") {
    auto runs = e.archive->securings();
    REQUIRE(runs);
    const std::string sha = Sha256::hex((*runs)[0].record_json);
    const fs::path file = e.dir() / "objects" / sha.substr(0, 2) / sha.substr(2, 2) / sha;
    std::string text = testing::slurp(file);
    text.replace(text.find("\"securing\":1"), 12, "\"securing\":7");
    testing::spit(file, text);
    auto report = e.archive->audit("tester", 2);
    REQUIRE(report);
    REQUIRE_FALSE(report->ok());
    CHECK(report->problems.front().what.find("securing records") != std::string::npos);
  }
  SECTION("a secured journal entry edited in the catalog") {
    REQUIRE(testing::tamper_sql(e.dir(),
                                "UPDATE journal SET line = replace(line, '\"actor\":\"tester\"', "
                                "'\"actor\":\"nobody\"') WHERE seq = 2"));
    auto report = e.archive->audit("tester", 2);
    REQUIRE(report);
    std::string text;
    for (const auto& p : report->problems)
      text += p.what + "\n";
    CHECK(text.find("securing 1: entry 3 does not hold the hash") != std::string::npos);
  }
}

}  // namespace einvoice::archive

namespace einvoice::archive {

using testing::OvertakingAuthority;

TEST_CASE("Two securing runs at once: the second to finish is refused, the records never fork",
          "[archive][secure]") {
  einvoice::testing::ScratchFolder scratch("archive-secure-race-");
  testing::TestEnv t(today());
  auto now = [&t] { return t.clock.now(); };
  auto tsa = signing::LocalTimestampAuthority::create(nullptr, now).value();
  const auto dir = scratch.dir() / "archive";
  REQUIRE(Archive::init(dir, RetentionPolicy{}, nullptr, t.env));
  auto archive = Archive::open(dir, nullptr, t.env).value();
  DocumentMetadata metadata;
  metadata.file_name = "one.xml";
  REQUIRE(archive->deposit({{std::string("<Invoice>one</Invoice>"), metadata}}, "tester"));

  auto other = Archive::open(dir, nullptr, t.env).value();
  bool other_secured = false;
  OvertakingAuthority overtaking(*tsa, [&] {
    auto run = other->secure(*tsa, "other");
    other_secured = run && *run;
  });
  auto late = archive->secure(overtaking, "tester");
  CHECK(other_secured);
  REQUIRE_FALSE(late);
  CHECK(late.error().message.find("run secure again") != std::string::npos);

  // One run recorded, and the archive still audits clean and secures on.
  auto runs = archive->securings();
  REQUIRE(runs);
  CHECK(runs->size() == 1);
  REQUIRE(archive->deposit({{std::string("<Invoice>two</Invoice>"), metadata}}, "tester"));
  auto next = archive->secure(*tsa, "tester");
  REQUIRE(next);
  REQUIRE(*next);
  CHECK((*next)->record.number == 2);
  auto audit = archive->audit("tester", 1);
  REQUIRE(audit);
  CHECK(audit->problems.empty());
}

}  // namespace einvoice::archive

namespace einvoice::archive {

TEST_CASE("Numbers in export records are whole and in range, never converted blindly",
          "[archive][export][hostile]") {
  // Found by fuzzing: a float size converted to an unsigned integer.
  auto metadata = parse_metadata_json(R"({"id":"","sha256":"","size":6e66})", "metadata.json");
  REQUIRE_FALSE(metadata);
  CHECK(metadata.error().code == model::ErrorCode::kMalformed);
  const std::string record =
      R"({"authority":"a","first_prev":"","first_seq":1,"gen_time":"","hash_tree":"","last_seq":7,)"
      R"("previous_record_sha256":"","root":"","securing":1e30,"timestamp_token_sha256":"","tree_root":""})";
  auto securing = parse_securing_record(record, "securing.json");
  REQUIRE_FALSE(securing);
  CHECK(securing.error().message.find("securing is not a sequence number") != std::string::npos);
  std::string huge = record;
  huge.replace(huge.find("1e30"), 4, "18446744073709551615");
  auto too_large = parse_securing_record(huge, "securing.json");
  REQUIRE_FALSE(too_large);
  CHECK(too_large.error().message.find("not a sequence number") != std::string::npos);
}

}  // namespace einvoice::archive
