#pragma once

// A pre-scan of raw PDF bytes run before PoDoFo parses them. PoDoFo 0.9 reads
// nested dictionaries by unbounded recursion, so a file of 100,000 nested
// "<< /A" overflows the stack; this scan bounds the nesting of every value
// PoDoFo could parse and records where each object is defined, so that later
// errors can name an object's byte offset.

#include <cstddef>
#include <cstdint>
#include <map>
#include <string_view>
#include <vector>

#include "model/result.h"

namespace einvoice::pdf {

struct PdfStructureLimits {
  int max_depth = 256;  // nested dictionaries and arrays in one value
  // Bytes the scan may read, as a multiple of the input size (plus 1 MiB):
  // objects overlapping each other (headers inside strings or stream data)
  // are scanned once per header, and this bounds that work.
  std::size_t work_factor = 8;
};

// Byte offset of the last "N G obj" header of each object number found.
using PdfObjectOffsets = std::map<std::uint32_t, std::size_t>;

// One "N G obj" header and the value after it.
struct PdfObjectSpan {
  std::uint32_t number = 0;
  std::size_t header = 0;       // offset of N
  std::size_t value_begin = 0;  // just after "obj"
  std::size_t value_end = 0;    // just after the value
};

struct PdfStructure {
  std::vector<PdfObjectSpan> objects;  // every header, in file order
  PdfObjectOffsets offsets;
};

// Scans one value from every "obj" keyword in `bytes` (wherever it stands:
// PoDoFo parses an object at any offset a cross-reference names, even inside
// another object's stream data) and after every "trailer" keyword, lexing as
// PoDoFo does (strings with nested parentheses and escapes, hex strings,
// names, comments). Errors naming `name`, the object and the offset:
// kLimitExceeded when a value nests deeper than limits.max_depth, or when the
// work bound is reached. Linear in the input for ordinary files.
model::Result<PdfStructure> scan_pdf_structure(std::string_view bytes, std::string_view name,
                                               const PdfStructureLimits& limits = {});

// The same bound for a decoded object stream: one value at `first` + each
// offset of its header ("objnum offset" pairs), as PoDoFo reads them.
// `place` names the object stream in errors.
model::Status scan_object_stream(std::string_view decoded, std::size_t first, std::string_view name,
                                 std::string_view place, const PdfStructureLimits& limits = {});

}  // namespace einvoice::pdf
