#pragma once

// A streaming pre-scan bounding element nesting before Xerces sees a
// document: Xerces has no depth limit, and its work grows quadratically with
// nesting (200,000 nested elements took 100 s of CPU).

#include <cstddef>
#include <optional>
#include <string_view>

namespace einvoice::xsd {

struct DepthExcess {
  std::size_t offset = 0;  // of the '<' of the first element past the limit
  int line = 1;
  int column = 1;
};

// The first element nested deeper than `max_depth` in `xml`, or nullopt.
// Skips comments, CDATA sections, processing instructions, DOCTYPEs and
// quoted attribute values; counts start tags, end tags and empty-element
// tags. UTF-16 documents are scanned code unit by code unit (the offset, line
// and column then count code units); other encodings are read as bytes. Linear: one pass over the
// bytes, jumping from '<' to '<' with memchr, so its cost beside a schema validation is tiny.
// Malformed markup is left for the parser to report; the scan only has to bound the depth it could
// reach.
std::optional<DepthExcess> find_excess_depth(std::string_view xml, int max_depth);

}  // namespace einvoice::xsd
