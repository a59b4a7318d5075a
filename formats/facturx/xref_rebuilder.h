#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace einvoice::facturx {

// Rebuilds the cross-reference table of a damaged PDF (wrong offsets, missing
// or truncated xref, as in files cut or edited by hand): finds every
// "N G obj" in the bytes (the last definition of a number wins, as an
// incremental update would), takes /Root, /Info and /ID from the last trailer
// (or, without one, the last object that is a /Catalog) and returns the bytes
// followed by a fresh xref section and trailer. nullopt when no catalog can be
// found. Objects inside object streams are reached through their stream.
// Linear in the input; object numbers above one million are ignored.
std::optional<std::string> rebuild_cross_reference(std::string_view pdf);

}  // namespace einvoice::facturx
