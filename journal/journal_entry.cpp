#include "journal/journal_entry.h"

#include <limits>
#include <nlohmann/json.hpp>

#include "journal/sha256.h"

namespace einvoice::journal {
namespace {

using model::Error;
using model::ErrorCode;

Error malformed(std::string_view origin, const std::string& what) {
  return Error{ErrorCode::kMalformed, "journal line: " + what, {std::string(origin), "", 0, 0}};
}

}  // namespace

int json_nesting(std::string_view text) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return deepest;
}

std::string JournalEntry::line() const {
  nlohmann::json detail_json = nlohmann::json::object();
  if (!draft.detail.empty())
    detail_json = nlohmann::json::parse(draft.detail, nullptr, false);
  const nlohmann::json json = {
      {"seq", sequence},      {"prev", previous},
      {"time", draft.time},   {"category", draft.category},
      {"event", draft.event}, {"id", draft.subject},
      {"actor", draft.actor}, {"detail", detail_json},
  };
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string JournalEntry::hash() const {
  return Sha256::hex(line());
}

model::Result<JournalEntry> parse_journal_line(std::string_view line, std::string_view origin) {
  if (line.size() > kMaxJournalLineBytes)
    return Error{ErrorCode::kLimitExceeded,
                 "journal line of " + std::to_string(line.size()) + " bytes; the limit is " +
                     std::to_string(kMaxJournalLineBytes),
                 {std::string(origin), "", 0, 0}};
  if (json_nesting(line) > kMaxJournalDepth)
    return Error{ErrorCode::kLimitExceeded,
                 "journal line nested too deeply",
                 {std::string(origin), "", 0, 0}};
  const auto json = nlohmann::json::parse(line, nullptr, false);
  if (json.is_discarded() || !json.is_object())
    return malformed(origin, "not a JSON object");
  JournalEntry entry;
  auto text = [&](const char* key, std::string& out) {
    auto it = json.find(key);
    if (it == json.end() || !it->is_string())
      return false;
    out = it->get<std::string>();
    return true;
  };
  auto seq = json.find("seq");
  auto detail = json.find("detail");
  if (json.size() != 8 || seq == json.end() || !seq->is_number_integer() ||
      (seq->is_number_unsigned() &&
       seq->get<std::uint64_t>() >
           static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) ||
      detail == json.end() || !detail->is_object() || !text("prev", entry.previous) ||
      !text("time", entry.draft.time) || !text("category", entry.draft.category) ||
      !text("event", entry.draft.event) || !text("id", entry.draft.subject) ||
      !text("actor", entry.draft.actor))
    return malformed(origin, "missing or mistyped fields");
  entry.sequence = seq->get<std::int64_t>();
  entry.draft.detail = detail->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (entry.line() != line)
    return malformed(origin, "not in canonical form (keys sorted, compact)");
  return entry;
}

}  // namespace einvoice::journal
