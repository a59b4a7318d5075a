// PAdES B-LT: the Document Security Store (EN 319 142-1 5.4, ISO 32000-2
// 12.8.4.3), written by incremental update and read back for verification.
#include "formats/pdf/pdf_file.h"
#include "formats/pdf/podofo.h"
#include "formats/pdf/qpdf_repair.h"
#include "signing/pades.h"
#include "signing/pdf_update.h"

namespace einvoice::signing {
namespace {

using model::ErrorCode;
using pdf::UpdatePlan;

// Appends references to new stream objects holding `items` to `array`.
template <class Item>
void add_streams(UpdatePlan& plan, PoDoFo::PdfArray& array, const std::vector<Item>& items) {
  for (const Item& item : items) {
    const std::uint32_t number = plan.allocate();
    const std::string_view bytes(reinterpret_cast<const char*>(item.data()), item.size());
    plan.objects.push_back({number, 0, pdf::stream_body(bytes)});
    array.push_back(PoDoFo::PdfObject(PoDoFo::PdfReference(number, 0)));
  }
}

// The existing array `key` of `dss` (resolved), or an empty one.
PoDoFo::PdfArray existing_array(PoDoFo::PdfMemDocument& document, PoDoFo::PdfObject* dss,
                                const char* key) {
  PoDoFo::PdfObject* value =
      dss != nullptr && dss->IsDictionary()
          ? pdf::resolve(document, dss->GetDictionary().GetKey(PoDoFo::PdfName(key)))
          : nullptr;
  return value != nullptr && value->IsArray() ? value->GetArray() : PoDoFo::PdfArray();
}

// The decoded stream of every entry of the array `key` of `dss`; an entry that
// is not a stream, or does not decode within the Factur-X reader's stream
// limit, is named in `problems` and skipped.
std::vector<Bytes> read_streams(PoDoFo::PdfMemDocument& document, PoDoFo::PdfObject* dss,
                                const char* key, std::string_view origin,
                                std::vector<std::string>& problems) {
  std::vector<Bytes> out;
  const PoDoFo::PdfArray array = existing_array(document, dss, key);
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string entry_name = std::string("DSS /") + key + " entry " + std::to_string(i + 1);
    PoDoFo::PdfObject entry = array[i];
    PoDoFo::PdfObject* stream_object = pdf::resolve(document, &entry);
    if (stream_object == nullptr || !stream_object->HasStream()) {
      problems.push_back(entry_name + " is not a stream");
      continue;
    }
    auto data = einvoice::pdf::decode_stream(*stream_object,
                                             einvoice::pdf::PdfLimits{}.max_stream_bytes, origin);
    if (!data) {
      problems.push_back(entry_name + ": " + data.error().message);
      continue;
    }
    out.emplace_back(data->begin(), data->end());
  }
  return out;
}

}  // namespace

model::Result<std::string> add_dss(std::string_view bytes,
                                   const std::vector<Certificate>& certificates,
                                   const RevocationData& revocation, std::string_view origin) {
  using namespace PoDoFo;
  return pdf::podofo_call(origin, [&]() -> model::Result<std::string> {
    PdfMemDocument document;
    auto started = pdf::start_update(document, bytes, origin);
    if (!started)
      return started.error();
    UpdatePlan plan = std::move(*started);
    PdfObject* catalog = document.GetCatalog();
    PdfObject* old_dss =
        pdf::resolve(document, catalog->GetDictionary().GetKey(PoDoFo::PdfName("DSS")));

    std::vector<Bytes> der_certificates;
    for (const Certificate& c : certificates)
      der_certificates.push_back(c.der());
    PdfArray certs = existing_array(document, old_dss, "Certs");
    PdfArray crls = existing_array(document, old_dss, "CRLs");
    PdfArray ocsps = existing_array(document, old_dss, "OCSPs");
    add_streams(plan, certs, der_certificates);
    add_streams(plan, crls, revocation.crls);
    add_streams(plan, ocsps, revocation.ocsp_responses);

    PdfObject dss{PdfDictionary()};
    if (old_dss != nullptr && old_dss->IsDictionary())
      dss = PdfObject(old_dss->GetDictionary());
    dss.GetDictionary().AddKey(PdfName("Type"), PdfName("DSS"));
    if (!certs.empty())
      dss.GetDictionary().AddKey(PdfName("Certs"), certs);
    if (!crls.empty())
      dss.GetDictionary().AddKey(PdfName("CRLs"), crls);
    if (!ocsps.empty())
      dss.GetDictionary().AddKey(PdfName("OCSPs"), ocsps);
    const std::uint32_t dss_number = plan.allocate();
    plan.objects.push_back({dss_number, 0, pdf::serialize(dss)});

    PdfObject catalog_copy(catalog->GetDictionary());
    catalog_copy.GetDictionary().AddKey(PdfName("DSS"), PdfReference(dss_number, 0));
    plan.objects.push_back({catalog->Reference().ObjectNumber(),
                            catalog->Reference().GenerationNumber(), pdf::serialize(catalog_copy)});
    return pdf::write_update(bytes, plan);
  });
}

model::Result<std::optional<DocumentSecurityStore>> read_dss(std::string_view bytes,
                                                             std::string_view origin) {
  using namespace PoDoFo;
  using Out = model::Result<std::optional<DocumentSecurityStore>>;
  return pdf::podofo_call(origin, [&]() -> Out {
    PdfMemDocument document;
    auto started = pdf::start_update(document, bytes, origin);
    if (!started)
      return started.error();
    PdfObject* catalog = document.GetCatalog();
    PdfObject* entry = catalog->GetDictionary().GetKey(PoDoFo::PdfName("DSS"));
    PdfObject* dss = pdf::resolve(document, entry);
    if (dss == nullptr || !dss->IsDictionary())
      return std::optional<DocumentSecurityStore>();
    DocumentSecurityStore store;
    // Where the DSS was written: its own object, else the catalog holding it.
    const PdfReference where = entry->IsReference() ? entry->GetReference() : catalog->Reference();
    // Through the cross-reference a reader follows; unknown counts as the
    // end of the file (then no document timestamp covers it).
    store.offset = einvoice::pdf::xref_offset(bytes, origin, where.ObjectNumber(),
                                              static_cast<std::uint16_t>(where.GenerationNumber()))
                       .value_or(bytes.size());
    for (const Bytes& der : read_streams(document, dss, "Certs", origin, store.problems)) {
      auto c = Certificate::from_der(der, origin);
      if (c)
        store.material.certificates.push_back(*c);
      else
        store.problems.push_back("DSS certificate: " + c.error().message);
    }
    store.material.revocation.crls = read_streams(document, dss, "CRLs", origin, store.problems);
    store.material.revocation.ocsp_responses =
        read_streams(document, dss, "OCSPs", origin, store.problems);
    return std::optional<DocumentSecurityStore>(std::move(store));
  });
}

}  // namespace einvoice::signing
