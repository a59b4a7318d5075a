#include "formats/pdf/pdf_structure_scan.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "formats/pdf/pdf_bytes.h"

namespace einvoice::pdf {
namespace {

using model::Error;
using model::ErrorCode;

constexpr auto is_space = pdf_is_space;
constexpr auto is_delimiter = pdf_is_delimiter;
constexpr auto is_regular = pdf_is_regular;
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Byte classes: bit 1 for the bytes that open or close something inside a
// container, bit 2 for the bytes that matter inside a string.
constexpr std::array<unsigned char, 256> kClasses = [] {
  std::array<unsigned char, 256> table{};
  for (unsigned char c : std::string_view("%(<>[]"))
    table[c] |= 1;
  for (unsigned char c : std::string_view("()\\"))
    table[c] |= 2;
  return table;
}();

// The first byte at or after `from` whose class has `bit`, or s.size().
std::size_t next_of_class(std::string_view s, std::size_t from, unsigned char bit) {
  while (from < s.size() && !(kClasses[static_cast<unsigned char>(s[from])] & bit))
    ++from;
  return from;
}

enum class Outcome { kDone, kTooDeep, kOutOfWork };

struct ValueScan {
  Outcome outcome = Outcome::kDone;
  std::size_t at = 0;  // where the value ended, or where it became too deep
};

// Reads one PDF value starting at `from` the way PoDoFo's tokenizer does and
// tracks how deeply dictionaries and arrays nest. `work` is the number of
// bytes still allowed; it is reduced by what this scan read.
ValueScan scan_value(std::string_view s, std::size_t from, int max_depth, std::size_t& work) {
  const std::size_t n = s.size();
  std::size_t i = from;
  int depth = 0;
  ValueScan result;
  auto finish = [&](Outcome outcome, std::size_t at) {
    const std::size_t used = (at > from ? at : from) - from;
    work = used >= work ? 0 : work - used;
    result.outcome = outcome;
    result.at = at;
    return result;
  };
  while (i < n) {
    if (i - from > work)
      return finish(Outcome::kOutOfWork, i);
    if (depth > 0) {
      // Inside a container only these bytes change the nesting.
      i = next_of_class(s, i, 1);
      if (i == n)
        break;
    }
    const char c = s[i];
    if (is_space(c)) {
      ++i;
    } else if (c == '%') {
      i = std::min(s.find_first_of("\r\n", i), n);
    } else if (c == '(') {
      int level = 1;
      for (++i; level > 0;) {
        i = next_of_class(s, i, 2);
        if (i >= n) {
          i = n;
          break;
        }
        if (s[i] == '\\')
          ++i;
        else if (s[i] == '(')
          ++level;
        else
          --level;
        ++i;
      }
      if (depth == 0)
        return finish(Outcome::kDone, i);
    } else if (c == '<' && i + 1 < n && s[i + 1] == '<') {
      if (++depth > max_depth)
        return finish(Outcome::kTooDeep, i);
      i += 2;
    } else if (c == '<') {
      i = std::min(s.find('>', i), n);
      i = i < n ? i + 1 : n;
      if (depth == 0)
        return finish(Outcome::kDone, i);
    } else if (c == '[') {
      if (++depth > max_depth)
        return finish(Outcome::kTooDeep, i);
      ++i;
    } else if ((c == '>' && i + 1 < n && s[i + 1] == '>') || c == ']') {
      i += c == ']' ? 1 : 2;
      if (--depth <= 0)
        return finish(Outcome::kDone, i);
    } else {
      // A name, number, keyword or stray delimiter: one token.
      ++i;
      while (i < n && is_regular(s[i]))
        ++i;
      if (depth == 0)
        return finish(Outcome::kDone, i);
    }
  }
  return finish(Outcome::kDone, n);
}

// The object number of the "N G obj" header whose keyword starts at `keyword`,
// and the offset of N; false when the keyword is not preceded by two numbers.
bool header_before(std::string_view s, std::size_t keyword, std::uint32_t& number,
                   std::size_t& offset) {
  std::size_t i = keyword;
  auto skip_back_spaces = [&] {
    while (i > 0 && is_space(s[i - 1]))
      --i;
  };
  auto digits_back = [&] {
    const std::size_t end = i;
    while (i > 0 && is_digit(s[i - 1]) && end - i < 10)
      --i;
    return end - i;
  };
  skip_back_spaces();
  if (digits_back() == 0)
    return false;
  skip_back_spaces();
  const std::size_t end = i;
  const std::size_t count = digits_back();
  if (count == 0 || (i > 0 && is_regular(s[i - 1])))
    return false;
  unsigned long value = std::stoul(std::string(s.substr(i, end - i)));
  if (value > 0xffffffffUL)
    return false;
  number = static_cast<std::uint32_t>(value);
  offset = i;
  return true;
}

bool keyword_at(std::string_view s, std::size_t at, std::string_view keyword) {
  if (s.substr(at, keyword.size()) != keyword)
    return false;
  const std::size_t after = at + keyword.size();
  return (at == 0 || !is_regular(s[at - 1])) && (after >= s.size() || !is_regular(s[after]));
}

std::size_t work_allowed(std::size_t size, const PdfStructureLimits& limits) {
  return size * limits.work_factor + (std::size_t{1} << 20);
}

Error scan_error(ErrorCode code, std::string message, std::string_view name, std::string place) {
  return Error{code, std::move(message), {std::string(name), std::move(place), 0, 0}};
}

// The error for a scan that stopped early, or nullopt when it completed.
std::optional<Error> problem_of(const ValueScan& scan, const PdfStructureLimits& limits,
                                std::string_view name, const std::string& place) {
  if (scan.outcome == Outcome::kTooDeep) {
    return scan_error(ErrorCode::kLimitExceeded,
                      "dictionaries or arrays nest deeper than " +
                          std::to_string(limits.max_depth) + " levels (at byte offset " +
                          std::to_string(scan.at) + ")",
                      name, place);
  }
  if (scan.outcome == Outcome::kOutOfWork) {
    return scan_error(ErrorCode::kLimitExceeded,
                      "the PDF's objects overlap too much to be checked within " +
                          std::to_string(limits.work_factor) +
                          " times its size (object headers inside strings or stream data)",
                      name, place);
  }
  return std::nullopt;
}

}  // namespace

model::Result<PdfStructure> scan_pdf_structure(std::string_view bytes, std::string_view name,
                                               const PdfStructureLimits& limits) {
  PdfStructure structure;
  std::size_t work = work_allowed(bytes.size(), limits);
  for (std::size_t at = bytes.find("obj"); at != std::string_view::npos;
       at = bytes.find("obj", at + 3)) {
    if (!keyword_at(bytes, at, "obj"))
      continue;
    std::uint32_t number = 0;
    std::size_t header = at;
    std::string place;
    const bool has_header = header_before(bytes, at, number, header);
    if (has_header) {
      place = "object " + std::to_string(number) + " at offset " + std::to_string(header);
    } else {
      place = "object at offset " + std::to_string(at);
    }
    ValueScan scan = scan_value(bytes, at + 3, limits.max_depth, work);
    if (auto problem = problem_of(scan, limits, name, place))
      return *problem;
    if (has_header) {
      structure.offsets[number] = header;
      structure.objects.push_back(PdfObjectSpan{number, header, at + 3, scan.at});
    }
  }
  for (std::size_t at = bytes.find("trailer"); at != std::string_view::npos;
       at = bytes.find("trailer", at + 7)) {
    if (!keyword_at(bytes, at, "trailer"))
      continue;
    ValueScan scan = scan_value(bytes, at + 7, limits.max_depth, work);
    if (auto problem = problem_of(scan, limits, name, "trailer at offset " + std::to_string(at)))
      return *problem;
  }
  return structure;
}

model::Status scan_object_stream(std::string_view decoded, std::size_t first, std::string_view name,
                                 std::string_view place, const PdfStructureLimits& limits) {
  if (first > decoded.size())
    return model::Status::Ok();
  std::size_t work = work_allowed(decoded.size(), limits);
  // The header: pairs of "object-number offset" before `first`.
  std::string_view header = decoded.substr(0, first);
  std::size_t i = 0;
  bool is_offset = false;
  while (i < header.size()) {
    if (!is_digit(header[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < header.size() && is_digit(header[i]) && i - start < 12)
      ++i;
    if (is_offset) {
      const unsigned long long offset = std::stoull(std::string(header.substr(start, i - start)));
      if (offset < decoded.size() - first) {
        ValueScan scan =
            scan_value(decoded, first + static_cast<std::size_t>(offset), limits.max_depth, work);
        if (auto problem = problem_of(
                scan, limits, name,
                std::string(place) + ", decoded offset " + std::to_string(first + offset)))
          return *problem;
      }
    }
    is_offset = !is_offset;
  }
  return model::Status::Ok();
}

}  // namespace einvoice::pdf
