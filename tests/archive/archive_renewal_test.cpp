// Timestamp renewal (RFC 4998 5.2) with a clock that travels past the five
// years of a test TSA's certificate: without renewal an old export no
// longer verifies; renewed before expiry it does, and its evidence records
// hold one ArchiveTimeStamp per renewal. Tampering a renewal record, token
// or leaf fails verify-export naming the file; audit catches a changed
// renewal record; two renewals at once never fork; a TSA past its
// certificate cannot renew.
#include <catch2/catch.hpp>

#include "archive/archive.h"
#include "archive/evidence_check.h"
#include "archive/evidence_record.h"
#include "archive/export_verifier.h"
#include "archive/renewal_record.h"
#include "archive/sha256.h"
#include "archive/timestamp_check.h"
#include "signing/local_timestamp_authority.h"
#include "tests/archive/archive_test_support.h"
#include "tests/archive/tsa_test_support.h"
#include "tests/scratch_folder.h"

namespace einvoice::archive {
namespace {

namespace fs = std::filesystem;
using std::chrono::days;
using Tsa = signing::LocalTimestampAuthority;
using testing::token_over;

constexpr days kYear(365);

// An archive secured twice on 15 March 2026 by a test TSA whose certificate
// expires five years later (it follows the injected clock): two documents
// in securing 1, one in securing 2.
struct Renewing {
  Renewing() : scratch("archive-renew-") {
    tsas.push_back(tsa("einvoice test TSA 2026"));
    REQUIRE(Archive::init(dir(), RetentionPolicy{}, nullptr, t.env));
    archive = Archive::open(dir(), nullptr, t.env).value();
    deposit_and_secure({"one", "two"}, *tsas[0]);
    deposit_and_secure({"three"}, *tsas[0]);
  }
  std::unique_ptr<Tsa> tsa(const std::string& name) {
    auto made = Tsa::create(
        nullptr, [this] { return t.clock.now(); }, name);
    REQUIRE(made);
    return std::move(*made);
  }
  void deposit_and_secure(const std::vector<std::string>& names, Tsa& authority) {
    std::vector<DepositItem> items;
    for (const auto& name : names) {
      DocumentMetadata metadata;
      metadata.file_name = name + ".xml";
      metadata.siren = "832147656";
      items.push_back({"<Invoice>" + name + "</Invoice>", metadata});
    }
    auto deposited = archive->deposit(items, "tester");
    REQUIRE(deposited);
    for (const auto& d : *deposited)
      ids.push_back(d.id);
    auto secured = archive->secure(authority, "tester");
    REQUIRE(secured);
    REQUIRE(*secured);
  }
  StoredRenewal renew(Tsa& authority) {
    auto renewed = archive->renew(authority, "tester");
    REQUIRE(renewed);
    REQUIRE(*renewed);
    return **renewed;
  }
  void travel(days by) { t.clock.advance(by); }
  // After `by`, a renewal by a new TSA certificate named `name`.
  StoredRenewal renew_after(days by, const std::string& name) {
    travel(by);
    tsas.push_back(tsa(name));
    return renew(*tsas.back());
  }
  std::chrono::sys_seconds now() const {
    return std::chrono::floor<std::chrono::seconds>(t.clock.now());
  }
  signing::TrustStore trust() const {
    std::vector<signing::Certificate> anchors;
    for (const auto& authority : tsas)
      anchors.push_back(authority->signer().certificate());
    return signing::TrustStore::from_certificates(anchors).value();
  }
  fs::path dir() const { return scratch.dir() / "archive"; }
  fs::path out() const { return scratch.dir() / "export"; }
  void export_all() { REQUIRE(archive->export_package(ids, out(), "tester")); }
  // The failed checks of verifying the export now, one per line.
  std::string failures() const {
    const auto verification = verify_export(out(), t.files, trust(), now());
    const std::string text = testing::failed_checks(verification);
    CHECK(verification.passed() == text.empty());
    return text;
  }
  EvidenceRecord evidence(const std::string& id) const {
    auto der = archive->evidence_record(id);
    REQUIRE(der);
    auto parsed = parse_evidence_record(*der, id);
    REQUIRE(parsed);
    return *parsed;
  }
  Hash document_hash(std::size_t i) const {
    auto object = archive->find(ids[i]);
    REQUIRE(object);
    return from_hex(object->sha256);
  }

  einvoice::testing::ScratchFolder scratch;
  testing::TestEnv t;  // 15 March 2026
  std::vector<std::unique_ptr<Tsa>> tsas;
  std::unique_ptr<Archive> archive;
  std::vector<std::string> ids;
};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// `text` with the first hex digit after `marker` changed (still hex).
std::string flip_after(std::string text, const std::string& marker) {
  const auto at = text.find(marker);
  REQUIRE(at != std::string::npos);
  char& digit = text[at + marker.size()];
  digit = digit == '0' ? '1' : '0';
  return text;
}

}  // namespace

TEST_CASE("Without renewal, a token older than its TSA certificate no longer verifies",
          "[archive][renewal]") {
  Renewing r;
  r.travel(6 * kYear);
  r.export_all();
  const std::string failures = r.failures();
  CHECK(contains(failures,
                 "securing/securing-1.tst: RFC 3161 timestamp over the record's root -- "
                 "the token's signature or TSA certificate does not verify at 2032-"));
  CHECK(contains(failures, "evidence/" + r.ids[0] + ".ers: RFC 4998 evidence record"));
  // Before the certificate expired, the same export verified.
  r.t.clock.set(std::chrono::sys_days(std::chrono::year(2031) / 3 / 1));
  CHECK(r.failures().empty());
}

TEST_CASE("Renewed before expiry, the export verifies after it; evidence records hold 2 ATS",
          "[archive][renewal]") {
  Renewing r;
  const StoredRenewal renewal = r.renew_after(4 * kYear, "einvoice test TSA 2030");
  CHECK(renewal.record.number == 1);
  REQUIRE(renewal.record.leaves.size() == 2);
  auto runs = r.archive->securings();
  REQUIRE(runs);
  for (std::size_t i = 0; i < 2; ++i)
    CHECK(renewal.record.leaves[i].token_sha256 == Sha256::hex((*runs)[i].token_der));
  CHECK(renewal.record.previous_renewal_sha256.empty());
  r.travel(2 * kYear);  // 2032: the first TSA's certificate expired in 2031
  r.export_all();
  CHECK(r.failures().empty());
  CHECK(fs::exists(r.out() / "securing" / "renewal-1.json"));
  CHECK(fs::exists(r.out() / "securing" / "renewal-1.tst"));
  CHECK(testing::slurp(r.out() / "certificates" / "tsa-renewal-1.pem") ==
        r.tsas[1]->signer().certificate().pem());
  CHECK(contains(testing::slurp(r.out() / "manifest.json"), "\"Renewals\""));

  // The evidence record on its own: 2 ATS, the second over the first token.
  const EvidenceRecord record = r.evidence(r.ids[0]);
  REQUIRE(record.chain.size() == 2);
  CHECK(record.chain[1].reduced_hash_tree.front().front() ==
        from_hex(Sha256::hex(record.chain[0].timestamp_token)));
  CHECK(record.chain[1].timestamp_token == renewal.token_der);
  CHECK(check_evidence_record(record, r.document_hash(0), r.trust(), r.now()).empty());
  CHECK_FALSE(check_evidence_record(record, r.document_hash(1), r.trust(), r.now()).empty());
  // Its first ATS alone is a token checked six years on: expired.
  EvidenceRecord first_only = record;
  first_only.chain.resize(1);
  CHECK(contains(check_evidence_record(first_only, r.document_hash(0), r.trust(), r.now()),
                 "ArchiveTimeStamp 1"));
  // DER round trip of a record of 2 ATS.
  auto reparsed = parse_evidence_record(record.der(), "ers");
  REQUIRE(reparsed);
  CHECK(reparsed->der() == record.der());

  auto audit = r.archive->audit("tester", 1);
  REQUIRE(audit);
  CHECK(audit->problems.empty());
}

TEST_CASE("Renewals chain: a run secured after a renewal joins the next one by its own token",
          "[archive][renewal]") {
  Renewing r;
  // New certificates under the same name, as a TSA renews its own.
  const StoredRenewal first = r.renew_after(4 * kYear, "einvoice test TSA 2026");
  r.deposit_and_secure({"four"}, *r.tsas[1]);  // securing 3, by the 2030 TSA
  const StoredRenewal second = r.renew_after(4 * kYear, "einvoice test TSA 2026");  // 2034
  auto runs = r.archive->securings();
  REQUIRE(runs);
  REQUIRE(second.record.leaves.size() == 3);
  CHECK(second.record.leaves[0].token_sha256 == Sha256::hex(first.token_der));
  CHECK(second.record.leaves[1].token_sha256 == Sha256::hex(first.token_der));
  CHECK(second.record.leaves[2].token_sha256 == Sha256::hex((*runs)[2].token_der));
  CHECK(second.record.previous_renewal_sha256 == Sha256::hex(first.record_json));
  r.travel(2 * kYear);  // 2036: the 2026 and 2030 certificates expired
  CHECK(r.evidence(r.ids[0]).chain.size() == 3);
  CHECK(r.evidence(r.ids[3]).chain.size() == 2);
  for (std::size_t i = 0; i < r.ids.size(); ++i)
    CHECK(check_evidence_record(r.evidence(r.ids[i]), r.document_hash(i), r.trust(), r.now())
              .empty());
  r.export_all();
  CHECK(r.failures().empty());
  auto audit = r.archive->audit("tester", 1);
  REQUIRE(audit);
  CHECK(audit->problems.empty());

  SECTION("only the last run exported: only the renewal covering it comes along") {
    const fs::path out = r.scratch.dir() / "export-four";
    REQUIRE(r.archive->export_package({r.ids[3]}, out, "tester"));
    CHECK_FALSE(fs::exists(out / "securing" / "renewal-1.json"));
    CHECK(fs::exists(out / "securing" / "renewal-2.json"));
    CHECK(verify_export(out, r.t.files, r.trust(), r.now()).passed());
  }
}

TEST_CASE("verify-export names each tampering of a renewal", "[archive][renewal][tamper]") {
  Renewing r;
  r.renew_after(4 * kYear, "einvoice test TSA 2030");
  r.travel(2 * kYear);
  r.export_all();
  const fs::path record = r.out() / "securing" / "renewal-1.json";
  const fs::path token = r.out() / "securing" / "renewal-1.tst";
  REQUIRE(r.failures().empty());
  SECTION("a leaf of the renewal record changed") {
    testing::spit(record, flip_after(testing::slurp(record), "\"token_sha256\":\""));
    const std::string failures = r.failures();
    CHECK(contains(failures, "securing/renewal-1.json: hash tree of the tokens it renews"));
    CHECK(contains(failures, "securing/renewal-1.json: its leaves are the latest tokens"));
  }
  SECTION("the renewal token replaced by another of the same TSA") {
    testing::spit(token, token_over(*r.tsas[1], from_hex(Sha256::hex("another root"))));
    CHECK(contains(r.failures(), "securing/renewal-1.tst: token is the one the record names"));
  }
  SECTION("a forged renewal token, named by an edited record") {
    auto record_text = testing::slurp(record);
    auto parsed = parse_renewal_record(record_text, "renewal");
    REQUIRE(parsed);
    auto forger = r.tsa("einvoice test TSA 2030");
    const std::string forged = token_over(*forger, from_hex(parsed->tree_root));
    parsed->timestamp_token_sha256 = Sha256::hex(forged);
    testing::spit(record, parsed->json());
    testing::spit(token, forged);
    CHECK(contains(r.failures(),
                   "securing/renewal-1.tst: RFC 3161 timestamp over the record's tree root -- "
                   "the token's signature or TSA certificate does not verify"));
  }
  SECTION("the renewal removed") {
    fs::remove(record);
    fs::remove(token);
    fs::remove(r.out() / "certificates" / "tsa-renewal-1.pem");
    const std::string failures = r.failures();
    CHECK(contains(failures, "evidence/" + r.ids[0] + ".ers: RFC 4998 evidence record"));
    CHECK(contains(failures, "manifest.json"));
  }
  SECTION("a leaf of the second ArchiveTimeStamp changed in an evidence record") {
    const fs::path ers = r.out() / "evidence" / (r.ids[2] + ".ers");
    std::string der = testing::slurp(ers);
    auto runs = r.archive->securings();
    REQUIRE(runs);
    const std::string leaf = from_hex(Sha256::hex((*runs)[1].token_der));
    const auto at = der.find(leaf);
    REQUIRE(at != std::string::npos);
    der[at] = static_cast<char>(der[at] ^ 1);
    testing::spit(ers, der);
    CHECK(
        contains(r.failures(), "evidence/" + r.ids[2] +
                                   ".ers: RFC 4998 evidence record of the "
                                   "document -- ArchiveTimeStamp 2: its first partial hash tree"));
  }
}

TEST_CASE("Audit catches a changed renewal record", "[archive][renewal][audit]") {
  Renewing r;
  const StoredRenewal renewal = r.renew_after(4 * kYear, "einvoice test TSA 2030");
  const std::string sha = Sha256::hex(renewal.record_json);
  const fs::path file = r.dir() / "objects" / sha.substr(0, 2) / sha.substr(2, 2) / sha;
  REQUIRE(fs::exists(file));
  testing::spit(file, flip_after(testing::slurp(file), "\"token_sha256\":\""));
  auto report = r.archive->audit("tester", 1);
  REQUIRE(report);
  REQUIRE_FALSE(report->ok());
  CHECK(contains(report->problems.front().what, "renewal records"));
  CHECK_FALSE(r.archive->evidence_record(r.ids[0]));
}

TEST_CASE("Renewal: nothing before securing, never two at once, never by an expired TSA",
          "[archive][renewal]") {
  SECTION("nothing to renew before the first securing") {
    einvoice::testing::ScratchFolder scratch("archive-renew-empty-");
    testing::TestEnv t;
    auto tsa = Tsa::create(nullptr, [&t] { return t.clock.now(); }).value();
    REQUIRE(Archive::init(scratch.dir() / "a", RetentionPolicy{}, nullptr, t.env));
    auto archive = Archive::open(scratch.dir() / "a", nullptr, t.env).value();
    auto renewed = archive->renew(*tsa, "tester");
    REQUIRE(renewed);
    CHECK_FALSE(renewed->has_value());
  }
  SECTION("two renewals at once: the second to finish is refused") {
    Renewing r;
    auto other = Archive::open(r.dir(), nullptr, r.t.env).value();
    bool other_renewed = false;
    testing::OvertakingAuthority overtaking(*r.tsas[0], [&] {
      auto run = other->renew(*r.tsas[0], "other");
      other_renewed = run && *run;
    });
    auto late = r.archive->renew(overtaking, "tester");
    CHECK(other_renewed);
    REQUIRE_FALSE(late);
    CHECK(contains(late.error().message, "run renew again"));
    auto renewals = r.archive->renewals();
    REQUIRE(renewals);
    CHECK(renewals->size() == 1);
    CHECK(r.renew(*r.tsas[0]).record.number == 2);
    auto audit = r.archive->audit("tester", 1);
    REQUIRE(audit);
    CHECK(audit->problems.empty());
  }
  SECTION("a TSA whose certificate expired cannot renew") {
    Renewing r;
    r.travel(6 * kYear);
    auto renewed = r.archive->renew(*r.tsas[0], "tester");
    REQUIRE_FALSE(renewed);
    CHECK(renewed.error().code == model::ErrorCode::kInvalid);
    CHECK(contains(renewed.error().message, "is not valid at the token's time"));
    auto renewals = r.archive->renewals();
    REQUIRE(renewals);
    CHECK(renewals->empty());
  }
}

TEST_CASE("A token verifies among TSA certificates of the same name, in any order",
          "[archive][renewal][timestamp]") {
  // A TSA renews its certificate under the same name: both stay trusted.
  testing::TestEnv t;
  auto now = [&t] { return t.clock.now(); };
  auto old_tsa = Tsa::create(nullptr, now, "einvoice test TSA").value();
  t.clock.advance(4 * kYear);
  auto new_tsa = Tsa::create(nullptr, now, "einvoice test TSA").value();
  const Hash root = from_hex(Sha256::hex("root"));
  const std::string old_token = token_over(*old_tsa, root);
  const std::string new_token = token_over(*new_tsa, root);
  const auto at = std::chrono::floor<std::chrono::seconds>(t.clock.now());
  const auto a = old_tsa->signer().certificate(), b = new_tsa->signer().certificate();
  for (const auto& anchors : {std::vector<signing::Certificate>{a, b}, {b, a}}) {
    const auto store = signing::TrustStore::from_certificates(anchors).value();
    CHECK(check_timestamp_at(old_token, root, store, at).empty());
    CHECK(check_timestamp_at(new_token, root, store, at).empty());
  }
  // After its five years the old certificate no longer verifies now.
  const auto store = signing::TrustStore::from_certificates({a, b}).value();
  CHECK_FALSE(check_timestamp_at(old_token, root, store, at + 2 * kYear).empty());
  CHECK(check_timestamp_at(new_token, root, store, at + 2 * kYear).empty());
}

TEST_CASE("Renewal records and evidence chains are read as hostile input",
          "[archive][renewal][hostile]") {
  RenewalRecord record;
  record.number = 1;
  record.leaves = {{1, Sha256::hex("a")}, {2, Sha256::hex("b")}};
  record.tree_root =
      to_hex(MerkleTree({from_hex(Sha256::hex("a")), from_hex(Sha256::hex("b"))}).root());
  const std::string json = record.json();
  auto parsed = parse_renewal_record(json, "renewal.json");
  REQUIRE(parsed);
  CHECK(check_renewal_tree(*parsed).empty());
  CHECK(parsed->json() == json);
  auto refused = [](const std::string& text) {
    auto r = parse_renewal_record(text, "renewal.json");
    return r ? std::string() : r.error().message;
  };
  CHECK(contains(refused(std::string(100, '[') + std::string(100, ']')), "nested too deep"));
  std::string swapped = json;
  swapped.replace(swapped.find("\"securing\":1"), 12, "\"securing\":3");
  CHECK(contains(refused(swapped), "leaf 1 is not that of securing 1"));
  std::string floating = json;
  floating.replace(floating.find("\"renewal\":1"), 11, "\"renewal\":1e30");
  CHECK(contains(refused(floating), "renewal is not a run number"));
  CHECK(contains(refused(json + " "), "canonical"));
  RenewalRecord wrong_root = *parsed;
  wrong_root.tree_root = Sha256::hex("x");
  CHECK_FALSE(check_renewal_tree(wrong_root).empty());

  // An ArchiveTimeStampChain longer than the limit.
  EvidenceRecord evidence;
  ArchiveTimeStamp stamp;
  stamp.reduced_hash_tree = {{from_hex(Sha256::hex("a"))}};
  stamp.timestamp_token = std::string("\x30\x00", 2);
  evidence.chain.assign(kMaxArchiveTimeStamps, stamp);
  CHECK(parse_evidence_record(evidence.der(), "ers"));
  evidence.chain.push_back(stamp);
  auto too_long = parse_evidence_record(evidence.der(), "ers");
  REQUIRE_FALSE(too_long);
  CHECK(too_long.error().code == model::ErrorCode::kLimitExceeded);
}

}  // namespace einvoice::archive
