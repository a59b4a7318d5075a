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
