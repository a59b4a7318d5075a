#include "accounts/company_csv.h"

#include <array>
#include <optional>

namespace einvoice::accounts {
namespace {

using model::Error;
using model::ErrorCode;

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::array<const char*, kCompanyCsvColumnCount> kColumnNames{
    "identifier type",  "identifier",     "employees",        "purchase invoices",
    "purchase payment", "sales invoices", "duplicate control"};

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  return text;
}

bool valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = c < 0x80             ? 1
                         : (c & 0xE0) == 0xC0 ? 2
                         : (c & 0xF0) == 0xE0 ? 3
                         : (c & 0xF8) == 0xF0 ? 4
                                              : 0;
    if (length == 0 || (length == 2 && c < 0xC2) || i + length > text.size())
      return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80)
        return false;
    }
    i += length;
  }
  return true;
}

// A value quoted for a message: at most 40 bytes, control characters as '?'.
std::string shown(std::string_view value) {
  std::string out(value.substr(0, 40));
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20)
      c = '?';
  }
  return "'" + out + (value.size() > 40 ? "...'" : "'");
}

// The fields of `line`, or the reason it cannot be split. At most
// kCompanyCsvColumnCount + 1 fields are kept (enough to say there are too
// many), the count is exact.
struct Fields {
  std::vector<std::string> values;
  std::size_t count = 0;
};

std::optional<std::string> split(std::string_view line, char separator, Fields& fields) {
  std::size_t i = 0;
  while (true) {
    std::string value;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
      ++i;
    if (i < line.size() && line[i] == '"') {
      ++i;
      while (true) {
        if (i >= line.size())
          return "CSV-QUOTE: a quoted field is not closed on its line";
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            value += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        value += line[i++];
      }
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
        ++i;
      if (i < line.size() && line[i] != separator)
        return "CSV-QUOTE: text follows a closing quote";
    } else {
      const std::size_t end = std::min(line.find(separator, i), line.size());
      value = std::string(trim(line.substr(i, end - i)));
      i = end;
    }
    ++fields.count;
    if (fields.values.size() <= kCompanyCsvColumnCount)
      fields.values.push_back(std::move(value));
    if (i >= line.size())
      return std::nullopt;
    ++i;  // the separator
  }
}

std::optional<bool> flag(std::string_view value) {
  if (value == "0")
    return false;
  if (value == "1")
    return true;
  return std::nullopt;
}

// The company on a line of 7 fields, or the reason it is refused.
std::optional<std::string> read_company(const std::vector<std::string>& f, CsvCompany& company) {
  auto type = parse_identifier_type(f[0]);
  if (!type)
    return "CO-TYPE: column 1 (identifier type) must be SIREN or SIRET, not " + shown(f[0]);
  company.identifier_type = *type;
  if (auto problem = identifier_problem(*type, f[1]))
    return *problem + " (column 2)";
  company.identifier = f[1];
  auto employees = parse_employee_bracket(f[2]);
  if (!employees)
    return "CO-EMPLOYEES: column 3 (employees) must be one of " + std::string(kEmployeeBrackets) +
           ", not " + shown(f[2]);
  company.employees = *employees;
  bool* options[] = {&company.options.purchase, &company.options.payment, &company.options.sales,
                     &company.options.duplicates};
  for (std::size_t k = 0; k < 4; ++k) {
    auto value = flag(f[3 + k]);
    if (!value)
      return "CSV-FLAG: column " + std::to_string(4 + k) + " (" + kColumnNames[3 + k] +
             ") must be 0 or 1, not " + shown(f[3 + k]);
    *options[k] = *value;
  }
  if (auto problem = options_problem(company.options))
    return problem->message;
  return std::nullopt;
}

bool blank(std::string_view line, char separator) {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != separator && c != '"')
      return false;
  }
  return true;
}

}  // namespace

model::Result<CompanyCsv> parse_company_csv(std::string_view bytes, bool has_header,
                                            const CsvLimits& limits, std::string_view file_name) {
  const std::string file(file_name);
  if (bytes.size() > limits.max_bytes)
    return Error{ErrorCode::kLimitExceeded,
                 "CSV-SIZE: the file has " + std::to_string(bytes.size()) +
                     " bytes; an import takes at most " + std::to_string(limits.max_bytes),
                 {file, "", 0, 0}};
  if (bytes.substr(0, kBom.size()) == kBom)
    bytes.remove_prefix(kBom.size());
  CompanyCsv csv;
  bool separator_known = false;
  bool header_pending = has_header;
  std::size_t line_number = 0;
  std::size_t at = 0;
  while (at < bytes.size()) {
    const std::size_t end = std::min(bytes.find('\n', at), bytes.size());
    std::string_view line = bytes.substr(at, end - at);
    at = end + 1;
    if (++line_number > limits.max_lines)
      return Error{
          ErrorCode::kLimitExceeded,
          "CSV-LINES: an import takes at most " + std::to_string(limits.max_lines) + " lines",
          {file, "", static_cast<int>(line_number), 0}};
    if (!line.empty() && line.back() == '\r')
      line.remove_suffix(1);
    if (!separator_known && line.find_first_not_of(" \t") != std::string_view::npos) {
      csv.separator = line.find(';') != std::string_view::npos ? ';' : ',';
      separator_known = true;
    }
    if (line.size() > limits.max_line_bytes) {
      csv.errors.push_back({line_number, "CSV-LINE: the line has " + std::to_string(line.size()) +
                                             " bytes; at most " +
                                             std::to_string(limits.max_line_bytes) + " are read"});
      header_pending = false;
      continue;
    }
    if (blank(line, csv.separator))
      continue;
    if (header_pending) {
      header_pending = false;
      continue;
    }
    if (!valid_utf8(line)) {
      csv.errors.push_back({line_number, "CSV-UTF8: the line is not UTF-8 text"});
      continue;
    }
    Fields fields;
    if (auto problem = split(line, csv.separator, fields)) {
      csv.errors.push_back({line_number, *problem});
      continue;
    }
    if (fields.count != kCompanyCsvColumnCount) {
      csv.errors.push_back(
          {line_number, "CSV-COLUMNS: the line has " + std::to_string(fields.count) +
                            " columns separated by '" + std::string(1, csv.separator) +
                            "'; 7 are expected: " + kCompanyCsvColumns});
      continue;
    }
    CsvCompany company;
    company.line = line_number;
    if (auto problem = read_company(fields.values, company)) {
      if (line_number == 1 && !has_header && !parse_identifier_type(fields.values[0]))
        *problem += " (if the first line is a header, say so: --header)";
      csv.errors.push_back({line_number, *problem});
      continue;
    }
    csv.companies.push_back(std::move(company));
  }
  if (csv.companies.empty() && csv.errors.empty())
    return Error{ErrorCode::kInvalid,
                 "CSV-EMPTY: the file holds no company line" +
                     std::string(has_header ? " after its header" : ""),
                 {file, "", 0, 0}};
  return csv;
}

}  // namespace einvoice::accounts
