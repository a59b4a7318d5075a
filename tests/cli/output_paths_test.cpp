// Issue 12, defect 6: convert, validate and ocr --out-dir never write outside
// the folder the user named, never through a link, and resume cleanly.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "cli_scratch.h"

using namespace einvoice::testing;
namespace fs = std::filesystem;

namespace {

const std::string kCii = "en16931/cii/examples/CII_example1.xml";
const std::string kTextPdf = "ocr/facturx-pdf/intarsys__zugferd_2p0_EN16931_Einfach.pdf";

// Regular files below `root` that are not below `allowed`.
std::vector<fs::path> written_outside(const fs::path& root, const fs::path& allowed) {
  std::vector<fs::path> found;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    auto rel = entry.path().lexically_relative(allowed);
    if (entry.is_regular_file() && (rel.empty() || *rel.begin() == ".."))
      found.push_back(entry.path());
  }
  return found;
}

std::string leftover_name(const std::string& output) {
  return "." + output + ".einvoice-tmp-" + std::to_string(ended_process_id()) + "-0123456789abcdef";
}

// The command line of each command writing reports or outputs of `in` into `out`.
struct Command {
  const char* name;
  std::string (*line)(const fs::path& in, const fs::path& out);
  const char* suffix;  // output name = input name + suffix
};

const Command kCommands[] = {
    {"convert",
     [](const fs::path& in, const fs::path& out) {
       return "convert " + in.string() + " --to ubl --quiet --out-dir " + out.string() + schemas();
     },
     ""},
    {"validate",
     [](const fs::path& in, const fs::path& out) {
       return "validate " + in.string() + " --out-dir " + out.string() + schemas();
     },
     ".txt"},
};

}  // namespace

TEST_CASE("A link inside an input folder is written under its own name, never its target's",
          "[cli][paths]") {
  for (const auto& command : kCommands) {
    DYNAMIC_SECTION(command.name) {
      Scratch s;
      fs::copy_file(corpus(kCii), s.dir() / "x.xml");
      fs::create_directories(s.dir() / "in");
      fs::copy_file(corpus(kCii), s.dir() / "in/a.xml");
      // fs::relative resolved in/link.xml to ../x.xml: out/../x.xml
      fs::create_symlink(s.dir() / "x.xml", s.dir() / "in/link.xml");
      write_text(s.dir() / "o/x.xml", "precious");
      auto run = s.run(command.line(s.dir() / "in", s.dir() / "o/out"));
      INFO(run.out << run.err);
      CHECK(run.exit_code == 0);
      CHECK(fs::is_regular_file(s.dir() / "o/out" / (std::string("link.xml") + command.suffix)));
      CHECK(fs::is_regular_file(s.dir() / "o/out" / (std::string("a.xml") + command.suffix)));
      CHECK(slurp(s.dir() / "o/x.xml") == "precious");
      auto outside = written_outside(s.dir() / "o", s.dir() / "o/out");
      CHECK(outside == std::vector<fs::path>{s.dir() / "o/x.xml"});
    }
  }
}

TEST_CASE("ocr --out-dir: a link inside an input folder keeps its own name", "[cli][paths][ocr]") {
  Scratch s;
  fs::copy_file(corpus(kTextPdf), s.dir() / "x.pdf");
  fs::create_directories(s.dir() / "in");
  fs::create_symlink(s.dir() / "x.pdf", s.dir() / "in/link.pdf");
  auto run =
      s.run("ocr " + (s.dir() / "in").string() + " --out-dir " + (s.dir() / "o/out").string());
  INFO(run.out << run.err);
  CHECK(run.exit_code != 2);
  CHECK(fs::is_regular_file(s.dir() / "o/out/link.pdf.json"));
  CHECK(written_outside(s.dir() / "o", s.dir() / "o/out").empty());
  CHECK_FALSE(fs::exists(s.dir() / "o/x.pdf.json"));
}

TEST_CASE("An --out-dir that is a symbolic link is refused, naming the real folder",
          "[cli][paths]") {
  Scratch s;
  fs::create_directories(s.dir() / "in");
  fs::copy_file(corpus(kCii), s.dir() / "in/a.xml");
  fs::create_directories(s.dir() / "real");
  fs::create_directory_symlink(s.dir() / "real", s.dir() / "link");
  const std::string real = fs::canonical(s.dir() / "real").string();
  for (const auto& command : kCommands) {
    INFO(command.name);
    auto run = s.run(command.line(s.dir() / "in", s.dir() / "link"));
    INFO(run.err);
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("symbolic link") != std::string::npos);
    CHECK(run.err.find(real) != std::string::npos);
  }
  auto single = s.run("convert " + (s.dir() / "in/a.xml").string() + " --to ubl -o " +
                      (s.dir() / "link/a.xml").string() + schemas());
  CHECK(single.exit_code == 2);
  CHECK(single.err.find("symbolic link") != std::string::npos);
  fs::copy_file(corpus(kTextPdf), s.dir() / "in/scan.pdf");
  auto ocr = s.run("ocr " + (s.dir() / "in/scan.pdf").string() + " --out-dir " +
                   (s.dir() / "link").string());
  CHECK(ocr.exit_code == 2);
  CHECK(ocr.err.find("symbolic link") != std::string::npos);
  CHECK(fs::is_empty(s.dir() / "real"));
}

TEST_CASE("A symbolic link planted at an output's name is refused, its target untouched",
          "[cli][paths]") {
  for (const auto& command : kCommands) {
    DYNAMIC_SECTION(command.name) {
      Scratch s;
      fs::create_directories(s.dir() / "in");
      fs::copy_file(corpus(kCii), s.dir() / "in/a.xml");
      write_text(s.dir() / "victim", "precious");
      fs::create_directories(s.dir() / "out");
      const fs::path planted = s.dir() / "out" / (std::string("a.xml") + command.suffix);
      fs::create_symlink(s.dir() / "victim", planted);
      auto run = s.run(command.line(s.dir() / "in", s.dir() / "out"));
      INFO(run.err);
      CHECK(run.exit_code == 2);
      CHECK(run.err.find(planted.string() + ": is a symbolic link") != std::string::npos);
      CHECK(fs::is_symlink(planted));
      CHECK(slurp(s.dir() / "victim") == "precious");
    }
  }
}

TEST_CASE("ocr --out-dir refuses a symbolic link planted at a report's name", "[cli][paths][ocr]") {
  Scratch s;
  fs::create_directories(s.dir() / "in");
  fs::copy_file(corpus(kTextPdf), s.dir() / "in/scan.pdf");
  write_text(s.dir() / "victim", "precious");
  fs::create_directories(s.dir() / "out");
  fs::create_symlink(s.dir() / "victim", s.dir() / "out/scan.pdf.json");
  auto run = s.run("ocr " + (s.dir() / "in").string() + " --out-dir " + (s.dir() / "out").string());
  INFO(run.err);
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("scan.pdf.json: is a symbolic link") != std::string::npos);
  CHECK(slurp(s.dir() / "victim") == "precious");
}

TEST_CASE("Links planted at the old predictable temporary names are never followed",
          "[cli][paths]") {
  // The writer used to open OUT.tmp-PID-0 with ofstream; the next process ids
  // are planted (the program's id falls among them unless ids wrap).
  Scratch s;
  write_text(s.dir() / "victim", "precious");
  fs::create_directories(s.dir() / "in");
  fs::copy_file(corpus(kCii), s.dir() / "in/a.xml");
  fs::create_directories(s.dir() / "out");
  const long next = ::getpid();
  for (long pid = next; pid < next + 1000; ++pid) {
    for (const char* name : {"a.xml", "single.xml"})
      fs::create_symlink(
          s.dir() / "victim",
          s.dir() / "out" / (std::string(name) + ".tmp-" + std::to_string(pid) + "-0"));
  }
  auto batch = s.run(kCommands[0].line(s.dir() / "in", s.dir() / "out"));
  INFO(batch.err);
  CHECK(batch.exit_code == 0);
  auto single = s.run("convert " + (s.dir() / "in/a.xml").string() + " --to ubl -o " +
                      (s.dir() / "out/single.xml").string() + schemas());
  CHECK(single.exit_code == 0);
  CHECK(slurp(s.dir() / "victim") == "precious");
  CHECK(fs::is_regular_file(s.dir() / "out/a.xml"));
  CHECK_FALSE(fs::is_symlink(s.dir() / "out/a.xml"));
  CHECK(fs::is_regular_file(s.dir() / "out/single.xml"));
}

TEST_CASE("Resuming removes the temporaries a killed run left and finishes the batch",
          "[cli][paths]") {
  Scratch s;
  fs::create_directories(s.dir() / "in");
  fs::copy_file(corpus(kCii), s.dir() / "in/a.xml");
  fs::copy_file(corpus(kCii), s.dir() / "in/b.xml");
  write_text(s.dir() / "out/b.xml", "done before the kill");
  const fs::path leftover = s.dir() / "out" / leftover_name("a.xml");
  write_text(leftover, "<partial");
  auto run = s.run(kCommands[0].line(s.dir() / "in", s.dir() / "out") + " --resume");
  INFO(run.out << run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("1 converted") != std::string::npos);
  CHECK(run.out.find("1 skipped") != std::string::npos);
  CHECK_FALSE(fs::exists(leftover));
  CHECK(slurp(s.dir() / "out/a.xml").find("<Invoice") != std::string::npos);
  CHECK(slurp(s.dir() / "out/b.xml") == "done before the kill");
}

TEST_CASE("ocr --resume removes the temporaries a killed run left", "[cli][paths][ocr]") {
  Scratch s;
  fs::create_directories(s.dir() / "in");
  fs::copy_file(corpus(kTextPdf), s.dir() / "in/scan.pdf");
  write_text(s.dir() / "out/scan.pdf.json", "{}");
  const fs::path leftover = s.dir() / "out" / leftover_name("other.pdf.json");
  write_text(leftover, "{\"partial");
  auto run = s.run("ocr " + (s.dir() / "in").string() + " --out-dir " + (s.dir() / "out").string() +
                   " --resume");
  INFO(run.out << run.err);
  CHECK(run.out.find("1 skipped") != std::string::npos);
  CHECK_FALSE(fs::exists(leftover));
}

TEST_CASE("Inputs named with '..' land below the output folder by their own names",
          "[cli][paths]") {
  Scratch s;
  fs::create_directories(s.dir() / "in/sub");
  fs::copy_file(corpus(kCii), s.dir() / "in/sub/a.xml");
  auto run = s.run(kCommands[0].line(s.dir() / "in/sub/..", s.dir() / "o/out"));
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(fs::is_regular_file(s.dir() / "o/out/sub/a.xml"));
  auto file = s.run(kCommands[1].line(s.dir() / "in/sub/../sub/a.xml", s.dir() / "o/out"));
  CHECK(file.exit_code == 0);
  CHECK(fs::is_regular_file(s.dir() / "o/out/a.xml.txt"));
  CHECK(written_outside(s.dir() / "o", s.dir() / "o/out").empty());
}
