#include "engine/seen_invoice_store.h"

#include <sqlite3.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using einvoice::engine::SeenInvoiceStore;
using einvoice::engine::seller_key;
using einvoice::engine::sha256_hex;

namespace {

einvoice::model::Invoice invoice(const std::string& number, int year, const std::string& vat) {
  einvoice::model::Invoice out;
  out.number = number;
  out.issue_date = einvoice::model::Date{year, 3, 1};
  out.seller.vat_identifier = vat;
  out.seller.name = "Seller";
  return out;
}

struct TempStore {
  fs::path path =
      fs::temp_directory_path() / ("einvoice-seen-" + std::to_string(::getpid()) + "-" +
                                   std::to_string(reinterpret_cast<std::uintptr_t>(this)) + ".db");
  ~TempStore() {
    fs::remove(path);
    fs::remove(path.string() + "-wal");
    fs::remove(path.string() + "-shm");
  }
};

}  // namespace

TEST_CASE("SHA-256 fingerprints match the published test vectors", "[seen]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("The seller key prefers the VAT id, then the legal id, then ids, then the name",
          "[seen]") {
  einvoice::model::Invoice inv;
  CHECK(seller_key(inv).empty());
  inv.seller.name = " Dupont  SA ";
  CHECK(seller_key(inv) == "NAME:DUPONTSA");
  inv.seller.identifiers.push_back({"123 456", std::string("0088"), std::nullopt});
  CHECK(seller_key(inv) == "ID:0088:123456");
  inv.seller.legal_registration_identifier = {"832147656", std::string("0002"), std::nullopt};
  CHECK(seller_key(inv) == "LEGAL:0002:832147656");
  inv.seller.vat_identifier = "fr 55 832147656";
  CHECK(seller_key(inv) == "VAT:FR55832147656");
}

TEST_CASE("A number seen for the same seller and year is a duplicate, other content only",
          "[seen]") {
  TempStore temp;
  auto opened = SeenInvoiceStore::open(temp.path);
  REQUIRE(opened);
  SeenInvoiceStore& store = **opened;
  auto first = invoice("F-1", 2026, "FR55832147656");
  auto none = store.find_duplicate(first, "aaa");
  REQUIRE(none);
  CHECK_FALSE(*none);
  REQUIRE(store.record(first, "first.xml", "aaa"));

  auto same_document = store.find_duplicate(first, "aaa");
  REQUIRE(same_document);
  CHECK_FALSE(*same_document);  // re-running a batch is not a duplicate

  auto other_content = store.find_duplicate(first, "bbb");
  REQUIRE(other_content);
  REQUIRE(*other_content);
  CHECK((*other_content)->document == "first.xml");
  CHECK((*other_content)->fingerprint == "aaa");

  auto padded = invoice(" F-1 ", 2026, "fr55832147656");  // same number, spelled loosely
  CHECK(store.find_duplicate(padded, "ccc").value().has_value());
  CHECK_FALSE(store.find_duplicate(invoice("F-1", 2027, "FR55832147656"), "d").value());
  CHECK_FALSE(store.find_duplicate(invoice("F-1", 2026, "FR00000000000"), "d").value());
  CHECK_FALSE(store.find_duplicate(invoice("F-2", 2026, "FR55832147656"), "d").value());

  einvoice::model::Invoice anonymous;
  anonymous.number = "F-1";
  CHECK_FALSE(store.find_duplicate(anonymous, "e").value());
  REQUIRE(store.record(anonymous, "anonymous.xml", "e"));  // nothing to record, no error
}

TEST_CASE("The store survives reopening and refuses a file that is not a store", "[seen]") {
  TempStore temp;
  {
    auto opened = SeenInvoiceStore::open(temp.path);
    REQUIRE(opened);
    REQUIRE((*opened)->record(invoice("F-9", 2026, "FR1"), "a.xml", "x"));
  }
  auto reopened = SeenInvoiceStore::open(temp.path);
  REQUIRE(reopened);
  CHECK((*reopened)->find_duplicate(invoice("F-9", 2026, "FR1"), "y").value());

  TempStore garbage;
  { std::ofstream(garbage.path) << "this is not a database, just some text of some length....."; }
  auto refused = SeenInvoiceStore::open(garbage.path);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().describe().find(garbage.path.string()) != std::string::npos);
}

TEST_CASE("Concurrent recording keeps the first acceptance only", "[seen]") {
  TempStore temp;
  auto opened = SeenInvoiceStore::open(temp.path);
  REQUIRE(opened);
  SeenInvoiceStore& store = **opened;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&store, t] {
      for (int i = 0; i < 50; ++i) {
        auto inv = invoice("N-" + std::to_string(i), 2026, "FR1");
        (void)store.record(inv, "thread" + std::to_string(t) + ".xml", "fp" + std::to_string(t));
      }
    });
  }
  for (auto& thread : threads)
    thread.join();
  for (int i = 0; i < 50; ++i) {
    auto inv = invoice("N-" + std::to_string(i), 2026, "FR1");
    int duplicates_seen = 0;
    for (int t = 0; t < 4; ++t)
      duplicates_seen += store.find_duplicate(inv, "fp" + std::to_string(t)).value() ? 1 : 0;
    CHECK(duplicates_seen == 3);  // exactly one thread's fingerprint was kept
  }
}

namespace {

// Opening `path` fails, naming the path and containing `why`.
void check_refused(const fs::path& path, const std::string& why) {
  auto refused = SeenInvoiceStore::open(path);
  REQUIRE_FALSE(refused);
  const std::string text = refused.error().describe();
  CHECK(text.find(path.string()) != std::string::npos);
  CHECK(text.find(why) != std::string::npos);
}

void make_foreign_database(const fs::path& path, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  CHECK(sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

}  // namespace

// Issue 12, defect 8: a 0-byte file or a dangling symlink was used as a new store.
TEST_CASE("Only an einvoice store or a new path is opened as a store", "[seen]") {
  TempStore fresh;
  REQUIRE_FALSE(fs::exists(fresh.path));
  REQUIRE(SeenInvoiceStore::open(fresh.path));
  REQUIRE(fs::is_regular_file(fs::symlink_status(fresh.path)));
  CHECK(SeenInvoiceStore::open(fresh.path));  // and it is recognised as one afterwards

  TempStore empty;
  { std::ofstream touch(empty.path); }
  check_refused(empty.path, "empty file");
  CHECK(fs::file_size(empty.path) == 0);  // left as it was

  TempStore text;
  { std::ofstream(text.path) << std::string(4096, 'x'); }
  check_refused(text.path, "not an SQLite database");

  TempStore foreign;
  make_foreign_database(foreign.path, "CREATE TABLE accounts (id INTEGER, owner TEXT);");
  check_refused(foreign.path, "another application");

  TempStore lookalike;  // our table name, another application's id
  make_foreign_database(lookalike.path,
                        "PRAGMA application_id=7; CREATE TABLE einvoice_seen_invoice (x TEXT);");
  check_refused(lookalike.path, "another application");

  TempStore dangling;
  fs::create_symlink(dangling.path.string() + "-target-that-does-not-exist", dangling.path);
  check_refused(dangling.path, "symbolic link");
  CHECK_FALSE(fs::exists(dangling.path.string() + "-target-that-does-not-exist"));

  TempStore link_to_store;
  fs::create_symlink(fresh.path, link_to_store.path);
  check_refused(link_to_store.path, "symbolic link");

  TempStore folder;
  fs::create_directory(folder.path);
  check_refused(folder.path, "not a regular file");
  fs::remove(folder.path);
}

TEST_CASE("A store written before the identity was introduced is recognised and stamped",
          "[seen]") {
  TempStore old;
  make_foreign_database(old.path,
                        "CREATE TABLE einvoice_seen_invoice (seller TEXT NOT NULL, year INTEGER "
                        "NOT NULL, number TEXT NOT NULL, document TEXT NOT NULL, fingerprint TEXT "
                        "NOT NULL, recorded_at TEXT NOT NULL, PRIMARY KEY (seller, year, number));"
                        "INSERT INTO einvoice_seen_invoice VALUES "
                        "('VAT:FR1', 2026, 'F-1', 'old.xml', 'f0', '2026-01-01T00:00:00Z');");
  auto opened = SeenInvoiceStore::open(old.path);
  REQUIRE(opened);
  auto duplicate = (*opened)->find_duplicate(invoice("F-1", 2026, "FR1"), "other");
  REQUIRE(duplicate);
  REQUIRE(*duplicate);
  CHECK((*duplicate)->document == "old.xml");
}

// Issue 12, defect 7: the look-up and the INSERT OR IGNORE were separate, so two
// processes could both take the same number as new.
TEST_CASE("claim() is atomic across connections: one first acceptance per key", "[seen]") {
  constexpr int kConnections = 4, kNumbers = 100;
  for (int run = 0; run < 3; ++run) {
    TempStore temp;
    std::vector<std::unique_ptr<SeenInvoiceStore>> stores;
    for (int c = 0; c < kConnections; ++c) {
      auto opened = SeenInvoiceStore::open(temp.path);
      REQUIRE(opened);
      stores.push_back(std::move(*opened));
    }
    std::vector<int> duplicates(kConnections, 0), failures(kConnections, 0);
    std::vector<std::thread> threads;
    for (int c = 0; c < kConnections; ++c) {
      threads.emplace_back([&, c] {
        for (int i = 0; i < kNumbers; ++i) {
          auto claimed = stores[static_cast<std::size_t>(c)]->claim(
              invoice("N-" + std::to_string(i), 2026, "FR1"), "c" + std::to_string(c) + ".xml",
              "fp" + std::to_string(c));
          if (!claimed)
            ++failures[static_cast<std::size_t>(c)];
          else if (*claimed)
            ++duplicates[static_cast<std::size_t>(c)];
        }
      });
    }
    for (auto& thread : threads)
      thread.join();
    int total = 0;
    for (int c = 0; c < kConnections; ++c) {
      CHECK(failures[static_cast<std::size_t>(c)] == 0);
      total += duplicates[static_cast<std::size_t>(c)];
    }
    CHECK(total == kNumbers * (kConnections - 1));
    // The same document again is not a duplicate of itself.
    auto again = stores[0]->claim(invoice("N-0", 2026, "FR1"), "again.xml", "fp-again");
    REQUIRE(again);
    auto winner = (*again)->fingerprint;
    auto same = stores[1]->claim(invoice("N-0", 2026, "FR1"), "same.xml", winner);
    REQUIRE(same);
    CHECK_FALSE(*same);
  }
}

TEST_CASE("Acceptance times come from the store's clock", "[seen]") {
  TempStore temp;
  einvoice::env::ManualClock clock(
      std::chrono::system_clock::time_point(std::chrono::seconds(1788220800)));
  auto opened = SeenInvoiceStore::open(temp.path, clock);
  REQUIRE(opened);
  REQUIRE((*opened)->record(invoice("F-1", 2026, "FR1"), "first.xml", "fp-1"));
  clock.advance(std::chrono::hours(30));
  REQUIRE((*opened)->record(invoice("F-2", 2026, "FR1"), "second.xml", "fp-2"));
  auto first = (*opened)->find_duplicate(invoice("F-1", 2026, "FR1"), "other");
  auto second = (*opened)->find_duplicate(invoice("F-2", 2026, "FR1"), "other");
  REQUIRE(first);
  REQUIRE(*first);
  REQUIRE(second);
  REQUIRE(*second);
  CHECK((*first)->recorded_at == "2026-09-01T00:00:00Z");
  CHECK((*second)->recorded_at == "2026-09-02T06:00:00Z");
}
