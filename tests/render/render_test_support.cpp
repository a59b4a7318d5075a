#include "tests/render/render_test_support.h"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "engine/converter.h"

namespace einvoice::render::test {
namespace {

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'')
      out += "'\\''";
    else
      out.push_back(c);
  }
  return out + "'";
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::istringstream in{std::string(text)};
  std::string word;
  while (in >> word)
    out.push_back(word);
  return out;
}

}  // namespace

TempPdf::TempPdf(const std::string& bytes) {
  static std::atomic<int> counter{0};
  path_ = (std::filesystem::temp_directory_path() / ("einvoice-render-" + std::to_string(getpid()) +
                                                     "-" + std::to_string(counter++) + ".pdf"))
              .string();
  std::ofstream out(path_, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out)
    throw std::runtime_error("cannot write " + path_);
}

TempPdf::~TempPdf() {
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

CommandOutput run(const std::string& command) {
  CommandOutput result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe)
    return result;
  char buffer[65536];
  std::size_t read = 0;
  while ((read = fread(buffer, 1, sizeof buffer, pipe)) > 0)
    result.output.append(buffer, read);
  const int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string pdftotext_layout(const std::string& path, int first_page, int last_page) {
  std::string command = "pdftotext -layout -enc UTF-8";
  if (first_page > 0)
    command += " -f " + std::to_string(first_page);
  if (last_page > 0)
    command += " -l " + std::to_string(last_page);
  return run(command + " " + shell_quote(path) + " -").output;
}

int page_count(const std::string& path) {
  const CommandOutput info = run("pdfinfo " + shell_quote(path));
  if (info.status != 0)
    return -1;
  std::istringstream in(info.output);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("Pages:", 0) == 0)
      return std::stoi(line.substr(6));
  }
  return -1;
}

std::string fonts_problems(const std::string& path) {
  const CommandOutput fonts = run("pdffonts " + shell_quote(path));
  if (fonts.status != 0)
    return "pdffonts failed: " + fonts.output;
  std::istringstream in(fonts.output);
  std::string header;
  std::string rule;
  std::getline(in, header);
  std::getline(in, rule);
  const std::size_t emb = header.find("emb");
  const std::size_t uni = header.find("uni");
  if (emb == std::string::npos || uni == std::string::npos)
    return "unexpected pdffonts output: " + fonts.output;
  std::string problems;
  std::string line;
  int count = 0;
  while (std::getline(in, line)) {
    if (line.empty())
      continue;
    ++count;
    if (line.compare(emb, 3, "yes") != 0 || line.compare(uni, 3, "yes") != 0)
      problems += line + "\n";
  }
  if (count == 0)
    problems = "no fonts at all";
  return problems;
}

std::string collapse(std::string_view text) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    bool is_space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      is_space = true;
      ++i;
    }
    if (is_space) {
      space = !out.empty();
      continue;
    }
    if (space)
      out.push_back(' ');
    space = false;
    out.push_back(static_cast<char>(c));
  }
  return out;
}

bool contains_words_in_order(std::string_view haystack, std::string_view needle) {
  const std::string hay = collapse(haystack);
  std::size_t at = 0;
  for (const std::string& word : words(needle)) {
    std::size_t found = hay.find(word, at);
    if (found == std::string::npos && word.size() > 12)
      found = hay.find(word.substr(0, 8), at);
    if (found == std::string::npos)
      return false;
    at = found + 1;
  }
  return true;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

model::Invoice read_invoice_file(const std::string& path) {
  auto read = engine::read_invoice(read_file(path), path);
  if (!read)
    throw std::runtime_error("cannot read " + path + ": " + read.error().describe());
  return read->parsed.invoice;
}

RenderOptions options(Language language) {
  RenderOptions out;
  out.language = language;
  out.font_directory = EINVOICE_FONT_DIR;
  return out;
}

}  // namespace einvoice::render::test
