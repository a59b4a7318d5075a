#include "engine/job_plan.h"

#include <catch2/catch.hpp>

#include "env/memory_file_system.h"

using einvoice::engine::plan_jobs;
using einvoice::env::MemoryFileSystem;
namespace fs = std::filesystem;

TEST_CASE("Folders contribute their XML files, mirrored under the output folder", "[plan]") {
  MemoryFileSystem files;
  files.files["in/a.xml"] = "x";
  files.files["in/sub/b.XML"] = "x";
  files.files["in/notes.txt"] = "x";
  files.files["single.data"] = "x";
  auto jobs = plan_jobs({"in", "single.data"}, "out", files);
  REQUIRE(jobs);
  REQUIRE(jobs->size() == 3);
  CHECK((*jobs)[0].input == fs::path("in/a.xml"));
  CHECK((*jobs)[0].output == fs::path("a.xml"));  // relative to the output folder
  CHECK((*jobs)[1].output == fs::path("sub/b.XML"));
  CHECK((*jobs)[2].input == fs::path("single.data"));  // named files are taken as given
  CHECK((*jobs)[2].output == fs::path("single.data"));
}

TEST_CASE("Planning refuses missing inputs and colliding outputs", "[plan]") {
  MemoryFileSystem files;
  files.files["a/x.xml"] = "1";
  files.files["b/x.xml"] = "2";
  auto missing = plan_jobs({"nope.xml"}, "out", files);
  REQUIRE_FALSE(missing);
  CHECK(missing.error().where.file == "nope.xml");
  auto collide = plan_jobs({"a/x.xml", "b/x.xml"}, "out", files);
  REQUIRE_FALSE(collide);
  CHECK(collide.error().message.find("same output") != std::string::npos);
}
