#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace einvoice::model {

// Builds a JSON text incrementally with correct escaping and commas. The
// caller is responsible for balanced begin/end calls; key() must precede each
// member inside an object. Output is deterministic and locale-independent.
class JsonWriter {
 public:
  explicit JsonWriter(bool pretty = false) : pretty_(pretty) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& string(std::string_view value);
  JsonWriter& number(long long value);
  JsonWriter& boolean(bool value);
  JsonWriter& null();

  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

  // `value` as a JSON string literal with quotes.
  static std::string quote(std::string_view value);

 private:
  void before_value();
  void newline();

  std::string out_;
  std::vector<bool> first_in_scope_;
  bool after_key_ = false;
  bool pretty_;
};

}  // namespace einvoice::model
