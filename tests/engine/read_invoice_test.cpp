#include <catch2/catch.hpp>

#include "engine/converter.h"
#include "test_inputs.h"

using einvoice::detect::Syntax;
using einvoice::engine::read_invoice;
using einvoice::model::ErrorCode;
using einvoice::testing::corpus;
using einvoice::testing::read_file;

TEST_CASE("read_invoice detects each syntax", "[read]") {
  auto cii = read_invoice(read_file(corpus("en16931/cii/examples/CII_example1.xml")), "c.xml");
  REQUIRE(cii);
  CHECK(cii->source_syntax == Syntax::kCii);
  auto ubl = read_invoice(read_file(corpus("en16931/ubl/examples/ubl-tc434-example1.xml")), "u");
  REQUIRE(ubl);
  CHECK(ubl->source_syntax == Syntax::kUblInvoice);
  auto cn = read_invoice(read_file(corpus("en16931/ubl/examples/ubl-tc434-creditnote1.xml")), "n");
  REQUIRE(cn);
  CHECK(cn->source_syntax == Syntax::kUblCreditNote);
  CHECK(cn->parsed.invoice.type_code == "381");
}

TEST_CASE("read_invoice explains what it cannot read", "[read][hostile]") {
  auto pdf = read_invoice("%PDF-1.7\n...", "scan.pdf");
  REQUIRE_FALSE(pdf);
  CHECK(pdf.error().code == ErrorCode::kUnsupported);
  CHECK(pdf.error().describe().find("scan.pdf") != std::string::npos);
  CHECK(pdf.error().message.find("PDF") != std::string::npos);

  auto other = read_invoice("<Order xmlns='urn:example:order'/>", "order.xml");
  REQUIRE_FALSE(other);
  CHECK(other.error().code == ErrorCode::kUnsupported);
  CHECK(other.error().message.find("'Order'") != std::string::npos);
  CHECK(other.error().message.find("urn:example:order") != std::string::npos);

  auto empty = read_invoice("", "empty.xml");
  REQUIRE_FALSE(empty);
  CHECK(empty.error().code == ErrorCode::kMalformed);

  auto truncated = read_invoice(
      read_file(corpus("en16931/cii/examples/CII_example1.xml")).substr(0, 2000), "cut.xml");
  REQUIRE_FALSE(truncated);
  CHECK(truncated.error().code == ErrorCode::kMalformed);
  CHECK(truncated.error().where.line > 0);
}

TEST_CASE("A non-numeric amount is a finding, the rest is still read", "[read][hostile]") {
  std::string xml = read_file(corpus("en16931/cii/examples/CII_example1.xml"));
  auto pos = xml.find("<ram:GrandTotalAmount>");
  REQUIRE(pos != std::string::npos);
  auto end = xml.find('<', pos + 22);
  xml.replace(pos + 22, end - (pos + 22), "12,50");
  auto read = read_invoice(xml, "comma.xml");
  REQUIRE(read);
  const auto& d = read->parsed.diagnostics;
  REQUIRE_FALSE(d.empty());
  CHECK(d[0].rule_id == "EINV-READ-01");
  CHECK(d[0].business_term == "BT-112");
  CHECK(d[0].location.line > 0);
  CHECK_FALSE(read->parsed.invoice.totals.total_with_vat.has_value());
  CHECK(read->parsed.invoice.number.has_value());
  CHECK(read->parsed.invoice.totals.total_without_vat.has_value());
}
