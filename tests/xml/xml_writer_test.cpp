#include "formats/xml/xml_writer.h"

#include <catch2/catch.hpp>

#include "formats/xml/xml_document.h"

using einvoice::xml::XmlWriter;

TEST_CASE("Writer output is indented, escaped and parses back", "[xml]") {
  XmlWriter w;
  w.start("p:root").attribute("xmlns:p", "urn:p");
  w.start("p:a").attribute("q", "say \"hi\" & <go>").text("x < y & z > w").end();
  w.start("p:group").leaf("p:b", "1").start("p:empty").end().end();
  w.end();
  std::string out = w.finish();
  CHECK(out ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<p:root xmlns:p=\"urn:p\">\n"
        "  <p:a q=\"say &quot;hi&quot; &amp; &lt;go&gt;\">x &lt; y &amp; z &gt; w</p:a>\n"
        "  <p:group>\n"
        "    <p:b>1</p:b>\n"
        "    <p:empty/>\n"
        "  </p:group>\n"
        "</p:root>\n");
  auto doc = einvoice::xml::XmlDocument::parse(out, "w.xml");
  REQUIRE(doc);
  CHECK(doc->root().child("urn:p", "a").text() == "x < y & z > w");
  CHECK(doc->root().child("urn:p", "a").attribute("q") == "say \"hi\" & <go>");
}

TEST_CASE("Writer drops characters XML cannot carry and keeps CR", "[xml]") {
  XmlWriter w;
  w.start("r")
      .text(std::string("a\x01"
                        "b\rc",
                        5))
      .end();
  std::string out = w.finish();
  auto doc = einvoice::xml::XmlDocument::parse(out, "w.xml");
  REQUIRE(doc);
  CHECK(doc->root().text() == "ab\rc");
}

TEST_CASE("Writer escapes per context: quotes, tabs and line ends in attributes only", "[xml]") {
  XmlWriter w;
  w.start("r").attribute("a", "x\"\ty\nz\r<&>").text("q\"\ty\nz>").end();
  std::string out = w.finish();
  CHECK(out ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<r a=\"x&quot;&#9;y&#10;z&#13;&lt;&amp;&gt;\">q\"\ty\nz&gt;</r>\n");
  auto doc = einvoice::xml::XmlDocument::parse(out, "w.xml", {});
  REQUIRE(doc);
  CHECK(doc->root().attribute("a") == "x\"\ty\nz\r<&>");
  // Long names, deep nesting: every end tag names its own element.
  XmlWriter deep;
  const std::string long_name = "cac:" + std::string(40, 'N');
  for (int i = 0; i < 20; ++i)
    deep.start(long_name + std::to_string(i));
  for (int i = 0; i < 20; ++i)
    deep.end();
  auto nested = einvoice::xml::XmlDocument::parse(
      [&] {
        std::string s = deep.finish();
        return s.replace(s.find(long_name + "0"), long_name.size() + 1,
                         long_name + "0 xmlns:cac=\"urn:c\"");
      }(),
      "deep.xml");
  REQUIRE(nested);
}
