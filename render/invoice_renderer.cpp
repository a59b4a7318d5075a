#include "render/invoice_renderer.h"

#include <string>

#include "render/document_renderer.h"
#include "render/invoice_layout.h"
#include "render/labels.h"

#ifndef EINVOICE_FONT_DIR
#define EINVOICE_FONT_DIR "/usr/share/fonts/truetype/dejavu"
#endif

namespace einvoice::render {

const char* default_font_directory() {
  return EINVOICE_FONT_DIR;
}

model::Result<std::string> render_invoice_pdf(const model::Invoice& invoice,
                                              const RenderOptions& options) {
  PdfDescription description;
  description.title = document_title(invoice, options.language);
  description.language = options.language == Language::kFrench ? "fr-FR" : "en";
  return render_document(
      options.font_directory,
      [&](PageComposer& composer) { compose_invoice(invoice, options.language, composer); },
      labels_for(options.language).page, description);
}

}  // namespace einvoice::render
