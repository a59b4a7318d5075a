#include "render/pdf_assembler.h"

#include <sstream>

#include "formats/pdf/podofo.h"
#include "render/page_composer.h"

namespace einvoice::render {
namespace {

using model::Error;
using model::ErrorCode;

PoDoFo::PdfVariant integer(long long value) {
  return PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(value));
}

PoDoFo::PdfString utf8_string(const std::string& text) {
  return PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(text.c_str()));
}

// The Type 0 font dictionary of `font`, with its descendant, descriptor,
// font program and ToUnicode objects.
PoDoFo::PdfObject* add_font(PoDoFo::PdfVecObjects& objects, const EmbeddedFont& font,
                            const FontSubset& subset) {
  const TrueTypeFont& program = font.font();
  const double scale = 1000.0 / program.units_per_em();
  auto units = [scale](int value) { return static_cast<long long>(value * scale); };
  const std::string base_font = font.subset_tag() + "+" + program.postscript_name();

  const std::string& bytes = subset.program;
  PoDoFo::PdfObject* file = objects.CreateObject();
  file->GetDictionary().AddKey("Length1", integer(static_cast<long long>(bytes.size())));
  file->GetStream()->Set(bytes.data(), static_cast<PoDoFo::pdf_long>(bytes.size()));

  PoDoFo::PdfObject* descriptor = objects.CreateObject("FontDescriptor");
  PoDoFo::PdfDictionary& d = descriptor->GetDictionary();
  d.AddKey("FontName", PoDoFo::PdfName(base_font));
  d.AddKey("Flags", integer(32));  // nonsymbolic
  PoDoFo::PdfArray bbox;
  for (int value : program.bounding_box())
    bbox.push_back(integer(units(value)));
  d.AddKey("FontBBox", bbox);
  d.AddKey("ItalicAngle", integer(program.italic_angle()));
  d.AddKey("Ascent", integer(units(program.ascent())));
  d.AddKey("Descent", integer(units(program.descent())));
  d.AddKey("CapHeight", integer(units(program.cap_height())));
  d.AddKey("StemV", integer(program.bold() ? 140 : 80));
  d.AddKey("FontFile2", file->Reference());

  PoDoFo::PdfObject* cid_font = objects.CreateObject("Font");
  PoDoFo::PdfDictionary& c = cid_font->GetDictionary();
  c.AddKey("Subtype", PoDoFo::PdfName("CIDFontType2"));
  c.AddKey("BaseFont", PoDoFo::PdfName(base_font));
  PoDoFo::PdfDictionary system_info;
  system_info.AddKey("Registry", PoDoFo::PdfString("Adobe"));
  system_info.AddKey("Ordering", PoDoFo::PdfString("Identity"));
  system_info.AddKey("Supplement", integer(0));
  c.AddKey("CIDSystemInfo", system_info);
  c.AddKey("FontDescriptor", descriptor->Reference());
  c.AddKey("DW", integer(1000));
  PoDoFo::PdfArray widths;
  for (int width : font.cid_widths())
    widths.push_back(integer(width));
  PoDoFo::PdfArray w;
  w.push_back(integer(0));
  w.push_back(widths);
  c.AddKey("W", w);
  // Where each CID's glyph landed in the subset: /Identity when nothing
  // moved, else a stream of two-byte glyph ids in CID order.
  bool identity = true;
  for (std::size_t cid = 0; cid < subset.cid_to_gid.size(); ++cid)
    identity = identity && subset.cid_to_gid[cid] == cid;
  if (identity) {
    c.AddKey("CIDToGIDMap", PoDoFo::PdfName("Identity"));
  } else {
    std::string map;
    map.reserve(2 * subset.cid_to_gid.size());
    for (std::uint16_t gid : subset.cid_to_gid) {
      map.push_back(static_cast<char>(gid >> 8));
      map.push_back(static_cast<char>(gid & 0xFF));
    }
    PoDoFo::PdfObject* cid_to_gid = objects.CreateObject();
    cid_to_gid->GetStream()->Set(map.data(), static_cast<PoDoFo::pdf_long>(map.size()));
    c.AddKey("CIDToGIDMap", cid_to_gid->Reference());
  }

  const std::string cmap = font.to_unicode_cmap();
  PoDoFo::PdfObject* to_unicode = objects.CreateObject();
  to_unicode->GetStream()->Set(cmap.data(), static_cast<PoDoFo::pdf_long>(cmap.size()));

  PoDoFo::PdfObject* type0 = objects.CreateObject("Font");
  PoDoFo::PdfDictionary& t = type0->GetDictionary();
  t.AddKey("Subtype", PoDoFo::PdfName("Type0"));
  t.AddKey("BaseFont", PoDoFo::PdfName(base_font));
  t.AddKey("Encoding", PoDoFo::PdfName("Identity-H"));
  PoDoFo::PdfArray descendants;
  descendants.push_back(cid_font->Reference());
  t.AddKey("DescendantFonts", descendants);
  t.AddKey("ToUnicode", to_unicode->Reference());
  return type0;
}

std::string describe(const PoDoFo::PdfError& e) {
  const char* text = PoDoFo::PdfError::ErrorMessage(e.GetError());
  return text ? text : "PDF library error";
}

}  // namespace

model::Result<std::string> assemble_pdf(
    const std::vector<std::string>& pages,
    const std::vector<std::pair<std::string, const EmbeddedFont*>>& fonts,
    const PdfDescription& description) {
  pdf::quiet_podofo();
  try {
    PoDoFo::PdfMemDocument document;
    document.SetPdfVersion(PoDoFo::ePdfVersion_1_7);
    PoDoFo::PdfVecObjects& objects = document.GetObjects();

    PoDoFo::PdfDictionary font_resources;
    for (const auto& [name, font] : fonts) {
      auto subset = font->subset();
      if (!subset)
        return subset.error();
      font_resources.AddKey(PoDoFo::PdfName(name), add_font(objects, *font, *subset)->Reference());
    }

    const PoDoFo::PdfRect media_box(0, 0, PageComposer::kPageWidth, PageComposer::kPageHeight);
    for (const std::string& content : pages) {
      PoDoFo::PdfPage* page = document.CreatePage(media_box);
      page->GetContents()->GetStream()->Set(content.data(),
                                            static_cast<PoDoFo::pdf_long>(content.size()));
      PoDoFo::PdfObject* resources = page->GetResources();
      if (!resources) {
        page->GetObject()->GetDictionary().AddKey("Resources", PoDoFo::PdfDictionary());
        resources = page->GetObject()->GetDictionary().GetKey("Resources");
      }
      resources->GetDictionary().AddKey("Font", font_resources);
    }

    PoDoFo::PdfInfo* info = document.GetInfo();
    if (!description.title.empty())
      info->SetTitle(utf8_string(description.title));
    info->SetCreator(PoDoFo::PdfString("einvoice"));
    // No clock in the output: the same invoice gives the same bytes, and the
    // Factur-X builder stamps the dates it is given.
    info->GetObject()->GetDictionary().RemoveKey(PoDoFo::PdfName("CreationDate"));
    info->GetObject()->GetDictionary().RemoveKey(PoDoFo::PdfName("ModDate"));
    if (!description.language.empty())
      document.GetCatalog()->GetDictionary().AddKey("Lang",
                                                    PoDoFo::PdfString(description.language));

    std::ostringstream stream;
    PoDoFo::PdfOutputDevice device(&stream);
    document.Write(&device);
    device.Flush();
    return std::move(stream).str();
  } catch (const PoDoFo::PdfError& e) {
    return Error{ErrorCode::kInternal, "cannot build the invoice PDF: " + describe(e), {}};
  } catch (const std::exception& e) {
    return Error{
        ErrorCode::kInternal, std::string("cannot build the invoice PDF: ") + e.what(), {}};
  } catch (...) {
    return Error{ErrorCode::kInternal, "cannot build the invoice PDF", {}};
  }
}

}  // namespace einvoice::render
