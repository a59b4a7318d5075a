#include "formats/facturx/xref_rebuilder.h"

#include <cstdio>
#include <map>

namespace einvoice::facturx {
namespace {

constexpr unsigned long kMaxObjectNumber = 1000000;

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_delimiter(char c) {
  return is_space(c) || c == '<' || c == '[' || c == '(' || c == '/' || c == '%';
}

// Reads an unsigned number at `at`; advances `at`. False when there is none
// or it is absurdly long.
bool read_number(std::string_view text, std::size_t& at, unsigned long& value) {
  std::size_t start = at;
  value = 0;
  while (at < text.size() && is_digit(text[at]) && at - start < 10)
    value = value * 10 + static_cast<unsigned long>(text[at++] - '0');
  return at > start && (at >= text.size() || !is_digit(text[at]));
}

void skip_spaces(std::string_view text, std::size_t& at) {
  while (at < text.size() && is_space(text[at]))
    ++at;
}

struct Found {
  std::size_t offset;
  unsigned long generation;
};

// "N G R" after `key` inside `dictionary`; empty when absent.
std::string reference_after(std::string_view dictionary, std::string_view key) {
  std::size_t at = dictionary.find(key);
  if (at == std::string_view::npos)
    return {};
  at += key.size();
  skip_spaces(dictionary, at);
  unsigned long number = 0;
  unsigned long generation = 0;
  if (!read_number(dictionary, at, number))
    return {};
  skip_spaces(dictionary, at);
  if (!read_number(dictionary, at, generation))
    return {};
  skip_spaces(dictionary, at);
  if (at >= dictionary.size() || dictionary[at] != 'R')
    return {};
  return std::to_string(number) + " " + std::to_string(generation) + " R";
}

// The dictionary text "<< ... >>" starting at `at` (nesting respected).
std::string_view dictionary_at(std::string_view text, std::size_t at) {
  int depth = 0;
  for (std::size_t i = at; i + 1 < text.size(); ++i) {
    if (text[i] == '<' && text[i + 1] == '<') {
      ++depth;
      ++i;
    } else if (text[i] == '>' && text[i + 1] == '>') {
      if (--depth == 0)
        return text.substr(at, i + 2 - at);
      ++i;
    }
  }
  return {};
}

}  // namespace

std::optional<std::string> rebuild_cross_reference(std::string_view pdf) {
  std::map<unsigned long, Found> objects;
  for (std::size_t i = 0; i < pdf.size(); ++i) {
    if (!is_digit(pdf[i]) || (i > 0 && !is_space(pdf[i - 1])))
      continue;
    std::size_t at = i;
    unsigned long number = 0;
    unsigned long generation = 0;
    if (!read_number(pdf, at, number) || at >= pdf.size() || !is_space(pdf[at]))
      continue;
    skip_spaces(pdf, at);
    if (!read_number(pdf, at, generation) || at >= pdf.size() || !is_space(pdf[at]))
      continue;
    skip_spaces(pdf, at);
    if (pdf.substr(at, 3) != "obj" || (at + 3 < pdf.size() && !is_delimiter(pdf[at + 3])))
      continue;
    if (number > 0 && number <= kMaxObjectNumber && generation <= 65535)
      objects[number] = Found{i, generation};
    i = at + 2;
  }
  if (objects.empty())
    return std::nullopt;

  std::string root;
  std::string info;
  std::string id;
  std::size_t trailer = pdf.rfind("trailer");
  if (trailer != std::string_view::npos) {
    std::size_t open = pdf.find("<<", trailer);
    std::string_view dictionary =
        open == std::string_view::npos ? std::string_view() : dictionary_at(pdf, open);
    root = reference_after(dictionary, "/Root");
    info = reference_after(dictionary, "/Info");
    std::size_t id_at = dictionary.find("/ID");
    if (id_at != std::string_view::npos) {
      std::size_t open_bracket = dictionary.find('[', id_at);
      std::size_t close_bracket = dictionary.find(']', id_at);
      if (open_bracket != std::string_view::npos && close_bracket != std::string_view::npos &&
          open_bracket < close_bracket)
        id = std::string(dictionary.substr(open_bracket, close_bracket + 1 - open_bracket));
    }
  }
  if (root.empty()) {
    // No usable trailer: the last object that calls itself the catalog.
    for (auto it = objects.rbegin(); it != objects.rend() && root.empty(); ++it) {
      std::string_view head = pdf.substr(it->second.offset, 512);
      std::size_t end = head.find("endobj");
      head = head.substr(0, end);
      if (head.find("/Type/Catalog") != std::string_view::npos ||
          head.find("/Type /Catalog") != std::string_view::npos)
        root = std::to_string(it->first) + " " + std::to_string(it->second.generation) + " R";
    }
  }
  if (root.empty())
    return std::nullopt;

  const unsigned long size = objects.rbegin()->first + 1;
  std::string out(pdf);
  out += "\n";
  const std::size_t xref_offset = out.size();
  out += "xref\n0 " + std::to_string(size) + "\n";
  char entry[32];
  for (unsigned long n = 0; n < size; ++n) {
    auto found = objects.find(n);
    if (found == objects.end()) {
      std::snprintf(entry, sizeof entry, "%010d %05d f\r\n", 0, n == 0 ? 65535 : 0);
    } else {
      std::snprintf(entry, sizeof entry, "%010lu %05lu n\r\n",
                    static_cast<unsigned long>(found->second.offset), found->second.generation);
    }
    out += entry;
  }
  out += "trailer\n<< /Size " + std::to_string(size) + " /Root " + root;
  if (!info.empty())
    out += " /Info " + info;
  if (!id.empty())
    out += " /ID " + id;
  out += " >>\nstartxref\n" + std::to_string(xref_offset) + "\n%%EOF\n";
  return out;
}

}  // namespace einvoice::facturx
