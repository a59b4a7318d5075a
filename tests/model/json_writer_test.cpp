#include "model/json_writer.h"

#include <catch2/catch.hpp>

using einvoice::model::JsonWriter;

TEST_CASE("JSON strings are escaped", "[json]") {
  CHECK(JsonWriter::quote("a\"b\\c\n\t") == "\"a\\\"b\\\\c\\n\\t\"");
  CHECK(JsonWriter::quote(std::string("\x01", 1)) == "\"\\u0001\"");
  CHECK(JsonWriter::quote("é€") == "\"é€\"");
}

TEST_CASE("JSON writer places commas and nesting", "[json]") {
  JsonWriter w;
  w.begin_object().key("a").number(1).key("b").begin_array().string("x").boolean(true).null();
  w.end_array().key("c").begin_object().end_object().end_object();
  CHECK(w.str() == "{\"a\":1,\"b\":[\"x\",true,null],\"c\":{}}");
}

TEST_CASE("Pretty JSON is indented", "[json]") {
  JsonWriter w(true);
  w.begin_object().key("a").begin_array().number(1).end_array().end_object();
  CHECK(w.str() == "{\n  \"a\": [\n    1\n  ]\n}");
}
