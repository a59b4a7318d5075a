#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/company.h"
#include "model/result.h"

namespace einvoice::accounts {

// The 7 columns of the companies mass import (portal.md 2), in this order.
inline constexpr const char* kCompanyCsvColumns =
    "identifier type (SIREN|SIRET); identifier (digits); employees (1-10|11-20|21-50|51-250|250+); "
    "purchase invoices (0/1); purchase payment (0/1); sales invoices (0/1); duplicate control "
    "(0/1)";
inline constexpr std::size_t kCompanyCsvColumnCount = 7;

// Limits on an import file (hostile input); beyond them the whole file is
// refused (kLimitExceeded), except an overlong line, refused alone.
struct CsvLimits {
  std::size_t max_bytes = 32u << 20;
  std::size_t max_lines = 1'000'000;
  std::size_t max_line_bytes = 1024;
};

// One good line: a company to import.
struct CsvCompany {
  std::size_t line = 0;  // 1-based, as an editor counts
  IdentifierType identifier_type = IdentifierType::kSiren;
  std::string identifier;
  EmployeeBracket employees = EmployeeBracket::k1To10;
  CompanyOptions options;
};

// One refused line and why (the reason starts with the rule's id).
struct LineError {
  std::size_t line = 0;
  std::string reason;
};

struct CompanyCsv {
  std::vector<CsvCompany> companies;
  std::vector<LineError> errors;  // in line order
  char separator = ';';
};

// Reads an import file as French spreadsheets write it: UTF-8 with or without
// a byte-order mark, lines ending in LF or CRLF, fields separated by ';' or
// ',' (the first line that holds a ';' decides: ';' then, else ','),
// optionally in double quotes ("" for a quote inside), spaces around a field
// ignored. With `has_header` the first non-blank line is skipped. Lines that
// hold nothing but separators and spaces are skipped (spreadsheets write
// them for empty rows). Every other line is a company or a LineError naming
// the column and the rule: 7 columns exactly, the identifier type, digits,
// length and check digits, the bracket, 0 or 1 for options, the option rules
// (options_problem). Duplicates are not this parser's business.
// Errors for the whole file: kInvalid CSV-EMPTY (no company line),
// kLimitExceeded (size, lines), both naming `file_name`.
model::Result<CompanyCsv> parse_company_csv(std::string_view bytes, bool has_header,
                                            const CsvLimits& limits, std::string_view file_name);

}  // namespace einvoice::accounts
