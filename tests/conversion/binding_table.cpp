#include "tests/conversion/binding_table.h"

#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

namespace einvoice::conversion_test {
namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::string::size_type start = 0;
  while (true) {
    auto tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos)
      return out;
    start = tab + 1;
  }
}

bool parse_kind(const std::string& text, TermKind& kind) {
  if (text == "text")
    kind = TermKind::kText;
  else if (text == "decimal")
    kind = TermKind::kDecimal;
  else if (text == "date")
    kind = TermKind::kDate;
  else if (text == "code")
    kind = TermKind::kCode;
  else
    return false;
  return true;
}

bool all_digits(const std::string& text) {
  if (text.empty())
    return false;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c)))
      return false;
  }
  return true;
}

model::Error malformed(const std::filesystem::path& path, int line, const std::string& message) {
  model::Error error;
  error.code = model::ErrorCode::kMalformed;
  error.message = message;
  error.where.file = path.string();
  error.where.line = line;
  return error;
}

}  // namespace

bool is_term_id(const std::string& text) {
  if (text.rfind("BT-", 0) != 0)
    return false;
  const std::string rest = text.substr(3);
  const auto dash = rest.find('-');
  if (dash == std::string::npos)
    return all_digits(rest);
  return all_digits(rest.substr(0, dash)) && all_digits(rest.substr(dash + 1));
}

model::Result<BindingTable> load_binding_table(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) {
    model::Error error;
    error.code = model::ErrorCode::kIo;
    error.message = "cannot read binding table";
    error.where.file = path.string();
    return error;
  }
  BindingTable table;
  table.name = path.filename().string();
  std::set<std::string> seen;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r')
      line.pop_back();
    if (line.empty() || line.rfind("term\t", 0) == 0)
      continue;
    if (line[0] == '#') {
      // "# BT-21<TAB>kind<TAB>-<TAB>reason": a term deliberately left unbound.
      auto columns = split_tabs(line.substr(1));
      std::string term = columns[0];
      term.erase(0, term.find_first_not_of(' '));
      if (columns.size() >= 2 && is_term_id(term))
        table.unbound.push_back({term, columns.back()});
      continue;
    }
    auto columns = split_tabs(line);
    if (columns.size() != 4)
      return malformed(path, number, "expected 4 tab-separated columns");
    Binding binding;
    binding.term = columns[0];
    binding.xpath = columns[2];
    binding.comment = columns[3];
    if (!is_term_id(binding.term))
      return malformed(path, number, "not a business term id: " + binding.term);
    if (!parse_kind(columns[1], binding.kind))
      return malformed(path, number, "unknown kind: " + columns[1]);
    if (binding.xpath.empty())
      return malformed(path, number, "empty XPath for " + binding.term);
    if (!seen.insert(binding.term).second)
      return malformed(path, number, binding.term + " is bound twice");
    table.bindings.push_back(std::move(binding));
  }
  return table;
}

}  // namespace einvoice::conversion_test
