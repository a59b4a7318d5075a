// The archive library: deposit and get, idempotence, encryption at rest and
// key rotation, retention with a clock the test moves, audit against
// tampering (object bytes, journal entries, catalog rows).
#include "archive/archive.h"

#include <catch2/catch.hpp>

#include "archive/journal_entry.h"
#include "tests/archive/archive_test_support.h"
#include "tests/scratch_folder.h"

namespace einvoice::archive {
namespace {

namespace fs = std::filesystem;
using std::chrono::sys_days;
using testing::TestEnv;

// SHA-256 test vector of FIPS 180-2 (appendix B.1): "abc".
constexpr const char* kAbcSha256 =
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
constexpr const char* kKey1 = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
constexpr const char* kKey2 = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";

DepositItem item(std::string bytes, std::string name, std::string siren = "",
                 std::string invoice_date = "", DocumentClass c = DocumentClass::kOther) {
  DocumentMetadata metadata;
  metadata.file_name = std::move(name);
  metadata.siren = std::move(siren);
  metadata.invoice_date = std::move(invoice_date);
  metadata.document_class = c;
  return {std::move(bytes), metadata};
}

std::unique_ptr<Archive> make(const fs::path& dir, TestEnv& t, const MasterKey* key = nullptr) {
  REQUIRE(Archive::init(dir, RetentionPolicy{}, key, t.env));
  auto opened = Archive::open(dir, key, t.env);
  REQUIRE(opened);
  return std::move(*opened);
}

MasterKey key(const char* hex) {
  auto parsed = MasterKey::parse(hex, "test key");
  REQUIRE(parsed);
  return *parsed;
}

// Every file below `dir`, read whole.
std::string all_bytes_below(const fs::path& dir) {
  std::string out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file())
      out += testing::slurp(entry.path());
  }
  return out;
}

}  // namespace

TEST_CASE("A deposit comes back byte-identical, fingerprinted by SHA-256", "[archive]") {
  einvoice::testing::ScratchFolder scratch("archive-roundtrip-");
  TestEnv t;
  auto archive = make(scratch.dir() / "a", t);
  std::string binary("\x00\x01\xff\r\n\x00tail", 10);
  auto deposited = archive->deposit({item("abc", "abc.txt"), item(binary, "bin.dat")}, "tester");
  REQUIRE(deposited);
  REQUIRE(deposited->size() == 2);
  CHECK((*deposited)[0].sha256 == kAbcSha256);
  CHECK((*deposited)[0].deposited_at == "2026-03-15T00:00:00Z");
  CHECK((*deposited)[0].id != (*deposited)[1].id);
  auto abc = archive->get((*deposited)[0].id, "tester");
  REQUIRE(abc);
  CHECK(*abc == "abc");
  auto back = archive->get((*deposited)[1].id, "tester");
  REQUIRE(back);
  CHECK(*back == binary);
  // The object lives in the content-addressed tree under its fingerprint.
  CHECK(testing::slurp(scratch.dir() / "a" / "objects" / "ba" / "78" / kAbcSha256) == "abc");
  auto unknown = archive->get("ar-000000000000000000000000", "tester");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().code == model::ErrorCode::kInvalid);
}

TEST_CASE("The same bytes deposited again give the existing id", "[archive]") {
  einvoice::testing::ScratchFolder scratch("archive-idempotent-");
  TestEnv t;
  auto archive = make(scratch.dir() / "a", t);
  auto first = archive->deposit({item("invoice bytes", "a.xml", "832147656")}, "tester");
  REQUIRE(first);
  t.clock.advance(std::chrono::hours(1));
  auto again = archive->deposit({item("invoice bytes", "copy.xml", "832147656")}, "tester");
  REQUIRE(again);
  CHECK((*again)[0].id == (*first)[0].id);
  CHECK((*again)[0].existing);
  CHECK((*again)[0].deposited_at == (*first)[0].deposited_at);
  // Another SIREN's deposit of the same bytes is its own object.
  auto other = archive->deposit({item("invoice bytes", "b.xml", "901372649")}, "tester");
  REQUIRE(other);
  CHECK_FALSE((*other)[0].existing);
  CHECK((*other)[0].id != (*first)[0].id);
  // Twice in one group: one object.
  auto twice = archive->deposit({item("x", "x1"), item("x", "x2")}, "tester");
  REQUIRE(twice);
  CHECK((*twice)[1].id == (*twice)[0].id);
  auto listed = archive->list(std::nullopt);
  REQUIRE(listed);
  CHECK(listed->size() == 3);
  auto of_siren = archive->list(std::string("832147656"));
  REQUIRE(of_siren);
  CHECK(of_siren->size() == 1);
}

TEST_CASE("Encryption at rest: no plaintext under the folder, the wrong key refused",
          "[archive][encryption]") {
  einvoice::testing::ScratchFolder scratch("archive-encrypted-");
  TestEnv t;
  const fs::path dir = scratch.dir() / "a";
  const MasterKey key1 = key(kKey1);
  auto archive = make(dir, t, &key1);
  const std::string secret = "<Invoice>CONFIDENTIAL-LINE-ITEM-7f3a9c amount 1234.56</Invoice>";
  auto deposited = archive->deposit({item(secret, "secret.xml")}, "tester");
  REQUIRE(deposited);
  const std::string id = (*deposited)[0].id;
  CHECK((*deposited)[0].sha256 == archive->find(id)->sha256);
  archive.reset();
  CHECK(all_bytes_below(dir).find("CONFIDENTIAL-LINE-ITEM-7f3a9c") == std::string::npos);

  const MasterKey key2 = key(kKey2);
  auto wrong = Archive::open(dir, &key2, t.env);
  REQUIRE_FALSE(wrong);
  CHECK(wrong.error().code == model::ErrorCode::kInvalid);
  CHECK(wrong.error().message.find("wrong key") != std::string::npos);
  auto without = Archive::open(dir, nullptr, t.env);
  REQUIRE_FALSE(without);
  CHECK(without.error().message.find("encrypted") != std::string::npos);

  auto reopened = Archive::open(dir, &key1, t.env);
  REQUIRE(reopened);
  auto plain = (*reopened)->get(id, "tester");
  REQUIRE(plain);
  CHECK(*plain == secret);

  SECTION("rotate-key re-wraps the data keys and leaves the objects untouched") {
    const auto object = (*reopened)->find(id);
    const fs::path stored = dir / "objects" / object->stored_sha256.substr(0, 2) /
                            object->stored_sha256.substr(2, 2) / object->stored_sha256;
    const std::string before = testing::slurp(stored);
    REQUIRE_FALSE(before.empty());
    REQUIRE((*reopened)->rotate_key(key2, "tester"));
    reopened->reset();
    CHECK(testing::slurp(stored) == before);
    CHECK_FALSE(Archive::open(dir, &key1, t.env));
    auto rotated = Archive::open(dir, &key2, t.env);
    REQUIRE(rotated);
    auto again = (*rotated)->get(id, "tester");
    REQUIRE(again);
    CHECK(*again == secret);
    auto audit = (*rotated)->audit("tester", 2);
    REQUIRE(audit);
    CHECK(audit->ok());
  }
}

TEST_CASE("A key file is 64 hex digits and nothing else", "[archive][encryption]") {
  CHECK(MasterKey::parse(std::string(kKey1) + "\n", "k"));
  CHECK_FALSE(MasterKey::parse(std::string(kKey1).substr(2), "k"));
  CHECK_FALSE(MasterKey::parse(std::string(kKey1) + "00", "k"));
  CHECK_FALSE(MasterKey::parse("zz" + std::string(kKey1).substr(2), "k"));
  CHECK_FALSE(MasterKey::parse("", "k"));
  CHECK(key(kKey1).id() != key(kKey2).id());
}

TEST_CASE("Retention: destroy refused before ten years and under hold, allowed after",
          "[archive][retention]") {
  einvoice::testing::ScratchFolder scratch("archive-retention-");
  TestEnv t;
  const fs::path dir = scratch.dir() / "a";
  auto archive = make(dir, t);
  auto deposited = archive->deposit(
      {item("an invoice", "inv.xml", "832147656", "2026-03-10", DocumentClass::kInvoice)},
      "tester");
  REQUIRE(deposited);
  const std::string id = (*deposited)[0].id;

  // Ten years from the end of 2026: the first day it may go is 2037-01-01.
  auto early = archive->destroy(id, "archivist");
  REQUIRE_FALSE(early);
  CHECK(early.error().code == model::ErrorCode::kInvalid);
  CHECK(early.error().message.find("2037-01-01") != std::string::npos);
  t.clock.set(sys_days(std::chrono::year(2036) / std::chrono::December / 31) +
              std::chrono::hours(23));
  CHECK_FALSE(archive->destroy(id, "archivist"));

  t.clock.set(sys_days(std::chrono::year(2037) / std::chrono::January / 1));
  REQUIRE(archive->hold(id, "tax audit 2037-004", "lawyer"));
  auto held = archive->destroy(id, "archivist");
  REQUIRE_FALSE(held);
  CHECK(held.error().message.find("legal hold") != std::string::npos);
  CHECK_FALSE(archive->hold(id, "twice", "lawyer"));
  REQUIRE(archive->release(id, "audit closed", "lawyer"));
  CHECK_FALSE(archive->release(id, "again", "lawyer"));

  auto certificate = archive->destroy(id, "archivist");
  REQUIRE(certificate);
  CHECK(certificate->find((*deposited)[0].sha256) != std::string::npos);
  CHECK(certificate->find("\"authorized_by\": \"archivist\"") != std::string::npos);
  CHECK(testing::slurp(dir / "certificates" / ("destruction-" + id + ".json")) == *certificate);
  const std::string sha = (*deposited)[0].sha256;
  CHECK_FALSE(fs::exists(dir / "objects" / sha.substr(0, 2) / sha.substr(2, 2) / sha));
  auto gone = archive->get(id, "tester");
  REQUIRE_FALSE(gone);
  CHECK(gone.error().message.find("destroyed") != std::string::npos);
  auto journal = archive->catalog().journal(1, -1);
  REQUIRE(journal);
  CHECK(journal->back().draft.event == "destroy");
  CHECK(journal->back().draft.detail.find(sha) != std::string::npos);
  auto audit = archive->audit("tester", 1);
  REQUIRE(audit);
  CHECK(audit->ok());
}

TEST_CASE("Retention counts from the deposit when the invoice date is unknown",
          "[archive][retention]") {
  RetentionPolicy policy;
  policy.receipt_years = 6;
  ArchivedObject object;
  object.deposited_at = "2026-12-31T23:59:59Z";
  object.metadata.document_class = DocumentClass::kReceipt;
  CHECK(policy.expiry(object) == sys_days(std::chrono::year(2033) / std::chrono::January / 1));
  object.metadata.invoice_date = "2025-02-28";
  CHECK(policy.expiry(object) == sys_days(std::chrono::year(2032) / std::chrono::January / 1));
}

TEST_CASE("Audit finds a flipped byte, a removed journal entry, an edited row",
          "[archive][audit]") {
  einvoice::testing::ScratchFolder scratch("archive-audit-");
  TestEnv t;
  const fs::path dir = scratch.dir() / "a";
  auto archive = make(dir, t);
  auto deposited = archive->deposit(
      {item("first object", "1"), item("second object", "2"), item("third object", "3")}, "tester");
  REQUIRE(deposited);
  const std::string victim = (*deposited)[1].id;
  auto clean = archive->audit("tester", 2);
  REQUIRE(clean);
  CHECK(clean->ok());
  CHECK(clean->objects == 3);

  auto problems_of = [&] {
    auto report = archive->audit("tester", 2);
    REQUIRE(report);
    std::string text;
    for (const auto& p : report->problems)
      text += p.archive_id + ": " + p.what + "\n";
    return text;
  };

  SECTION("a flipped byte in an object") {
    const std::string sha = (*deposited)[1].sha256;
    const fs::path file = dir / "objects" / sha.substr(0, 2) / sha.substr(2, 2) / sha;
    std::string bytes = testing::slurp(file);
    bytes[3] ^= 0x01;
    fs::permissions(file, fs::perms::owner_write, fs::perm_options::add);
    testing::spit(file, bytes);
    const std::string found = problems_of();
    CHECK(found.find(victim + ": object") != std::string::npos);
    CHECK(found.find("altered") != std::string::npos);
    CHECK_FALSE(archive->get(victim, "tester"));
  }
  SECTION("a removed journal entry") {
    REQUIRE(testing::tamper_sql(dir, "DELETE FROM journal WHERE seq = 3"));
    const std::string found = problems_of();
    CHECK(found.find("journal: entry 4 found where entry 3 belongs") != std::string::npos);
    CHECK(found.find(victim + ": catalog row without a deposit") != std::string::npos);
  }
  SECTION("an edited metadata row") {
    REQUIRE(testing::tamper_sql(
        dir, "UPDATE objects SET siren = '999999999' WHERE id = '" + victim + "'"));
    const std::string found = problems_of();
    CHECK(found.find(victim + ": catalog row edited") != std::string::npos);
  }
  SECTION("a hold lifted behind the journal's back") {
    REQUIRE(archive->hold(victim, "litigation", "lawyer"));
    REQUIRE(testing::tamper_sql(dir, "UPDATE objects SET on_hold = 0"));
    CHECK(problems_of().find(victim + ": catalog row edited: legal hold") != std::string::npos);
  }
  SECTION("a removed catalog row") {
    REQUIRE(testing::tamper_sql(dir, "DELETE FROM objects WHERE id = '" + victim + "'"));
    CHECK(problems_of().find(victim + ": deposited according to the journal") != std::string::npos);
  }
}

TEST_CASE("Journal lines are canonical, chained and read as hostile input", "[archive][journal]") {
  JournalEntry entry;
  entry.sequence = 1;
  entry.previous = std::string(kGenesisHash);
  entry.draft = {"2026-03-15T00:00:00Z", "lifecycle", "deposit", "ar-1", "me",
                 R"({"b":1,"a":"x"})"};
  const std::string line = entry.line();
  CHECK(line ==
        R"({"actor":"me","category":"lifecycle","detail":{"a":"x","b":1},"event":"deposit",)"
        R"("id":"ar-1","prev":"0000000000000000000000000000000000000000000000000000000000000000",)"
        R"("seq":1,"time":"2026-03-15T00:00:00Z"})");
  auto parsed = parse_journal_line(line, "t");
  REQUIRE(parsed);
  CHECK(parsed->hash() == entry.hash());
  CHECK_FALSE(parse_journal_line(line.substr(0, line.size() - 1), "t"));
  CHECK_FALSE(parse_journal_line(" " + line, "t"));
  std::string deep = line;
  deep.replace(deep.find("{\"a\""), 0, std::string(20, '['));
  CHECK_FALSE(parse_journal_line(deep, "t"));
  CHECK_FALSE(parse_journal_line(std::string(kMaxJournalLineBytes + 1, ' '), "t"));
}

}  // namespace einvoice::archive
