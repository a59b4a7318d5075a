// Fuzz target: the page-content lexer and the cost model of rendering
// (formats/pdf/pdf_content_lexer.h, pdf_paint_cost.h), which every page of
// a scanned PDF goes through before the renderer sees it. The input is the
// decoded content of a page. Beyond crashes, it checks the model's contract:
// the lexer always ends, and no cost is negative.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "formats/pdf/pdf_content_lexer.h"
#include "formats/pdf/pdf_paint_cost.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace einvoice::pdf;
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  // An A4 page at 300 dpi, user space in points.
  PaintModel model(2480, 3508, Matrix{300.0 / 72, 0, 0, 300.0 / 72, 0, 0});
  ContentLexer lexer(content);
  ContentOperation operation;
  std::size_t operations = 0;
  while (lexer.next(operation)) {
    if (operation.offset >= size || ++operations > size)
      std::abort();  // an operator past the end, or more operators than bytes
    model.apply(operation);
    if (operation.op == "Do")
      model.paint_image(1000);
  }
  const PaintCost& cost = model.cost();
  if (cost.operators < 0 || cost.dash_segments < 0 || cost.painted < 0 || cost.image_samples < 0)
    std::abort();
  return 0;
}
