#pragma once

#include <string>
#include <string_view>

namespace einvoice::model {

struct Invoice;

// Receives an invoice as a tree of EN 16931 business terms, in the order of
// EN 16931-1. Only terms and groups that are present are visited.
//
//  - value(id, text): one term; text is canonical (dates ISO 8601, decimals as
//    written, identifiers' schemes as their own "-1"/"-2" sub-terms).
//  - begin_group(id) ... end_group(): a group (BG-x), or one item of a list.
//  - begin_list(id) ... end_list(): a repeating group or term; each item is
//    bracketed by begin_group(id)/end_group().
class TermVisitor {
 public:
  virtual ~TermVisitor() = default;
  virtual void value(std::string_view id, const std::string& text) = 0;
  virtual void begin_group(std::string_view id) = 0;
  virtual void end_group() = 0;
  virtual void begin_list(std::string_view id) = 0;
  virtual void end_list() = 0;
};

// Walks every present term of `invoice`. Thread-safe for distinct visitors.
void visit_terms(const Invoice& invoice, TermVisitor& visitor);

}  // namespace einvoice::model
