#include "model/term_list.h"

#include <map>

#include "model/term_visitor.h"

namespace einvoice::model {
namespace {

class FlattenVisitor final : public TermVisitor {
 public:
  explicit FlattenVisitor(std::vector<TermValue>& out) : out_(out) {}

  void value(std::string_view id, const std::string& text) override {
    out_.push_back({prefix() + std::string(id), std::string(id), text});
  }
  void begin_group(std::string_view id) override {
    if (!scopes_.empty() && scopes_.back().is_list) {
      Scope& list = scopes_.back();
      ++list.count;
      scopes_.push_back({list.name + "[" + std::to_string(list.count) + "]", false, 0});
      return;
    }
    scopes_.push_back({std::string(id), false, 0});
  }
  void end_group() override { scopes_.pop_back(); }
  void begin_list(std::string_view id) override { scopes_.push_back({std::string(id), true, 0}); }
  void end_list() override { scopes_.pop_back(); }

 private:
  struct Scope {
    std::string name;
    bool is_list;
    int count;
  };

  // A repeated term (BT-29) appears as BT-29[1]/BT-29: fold that to BT-29[1].
  std::string prefix() const {
    std::string out;
    for (const auto& scope : scopes_) {
      if (scope.is_list)
        continue;
      out += scope.name;
      out += '/';
    }
    return out;
  }

  std::vector<TermValue>& out_;
  std::vector<Scope> scopes_;
};

}  // namespace

std::vector<TermValue> flatten_terms(const Invoice& invoice) {
  std::vector<TermValue> out;
  FlattenVisitor visitor(out);
  visit_terms(invoice, visitor);
  return out;
}

std::set<std::string> present_term_ids(const Invoice& invoice) {
  std::set<std::string> ids;
  for (const auto& term : flatten_terms(invoice))
    ids.insert(term.id);
  return ids;
}

std::vector<std::string> diff_terms(const Invoice& first, const Invoice& second) {
  std::map<std::string, std::string> a, b;
  for (auto& t : flatten_terms(first))
    a.emplace(t.path, t.value);
  for (auto& t : flatten_terms(second))
    b.emplace(t.path, t.value);
  std::vector<std::string> out;
  for (const auto& [path, value] : a) {
    auto it = b.find(path);
    if (it == b.end()) {
      out.push_back(path + ": '" + value + "' missing in second");
    } else if (it->second != value) {
      out.push_back(path + ": '" + value + "' != '" + it->second + "'");
    }
  }
  for (const auto& [path, value] : b) {
    if (!a.count(path))
      out.push_back(path + ": '" + value + "' missing in first");
  }
  return out;
}

}  // namespace einvoice::model
