#include "accounts/password_rule.h"

#include <cstdint>
#include <cstdio>

namespace einvoice::accounts {
namespace {

bool allowed(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         kPasswordSpecials.find(static_cast<char>(c)) != std::string_view::npos;
}

// The length of the UTF-8 sequence at `at` and its code point; 0 when the
// bytes there are not UTF-8.
std::size_t decode_utf8(std::string_view text, std::size_t at, std::uint32_t& code) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  std::size_t length = 0;
  if (lead < 0x80) {
    code = lead;
    return 1;
  }
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    code = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    code = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    code = lead & 0x07;
  } else {
    return 0;
  }
  if (at + length > text.size())
    return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80)
      return 0;
    code = (code << 6) | (byte(at + i) & 0x3F);
  }
  static constexpr std::uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (code < kSmallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
    return 0;
  return length;
}

std::string describe(std::string_view text, std::size_t at) {
  std::uint32_t code = 0;
  const std::size_t length = decode_utf8(text, at, code);
  char buffer[48];
  if (length == 0) {
    std::snprintf(buffer, sizeof buffer, "the byte 0x%02X (not UTF-8)",
                  static_cast<unsigned>(static_cast<unsigned char>(text[at])));
    return buffer;
  }
  std::snprintf(buffer, sizeof buffer, " (U+%04X)", static_cast<unsigned>(code));
  if (code < 0x20 || code == 0x7F)
    return std::string("a control character") + buffer;
  if (code == ' ')
    return std::string("a space") + buffer;
  return "'" + std::string(text.substr(at, length)) + "'" + buffer;
}

}  // namespace

std::optional<std::string> password_problem(std::string_view password, const PasswordRule& rule) {
  for (std::size_t i = 0; i < password.size(); ++i) {
    if (!allowed(static_cast<unsigned char>(password[i])))
      return "PWD-CHAR: the password may not contain " + describe(password, i) +
             ": only digits, unaccented letters and " + std::string(kPasswordSpecials) +
             " are accepted";
  }
  if (password.size() < rule.min_length)
    return "PWD-LENGTH: the password has " + std::to_string(password.size()) +
           " characters; at least " + std::to_string(rule.min_length) + " are needed";
  if (password.size() > rule.max_length)
    return "PWD-LENGTH: the password has " + std::to_string(password.size()) +
           " characters; at most " + std::to_string(rule.max_length) + " are accepted";
  return std::nullopt;
}

}  // namespace einvoice::accounts
