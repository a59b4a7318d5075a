#pragma once

#include <optional>
#include <string>

namespace einvoice::model {

// An identifier with its optional scheme (e.g. BT-29 with scheme "0009" for a
// SIRET, BT-34 with "0225", BT-158 with list id "STI" and a list version).
struct Identifier {
  std::string value;
  std::optional<std::string> scheme_id;
  std::optional<std::string> scheme_version;  // only BT-158 (item classification list version)

  bool operator==(const Identifier&) const = default;
};

// BT-125: a document embedded in the invoice. `content` is the base64 text as
// written in the source (not decoded: the bytes are kept exactly).
struct BinaryObject {
  std::string content;
  std::optional<std::string> mime_code;  // BT-125-1
  std::optional<std::string> filename;   // BT-125-2

  bool operator==(const BinaryObject&) const = default;
};

}  // namespace einvoice::model
