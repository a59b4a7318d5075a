#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/error.h"

namespace einvoice::accounts {

// A request the accounts rules refuse (exit code 1 at the command line): a
// kInvalid error whose message starts with the rule's id, "ACC-LIMIT: ...",
// so that one line names the rule broken. Failures underneath (I/O, a
// corrupt database) are other error codes.
inline model::Error refusal(std::string_view rule, std::string_view message) {
  return model::Error{
      model::ErrorCode::kInvalid, std::string(rule) + ": " + std::string(message), {}};
}

// True when `error` is a refusal by a rule, not a failure underneath.
inline bool is_refusal(const model::Error& error) {
  return error.code == model::ErrorCode::kInvalid;
}

// ACC-FIELD when `text` (a name, an address, a label: `what` says which) is
// empty while `required`, longer than 200 bytes, or holds a control
// character; nullopt when it is acceptable.
std::optional<model::Error> text_problem(std::string_view what, std::string_view text,
                                         bool required);

}  // namespace einvoice::accounts
