#include "formats/xml/xml_document.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "formats/xml/namespace_test.h"
#include "formats/xml/term_reader.h"

using einvoice::model::ErrorCode;
using einvoice::xml::XmlDocument;
using einvoice::xml::XmlLimits;

TEST_CASE("Well-formed XML is parsed and navigated by namespace", "[xml]") {
  auto doc = XmlDocument::parse(
      "<?xml version='1.0'?>\n<a:r xmlns:a='urn:a' xmlns:b='urn:b'>\n  <b:x k='v'>1 &amp; 2</b:x>\n"
      "  <a:x><![CDATA[<raw>]]></a:x>\n</a:r>",
      "t.xml");
  REQUIRE(doc);
  auto root = doc->root();
  CHECK(root.is("urn:a", "r"));
  auto bx = root.child("urn:b", "x");
  REQUIRE(bx);
  CHECK(bx.text() == "1 & 2");
  CHECK(bx.attribute("k") == "v");
  CHECK_FALSE(bx.attribute("missing").has_value());
  CHECK(bx.line() == 3);
  CHECK(bx.xpath() == "/a:r/b:x");
  CHECK(root.child("urn:a", "x").text() == "<raw>");
  CHECK_FALSE(root.child("urn:c", "x"));
  CHECK(root.child("urn:c", "x").text().empty());
}

TEST_CASE("Truncated XML is refused with its line", "[xml][hostile]") {
  auto doc = XmlDocument::parse("<r>\n<a>text</a>\n<b>", "cut.xml");
  REQUIRE_FALSE(doc);
  CHECK(doc.error().code == ErrorCode::kMalformed);
  CHECK(doc.error().where.file == "cut.xml");
  CHECK(doc.error().where.line >= 3);
  CHECK(doc.error().describe().rfind("cut.xml:", 0) == 0);
}

TEST_CASE("DOCTYPE, external entities and entity bombs are refused", "[xml][hostile]") {
  const char* xxe =
      "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><r>&x;</r>";
  auto doc = XmlDocument::parse(xxe, "xxe.xml");
  REQUIRE_FALSE(doc);
  CHECK(doc.error().message.find("DOCTYPE") != std::string::npos);

  std::string bomb = "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY a 'aaaaaaaaaa'>";
  for (int i = 1; i < 10; ++i) {
    // Appended piece by piece: GCC 12 reports a false -Wrestrict on
    // "&" + std::string&& at -O2 (GCC bug 105329).
    bomb += "<!ENTITY ";
    bomb += char('a' + i);
    bomb += " '";
    for (int j = 0; j < 10; ++j) {
      bomb += '&';
      bomb += char('a' + i - 1);
      bomb += ';';
    }
    bomb += "'>";
  }
  bomb += "]><r>&j;</r>";
  auto bombed = XmlDocument::parse(bomb, "bomb.xml");
  REQUIRE_FALSE(bombed);

  auto external_dtd =
      XmlDocument::parse("<!DOCTYPE r SYSTEM 'http://example.invalid/x.dtd'><r/>", "dtd.xml");
  REQUIRE_FALSE(external_dtd);
}

TEST_CASE("Size and depth limits hold", "[xml][hostile]") {
  XmlLimits limits;
  limits.max_bytes = 100;
  auto big = XmlDocument::parse("<r>" + std::string(200, 'x') + "</r>", "big.xml", limits);
  REQUIRE_FALSE(big);
  CHECK(big.error().code == ErrorCode::kLimitExceeded);

  std::string deep;
  for (int i = 0; i < 100000; ++i)
    deep += "<a>";
  auto nested = XmlDocument::parse(deep, "deep.xml");
  REQUIRE_FALSE(nested);

  std::string moderate;
  for (int i = 0; i < 50; ++i)
    moderate += "<a>";
  for (int i = 0; i < 50; ++i)
    moderate += "</a>";
  XmlLimits shallow;
  shallow.max_depth = 20;
  auto refused = XmlDocument::parse(moderate, "m.xml", shallow);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == ErrorCode::kLimitExceeded);
  CHECK(XmlDocument::parse(moderate, "m.xml"));
}

TEST_CASE("Empty and non-XML input is refused", "[xml][hostile]") {
  CHECK_FALSE(XmlDocument::parse("", "e.xml"));
  CHECK_FALSE(XmlDocument::parse("%PDF-1.7 binary", "p.xml"));
  CHECK_FALSE(XmlDocument::parse(std::string("<r>\0</r>", 8), "nul.xml"));
}

TEST_CASE("TermReader records unreadable values with term, line and path", "[xml]") {
  auto doc = XmlDocument::parse(
      "<r>\n<amount>12,50</amount>\n<good>3.10</good>\n"
      "<d>2024-13-45</d>\n<c format='610'>202401</c>\n</r>",
      "in.xml");
  REQUIRE(doc);
  einvoice::xml::TermReader reader("in.xml");
  auto root = doc->root();
  CHECK_FALSE(reader.decimal(root.child("", "amount"), "BT-112").has_value());
  CHECK(reader.decimal(root.child("", "good"), "BT-109")->to_string() == "3.10");
  CHECK_FALSE(reader.date_iso(root.child("", "d"), "BT-2").has_value());
  CHECK_FALSE(reader.date_cii(root.child("", "c"), "BT-9").has_value());
  CHECK_FALSE(reader.decimal(root.child("", "absent"), "BT-1").has_value());
  const auto& found = reader.diagnostics();
  REQUIRE(found.size() == 3);
  CHECK(found[0].rule_id == "EINV-READ-01");
  CHECK(found[0].business_term == "BT-112");
  CHECK(found[0].location.line == 2);
  CHECK(found[0].location.xpath == "/r/amount");
  CHECK(found[0].message.find("12,50") != std::string::npos);
  CHECK(found[1].rule_id == "EINV-READ-02");
  CHECK(found[2].message.find("610") != std::string::npos);
}

TEST_CASE("Qualified names keep the document's prefix", "[xml]") {
  auto doc = XmlDocument::parse("<p:r xmlns:p='urn:p' xmlns='urn:d'><c/><p:c/></p:r>", "q.xml");
  REQUIRE(doc);
  auto root = doc->root();
  CHECK(root.qualified_name() == "p:r");
  CHECK(root.child("urn:d", "c").qualified_name() == "c");
  CHECK(root.child("urn:p", "c").qualified_name() == "p:c");
  CHECK(einvoice::xml::XmlElement().qualified_name().empty());
}

TEST_CASE("XML whitespace is trimmed from both ends only", "[xml]") {
  using einvoice::xml::trim_xml_space;
  CHECK(trim_xml_space(" \t\r\n 380 \n") == "380");
  CHECK(trim_xml_space("a b") == "a b");
  CHECK(trim_xml_space(" \n\t").empty());
  CHECK(trim_xml_space("\xC2\xA0x") == "\xC2\xA0x");  // no-break space is not XML whitespace
}

TEST_CASE("Set-once term readers keep the first value and report the others", "[xml]") {
  auto doc = XmlDocument::parse("<r><a>1</a><a>2</a><n>1.50</n><n>x</n></r>", "s.xml");
  REQUIRE(doc);
  einvoice::xml::TermReader terms("s.xml");
  std::optional<std::string> text;
  std::optional<einvoice::model::Decimal> number;
  doc->root().for_each_child("", "a", [&](auto e) { terms.set_text(text, e, "BT-1"); });
  doc->root().for_each_child("", "n", [&](auto e) { terms.set_decimal(number, e, "BT-112"); });
  terms.set_text(text, einvoice::xml::XmlElement(), "BT-1");
  CHECK(text == "1");
  REQUIRE(number);
  CHECK(number->to_string() == "1.50");
  REQUIRE(terms.diagnostics().size() == 2);
  CHECK(terms.diagnostics()[0].rule_id == "EINV-READ-03");
  CHECK(terms.diagnostics()[0].business_term == "BT-1");
  CHECK(terms.diagnostics()[0].message.find("a '2' ignored") != std::string::npos);
  CHECK(terms.diagnostics()[1].location.xpath == "/r/n[2]");
}

TEST_CASE("Name and namespace tests compare whole strings, prefixes never match", "[xml]") {
  auto doc = XmlDocument::parse(
      "<a:r xmlns:a='urn:a' xmlns:ab='urn:ab'><a:x k='1' kk='2'/><ab:x/><a:xx/><plain/>"
      "<a:x/></a:r>",
      "t.xml");
  REQUIRE(doc);
  auto root = doc->root();
  auto x = root.first_element_child();
  auto abx = x.next_element_sibling();
  auto xx = abx.next_element_sibling();
  auto plain = xx.next_element_sibling();
  auto second_x = plain.next_element_sibling();
  CHECK(x.is("urn:a", "x"));
  CHECK_FALSE(x.is("urn:a", "xx"));
  CHECK_FALSE(x.is("urn:a", ""));
  CHECK_FALSE(xx.is("urn:a", "x"));
  CHECK_FALSE(abx.is("urn:a", "x"));
  CHECK(abx.in_namespace("urn:ab"));
  CHECK_FALSE(abx.in_namespace("urn:a"));
  CHECK_FALSE(x.in_namespace("urn:ab"));
  CHECK_FALSE(x.in_namespace(std::string_view("urn:a\0", 6)));
  CHECK(plain.in_namespace(""));
  CHECK(plain.is("", "plain"));
  CHECK_FALSE(plain.in_namespace("urn:a"));
  CHECK_FALSE(einvoice::xml::XmlElement().in_namespace(""));
  // Attribute presence, exact names only, without taking the value.
  CHECK(x.has_attribute("k"));
  CHECK(x.has_attribute("kk"));
  CHECK_FALSE(x.has_attribute("kkk"));
  CHECK_FALSE(x.has_attribute(""));
  CHECK_FALSE(abx.has_attribute("k"));
  CHECK_FALSE(x.is_read());
  // Keys: equal for elements of one name in one namespace declaration.
  CHECK(x.name_key() == second_x.name_key());
  CHECK(x.namespace_key() == second_x.namespace_key());
  CHECK(x.namespace_key() != abx.namespace_key());
  CHECK(plain.namespace_key() == nullptr);
}

TEST_CASE("A namespace test remembers answers per namespace string, never by prefix", "[xml]") {
  auto doc = XmlDocument::parse(
      "<a:r xmlns:a='urn:a' xmlns:ab='urn:ab'><a:x/><ab:x/><a:y/><plain/><ab:y/>"
      "<c:z xmlns:c='urn:a'/></a:r>",
      "t.xml");
  REQUIRE(doc);
  einvoice::xml::NamespaceTest in_a("urn:a");
  std::vector<bool> seen;
  for (auto e = doc->root().first_element_child(); e; e = e.next_element_sibling())
    seen.push_back(in_a(e));
  // a:x, ab:x, a:y, plain, ab:y, and c:z whose own declaration names urn:a.
  CHECK(seen == std::vector<bool>{true, false, true, false, false, true});
  CHECK(in_a(doc->root()));
  einvoice::xml::NamespaceTest none("");
  CHECK(none(doc->root()
                 .first_element_child()
                 .next_element_sibling()
                 .next_element_sibling()
                 .next_element_sibling()));
}

TEST_CASE("An encoding failure is named in the error, not printed by libxml2", "[xml][hostile]") {
  // ISO-2022-JP declared, bytes that cannot be converted.
  const std::string bytes =
      "<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?>\n<a>\x1b$B\xff\xfe</a>\n";
  auto doc = XmlDocument::parse(bytes, "bad-encoding.xml");
  REQUIRE_FALSE(doc);
  CHECK(doc.error().message.find("input conversion failed") != std::string::npos);
  CHECK(doc.error().where.file == "bad-encoding.xml");
  // The handlers are restored: a later good parse still works and says nothing.
  CHECK(XmlDocument::parse("<a/>", "good.xml"));
}
