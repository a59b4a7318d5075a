#include "engine/seen_invoice_store.h"

#include <unistd.h>

#include <catch2/catch.hpp>
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
