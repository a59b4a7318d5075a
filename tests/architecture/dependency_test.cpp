// The dependency graph each module's README states ("Module dependencies:")
// is the one its sources and its CMake targets follow: every project header
// a module includes and every project target it links belongs to itself or
// to a module its README lists, and the stated graph has no cycle.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path kSource = EINVOICE_SOURCE_DIR;
const fs::path kBuild = EINVOICE_BINARY_DIR;

// The modules: top-level folders and formats/* holding both a README.md and
// a CMakeLists.txt (test, fuzz and bench folders are programs, not modules).
std::vector<std::string> modules() {
  const std::set<std::string> programs = {"tests", "fuzz", "bench", "build"};
  std::vector<std::string> out;
  auto consider = [&](const fs::path& dir, const std::string& name) {
    if (fs::exists(dir / "README.md") && fs::exists(dir / "CMakeLists.txt") &&
        !programs.count(name) && name.rfind("build", 0) != 0)
      out.push_back(name);
  };
  for (const auto& entry : fs::directory_iterator(kSource)) {
    if (entry.is_directory())
      consider(entry.path(), entry.path().filename().string());
  }
  for (const auto& entry : fs::directory_iterator(kSource / "formats")) {
    if (entry.is_directory())
      consider(entry.path(), "formats/" + entry.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string trim(std::string text) {
  const auto first = text.find_first_not_of(" \t.");
  const auto last = text.find_last_not_of(" \t.");
  return first == std::string::npos ? "" : text.substr(first, last - first + 1);
}

// The README's "Module dependencies:" list; nullopt when the line is missing.
std::optional<std::set<std::string>> stated_dependencies(const std::string& module) {
  std::istringstream readme(slurp(kSource / module / "README.md"));
  const std::string marker = "Module dependencies:";
  for (std::string line; std::getline(readme, line);) {
    if (line.rfind(marker, 0) != 0)
      continue;
    std::set<std::string> out;
    std::istringstream list(line.substr(marker.size()));
    for (std::string item; std::getline(list, item, ',');) {
      item = trim(item);
      if (!item.empty() && item != "none")
        out.insert(item);
    }
    return out;
  }
  return std::nullopt;
}

// The module a project path ("formats/cii/cii_reader.h") belongs to, or "".
std::string module_of(const std::string& path, const std::vector<std::string>& all) {
  std::string best;
  for (const auto& module : all) {
    if (path.rfind(module + "/", 0) == 0 && module.size() > best.size())
      best = module;
  }
  return best;
}

bool is_source(const fs::path& path) {
  const auto ext = path.extension();
  return ext == ".h" || ext == ".cpp";
}

// Sources of `module`, not those of a nested module (formats/* below formats).
std::vector<fs::path> sources_of(const std::string& module, const std::vector<std::string>& all) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::recursive_directory_iterator(kSource / module)) {
    if (!entry.is_regular_file() || !is_source(entry.path()))
      continue;
    const std::string relative = fs::relative(entry.path(), kSource).generic_string();
    if (module_of(relative, all) == module)
      out.push_back(entry.path());
  }
  return out;
}

// The identifiers ([a-z0-9_]) of `text` that start with "einvoice_", in order.
std::vector<std::string> project_names(const std::string& text) {
  std::vector<std::string> out;
  const std::string prefix = "einvoice_";
  for (std::size_t at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at)) {
    std::size_t end = at + prefix.size();
    while (end < text.size() &&
           (std::islower(static_cast<unsigned char>(text[end])) ||
            std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '_'))
      ++end;
    const bool starts_word =
        at == 0 || !(std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '_');
    if (starts_word)
      out.push_back(text.substr(at, end - at));
    at = end;
  }
  return out;
}

// The argument lists of every `call(...)` in `cmake` (no nested parentheses).
std::vector<std::string> calls(const std::string& cmake, const std::string& call) {
  std::vector<std::string> out;
  const std::string open = call + "(";
  for (std::size_t at = cmake.find(open); at != std::string::npos; at = cmake.find(open, at)) {
    const std::size_t begin = at + open.size();
    const std::size_t end = cmake.find(')', begin);
    if (end == std::string::npos)
      break;
    out.push_back(cmake.substr(begin, end - begin));
    at = end;
  }
  return out;
}

// Project targets (einvoice_*) each module's CMakeLists.txt defines.
std::map<std::string, std::string> target_owners(const std::vector<std::string>& all) {
  std::map<std::string, std::string> owners;
  for (const auto& module : all) {
    for (const auto& arguments : calls(slurp(kSource / module / "CMakeLists.txt"), "add_library")) {
      const auto names = project_names(arguments);
      if (!names.empty() && arguments.find(names.front()) < arguments.find_first_of(" \n"))
        owners[names.front()] = module;
    }
  }
  return owners;
}

// Project targets named in the target_link_libraries calls of `cmake`.
std::set<std::string> linked_targets(const std::string& cmake) {
  std::set<std::string> out;
  for (const auto& arguments : calls(cmake, "target_link_libraries")) {
    const auto names = project_names(arguments);
    // The first name is the target being linked.
    for (std::size_t i = 1; i < names.size(); ++i)
      out.insert(names[i]);
  }
  return out;
}

// The path of a `#include "path"` line, or "" for any other line.
std::string included_path(const std::string& line) {
  std::size_t at = line.find_first_not_of(" \t");
  if (at == std::string::npos || line[at] != '#')
    return "";
  at = line.find_first_not_of(" \t", at + 1);
  if (at == std::string::npos || line.compare(at, 7, "include") != 0)
    return "";
  at = line.find_first_not_of(" \t", at + 7);
  if (at == std::string::npos || line[at] != '"')
    return "";
  const std::size_t end = line.find('"', at + 1);
  return end == std::string::npos ? "" : line.substr(at + 1, end - at - 1);
}

// The stages of modules a compile command puts on the include path: the
// target names of its "-I.../module-include/<target>" arguments, and whether
// it also includes the whole source tree.
struct IncludeReach {
  std::set<std::string> staged_targets;
  bool source_root = false;
};

IncludeReach include_reach(const std::string& command) {
  IncludeReach reach;
  std::istringstream words(command);
  const std::string marker = "/module-include/";
  const std::string root = "-I" + kSource.string();
  for (std::string word; words >> word;) {
    if (word == "-I" || word == "-isystem") {
      std::string next;
      words >> next;
      word = "-I" + next;
    }
    if (word == root || word == root + "/")
      reach.source_root = true;
    const auto at = word.find(marker);
    if (word.rfind("-I", 0) == 0 && at != std::string::npos)
      reach.staged_targets.insert(word.substr(at + marker.size()));
  }
  return reach;
}

// Lines of project sources outside formats/pdf that include `<prefix...>`.
std::vector<std::string> includes_outside_pdf(const std::string& prefix) {
  std::vector<std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(kSource)) {
    const std::string relative = fs::relative(entry.path(), kSource).generic_string();
    if (!entry.is_regular_file() || !is_source(entry.path()) ||
        relative.rfind("formats/pdf/", 0) == 0 || relative.rfind("build", 0) == 0)
      continue;
    std::istringstream text(slurp(entry.path()));
    int line_number = 0;
    for (std::string line; std::getline(text, line);) {
      ++line_number;
      if (line.find("#include <" + prefix) != std::string::npos)
        out.push_back(relative + ":" + std::to_string(line_number));
    }
  }
  return out;
}

}  // namespace

TEST_CASE("Every module states its dependencies, and they exist", "[architecture]") {
  const auto all = modules();
  REQUIRE(all.size() >= 10);
  for (const auto& module : all) {
    INFO("module " << module << " (" << module << "/README.md)");
    const auto stated = stated_dependencies(module);
    REQUIRE(stated.has_value());
    for (const auto& dependency : *stated) {
      INFO("stated dependency " << dependency);
      CHECK(std::find(all.begin(), all.end(), dependency) != all.end());
      CHECK(dependency != module);
    }
  }
}

TEST_CASE("The stated dependency graph has no cycle", "[architecture]") {
  const auto all = modules();
  std::map<std::string, std::set<std::string>> graph;
  for (const auto& module : all)
    graph[module] = stated_dependencies(module).value_or(std::set<std::string>{});
  // Depth-first search: 0 unvisited, 1 on the current path, 2 done.
  std::map<std::string, int> state;
  std::vector<std::string> path;
  std::function<bool(const std::string&)> acyclic = [&](const std::string& module) {
    if (state[module] == 1)
      return false;
    if (state[module] == 2)
      return true;
    state[module] = 1;
    path.push_back(module);
    for (const auto& next : graph[module]) {
      if (!acyclic(next))
        return false;
    }
    path.pop_back();
    state[module] = 2;
    return true;
  };
  for (const auto& module : all) {
    INFO("cycle through " << [&] {
      std::string text;
      for (const auto& m : path)
        text += m + " -> ";
      return text;
    }());
    CHECK(acyclic(module));
  }
}

TEST_CASE("Modules include only their own headers and those of stated dependencies",
          "[architecture]") {
  const auto all = modules();
  for (const auto& module : all) {
    const auto stated = stated_dependencies(module).value_or(std::set<std::string>{});
    for (const auto& file : sources_of(module, all)) {
      std::istringstream text(slurp(file));
      int line_number = 0;
      for (std::string line; std::getline(text, line);) {
        ++line_number;
        const std::string included = included_path(line);
        if (included.empty())
          continue;
        const std::string owner = module_of(included, all);
        if (owner.empty() || owner == module)
          continue;
        INFO(fs::relative(file, kSource).string()
             << ":" << line_number << " includes " << included << ", a header of " << owner
             << ", which " << module << "/README.md does not list");
        CHECK(stated.count(owner) == 1);
      }
    }
  }
}

TEST_CASE("Module targets link only stated dependencies", "[architecture]") {
  const auto all = modules();
  const auto owners = target_owners(all);
  REQUIRE(owners.count("einvoice_model") == 1);
  for (const auto& module : all) {
    const auto stated = stated_dependencies(module).value_or(std::set<std::string>{});
    for (const auto& target : linked_targets(slurp(kSource / module / "CMakeLists.txt"))) {
      auto owner = owners.find(target);
      if (owner == owners.end() || owner->second == module)
        continue;  // einvoice_options and the like: build settings, not modules
      INFO(module << "/CMakeLists.txt links " << target << " of " << owner->second << ", which "
                  << module << "/README.md does not list");
      CHECK(stated.count(owner->second) == 1);
    }
  }
}

TEST_CASE("The dependency check sees what it must", "[architecture]") {
  // The scanners themselves: a module path, a link line, a README line.
  const std::vector<std::string> all = {"formats", "formats/cii", "model"};
  CHECK(module_of("formats/cii/cii_reader.h", all) == "formats/cii");
  CHECK(module_of("formats/other.h", all) == "formats");
  CHECK(module_of("modelx/a.h", all).empty());
  CHECK(included_path("  #  include \"model/decimal.h\" // x") == "model/decimal.h");
  CHECK(included_path("#include <vector>").empty());
  CHECK(included_path("// #include \"model/decimal.h\"").empty());
  CHECK(linked_targets("target_link_libraries(einvoice_cii\n  PUBLIC einvoice_model "
                       "einvoice_xml PRIVATE x)") ==
        std::set<std::string>{"einvoice_model", "einvoice_xml"});
  const auto engine = stated_dependencies("engine");
  REQUIRE(engine);
  CHECK(engine->count("model") == 1);
  CHECK(engine->count("cli") == 0);
}

TEST_CASE("The compiler lets each module include only what its README lists", "[architecture]") {
  // Every compile command of a module source (compile_commands.json of this
  // build) reaches only the staged folders of the module itself and of the
  // modules its README lists, never the whole source tree.
  const auto all = modules();
  const auto owners = target_owners(all);
  std::ifstream commands_file(kBuild / "compile_commands.json");
  REQUIRE(commands_file.good());
  const auto commands = nlohmann::json::parse(commands_file);
  std::size_t module_sources = 0;
  for (const auto& entry : commands) {
    const fs::path file = entry.at("file").get<std::string>();
    const std::string relative = fs::relative(file, kSource).generic_string();
    const std::string module = module_of(relative, all);
    if (module.empty())
      continue;  // tests, bench, fuzz: programs
    ++module_sources;
    const auto stated = stated_dependencies(module).value_or(std::set<std::string>{});
    const std::string command = entry.contains("command") ? entry.at("command").get<std::string>()
                                                          : entry.at("arguments").dump();
    const IncludeReach reach = include_reach(command);
    INFO(relative << " (module " << module << ")");
    CHECK_FALSE(reach.source_root);
    CHECK_FALSE(reach.staged_targets.empty());
    const std::string own_cmake = slurp(kSource / module / "CMakeLists.txt");
    for (const auto& target : reach.staged_targets) {
      // A program of the module (the einvoice command) stages its own folder.
      const bool own_program = own_cmake.find("add_executable(" + target) != std::string::npos;
      const auto owner = owners.find(target);
      INFO("it may include the headers of " << target << ", of module "
                                            << (owner == owners.end() ? "?" : owner->second)
                                            << ", which " << module << "/README.md does not list");
      REQUIRE((own_program || owner != owners.end()));
      CHECK((own_program || owner->second == module || stated.count(owner->second) == 1));
    }
  }
  CHECK(module_sources > 100);
}

TEST_CASE("PoDoFo and qpdf are used through formats/pdf only", "[architecture]") {
  for (const std::string library : {"podofo/", "qpdf/"}) {
    const auto lines = includes_outside_pdf(library);
    INFO("includes of <" << library << "...> outside formats/pdf: " << [&] {
      std::string text;
      for (const auto& line : lines)
        text += line + " ";
      return text;
    }());
    CHECK(lines.empty());
  }
  for (const auto& module : modules()) {
    if (module == "formats/pdf")
      continue;
    const std::string cmake = slurp(kSource / module / "CMakeLists.txt");
    INFO(module << "/CMakeLists.txt links PoDoFo or qpdf itself");
    CHECK(cmake.find("PkgConfig::PODOFO") == std::string::npos);
    CHECK(cmake.find("PkgConfig::QPDF") == std::string::npos);
  }
}

TEST_CASE("The include check reads compile commands as the compiler does", "[architecture]") {
  const std::string root = kSource.string();
  const auto reach = include_reach(
      "c++ -I/b/module-include/einvoice_cii -isystem /usr/include -I " + root + " -c x.cpp");
  CHECK(reach.source_root);
  CHECK(reach.staged_targets == std::set<std::string>{"einvoice_cii"});
  CHECK_FALSE(include_reach("c++ -I/b/module-include/einvoice_xml -c x.cpp").source_root);
}

namespace {

// The functions of a C++ source longer than `limit` lines, as "line N (M
// lines)": a body opens with "{" at the end of a line at namespace level and
// ends where its braces balance. Braces in strings, characters and comments
// are not counted.
std::vector<std::string> long_functions(const std::string& source, std::size_t limit) {
  std::vector<std::string> out;
  std::istringstream lines(source);
  int depth = 0;  // braces open, namespaces not counted
  std::size_t number = 0, start = 0;
  bool in_block_comment = false;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    std::string code;
    char quote = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (in_block_comment) {
        if (c == '*' && i + 1 < line.size() && line[i + 1] == '/')
          in_block_comment = false, ++i;
      } else if (quote) {
        if (c == '\\')
          ++i;
        else if (c == quote)
          quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '/' && i + 1 < line.size() && line[i + 1] == '/') {
        break;
      } else if (c == '/' && i + 1 < line.size() && line[i + 1] == '*') {
        in_block_comment = true, ++i;
      } else {
        code += c;
      }
    }
    const bool is_namespace = code.find("namespace") != std::string::npos;
    const auto last = code.find_last_not_of(" \t");
    const bool opens = last != std::string::npos && code[last] == '{';
    if (depth == 0 && opens && !is_namespace && code.find("struct ") == std::string::npos &&
        code.find("class ") == std::string::npos && code.find("enum ") == std::string::npos)
      start = number;
    for (char c : code) {
      if (c == '{' && !is_namespace)
        ++depth;
      if (c == '}' && !(is_namespace || (depth == 0)))
        --depth;
    }
    if (depth == 0 && start != 0 && number > start) {
      if (number - start + 1 > limit)
        out.push_back("line " + std::to_string(start) + " (" + std::to_string(number - start + 1) +
                      " lines)");
      start = 0;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("The command line stays a thin layer: no function of cli/ past 60 lines",
          "[architecture]") {
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(kSource / "cli")) {
    if (entry.path().extension() != ".cpp")
      continue;
    ++files;
    const auto found = long_functions(slurp(entry.path()), 60);
    INFO(entry.path().filename().string() << ": " << [&] {
      std::string text;
      for (const auto& f : found)
        text += f + " ";
      return text;
    }());
    CHECK(found.empty());
  }
  CHECK(files >= 10);
}

TEST_CASE("The function length check counts what it must", "[architecture]") {
  std::string body = "int f() {\n";
  for (int i = 0; i < 60; ++i)
    body += "  x(\"{\"); // }\n";
  body += "}\n";
  CHECK(long_functions("namespace a {\n" + body + "}  // namespace a\n", 60) ==
        std::vector<std::string>{"line 2 (62 lines)"});
  CHECK(long_functions(body, 62).empty());
  CHECK(long_functions("struct S {\n  int a;\n};\nvoid g() {\n}\n", 1).size() == 1);
}
