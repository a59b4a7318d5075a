#include "signing/pades.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <exception>
#include <functional>
#include <optional>

#include "signing/timestamp_authority.h"
#include "signing/timestamp_token.h"

namespace einvoice::signing {
namespace {

using model::Error;
using model::ErrorCode;

constexpr std::string_view kByteRangePlaceholder =
    "/ByteRange [0 0000000000 0000000000 0000000000]";

// PoDoFo logs parser messages to stdout/stderr by default; ours are errors.
void quiet_podofo() {
  static const bool done = [] {
    PoDoFo::PdfError::EnableLogging(false);
    PoDoFo::PdfError::EnableDebug(false);
    return true;
  }();
  (void)done;
}

Error error(ErrorCode code, std::string_view origin, const std::string& message) {
  Error e;
  e.code = code;
  e.message = std::string(origin) + ": " + message;
  return e;
}

std::string pdf_date(std::chrono::sys_seconds t) {
  const std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "D:%Y%m%d%H%M%SZ", &tm);
  return buffer;
}

std::string ref_string(const PoDoFo::PdfReference& ref) {
  return std::to_string(ref.ObjectNumber()) + " " + std::to_string(ref.GenerationNumber()) + " R";
}

std::string serialize(const PoDoFo::PdfObject& object) {
  std::string text;
  object.ToString(text, PoDoFo::ePdfWriteMode_Compact);
  return text;
}

// The offset after the last "startxref" keyword, parsed.
std::optional<std::uint64_t> last_startxref(std::string_view pdf) {
  const auto at = pdf.rfind("startxref");
  if (at == std::string_view::npos)
    return std::nullopt;
  std::size_t i = at + 9;
  while (i < pdf.size() && (pdf[i] == ' ' || pdf[i] == '\r' || pdf[i] == '\n'))
    ++i;
  std::uint64_t value = 0;
  bool digits = false;
  while (i < pdf.size() && pdf[i] >= '0' && pdf[i] <= '9' && value < (1ull << 50)) {
    value = value * 10 + static_cast<std::uint64_t>(pdf[i] - '0');
    digits = true;
    ++i;
  }
  if (!digits)
    return std::nullopt;
  return value;
}

// An object of the update: number, generation and body ("<<...>>").
struct UpdateObject {
  std::uint32_t number;
  std::uint16_t generation;
  std::string body;
};

// The part of the update that does not depend on the CMS: the objects and the
// trailer fields, computed from the parsed original.
struct UpdatePlan {
  std::vector<UpdateObject> objects;  // the signature dictionary first
  std::string trailer;                // without /Prev and /Size
  std::uint32_t size = 0;
  std::uint64_t prev = 0;
};

model::Result<UpdatePlan> plan_update(std::string_view pdf, std::string_view signature_body,
                                      std::string_view origin) {
  using namespace PoDoFo;
  quiet_podofo();
  try {
    PdfMemDocument document;
    document.LoadFromBuffer(pdf.data(), static_cast<long>(pdf.size()), false);
    if (document.GetEncrypted())
      return error(ErrorCode::kUnsupported, origin, "encrypted PDF cannot be sealed");
    const PdfObject* trailer = document.GetTrailer();
    PdfObject* catalog = document.GetCatalog();
    if (trailer == nullptr || catalog == nullptr || !catalog->IsDictionary() ||
        catalog->Reference().ObjectNumber() == 0) {
      return error(ErrorCode::kMalformed, origin, "no document catalog");
    }
    const auto prev = last_startxref(pdf);
    if (!prev)
      return error(ErrorCode::kMalformed, origin, "no startxref");

    UpdatePlan plan;
    plan.prev = *prev;
    std::uint32_t size = 0;
    if (const PdfObject* s = trailer->GetDictionary().GetKey(PdfName("Size"));
        s != nullptr && s->IsNumber() && s->GetNumber() > 0) {
      size = static_cast<std::uint32_t>(s->GetNumber());
    }
    for (const PdfObject* o : document.GetObjects()) {
      size = std::max<std::uint32_t>(size, o->Reference().ObjectNumber() + 1);
    }
    const std::uint32_t sig_number = size;
    const std::uint32_t widget_number = size + 1;
    plan.size = size + 2;
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
        if (PdfObject* a = page_copy.GetDictionary().GetKey(PdfName("Annots")); a != nullptr) {
          PdfObject* resolved =
              a->IsReference() ? document.GetObjects().GetObject(a->GetReference()) : a;
          if (resolved != nullptr && resolved->IsArray())
            annots = resolved->GetArray();
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
      if (PdfObject* f = form.GetDictionary().GetKey(PdfName("Fields")); f != nullptr) {
        PdfObject* resolved =
            f->IsReference() ? document.GetObjects().GetObject(f->GetReference()) : f;
        if (resolved != nullptr && resolved->IsArray())
          fields = resolved->GetArray();
      }
      fields.push_back(PdfObject(widget_ref));
      form.GetDictionary().AddKey(PdfName("Fields"), fields);
      form.GetDictionary().AddKey(PdfName("SigFlags"), PdfObject(static_cast<pdf_int64>(3)));
    };
    PdfObject* form = catalog->GetDictionary().GetKey(PdfName("AcroForm"));
    if (form != nullptr && form->IsReference()) {
      PdfObject* resolved = document.GetObjects().GetObject(form->GetReference());
      if (resolved != nullptr && resolved->IsDictionary()) {
        PdfObject form_copy(resolved->GetDictionary());
        add_field(form_copy);
        plan.objects.push_back({form->GetReference().ObjectNumber(),
                                form->GetReference().GenerationNumber(), serialize(form_copy)});
        form = nullptr;
      } else {
        form = nullptr;
        PdfObject catalog_copy(catalog->GetDictionary());
        PdfObject fresh{PdfDictionary()};
        add_field(fresh);
        catalog_copy.GetDictionary().AddKey(PdfName("AcroForm"), fresh);
        plan.objects.push_back({catalog->Reference().ObjectNumber(),
                                catalog->Reference().GenerationNumber(), serialize(catalog_copy)});
      }
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

    plan.trailer = "/Root " + ref_string(catalog->Reference());
    if (const PdfObject* info = trailer->GetDictionary().GetKey(PdfName("Info"));
        info != nullptr && info->IsReference()) {
      plan.trailer += "/Info " + ref_string(info->GetReference());
    }
    if (const PdfObject* id = trailer->GetDictionary().GetKey(PdfName("ID"));
        id != nullptr && id->IsArray()) {
      plan.trailer += "/ID " + serialize(*id);
    }
    return plan;
  } catch (const PoDoFo::PdfError& e) {
    return error(ErrorCode::kMalformed, origin,
                 std::string("PDF not readable: ") + PoDoFo::PdfError::ErrorName(e.GetError()));
  } catch (const std::exception& e) {
    return error(ErrorCode::kMalformed, origin, std::string("PDF not readable: ") + e.what());
  }
}

// Writes the update after `pdf`; the xref lists each object in its own
// subsection.
std::string write_update(std::string_view pdf, const UpdatePlan& plan) {
  std::string out(pdf);
  if (!out.empty() && out.back() != '\n' && out.back() != '\r')
    out += '\n';
  std::vector<std::pair<std::uint32_t, std::pair<std::uint16_t, std::size_t>>> offsets;
  for (const UpdateObject& o : plan.objects) {
    offsets.push_back({o.number, {o.generation, out.size()}});
    out += std::to_string(o.number) + " " + std::to_string(o.generation) + " obj\n" + o.body +
           "\nendobj\n";
  }
  std::sort(offsets.begin(), offsets.end());
  const std::size_t xref = out.size();
  out += "xref\n";
  for (const auto& [number, entry] : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu %05u n\r\n", entry.second,
                  static_cast<unsigned>(entry.first));
    out += std::to_string(number) + " 1\n" + line;
  }
  out += "trailer\n<</Size " + std::to_string(plan.size) + plan.trailer + "/Prev " +
         std::to_string(plan.prev) + ">>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

std::size_t estimated_capacity(const Signer& signer, const PadesOptions& options) {
  std::size_t size = 4096 + signer.certificate().der().size();
  for (const Certificate& c : signer.chain())
    size += c.der().size();
  if (options.level == CadesLevel::kBaselineT)
    size += 8192;
  return size;
}

// The length of the DER TLV at the start of `bytes`, or 0.
std::size_t der_length(std::span<const std::uint8_t> bytes) {
  if (bytes.size() < 2)
    return 0;
  std::size_t length = bytes[1];
  std::size_t header = 2;
  if (length & 0x80) {
    const std::size_t count = length & 0x7f;
    if (count == 0 || count > 4 || bytes.size() < 2 + count)
      return 0;
    length = 0;
    for (std::size_t i = 0; i < count; ++i)
      length = (length << 8) | bytes[2 + i];
    header += count;
  }
  return header + length <= bytes.size() ? header + length : 0;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
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
  auto plan = plan_update(pdf, signature_body, origin);
  if (!plan)
    return plan.error();
  std::string out = write_update(pdf, *plan);

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
  const std::size_t capacity = options.contents_capacity != 0 ? options.contents_capacity
                                                              : estimated_capacity(signer, options);
  CadesOptions cades;
  cades.level = options.level;
  cades.digest = options.digest;
  cades.signing_time = options.signing_time;
  cades.timestamp_authority = options.timestamp_authority;
  return signed_update(pdf,
                       "<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached/M(" +
                           pdf_date(options.signing_time) + ")",
                       capacity, origin, [&](std::span<const std::uint8_t> data) {
                         return seal_detached_cades(signer, data, cades);
                       });
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

std::string PadesSignatureReport::level() const {
  if (document_timestamp)
    return "PAdES-DOCUMENT-TIMESTAMP";
  switch (cades.level) {
    case SignatureLevel::kBaselineB:
      return "PAdES-BASELINE-B";
    case SignatureLevel::kBaselineT:
      return "PAdES-BASELINE-T";
    case SignatureLevel::kNone:
      break;
  }
  return "NONE";
}

model::Result<std::vector<PadesSignatureReport>> verify_pades(std::string_view pdf,
                                                              const TrustStore& anchors,
                                                              const VerificationOptions& options,
                                                              std::string_view origin) {
  std::vector<PadesSignatureReport> reports;
  constexpr std::string_view kKey = "/ByteRange";
  for (std::size_t at = pdf.find(kKey); at != std::string_view::npos;
       at = pdf.find(kKey, at + kKey.size())) {
    PadesSignatureReport report;
    auto fail = [&](const std::string& why) {
      report.cades.indication = Indication::kTotalFailed;
      report.cades.sub_indication = SubIndication::kFormatFailure;
      report.cades.errors.push_back(why);
      reports.push_back(report);
    };
    // Parse "[a b c d]".
    std::size_t i = at + kKey.size();
    while (i < pdf.size() && (pdf[i] == ' ' || pdf[i] == '\r' || pdf[i] == '\n'))
      ++i;
    if (i >= pdf.size() || pdf[i] != '[') {
      fail("/ByteRange at offset " + std::to_string(at) + " is not an array");
      continue;
    }
    ++i;
    bool parsed = true;
    for (auto& value : report.byte_range) {
      while (i < pdf.size() && (pdf[i] == ' ' || pdf[i] == '\r' || pdf[i] == '\n'))
        ++i;
      bool digits = false;
      value = 0;
      while (i < pdf.size() && pdf[i] >= '0' && pdf[i] <= '9' && value < (1ull << 50)) {
        value = value * 10 + static_cast<std::uint64_t>(pdf[i] - '0');
        digits = true;
        ++i;
      }
      parsed = parsed && digits;
    }
    const auto [a, b, c, d] = report.byte_range;
    if (!parsed || a != 0 || b >= c || c > pdf.size() || d > pdf.size() - c || b < 1 ||
        pdf[b] != '<' || pdf[c - 1] != '>') {
      fail("/ByteRange at offset " + std::to_string(at) +
           " does not cover the revision except a /Contents hex string");
      continue;
    }
    // The dictionary's /SubFilter, searched around the byte range.
    const std::size_t window_start = pdf.rfind("obj", std::min<std::size_t>(at, b));
    const std::size_t window_end = std::max<std::size_t>(at, c) + 512;
    const std::string_view dict =
        pdf.substr(window_start == std::string_view::npos ? 0 : window_start,
                   window_end - (window_start == std::string_view::npos ? 0 : window_start));
    if (const auto s = dict.find("/SubFilter"); s != std::string_view::npos) {
      std::size_t j = s + 10;
      while (j < dict.size() && dict[j] == ' ')
        ++j;
      if (j < dict.size() && dict[j] == '/') {
        const std::size_t end = dict.find_first_of(" /<>[]()\r\n", j + 1);
        report.sub_filter =
            std::string(dict.substr(j + 1, end == std::string_view::npos ? end : end - j - 1));
      }
    }
    Bytes cms;
    bool hex_ok = true;
    for (std::size_t k = b + 1; k + 1 < c - 1; k += 2) {
      const int hi = hex_value(pdf[k]);
      const int lo = hex_value(pdf[k + 1]);
      if (hi < 0 || lo < 0) {
        hex_ok = false;
        break;
      }
      cms.push_back(static_cast<std::uint8_t>(hi * 16 + lo));
    }
    const std::size_t length = der_length(cms);
    if (!hex_ok || length == 0) {
      fail("/Contents at offset " + std::to_string(b) + " is not a hex-encoded DER CMS");
      continue;
    }
    cms.resize(length);
    report.covers_revision = true;
    const std::size_t revision_end = c + d;
    std::size_t tail = revision_end;
    while (tail < pdf.size() && (pdf[tail] == '\r' || pdf[tail] == '\n' || pdf[tail] == ' '))
      ++tail;
    report.modified_after_signing = tail < pdf.size();

    std::string signed_bytes(pdf.substr(0, b));
    signed_bytes.append(pdf.substr(c, d));
    if (report.sub_filter == "ETSI.RFC3161") {
      // A document timestamp: the token's imprint covers the byte range.
      report.document_timestamp = true;
      auto token = TimestampToken::parse(cms, origin);
      if (!token) {
        fail(token.error().message);
        continue;
      }
      const TrustStore& tsa_anchors =
          options.timestamp_anchors ? *options.timestamp_anchors : anchors;
      const TokenCheck check = verify_timestamp_token(*token, as_bytes(signed_bytes), tsa_anchors,
                                                      options.validation_time);
      TimestampReport ts;
      ts.gen_time = token->gen_time;
      ts.serial = token->serial;
      if (token->tsa_certificate) {
        ts.tsa_subject = token->tsa_certificate->subject();
        report.cades.signer_subject = ts.tsa_subject;
      }
      report.cades.best_signature_time = token->gen_time;
      if (check.ok()) {
        ts.indication = Indication::kTotalPassed;
        report.cades.indication = Indication::kTotalPassed;
      } else {
        ts.indication = check.failure == TokenFailure::kHashFailure ? Indication::kTotalFailed
                                                                    : Indication::kIndeterminate;
        ts.sub_indication = check.failure == TokenFailure::kHashFailure
                                ? SubIndication::kHashFailure
                                : SubIndication::kSigConstraintsFailure;
        ts.message = check.message;
        report.cades.indication = ts.indication;
        report.cades.sub_indication = ts.sub_indication;
        report.cades.errors.push_back("document timestamp: " + check.message);
      }
      report.cades.timestamps.push_back(ts);
      if (report.modified_after_signing)
        report.cades.warnings.push_back("the document was modified after the document timestamp");
      reports.push_back(std::move(report));
      continue;
    }
    auto verdicts =
        verify_detached_cades(cms, as_bytes(signed_bytes), anchors, options,
                              std::string(origin) + " signature at offset " + std::to_string(at));
    if (!verdicts) {
      fail(verdicts.error().message);
      continue;
    }
    if (verdicts->empty()) {
      fail("CMS without SignerInfo");
      continue;
    }
    report.cades = std::move(verdicts->front());
    if (report.modified_after_signing) {
      report.cades.warnings.push_back(
          "the document was modified after signing: " + std::to_string(pdf.size() - revision_end) +
          " bytes follow the signed revision");
    }
    reports.push_back(std::move(report));
  }
  if (reports.empty())
    return error(ErrorCode::kMalformed, origin, "no PDF signature (/ByteRange) found");
  return reports;
}

}  // namespace einvoice::signing
