#include "formats/xsd/element_depth.h"

#include <algorithm>
#include <string>

namespace einvoice::xsd {
namespace {

// Position just past `terminator` at or after `from`, or the end of `text`.
std::size_t past(std::string_view text, std::size_t from, std::string_view terminator) {
  const std::size_t at = text.find(terminator, from);
  return at == std::string_view::npos ? text.size() : at + terminator.size();
}

DepthExcess excess_at(std::string_view xml, std::size_t offset) {
  DepthExcess excess;
  excess.offset = offset;
  const std::string_view before = xml.substr(0, offset);
  excess.line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t line_start = before.rfind('\n');
  excess.column =
      static_cast<int>(offset - (line_start == std::string_view::npos ? 0 : line_start + 1)) + 1;
  return excess;
}

// A UTF-16 document (byte order mark, or "<" as the first code unit) as one
// byte per code unit: ASCII code units kept, others replaced by 'x'. Offsets
// are then counted in code units.
std::optional<std::string> narrowed_utf16(std::string_view xml) {
  if (xml.size() < 2)
    return std::nullopt;
  const auto b0 = static_cast<unsigned char>(xml[0]);
  const auto b1 = static_cast<unsigned char>(xml[1]);
  bool little = false;
  if ((b0 == 0xFF && b1 == 0xFE) || (b0 == '<' && b1 == 0))
    little = true;
  else if (!((b0 == 0xFE && b1 == 0xFF) || (b0 == 0 && b1 == '<')))
    return std::nullopt;
  std::string narrow;
  narrow.reserve(xml.size() / 2);
  for (std::size_t i = 0; i + 1 < xml.size(); i += 2) {
    const auto low = static_cast<unsigned char>(xml[little ? i : i + 1]);
    const auto high = static_cast<unsigned char>(xml[little ? i + 1 : i]);
    narrow.push_back(high == 0 && low < 0x80 ? static_cast<char>(low) : 'x');
  }
  return narrow;
}

std::optional<DepthExcess> scan(std::string_view xml, int max_depth);

}  // namespace

std::optional<DepthExcess> find_excess_depth(std::string_view xml, int max_depth) {
  if (auto narrow = narrowed_utf16(xml))
    return scan(*narrow, max_depth);
  return scan(xml, max_depth);
}

namespace {

std::optional<DepthExcess> scan(std::string_view xml, int max_depth) {
  const std::size_t n = xml.size();
  int depth = 0;
  std::size_t i = xml.find('<');
  while (i != std::string_view::npos && i + 1 < n) {
    const char next = xml[i + 1];
    if (next == '?') {
      i = past(xml, i + 2, "?>");
    } else if (next == '!') {
      if (xml.substr(i, 4) == "<!--")
        i = past(xml, i + 4, "-->");
      else if (xml.substr(i, 9) == "<![CDATA[")
        i = past(xml, i + 9, "]]>");
      else
        i = past(xml, i + 2, ">");
    } else if (next == '/') {
      --depth;
      i = past(xml, i + 2, ">");
    } else {
      // A start tag: up to its '>', over quoted attribute values.
      const std::size_t start = i;
      std::size_t j = i + 1;
      char quote = 0;
      for (; j < n; ++j) {
        const char c = xml[j];
        if (quote) {
          if (c == quote)
            quote = 0;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '>') {
          break;
        }
      }
      const bool empty = j < n && xml[j - 1] == '/';
      if (!empty && ++depth > max_depth)
        return excess_at(xml, start);
      i = j < n ? j + 1 : n;
    }
    if (i >= n)
      break;
    i = xml.find('<', i);
  }
  return std::nullopt;
}

}  // namespace
}  // namespace einvoice::xsd
