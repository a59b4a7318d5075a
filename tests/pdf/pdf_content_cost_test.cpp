// The page-content lexer and the cost model of rendering that bound what a
// renderer does with a hostile PDF page (formats/pdf/pdf_content_lexer.h,
// pdf_paint_cost.h). Expected figures are worked out by hand in each test.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "formats/pdf/pdf_content_lexer.h"
#include "formats/pdf/pdf_paint_cost.h"

using namespace einvoice::pdf;

namespace {

std::vector<ContentOperation> operations_of(std::string_view content) {
  ContentLexer lexer(content);
  std::vector<ContentOperation> out;
  ContentOperation operation;
  while (lexer.next(operation))
    out.push_back(operation);
  return out;
}

std::vector<std::string> operators_of(std::string_view content) {
  std::vector<std::string> out;
  for (const auto& operation : operations_of(content))
    out.emplace_back(operation.op);
  return out;
}

// The cost of `content` on a 100 x 100 pixel page, user space = device space.
PaintCost cost_of(std::string_view content) {
  PaintModel model(100, 100, Matrix{});
  for (const auto& operation : operations_of(content))
    model.apply(operation);
  return model.cost();
}

}  // namespace

TEST_CASE("Content lexer: numbers end where a renderer ends them", "[facturx][content]") {
  // "40s" is 40 then s; "9/F8" is 9 then a name; "1.2.3" is 1.2 then .3.
  auto operations = operations_of("421 409.5 m 690933 0 l 9/F8 13 1 40s 1.2.3 -.5 w");
  REQUIRE(operations.size() == 4);
  CHECK(operations[0].op == "m");
  CHECK(operations[1].op == "l");
  CHECK(operations[1].operands[0].number == 690933);
  CHECK(operations[2].op == "s");
  REQUIRE(operations[2].operands.size() == 5);
  CHECK(operations[2].operands[0].number == 9);
  CHECK(operations[2].operands[1].kind == ContentOperand::Kind::kName);
  CHECK(operations[2].operands[1].name == "F8");
  CHECK(operations[2].operands[4].number == 40);
  CHECK(operations[3].op == "w");
  REQUIRE(operations[3].operands.size() == 3);
  CHECK(operations[3].operands[0].number == Approx(1.2));
  CHECK(operations[3].operands[1].number == Approx(0.3));
  CHECK(operations[3].operands[2].number == Approx(-0.5));
}

TEST_CASE("Content lexer: strings, arrays, comments and inline images", "[facturx][content]") {
  auto operations = operations_of(
      "% a comment with ( and [\n"
      "(a \\) b (nested) c) Tj <48656C6C6F> Tj [(ab) -20 (cde)] TJ\n"
      "BI /W 4 /H 2 /BPC 8 /CS /G ID \x01 EIQ x EI\x02 EI\nQ");
  REQUIRE(operations.size() == 5);
  CHECK(operations[0].op == "Tj");
  CHECK(operations[0].operands[0].bytes == 16);  // a ) b (nested) c
  CHECK(operations[1].operands[0].bytes == 5);
  CHECK(operations[2].op == "TJ");
  CHECK(operations[2].operands[0].bytes == 5);
  CHECK(operations[2].operands[0].count == 1);
  // The image data holds "EI" twice before the real end (not between spaces).
  CHECK(operations[3].op == "BI");
  REQUIRE(operations[3].operands.size() == 8);
  CHECK(operations[3].operands[1].number == 4);
  CHECK(operations[4].op == "Q");
}

TEST_CASE("Content lexer: 100,000 nested arrays are read without recursion past a bound",
          "[facturx][content]") {
  std::string content(100000, '[');
  content += " 1 2 ";
  content += std::string(100000, ']');
  content += " 3 d S";
  CHECK(operators_of(content) == std::vector<std::string>{"d", "S"});
  // Unterminated: the end of the content ends it.
  CHECK(operators_of(std::string(100000, '[') + "<<(").empty());
}

TEST_CASE("Paint cost: a dash pattern cuts a stroke into length / cycle x entries dashes",
          "[facturx][content]") {
  // 1,000,000 units with [1 1]: 500,000 cycles of 2 entries, plus the segment.
  CHECK(cost_of("[1 1] 0 d 0 0 m 1000000 0 l S").dash_segments == Approx(1000001));
  // The same line solid, or with an all-zero pattern, has no dash.
  CHECK(cost_of("0 0 m 1000000 0 l S").dash_segments == 0);
  CHECK(cost_of("[0 0] 0 d 0 0 m 1000000 0 l S").dash_segments == 0);
  // A restored state drops the pattern.
  CHECK(cost_of("q [1 1] 0 d Q 0 0 m 1000000 0 l S").dash_segments == 0);
  // Off the page, the dashes still count: the renderer makes them first.
  CHECK(cost_of("[2] 0 d 0 -500 m 1000 -500 l S").dash_segments == Approx(501));
}

TEST_CASE("Paint cost: fills and strokes count the pixels they cover on the page",
          "[facturx][content]") {
  // The whole page, then a quarter of it, then a rectangle off the page.
  CHECK(cost_of("0 0 100 100 re f").painted == Approx(10000));
  CHECK(cost_of("-1000 -1000 1050 1050 re f").painted == Approx(2500));
  CHECK(cost_of("200 200 10 10 re f").painted == 0);
  // A horizontal stroke of width 2 across the page: its box on the page.
  CHECK(cost_of("2 w 0 50 m 100 50 l S").painted == Approx(200));
  // A diagonal one: its length (plus caps) times its width, not its box.
  CHECK(cost_of("2 w 0 0 m 100 100 l S").painted == Approx((100 * std::sqrt(2.0) + 2) * 2));
  // 1,000 fills of the whole page.
  std::string many;
  for (int i = 0; i < 1000; ++i)
    many += "0 0 100 100 re f\n";
  CHECK(cost_of(many).painted == Approx(1e7));
  CHECK(cost_of(many).operators == 2000);
}

TEST_CASE("Paint cost: text counts its glyphs at their device size", "[facturx][content]") {
  // 4 glyphs of 10 pixels: 4 x (10 x 10 + 1).
  CHECK(cost_of("BT /F1 10 Tf (abcd) Tj ET").painted == Approx(404));
  // A glyph larger than the page costs the page.
  CHECK(cost_of("BT /F1 1000 Tf (a) Tj ET").painted == Approx(10000));
  // Stroked glyph outlines with a dash pattern are dashed too.
  CHECK(cost_of("[0.5 0.5] 0 d BT 1 Tr /F1 10 Tf (ab) Tj ET").dash_segments == Approx(2 * 161));
}

TEST_CASE("Paint cost: an inline image counts its samples", "[facturx][content]") {
  const PaintCost cost = cost_of("q 50 0 0 50 0 0 cm BI /W 300 /H 200 /BPC 8 /CS /G ID x EI Q");
  CHECK(cost.image_samples == Approx(60000));
  CHECK(cost.painted == Approx(2500));
}
