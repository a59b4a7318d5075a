#include <catch2/catch.hpp>
#include <chrono>

#include "engine/facturx_jobs.h"
#include "env/memory_file_system.h"

using namespace einvoice;

TEST_CASE("Factur-X build times come from the environment's clock or SOURCE_DATE_EPOCH",
          "[facturx][env]") {
  env::MemoryFileSystem files;
  env::ManualClock clock(std::chrono::system_clock::time_point(std::chrono::seconds(1788220800)));
  env::CountingRandom random;
  env::MapEnvironment none;
  CHECK(engine::build_timestamp({files, clock, random, none, "/tmp"}) ==
        "2026-09-01T00:00:00+00:00");
  env::MapEnvironment reproducible({{"SOURCE_DATE_EPOCH", "86400"}});
  CHECK(engine::build_timestamp({files, clock, random, reproducible, "/tmp"}) ==
        "1970-01-02T00:00:00+00:00");
  // A value that is not a whole number of seconds is ignored, never half read.
  for (const char* bad : {"", "12abc", "-5", "1.5"}) {
    env::MapEnvironment broken({{"SOURCE_DATE_EPOCH", bad}});
    CHECK(engine::build_timestamp({files, clock, random, broken, "/tmp"}) ==
          "2026-09-01T00:00:00+00:00");
  }
}
