#include "render/document_renderer.h"

#include <exception>
#include <vector>

#include "render/embedded_font.h"
#include "render/invoice_renderer.h"
#include "render/true_type_font.h"

namespace einvoice::render {

model::Result<std::string> render_document(const std::string& font_directory,
                                           const std::function<void(PageComposer&)>& compose,
                                           const std::string& page_label,
                                           const PdfDescription& description) {
  const std::string folder = font_directory.empty() ? default_font_directory() : font_directory;
  auto regular_font = TrueTypeFont::load(folder + "/DejaVuSans.ttf");
  if (!regular_font)
    return regular_font.error();
  auto bold_font = TrueTypeFont::load(folder + "/DejaVuSans-Bold.ttf");
  if (!bold_font)
    return bold_font.error();
  try {
    EmbeddedFont regular(regular_font.value());
    EmbeddedFont bold(bold_font.value());
    PageComposer composer(regular, bold);
    compose(composer);
    const std::vector<std::string> pages = composer.finish([&page_label](int page, int count) {
      return to_u32(page_label + " " + std::to_string(page) + " / " + std::to_string(count));
    });
    return assemble_pdf(pages, {{"F1", &regular}, {"F2", &bold}}, description);
  } catch (const std::exception& e) {
    return model::Error{model::ErrorCode::kInternal,
                        "cannot render \"" + description.title + "\": " + std::string(e.what()),
                        {}};
  }
}

}  // namespace einvoice::render
