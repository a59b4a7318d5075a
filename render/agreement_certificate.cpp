#include "render/agreement_certificate.h"

#include "render/document_renderer.h"

namespace einvoice::render {
namespace {

constexpr double kLabelWidth = 130;

void pair(PageComposer& composer, const std::string& label, const std::string& value) {
  Block block;
  composer.add_pair(block, to_u32(label), to_u32(value), kLabelWidth, PageComposer::kContentWidth,
                    FontStyle::kRegular, 9.5);
  composer.emit(block);
}

void paragraph(PageComposer& composer, const std::string& text) {
  Block block;
  composer.add_paragraph(block, to_u32(text), FontStyle::kRegular, 10, 0,
                         PageComposer::kContentWidth);
  composer.emit(block);
  composer.skip(6);
}

void compose(const AgreementCertificate& c, PageComposer& composer) {
  composer.set_running_header(to_u32("Formal agreement - " + c.reference));
  composer.big_title(to_u32("Formal agreement"));
  paragraph(composer, "Formal agreement designating " + c.platform +
                          " as approved platform for receiving invoices, for the companies "
                          "listed below, and registering it in the tax administration's "
                          "directory.");
  pair(composer, "Reference", c.reference);
  pair(composer, "Prepared by", c.account);
  composer.skip(4);

  composer.section_title(to_u32("Companies"));
  std::vector<Column> columns = {
      {170, Align::kLeft, to_u32("Name")},
      {110, Align::kLeft, to_u32("Identifier")},
      {PageComposer::kContentWidth - 280, Align::kLeft, to_u32("Postal address")},
  };
  std::vector<std::vector<Cell>> rows;
  for (const auto& company : c.companies)
    rows.push_back(
        {{to_u32(company.name), {}, FontStyle::kRegular},
         {to_u32(company.identifier), to_u32(company.identifier_type), FontStyle::kRegular},
         {to_u32(company.address), {}, FontStyle::kRegular}});
  composer.table(columns, rows);
  composer.skip(8);

  composer.section_title(to_u32("Signer"));
  pair(composer, "Name", c.signer_first_name + " " + c.signer_last_name);
  pair(composer, "Function", c.signer_function);
  pair(composer, "E-mail", c.signer_email);
  pair(composer, "Authority", c.authority);
  composer.skip(8);

  composer.section_title(to_u32("Agreement"));
  paragraph(composer, "The signer, " + c.signer_first_name + " " + c.signer_last_name + " (" +
                          c.signer_function + "), confirmed the information above and designated " +
                          c.platform +
                          " as the approved platform receiving the invoices addressed to each "
                          "company listed.");
  pair(composer, "One-time code sent", c.code_sent_at + " to " + c.signer_email);
  pair(composer, "Signed", c.signed_at + " (one-time code entered)");
}

}  // namespace

model::Result<std::string> render_agreement_certificate(const AgreementCertificate& certificate) {
  PdfDescription description;
  description.title = "Formal agreement designating " + certificate.platform +
                      " as approved platform for receiving invoices";
  description.language = "en";
  return render_document(
      certificate.font_directory,
      [&certificate](PageComposer& composer) { compose(certificate, composer); }, "Page",
      description);
}

}  // namespace einvoice::render
