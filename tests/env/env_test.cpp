#include "env/env.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <set>
#include <string>

#include "env/memory_file_system.h"
#include "tests/scratch_folder.h"

using namespace einvoice;
using std::chrono::system_clock;

namespace {

system_clock::time_point at_seconds(long long seconds) {
  return system_clock::time_point(std::chrono::seconds(seconds));
}

}  // namespace

TEST_CASE("A manual clock moves only when told, and prints as UTC", "[env]") {
  env::ManualClock clock(at_seconds(1790000000));
  CHECK(env::utc_timestamp(clock.now()) == "2026-09-21T14:13:20Z");
  clock.advance(std::chrono::hours(24 * 365));
  CHECK(env::utc_timestamp(clock.now()) == "2027-09-21T14:13:20Z");
  clock.set(at_seconds(0));
  CHECK(env::utc_timestamp(clock.now()) == "1970-01-01T00:00:00Z");
  CHECK(env::utc_timestamp(clock.now()) == "1970-01-01T00:00:00Z");  // no drift by itself
}

TEST_CASE("Random sources: the system's differs per call, the counting one repeats", "[env]") {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    auto hex = env::random_hex(env::system_random(), 8);
    REQUIRE(hex);
    CHECK(hex->size() == 16);
    CHECK(hex->find_first_not_of("0123456789abcdef") == std::string::npos);
    seen.insert(*hex);
  }
  CHECK(seen.size() == 50);
  env::CountingRandom a(7), b(7), c(8);
  const auto first = *env::random_hex(a, 8);
  CHECK(first == *env::random_hex(b, 8));
  CHECK(first != *env::random_hex(c, 8));
  CHECK(first != *env::random_hex(a, 8));  // moves on
  CHECK(env::random_hex(a, 0)->empty());
}

TEST_CASE("Environment variables come from the process or from a map", "[env]") {
  env::MapEnvironment variables({{"EINVOICE_SCHEMAS", "/opt/schemas"}, {"EMPTY", ""}});
  CHECK(variables.get("EINVOICE_SCHEMAS") == "/opt/schemas");
  CHECK(variables.get("EMPTY") == "");
  CHECK_FALSE(variables.get("MISSING").has_value());
  env::ProcessEnvironment process;
  CHECK_FALSE(process.get("EINVOICE_ENV_TEST_SURELY_UNSET_VARIABLE").has_value());
  CHECK(process.get("PATH").has_value());
}

TEST_CASE("The system environment is one shared set of real parts", "[env]") {
  const env::Env& a = env::system_env();
  const env::Env& b = env::system_env();
  CHECK(&a == &b);
  CHECK_FALSE(a.temporary_dir.empty());
  const auto now = system_clock::now();
  CHECK(std::chrono::abs(a.clock.now() - now) < std::chrono::minutes(1));
}

TEST_CASE("Temporary names of atomic writes draw on the file system's random source", "[env]") {
  testing::ScratchFolder scratch("einvoice-env-");
  env::CountingRandom random(42);
  env::LocalFileSystem files(random);
  auto folder = files.open_output_folder(scratch.dir() / "out");
  REQUIRE(folder);
  REQUIRE((*folder)->write("a.xml", "<a/>"));
  REQUIRE((*folder)->write("sub/b.xml", "<b/>"));
  CHECK((*folder)->has_file("a.xml"));
  CHECK((*folder)->has_file("sub/b.xml"));
  auto listed = files.list_files(scratch.dir() / "out");
  REQUIRE(listed);
  CHECK(listed->size() == 2);  // no temporary left behind
  auto read = files.read(scratch.dir() / "out/sub/b.xml", 100);
  REQUIRE(read);
  CHECK(*read == "<b/>");
  auto too_big = files.read(scratch.dir() / "out/sub/b.xml", 3);
  REQUIRE_FALSE(too_big);
  CHECK(too_big.error().code == model::ErrorCode::kLimitExceeded);
}

TEST_CASE("The in-memory file system fails where it is told to", "[env]") {
  env::MemoryFileSystem files;
  files.files["in/a.xml"] = "<a/>";
  files.failing_reads.insert("in/a.xml");
  CHECK_FALSE(files.read("in/a.xml", 100));
  files.failing_reads.clear();
  CHECK(files.read("in/a.xml", 100));
  files.failing_writes.insert("out/b.xml");
  auto folder = files.open_output_folder("out");
  REQUIRE(folder);
  CHECK_FALSE((*folder)->write("b.xml", "<b/>"));
  CHECK((*folder)->write("c.xml", "<c/>"));
  CHECK(files.files.count("out/c.xml") == 1);
  files.failing_folders.insert("locked");
  CHECK_FALSE(files.open_output_folder("locked"));
}
