// End-to-end tests of `einvoice validate --seen-store`: real processes sharing
// one store file (issue 12, defects 7 and 8).

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "process_support.h"

namespace fs = std::filesystem;
using einvoice::test::count_of;
using einvoice::test::Folder;
using einvoice::test::Outcome;
using einvoice::test::read_all;
using einvoice::test::run_einvoice;

namespace {

// `count` valid invoices of one seller numbered INV-0 ... into `dir`; `variant`
// changes their bytes (not their number) so two folders hold different
// documents with the same numbers.
void write_invoices(const fs::path& dir, int count, int variant) {
  const std::string sample =
      read_all(fs::path(EINVOICE_TESTDATA_DIR) / "samples" / "fr-credit-note.cii.xml");
  const std::string number = "<ram:ID>AV-2026-000027</ram:ID>";
  const std::string line = "<ram:LineID>1</ram:LineID>";
  REQUIRE(sample.find(number) != std::string::npos);
  REQUIRE(sample.find(line) != std::string::npos);
  fs::create_directories(dir);
  for (int i = 0; i < count; ++i) {
    std::string text = sample;
    text.replace(text.find(number), number.size(),
                 "<ram:ID>INV-" + std::to_string(i) + "</ram:ID>");
    text.replace(
        text.find(line), line.size(),
        "<ram:LineID>" + std::string(static_cast<std::size_t>(variant), '0') + "1</ram:LineID>");
    std::ofstream(dir / ("invoice-" + std::to_string(i) + ".xml"), std::ios::binary) << text;
  }
}

}  // namespace

TEST_CASE("Two concurrent validate processes on one store report every duplicate", "[cli][seen]") {
  constexpr int kNumbers = 150;
  Folder folder("store-concurrent");
  const fs::path first = folder.path() / "first", second = folder.path() / "second";
  write_invoices(first, kNumbers, 0);
  write_invoices(second, kNumbers, 1);

  for (int run = 0; run < 3; ++run) {
    const std::string store = (folder.path() / ("seen-" + std::to_string(run) + ".db")).string();
    Outcome a, b;
    std::thread other([&] {
      b = run_einvoice(folder.path(), "b" + std::to_string(run),
                       "validate " + second.string() + " --threads 2 --seen-store " + store);
    });
    a = run_einvoice(folder.path(), "a" + std::to_string(run),
                     "validate " + first.string() + " --threads 2 --seen-store " + store);
    other.join();
    INFO("run " << run << "\n" << a.err << b.err);
    // Every number was submitted twice with different bytes: exactly one of
    // the two submissions is accepted, the other is a duplicate.
    CHECK(count_of(a.out, "EINV-DUP-01") + count_of(b.out, "EINV-DUP-01") == kNumbers);
    CHECK(a.err.find("seen-invoice store") == std::string::npos);
    CHECK(b.err.find("seen-invoice store") == std::string::npos);
  }

  // One process, several threads, both folders.
  const std::string store = (folder.path() / "seen-threads.db").string();
  Outcome both = run_einvoice(
      folder.path(), "both",
      "validate " + first.string() + " " + second.string() + " --threads 4 --seen-store " + store);
  CHECK(both.exit_code == 1);
  CHECK(count_of(both.out, "EINV-DUP-01") == kNumbers);
}

TEST_CASE("validate refuses a --seen-store that is not an einvoice store", "[cli][seen]") {
  Folder folder("store-refused");
  write_invoices(folder.path() / "in", 1, 0);
  const std::string input = (folder.path() / "in").string();

  const fs::path empty = folder.path() / "empty.db";
  { std::ofstream touch(empty); }
  Outcome refused_empty =
      run_einvoice(folder.path(), "empty", "validate " + input + " --seen-store " + empty.string());
  CHECK(refused_empty.exit_code == 2);
  CHECK(refused_empty.err.find(empty.string()) != std::string::npos);
  CHECK(refused_empty.err.find("empty file") != std::string::npos);

  const fs::path dangling = folder.path() / "dangling.db";
  fs::create_symlink(folder.path() / "nowhere.db", dangling);
  Outcome refused_link = run_einvoice(folder.path(), "dangling",
                                      "validate " + input + " --seen-store " + dangling.string());
  CHECK(refused_link.exit_code == 2);
  CHECK(refused_link.err.find(dangling.string()) != std::string::npos);
  CHECK(refused_link.err.find("symbolic link") != std::string::npos);
  CHECK_FALSE(fs::exists(folder.path() / "nowhere.db"));

  const fs::path text = folder.path() / "notes.txt";
  std::ofstream(text) << std::string(2048, 'n');
  Outcome refused_text =
      run_einvoice(folder.path(), "text", "validate " + input + " --seen-store " + text.string());
  CHECK(refused_text.exit_code == 2);
  CHECK(refused_text.err.find("not an SQLite database") != std::string::npos);

  const fs::path fresh = folder.path() / "new.db";
  Outcome created =
      run_einvoice(folder.path(), "new", "validate " + input + " --seen-store " + fresh.string());
  CHECK(created.exit_code == 0);
  CHECK(fs::is_regular_file(fresh));
}
