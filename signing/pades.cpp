#include "signing/pades.h"

#include <algorithm>
#include <cstdio>
#include <functional>

#include "formats/pdf/podofo.h"
#include "signing/pdf_update.h"
#include "signing/timestamp_authority.h"
#include "signing/timestamp_token.h"

namespace einvoice::signing {
namespace {

using model::ErrorCode;
using pdf::error;
using pdf::ref_string;
using pdf::serialize;
using pdf::UpdatePlan;

constexpr std::string_view kByteRangePlaceholder =
    "/ByteRange [0 0000000000 0000000000 0000000000]";

// The update of a signature: the signature dictionary `signature_body`, an
// invisible widget on the first page and the AcroForm field; computed from
// the parsed original.
model::Result<UpdatePlan> plan_signature_update(std::string_view bytes,
                                                std::string_view signature_body,
                                                std::string_view origin) {
  using namespace PoDoFo;
  return pdf::podofo_call(origin, [&]() -> model::Result<UpdatePlan> {
    PdfMemDocument document;
    auto started = pdf::start_update(document, bytes, origin);
    if (!started)
      return started.error();
    UpdatePlan plan = std::move(*started);
    PdfObject* catalog = document.GetCatalog();
    const std::uint32_t sig_number = plan.allocate();
    const std::uint32_t widget_number = plan.allocate();
    const PdfReference widget_ref(widget_number, 0);

    plan.objects.push_back({sig_number, 0, std::string(signature_body)});

    std::string widget = "<</Type/Annot/Subtype/Widget/FT/Sig/T(Signature" +
                         std::to_string(sig_number) + ")/V " + std::to_string(sig_number) +
                         " 0 R/Rect[0 0 0 0]/F 132";
    if (document.GetPageCount() > 0) {
      PdfObject* page = document.GetPage(0)->GetObject();
      if (page->Reference().ObjectNumber() != 0) {
        PdfObject page_copy(page->GetDictionary());
        PdfArray annots;
        if (PdfObject* a =
                pdf::resolve(document, page_copy.GetDictionary().GetKey(PoDoFo::PdfName("Annots")));
            a != nullptr && a->IsArray()) {
          annots = a->GetArray();
        }
        annots.push_back(PdfObject(widget_ref));
        page_copy.GetDictionary().AddKey(PdfName("Annots"), annots);
        widget += "/P " + ref_string(page->Reference());
        plan.objects.push_back({page->Reference().ObjectNumber(),
                                page->Reference().GenerationNumber(), serialize(page_copy)});
      }
    }
    widget += ">>";
    plan.objects.push_back({widget_number, 0, widget});

    // AcroForm: rewrite it where it lives (its own object, or the catalog).
    auto add_field = [&](PdfObject& form) {
      PdfArray fields;
      if (PdfObject* f =
              pdf::resolve(document, form.GetDictionary().GetKey(PoDoFo::PdfName("Fields")));
          f != nullptr && f->IsArray()) {
        fields = f->GetArray();
      }
      fields.push_back(PdfObject(widget_ref));
      form.GetDictionary().AddKey(PdfName("Fields"), fields);
      form.GetDictionary().AddKey(PdfName("SigFlags"), PdfObject(static_cast<pdf_int64>(3)));
    };
    PdfObject* form = catalog->GetDictionary().GetKey(PdfName("AcroForm"));
    PdfObject* resolved_form = pdf::resolve(document, form);
    if (form != nullptr && form->IsReference() && resolved_form != nullptr &&
        resolved_form->IsDictionary()) {
      PdfObject form_copy(resolved_form->GetDictionary());
      add_field(form_copy);
      plan.objects.push_back({form->GetReference().ObjectNumber(),
                              form->GetReference().GenerationNumber(), serialize(form_copy)});
    } else {
      PdfObject catalog_copy(catalog->GetDictionary());
      PdfObject form_copy = (form != nullptr && form->IsDictionary())
                                ? PdfObject(form->GetDictionary())
                                : PdfObject(PdfDictionary());
      add_field(form_copy);
      catalog_copy.GetDictionary().AddKey(PdfName("AcroForm"), form_copy);
      plan.objects.push_back({catalog->Reference().ObjectNumber(),
                              catalog->Reference().GenerationNumber(), serialize(catalog_copy)});
    }
    return plan;
  });
}

std::size_t estimated_capacity(const Signer& signer, const PadesOptions& options) {
  std::size_t size = 4096 + signer.certificate().der().size();
  for (const Certificate& c : signer.chain())
    size += c.der().size();
  if (options.level == CadesLevel::kBaselineT)
    size += 8192;
  return size;
}

// Appends an update whose signature dictionary is `dictionary_start` followed
// by /ByteRange and a /Contents of `capacity` bytes, then fills /Contents
// with make_contents(signed bytes).
model::Result<std::string> signed_update(
    std::string_view pdf, const std::string& dictionary_start, std::size_t capacity,
    std::string_view origin,
    const std::function<model::Result<Bytes>(std::span<const std::uint8_t>)>& make_contents) {
  const std::string signature_body = dictionary_start + std::string(kByteRangePlaceholder) +
                                     "/Contents<" + std::string(capacity * 2, '0') + ">>>";
  auto plan = plan_signature_update(pdf, signature_body, origin);
  if (!plan)
    return plan.error();
  std::string out = pdf::write_update(pdf, *plan);

  // Locate the placeholders in the signature dictionary just written.
  const std::size_t range_at = out.find(kByteRangePlaceholder, pdf.size());
  const std::size_t contents_at = out.find("/Contents<", range_at) + 9;  // at '<'
  const std::size_t contents_end = contents_at + capacity * 2 + 2;       // after '>'
  char range[64];
  std::snprintf(range, sizeof range, "/ByteRange [0 %010zu %010zu %010zu]", contents_at,
                contents_end, out.size() - contents_end);
  out.replace(range_at, kByteRangePlaceholder.size(), range);

  std::string signed_bytes = out.substr(0, contents_at);
  signed_bytes.append(out, contents_end, std::string::npos);
  auto contents = make_contents(as_bytes(signed_bytes));
  if (!contents)
    return contents.error();
  if (contents->size() > capacity) {
    return error(ErrorCode::kInternal, origin,
                 "CMS of " + std::to_string(contents->size()) + " bytes does not fit the " +
                     std::to_string(capacity) + " reserved");
  }
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (std::size_t i = 0; i < contents->size(); ++i) {
    out[contents_at + 1 + 2 * i] = kHex[(*contents)[i] >> 4];
    out[contents_at + 2 + 2 * i] = kHex[(*contents)[i] & 0x0f];
  }
  return out;
}

}  // namespace

model::Result<std::string> seal_pades(const Signer& signer, std::string_view pdf,
                                      const PadesOptions& options, std::string_view origin) {
  if (options.level == CadesLevel::kBaselineT && options.timestamp_authority == nullptr)
    return error(ErrorCode::kInvalidArgument, origin, "PAdES B-T needs a timestamp authority");
  if (options.long_term != PadesLongTerm::kNone) {
    if (options.level != CadesLevel::kBaselineT)
      return error(ErrorCode::kInvalidArgument, origin, "PAdES B-LT and B-LTA build on B-T");
    if (options.revocation.empty()) {
      return error(ErrorCode::kInvalidArgument, origin,
                   "PAdES B-LT needs revocation data (a CRL or an OCSP response) for the signer");
    }
  }
  const std::size_t capacity = options.contents_capacity != 0 ? options.contents_capacity
                                                              : estimated_capacity(signer, options);
  CadesOptions cades;
  cades.level = options.level;
  cades.digest = options.digest;
  cades.signing_time = options.signing_time;
  cades.timestamp_authority = options.timestamp_authority;
  cades.signing_time_attribute = false;  // EN 319 142-1: the time is /M only
  auto sealed = signed_update(pdf,
                              "<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached/M(" +
                                  pdf::pdf_date(options.signing_time) + ")",
                              capacity, origin, [&](std::span<const std::uint8_t> data) {
                                return seal_detached_cades(signer, data, cades);
                              });
  if (!sealed || options.long_term == PadesLongTerm::kNone)
    return sealed;
  std::vector<Certificate> certificates{signer.certificate()};
  certificates.insert(certificates.end(), signer.chain().begin(), signer.chain().end());
  auto with_dss = add_dss(*sealed, certificates, options.revocation, origin);
  if (!with_dss || options.long_term == PadesLongTerm::kLT)
    return with_dss;
  return add_document_timestamp(*with_dss, *options.timestamp_authority, origin);
}

model::Result<std::string> add_document_timestamp(std::string_view pdf,
                                                  TimestampAuthority& authority,
                                                  std::string_view origin) {
  return signed_update(pdf, "<</Type/DocTimeStamp/Filter/Adobe.PPKLite/SubFilter/ETSI.RFC3161",
                       16384, origin,
                       [&](std::span<const std::uint8_t> data) -> model::Result<Bytes> {
                         auto token = request_timestamp(authority, data);
                         if (!token)
                           return token.error();
                         return token->der;
                       });
}

}  // namespace einvoice::signing
