#include "render/invoice_renderer.h"

#include <exception>
#include <string>
#include <vector>

#include "render/embedded_font.h"
#include "render/invoice_layout.h"
#include "render/labels.h"
#include "render/page_composer.h"
#include "render/pdf_assembler.h"
#include "render/true_type_font.h"

#ifndef EINVOICE_FONT_DIR
#define EINVOICE_FONT_DIR "/usr/share/fonts/truetype/dejavu"
#endif

namespace einvoice::render {

const char* default_font_directory() {
  return EINVOICE_FONT_DIR;
}

model::Result<std::string> render_invoice_pdf(const model::Invoice& invoice,
                                              const RenderOptions& options) {
  const std::string folder =
      options.font_directory.empty() ? default_font_directory() : options.font_directory;
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
    compose_invoice(invoice, options.language, composer);
    const std::string page_label = labels_for(options.language).page;
    const std::vector<std::string> pages = composer.finish([&page_label](int page, int count) {
      return to_u32(page_label + " " + std::to_string(page) + " / " + std::to_string(count));
    });

    PdfDescription description;
    description.title = document_title(invoice, options.language);
    description.language = options.language == Language::kFrench ? "fr-FR" : "en";
    return assemble_pdf(pages, {{"F1", &regular}, {"F2", &bold}}, description);
  } catch (const std::exception& e) {
    return model::Error{
        model::ErrorCode::kInternal, std::string("cannot render the invoice: ") + e.what(), {}};
  }
}

}  // namespace einvoice::render
