// Issue 12, defect 6: outputs never land outside the folder the user named.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>

#include "engine/job_plan.h"
#include "env/file_system.h"
#include "env/memory_file_system.h"
#include "test_inputs.h"
#include "tests/scratch_folder.h"

using namespace einvoice;
using einvoice::testing::read_file;
namespace fs = std::filesystem;

namespace {

// A fresh folder per test case, removed afterwards.
class Scratch : public einvoice::testing::ScratchFolder {
 public:
  Scratch() : ScratchFolder("einvoice-out-") {}
};

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("An output folder writes atomically below itself and leaves no temporary",
          "[output-folder]") {
  Scratch s;
  env::LocalFileSystem files;
  auto out = files.open_output_folder(s.dir() / "out" / "deep");
  REQUIRE(out);
  REQUIRE((*out)->write("sub/a.xml", "first"));
  REQUIRE((*out)->write("sub/a.xml", "second"));
  CHECK(read_file(s.dir() / "out/deep/sub/a.xml") == "second");
  CHECK(names_in(s.dir() / "out/deep/sub") == std::vector<std::string>{"a.xml"});
  CHECK((*out)->has_file("sub/a.xml"));
  CHECK_FALSE((*out)->has_file("sub/b.xml"));

  const mode_t mask = ::umask(0);
  ::umask(mask);
  struct stat st {};
  REQUIRE(::stat((s.dir() / "out/deep/sub/a.xml").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == (0666 & ~mask));
}

TEST_CASE("Relative paths that could leave the output folder are refused", "[output-folder]") {
  Scratch s;
  env::LocalFileSystem files;
  einvoice::testing::write_text(s.dir() / "victim.xml", "precious");
  auto out = files.open_output_folder(s.dir() / "out");
  REQUIRE(out);
  for (const char* bad :
       {"../victim.xml", "sub/../../victim.xml", "/tmp/x.xml", "", ".", "a/./b"}) {
    INFO(bad);
    auto written = (*out)->write(bad, "x");
    REQUIRE_FALSE(written);
    CHECK(written.error().code == model::ErrorCode::kIo);
  }
  CHECK(read_file(s.dir() / "victim.xml") == "precious");
  CHECK_FALSE(files.write_atomic(s.dir() / "out" / "..", "x"));
}

TEST_CASE("A symbolic link at the output's name is refused, its target untouched",
          "[output-folder]") {
  Scratch s;
  env::LocalFileSystem files;
  einvoice::testing::write_text(s.dir() / "outside/victim.xml", "precious");
  fs::create_directories(s.dir() / "out");
  fs::create_symlink(s.dir() / "outside/victim.xml", s.dir() / "out/a.xml");
  auto out = files.open_output_folder(s.dir() / "out");
  REQUIRE(out);
  auto written = (*out)->write("a.xml", "attacker-chosen");
  REQUIRE_FALSE(written);
  CHECK(written.error().message.find("symbolic link") != std::string::npos);
  CHECK(written.error().where.file == (s.dir() / "out/a.xml").string());
  CHECK(fs::is_symlink(s.dir() / "out/a.xml"));
  CHECK(read_file(s.dir() / "outside/victim.xml") == "precious");
  CHECK_FALSE((*out)->has_file("a.xml"));  // a link is not a finished output for --resume
  // The single-file path (-o) goes through the same writer.
  CHECK_FALSE(files.write_atomic(s.dir() / "out/a.xml", "attacker-chosen"));
  CHECK(read_file(s.dir() / "outside/victim.xml") == "precious");
}

TEST_CASE("A symbolic link planted at the old predictable temporary name is never followed",
          "[output-folder]") {
  Scratch s;
  env::LocalFileSystem files;
  einvoice::testing::write_text(s.dir() / "outside/victim.xml", "precious");
  fs::create_directories(s.dir() / "out");
  // The writer used to open "OUT.tmp-PID-N" (N counting writes) with ofstream.
  for (int n = 0; n < 300; ++n) {
    fs::create_symlink(
        s.dir() / "outside/victim.xml",
        s.dir() / ("out/a.xml.tmp-" + std::to_string(::getpid()) + "-" + std::to_string(n)));
  }
  REQUIRE(files.write_atomic(s.dir() / "out/a.xml", "output"));
  CHECK(read_file(s.dir() / "outside/victim.xml") == "precious");
  CHECK(read_file(s.dir() / "out/a.xml") == "output");
  CHECK_FALSE(fs::is_symlink(s.dir() / "out/a.xml"));
}

TEST_CASE("A sub-folder that is a symbolic link is refused", "[output-folder]") {
  Scratch s;
  env::LocalFileSystem files;
  fs::create_directories(s.dir() / "outside");
  fs::create_directories(s.dir() / "out");
  fs::create_directory_symlink(s.dir() / "outside", s.dir() / "out/sub");
  auto out = files.open_output_folder(s.dir() / "out");
  REQUIRE(out);
  auto written = (*out)->write("sub/a.xml", "x");
  REQUIRE_FALSE(written);
  CHECK(written.error().message.find("symbolic link") != std::string::npos);
  CHECK(written.error().where.file == (s.dir() / "out/sub").string());
  CHECK(fs::is_empty(s.dir() / "outside"));
  CHECK_FALSE((*out)->has_file("sub/a.xml"));
}

TEST_CASE("An output folder that is a symbolic link is refused, naming where it points",
          "[output-folder]") {
  Scratch s;
  env::LocalFileSystem files;
  fs::create_directories(s.dir() / "real");
  fs::create_directory_symlink(s.dir() / "real", s.dir() / "link");
  for (std::string name : {"link", "link/"}) {
    auto out = files.open_output_folder(s.dir().string() + "/" + name);
    REQUIRE_FALSE(out);
    CHECK(out.error().message.find("symbolic link") != std::string::npos);
    CHECK(out.error().message.find(fs::canonical(s.dir() / "real").string()) != std::string::npos);
  }
  CHECK_FALSE(files.write_atomic(s.dir() / "link/a.xml", "x"));
  CHECK(fs::is_empty(s.dir() / "real"));
  einvoice::testing::write_text(s.dir() / "file", "x");
  auto not_folder = files.open_output_folder(s.dir() / "file");
  REQUIRE_FALSE(not_folder);
  CHECK(not_folder.error().message.find("not a folder") != std::string::npos);
}

TEST_CASE("A folder swapped for a link during a run cannot redirect the writes",
          "[output-folder]") {
  Scratch s;
  env::LocalFileSystem files;
  fs::create_directories(s.dir() / "outside");
  auto out = files.open_output_folder(s.dir() / "out");
  REQUIRE(out);
  REQUIRE((*out)->write("a.xml", "1"));
  fs::rename(s.dir() / "out", s.dir() / "moved");
  fs::create_directory_symlink(s.dir() / "outside", s.dir() / "out");
  REQUIRE((*out)->write("b.xml", "2"));
  CHECK(fs::is_empty(s.dir() / "outside"));
  CHECK(read_file(s.dir() / "moved/b.xml") == "2");
}

TEST_CASE("Temporaries left by an ended run are recognised, skipped as inputs and removed",
          "[output-folder]") {
  Scratch s;
  env::LocalFileSystem files;
  const std::string dead = std::to_string(einvoice::testing::ended_process_id());
  const std::string alive = std::to_string(::getpid());
  const std::string left = ".a.xml.einvoice-tmp-" + dead + "-0123456789abcdef";
  const std::string running = ".b.xml.einvoice-tmp-" + alive + "-0123456789abcdef";
  const std::string link = ".c.xml.einvoice-tmp-" + dead + "-fedcba9876543210";
  CHECK(env::is_temporary_name(left));
  CHECK(env::temporary_owner(left) == std::stol(dead));
  CHECK_FALSE(env::is_temporary_name("a.xml"));
  CHECK_FALSE(env::is_temporary_name(".a.xml.einvoice-tmp-12-xyz"));
  CHECK_FALSE(env::is_temporary_name("a.xml.tmp-12-0"));

  einvoice::testing::write_text(s.dir() / "outside/victim.xml", "precious");
  einvoice::testing::write_text(s.dir() / "out/sub" / left, "partial");
  einvoice::testing::write_text(s.dir() / "out" / running, "being written");
  einvoice::testing::write_text(s.dir() / "out/a.xml", "done");
  fs::create_symlink(s.dir() / "outside/victim.xml", s.dir() / "out" / link);

  auto listed = files.list_files(s.dir() / "out");
  REQUIRE(listed);
  CHECK(*listed == std::vector<fs::path>{s.dir() / "out/a.xml"});

  auto out = files.open_output_folder(s.dir() / "out");
  REQUIRE(out);
  CHECK((*out)->remove_leftovers() == 1);
  CHECK_FALSE(fs::exists(s.dir() / "out/sub" / left));
  CHECK(fs::exists(s.dir() / "out" / running));   // its writer is still running
  CHECK(fs::is_symlink(s.dir() / "out" / link));  // only regular files are removed
  CHECK(read_file(s.dir() / "outside/victim.xml") == "precious");
  CHECK(read_file(s.dir() / "out/a.xml") == "done");
}

TEST_CASE("A failing output folder is reported for single files too", "[output-folder]") {
  einvoice::env::MemoryFileSystem files;
  files.failing_folders.insert("out");
  auto written = files.write_atomic("out/a.xml", "x");
  REQUIRE_FALSE(written);
  CHECK(written.error().where.file == "out");
  CHECK(files.files.empty());
  files.failing_writes.insert("ok/b.xml");
  CHECK_FALSE(files.write_atomic("ok/b.xml", "x"));
  REQUIRE(files.write_atomic("ok/c.xml", "x"));
  CHECK(files.files.count("ok/c.xml"));
}

TEST_CASE("Inputs in a folder are named by their own path, never through a link's target",
          "[plan][output-folder]") {
  Scratch s;
  env::LocalFileSystem files;
  einvoice::testing::write_text(s.dir() / "data/x.xml", "x");
  einvoice::testing::write_text(s.dir() / "in/a.xml", "a");
  fs::create_symlink(s.dir() / "data/x.xml", s.dir() / "in/link.xml");
  fs::create_directories(s.dir() / "in/sub");
  fs::create_symlink(s.dir() / "data/x.xml", s.dir() / "in/sub/deep.xml");
  fs::create_directory_symlink(s.dir() / "data", s.dir() / "in/linked-folder");
  for (std::string folder : {(s.dir() / "in").string(), (s.dir() / "in").string() + "/",
                             (s.dir() / "in/../in").string()}) {
    INFO(folder);
    auto inputs = engine::list_inputs({folder}, files);
    REQUIRE(inputs);
    std::vector<fs::path> relative;
    for (const auto& input : *inputs)
      relative.push_back(input.relative);
    // fs::relative used to map in/link.xml to ../data/x.xml; links to folders are not descended.
    CHECK(relative == std::vector<fs::path>{"a.xml", "link.xml", "sub/deep.xml"});
  }
  auto jobs = engine::plan_jobs({s.dir() / "in"}, s.dir() / "o/out", files);
  REQUIRE(jobs);
  for (const auto& job : *jobs)
    CHECK(env::check_relative(job.output));
}
