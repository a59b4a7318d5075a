#include "model/invoice_json.h"

#include "model/json_writer.h"
#include "model/term_visitor.h"

namespace einvoice::model {
namespace {

class JsonTermVisitor final : public TermVisitor {
 public:
  explicit JsonTermVisitor(JsonWriter& json) : json_(json) {}

  void value(std::string_view id, const std::string& text) override { json_.key(id).string(text); }
  void begin_group(std::string_view id) override {
    if (!in_list_.empty() && in_list_.back()) {
      in_list_.push_back(false);
      json_.begin_object();
      return;
    }
    in_list_.push_back(false);
    json_.key(id).begin_object();
  }
  void end_group() override {
    in_list_.pop_back();
    json_.end_object();
  }
  void begin_list(std::string_view id) override {
    json_.key(id).begin_array();
    in_list_.push_back(true);
  }
  void end_list() override {
    in_list_.pop_back();
    json_.end_array();
  }

 private:
  JsonWriter& json_;
  std::vector<bool> in_list_;  // per open scope: is it a list (items have no key)?
};

}  // namespace

std::string to_json(const Invoice& invoice, bool pretty) {
  JsonWriter json(pretty);
  json.begin_object();
  JsonTermVisitor visitor(json);
  visit_terms(invoice, visitor);
  json.end_object();
  return json.take();
}

}  // namespace einvoice::model
