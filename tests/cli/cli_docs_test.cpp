// The documentation of the command line against the program itself: every
// subcommand `einvoice --help` lists is a real command and is documented in
// README.md and cli/README.md, and nothing else is.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Runs einvoice with `arguments`; stdout, and the exit code in `exit_code`.
std::string run(const std::string& arguments, int& exit_code) {
  const std::string command = std::string(EINVOICE_EXE) + " " + arguments + " 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
    out.append(buffer, n);
  const int status = ::pclose(pipe);
  exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

// The lower-case word starting at `at` in `text`.
std::string word_at(const std::string& text, std::size_t at) {
  std::size_t end = at;
  while (end < text.size() && text[end] >= 'a' && text[end] <= 'z')
    ++end;
  return text.substr(at, end - at);
}

// The subcommands of the "commands:" section of the usage text: lines
// indented by two spaces whose first word is lower case.
std::set<std::string> listed_commands(const std::string& usage) {
  std::set<std::string> commands;
  std::istringstream lines(usage.substr(usage.find("commands:")));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.size() > 2 && line.compare(0, 2, "  ") == 0 && line[2] >= 'a' && line[2] <= 'z')
      commands.insert(word_at(line, 2));
  }
  return commands;
}

// The usage entry of `command`: its line and the continuation lines below it
// (indented deeper than an entry).
std::string help_entry(const std::string& usage, const std::string& command) {
  auto at = usage.find("\n  " + command + " ");
  REQUIRE(at != std::string::npos);
  std::string entry;
  do {
    const auto end = usage.find('\n', at + 1);
    entry += usage.substr(at, end - at);
    at = end;
  } while (at != std::string::npos && usage.compare(at, 4, "\n   ") == 0);
  return entry;
}

}  // namespace

TEST_CASE("Every subcommand in --help exists and is documented in both READMEs", "[cli][docs]") {
  int code = -1;
  const std::string usage = run("--help", code);
  REQUIRE(code == 0);
  const auto commands = listed_commands(usage);
  const std::set<std::string> dispatched = {"convert", "facturx",  "inspect", "ocr",
                                            "process", "validate", "xsd",     "seal",
                                            "verify",  "archive",  "accounts"};
  CHECK(commands == dispatched);

  const std::string readme = slurp(fs::path(EINVOICE_SOURCE_DIR) / "README.md");
  const std::string cli_readme = slurp(fs::path(EINVOICE_SOURCE_DIR) / "cli" / "README.md");
  for (const auto& command : commands) {
    INFO(command);
    int command_code = -1;
    run(command + " --help", command_code);
    CHECK(command_code == 0);
    CHECK(readme.find("| `einvoice " + command + " ") != std::string::npos);
    CHECK(cli_readme.find("`" + command + "`") != std::string::npos);
  }

  // The README's command table names no command the program lacks.
  const std::string row = "| `einvoice ";
  std::set<std::string> in_readme;
  for (auto at = readme.find(row); at != std::string::npos; at = readme.find(row, at + 1))
    in_readme.insert(word_at(readme, at + row.size()));
  CHECK(in_readme == commands);
}

TEST_CASE("The help of seal names the formats and levels of docs/sealing.md", "[cli][docs]") {
  int code = -1;
  const std::string usage = run("--help", code);
  REQUIRE(code == 0);
  const std::string seal = help_entry(usage, "seal");
  for (const char* word : {"PAdES", "XAdES", "CAdES", "B-B", "B-T", "B-LT", "B-LTA"}) {
    INFO(word);
    CHECK(seal.find(word) != std::string::npos);
  }
  const std::string verify = help_entry(usage, "verify");
  for (const char* word : {"PAdES", "XAdES", "CAdES"}) {
    INFO(word);
    CHECK(verify.find(word) != std::string::npos);
  }
}
